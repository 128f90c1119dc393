/**
 * Runs work in slices of a few milliseconds, with the page given a turn between them (a frame to
 * draw, input to answer): how a date step at thousands of organs keeps every frame short.
 */

/** Main-thread work per slice (ms): with the frame's own style, layout and paint, within a frame. */
export const BUDGET = 5;

/**
 * Gives the page a turn: a task posted behind whatever is waiting (a frame to draw, input), not a
 * whole frame's wait, so the work goes on as soon as the page is free (a timer would be clamped).
 */
const channel = new MessageChannel();
const turns: (() => void)[] = [];
channel.port1.onmessage = () => turns.shift()?.();
export const yieldToPage = (): Promise<void> =>
  new Promise<void>((r) => {
    turns.push(r);
    channel.port2.postMessage(undefined);
  });

/** Runs a generator of `…InSteps` (src/model/in-steps.ts) to its end in slices; undefined when `alive()` turns false between them. */
export async function inSlices<T>(steps: Generator<void, T>, alive: () => boolean = () => true): Promise<T | undefined> {
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - start >= BUDGET) {
      await yieldToPage();
      if (!alive()) return undefined;
      start = performance.now();
    }
  }
}
