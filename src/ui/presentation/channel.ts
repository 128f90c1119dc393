/**
 * The presentation and its speaker view talk over a BroadcastChannel (same origin, any window):
 * `step` (the stage says where it is), `go` (either asks the stage to move), `black`, and
 * `hello` (a speaker view that has just opened asks where the stage is).
 */
export type PresentationMessage =
  | { type: 'step'; story: string; step: number; count: number; black: boolean }
  | { type: 'go'; story: string; step: number }
  | { type: 'black'; story: string; black: boolean }
  | { type: 'hello'; story: string };

export interface PresentationChannel {
  post(m: PresentationMessage): void;
  close(): void;
}

export const CHANNEL_NAME = 'apparat-presentation';

export function openChannel(listener: (m: PresentationMessage) => void): PresentationChannel {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const ch = new BroadcastChannel(CHANNEL_NAME);
  ch.onmessage = (e: MessageEvent<PresentationMessage>) => {
    if (e.data && typeof e.data === 'object' && typeof e.data.story === 'string') listener(e.data);
  };
  return { post: (m) => ch.postMessage(m), close: () => ch.close() };
}
