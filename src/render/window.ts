/**
 * A large chart hands Cytoscape only the part of its layout near the view: its window. Cytoscape
 * styles, measures and redraws every element it holds whenever they change, so at thousands of
 * organs a date step spends most of its time on organs nobody can see. The layout stays whole
 * (the camera, the overview and the exports work from it); the window is worked out from it here,
 * without the DOM.
 */
import { indexOf, Packed, readPoint, readRoute } from '../layout/packed.ts';
import { finish } from '../model/in-steps.ts';
import type { Point, TidyLayout } from '../layout/tidy.ts';
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
  if (!sizes) {
    sizes = new Float64Array(2 * tree.organs.size);
    let j = 0;
    tree.organs.forEach((o, id) => {
      const { w, h } = nodeSize(o, tree.folded.get(id) ?? 0);
      sizes![j++] = w;
      sizes![j++] = h;
    });
  }
  const ids: string[] = [];
  const xyxy = new Float64Array(4 * tree.organs.size);
  const p = { x: 0, y: 0 };
  let i = 0;
  // Plain numbers read into one point: this runs over every organ at every step of a large chart.
  for (const id of tree.organs.keys()) {
    const w = sizes[2 * i];
    const h = sizes[2 * i + 1];
    i++;
    if (!readPoint(layout.positions, id, p)) continue;
    const k = 4 * ids.length;
    xyxy[k] = p.x - w / 2;
    xyxy[k + 1] = p.y - h / 2;
    xyxy[k + 2] = p.x + w / 2;
    xyxy[k + 3] = p.y + h / 2;
    ids.push(id);
  }
  // The layout's points are usually of the same organs in the same order: their places serve both.
  const shared = layout.positions instanceof Packed ? layout.positions.placesFor(ids) : undefined;
  return new PackedBoxes(ids, shared ?? indexOf(ids), xyxy);
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

  /** The name and box at place i, the box read into `into`. */
  read(i: number, into: Box): string {
    const k = 4 * i;
    into.x1 = this.xyxy[k];
    into.y1 = this.xyxy[k + 1];
    into.x2 = this.xyxy[k + 2];
    into.y2 = this.xyxy[k + 3];
    return this.ids[i];
  }
}

/** Boxes as packed boxes (those of `organBoxes` already are). */
function packed(boxes: ReadonlyMap<string, Box>): PackedBoxes {
  if (boxes instanceof PackedBoxes) return boxes;
  const ids = [...boxes.keys()];
  const xyxy = new Float64Array(4 * ids.length);
  ids.forEach((id, i) => {
    const b = boxes.get(id)!;
    xyxy.set([b.x1, b.y1, b.x2, b.y2], 4 * i);
  });
  return new PackedBoxes(ids, indexOf(ids), xyxy);
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
  // Read into one box, point and route each: this runs over every node and edge at every step.
  const all = packed(boxes);
  const b: Box = { x1: 0, y1: 0, x2: 0, y2: 0 };
  for (let i = 0; i < all.size; i++) {
    const id = all.read(i, b);
    if (nodeMeets(b, window)) inside.add(id);
    if (++n % every === 0) yield;
  }
  const a: Point = { x: 0, y: 0 };
  const c: Point = { x: 0, y: 0 };
  const bends: number[] = [];
  // Per parent, the nearest child beyond the window on each side of each bus (NaN: no bus).
  const passing = new Map<string, { left: boolean; bus: number; child: string; x: number }[]>();
  const add = (child: string, parent: string) => {
    inside.add(child);
    inside.add(parent);
  };
  // The child's x is read from `c`, not passed: a number passed to a function is boxed, thousands of times a step.
  const passingBus = (child: string, parent: string) => {
    const left = c.x < window.x1;
    const bus = crossing.bus;
    let list = passing.get(parent);
    if (!list) passing.set(parent, (list = []));
    let had;
    for (let i = 0; i < list.length && !had; i++) if (list[i].left === left && Object.is(list[i].bus, bus)) had = list[i];
    if (!had) list.push({ left, bus, child, x: c.x });
    else if (left ? c.x > had.x : c.x < had.x) {
      had.child = child;
      had.x = c.x;
    }
  };
  const edge = (parent: string, child: string) => {
    const hasChild = inside.has(child);
    const hasParent = inside.has(parent);
    if ((hasChild && hasParent) || !readPoint(layout.positions, parent, a) || !readPoint(layout.positions, child, c)) return;
    const beyond = c.x < window.x1 || c.x > window.x2;
    if (hasChild || hasParent) {
      // One end in view: the edge is drawn whole, unless it leaves sideways along a bus.
      if (!hasChild && beyond) {
        routeIn(a, bends, readRoute(layout.routes, child, bends), c, window);
        passingBus(child, parent);
      } else add(child, parent);
      return;
    }
    routeIn(a, bends, readRoute(layout.routes, child, bends), c, window);
    if (!crossing.hit) return;
    if (beyond && !crossing.across) passingBus(child, parent);
    else add(child, parent);
  };
  for (const child of tree.parent.keys()) {
    edge(tree.parent.get(child)!, child);
    if (++n % every === 0) yield;
  }
  passing.forEach((list, parent) => list.forEach((e) => add(e.child, parent)));
  return inside;
}

/** Where the last route `routeIn` looked at meets its box (one object, reused: nothing is allocated per edge; `bus` NaN for none, so that it stays a plain number). */
const crossing = { hit: false, across: false, bus: NaN };

/**
 * How a route (the parent's centre, its `n` bends as x, y pairs, the child's centre) meets a box:
 * `hit`, whether any segment does; `across`, whether one that does is not horizontal; `bus`, the y
 * of the first horizontal one that does.
 */
function routeIn(a: Point, bends: readonly number[], n: number, c: Point, box: Box): void {
  crossing.hit = false;
  crossing.across = false;
  crossing.bus = NaN;
  let px = a.x;
  let py = a.y;
  for (let i = 0; i <= n; i++) {
    const qx = i < n ? bends[2 * i] : c.x;
    const qy = i < n ? bends[2 * i + 1] : c.y;
    if (Math.max(px, qx) >= box.x1 && Math.min(px, qx) <= box.x2 && Math.max(py, qy) >= box.y1 && Math.min(py, qy) <= box.y2) {
      crossing.hit = true;
      if (py !== qy) crossing.across = true;
      else if (Number.isNaN(crossing.bus)) crossing.bus = py;
    }
    px = qx;
    py = qy;
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
