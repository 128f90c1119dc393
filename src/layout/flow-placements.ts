/**
 * The placements of the flow (src/layout/flow.ts): an organ under one parent for one interval —
 * an edge cut to the organ's life, the parts of a life with no parent, and each cut again where
 * its parent's placements are (a line follows its parent's moves). Pure: no DOM.
 */
import type { Bounds } from '../model/dates.ts';
import type { Model, Timed } from '../model/model.ts';
import type { Edge, Existence } from '../model/types.ts';

export interface Placement {
  organ: string;
  b: Bounds;
  from?: string;
  to?: string;
  parent?: string;
  inferred: boolean;
  note?: string;
  qualified: boolean;
  /** Index of its parent placement, once found. */
  up: number;
  kids: number[];
}

/** The certainty field (see HELPERS: absent means stated); read without relying on the types having it yet. */
type Certain = { certainty?: 'stated' | 'inferred'; note?: string };

export const overlap = (a: Bounds, b: Bounds) => Math.min(a.endMax, b.endMax) - Math.max(a.startMin, b.startMin);

export function placements(model: Model): Placement[] {
  const out: Placement[] = [];
  for (const id of model.ids) {
    const lives = model.existence.get(id) ?? [];
    const organ = model.organs.get(id)!;
    const lifeItems: Existence[] = organ.exists;
    const edges: Timed<Edge>[] = model.edgesByChild.get(id) ?? [];
    const covered = new Set<number>();
    for (const e of edges) {
      // The life this edge falls in (the one it overlaps most), and the two cut to each other.
      let li = -1;
      let best = -Infinity;
      lives.forEach((l, i) => {
        const o = overlap(l, e.b);
        if (o > best) (best = o), (li = i);
      });
      if (li < 0 || best < 0) continue;
      covered.add(li);
      const l = lives[li];
      const life = lifeItems[li] as Existence & Certain;
      const edge = e.item as Edge & Certain;
      const laterStart = e.b.startMin >= l.startMin;
      const earlierEnd = e.b.endMax <= l.endMax;
      out.push({
        organ: id,
        b: {
          startMin: Math.max(l.startMin, e.b.startMin),
          startMax: Math.max(l.startMax, e.b.startMax),
          endMin: Math.min(l.endMin, e.b.endMin),
          endMax: Math.min(l.endMax, e.b.endMax),
          qualified: (laterStart || earlierEnd ? e.b.qualified : false) || l.qualified,
        },
        from: laterStart ? edge.start : life.start,
        to: earlierEnd ? edge.end : life.end,
        parent: edge.parent,
        inferred: edge.certainty === 'inferred' || life.certainty === 'inferred',
        note: edge.certainty === 'inferred' ? edge.note : life.certainty === 'inferred' ? life.note : undefined,
        qualified: e.b.qualified || l.qualified,
        up: -1,
        kids: [],
      });
    }
    // A life (or the part of it before its first parent or after its last) with no parent is a root of its own.
    lives.forEach((l, i) => {
      const life = lifeItems[i] as Existence & Certain;
      const root = (b: Bounds, from?: string, to?: string, part = false) => {
        // A part must certainly fall within the period (a month's handover before the first edge is none).
        if (part && (Math.max(b.startMin, b.startMax) >= Math.min(b.endMin, b.endMax) || b.endMin <= model.period.min || b.startMax >= model.period.max)) return;
        out.push({ organ: id, b, from, to, inferred: life.certainty === 'inferred', note: life.certainty === 'inferred' ? life.note : undefined, qualified: l.qualified, up: -1, kids: [] });
      };
      if (!covered.has(i)) return root(l, life.start, life.end);
      const own = edges.filter((e) => overlap(l, e.b) >= 0);
      const first = own.reduce((a, e) => (e.b.startMin < a.b.startMin ? e : a));
      const last = own.reduce((a, e) => (e.b.endMax > a.b.endMax ? e : a));
      if (first.b.startMin > l.startMin) root({ ...l, endMin: first.b.startMin, endMax: Math.max(first.b.startMin, first.b.startMax) }, life.start, first.item.start, true);
      if (last.b.endMax < l.endMax) root({ ...l, startMin: Math.min(last.b.endMin, last.b.endMax), startMax: last.b.endMax }, last.item.end, life.end, true);
    });
  }
  return out;
}

/** The part of a placement's span in which it certainly holds (empty when its bounds overlap). */
const certainOverlap = (q: Bounds, p: Bounds) => Math.min(q.endMin, p.endMax) - Math.max(q.startMax, p.startMin);

/**
 * A line follows its parent: when the parent moves (a raikom passing from the obkom to the gorkom),
 * the child's placement is cut where the parent's is, so that each piece hangs from the parent's
 * row of that time and the whole subtree moves together (as in Tree Flow). Parents are resolved
 * before their children (memoised; a cycle of parents leaves the placements as they are).
 */
export function followParents(raw: Placement[]): Placement[] {
  const byOrgan = new Map<string, Placement[]>();
  for (const p of raw) {
    const l = byOrgan.get(p.organ);
    if (l) l.push(p);
    else byOrgan.set(p.organ, [p]);
  }
  const done = new Map<string, Placement[]>();
  const visiting = new Set<string>();
  const resolve = (organ: string): Placement[] => {
    const hit = done.get(organ);
    if (hit) return hit;
    const own = byOrgan.get(organ) ?? [];
    if (visiting.has(organ)) return own;
    visiting.add(organ);
    const out: Placement[] = [];
    for (const p of own) {
      const parents = p.parent === undefined || p.parent === organ ? [] : resolve(p.parent).filter((q) => certainOverlap(q.b, p.b) > 0);
      if (parents.length < 2) {
        out.push(p);
        continue;
      }
      parents.sort((a, b) => a.b.startMin - b.b.startMin);
      parents.forEach((q, i) => {
        const first = i === 0;
        const last = i === parents.length - 1;
        out.push({
          ...p,
          b: {
            startMin: first ? p.b.startMin : Math.max(p.b.startMin, q.b.startMin),
            startMax: first ? p.b.startMax : Math.max(p.b.startMax, q.b.startMax),
            endMin: last ? p.b.endMin : Math.min(p.b.endMin, q.b.endMin),
            endMax: last ? p.b.endMax : Math.min(p.b.endMax, q.b.endMax),
            qualified: p.b.qualified,
          },
          from: first || p.b.startMin >= q.b.startMin ? p.from : q.from,
          to: last || p.b.endMax <= q.b.endMax ? p.to : q.to,
          kids: [],
        });
      });
    }
    visiting.delete(organ);
    done.set(organ, out);
    return out;
  };
  const out: Placement[] = [];
  for (const organ of byOrgan.keys()) out.push(...resolve(organ));
  return out;
}

