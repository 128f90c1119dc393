/** What changed between two snapshots. */
import type { Snapshot } from './snapshot.ts';

export interface Reparent {
  id: string;
  from?: string;
  to?: string;
}
export interface Rename {
  id: string;
  from: string;
  to: string;
}
export interface FigureChange {
  id: string;
  measure: string;
  from: number[];
  to: number[];
}

export interface Added {
  id: string;
  parent?: string;
  name: string;
}

export interface Diff {
  added: Added[];
  removed: string[];
  reparented: Reparent[];
  renamed: Rename[];
  figures: FigureChange[];
}

const values = (s: Snapshot, id: string, m: string) => (s.organs.get(id)?.figures.get(m) ?? []).map((f) => f.value);
const same = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export function diff(a: Snapshot, b: Snapshot): Diff {
  const result: Diff = { added: [], removed: [], reparented: [], renamed: [], figures: [] };
  for (const [id, o] of b.organs) if (!a.organs.has(id)) result.added.push({ id, parent: o.parent, name: o.name });
  for (const id of a.organs.keys()) if (!b.organs.has(id)) result.removed.push(id);
  for (const [id, before] of a.organs) {
    const after = b.organs.get(id);
    if (!after) continue;
    if (before.parent !== after.parent) result.reparented.push({ id, from: before.parent, to: after.parent });
    if (before.name !== after.name) result.renamed.push({ id, from: before.name, to: after.name });
    const measures = new Set([...before.figures.keys(), ...after.figures.keys()]);
    for (const m of measures) {
      const x = values(a, id, m);
      const y = values(b, id, m);
      if (!same(x, y)) result.figures.push({ id, measure: m, from: x, to: y });
    }
  }
  return result;
}

/** The structure a diff leads to: ids with their parents and names (applying diff(a, b) to a gives b's). */
export function applyDiff(a: Snapshot, d: Diff): Map<string, { parent?: string; name: string }> {
  const out = new Map<string, { parent?: string; name: string }>();
  for (const [id, o] of a.organs) out.set(id, { parent: o.parent, name: o.name });
  for (const id of d.removed) out.delete(id);
  for (const { id, parent, name } of d.added) out.set(id, { parent, name });
  for (const r of d.reparented) out.get(r.id)!.parent = r.to;
  for (const r of d.renamed) out.get(r.id)!.name = r.to;
  return out;
}
