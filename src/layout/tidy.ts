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
 * - a parent with `stackMin` or more children that are all leaves draws them as a column under
 *   it, hanging from a trunk on the left (`stacked`), which keeps wide fans narrow;
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
  /** For each stacking parent, the x of its trunk (relative to the parent's centre). */
  trunks: Map<string, number>;
  bounds: { minX: number; maxX: number; minY: number; maxY: number };
}

export const TIDY_DEFAULTS = {
  nodeWidth: 184,
  nodeHeight: 54,
  slot: 68,
  levelSlots: 2,
  siblingGap: 22,
  subtreeGap: 36,
  stackMin: 4,
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
  const trunks = new Map<string, number>();

  for (let k = order.length - 1; k >= 0; k--) {
    const id = order[k];
    const w = widthOf(id);
    const kids = kidsOf(id);
    let c: Contour;
    if (kids.length === 0) {
      c = { l: [-w / 2], r: [w / 2], dx: 0 };
    } else if (kids.length >= o.stackMin && kids.every(isLeaf)) {
      const trunk = -w / 2 + o.indent;
      trunks.set(id, trunk);
      const l: number[] = [];
      const r: number[] = [];
      for (let i = kids.length - 1; i >= 0; i--) {
        const cw = widthOf(kids[i]);
        const x = trunk + o.indent + cw / 2;
        rel.set(kids[i], x);
        relSlot.set(kids[i], L + i);
        stacked.add(kids[i]);
        contours.delete(kids[i]);
        l.push(trunk);
        r.push(x + cw / 2);
      }
      for (let s = L - 1; s >= 1; s--) {
        l.push(trunk);
        r.push(trunk);
      }
      l.push(-w / 2);
      r.push(w / 2);
      c = { l, r, dx: 0 };
    } else {
      // Place the children left to right, each as close to the ones before as the contours allow.
      let acc = contours.get(kids[0])!;
      contours.delete(kids[0]);
      const xs = [0];
      for (let j = 1; j < kids.length; j++) {
        const child = contours.get(kids[j])!;
        contours.delete(kids[j]);
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
      kids.forEach((kid, j) => {
        rel.set(kid, xs[j] - centre);
        relSlot.set(kid, L);
      });
      acc.dx -= centre;
      // The bar the edges hang from, then the drop from the parent, then the parent itself.
      const first = xs[0] - centre;
      const last = xs[xs.length - 1] - centre;
      for (let s = L - 1; s >= 1; s--) {
        acc.l.push((s === L - 1 ? first : 0) - acc.dx);
        acc.r.push((s === L - 1 ? last : 0) - acc.dx);
      }
      acc.l.push(-w / 2 - acc.dx);
      acc.r.push(w / 2 - acc.dx);
      c = acc;
    }
    contours.set(id, c);
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
  return { positions, stacked, trunks, bounds: { minX, maxX, minY, maxY } };
}
