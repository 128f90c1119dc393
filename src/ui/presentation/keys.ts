/**
 * The presenter's keys, shared by the stage and the speaker view. Clickers send the arrows and
 * PageUp/PageDown; Space steps forward and Shift+Space back, as in reveal.js.
 */
export type PresenterAction = 'next' | 'previous' | 'first' | 'last' | 'fullscreen' | 'black' | 'speaker' | 'leave';

const KEYS: Record<string, PresenterAction> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  n: 'next',
  N: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  p: 'previous',
  P: 'previous',
  Home: 'first',
  End: 'last',
  f: 'fullscreen',
  F: 'fullscreen',
  b: 'black',
  B: 'black',
  '.': 'black',
  s: 'speaker',
  S: 'speaker',
  Escape: 'leave',
};

export function presenterAction(e: { key: string; shiftKey: boolean }): PresenterAction | undefined {
  if (e.key === ' ') return e.shiftKey ? 'previous' : 'next';
  return KEYS[e.key];
}
