/**
 * A large chart hands Cytoscape only the part of its layout near the view: its window. Cytoscape
 * styles, measures and redraws every element it holds whenever they change, so at thousands of
 * organs a date step spends most of its time on organs nobody can see. The layout stays whole
 * (the camera, the overview and the exports work from it); the window is worked out from it here,
 * without the DOM.
 */
import { indexOf, Packed } from '../layout/packed.ts';
import { finish } from '../model/in-steps.ts';
import type { TidyLayout } from '../layout/tidy.ts';
import type { ViewTree } from '../layout/view.ts';
import type { Box, Camera, Size } from './camera.ts';
import { GHOST_OFFSET, GHOSTS, nodeSize } from './elements.ts';

/** Above this many organs, a chart draws only its window. */
export const WINDOW_MIN = 2000;

/**
 * Each organ's node in model units, from its label's size and its place (a counted group's stacked
 * copies stand out of it by `STACK`). `sizes`: the sizes already worked out for the layout (width,
 * height pairs in the order of the tree's organs), so that a large tree's labels are not sized twice.
 */
export function organBoxes(tree: ViewTree, layout: TidyLayout, sizes?: Float64Array): ReadonlyMap<string, Box> {
  const ids: string[] = [];
  const xyxy = new Float64Array(4 * tree.organs.size);
  let i = 0;
  tree.organs.forEach((o, id) => {
    const p = layout.positions.get(id);
    const size = sizes ? undefined : nodeSize(o, tree.folded.get(id) ?? 0);
    const w = sizes ? sizes[2 * i] : size!.w;
    const h = sizes ? sizes[2 * i + 1] : size!.h;
    i++;
    if (!p) return;
    const k = 4 * ids.length;
    xyxy[k] = p.x - w / 2;
    xyxy[k + 1] = p.y - h / 2;
    xyxy[k + 2] = p.x + w / 2;
    xyxy[k + 3] = p.y + h / 2;
    ids.push(id);
  });
  return new PackedBoxes(ids, indexOf(ids), xyxy);
}

/** Boxes packed four numbers each (src/layout/packed.ts): no object per organ kept at every step. */
class PackedBoxes extends Packed<Box> {
  constructor(ids: readonly string[], index: ReadonlyMap<string, number>, private readonly xyxy: Float64Array) {
    super(ids, index);
  }

  protected at(i: number): Box {
    const k = 4 * i;
    return { x1: this.xyxy[k], y1: this.xyxy[k + 1], x2: this.xyxy[k + 2], y2: this.xyxy[k + 3] };
  }

  override get size(): number {
    return this.ids.length;
  }
}

/** How far a counted group's stacked copies stand out of its node, right and down. */
const STACK = GHOSTS * GHOST_OFFSET;

/** Whether a node, with the stacked copies it may have, meets a box. */
const nodeMeets = (a: Box, b: Box) => a.x1 <= b.x2 && a.x2 + STACK >= b.x1 && a.y1 <= b.y2 && a.y2 + STACK >= b.y1;

/**
 * The organs to hand Cytoscape for a window (model units): those whose box meets it, and the ends
 * of the edges whose routes cross it, so that no line in view is cut short. Of the edges that only
 * run along a bus across the window to children beyond it (a parent over thousands of children),
 * one per side and bus is enough: the nearest child's edge draws the whole of the bus in view.
 * It runs at every date step and pan of a large chart, over every edge: it keeps nothing of an
 * edge that misses the window.
 */
export function organsInWindow(tree: ViewTree, layout: TidyLayout, boxes: ReadonlyMap<string, Box>, window: Box): Set<string> {
  return finish(organsInWindowInSteps(tree, layout, boxes, window));
}

/** `organsInWindow` in steps (src/model/in-steps.ts), pausing every `every` organs and edges. */
export function* organsInWindowInSteps(tree: ViewTree, layout: TidyLayout, boxes: ReadonlyMap<string, Box>, window: Box, every = 1000): Generator<void, Set<string>> {
  const inside = new Set<string>();
  let n = 0;
  for (const [id, b] of boxes) {
    if (nodeMeets(b, window)) inside.add(id);
    if (++n % every === 0) yield;
  }
  // Per parent, the nearest child beyond the window on each side of each bus.
  const passing = new Map<string, { left: boolean; bus: number | undefined; child: string; x: number }[]>();
  const add = (child: string, parent: string) => {
    inside.add(child);
    inside.add(parent);
  };
  const passingBus = (child: string, parent: string, x: number) => {
    const left = x < window.x1;
    const bus = crossing.bus;
    let list = passing.get(parent);
    if (!list) passing.set(parent, (list = []));
    const had = list.find((e) => e.left === left && e.bus === bus);
    if (!had) list.push({ left, bus, child, x });
    else if (left ? x > had.x : x < had.x) {
      had.child = child;
      had.x = x;
    }
  };
  const edge = (parent: string, child: string) => {
    const a = layout.positions.get(parent);
    const c = layout.positions.get(child);
    const hasChild = inside.has(child);
    const hasParent = inside.has(parent);
    if (!a || !c || (hasChild && hasParent)) return;
    const beyond = c.x < window.x1 || c.x > window.x2;
    if (hasChild || hasParent) {
      // One end in view: the edge is drawn whole, unless it leaves sideways along a bus.
      if (!hasChild && beyond) {
        routeIn(a, layout.routes.get(child), c, window);
        passingBus(child, parent, c.x);
      } else add(child, parent);
      return;
    }
    routeIn(a, layout.routes.get(child), c, window);
    if (!crossing.hit) return;
    if (beyond && !crossing.across) passingBus(child, parent, c.x);
    else add(child, parent);
  };
  for (const child of tree.parent.keys()) {
    edge(tree.parent.get(child)!, child);
    if (++n % every === 0) yield;
  }
  passing.forEach((list, parent) => list.forEach((e) => add(e.child, parent)));
  return inside;
}

/** Where the last route `routeIn` looked at meets its box (one object, reused: nothing is allocated per edge). */
const crossing = { hit: false, across: false, bus: undefined as number | undefined };

/**
 * How a route (the parent's centre, its bends, the child's centre) meets a box: `hit`, whether
 * any segment does; `across`, whether one that does is not horizontal; `bus`, the y of the first
 * horizontal one that does.
 */
function routeIn(a: { x: number; y: number }, bends: readonly { x: number; y: number }[] | undefined, c: { x: number; y: number }, box: Box): void {
  crossing.hit = false;
  crossing.across = false;
  crossing.bus = undefined;
  const n = bends?.length ?? 0;
  let p = a;
  for (let i = 0; i <= n; i++) {
    const q = i < n ? bends![i] : c;
    if (Math.max(p.x, q.x) >= box.x1 && Math.min(p.x, q.x) <= box.x2 && Math.max(p.y, q.y) >= box.y1 && Math.min(p.y, q.y) <= box.y2) {
      crossing.hit = true;
      if (p.y !== q.y) crossing.across = true;
      else crossing.bus ??= p.y;
    }
    p = q;
  }
}

/** What a camera shows of the model, in model units. */
export function extentOf(camera: Camera, viewport: Size): Box {
  const { zoom, pan } = camera;
  return { x1: -pan.x / zoom, y1: -pan.y / zoom, x2: (viewport.width - pan.x) / zoom, y2: (viewport.height - pan.y) / zoom };
}

/** A window around what a camera shows: its extent widened by `margin` of itself on every side, so that a short pan needs no new window. */
export function windowAround(camera: Camera, viewport: Size, margin = 0.5): Box {
  const e = extentOf(camera, viewport);
  const dx = (e.x2 - e.x1) * margin;
  const dy = (e.y2 - e.y1) * margin;
  return { x1: e.x1 - dx, y1: e.y1 - dy, x2: e.x2 + dx, y2: e.y2 + dy };
}

/** Whether a window still covers what a camera shows (then no new window is needed). */
export function covers(window: Box, camera: Camera, viewport: Size): boolean {
  const e = extentOf(camera, viewport);
  return e.x1 >= window.x1 && e.y1 >= window.y1 && e.x2 <= window.x2 && e.y2 <= window.y2;
}
