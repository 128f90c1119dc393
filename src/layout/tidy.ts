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
 * - leaves hang in columns from a trunk (`stacked`), which keeps wide fans narrow: all the
 *   children of a parent with `stackMin` or more children that are all leaves, and runs of more
 *   than `stackMin` consecutive leaves among other children;
 * - a forest whose roots are all leaves is laid out as a grid;
 * - siblings keep the order they are given in (the mental map between dates).
 */

export interface Forest {
  roots: readonly string[];
  children(id: string): readonly string[] | undefined;
}

export interface TidyOptions {
  /** Width of a node; `nodeWidth` for all when absent. */
  width?: (id: string) => number;
  nodeWidth?: number;
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
}

export interface Point {
  x: number;
  y: number;
}

export interface TidyLayout {
  /** Centres of the nodes. */
  positions: Map<string, Point>;
  /** Nodes drawn in a column under their parent (their edge hangs from a trunk). */
  stacked: Set<string>;
  /** For each child, the bend points of its edge from its parent (absolute; none when straight). */
  routes: Map<string, Point[]>;
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
};

/** A contour stored bottom-up: slot s (0 = the subtree's root) is at index length-1-s, plus dx. */
interface Contour {
  l: number[];
  r: number[];
  dx: number;
}

const EMPTY_L = Infinity;
const EMPTY_R = -Infinity;

function slotL(c: Contour, s: number): number {
  return c.l[c.l.length - 1 - s] + c.dx;
}
function slotR(c: Contour, s: number): number {
  return c.r[c.r.length - 1 - s] + c.dx;
}

export function tidyTree(forest: Forest, options: TidyOptions = {}): TidyLayout {
  const o = { ...TIDY_DEFAULTS, ...options };
  const widthOf = options.width ?? (() => o.nodeWidth);
  const L = Math.max(1, Math.round(o.levelSlots));

  // Pre-order walk (iterative: deep chains must not overflow the stack).
  const order: string[] = [];
  const stack = [...forest.roots].reverse();
  const seen = new Set<string>();
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    const kids = forest.children(id);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) if (!seen.has(kids[i])) stack.push(kids[i]);
  }
  const kidsOf = (id: string) => (forest.children(id) ?? []).filter((k) => seen.has(k));
  const isLeaf = (id: string) => (forest.children(id)?.length ?? 0) === 0;

  const rel = new Map<string, number>(); // x relative to the parent's centre
  const relSlot = new Map<string, number>(); // slot relative to the parent's slot
  const contours = new Map<string, Contour>();
  const stacked = new Set<string>();

  // Per parent: its children grouped into items (a subtree, or a column of consecutive leaves).
  const columns = new Map<string, { trunk: number; leaves: string[] }[]>();
  for (let k = order.length - 1; k >= 0; k--) {
    const id = order[k];
    const w = widthOf(id);
    const kids = kidsOf(id);
    if (kids.length === 0) {
      contours.set(id, { l: [-w / 2], r: [w / 2], dx: 0 });
      continue;
    }
    // Runs of leaves become columns: all of them when every child is a leaf (and there are
    // `stackMin` or more), otherwise runs of at least `stackMin + 1`.
    const allLeaves = kids.every(isLeaf);
    const items: { anchor: string; column?: string[] }[] = [];
    let run: string[] = [];
    const flush = () => {
      const min = allLeaves ? o.stackMin : o.stackMin + 1;
      if (run.length >= min) items.push({ anchor: run[0], column: run });
      else for (const leaf of run) items.push({ anchor: leaf });
      run = [];
    };
    for (const kid of kids) {
      if (isLeaf(kid)) run.push(kid);
      else {
        flush();
        items.push({ anchor: kid });
      }
    }
    flush();
    const itemContours = items.map((item) => {
      if (!item.column) {
        const c = contours.get(item.anchor)!;
        contours.delete(item.anchor);
        return c;
      }
      // A column hangs from a trunk at x = 0, its leaves to the right of it.
      const l: number[] = [];
      const r: number[] = [];
      for (let i = item.column.length - 1; i >= 0; i--) {
        const cw = widthOf(item.column[i]);
        l.push(0);
        r.push(o.indent + cw);
        stacked.add(item.column[i]);
        contours.delete(item.column[i]);
      }
      return { l, r, dx: 0 } as Contour;
    });
    // Place the items left to right, each as close to the ones before as the contours allow.
    let acc = itemContours[0];
    const xs = [0];
    for (let j = 1; j < items.length; j++) {
      const child = itemContours[j];
      const common = Math.min(acc.l.length, child.l.length);
      let shift = -Infinity;
      for (let s = 0; s < common; s++) {
        const right = slotR(acc, s);
        const left = slotL(child, s);
        if (right === EMPTY_R || left === EMPTY_L) continue;
        const need = right - left + (s === 0 ? o.siblingGap : o.subtreeGap);
        if (need > shift) shift = need;
      }
      if (shift === -Infinity) shift = 0;
      xs.push(shift);
      child.dx += shift;
      // Merge the shorter contour into the longer one.
      let base = acc;
      let other = child;
      if (child.l.length > acc.l.length) {
        base = child;
        other = acc;
      }
      for (let s = 0; s < other.l.length; s++) {
        const bi = base.l.length - 1 - s;
        const ol = slotL(other, s);
        const or = slotR(other, s);
        if (ol - base.dx < base.l[bi]) base.l[bi] = ol - base.dx;
        if (or - base.dx > base.r[bi]) base.r[bi] = or - base.dx;
      }
      acc = base;
    }
    const centre = (xs[0] + xs[xs.length - 1]) / 2;
    const cols: { trunk: number; leaves: string[] }[] = [];
    items.forEach((item, j) => {
      const x = xs[j] - centre;
      if (item.column) {
        cols.push({ trunk: x, leaves: item.column });
        item.column.forEach((leaf, i) => {
          rel.set(leaf, x + o.indent + widthOf(leaf) / 2);
          relSlot.set(leaf, L + i);
        });
      } else {
        rel.set(item.anchor, x);
        relSlot.set(item.anchor, L);
      }
    });
    if (cols.length) columns.set(id, cols);
    acc.dx -= centre;
    // The bar the edges hang from, then the drop from the parent, then the parent itself.
    const first = xs[0] - centre;
    const last = xs[xs.length - 1] - centre;
    for (let s = L - 1; s >= 1; s--) {
      acc.l.push(Math.min(s === L - 1 ? first : 0, 0) - acc.dx);
      acc.r.push(Math.max(s === L - 1 ? last : 0, 0) - acc.dx);
    }
    acc.l.push(-w / 2 - acc.dx);
    acc.r.push(w / 2 - acc.dx);
    contours.set(id, acc);
  }

  // Roots: a grid when they are all leaves (and many), otherwise side by side like siblings.
  const roots = forest.roots.filter((r) => seen.has(r));
  const rootX = new Map<string, number>();
  const rootSlot = new Map<string, number>();
  if (roots.length > o.stackMin && roots.every(isLeaf)) {
    const cols = Math.max(1, Math.ceil(Math.sqrt(roots.length * 1.6)));
    const cw = Math.max(...roots.map(widthOf)) + o.siblingGap;
    roots.forEach((r, i) => {
      rootX.set(r, (i % cols) * cw);
      rootSlot.set(r, Math.floor(i / cols));
    });
  } else {
    let acc: Contour | undefined;
    for (const r of roots) {
      const c = contours.get(r)!;
      if (!acc) {
        rootX.set(r, 0);
        acc = { l: [...c.l], r: [...c.r], dx: c.dx };
      } else {
        const common = Math.min(acc.l.length, c.l.length);
        let shift = -Infinity;
        for (let s = 0; s < common; s++) {
          const right = slotR(acc, s);
          const left = slotL(c, s);
          if (right === EMPTY_R || left === EMPTY_L) continue;
          shift = Math.max(shift, right - left + o.subtreeGap * 2);
        }
        if (shift === -Infinity) shift = 0;
        rootX.set(r, shift);
        c.dx += shift;
        let base = acc;
        let other = c;
        if (c.l.length > acc.l.length) {
          base = c;
          other = acc;
        }
        for (let s = 0; s < other.l.length; s++) {
          const bi = base.l.length - 1 - s;
          base.l[bi] = Math.min(base.l[bi], slotL(other, s) - base.dx);
          base.r[bi] = Math.max(base.r[bi], slotR(other, s) - base.dx);
        }
        acc = base;
      }
      rootSlot.set(r, 0);
    }
  }

  // Absolute positions, top-down.
  const positions = new Map<string, Point>();
  const slotOf = new Map<string, number>();
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const place = (id: string, x: number, s: number) => {
    const y = s * o.slot;
    positions.set(id, { x, y });
    slotOf.set(id, s);
    const w = widthOf(id) / 2;
    if (x - w < minX) minX = x - w;
    if (x + w > maxX) maxX = x + w;
    if (y - o.nodeHeight / 2 < minY) minY = y - o.nodeHeight / 2;
    if (y + o.nodeHeight / 2 > maxY) maxY = y + o.nodeHeight / 2;
  };
  for (const id of order) {
    if (rootX.has(id)) {
      place(id, rootX.get(id)!, rootSlot.get(id)!);
      continue;
    }
  }
  for (const id of order) {
    const p = positions.get(id);
    const s = slotOf.get(id);
    if (!p || s === undefined) continue;
    for (const kid of kidsOf(id)) {
      if (positions.has(kid)) continue;
      place(kid, p.x + (rel.get(kid) ?? 0), s + (relSlot.get(kid) ?? L));
    }
  }
  if (positions.size === 0) minX = maxX = minY = maxY = 0;

  // Edge routes: down from the parent to its bar, along it, then down into a child's top, or
  // down a column's trunk and right into a leaf's side.
  const routes = new Map<string, Point[]>();
  for (const id of order) {
    const p = positions.get(id)!;
    const kids = kidsOf(id);
    if (!kids.length) continue;
    const barY = p.y + (L * o.slot) / 2;
    const colOf = new Map<string, number>();
    for (const col of columns.get(id) ?? []) for (const leaf of col.leaves) colOf.set(leaf, p.x + col.trunk);
    for (const kid of kids) {
      const c = positions.get(kid)!;
      const trunk = colOf.get(kid);
      const pts: Point[] = [];
      if (trunk === undefined) {
        if (Math.abs(c.x - p.x) > 0.5) pts.push({ x: p.x, y: barY }, { x: c.x, y: barY });
      } else {
        if (Math.abs(trunk - p.x) > 0.5) pts.push({ x: p.x, y: barY }, { x: trunk, y: barY });
        pts.push({ x: trunk, y: c.y });
      }
      routes.set(kid, pts);
    }
  }
  return { positions, stacked, routes, bounds: { minX, maxX, minY, maxY } };
}
