/**
 * The tidy-tree layout as plain messages, for a worker: a forest with each node's size goes in,
 * positions, stacked leaves and edge routes come out, in arrays that copy fast between threads.
 */
import { indexOf, Packed } from './packed.ts';
import { tidyTree, type Point, type TidyLayout, type TidyOptions } from './tidy.ts';

export interface LayoutRequest {
  id: number;
  /** Nodes are numbered 0…n-1 (their place in the chart's own list of ids): no names cross the threads. */
  roots: Int32Array;
  /** Each node's children, in order: those of node i are `kids[kidStart[i]]` up to `kids[kidStart[i + 1]]`. */
  kidStart: Int32Array;
  kids: Int32Array;
  /** Each node's width and height. */
  sizes: Float64Array;
  /** The layout's shaping options a fold chose (src/layout/view.ts), passed on as they are. */
  shape?: Pick<TidyOptions, 'gridAspect' | 'wrapWidth' | 'levelSlots'>;
}

export interface LayoutReply {
  id: number;
  /** x and y of each node. */
  xy: Float64Array;
  /** The nodes drawn stacked under their parent. */
  stacked: Int32Array;
  /** Each bent edge's child, and where its bend points (x, y, x, y…) begin in `points` (one more entry: the end). */
  routeChild: Int32Array;
  routeStart: Int32Array;
  points: Float64Array;
  bounds: TidyLayout['bounds'];
}

/** A forest as a request: its nodes numbered in the order of `ids`. */
export function layoutMessage(id: number, ids: readonly string[], roots: readonly string[], children: (id: string) => readonly string[] | undefined, sizes: Float64Array, shape?: LayoutRequest['shape'], index: ReadonlyMap<string, number> = indexOf(ids)): LayoutRequest {
  const kidStart = new Int32Array(ids.length + 1);
  const kids: number[] = [];
  ids.forEach((x, i) => {
    kidStart[i] = kids.length;
    for (const c of children(x) ?? []) kids.push(index.get(c)!);
  });
  kidStart[ids.length] = kids.length;
  return { id, roots: Int32Array.from(roots, (r) => index.get(r)!), kidStart, kids: Int32Array.from(kids), sizes, shape };
}

/** The buffers of a reply, to hand over rather than copy. */
export const replyBuffers = (r: LayoutReply): ArrayBuffer[] => [r.xy.buffer, r.stacked.buffer, r.routeChild.buffer, r.routeStart.buffer, r.points.buffer] as ArrayBuffer[];

/** Lays out a request (in the worker; on the page when the worker fails). */
export function layoutRequest(r: LayoutRequest): LayoutReply {
  const n = r.sizes.length / 2;
  const names = Array.from({ length: n }, (_, i) => String(i));
  const childLists = names.map((_, i) => (r.kidStart[i + 1] > r.kidStart[i] ? Array.from(r.kids.subarray(r.kidStart[i], r.kidStart[i + 1]), (k) => names[k]) : undefined));
  const layout = tidyTree(
    { roots: Array.from(r.roots, (i) => names[i]), children: (id) => childLists[Number(id)] },
    { ...r.shape, width: (id) => r.sizes[2 * Number(id)], height: (id) => r.sizes[2 * Number(id) + 1] },
  );
  const xy = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const p = layout.positions.get(names[i]);
    xy[2 * i] = p?.x ?? 0;
    xy[2 * i + 1] = p?.y ?? 0;
  }
  const routeChild: number[] = [];
  const routeStart: number[] = [];
  const points: number[] = [];
  for (const [id, pts] of layout.routes) {
    if (!pts.length) continue;
    routeChild.push(Number(id));
    routeStart.push(points.length);
    for (const p of pts) points.push(p.x, p.y);
  }
  routeStart.push(points.length);
  return {
    id: r.id,
    xy,
    stacked: Int32Array.from(layout.stacked, Number),
    routeChild: Int32Array.from(routeChild),
    routeStart: Int32Array.from(routeStart),
    points: Float64Array.from(points),
    bounds: layout.bounds,
  };
}

/**
 * The reply as the layout the chart uses (`ids`: the names of the request's nodes, in order;
 * `index`: their places). Its points stay packed in the reply's arrays (./packed.ts).
 */
export function layoutOfReply(ids: readonly string[], reply: LayoutReply, index: ReadonlyMap<string, number> = indexOf(ids)): TidyLayout {
  const routeOf = new Int32Array(ids.length).fill(-1);
  for (let r = 0; r < reply.routeChild.length; r++) routeOf[reply.routeChild[r]] = r;
  const stacked = new Set<string>();
  for (const i of reply.stacked) stacked.add(ids[i]);
  return { positions: new PackedPoints(ids, index, reply.xy), stacked, routes: new PackedRoutes(ids, index, routeOf, reply), bounds: reply.bounds };
}

class PackedPoints extends Packed<Point> {
  constructor(ids: readonly string[], index: ReadonlyMap<string, number>, private readonly xy: Float64Array) {
    super(ids, index);
  }

  protected at(i: number): Point {
    return { x: this.xy[2 * i], y: this.xy[2 * i + 1] };
  }

  override get size(): number {
    return this.ids.length;
  }
}

class PackedRoutes extends Packed<Point[]> {
  constructor(ids: readonly string[], index: ReadonlyMap<string, number>, private readonly routeOf: Int32Array, private readonly reply: LayoutReply) {
    super(ids, index);
  }

  protected at(i: number): Point[] | undefined {
    const r = this.routeOf[i];
    if (r < 0) return undefined;
    const { routeStart, points } = this.reply;
    const pts: Point[] = [];
    for (let k = routeStart[r]; k < routeStart[r + 1]; k += 2) pts.push({ x: points[k], y: points[k + 1] });
    return pts;
  }
}
