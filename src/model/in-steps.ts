/**
 * Work in steps: a generator that pauses (yields) between parts of its work, so that a page can
 * run it a few milliseconds at a time (src/ui/shared/slices.ts) and a test or the CLI at once.
 */

/** Runs a generator of `…InSteps` to its end. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
