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

import { contourLeft, contourRight, EMPTY_L, EMPTY_R, leafGrid, placeRow, slotL, slotR, stackColumn, wrapRows, type Column, type Contour, type Item } from './tidy-contour.ts';

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

export function tidyTree(forest: Forest, options: TidyOptions = {}): TidyLayout {
  // Options given as undefined keep their defaults.
  const o = { ...TIDY_DEFAULTS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined && k in o) (o as Record<string, unknown>)[k] = v;
  const L = Math.max(1, Math.round(o.levelSlots));

  // Breadth-first numbering: every node's children get consecutive numbers, all larger than
  // their parent's, so that reverse order is bottom-up and plain arrays replace maps.
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
  const n = ids.length;
  const width = new Float64Array(n);
  if (options.width) for (let i = 0; i < n; i++) width[i] = options.width(ids[i]);
  else width.fill(o.nodeWidth);

  const rel = new Float64Array(n); // x relative to the parent's centre
  const relSlot = new Int32Array(n).fill(L); // slot relative to the parent's slot
  const stackedFlag = new Uint8Array(n);
  const trunkOf = new Float64Array(n).fill(NaN); // a stacked leaf's trunk, relative to its parent
  const contours: (Contour | undefined)[] = new Array(n);
  const barSlot = new Int32Array(n).fill(L); // slot of the row a child stands in, relative to its parent
  const wrapTrunk = new Float64Array(n).fill(NaN); // the trunk of a wrapped row, relative to its parent

  for (let v = n - 1; v >= 0; v--) {
    const w = width[v];
    const f = first[v];
    const k = count[v];
    if (k === 0) {
      contours[v] = { l: [-w / 2], r: [w / 2], dx: 0 };
      continue;
    }
    // Items placed side by side: single subtrees, and runs of leaves, each run a grid of columns
    // that hang from trunks (all the children when they are all leaves and `stackMin` or more,
    // otherwise runs of at least `stackMin + 1`).
    let allLeaves = true;
    for (let c = f; c < f + k; c++) if (count[c] > 0) allLeaves = false;
    const min = allLeaves ? o.stackMin : o.stackMin + 1;
    const items: Item[] = [];
    let run: number[] = [];
    const flush = () => {
      if (run.length >= min) items.push(...leafGrid(run, width, o));
      else for (const c of run) items.push({ kids: [c], stack: false });
      run = [];
    };
    for (let c = f; c < f + k; c++) {
      if (count[c] === 0) run.push(c);
      else {
        flush();
        items.push({ kids: [c], stack: false });
      }
    }
    flush();

    // Each item's contour (a stacked column built now), then the items in rows: one, or as many
    // as keep each no wider than `wrapWidth`; each row placed left to right, as close as the
    // contours allow.
    const placed: Column[] = items.map((item) => {
      if (!item.stack) return { contour: contours[item.kids[0]]!, offsets: [0], shifts: [0] };
      const col = stackColumn(item.kids, contours, count, o);
      for (const c of item.kids) stackedFlag[c] = 1;
      return col;
    });
    for (const item of items) for (const c of item.kids) contours[c] = undefined;
    const rowsOf = wrapRows(placed.map((p) => p.contour), o);
    const rows = rowsOf.map((js) => placeRow(js.map((j) => placed[j].contour), o));
    // Rows after the first stand under the one before, an empty slot for their bar between; all
    // are aligned at their left, right of a trunk from the parent's bar.
    const trunk = -o.indent;
    const offs: number[] = [];
    let off = 0;
    for (const row of rows) {
      offs.push(off);
      off += row.acc.l.length + L - 1;
    }
    const shiftOf = rows.map((row) => (rows.length > 1 ? -contourLeft(row.acc) : 0));
    // A parent stands over its first and last child; when rows may wrap (a chart folded to fit a
    // change), over the middle of its first row, so that a column of leaves is not a trunk's
    // width off to one side.
    const centre =
      (o.wrapWidth < Infinity ? (contourLeft(rows[0].acc) + contourRight(rows[0].acc)) / 2 : (rows[0].xs[0] + rows[0].xs[rows[0].xs.length - 1]) / 2) + shiftOf[0];
    rowsOf.forEach((js, r) => {
      js.forEach((j, q) => {
        const x = rows[r].xs[q] + shiftOf[r] - centre;
        const item = items[j];
        const col = placed[j];
        item.kids.forEach((c, i) => {
          rel[c] = x + col.shifts[i];
          relSlot[c] = L + offs[r] + col.offsets[i];
          if (item.stack) trunkOf[c] = x;
          if (r > 0) {
            barSlot[c] = L + offs[r];
            wrapTrunk[c] = trunk - centre;
          }
        });
      });
    });
    let c: Contour;
    if (rows.length === 1) c = rows[0].acc;
    else {
      const total = offs[offs.length - 1] + rows[rows.length - 1].acc.l.length;
      const l = new Array<number>(total).fill(EMPTY_L);
      const r = new Array<number>(total).fill(EMPTY_R);
      const at = (s: number) => total - 1 - s;
      rows.forEach((row, k) => {
        for (let s = 0; s < row.acc.l.length; s++) {
          const i = at(offs[k] + s);
          l[i] = Math.min(l[i], slotL(row.acc, s) + shiftOf[k]);
          r[i] = Math.max(r[i], slotR(row.acc, s) + shiftOf[k]);
        }
        // The row's bar, from the trunk to its last item.
        if (k > 0) r[at(offs[k] - 1)] = Math.max(r[at(offs[k] - 1)], row.xs[row.xs.length - 1] + shiftOf[k]);
      });
      for (let s = 0; s < offs[offs.length - 1]; s++) l[at(s)] = Math.min(l[at(s)], trunk);
      c = { l, r, dx: 0 };
    }
    c.dx -= centre;
    // The bar the edges hang from, then the drop from the parent, then the parent itself.
    const firstX = (rows.length > 1 ? trunk : rows[0].xs[0]) - centre;
    const lastX = rows[0].xs[rows[0].xs.length - 1] + shiftOf[0] - centre;
    for (let s = L - 1; s >= 1; s--) {
      c.l.push(Math.min(s === L - 1 ? firstX : 0, 0) - c.dx);
      c.r.push(Math.max(s === L - 1 ? lastX : 0, 0) - c.dx);
    }
    c.l.push(-w / 2 - c.dx);
    c.r.push(w / 2 - c.dx);
    contours[v] = c;
  }

  // Roots: a grid when they are all leaves (and many), otherwise side by side like siblings.
  const x = new Float64Array(n);
  const slot = new Int32Array(n);
  let allLeafRoots = rootCount > o.stackMin;
  for (let r = 0; r < rootCount && allLeafRoots; r++) if (count[r] > 0) allLeafRoots = false;
  if (allLeafRoots) {
    const cols = Math.max(1, Math.ceil(Math.sqrt(rootCount * 1.6)));
    let cw = 0;
    for (let r = 0; r < rootCount; r++) cw = Math.max(cw, width[r]);
    cw += o.siblingGap;
    for (let r = 0; r < rootCount; r++) {
      x[r] = (r % cols) * cw;
      slot[r] = Math.floor(r / cols);
    }
  } else {
    // Side by side like siblings, a wider gap between them; the first root's contour copied, as placing merges into it.
    const first = contours[0]!;
    const row = placeRow(
      Array.from({ length: rootCount }, (_, r) => (r === 0 ? { l: [...first.l], r: [...first.r], dx: first.dx } : contours[r]!)),
      o,
      () => o.subtreeGap * 2,
    );
    row.xs.forEach((shift, r) => (x[r] = shift));
  }

  // Absolute x and slots, top-down (breadth-first order has parents first).
  for (let v = 0; v < n; v++)
    for (let c = first[v]; c < first[v] + count[v]; c++) {
      x[c] = x[v] + rel[c];
      slot[c] = slot[v] + relSlot[c];
    }

  // Rows of slots: each as tall as its tallest node (plus the gap); y is a row's centre.
  const height = new Float64Array(n);
  if (options.height) for (let i = 0; i < n; i++) height[i] = options.height(ids[i]);
  else height.fill(o.nodeHeight);
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

  const positions = new Map<string, Point>();
  const stacked = new Set<string>();
  const routes = new Map<string, Point[]>();
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let v = 0; v < n; v++) {
    const px = x[v];
    const py = rowY[slot[v]];
    positions.set(ids[v], { x: px, y: py });
    const hw = width[v] / 2;
    const hh = height[v] / 2;
    if (px - hw < minX) minX = px - hw;
    if (px + hw > maxX) maxX = px + hw;
    if (py - hh < minY) minY = py - hh;
    if (py + hh > maxY) maxY = py + hh;
    // Route the edges to the children: down from the parent to its bar (midway between the
    // parent's row and the children's), along it, then down into a child's top, or down a
    // column's trunk and right into a leaf's side.
    if (count[v] === 0) continue;
    const childRow = slot[v] + L;
    const barY = (py + content[slot[v]] / 2 + (rowY[childRow] - content[childRow] / 2)) / 2;
    for (let c = first[v]; c < first[v] + count[v]; c++) {
      const cy = rowY[slot[c]];
      const pts: Point[] = [];
      // A wrapped row's own bar hangs from the trunk, midway above the row.
      let by = barY;
      if (!Number.isNaN(wrapTrunk[c])) {
        const s = slot[v] + barSlot[c];
        by = (rowY[s - L] + content[s - L] / 2 + (rowY[s] - content[s] / 2)) / 2;
        const t = px + wrapTrunk[c];
        pts.push({ x: px, y: barY }, { x: t, y: barY }, { x: t, y: by });
      }
      const from = pts.length ? pts[pts.length - 1].x : px;
      if (stackedFlag[c]) {
        stacked.add(ids[c]);
        const trunk = px + trunkOf[c];
        if (Math.abs(trunk - from) > 0.5) pts.push(...(pts.length ? [] : [{ x: px, y: by }]), { x: trunk, y: by });
        pts.push({ x: trunk, y: cy });
      } else if (Math.abs(x[c] - from) > 0.5) pts.push(...(pts.length ? [] : [{ x: px, y: by }]), { x: x[c], y: by });
      routes.set(ids[c], pts);
    }
  }
  if (n === 0) minX = maxX = minY = maxY = 0;
  return { positions, stacked, routes, bounds: { minX, maxX, minY, maxY } };
}
