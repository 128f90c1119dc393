/**
 * What the interchange formats (GEXF, GraphML, CSV) share: days for tools that only know ISO
 * dates, the `|` list codec of spreadsheet cells, the graph-level record the XML formats carry
 * whole, and located import issues. Pure: no DOM, no Node APIs.
 */
import { isoDay, parseDate } from '../model/dates.ts';
import { validateGraph, type Issue } from '../model/validate.ts';
import { capDetail, networkSummary, onceEach } from './summary.ts';
import { ORGAN_TYPES, type Edge, type Graph, type OrganType } from '../model/types.ts';

export const OPEN = '..';

/** The first day of a date's span, as an ISO day; undefined for an open bound (`..`, or a set like `[..1928-08]`). */
export function firstDay(edtf: string | undefined): string | undefined {
  if (edtf === undefined || edtf === OPEN) return undefined;
  const t = parseDate(edtf).min;
  return Number.isFinite(t) ? isoDay(t) : undefined;
}

/** The last day of a date's span, as an ISO day; undefined for an open bound. */
export function lastDay(edtf: string | undefined): string | undefined {
  if (edtf === undefined || edtf === OPEN) return undefined;
  const t = parseDate(edtf).max;
  return Number.isFinite(t) ? isoDay(t) : undefined;
}

/**
 * A date a foreign tool wrote (ISO day, date-time, a year as number) as EDTF: the day, or the
 * year for a whole number; otherwise the text unchanged, for validation to report.
 */
export function foreignDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (/^([-+]?inf(inity)?|none|null|nan|nat|undefined)?$/i.test(t)) return undefined;
  const day = /^(\d{4}-\d\d-\d\d)(T.*)?$/.exec(t);
  if (day) return day[1];
  const year = /^(\d{4})(\.0+)?$/.exec(t);
  if (year) return year[1];
  return t;
}

/** Lists in one spreadsheet cell: `a|b|c`; a `|` or `\` inside an item is escaped with `\`. */
export function joinList(items: readonly string[] | undefined): string {
  return (items ?? []).map((s) => s.replace(/[\\|]/g, (c) => `\\${c}`)).join('|');
}

export function splitList(cell: string | undefined): string[] {
  if (cell === undefined || cell === '') return [];
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if (c === '\\' && i + 1 < cell.length) cur += cell[++i];
    else if (c === '|') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The citations of a list of source ids, for people reading a table: "§2.2.1 | Table 4-5". */
export function citations(graph: Graph, refs: readonly string[] | undefined): string {
  return (refs ?? []).map((r) => graph.sources[r]?.citation ?? r).join(' | ');
}

/**
 * The graph-level record: everything but the organs and edges, which are the nodes and edges of
 * GEXF and GraphML. Those formats carry it whole as one JSON text (figures and posts are also
 * shown on their nodes, for reading; the record is what is read back).
 */
export type GraphRecord = Omit<Graph, 'organs' | 'edges' | '$schema'>;

export function graphRecord(g: Graph): GraphRecord {
  const { organs: _o, edges: _e, $schema: _s, ...rest } = g;
  return rest;
}

/** An organ type from a foreign file: one of ours, or `unit` with the foreign word as its label. */
export function foreignType(text: string | undefined, label: string | undefined): { type: OrganType; typeLabel?: string } {
  const t = text?.trim();
  const word = label !== undefined && label !== '' ? label : undefined;
  if (t && (ORGAN_TYPES as readonly string[]).includes(t)) return word === undefined ? { type: t as OrganType } : { type: t as OrganType, typeLabel: word };
  return { type: 'unit', typeLabel: word ?? (t || 'unit') };
}

/** Where a piece of the imported graph came from. */
export interface Origin {
  file: string;
  line?: number;
  /** A column of a table, or an element of an XML file: `column "start"`, `<spell> of <node id="a">`. */
  where?: string;
}

/**
 * Origins by path into the imported graph (`organs[3]`, `organs[3].exists[0].start`). An issue is
 * placed at the longest path prefix that has an origin.
 */
export class Origins {
  private readonly map = new Map<string, Origin>();
  constructor(readonly file: string) {}

  set(path: string, origin: Origin): void {
    this.map.set(path, origin);
  }

  /** Adds an edge to the graph read so far, remembering where in the file it came from. */
  addEdge(g: Graph, edge: Edge, line: number | undefined, where: string): void {
    this.set(`edges[${g.edges.length}]`, { file: this.file, line, where });
    g.edges.push(edge);
  }

  find(path: string): Origin | undefined {
    let p = path;
    for (;;) {
      const hit = this.map.get(p);
      if (hit) return hit;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return undefined;
      p = p.slice(0, cut);
    }
  }
}

export interface ImportResult {
  /** The graph, when it has no errors. */
  graph?: Graph;
  /** The graph as read, even with errors (to look at what went wrong). */
  data?: Graph;
  issues: Issue[];
}

/**
 * Validates an imported graph with the same rules as a graph file, and places every issue in the
 * file it came from: `file:line: error: column "start" (organs[3].exists[0].start): message`.
 */
export function finishImport(read: Graph, origins: Origins, readIssues: Issue[] = []): ImportResult {
  const data = inFormatOrder(read);
  const stubs = stubSources(data, origins.file);
  // A network gets one summary first, and the rest of the graph is validated without its extra parents.
  const network = networkSummary(data, origins.file);
  const checked = validateGraph(network.withoutExtra ?? data);
  const issues = capDetail(onceEach([...network.issues.map((i) => locate(i, origins)), ...stubs, ...readIssues, ...checked.map((i) => locate(i, origins))]));
  const ok = !issues.some((i) => i.severity === 'error');
  return { graph: ok ? data : undefined, data, issues };
}

/** Every source id the graph cites, wherever it cites one. */
function citedSources(g: Graph): Set<string> {
  const out = new Set<string>();
  const walk = (x: unknown, key?: string) => {
    if (Array.isArray(x)) {
      if (key === 'sources') {
        for (const s of x) if (typeof s === 'string') out.add(s);
      } else for (const y of x) walk(y);
    } else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) if (k !== 'stories') walk(v, k);
  };
  walk({ ...g, sources: undefined });
  return out;
}

/**
 * Sources cited but not defined (a tool that saved the file dropped apparat's record, or a table
 * of sources was left behind) become stubs that say so, with one warning: the organs stay
 * readable, and the reader sees what to restore.
 */
function stubSources(g: Graph, file: string): Issue[] {
  if (!g.sources || typeof g.sources !== 'object') return [];
  const missing = [...citedSources(g)].filter((id) => !(id in g.sources));
  if (missing.length === 0) return [];
  for (const id of missing) g.sources[id] = { citation: id, note: `A stub: ${file} cites "${id}" but does not define it.` };
  const shown = missing.slice(0, 8).map((m) => `"${m}"`).join(', ') + (missing.length > 8 ? `, and ${missing.length - 8} more` : '');
  return [
    {
      severity: 'warning',
      rule: 'stub-source',
      path: 'sources',
      file,
      message: `${missing.length} source${missing.length === 1 ? ' is' : 's are'} cited but not defined in the file (a tool that saved it may have dropped apparat's record): ${shown}; each is kept as a stub citing its id; restore the sources from the original file`,
    },
  ];
}

export function locate(issue: Issue, origins: Origins): Issue {
  const o = origins.find(issue.path);
  if (!o) return { ...issue, file: issue.file ?? origins.file };
  const path = o.where ? (issue.path ? `${o.where} (${issue.path})` : o.where) : issue.path;
  return { ...issue, file: o.file, line: o.line ?? issue.line, path };
}

export function readError(file: string, message: string, line?: number, where?: string, rule = 'read'): Issue {
  return { severity: 'error', rule, path: where ?? '', message, file, line };
}

/** The 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The source every organ of a foreign file cites when the file names none. */
export function importedSource(file: string): { id: string; source: { citation: string; note: string } } {
  return { id: 'imported', source: { citation: `imported from ${file}`, note: 'The file named no source for this.' } };
}

const KEY_ORDER = {
  graph: ['$schema', 'apparat', 'id', 'title', 'description', 'kind', 'period', 'sources', 'organs', 'edges', 'events', 'figures', 'people', 'posts', 'stories', 'note'],
  source: ['citation', 'primary', 'lines', 'quote', 'note'],
  organ: ['id', 'type', 'typeLabel', 'names', 'aliases', 'exists', 'counted', 'countedIn', 'link', 'note', 'sources'],
  interval: ['name', 'child', 'parent', 'organ', 'post', 'person', 'start', 'end', 'sources', 'note'],
  event: ['id', 'date', 'kind', 'title', 'description', 'inputs', 'outputs', 'sources'],
  figure: ['organ', 'measure', 'value', 'qualifier', 'date', 'sources', 'note'],
  person: ['id', 'name', 'aliases', 'attributes', 'sources'],
  attribute: ['attribute', 'value', 'date', 'sources', 'certainty', 'note'],
  story: ['id', 'title', 'description', 'steps'],
  step: ['graph', 'at', 'to', 'focus', 'highlight', 'hide', 'caption', 'citation', 'notes'],
};

/** The object with its keys in the given order (others after them, as they came). */
function ordered<T extends object>(x: T, keys: string[]): T {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return x;
  const out: Record<string, unknown> = {};
  const src = x as Record<string, unknown>;
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  for (const k of Object.keys(src)) if (!(k in out) && src[k] !== undefined) out[k] = src[k];
  return out as T;
}

/** An imported graph with its fields in the order of the format (README, "The data format"), as a person would write it. */
export function inFormatOrder(g: Graph): Graph {
  const list = <T extends object>(xs: T[] | undefined, keys: string[]) => (Array.isArray(xs) ? xs.map((x) => ordered(x, keys)) : xs);
  const out = ordered(g, KEY_ORDER.graph) as Graph;
  if (g.sources && typeof g.sources === 'object') out.sources = Object.fromEntries(Object.entries(g.sources).map(([k, s]) => [k, ordered(s, KEY_ORDER.source)]));
  if (g.period) out.period = ordered(g.period, KEY_ORDER.interval);
  out.organs = list(g.organs, KEY_ORDER.organ)?.map((o) => ({ ...o, names: list(o.names, KEY_ORDER.interval)!, exists: list(o.exists, KEY_ORDER.interval)! })) ?? [];
  out.edges = list(g.edges, KEY_ORDER.interval) ?? [];
  if (g.events) out.events = list(g.events, KEY_ORDER.event);
  if (g.figures) out.figures = list(g.figures, KEY_ORDER.figure);
  if (g.people) out.people = list(g.people, KEY_ORDER.person)?.map((p) => (Array.isArray(p.attributes) ? { ...p, attributes: list(p.attributes, KEY_ORDER.attribute) } : p));
  if (g.posts) out.posts = list(g.posts, KEY_ORDER.interval);
  if (g.stories) out.stories = list(g.stories, KEY_ORDER.story)?.map((s) => ({ ...s, steps: list(s.steps, KEY_ORDER.step)! }));
  return out;
}

/** Fields an interchange format has no place of its own for, as one JSON text (so that fields added to the format later travel too). */
export function extraOf(x: object, known: readonly string[]): string | undefined {
  const rest = Object.entries(x).filter(([k, v]) => !known.includes(k) && v !== undefined);
  return rest.length ? JSON.stringify(Object.fromEntries(rest)) : undefined;
}

/** Adds the fields of an `extra` JSON text to an object; a broken text is an issue. */
export function mergeExtra<T extends object>(x: T, extra: string | undefined, onError: (message: string) => void): T {
  if (extra === undefined || extra === '') return x;
  try {
    const parsed = JSON.parse(extra) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error();
    return Object.assign(x, parsed);
  } catch {
    onError('the "extra" value is not a JSON object');
    return x;
  }
}

/** A file name as a graph id: letters, digits and - _ . only. */
export function idFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  const id = base.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return id || 'imported';
}

export function parseJsonValue<T>(text: string, what: string, file: string, line: number | undefined, where: string, issues: Issue[]): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    issues.push(readError(file, `the ${what} is not valid JSON`, line, where));
    return undefined;
  }
}


export function withDates<T extends object>(x: T, i: { start?: string; end?: string }): T & { start?: string; end?: string } {
  const out: T & { start?: string; end?: string } = { ...x };
  const s = foreignDateOrEdtf(i.start);
  const e = foreignDateOrEdtf(i.end);
  if (s !== undefined) out.start = s;
  if (e !== undefined) out.end = e;
  return out;
}

/** An EDTF bound as apparat wrote it, kept as is; a foreign one made EDTF. */
function foreignDateOrEdtf(d: string | undefined): string | undefined {
  if (d === undefined || /^\s*(none|null|nan|nat|undefined)?\s*$/i.test(d)) return undefined;
  if (d === OPEN) return d;
  return /^\d{4}-\d\d-\d\dT/.test(d) ? foreignDate(d) : d;
}
