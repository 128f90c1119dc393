/**
 * Organs and subordinations as the node and edge attributes of GEXF and GraphML: what apparat
 * writes for each field, and how a node's attributes become an organ again, from apparat's own
 * file or from one another tool saved. Pure: no DOM.
 */
import type { Edge, Graph, Organ } from '../model/types.ts';
import { parseDate } from '../model/dates.ts';
import { citations, extraOf, foreignType, joinList, mergeExtra, OPEN, splitList } from './interchange.ts';

export type AttrType = 'string' | 'boolean' | 'double';
export interface AttrSpec<T> {
  id: string;
  type: AttrType;
  get: (x: T, g: Graph) => string | number | boolean | undefined;
}


const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));

/** Node attributes, shared with GraphML. JSON texts keep lists exactly (and survive any character). */
export const NODE_ATTRS: AttrSpec<Organ>[] = [
  { id: 'type', type: 'string', get: (o) => o.type },
  { id: 'typeLabel', type: 'string', get: (o) => o.typeLabel },
  { id: 'counted', type: 'boolean', get: (o) => o.counted },
  { id: 'countedIn', type: 'string', get: (o) => o.countedIn },
  { id: 'link', type: 'string', get: (o) => o.link },
  { id: 'aliases', type: 'string', get: (o) => json(o.aliases) },
  { id: 'note', type: 'string', get: (o) => o.note },
  { id: 'sources', type: 'string', get: (o) => joinList(o.sources) },
  { id: 'citations', type: 'string', get: (o, g) => citations(g, o.sources) },
  { id: 'startEdtf', type: 'string', get: (o) => o.exists[0]?.start },
  { id: 'endEdtf', type: 'string', get: (o) => o.exists[o.exists.length - 1]?.end },
  { id: 'exists', type: 'string', get: (o) => json(o.exists) },
  { id: 'names', type: 'string', get: (o) => json(o.names) },
  { id: 'extra', type: 'string', get: (o) => extraOf(o, ORGAN_FIELDS) },
];

export const EDGE_ATTRS: AttrSpec<Edge>[] = [
  { id: 'startEdtf', type: 'string', get: (e) => e.start },
  { id: 'endEdtf', type: 'string', get: (e) => e.end },
  { id: 'sources', type: 'string', get: (e) => (e.sources === undefined ? undefined : joinList(e.sources)) },
  { id: 'citations', type: 'string', get: (e, g) => (e.sources === undefined ? undefined : citations(g, e.sources)) },
  { id: 'note', type: 'string', get: (e) => e.note },
  { id: 'extra', type: 'string', get: (e) => extraOf(e, EDGE_FIELDS) },
];

export const ORGAN_FIELDS = ['id', 'type', 'typeLabel', 'names', 'aliases', 'exists', 'counted', 'countedIn', 'link', 'note', 'sources'] as const;
export const EDGE_FIELDS = ['child', 'parent', 'start', 'end', 'sources', 'note'] as const;

/** A node's attributes by their apparat names (GEXF attvalues, GraphML data). */
export interface NodeAttributes {
  get(name: string): string | undefined;
  has(name: string): boolean;
}

/**
 * An organ from a node's attributes. A file apparat wrote (`fromApparat`) carries every field; a
 * foreign one gets a type from its `type` attribute (else `unit`) and cites the imported file
 * (`imported` says so, so the caller adds that source once).
 */
export function organFromAttributes(
  id: string,
  names: Organ['names'],
  exists: Organ['exists'],
  a: NodeAttributes,
  fromApparat: boolean,
  onExtraError: (message: string) => void,
): { organ: Organ; imported: boolean } {
  const organ: Organ = { id, ...(fromApparat ? { type: a.get('type') as Organ['type'] } : foreignType(a.get('type'), a.get('typeLabel') ?? a.get('type label'))), names, exists, sources: [] };
  if (fromApparat && a.has('typeLabel')) organ.typeLabel = a.get('typeLabel');
  if (a.has('counted')) organ.counted = a.get('counted') === 'true';
  if (a.has('countedIn')) organ.countedIn = a.get('countedIn');
  if (a.has('link')) organ.link = a.get('link');
  if (a.has('note')) organ.note = a.get('note');
  let imported = false;
  if (a.has('sources')) organ.sources = splitList(a.get('sources'));
  else if (!fromApparat) {
    organ.sources = ['imported'];
    imported = true;
  }
  mergeExtra(organ, a.get('extra'), onExtraError);
  return { organ, imported };
}


/** Reads an edge's interval where the file has no apparat attributes: its spells, else the overlap of both lives. */
export function overlapOfLives(child: Organ | undefined, parent: Organ | undefined): { start?: string; end?: string } {
  const span = (o: Organ | undefined) => {
    if (!o) return { start: undefined, end: undefined };
    const starts = o.exists.map((e) => e.start);
    const ends = o.exists.map((e) => e.end);
    const open = (d?: string) => d === undefined || d === OPEN;
    const start = starts.some(open) ? undefined : starts.reduce((a, b) => (safeMin(b!) < safeMin(a!) ? b : a));
    const end = ends.some(open) ? undefined : ends.reduce((a, b) => (safeMax(b!) > safeMax(a!) ? b : a));
    return { start, end };
  };
  const c = span(child);
  const p = span(parent);
  const later = (a?: string, b?: string) => (a === undefined ? b : b === undefined ? a : safeMin(b) > safeMin(a) ? b : a);
  const earlier = (a?: string, b?: string) => (a === undefined ? b : b === undefined ? a : safeMax(b) < safeMax(a) ? b : a);
  const out: { start?: string; end?: string } = {};
  const s = later(c.start, p.start);
  const e = earlier(c.end, p.end);
  if (s !== undefined) out.start = s;
  if (e !== undefined) out.end = e;
  return out;
}

function safeMin(d: string): number {
  try {
    return parseDate(d).min;
  } catch {
    return -Infinity;
  }
}
function safeMax(d: string): number {
  try {
    return parseDate(d).max;
  } catch {
    return Infinity;
  }
}
