/**
 * Runs work in slices of a few milliseconds, with the page given a turn between them (a frame to
 * draw, input to answer): how a date step at thousands of organs keeps every frame short.
 *
 * Slices count the time they take between two frames. Once a frame's share is spent, the next
 * slice waits for the frame and runs in the idle time after it is drawn: slices posted back to back would
 * otherwise run several to a frame interval (Chromium does not draw between every two tasks), and
 * with the frame's own work (style, layout, Cytoscape's drawing) overrun it.
 */

/** Main-thread work per slice (ms). */
export const BUDGET = 5;
/** Sliced work between two frames (ms): one slice, or two short ones. */
const PER_FRAME = 6;

/** Turns: a task posted behind whatever is waiting (a timer would be clamped to 4 ms and more). */
const channel = new MessageChannel();
const turns: (() => void)[] = [];
channel.port1.onmessage = () => turns.shift()?.();
const nextTurn = (): Promise<void> =>
  new Promise<void>((r) => {
    turns.push(r);
    channel.port2.postMessage(undefined);
  });

/** Sliced work done since the last frame began (ms). */
let spent = 0;
let counting = false;

/** Counts `ms` of sliced work against the current frame interval. */
export function spend(ms: number): void {
  spent += ms;
  if (counting) return;
  counting = true;
  requestAnimationFrame(() => {
    counting = false;
    spent = 0;
  });
}

/** Keeps sliced work out of the rest of this frame interval: the next frame has heavy work of its own. */
export const holdSlices = (): void => spend(PER_FRAME);

/** A frame's own work (callbacks, style, layout, paint) past which sliced work waits for the next frame (ms). */
const FRAME_SHARE = 8;

/** How long a slice waits for an idle period before it runs anyway (ms): a page that is never idle still gets its picture. */
const IDLE_WAIT = 50;
const rIC = (globalThis as { requestIdleCallback?: (f: (d: IdleDeadline) => void, o?: { timeout: number }) => number }).requestIdleCallback;
/**
 * The idle period after a frame (requestIdleCallback), where the browser has one: timers, input
 * and other tasks waiting then go first, so the frame and the slice after it are two short busy
 * stretches rather than one long one. Elsewhere a task after the frame.
 */
const idleTurn = (): Promise<IdleDeadline | undefined> =>
  rIC ? new Promise((r) => rIC(r, { timeout: IDLE_WAIT })) : nextTurn().then(() => undefined);

/** Resolves after the next frame, in its idle period; after a later frame's (`retries` times at most) when the frame's own work left too little of its interval. */
const frameThenTurn = (retries: number): Promise<void> =>
  new Promise<void>((r) =>
    requestAnimationFrame((begun) =>
      void idleTurn().then((idle) => {
        // A page that was never idle gets no roomier by waiting: the slice runs.
        const room = idle ? idle.didTimeout || idle.timeRemaining() >= BUDGET : performance.now() - begun <= FRAME_SHARE;
        return retries > 0 && !room ? frameThenTurn(retries - 1).then(r) : r();
      }),
    ),
  );

/** Resolves once the next frame is drawn: after it, not in its callbacks (nor in a long frame's interval, twice at most). */
export const afterFrame = (): Promise<void> => frameThenTurn(2);

/** Gives the page a turn: the next task when this frame interval has room for another slice, else after the next frame. */
export const yieldToPage = (): Promise<void> => (spent + BUDGET > PER_FRAME ? afterFrame() : nextTurn());

/** Runs a generator of `…InSteps` (src/model/in-steps.ts) to its end in slices; undefined when `alive()` turns false between them. */
export async function inSlices<T>(steps: Generator<void, T>, alive: () => boolean = () => true): Promise<T | undefined> {
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) {
      spend(performance.now() - start);
      return r.value;
    }
    if (performance.now() - start >= BUDGET) {
      spend(performance.now() - start);
      await yieldToPage();
      if (!alive()) return undefined;
      start = performance.now();
    }
  }
}
