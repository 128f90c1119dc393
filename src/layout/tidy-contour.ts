/**
 * The contours of the tidy tree (./tidy.ts) and what is built from them: columns of stacked leaves,
 * grids of leaves, rows of subtrees placed side by side and wrapped to a width.
 */
import type { TIDY_DEFAULTS } from './tidy.ts';

export const EMPTY_L = Infinity;
export const EMPTY_R = -Infinity;

/**
 * A contour stored bottom-up: slot s (0 = the subtree's root) is at index n-1-s of `l` and `r`,
 * plus dx. Its extents are kept in typed arrays that grow by doubling, all made by this class:
 * the layout's loops then see one shape of data. (With plain arrays, whose element kinds vary
 * with the numbers in them, V8 threw away and recompiled the layout in the worker at almost every
 * date step, and the compiler took a core the page needed.)
 */
export class Contour {
  l: Float64Array;
  r: Float64Array;
  /** Slots in use. */
  n: number;
  dx: number;

  constructor(n: number, capacity = Math.max(4, n)) {
    this.l = new Float64Array(capacity).fill(EMPTY_L);
    this.r = new Float64Array(capacity).fill(EMPTY_R);
    this.n = n;
    this.dx = 0;
  }

  /** A single node `w` wide. */
  static leaf(w: number): Contour {
    const c = new Contour(1);
    c.l[0] = -w / 2;
    c.r[0] = w / 2;
    return c;
  }

  /** Adds a slot above the top one (the contour's new root slot). */
  push(l: number, r: number): void {
    if (this.n === this.l.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(2 * a.length);
        b.set(a);
        return b;
      };
      this.l = grow(this.l);
      this.r = grow(this.r);
    }
    this.l[this.n] = l;
    this.r[this.n] = r;
    this.n++;
  }

  copy(): Contour {
    const c = new Contour(this.n, this.l.length);
    c.l.set(this.l);
    c.r.set(this.r);
    c.dx = this.dx;
    return c;
  }
}

export function slotL(c: Contour, s: number): number {
  return c.l[c.n - 1 - s] + c.dx;
}
export function slotR(c: Contour, s: number): number {
  return c.r[c.n - 1 - s] + c.dx;
}

/** A group of consecutive children placed as one: a single subtree, or a column stacked from a trunk. */
export interface Item {
  kids: number[];
  stack: boolean;
}

/** A stacked column: its contour (trunk at x = 0), and each child's slot offset and x from the trunk. */
export interface Column {
  contour: Contour;
  offsets: Int32Array;
  shifts: Float64Array;
}

export type Options = typeof TIDY_DEFAULTS;

/** Slots a stacked child takes, with an empty slot after a subtree when another follows it. */
function blockSlots(c: Contour, hasKids: boolean): number {
  return c.n + (hasKids ? 1 : 0);
}

/**
 * A run of leaves as a grid: columns of about the same length, filled in order, as many as give the
 * block about the shape `gridAspect` asks (at 2, a run of 9 takes two columns, of 17 three, of
 * 100 eight), so that a parent with many children takes a compact block, not a long column.
 */
export function leafGrid(run: number[], width: Float64Array, o: Options): Item[] {
  let w = 0;
  for (const c of run) w = Math.max(w, width[c]);
  const cols = Math.max(1, Math.min(run.length, Math.round(Math.sqrt((run.length * o.slot * o.gridAspect) / (w + o.indent + o.siblingGap)))));
  const per = Math.ceil(run.length / cols);
  const items: Item[] = [];
  for (let i = 0; i < run.length; i += per) items.push({ kids: run.slice(i, i + per), stack: true });
  return items;
}

/** Stacks the children's subtrees one under another, each to the right of a trunk at x = 0. */
export function stackColumn(kids: number[], contours: (Contour | undefined)[], count: Int32Array, o: Options): Column {
  const offsets = new Int32Array(kids.length);
  const shifts = new Float64Array(kids.length);
  let slots = 0;
  kids.forEach((c, i) => {
    const ct = contours[c]!;
    let lo = Infinity;
    for (let s = 0; s < ct.n; s++) lo = Math.min(lo, slotL(ct, s));
    offsets[i] = slots;
    shifts[i] = o.indent - lo;
    slots += i < kids.length - 1 ? blockSlots(ct, count[c] > 0) : ct.n;
  });
  const last = offsets[offsets.length - 1];
  const column = new Contour(slots);
  const { l, r } = column;
  // Index of slot s in bottom-up arrays.
  const at = (s: number) => slots - 1 - s;
  for (let s = 0; s <= last; s++) {
    l[at(s)] = 0;
    r[at(s)] = 0;
  }
  kids.forEach((c, i) => {
    const ct = contours[c]!;
    for (let s = 0; s < ct.n; s++) {
      const idx = at(offsets[i] + s);
      l[idx] = Math.min(l[idx], slotL(ct, s) + shifts[i]);
      r[idx] = Math.max(r[idx], slotR(ct, s) + shifts[i]);
    }
  });
  return { contour: column, offsets, shifts };
}

/** The leftmost extent of a contour over all its slots. */
export function contourLeft(c: Contour): number {
  let lo = Infinity;
  for (let s = 0; s < c.n; s++) lo = Math.min(lo, slotL(c, s));
  return lo;
}

/** The rightmost extent of a contour over all its slots. */
export function contourRight(c: Contour): number {
  let hi = -Infinity;
  for (let s = 0; s < c.n; s++) hi = Math.max(hi, slotR(c, s));
  return hi;
}

/**
 * Items in rows, in order, each row as many as stand within `wrapWidth` side by side (counting
 * their whole widths and the gaps between: a little wider than their packed contours); an item
 * wider than that has a row of its own.
 */
export function wrapRows(cs: Contour[], o: Options): number[][] {
  const rows: number[][] = [[]];
  let used = 0;
  cs.forEach((c, j) => {
    const w = contourRight(c) - contourLeft(c);
    const row = rows[rows.length - 1];
    if (row.length && used + o.subtreeGap + w > o.wrapWidth) {
      rows.push([j]);
      used = w;
    } else {
      used += (row.length ? o.subtreeGap : 0) + w;
      row.push(j);
    }
  });
  return rows;
}

/**
 * Contours placed left to right, each as close to the ones before as they allow: their merged
 * contour and each one's x. `gap(s)` is the room kept between neighbours at slot `s` below their tops.
 */
export function placeRow(cs: Contour[], o: Options, gap = (s: number) => (s === 0 ? o.siblingGap : o.subtreeGap)): { acc: Contour; xs: Float64Array } {
  let acc: Contour | undefined;
  const xs = new Float64Array(cs.length);
  for (let j = 0; j < cs.length; j++) {
    const child = cs[j];
    if (!acc) {
      acc = child;
      continue;
    }
    const common = Math.min(acc.n, child.n);
    let shift = -Infinity;
    for (let s = 0; s < common; s++) {
      const right = slotR(acc, s);
      const left = slotL(child, s);
      if (right === EMPTY_R || left === EMPTY_L) continue;
      const need = right - left + gap(s);
      if (need > shift) shift = need;
    }
    if (shift === -Infinity) shift = 0;
    xs[j] = shift;
    child.dx += shift;
    // Merge the shorter contour into the longer one.
    let base = acc;
    let other = child;
    if (child.n > acc.n) {
      base = child;
      other = acc;
    }
    for (let s = 0; s < other.n; s++) {
      const bi = base.n - 1 - s;
      const ol = slotL(other, s) - base.dx;
      const or = slotR(other, s) - base.dx;
      if (ol < base.l[bi]) base.l[bi] = ol;
      if (or > base.r[bi]) base.r[bi] = or;
    }
    acc = base;
  }
  return { acc: acc!, xs };
}
