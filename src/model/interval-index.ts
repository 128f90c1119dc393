/**
 * A static interval index: items sorted by start, with an implicit balanced tree over the sorted
 * array whose nodes keep the greatest end below them. A query visits only subtrees that can
 * overlap, so it costs O(log n + k) for k hits.
 */
export class IntervalIndex<T> {
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly maxHi: Float64Array;
  private readonly items: T[];

  constructor(entries: ReadonlyArray<{ lo: number; hi: number; item: T }>) {
    const sorted = [...entries].sort((a, b) => a.lo - b.lo);
    const n = sorted.length;
    this.lo = new Float64Array(n);
    this.hi = new Float64Array(n);
    this.maxHi = new Float64Array(n);
    this.items = new Array<T>(n);
    sorted.forEach((e, i) => {
      this.lo[i] = e.lo;
      this.hi[i] = e.hi;
      this.items[i] = e.item;
    });
    if (n > 0) this.augment(0, n - 1);
  }

  get size(): number {
    return this.items.length;
  }

  private augment(from: number, to: number): number {
    const mid = (from + to) >>> 1;
    let max = this.hi[mid];
    if (from < mid) max = Math.max(max, this.augment(from, mid - 1));
    if (mid < to) max = Math.max(max, this.augment(mid + 1, to));
    this.maxHi[mid] = max;
    return max;
  }

  /** Calls `visit` for every item whose [lo, hi] overlaps [a, b]. */
  overlapping(a: number, b: number, visit: (item: T) => void): void {
    const n = this.items.length;
    if (n === 0) return;
    // An explicit stack keeps deep trees off the call stack.
    const stack: number[] = [0, n - 1];
    while (stack.length) {
      const to = stack.pop()!;
      const from = stack.pop()!;
      if (from > to) continue;
      const mid = (from + to) >>> 1;
      if (this.maxHi[mid] < a) continue;
      stack.push(from, mid - 1);
      if (this.lo[mid] <= b) {
        if (this.hi[mid] >= a) visit(this.items[mid]);
        stack.push(mid + 1, to);
      }
    }
  }
}
