/**
 * Organs and subordinations as the node and edge attributes of GEXF and GraphML: what apparat
 * writes for each field, and how a node's attributes become an organ again, from apparat's own
 * file or from one another tool saved. Pure: no DOM.
 */
import type { Edge, Graph, Organ } from '../model/types.ts';
import type { Issue } from '../model/validate.ts';
import { parseDate } from '../model/dates.ts';
import { xmlText } from './xml.ts';
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
/** The fields the CSV tables have columns for; any other (a `certainty`, a name's `note`) travels in `extra`. */
export const NAME_FIELDS = ['name', 'start', 'end', 'sources'] as const;
export const EXISTENCE_FIELDS = ['start', 'end', 'sources', 'note'] as const;
export const POST_FIELDS = ['organ', 'post', 'person', 'start', 'end', 'sources', 'note'] as const;

/** Node attributes apparat reads (lower-case): its own, and the names other tools give a label. */
export function KNOWN_NODE_TITLES(title: string): boolean {
  return KNOWN.has(title) || title.startsWith('figure:');
}
const KNOWN = new Set([...NODE_ATTRS.map((a) => a.id.toLowerCase()), 'name', 'label', 'type label', 'start', 'end', 'figures', 'holders']);

/** Edge attributes apparat reads (lower-case). */
export function KNOWN_EDGE_TITLES(title: string): boolean {
  return KNOWN_EDGE.has(title);
}
const KNOWN_EDGE = new Set([...EDGE_ATTRS.map((a) => a.id.toLowerCase()), 'start', 'end']);

/** Counts the attributes of a file that apparat has no place for, to name them in one warning. */
export class ForeignAttributes {
  private readonly counts = new Map<string, number>();
  constructor(private readonly known: (title: string) => boolean) {}

  see(titles: Iterable<string>): void {
    for (const t of titles) if (!this.known(t)) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
  }

  warning(file: string, what: 'node' | 'edge'): Issue[] {
    if (this.counts.size === 0) return [];
    const list = [...this.counts].sort((a, b) => b[1] - a[1]);
    const shown = list.slice(0, 12).map(([t, n]) => `"${t}" (${n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'})`);
    const more = list.length > 12 ? `, and ${list.length - 12} more` : '';
    return [{ severity: 'warning', rule: 'foreign', path: '', file, message: `${list.length} ${what} attribute${list.length === 1 ? '' : 's'} apparat has no field for ${list.length === 1 ? 'is' : 'are'} left out: ${shown.join(', ')}${more}` }];
  }
}

/** A node's attributes by their apparat names (GEXF attvalues, GraphML data). */
export interface NodeAttributes {
  get(name: string): string | undefined;
  has(name: string): boolean;
}

/** What reading a node has to say: an error or a warning, placed by the caller on the node. */
export interface NodeNotes {
  error(message: string): void;
  warn(message: string): void;
}

/** A boolean as tools write it: true/True/TRUE/1/yes and false/False/FALSE/0/no (networkx writes True); undefined for anything else. */
export function truth(text: string | undefined): boolean | undefined {
  const t = text?.trim().toLowerCase();
  if (t === 'true' || t === '1' || t === 'yes') return true;
  if (t === 'false' || t === '0' || t === 'no') return false;
  return undefined;
}

/**
 * An organ from a node's attributes, from apparat's own file or one another tool saved (the
 * record may be gone, values rewritten: `True`, `None`). A node with no type gets `unit`; in a
 * file apparat wrote (`apparatFile`) that is a node added in another tool, and a warning says so.
 * Without `sources` the organ cites the imported file (`imported` says so, so the caller adds
 * that source once). A `label` that differs from the name apparat wrote was edited elsewhere: it
 * wins, with a warning.
 */
export function organFromAttributes(
  id: string,
  names: Organ['names'],
  exists: Organ['exists'],
  a: NodeAttributes,
  apparatFile: boolean,
  notes: NodeNotes,
  label?: string,
): { organ: Organ; imported: boolean } {
  const organ: Organ = { id, ...foreignType(a.get('type'), a.get('typeLabel') ?? a.get('type label')), names, exists, sources: [] };
  if (apparatFile && !a.get('type')?.trim()) notes.warn(`the node has no "type" (added in another tool?): it is read as type "unit"; give it a type from apparat's list`);
  if (a.has('counted')) {
    const counted = truth(a.get('counted'));
    if (counted === undefined) notes.error(`"counted" must be true or false, not "${a.get('counted')}"`);
    else organ.counted = counted;
  }
  for (const k of ['countedIn', 'link', 'note'] as const) if (a.has(k)) organ[k] = a.get(k);
  let imported = false;
  const sources = splitList(a.get('sources')).filter((x) => x.trim() !== '');
  if (sources.length) organ.sources = sources;
  else {
    organ.sources = ['imported'];
    imported = true;
  }
  mergeExtra(organ, a.get('extra'), notes.error);
  // The label apparat wrote is the first name (less what XML cannot hold); another label was edited.
  const written = names[0]?.name;
  const edited = label?.trim() ? label : undefined;
  if (edited !== undefined && written !== undefined && edited !== written && edited !== xmlText(written) && a.has('names')) {
    notes.warn(`the label "${edited}" differs from the name apparat wrote ("${written}"): edited in another tool, it is taken as the name`);
    organ.names = names.map((n) => (n.name === written ? { ...n, name: edited } : n));
  }
  return { organ, imported };
}

/** The words tools write for "no value" (networkx and pandas write None and NaN), or nothing: for dates and JSON values, not free text. */
export function isNone(text: string): boolean {
  return /^\s*(none|null|nan|nat|undefined)?\s*$/i.test(text);
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
