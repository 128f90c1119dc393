/**
 * A tidy top-down tree layout for org charts, linear in the number of nodes.
 *
 * Each subtree is described by its contour: per slot (a fixed band of height `slot`), the left-
 * and rightmost extent of what it draws there. Subtrees are placed side by side as close as their
 * contours allow, and a parent is centred over its first and last child (Reingold–Tilford).
 * Contours are stored bottom-up so that a parent extends its child's contour in O(1), and two
 * contours are merged by walking the shorter one only: the whole layout is O(n).
 *
 * Org-chart conventions on top of the tidy tree:
 * - leaves hang in columns from trunks (`stacked`), which keeps wide fans narrow: all the
 *   children of a parent with `stackMin` or more children that are all leaves, and runs of more
 *   than `stackMin` consecutive leaves among other children; a long run wraps into a grid of
 *   several columns (`gridAspect`), filled column by column in sibling order;
 * - a forest whose roots are all leaves is laid out as a grid;
 * - with `wrapWidth`, a row of sibling subtrees wider than it wraps into rows under a trunk;
 * - siblings keep the order they are given in (the mental map between dates).
 */

import { Contour, contourLeft, contourRight, leafGrid, placeRow, slotL, slotR, stackColumn, wrapRows, type Column, type Item, type Options } from './tidy-contour.ts';

export interface Forest {
  roots: readonly string[];
  children(id: string): readonly string[] | undefined;
}

export interface TidyOptions {
  /** Width of a node; `nodeWidth` for all when absent. */
  width?: (id: string) => number;
  nodeWidth?: number;
  /**
   * Height of a node (a label wrapped to several lines); `nodeHeight` for all when absent. A row
   * of slots grows to its tallest node, keeping the gap of `slot - nodeHeight` to the next row.
   */
  height?: (id: string) => number;
  nodeHeight?: number;
  /** Height of one slot: the step between stacked leaves. */
  slot?: number;
  /** Slots between a parent's level and its children's level. */
  levelSlots?: number;
  /** Horizontal gap between sibling nodes. */
  siblingGap?: number;
  /** Horizontal gap between the deeper parts of neighbouring subtrees. */
  subtreeGap?: number;
  /** Stack the children of a parent that has at least this many, all leaves. */
  stackMin?: number;
  /** Indent of a stacked column from its parent's left edge. */
  indent?: number;
  /** The shape of a grid of leaves: its width over its height (1 is square). */
  gridAspect?: number;
  /**
   * The widest a row of sibling subtrees may be: a parent whose children would stand wider wraps
   * them into several rows, read left to right then top to bottom, hanging from a trunk at their
   * left (`Infinity`, the default: one row).
   */
  wrapWidth?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface TidyLayout {
  /** Centres of the nodes. */
  positions: ReadonlyMap<string, Point>;
  /** Nodes drawn in a column under their parent (their edge hangs from a trunk). */
  stacked: ReadonlySet<string>;
  /** For each child, the bend points of its edge from its parent (absolute; none when straight). */
  routes: ReadonlyMap<string, Point[]>;
  bounds: { minX: number; maxX: number; minY: number; maxY: number };
}

export const TIDY_DEFAULTS = {
  nodeWidth: 184,
  nodeHeight: 54,
  slot: 68,
  levelSlots: 2,
  siblingGap: 22,
  subtreeGap: 36,
  stackMin: 2,
  indent: 22,
  gridAspect: 2,
  wrapWidth: Infinity,
};

/**
 * What the bottom-up pass knows of each node, numbered breadth-first: every node's children get
 * consecutive numbers, all larger than their parent's, so that reverse order is bottom-up and
 * typed arrays replace maps. The pass is split into small functions over this one record: V8
 * compiles each on its own, cheaply, and does not throw the whole layout away when one of them
 * meets a new case (in the layout worker, recompiling one large function took a core for 60 to
 * 300 ms in date steps, on a machine with two).
 */
interface Pass {
  o: Options;
  /** Slots between a parent's level and its children's. */
  L: number;
  /** Nodes, numbered 0…n-1 breadth-first. */
  n: number;
  rootCount: number;
  first: Int32Array;
  count: Int32Array;
  width: Float64Array;
  /** x relative to the parent's centre. */
  rel: Float64Array;
  /** Slot relative to the parent's slot. */
  relSlot: Int32Array;
  stacked: Uint8Array;
  /** A stacked leaf's trunk, relative to its parent. */
  trunkOf: Float64Array;
  /** Slot of the row a child stands in, relative to its parent. */
  barSlot: Int32Array;
  /** The trunk of a wrapped row, relative to its parent. */
  wrapTrunk: Float64Array;
  /** The contour of each subtree laid out and not yet placed under its parent. */
  contours: (Contour | undefined)[];
}

/** The defaults with the options given (options given as undefined keep their defaults). */
function optionsOf(options: object): Options {
  const o = { ...TIDY_DEFAULTS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined && k in o) (o as Record<string, unknown>)[k] = v;
  return o;
}

export function tidyTree(forest: Forest, options: TidyOptions = {}): TidyLayout {
  const o = optionsOf(options);
  const { p, ids } = numbered(forest, o);
  const n = p.n;
  if (options.width) for (let i = 0; i < n; i++) p.width[i] = options.width(ids[i]);
  const height = new Float64Array(n).fill(o.nodeHeight);
  if (options.height) for (let i = 0; i < n; i++) height[i] = options.height(ids[i]);
  const positions = new Map<string, Point>();
  const stacked = new Set<string>();
  const routes = new Map<string, Point[]>();
  const bounds = laidOut(
    p,
    height,
    (v, x, y) => positions.set(ids[v], { x, y }),
    (c, pts) => {
      if (p.stacked[c]) stacked.add(ids[c]);
      routes.set(ids[c], pts);
    },
  );
  return { positions, stacked, routes, bounds };
}

/**
 * The same layout of a forest given by numbers (`roots`; the children of node i are
 * `kids[kidStart[i]]` up to `kids[kidStart[i + 1]]`; `sizes`: width and height pairs), answered in
 * arrays indexed by those numbers: the layout worker's way (./tidy-message.ts), which makes no names,
 * maps or points for the nodes.
 */
export function tidyNumbered(roots: Int32Array, kidStart: Int32Array, kids: Int32Array, sizes: Float64Array, shape: Partial<Options> = {}): TidyArrays {
  const o = optionsOf(shape);
  const N = sizes.length / 2;
  // Breadth-first numbers for the given ones, as `numbered` gives them to names.
  const place = new Int32Array(N).fill(-1);
  const order = new Int32Array(N);
  let n = 0;
  for (const r of roots)
    if (place[r] < 0) {
      place[r] = n;
      order[n++] = r;
    }
  const rootCount = n;
  const first = new Int32Array(N);
  const count = new Int32Array(N);
  for (let i = 0; i < n; i++) {
    first[i] = n;
    const x = order[i];
    for (let j = kidStart[x]; j < kidStart[x + 1]; j++) {
      const kid = kids[j];
      if (place[kid] >= 0) continue;
      place[kid] = n;
      order[n++] = kid;
    }
    count[i] = n - first[i];
  }
  const p = pass(o, n, rootCount, first.subarray(0, n), count.subarray(0, n));
  const height = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    p.width[v] = sizes[2 * order[v]];
    height[v] = sizes[2 * order[v] + 1];
  }
  const xy = new Float64Array(2 * N);
  const stacked: number[] = [];
  const routeChild: number[] = [];
  const routeStart: number[] = [];
  const points: number[] = [];
  const bounds = laidOut(
    p,
    height,
    (v, x, y) => {
      xy[2 * order[v]] = x;
      xy[2 * order[v] + 1] = y;
    },
    (c, pts) => {
      if (p.stacked[c]) stacked.push(order[c]);
      if (!pts.length) return;
      routeChild.push(order[c]);
      routeStart.push(points.length);
      for (const pt of pts) points.push(pt.x, pt.y);
    },
  );
  routeStart.push(points.length);
  return { xy, stacked: Int32Array.from(stacked), routeChild: Int32Array.from(routeChild), routeStart: Int32Array.from(routeStart), points: Float64Array.from(points), bounds };
}

/** A layout in arrays indexed by the nodes' numbers (`tidyNumbered`). */
export interface TidyArrays {
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

/** The forest numbered breadth-first, each node as wide as `nodeWidth`, and the names in that order. */
function numbered(forest: Forest, o: Options): { p: Pass; ids: string[] } {
  const ids: string[] = [];
  const index = new Map<string, number>();
  for (const r of forest.roots) {
    if (index.has(r)) continue;
    index.set(r, ids.length);
    ids.push(r);
  }
  const rootCount = ids.length;
  const first: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    first.push(ids.length);
    const kids = forest.children(ids[i]);
    let k = 0;
    if (kids)
      for (const kid of kids) {
        if (index.has(kid)) continue;
        index.set(kid, ids.length);
        ids.push(kid);
        k++;
      }
    count.push(k);
  }
  return { p: pass(o, ids.length, rootCount, Int32Array.from(first), Int32Array.from(count)), ids };
}

function pass(o: Options, n: number, rootCount: number, first: Int32Array, count: Int32Array): Pass {
  const L = Math.max(1, Math.round(o.levelSlots));
  return {
    o,
    L,
    n,
    rootCount,
    first,
    count,
    width: new Float64Array(n).fill(o.nodeWidth),
    rel: new Float64Array(n),
    relSlot: new Int32Array(n).fill(L),
    stacked: new Uint8Array(n),
    trunkOf: new Float64Array(n).fill(NaN),
    barSlot: new Int32Array(n).fill(L),
    wrapTrunk: new Float64Array(n).fill(NaN),
    contours: new Array<Contour | undefined>(n),
  };
}

/**
 * Lays out the numbered forest (its widths set) bottom-up, then top-down, and hands each node's
 * centre and each edge's bend points to `node` and `edge`; the layout's bounds.
 */
function laidOut(p: Pass, height: Float64Array, node: (v: number, x: number, y: number) => void, edge: (child: number, pts: Point[]) => void): TidyLayout['bounds'] {
  for (let v = p.n - 1; v >= 0; v--) {
    if (p.count[v] === 0) p.contours[v] = Contour.leaf(p.width[v]);
    else placeChildren(p, v);
  }
  const { x, slot } = placeRoots(p);
  // Absolute x and slots, top-down (breadth-first order has parents first).
  for (let v = 0; v < p.n; v++)
    for (let c = p.first[v]; c < p.first[v] + p.count[v]; c++) {
      x[c] = x[v] + p.rel[c];
      slot[c] = slot[v] + p.relSlot[c];
    }
  return drawn(p, x, slot, height, node, edge);
}

/**
 * Items placed side by side under parent v: single subtrees, and runs of leaves, each run a grid
 * of columns that hang from trunks (all the children when they are all leaves and `stackMin` or
 * more, otherwise runs of at least `stackMin + 1`).
 */
function itemsOf(p: Pass, v: number): Item[] {
  const f = p.first[v];
  const k = p.count[v];
  let allLeaves = true;
  for (let c = f; c < f + k; c++) if (p.count[c] > 0) allLeaves = false;
  const min = allLeaves ? p.o.stackMin : p.o.stackMin + 1;
  const items: Item[] = [];
  let run: number[] = [];
  for (let c = f; c <= f + k; c++) {
    if (c < f + k && p.count[c] === 0) {
      run.push(c);
      continue;
    }
    if (run.length >= min) items.push(...leafGrid(run, p.width, p.o));
    else for (const leaf of run) items.push({ kids: [leaf], stack: false });
    run = [];
    if (c < f + k) items.push({ kids: [c], stack: false });
  }
  return items;
}

/**
 * Places the children of v relative to it and makes v's contour: each item's contour (a stacked
 * column built now), then the items in rows (one, or as many as keep each no wider than
 * `wrapWidth`), each row placed left to right, as close as the contours allow.
 */
function placeChildren(p: Pass, v: number): void {
  const { o, L, contours } = p;
  const items = itemsOf(p, v);
  const placed: Column[] = items.map((item) => {
    if (!item.stack) return { contour: contours[item.kids[0]]!, offsets: new Int32Array(1), shifts: new Float64Array(1) };
    const col = stackColumn(item.kids, contours, p.count, o);
    for (const c of item.kids) p.stacked[c] = 1;
    return col;
  });
  for (const item of items) for (const c of item.kids) contours[c] = undefined;
  const rowsOf = wrapRows(placed.map((col) => col.contour), o);
  const rows = rowsOf.map((js) => placeRow(js.map((j) => placed[j].contour), o));
  // Rows after the first stand under the one before, an empty slot for their bar between; all
  // are aligned at their left, right of a trunk from the parent's bar.
  const trunk = -o.indent;
  const offs = new Int32Array(rows.length);
  for (let r = 1; r < rows.length; r++) offs[r] = offs[r - 1] + rows[r - 1].acc.n + L - 1;
  const shiftOf = Float64Array.from(rows, (row) => (rows.length > 1 ? -contourLeft(row.acc) : 0));
  // A parent stands over its first and last child; when rows may wrap (a chart folded to fit a
  // change), over the middle of its first row, so that a column of leaves is not a trunk's
  // width off to one side.
  const top = rows[0];
  const centre = (o.wrapWidth < Infinity ? (contourLeft(top.acc) + contourRight(top.acc)) / 2 : (top.xs[0] + top.xs[top.xs.length - 1]) / 2) + shiftOf[0];
  rowsOf.forEach((js, r) => {
    js.forEach((j, q) => {
      const x = rows[r].xs[q] + shiftOf[r] - centre;
      const item = items[j];
      const col = placed[j];
      item.kids.forEach((c, i) => {
        p.rel[c] = x + col.shifts[i];
        p.relSlot[c] = L + offs[r] + col.offsets[i];
        if (item.stack) p.trunkOf[c] = x;
        if (r > 0) {
          p.barSlot[c] = L + offs[r];
          p.wrapTrunk[c] = trunk - centre;
        }
      });
    });
  });
  const c = rows.length === 1 ? top.acc : wrappedContour(rows, offs, shiftOf, trunk);
  c.dx -= centre;
  // The bar the edges hang from, then the drop from the parent, then the parent itself.
  const firstX = (rows.length > 1 ? trunk : top.xs[0]) - centre;
  const lastX = top.xs[top.xs.length - 1] + shiftOf[0] - centre;
  for (let s = L - 1; s >= 1; s--) c.push(Math.min(s === L - 1 ? firstX : 0, 0) - c.dx, Math.max(s === L - 1 ? lastX : 0, 0) - c.dx);
  const w = p.width[v];
  c.push(-w / 2 - c.dx, w / 2 - c.dx);
  contours[v] = c;
}

/** The contour of rows stacked one under another, right of a trunk, each row's bar included. */
function wrappedContour(rows: readonly { acc: Contour; xs: Float64Array }[], offs: Int32Array, shiftOf: Float64Array, trunk: number): Contour {
  const last = offs[offs.length - 1];
  const total = last + rows[rows.length - 1].acc.n;
  const c = new Contour(total);
  const { l, r } = c;
  const at = (s: number) => total - 1 - s;
  rows.forEach((row, k) => {
    for (let s = 0; s < row.acc.n; s++) {
      const i = at(offs[k] + s);
      l[i] = Math.min(l[i], slotL(row.acc, s) + shiftOf[k]);
      r[i] = Math.max(r[i], slotR(row.acc, s) + shiftOf[k]);
    }
    // The row's bar, from the trunk to its last item.
    if (k > 0) r[at(offs[k] - 1)] = Math.max(r[at(offs[k] - 1)], row.xs[row.xs.length - 1] + shiftOf[k]);
  });
  for (let s = 0; s < last; s++) l[at(s)] = Math.min(l[at(s)], trunk);
  return c;
}

/** The roots' x and slots: a grid when they are all leaves (and many), otherwise side by side like siblings. */
function placeRoots(p: Pass): { x: Float64Array; slot: Int32Array } {
  const { o, rootCount, width, contours } = p;
  const x = new Float64Array(p.n);
  const slot = new Int32Array(p.n);
  let allLeafRoots = rootCount > o.stackMin;
  for (let r = 0; r < rootCount && allLeafRoots; r++) if (p.count[r] > 0) allLeafRoots = false;
  if (allLeafRoots) {
    const cols = Math.max(1, Math.ceil(Math.sqrt(rootCount * 1.6)));
    let cw = 0;
    for (let r = 0; r < rootCount; r++) cw = Math.max(cw, width[r]);
    cw += o.siblingGap;
    for (let r = 0; r < rootCount; r++) {
      x[r] = (r % cols) * cw;
      slot[r] = Math.floor(r / cols);
    }
  } else if (rootCount > 0) {
    // A wider gap between them; the first root's contour copied, as placing merges into it.
    const first = contours[0]!;
    const row = placeRow(
      Array.from({ length: rootCount }, (_, r) => (r === 0 ? first.copy() : contours[r]!)),
      o,
      () => o.subtreeGap * 2,
    );
    row.xs.forEach((shift, r) => (x[r] = shift));
  }
  return { x, slot };
}

/** Rows of slots, each as tall as its tallest node (plus the gap), y a row's centre: each node's centre and each edge's route to `node` and `edge`; the bounds. */
function drawn(p: Pass, x: Float64Array, slot: Int32Array, height: Float64Array, node: (v: number, x: number, y: number) => void, edge: (child: number, pts: Point[]) => void): TidyLayout['bounds'] {
  const { o, L, n, width, first, count } = p;
  let rows = 0;
  for (let v = 0; v < n; v++) if (slot[v] + 1 > rows) rows = slot[v] + 1;
  const content = new Float64Array(rows).fill(o.nodeHeight);
  for (let v = 0; v < n; v++) if (height[v] > content[slot[v]]) content[slot[v]] = height[v];
  // rowY[r] = r * slot plus what taller rows add: exact multiples of `slot` when none is taller.
  const rowY = new Float64Array(rows);
  let extra = 0;
  for (let r = 1; r < rows; r++) {
    extra += (content[r - 1] - o.nodeHeight + content[r] - o.nodeHeight) / 2;
    rowY[r] = r * o.slot + extra;
  }

  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let v = 0; v < n; v++) {
    const px = x[v];
    const py = rowY[slot[v]];
    node(v, px, py);
    const hw = width[v] / 2;
    const hh = height[v] / 2;
    if (px - hw < minX) minX = px - hw;
    if (px + hw > maxX) maxX = px + hw;
    if (py - hh < minY) minY = py - hh;
    if (py + hh > maxY) maxY = py + hh;
    if (count[v] === 0) continue;
    const childRow = slot[v] + L;
    const barY = (py + content[slot[v]] / 2 + (rowY[childRow] - content[childRow] / 2)) / 2;
    for (let c = first[v]; c < first[v] + count[v]; c++) edge(c, route(p, c, px, barY, x[c], rowY[slot[c]], rowY, content, slot[v]));
  }
  if (n === 0) minX = maxX = minY = maxY = 0;
  return { minX, maxX, minY, maxY };
}

/**
 * The bend points of the edge to child c from its parent at px: down from the parent to its bar
 * (at barY, midway between the parent's row and the children's), along it, then down into the
 * child's top (cx, cy), or down a column's trunk and right into a leaf's side.
 */
function route(p: Pass, c: number, px: number, barY: number, cx: number, cy: number, rowY: Float64Array, content: Float64Array, parentSlot: number): Point[] {
  const { L } = p;
  const pts: Point[] = [];
  // A wrapped row's own bar hangs from the trunk, midway above the row.
  let by = barY;
  if (!Number.isNaN(p.wrapTrunk[c])) {
    const s = parentSlot + p.barSlot[c];
    by = (rowY[s - L] + content[s - L] / 2 + (rowY[s] - content[s] / 2)) / 2;
    const t = px + p.wrapTrunk[c];
    pts.push({ x: px, y: barY }, { x: t, y: barY }, { x: t, y: by });
  }
  const from = pts.length ? pts[pts.length - 1].x : px;
  if (p.stacked[c]) {
    const trunk = px + p.trunkOf[c];
    if (Math.abs(trunk - from) > 0.5) pts.push(...(pts.length ? [] : [{ x: px, y: by }]), { x: trunk, y: by });
    pts.push({ x: trunk, y: cy });
  } else if (Math.abs(cx - from) > 0.5) pts.push(...(pts.length ? [] : [{ x: px, y: by }]), { x: cx, y: by });
  return pts;
}
