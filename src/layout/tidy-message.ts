/**
 * The tidy-tree layout as plain messages, for a worker: a forest with each node's size goes in,
 * positions, stacked leaves and edge routes come out, in arrays that copy fast between threads.
 */
import { indexOf, PackedPoints, PackedRoutes } from './packed.ts';
import { tidyNumbered, type TidyArrays, type TidyLayout, type TidyOptions } from './tidy.ts';

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
  // Counted first, then written straight into the typed array: plain loops, no array growing or
  // iterator made per node (a large graph's date step sends thousands).
  const kidStart = new Int32Array(ids.length + 1);
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    kidStart[i] = n;
    n += children(ids[i])?.length ?? 0;
  }
  kidStart[ids.length] = n;
  const kids = new Int32Array(n);
  for (let i = 0, k = 0; i < ids.length; i++) {
    const cs = children(ids[i]);
    if (cs) for (let j = 0; j < cs.length; j++) kids[k++] = index.get(cs[j])!;
  }
  return { id, roots: Int32Array.from(roots, (r) => index.get(r)!), kidStart, kids, sizes, shape };
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
  // Made when first asked for: the chart never asks, and a set of thousands of names made at every step would outlive the next young-generation collection.
  let stacked: Set<string> | undefined;
  return {
    positions: new PackedPoints(ids, index, reply.xy),
    get stacked() {
      return (stacked ??= new Set(Array.from(reply.stacked, (i) => ids[i])));
    },
    routes: new PackedRoutes(ids, index, routeOf, reply),
    bounds: reply.bounds,
  };
}
