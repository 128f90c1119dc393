/**
 * A large chart hands Cytoscape only the part of its layout near the view: its window. Cytoscape
 * styles, measures and redraws every element it holds whenever they change, so at thousands of
 * organs a date step spends most of its time on organs nobody can see. The layout stays whole
 * (the camera, the overview and the exports work from it); the window is worked out from it here,
 * without the DOM.
 */
import type { TidyLayout } from '../layout/tidy.ts';
import type { ViewTree } from '../layout/view.ts';
import type { Box, Camera, Size } from './camera.ts';
import { GHOST_OFFSET, GHOSTS, labelSize, nodeLabel } from './elements.ts';

/** Above this many organs, a chart draws only its window. */
export const WINDOW_MIN = 2000;

/**
 * Each organ's node in model units, from its label's size and its place (a counted group's stacked
 * copies stand out of it by `STACK`). `sizes`: the sizes already worked out for the layout (width,
 * height pairs in the order of the tree's organs), so that a large tree's labels are not sized twice.
 */
export function organBoxes(tree: ViewTree, layout: TidyLayout, sizes?: Float64Array): Map<string, Box> {
  const boxes = new Map<string, Box>();
  let i = 0;
  for (const [id, o] of tree.organs) {
    const p = layout.positions.get(id);
    const { w, h } = sizes ? { w: sizes[2 * i], h: sizes[2 * i + 1] } : labelSize(nodeLabel(o, tree.folded.get(id) ?? 0));
    i++;
    if (p) boxes.set(id, { x1: p.x - w / 2, y1: p.y - h / 2, x2: p.x + w / 2, y2: p.y + h / 2 });
  }
  return boxes;
}

/** How far a counted group's stacked copies stand out of its node, right and down. */
const STACK = GHOSTS * GHOST_OFFSET;

const meets = (a: Box, b: Box) => a.x1 <= b.x2 && a.x2 >= b.x1 && a.y1 <= b.y2 && a.y2 >= b.y1;
/** Whether a node, with the stacked copies it may have, meets a box. */
const nodeMeets = (a: Box, b: Box) => a.x1 <= b.x2 && a.x2 + STACK >= b.x1 && a.y1 <= b.y2 && a.y2 + STACK >= b.y1;

/**
 * The organs to hand Cytoscape for a window (model units): those whose box meets it, and the ends
 * of the edges whose routes cross it, so that no line in view is cut short. Of the edges that only
 * run along a bus across the window to children beyond it (a parent over thousands of children),
 * one per side and bus is enough: the nearest child's edge draws the whole of the bus in view.
 */
export function organsInWindow(tree: ViewTree, layout: TidyLayout, boxes: ReadonlyMap<string, Box>, window: Box): Set<string> {
  const inside = new Set<string>();
  for (const [id, b] of boxes) if (nodeMeets(b, window)) inside.add(id);
  const passing = new Map<string, { child: string; parent: string; x: number }>();
  const add = (child: string, parent: string) => {
    inside.add(child);
    inside.add(parent);
  };
  for (const [child, parent] of tree.parent) {
    const a = layout.positions.get(parent);
    const c = layout.positions.get(child);
    if (!a || !c || (inside.has(child) && inside.has(parent))) continue;
    if (inside.has(child) || inside.has(parent)) {
      // One end in view: the edge is drawn whole, unless it leaves sideways along a bus.
      if (!inside.has(child) && (c.x < window.x1 || c.x > window.x2)) passingBus(child, parent, c.x, [a, ...(layout.routes.get(child) ?? []), c]);
      else add(child, parent);
      continue;
    }
    const points = [a, ...(layout.routes.get(child) ?? []), c];
    const crossing = segmentsIn(points, window);
    if (!crossing.length) continue;
    if ((c.x < window.x1 || c.x > window.x2) && crossing.every(([p, q]) => p.y === q.y)) passingBus(child, parent, c.x, points);
    else add(child, parent);
  }
  for (const { child, parent } of passing.values()) add(child, parent);
  return inside;

  /** Keeps, per parent, side and bus, the child nearest the window. */
  function passingBus(child: string, parent: string, x: number, points: { x: number; y: number }[]) {
    const left = x < window.x1;
    const bus = segmentsIn(points, window).find(([p, q]) => p.y === q.y)?.[0].y;
    const key = `${parent}\u0000${left ? 'l' : 'r'}\u0000${bus ?? ''}`;
    const had = passing.get(key);
    if (!had || (left ? x > had.x : x < had.x)) passing.set(key, { child, parent, x });
  }
}

/** The segments of a route (its points in order) that meet a box. */
function segmentsIn(points: { x: number; y: number }[], box: Box): [{ x: number; y: number }, { x: number; y: number }][] {
  const out: [{ x: number; y: number }, { x: number; y: number }][] = [];
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1];
    const q = points[i];
    if (meets({ x1: Math.min(p.x, q.x), y1: Math.min(p.y, q.y), x2: Math.max(p.x, q.x), y2: Math.max(p.y, q.y) }, box)) out.push([p, q]);
  }
  return out;
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
