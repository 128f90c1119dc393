/**
 * Folding to frame a change: when the organs that matter (an event's change, a story step's focus)
 * cannot be read together in the room a chart has, the branches that hold none of them are folded
 * into summaries ("+12 folded", each still drawn, selectable and unfolded by the user), then the
 * children of the organs that matter, until they fit. What matters stays drawn, with the path to
 * it; nothing is shrunk below a legible size and nothing disappears without a summary. Pure: no DOM.
 */
import { viewTree, type UnionTree, type ViewFilters, type ViewTree } from '../layout/view.ts';
import type { Snapshot } from '../model/snapshot.ts';
import { union } from './camera.ts';
import { layoutTree, nodeSize } from './elements.ts';

/** The room a chart has for the change, in px, and the least zoom at which its labels are legible. */
export interface Room {
  width: number;
  height: number;
  /** Model units to px at the least legible label size (11 px / 12 in the explorer). */
  zoom: number;
  /** Px kept clear around the framed organs on each side. */
  padding?: number;
}

/** How well the organs, laid out as the chart lays them out, fit the room: 1 or more when they fit. */
export function roomFit(tree: ViewTree, ids: readonly string[], room: Room): number {
  const layout = layoutTree(tree);
  const boxes = ids.flatMap((id) => {
    const p = layout.positions.get(id);
    const o = tree.organs.get(id);
    if (!p || !o) return [];
    const { w, h } = nodeSize(o, tree.folded.get(id) ?? 0);
    return [{ x1: p.x - w / 2, y1: p.y - h / 2, x2: p.x + w / 2, y2: p.y + h / 2 }];
  });
  const all = union(boxes);
  if (!all) return Infinity;
  const pad = 2 * (room.padding ?? 0);
  return Math.min((room.width - pad) / ((all.x2 - all.x1) * room.zoom), (room.height - pad) / ((all.y2 - all.y1) * room.zoom));
}

export interface FoldOptions {
  /** Organs the user has unfolded: never folded here. */
  open?: ReadonlySet<string>;
}

/** Shapes of the grids of leaves tried, the layout's own first. */
const ASPECTS = [undefined, 1, 4];

/** How a tree may be drawn closer: rows of subtrees wrapped at a width, levels one slot apart instead of two. */
export interface Arrangement {
  wrapWidth?: number;
  levelSlots?: number;
}

/** The tree with its grids of leaves in each shape tried (the layout's own first), drawn closer as `arrangement` says. */
export function shapes(tree: ViewTree, arrangement: Arrangement = {}): ViewTree[] {
  return ASPECTS.map((gridAspect) => ({ ...tree, gridAspect, ...arrangement }));
}

/** The room's width in model units at its legible zoom, less its padding: the widest a wrapped row may be. */
export function roomWidth(room: Room): number {
  return (room.width - 2 * (room.padding ?? 0)) / room.zoom;
}

/** The strict ancestors of the organs, as drawn. */
export function pathTo(plain: ViewTree, ids: readonly string[]): Set<string> {
  const path = new Set<string>();
  for (const id of ids) for (let p = plain.parent.get(id); p !== undefined && !path.has(p); p = plain.parent.get(p)) path.add(p);
  return path;
}

/**
 * The tightest fold around some organs: every parent folded, and only the organs and the path to
 * them drawn inside the folds (an organ on the path says "+21 folded" for its other children).
 * Organs the user unfolded stay open.
 */
export function foldAround(base: Snapshot | UnionTree, filters: ViewFilters, plain: ViewTree, ids: readonly string[], open?: ReadonlySet<string>): ViewTree {
  const collapsed = new Set(filters.collapsed ?? []);
  for (const [id, kids] of plain.children) if (kids.length && !open?.has(id)) collapsed.add(id);
  return viewTree(base, { ...filters, collapsed, kept: new Set([...pathTo(plain, ids), ...ids]) });
}

/**
 * The arrangements tried in turn, the layout's own first: rows of subtrees wrapped at the room's
 * width, or a little wider (the room need hold only the change, not whole rows); then the same
 * with levels closer together (a deep chain of levels on a stage).
 */
export function arrangements(room: Room): Arrangement[] {
  const w = roomWidth(room);
  const wraps: Arrangement[] = [{}, { wrapWidth: w }, { wrapWidth: w * 1.1 }];
  return [...wraps, ...wraps.map((a) => ({ ...a, levelSlots: 1 }))];
}

/**
 * The view tree with as little folded as lets one of `groups` (most wanted first; each a list of
 * organ ids) fit the room: for each group in turn, the plain tree, then the subtrees holding none
 * of the group folded, then the group's own children too; each with the layout's grids of leaves
 * in their own shape, then squarer, then wider. The first that fits wins. When none does, the
 * plain tree: folding that cannot bring the change together does not help (the camera shows the
 * first of it and as many of the rest as fit; the overview shows where the rest is).
 */
export function foldToFit(base: Snapshot | UnionTree, filters: ViewFilters, groups: readonly (readonly string[])[], room: Room, options: FoldOptions = {}): ViewTree {
  const plain = viewTree(base, filters);
  const wanted = groups.map((g) => g.filter((id) => plain.organs.has(id))).filter((g) => g.length);
  if (!wanted.length) return plain;
  for (const g of wanted) if (roomFit(plain, g, room) >= 1) return plain;
  const parents = [...plain.children.keys()].filter((id) => (plain.children.get(id) ?? []).length > 0);
  const userFolds = filters.collapsed ?? new Set<string>();
  for (const g of wanted) {
    const path = pathTo(plain, g);
    const trees = [
      plain,
      ...[new Set([...path, ...g]), path].map((keep) => viewTree(base, { ...filters, collapsed: new Set([...userFolds, ...parents.filter((id) => !keep.has(id) && !options.open?.has(id))]) })),
      foldAround(base, filters, plain, g, options.open),
    ];
    // Drawn closer (rows wrapped, levels nearer) only when no fold fits without.
    for (const a of arrangements(room)) for (const tree of trees) for (const shaped of shapes(tree, a)) if (roomFit(shaped, g, room) >= 1) return shaped;
  }
  return plain;
}
