/**
 * A large chart's draw worked out across frames: node sizes, the tidy layout (in a worker,
 * ./layout-client.ts), the elements and the plan, in slices of a few milliseconds with the page
 * given a turn between them, so that a date step at thousands of organs blocks no frame for long. A newer draw cancels an older job.
 */
import { indexOf } from '../../layout/packed.ts';
import type { TidyLayout } from '../../layout/tidy.ts';
import type { ViewTree } from '../../layout/view.ts';
import { drawnElementsInSteps, nodeSize } from '../../render/elements.ts';
import { planInSteps, type Drawn, type Plan } from '../../render/plan.ts';
import { afterFrame, BUDGET, inSlices, spend, yieldToPage } from '../shared/slices.ts';

/**
 * Trees with more organs than this are drawn by a job; smaller ones at once, unless they are drawn
 * through a window (src/render/window.ts `WINDOW_MIN`), which always takes a job. Off by default
 * for the rest: with every organ handed to Cytoscape, its redraw, not the layout, was the worst
 * frame (README, Benchmarks); `setJobMinOrgans(1500)` turns it on.
 */
let jobMin = Infinity;
export const jobMinOrgans = (): number => jobMin;
export function setJobMinOrgans(n = Infinity): void {
  jobMin = n;
}

/** A large chart's window for a layout (and the sizes it was made with), worked out in steps; undefined: every organ is drawn. */
type Window = (layout: TidyLayout, sizes: Float64Array) => Generator<void, ReadonlySet<string> | undefined> | undefined;

export class PlanJob {
  private cancelled = false;
  /** True until the plan is handed over (or the job is cancelled). */
  busy = true;

  /**
   * Starts working out the plan from what is drawn to `tree`; `done` gets it with its layout.
   * `window`, given the layout and the sizes it was made with (in the order of the tree's organs),
   * names the organs to draw, in steps (a large chart's window; undefined: all).
   */
  constructor(tree: ViewTree, drawn: Drawn, prescribed: boolean, window: Window, done: (layout: TidyLayout, plan: Plan) => void) {
    void this.run(tree, drawn, prescribed, window).then((got) => {
      this.busy = false;
      if (got && !this.cancelled) done(got.layout, got.plan);
    });
  }

  cancel(): void {
    this.cancelled = true;
    this.busy = false;
  }

  private async run(tree: ViewTree, drawn: Drawn, prescribed: boolean, window: Window): Promise<{ layout: TidyLayout; plan: Plan } | undefined> {
    // A draw is started in a frame's callbacks, the frame that draws a large tree's outline: the
    // work waits for the frame after (a slice right behind the outline's frame made a busy stretch
    // of 15–25 ms here).
    await afterFrame();
    if (this.cancelled) return undefined;
    let start = performance.now();
    /** Yields to the page when this slice has had its time; false when the job was cancelled meanwhile. */
    const pause = async () => {
      if (performance.now() - start < BUDGET) return true;
      spend(performance.now() - start);
      await yieldToPage();
      start = performance.now();
      return !this.cancelled;
    };
    const ids: string[] = [];
    const sizes = new Float64Array(2 * tree.organs.size);
    // By key, not entry: an entry is an array made for each of thousands of organs at every step.
    for (const id of tree.organs.keys()) {
      const { w, h } = nodeSize(tree.organs.get(id)!, tree.folded.get(id) ?? 0);
      sizes[2 * ids.length] = w;
      sizes[2 * ids.length + 1] = h;
      ids.push(id);
      if (ids.length % 250 === 0 && !(await pause())) return undefined;
    }
    // The worker's client loads with the first large chart, not with the page.
    const [{ layoutOff }, { layoutMessage, layoutOfReply }] = await Promise.all([import('./layout-client.ts'), import('../../layout/tidy-message.ts')]);
    if (!(await pause())) return undefined;
    const index = indexOf(ids);
    const request = layoutMessage(0, ids, tree.roots, (id) => tree.children.get(id), sizes, { gridAspect: tree.gridAspect, wrapWidth: tree.wrapWidth, levelSlots: tree.levelSlots }, index);
    spend(performance.now() - start);
    const reply = await layoutOff(request);
    if (this.cancelled) return undefined;
    start = performance.now();
    const layout = layoutOfReply(ids, reply, index);
    // Choosing the window reads every node's box and edge: slices of their own.
    spend(performance.now() - start);
    await yieldToPage();
    const alive = () => !this.cancelled;
    if (!alive()) return undefined;
    const windowed = window(layout, sizes);
    const only = windowed && (await inSlices(windowed, alive));
    if (!alive() || (windowed && !only)) return undefined;
    const elements = await inSlices(drawnElementsInSteps(tree, layout, prescribed, only), alive);
    const plan = elements && (await inSlices(planInSteps(drawn, elements), alive));
    if (!plan) return undefined;
    // The plan goes to Cytoscape in the callbacks of the frame after next, behind Cytoscape's own,
    // so that it draws the plan in the frame after that: with the plan's last slice, handing it
    // over and Cytoscape's drawing came to 11-19 ms of CPU in one frame interval (bench: date-step-10k-cpu).
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return alive() ? { layout, plan } : undefined;
  }
}
