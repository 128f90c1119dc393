/**
 * The tidy-tree layout as plain messages, for a worker: a forest with each node's size goes in,
 * positions, stacked leaves and edge routes come out, in arrays that copy fast between threads.
 */
import { indexOf, Packed } from './packed.ts';
import { tidyNumbered, type Point, type TidyArrays, type TidyLayout, type TidyOptions } from './tidy.ts';

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

export interface LayoutReply extends TidyArrays {
  id: number;
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
  return { id: r.id, ...tidyNumbered(r.roots, r.kidStart, r.kids, r.sizes, r.shape) };
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
