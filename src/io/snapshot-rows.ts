/** The hierarchy at one date as flat rows, depth-first: what the static exports (GEXF, GraphML, CSV at a date) write. */
import { at as atDate, buildModel } from '../model/model.ts';
import { depthFirst, holdersAt, snapshot } from '../model/snapshot.ts';
import type { Graph } from '../model/types.ts';

export interface SnapshotRow {
  id: string;
  name: string;
  type: string;
  typeLabel?: string;
  vague: boolean;
  counted: boolean;
  link?: string;
  parent?: string;
  /** Whether the source states the placement under `parent` or it is inferred. */
  parentCertainty: 'stated' | 'inferred';
  depth: number;
  /** "first secretary: I. I. Gaza; …" */
  holders: string;
  /** Every figure in force, in words: "count 1917 (1931-01-01) | count 2600 (1931-01-01)". */
  figures: string;
  /** Per measure, the first of the latest values. */
  values: Map<string, number>;
  sources: string[];
}

/** The snapshot at a date as flat rows, depth-first: shared by the static exports. */
export function snapshotRows(g: Graph, date: string): SnapshotRow[] {
  const model = buildModel(g);
  const d = atDate(date);
  const snap = snapshot(model, d);
  return depthFirst(snap).map(({ id, depth }) => {
    const s = snap.organs.get(id)!;
    const figs = [...s.figures].flatMap(([m, list]) => list.map((f) => `${m} ${f.qualifier ? `${f.qualifier} ` : ''}${f.value} (${f.date})`));
    return {
      id,
      name: s.name,
      type: s.type,
      typeLabel: s.typeLabel,
      vague: s.vague,
      counted: s.counted,
      link: s.link,
      parent: s.parent,
      parentCertainty: s.parentCertainty,
      depth,
      holders: holdersAt(model, id, d).map((h) => `${h.post}: ${h.personName}`).join('; '),
      figures: figs.join(' | '),
      values: new Map([...s.figures].map(([m, list]) => [m, list[0].value])),
      sources: s.sources,
    };
  });
}
