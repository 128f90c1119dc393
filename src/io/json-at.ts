/**
 * apparat JSON of a graph at one date: a graph file of its own holding the organs that existed
 * then (with the name they had, their lifetimes and sources), the subordination in force and the
 * latest figures; events, people, posts and stories are left out. It validates like any graph.
 */
import { formatDate, parseDate } from '../model/dates.ts';
import { at as atDate, buildModel } from '../model/model.ts';
import { snapshot } from '../model/snapshot.ts';
import type { Edge, Figure, Graph, Organ } from '../model/types.ts';
import { exportJson } from './json.ts';

const OPEN = '..';

function overlaps(i: { start?: string; end?: string }, min: number, max: number): boolean {
  const s = i.start && i.start !== OPEN ? parseDate(i.start).min : -Infinity;
  const e = i.end && i.end !== OPEN ? parseDate(i.end).max : Infinity;
  return s <= max && e >= min;
}

/** The graph at a date, as a graph. */
export function graphAt(g: Graph, date: string): Graph {
  const model = buildModel(g);
  const d = atDate(date);
  const snap = snapshot(model, d);
  const organs: Organ[] = [];
  const edges: Edge[] = [];
  const figures: Figure[] = [];
  for (const s of snap.organs.values()) {
    const o = s.organ;
    const organ: Organ = { ...o, names: [{ name: s.name }] };
    const name = o.names.find((n) => n.name === s.name && overlaps(n, d.min, d.max));
    if (name?.sources) organ.names[0].sources = name.sources;
    if (o.countedIn && !snap.organs.has(o.countedIn)) delete organ.countedIn;
    organs.push(organ);
    if (s.parent) {
      const edge = g.edges.filter((e) => e.child === s.id && e.parent === s.parent && overlaps(e, d.min, d.max)).pop();
      if (edge) edges.push(edge);
    }
    for (const list of s.figures.values()) figures.push(...list);
  }
  const cited = new Set<string>();
  const cite = (x: { sources?: string[] } | undefined) => x?.sources?.forEach((id) => cited.add(id));
  for (const o of organs) {
    cite(o);
    o.names.forEach(cite);
    o.exists.forEach(cite);
  }
  edges.forEach(cite);
  figures.forEach(cite);
  return {
    apparat: 1,
    id: `${g.id}-at-${date}`.replace(/[^A-Za-z0-9_.-]+/g, '-'),
    title: `${g.title} at ${formatDate(date)}`,
    description: `The organs of “${g.title}” that existed at ${formatDate(date)}, with the subordination and the figures in force then.`,
    ...(g.kind ? { kind: g.kind } : {}),
    period: { start: date, end: date },
    sources: Object.fromEntries(Object.entries(g.sources).filter(([id]) => cited.has(id))),
    organs,
    edges,
    ...(figures.length ? { figures } : {}),
  };
}

/** apparat JSON of the graph at a date. */
export function exportJsonAt(g: Graph, date: string, schema = './schema.json'): string {
  return exportJson(graphAt(g, date), schema);
}
