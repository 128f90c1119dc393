/**
 * What the chart draws: a snapshot (or the union of two, when comparing dates) with the user's
 * filters applied — hidden types, collapsed subtrees, a focused subtree. Pure: no DOM.
 */
import type { Diff } from '../model/diff.ts';
import type { Snapshot, SnapshotOrgan } from '../model/snapshot.ts';
import type { OrganType } from '../model/types.ts';

export interface ViewFilters {
  /** Types not drawn; their children hang from the nearest drawn ancestor. */
  hidden?: ReadonlySet<OrganType | string>;
  /** Organs whose descendants are folded away. */
  collapsed?: ReadonlySet<string>;
  /**
   * Organs drawn even inside a fold (the path to a change and the change itself): they hang from
   * the folded organ, which counts only the rest.
   */
  kept?: ReadonlySet<string>;
  /** Draw only this organ's subtree. */
  focus?: string;
}

export interface ViewTree {
  organs: Map<string, SnapshotOrgan>;
  roots: string[];
  children: Map<string, string[]>;
  /** Drawn parent of each drawn organ (after hidden types are skipped). */
  parent: ReadonlyMap<string, string>;
  /** For a collapsed organ, how many organs its fold hides. */
  folded: Map<string, number>;
  /** Organs in the tree (before filtering) that the filters hide. */
  hiddenCount: number;
  /** The shape of its grids of leaves, when a fold chose one (src/render/fold.ts; the layout's `gridAspect`). */
  gridAspect?: number;
  /** The widest a row of sibling subtrees may stand before it wraps, when a fold chose it (the layout's `wrapWidth`). */
  wrapWidth?: number;
  /** Slots between a level and the next, when a fold chose them closer than the layout's own (the layout's `levelSlots`). */
  levelSlots?: number;
}

export type Mark = 'added' | 'removed' | 'reparented' | 'renamed';

export interface UnionTree {
  organs: Map<string, SnapshotOrgan>;
  roots: string[];
  children: Map<string, string[]>;
}

/**
 * The union of the snapshot at the current date (`base`) and the one at the compared date
 * (`other`): organs of both, each under its parent at `base` when it is there, otherwise at
 * `other`. Siblings are in document order (`order`).
 */
export function unionTree(base: Snapshot, other: Snapshot, order: ReadonlyMap<string, number>): UnionTree {
  const organs = new Map(base.organs);
  for (const [id, o] of other.organs) if (!organs.has(id)) organs.set(id, o);
  const parentOf = (id: string): string | undefined => {
    const p = base.organs.has(id) ? base.organs.get(id)!.parent : other.organs.get(id)!.parent;
    return p !== undefined && organs.has(p) ? p : undefined;
  };
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  const ids = [...organs.keys()].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  // Guard against a cycle made of the two dates' parents.
  const reachable = (id: string) => {
    const seen = new Set<string>();
    let p = parentOf(id);
    while (p !== undefined) {
      if (p === id || seen.has(p)) return false;
      seen.add(p);
      p = parentOf(p);
    }
    return true;
  };
  for (const id of ids) {
    const p = parentOf(id);
    if (p !== undefined && reachable(id)) {
      const list = children.get(p);
      if (list) list.push(id);
      else children.set(p, [id]);
    } else roots.push(id);
  }
  return { organs, roots, children };
}

/** Marks for the organs a diff names. `removed` and `added` are relative to the earlier date. */
export function diffMarks(d: Diff): Map<string, Mark[]> {
  const marks = new Map<string, Mark[]>();
  const add = (id: string, m: Mark) => {
    const list = marks.get(id);
    if (list) list.push(m);
    else marks.set(id, [m]);
  };
  for (const a of d.added) add(a.id, 'added');
  for (const id of d.removed) add(id, 'removed');
  for (const r of d.reparented) add(r.id, 'reparented');
  for (const r of d.renamed) add(r.id, 'renamed');
  return marks;
}

export function viewTree(tree: UnionTree | Snapshot, filters: ViewFilters = {}): ViewTree {
  const hidden = filters.hidden ?? new Set<string>();
  const collapsed = filters.collapsed ?? new Set<string>();
  const kept = filters.kept ?? new Set<string>();
  if (!hidden.size && !collapsed.size && !(filters.focus && tree.organs.has(filters.focus))) return unfiltered(tree);
  const organs = new Map<string, SnapshotOrgan>();
  const children = new Map<string, string[]>();
  const parent = new Map<string, string>();
  const folded = new Map<string, number>();
  const roots: string[] = [];
  let total = 0;

  const startIds = filters.focus && tree.organs.has(filters.focus) ? [filters.focus] : tree.roots;
  // Iterative walk: (id, nearest drawn ancestor, the collapsed ancestor folding it, if any).
  const stack: { id: string; drawn?: string; fold?: string }[] = [];
  for (let i = startIds.length - 1; i >= 0; i--) stack.push({ id: startIds[i] });
  const seen = new Set<string>();
  while (stack.length) {
    const { id, drawn, fold } = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    total++;
    const o = tree.organs.get(id)!;
    let nextDrawn = drawn;
    let nextFold = fold;
    if (fold !== undefined && !kept.has(id)) {
      folded.set(fold, (folded.get(fold) ?? 0) + 1);
    } else if (!hidden.has(o.type)) {
      organs.set(id, o);
      if (drawn !== undefined) {
        parent.set(id, drawn);
        const list = children.get(drawn);
        if (list) list.push(id);
        else children.set(drawn, [id]);
      } else roots.push(id);
      nextDrawn = id;
      nextFold = collapsed.has(id) ? id : undefined;
    }
    const kids = tree.children.get(id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ id: kids[i], drawn: nextDrawn, fold: nextFold });
  }
  // Collapsed organs with nothing under them are not folded.
  for (const id of [...folded.keys()]) if (!folded.get(id)) folded.delete(id);
  return { organs, roots, children, parent, folded, hiddenCount: total - organs.size - [...folded.values()].reduce((a, b) => a + b, 0) };
}

/**
 * The tree as it is, when no filter changes it: its own organs and children (read, never changed),
 * not copies. A large graph's date step makes no second map of thousands of organs.
 */
function unfiltered(tree: UnionTree | Snapshot): ViewTree {
  let parent: ReadonlyMap<string, string>;
  if ('at' in tree) parent = new SnapshotParents(tree);
  else {
    const map = new Map<string, string>();
    tree.children.forEach((kids, p) => {
      for (const c of kids) map.set(c, p);
    });
    parent = map;
  }
  return { organs: tree.organs, roots: tree.roots, children: tree.children, parent, folded: new Map(), hiddenCount: 0 };
}

/**
 * A snapshot's parents, read from its organs: each knows its parent when that parent is in the
 * snapshot, as its lists of children say. A map of them, made at every date step of a large graph,
 * outlived the next young-generation collection. Keys come in the order of the lists of children.
 */
class SnapshotParents implements ReadonlyMap<string, string> {
  constructor(private readonly snap: Snapshot) {}

  get(id: string): string | undefined {
    return this.snap.organs.get(id)?.parent;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    let n = 0;
    this.snap.children.forEach((kids) => (n += kids.length));
    return n;
  }

  *entries(): MapIterator<[string, string]> {
    for (const [p, kids] of this.snap.children) for (const c of kids) yield [c, p];
  }

  *keys(): MapIterator<string> {
    for (const kids of this.snap.children.values()) yield* kids;
  }

  *values(): MapIterator<string> {
    for (const [p, kids] of this.snap.children) for (let i = 0; i < kids.length; i++) yield p;
  }

  forEach(f: (parent: string, child: string, map: ReadonlyMap<string, string>) => void, self?: unknown): void {
    this.snap.children.forEach((kids, p) => {
      for (const c of kids) f.call(self, p, c, this);
    });
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}
