/**
 * Applies a render plan (src/render/plan.ts) to a Cytoscape core: operations in a safe order,
 * small changes animated (organs fade in and out, the others glide) with new organs coming a few at
 * a time, every other frame, large ones in slices across frames inside one batch, so that no frame
 * is blocked for long and a newer plan simply replaces what is still queued. Keeps the mirror of
 * what the canvas holds.
 */
import type { Core } from 'cytoscape';
import { edgeDefinition, nodeDefinition } from '../../render/elements.ts';
import { edgeSignature, emptyDrawn, nodeSignature, planSize, stages, visibleChanges, type Drawn, type Plan } from '../../render/plan.ts';

/** Above this many changed organs, a step jumps instead of animating. */
export const ANIMATE_MAX = 1500;
export const DURATION = 420;
/** Element operations per synchronous apply; bigger changes are sliced across frames. */
const SLICE = 1200;
/** Cytoscape removes a collection in one pass, but one element at a time costs a pass each. */
const REMOVE_CHUNK = 500;
const ADD_CHUNK = 200;
/**
 * What comes at once into a chart already drawn, in new organs' worth (`stages`,
 * src/render/plan.ts); more comes every other frame. A large chart's frames also carry the slices
 * of its job and its outline: about 5 ms of Cytoscape's work here. A smaller chart's have nothing
 * else: about 12 ms, 11 new organs with their lines (12 came at once before stages), so that a
 * step of the regional graph comes to rest as soon.
 */
export const ENTER_PER_FRAME = { large: 6, small: 16 } as const;

/**
 * Cytoscape measures new labels and routes new lines (its rendered style) at the start of the
 * frame that draws them: 5 ms of a 14 ms frame here. Done in the frame that applies the stage
 * instead, which carries little else. The canvas renderer's own method, feature-checked: without
 * it Cytoscape does the work later, as before.
 */
const flushRenderedStyle = (cy: Core): void => (cy as unknown as { renderer(): { flushRenderedStyleQueue?(): void } }).renderer().flushRenderedStyleQueue?.();

const chunks = <T>(list: T[], n: number): T[][] => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));

export class PlanApplier {
  /** What the canvas holds (updated as operations run, so a replaced plan leaves it true). */
  drawn: Drawn = emptyDrawn();
  private queue: (() => void)[] = [];
  private batchOpen = false;
  private edgeTimer?: number;
  /** Edges carry an opacity of their own (hidden or fading in) that a jump must clear. */
  private edgesFaded = false;

  constructor(private cy: Core) {}

  /** True while a sliced plan is still being applied. */
  get busy(): boolean {
    return this.queue.length > 0;
  }

  /** Removes everything. */
  clear(): void {
    this.queue = [];
    this.cy.elements().remove();
    this.drawn = emptyDrawn();
    if (this.batchOpen) {
      // A halted sliced plan left its batch open.
      this.batchOpen = false;
      this.cy.endBatch();
    }
  }

  /** Stops applying a sliced plan where it is (a newer one is being worked out); the canvas keeps its picture until that comes. */
  halt(): void {
    this.queue = [];
  }

  /** Stops pending work (the core is going away). */
  dispose(): void {
    this.queue = [];
    window.clearTimeout(this.edgeTimer);
  }

  /**
   * Applies a plan; `done` runs once it is all on the canvas. Animated when `motion` allows it and
   * the change is small enough. `large`: the chart's frames also carry a large chart's work.
   */
  apply(p: Plan, motion: boolean, done: (animated: boolean) => void, large = false): void {
    const cy = this.cy;
    this.queue = [];
    const total = planSize(p);
    const animate = motion && visibleChanges(p) <= ANIMATE_MAX;
    // New organs come a few at a time only into a drawn chart: a fresh chart comes whole.
    const batches = this.drawn.nodes.size > 0 ? stages(p, ENTER_PER_FRAME[large ? 'large' : 'small'], animate).map((s) => this.operations(s, animate)) : [this.operations(p, animate)];
    const finish = () => {
      this.showEdges(animate);
      done(animate);
    };
    if (total <= SLICE || animate) {
      // The plan's first stage at once, the others every other frame. Cytoscape draws each batch in
      // the next frame, and its canvas drawn again in the very next frame made that frame's commit
      // 10–27 ms longer here (software canvas, no GPU).
      const run = (k: number) => {
        if (k > 0 && this.queue !== batches[k]) return;
        cy.batch(() => batches[k].forEach((op) => op()));
        if (this.batchOpen) {
          // A sliced plan this one replaced left its batch open.
          this.batchOpen = false;
          cy.endBatch();
        }
        flushRenderedStyle(cy);
        if (k + 1 < batches.length) {
          this.queue = batches[k + 1];
          requestAnimationFrame(() => requestAnimationFrame(() => run(k + 1)));
        } else {
          this.queue = [];
          finish();
        }
      };
      run(0);
      return;
    }
    // Large steps: slices of about 8 ms, one per frame, inside one Cytoscape batch that spans the
    // frames, so the canvas shows the old picture until the new one is complete and is drawn once.
    const queue = batches.flat();
    this.queue = queue;
    if (!this.batchOpen) {
      cy.startBatch();
      this.batchOpen = true;
    }
    let i = 0;
    const slice = () => {
      if (this.queue !== queue) return;
      const start = performance.now();
      while (i < queue.length && performance.now() - start < 8) queue[i++]();
      if (i < queue.length) requestAnimationFrame(slice);
      else {
        this.queue = [];
        this.batchOpen = false;
        cy.endBatch();
        finish();
      }
    };
    requestAnimationFrame(slice);
  }

  /** Applies a plan at once, in one batch and without motion, however large (an export needs every organ now). */
  applyNow(p: Plan): void {
    this.halt();
    const ops = this.operations(p, false);
    this.cy.batch(() => ops.forEach((op) => op()));
    if (this.batchOpen) {
      this.batchOpen = false;
      this.cy.endBatch();
    }
    this.showEdges(false);
  }

  /**
   * The plan as operations in a safe order: edges go, nodes go, data, moves, reroutes, nodes
   * come, edges come.
   */
  private operations(p: Plan, animate: boolean): (() => void)[] {
    const cy = this.cy;
    const { nodes, edges } = this.drawn;
    const byId = (id: string) => cy.getElementById(id);
    const collect = (ids: string[]) => cy.collection(ids.map((id) => byId(id)[0]).filter(Boolean) as never);
    const ops: (() => void)[] = [];
    for (const chunk of chunks(p.removeEdges, REMOVE_CHUNK))
      ops.push(() => {
        collect(chunk).remove();
        for (const id of chunk) edges.delete(id);
      });
    for (const chunk of chunks(p.removeNodes, REMOVE_CHUNK))
      ops.push(() => {
        const gone = collect(chunk);
        const attached = gone.connectedEdges();
        attached.forEach((e) => {
          edges.delete(e.id());
        });
        attached.remove();
        for (const id of chunk) nodes.delete(id);
        if (animate) {
          gone.addClass('leaving');
          gone.animate({ style: { opacity: 0 } }, { duration: DURATION * 0.6, queue: false, complete: () => gone.remove() });
        } else gone.remove();
      });
    for (const n of p.restyleNodes)
      ops.push(() => {
        byId(n.id).data(n.data);
        const m = nodes.get(n.id);
        if (m) m.sig = nodeSignature(n.data);
      });
    for (const n of p.moveNodes)
      ops.push(() => {
        const node = byId(n.id);
        if (animate) node.stop(true, false).animate({ position: { x: n.x, y: n.y } }, { duration: DURATION, easing: 'ease-in-out-cubic', queue: false });
        else node.position({ x: n.x, y: n.y });
        const m = nodes.get(n.id);
        if (m) {
          m.x = n.x;
          m.y = n.y;
        }
      });
    for (const e of p.rerouteEdges)
      ops.push(() => {
        byId(e.id).data(e.data);
        edges.set(e.id, edgeSignature(e.data));
      });
    for (const chunk of chunks(p.addNodes, ADD_CHUNK))
      ops.push(() => {
        // A node that leaves and comes back within one step is re-added by id.
        const old = collect(chunk.map((n) => n.id));
        if (old.nonempty()) old.stop(true).remove();
        const added = cy.add(chunk.map(nodeDefinition));
        for (const n of chunk) nodes.set(n.id, { x: n.x, y: n.y, sig: nodeSignature(n.data) });
        if (animate) {
          added.style('opacity', 0);
          added.animate({ style: { opacity: 1 } }, { duration: DURATION, easing: 'ease-in-cubic', queue: false, complete: () => added.removeStyle('opacity') });
        }
      });
    for (const chunk of chunks(p.addEdges, ADD_CHUNK))
      ops.push(() => {
        cy.add(chunk.filter((e) => nodes.has(e.source) && nodes.has(e.target)).map(edgeDefinition));
        for (const e of chunk) edges.set(e.id, edgeSignature(e.data));
      });
    return ops;
  }

  /** Edge routes are drawn for the new positions: hidden while the organs glide, then faded in. */
  private showEdges(animated: boolean): void {
    const cy = this.cy;
    window.clearTimeout(this.edgeTimer);
    if (!animated) {
      // Clearing a style on every edge restyles them all: only when one was set.
      if (this.edgesFaded) cy.edges().removeStyle('opacity');
      this.edgesFaded = false;
      return;
    }
    this.edgesFaded = true;
    cy.edges().style('opacity', 0);
    this.edgeTimer = window.setTimeout(() => {
      const shown = cy.edges();
      shown.animate({ style: { opacity: 1 } }, { duration: 180, queue: false, complete: () => shown.removeStyle('opacity') });
    }, DURATION);
  }
}
