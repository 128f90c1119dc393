/**
 * Read-only maps over values packed in typed arrays, made when asked for: what a large chart keeps
 * per organ at every date step (its point, its box) without an object per organ. At 10,000 organs
 * those objects outlived the next young-generation collection, which had to copy them all: its
 * pauses were among the step's worst frames (README, Benchmarks). The loops that read every node
 * at every step read the numbers into one reused object instead (`readPoint`, `readRoute`,
 * `forEachPoint`): objects made per read were two fifths of the 14 MB a step allocated, and the
 * more a step allocates, the more often those collections come.
 */
import type { LayoutReply } from './tidy-message.ts';
import type { Point } from './tidy.ts';

/** A value for each name that has one (`at` its place in `ids`), made when asked for. */
export abstract class Packed<V> implements ReadonlyMap<string, V> {
  constructor(
    protected readonly ids: readonly string[],
    protected readonly index: ReadonlyMap<string, number>,
  ) {}

  /** The value of the node at place i, if it has one. */
  protected abstract at(i: number): V | undefined;

  get(id: string): V | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  /** Its places, when its names are `ids` in the same order: for another map over the same names to share. */
  placesFor(ids: readonly string[]): ReadonlyMap<string, number> | undefined {
    if (ids.length !== this.ids.length) return undefined;
    for (let i = 0; i < ids.length; i++) if (ids[i] !== this.ids[i]) return undefined;
    return this.index;
  }

  /** The place of a name in `ids`, or -1. */
  protected placeOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (let i = 0; i < this.ids.length; i++) if (this.at(i) !== undefined) n++;
    return n;
  }

  // Plain loops, not one iterator over another: the overview and the window read every node at each step.
  *entries(): MapIterator<[string, V]> {
    for (let i = 0; i < this.ids.length; i++) {
      const v = this.at(i);
      if (v !== undefined) yield [this.ids[i], v];
    }
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.ids.length; i++) if (this.at(i) !== undefined) yield this.ids[i];
  }

  *values(): MapIterator<V> {
    for (let i = 0; i < this.ids.length; i++) {
      const v = this.at(i);
      if (v !== undefined) yield v;
    }
  }

  forEach(f: (value: V, key: string, map: ReadonlyMap<string, V>) => void, self?: unknown): void {
    for (let i = 0; i < this.ids.length; i++) {
      const v = this.at(i);
      if (v !== undefined) f.call(self, v, this.ids[i], this);
    }
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/** Each name's place in `ids`. */
export function indexOf(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) index.set(ids[i], i);
  return index;
}

/** Points packed as x, y pairs in the order of `ids`. */
export class PackedPoints extends Packed<Point> {
  constructor(ids: readonly string[], index: ReadonlyMap<string, number>, private readonly xy: Float64Array) {
    super(ids, index);
  }

  protected at(i: number): Point {
    return { x: this.xy[2 * i], y: this.xy[2 * i + 1] };
  }

  override get size(): number {
    return this.ids.length;
  }

  read(id: string, into: Point): boolean {
    const i = this.placeOf(id);
    if (i < 0) return false;
    into.x = this.xy[2 * i];
    into.y = this.xy[2 * i + 1];
    return true;
  }

  forEachXY(f: (x: number, y: number) => void): void {
    for (let i = 0; i < this.ids.length; i++) f(this.xy[2 * i], this.xy[2 * i + 1]);
  }
}

/** Edge routes: the bends of the route to node i are `points` from `routeStart[routeOf[i]]` (x, y pairs). */
export class PackedRoutes extends Packed<Point[]> {
  constructor(ids: readonly string[], index: ReadonlyMap<string, number>, private readonly routeOf: Int32Array, private readonly reply: Pick<LayoutReply, 'routeStart' | 'points'>) {
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

  read(id: string, into: number[]): number {
    const i = this.placeOf(id);
    const r = i < 0 ? -1 : this.routeOf[i];
    if (r < 0) return 0;
    const { routeStart, points } = this.reply;
    let n = 0;
    for (let k = routeStart[r]; k < routeStart[r + 1]; k++) into[n++] = points[k];
    return n / 2;
  }
}

/** Reads a node's point into `into`; false when it has none. */
export function readPoint(points: ReadonlyMap<string, Point>, id: string, into: Point): boolean {
  if (points instanceof PackedPoints) return points.read(id, into);
  const p = points.get(id);
  if (!p) return false;
  into.x = p.x;
  into.y = p.y;
  return true;
}

/** Reads the bends of a node's edge route into `into` as x, y pairs; how many bends (0: none, or straight). */
export function readRoute(routes: ReadonlyMap<string, readonly Point[]>, id: string, into: number[]): number {
  if (routes instanceof PackedRoutes) return routes.read(id, into);
  const pts = routes.get(id) ?? [];
  for (let k = 0; k < pts.length; k++) {
    into[2 * k] = pts[k].x;
    into[2 * k + 1] = pts[k].y;
  }
  return pts.length;
}

/** Every point's x and y. */
export function forEachPoint(points: ReadonlyMap<string, Point>, f: (x: number, y: number) => void): void {
  if (points instanceof PackedPoints) points.forEachXY(f);
  else points.forEach((p) => f(p.x, p.y));
}
