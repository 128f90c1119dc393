/**
 * The tidy-tree layout as plain messages, for a worker: a forest with each node's size goes in,
 * positions, stacked leaves and edge routes come out, in arrays that copy fast between threads.
 */
import { tidyTree, type Point, type TidyLayout, type TidyOptions } from './tidy.ts';

export interface LayoutRequest {
  id: number;
  roots: string[];
  /** Every node, and beside it its children (in order), its width and its height. */
  ids: string[];
  children: (string[] | undefined)[];
  sizes: Float64Array;
  /** The layout's shaping options a fold chose (src/layout/view.ts), passed on as they are. */
  shape?: Pick<TidyOptions, 'gridAspect' | 'wrapWidth' | 'levelSlots'>;
}

export interface LayoutReply {
  id: number;
  /** x and y of each node of the request, in its order. */
  xy: Float64Array;
  stacked: string[];
  /** Each bent edge's child and its bend points, flat: x, y, x, y… */
  routes: [string, number[]][];
  bounds: TidyLayout['bounds'];
}

/** Lays out a request (in the worker; on the page when the worker fails). */
export function layoutRequest(r: LayoutRequest): LayoutReply {
  const at = new Map<string, number>();
  r.ids.forEach((id, i) => at.set(id, i));
  const layout = tidyTree(
    { roots: r.roots, children: (id) => r.children[at.get(id)!] },
    { ...r.shape, width: (id) => r.sizes[2 * at.get(id)!], height: (id) => r.sizes[2 * at.get(id)! + 1] },
  );
  const xy = new Float64Array(2 * r.ids.length);
  r.ids.forEach((id, i) => {
    const p = layout.positions.get(id);
    xy[2 * i] = p?.x ?? 0;
    xy[2 * i + 1] = p?.y ?? 0;
  });
  const routes: [string, number[]][] = [];
  for (const [id, pts] of layout.routes) if (pts.length) routes.push([id, pts.flatMap((p) => [p.x, p.y])]);
  return { id: r.id, xy, stacked: [...layout.stacked], routes, bounds: layout.bounds };
}

/** The reply as the layout the chart uses, pausing (yield) every thousand nodes: a large chart reads it across frames. */
export function* layoutOfReplyInSteps(r: LayoutRequest, reply: LayoutReply, every = 1000): Generator<void, TidyLayout> {
  const positions = new Map<string, Point>();
  for (let i = 0; i < r.ids.length; i++) {
    positions.set(r.ids[i], { x: reply.xy[2 * i], y: reply.xy[2 * i + 1] });
    if ((i + 1) % every === 0) yield;
  }
  const routes = new Map<string, Point[]>();
  for (const [id, flat] of reply.routes) {
    const pts: Point[] = [];
    for (let i = 0; i < flat.length; i += 2) pts.push({ x: flat[i], y: flat[i + 1] });
    routes.set(id, pts);
    if (routes.size % every === 0) yield;
  }
  return { positions, stacked: new Set(reply.stacked), routes, bounds: reply.bounds };
}
