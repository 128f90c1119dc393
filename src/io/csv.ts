/**
 * CSV through papaparse: a folder of tables (nodes.csv, edges.csv, … one per kind of thing) that
 * Gephi's spreadsheet import, Palladio and Kumu read, and back; and a user's one-file hierarchy
 * (id, label, type, parent, start, end, source). RFC 4180: a header row, `"` quoting, CRLF.
 * README, "Interchange formats", lists every column.
 */
import Papa from 'papaparse';
import type { ChangeEvent, Edge, Existence, Figure, Graph, Name, Organ, Person, Post, Source, Story, StoryStep } from '../model/types.ts';
import type { Issue } from '../model/validate.ts';
import { EDGE_FIELDS, ORGAN_FIELDS } from './attributes.ts';
import { snapshotRows } from './snapshot-rows.ts';
import {
  citations,
  extraOf,
  finishImport,
  firstDay,
  foreignType,
  idFromFile,
  importedSource,
  joinList,
  lastDay,
  lineOf,
  mergeExtra,
  Origins,
  readError,
  splitList,
  type ImportResult,
} from './interchange.ts';

type Cell = string | number | boolean | undefined;
type Row = Record<string, Cell>;

/** One table as CSV text: a header row and one row per item, CRLF, quoted where needed. */
export function toCsv(columns: string[], rows: Row[]): string {
  const data = rows.map((r) => columns.map((c) => (r[c] === undefined ? '' : String(r[c]))));
  return `${Papa.unparse({ fields: columns, data }, { newline: '\r\n', quotes: false, header: true })}\r\n`;
}

/** Gephi's time intervals: `<[1928-01-01, 1930-12-31];[1932-01-01, Infinity]>`; empty when one is open at both ends. */
function timeInterval(intervals: { start?: string; end?: string }[]): string | undefined {
  const spans = intervals.map((i) => [firstDay(i.start), lastDay(i.end)]);
  if (spans.length === 0 || spans.some(([a, b]) => a === undefined && b === undefined)) return undefined;
  return `<${spans.map(([a, b]) => `[${a ?? '-Infinity'}, ${b ?? 'Infinity'}]`).join(';')}>`;
}

export const CSV_COLUMNS = {
  'graph.csv': ['apparat', 'id', 'title', 'description', 'kind', 'period_start', 'period_end', 'note'],
  'sources.csv': ['id', 'citation', 'primary', 'lines', 'quote', 'note'],
  'nodes.csv': ['Id', 'Label', 'Type', 'type_label', 'counted', 'counted_in', 'link', 'aliases', 'note', 'sources', 'citations', 'start', 'end', 'Start Date', 'End Date', 'Time Interval', 'extra'],
  'names.csv': ['organ', 'name', 'start', 'end', 'sources', 'Start Date', 'End Date'],
  'exists.csv': ['organ', 'start', 'end', 'sources', 'note', 'Start Date', 'End Date'],
  'edges.csv': ['Source', 'Target', 'Type', 'Id', 'start', 'end', 'sources', 'citations', 'note', 'Start Date', 'End Date', 'Time Interval', 'extra'],
  'events.csv': ['id', 'date', 'kind', 'title', 'description', 'inputs', 'outputs', 'sources', 'citations', 'Date'],
  'figures.csv': ['organ', 'measure', 'value', 'qualifier', 'date', 'sources', 'citations', 'note', 'Date'],
  'people.csv': ['id', 'name', 'aliases', 'sources'],
  'posts.csv': ['organ', 'post', 'person', 'start', 'end', 'sources', 'citations', 'note', 'Start Date', 'End Date'],
  'stories.csv': ['story', 'title', 'description', 'step', 'graph', 'at', 'to', 'focus', 'highlight', 'hide', 'caption', 'citation', 'notes'],
} as const;

export type CsvFileName = keyof typeof CSV_COLUMNS;

const opt = (list: readonly string[] | undefined) => (list === undefined ? undefined : joinList(list));

/** The whole graph as a folder of tables: file name → CSV text. */
export function exportCsv(g: Graph): Record<CsvFileName, string> {
  const t = (name: CsvFileName, rows: Row[]) => toCsv([...CSV_COLUMNS[name]], rows);
  const dated = (i: { start?: string; end?: string }) => ({ start: i.start, end: i.end, 'Start Date': firstDay(i.start), 'End Date': lastDay(i.end) });
  return {
    'graph.csv': t('graph.csv', [
      { apparat: g.apparat, id: g.id, title: g.title, description: g.description, kind: g.kind, period_start: g.period?.start, period_end: g.period?.end, note: g.note },
    ]),
    'sources.csv': t('sources.csv', Object.entries(g.sources).map(([id, s]) => ({ id, ...s }))),
    'nodes.csv': t(
      'nodes.csv',
      g.organs.map((o) => ({
        Id: o.id,
        Label: o.names[0]?.name,
        Type: o.type,
        type_label: o.typeLabel,
        counted: o.counted,
        counted_in: o.countedIn,
        link: o.link,
        aliases: opt(o.aliases),
        note: o.note,
        sources: joinList(o.sources),
        citations: citations(g, o.sources),
        ...dated({ start: o.exists[0]?.start, end: o.exists[o.exists.length - 1]?.end }),
        'Time Interval': timeInterval(o.exists),
        extra: extraOf(o, ORGAN_FIELDS),
      })),
    ),
    'names.csv': t('names.csv', g.organs.flatMap((o) => o.names.map((n) => ({ organ: o.id, name: n.name, ...dated(n), sources: opt(n.sources) })))),
    'exists.csv': t('exists.csv', g.organs.flatMap((o) => o.exists.map((e) => ({ organ: o.id, ...dated(e), sources: opt(e.sources), note: e.note })))),
    'edges.csv': t(
      'edges.csv',
      g.edges.map((e, i) => ({
        Source: e.parent,
        Target: e.child,
        Type: 'Directed',
        Id: `e${i}`,
        ...dated(e),
        sources: opt(e.sources),
        citations: citations(g, e.sources),
        note: e.note,
        'Time Interval': timeInterval([e]),
        extra: extraOf(e, EDGE_FIELDS),
      })),
    ),
    'events.csv': t(
      'events.csv',
      (g.events ?? []).map((e) => ({ ...e, inputs: joinList(e.inputs), outputs: joinList(e.outputs), sources: joinList(e.sources), citations: citations(g, e.sources), Date: firstDay(e.date) })),
    ),
    'figures.csv': t('figures.csv', (g.figures ?? []).map((f) => ({ ...f, sources: joinList(f.sources), citations: citations(g, f.sources), Date: firstDay(f.date) }))),
    'people.csv': t('people.csv', (g.people ?? []).map((p) => ({ id: p.id, name: p.name, aliases: opt(p.aliases), sources: opt(p.sources) }))),
    'posts.csv': t('posts.csv', (g.posts ?? []).map((p) => ({ ...p, ...dated(p), sources: joinList(p.sources), citations: citations(g, p.sources) }))),
    'stories.csv': t(
      'stories.csv',
      (g.stories ?? []).flatMap((s) =>
        s.steps.length === 0
          ? [{ story: s.id, title: s.title, description: s.description }]
          : s.steps.map((st, i) => ({
              story: s.id,
              title: s.title,
              description: i === 0 ? s.description : undefined,
              step: i + 1,
              graph: st.graph,
              at: st.at,
              to: st.to,
              focus: opt(st.focus),
              highlight: opt(st.highlight),
              hide: opt(st.hide),
              caption: st.caption,
              citation: st.citation,
              notes: st.notes,
            })),
      ),
    ),
  };
}

/** The hierarchy at one date: nodes.csv and edges.csv of the snapshot. */
export function exportCsvAt(g: Graph, date: string): Record<string, string> {
  const rows = snapshotRows(g, date);
  const measures = [...new Set(rows.flatMap((r) => [...r.values.keys()]))];
  const nodeColumns = ['Id', 'Label', 'Type', 'type_label', 'parent', 'depth', 'vague', 'counted', 'link', 'holders', 'figures', ...measures, 'sources', 'citations'];
  return {
    'nodes.csv': toCsv(
      nodeColumns,
      rows.map((r) => ({
        Id: r.id,
        Label: r.name,
        Type: r.type,
        type_label: r.typeLabel,
        parent: r.parent,
        depth: r.depth,
        vague: r.vague,
        counted: r.counted,
        link: r.link,
        holders: r.holders,
        figures: r.figures,
        ...Object.fromEntries(measures.map((m) => [m, r.values.get(m)])),
        sources: joinList(r.sources),
        citations: citations(g, r.sources),
      })),
    ),
    'edges.csv': toCsv(['Source', 'Target', 'Type'], rows.filter((r) => r.parent).map((r) => ({ Source: r.parent, Target: r.id, Type: 'Directed' }))),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A column name compared loosely: `Type Label`, `type_label` and `typeLabel` are one column. */
const norm = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_-]+/g, '');

export interface TableRow {
  line: number;
  get(column: string): string | undefined;
}

export interface Table {
  file: string;
  columns: string[];
  rows: TableRow[];
  delimiter: string;
  has(column: string): boolean;
}

/** The separator of a file: the one of `,` `;` tab that its header row uses most. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const).sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 1 ? counts[0][0] : ',';
}

/**
 * Reads one CSV text with papaparse: a header row, then rows; tolerates a BOM, CRLF or LF,
 * quoted newlines, and `;` or tab separators. Rows keep their line numbers.
 */
export function readTable(text: string, file: string, issues: Issue[]): Table {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(body);
  const records: { cells: string[]; line: number }[] = [];
  let offset = 0;
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: true,
    step: (res) => {
      let start = offset;
      while (body[start] === '\r' || body[start] === '\n') start++;
      records.push({ cells: res.data, line: lineOf(body, start) });
      for (const e of res.errors) issues.push(readError(file, `the CSV cannot be read here: ${e.message}`, lineOf(body, start), undefined, 'csv'));
      offset = res.meta.cursor;
    },
  });
  const [header, ...rest] = records;
  const columns = header ? header.cells.map((c) => c.trim()) : [];
  const index = new Map<string, number>();
  columns.forEach((c, i) => {
    if (!index.has(norm(c))) index.set(norm(c), i);
  });
  for (const { cells, line } of rest)
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c !== ''))
      issues.push(readError(file, `the row has ${cells.length} cells but the header names ${columns.length} columns (is a value with a "${delimiter}" missing its quotes?)`, line, undefined, 'csv'));
  const rows = rest.map(({ cells, line }) => ({
    line,
    get: (column: string) => {
      const i = index.get(norm(column));
      if (i === undefined) return undefined;
      const v = cells[i];
      return v === undefined || v === '' ? undefined : v;
    },
  }));
  if (!header) issues.push(readError(file, 'the file is empty: a header row is needed', 1, undefined, 'csv'));
  return { file, columns, rows, delimiter, has: (c) => index.has(norm(c)) };
}

/** The first of several column names a table has. */
function pick(t: Table, ...names: string[]): string | undefined {
  return names.find((n) => t.has(n));
}

function truth(v: string | undefined): boolean | undefined | 'bad' {
  if (v === undefined) return undefined;
  const x = v.trim().toLowerCase();
  if (['true', 'yes', '1', 'y'].includes(x)) return true;
  if (['false', 'no', '0', 'n'].includes(x)) return false;
  return 'bad';
}

function dates<T extends object>(x: T, row: TableRow, startCol = 'start', endCol = 'end'): T {
  const out = x as T & { start?: string; end?: string };
  const s = row.get(startCol)?.trim();
  const e = row.get(endCol)?.trim();
  if (s !== undefined) out.start = s;
  if (e !== undefined) out.end = e;
  return out;
}

function set<T extends object, K extends keyof T>(x: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) x[key] = value;
}

const listOrUndefined = (v: string | undefined) => (v === undefined ? undefined : splitList(v));

/** Notes where each piece of a table went: `organs[3].exists[0]` came from exists.csv line 7. */
function mark(origins: Origins, path: string, t: Table, row: TableRow, columns: Record<string, string>): void {
  origins.set(path, { file: t.file, line: row.line, where: `row ${row.line}` });
  for (const [field, column] of Object.entries(columns)) origins.set(path ? `${path}.${field}` : field, { file: t.file, line: row.line, where: `column "${column}"` });
}

/**
 * Reads CSV: the folder the exporter writes (when a `nodes.csv` is among the files), or one
 * table of a simple hierarchy. `files` are the CSV texts by file name; `name` names the folder
 * or file for messages and the graph id.
 */
export function importCsv(files: Record<string, string>, name: string): ImportResult {
  const lower = new Map(Object.keys(files).map((f) => [f.split(/[\\/]/).pop()!.toLowerCase(), f]));
  if (lower.has('nodes.csv')) return importCsvFolder(files, lower, name);
  const names = Object.keys(files);
  if (names.length !== 1) return { issues: [readError(name, `a folder of CSV files needs a nodes.csv (found ${names.join(', ') || 'no CSV files'})`)] };
  return importCsvHierarchy(files[names[0]], names[0]);
}

/**
 * One table, one organ per row: `id`, `label` (or `name`), `type`, `parent`, `start`, `end`,
 * `source`; optional `type_label`, `aliases`, `note`. A type outside apparat's vocabulary becomes
 * type `unit` with that word as its label. Another row with the same id adds a lifetime (and a
 * name, and a parent, for that time). A source is a citation in words; rows without one cite
 * "imported from <file>".
 */
export function importCsvHierarchy(text: string, file: string): ImportResult {
  const issues: Issue[] = [];
  const t = readTable(text, file, issues);
  const origins = new Origins(file);
  const idCol = pick(t, 'id', 'identifier', 'key');
  if (!idCol && t.columns.length) issues.push(readError(file, `no "id" column (the columns are ${t.columns.join(', ')})`, 1, 'header row', 'csv'));
  if (issues.some((i) => i.severity === 'error')) return { issues };
  const labelCol = pick(t, 'label', 'name', 'title');
  const sourceCol = pick(t, 'source', 'sources', 'citation');
  const parentCol = pick(t, 'parent', 'parent_id', 'parentid', 'under');
  const g: Graph = { apparat: 1, id: idFromFile(file), title: file.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, ''), sources: {}, organs: [], edges: [] };
  const byId = new Map<string, { organ: Organ; labels: { name: string; start?: string; end?: string }[] }>();
  const sourceIds = new Map<string, string>();
  const sourceFor = (citation: string) => {
    let id = sourceIds.get(citation);
    if (!id) {
      id = `s${sourceIds.size + 1}`;
      sourceIds.set(citation, id);
      g.sources[id] = { citation };
    }
    return id;
  };
  let usedImported = false;
  for (const row of t.rows) {
    const id = row.get(idCol!)?.trim();
    if (!id) {
      issues.push(readError(file, 'the row has no id', row.line, `column "${idCol}"`, 'csv'));
      continue;
    }
    let entry = byId.get(id);
    const i = entry ? g.organs.indexOf(entry.organ) : g.organs.length;
    if (!entry) {
      const organ: Organ = { id, ...foreignType(row.get('type'), row.get('type_label') ?? row.get('typeLabel')), names: [], exists: [], sources: [] };
      set(organ, 'aliases', listOrUndefined(row.get('aliases')));
      set(organ, 'note', row.get('note'));
      entry = { organ, labels: [] };
      byId.set(id, entry);
      g.organs.push(organ);
      mark(origins, `organs[${i}]`, t, row, { id: idCol!, type: 'type', typeLabel: 'type_label', aliases: 'aliases', note: 'note' });
    }
    const { organ } = entry;
    const life = dates<Existence>({}, row);
    mark(origins, `organs[${i}].exists[${organ.exists.length}]`, t, row, { start: 'start', end: 'end' });
    organ.exists.push(life);
    entry.labels.push({ name: row.get(labelCol ?? 'label')?.trim() || id, ...life });
    for (const citation of splitList(sourceCol ? row.get(sourceCol) : undefined).map((s) => s.trim()).filter(Boolean)) {
      const sid = sourceFor(citation);
      if (!organ.sources.includes(sid)) organ.sources.push(sid);
    }
    const parent = parentCol ? row.get(parentCol)?.trim() : undefined;
    if (parent) {
      mark(origins, `edges[${g.edges.length}]`, t, row, { parent: parentCol!, child: idCol!, start: 'start', end: 'end' });
      g.edges.push(dates<Edge>({ child: id, parent }, row));
    }
  }
  for (const { organ, labels } of byId.values()) {
    const distinct = new Set(labels.map((l) => l.name));
    organ.names = distinct.size === 1 ? [{ name: labels[0].name }] : labels.map((l) => ({ ...l }) as Name);
    const i = g.organs.indexOf(organ);
    organ.names.forEach((_, j) => origins.set(`organs[${i}].names[${j}]`, { ...origins.find(`organs[${i}].exists[${j}]`)!, where: `column "${labelCol ?? 'label'}"` }));
    if (organ.sources.length === 0) {
      organ.sources.push('imported');
      usedImported = true;
    }
    // Where the rows of one organ give edges for its lifetimes, every edge carries its row's source.
  }
  if (usedImported) {
    const { id, source } = importedSource(file);
    g.sources[id] = source;
  }
  if (issues.some((i) => i.severity === 'error')) return { issues };
  return finishImport(g, origins, issues);
}

function importCsvFolder(files: Record<string, string>, lower: Map<string, string>, name: string): ImportResult {
  const issues: Issue[] = [];
  const base = name.replace(/[\\/]+$/, '');
  const table = (f: CsvFileName): Table | undefined => {
    const key = lower.get(f);
    return key === undefined ? undefined : readTable(files[key], `${base}/${f}`, issues);
  };
  const origins = new Origins(`${base}/nodes.csv`);
  const need = (t: Table, row: TableRow, column: string, what: string): string => {
    const v = row.get(column);
    if (v === undefined) issues.push(readError(t.file, `${what} is missing`, row.line, `column "${column}"`, 'csv'));
    return v ?? '';
  };

  const gt = table('graph.csv');
  const g0 = gt?.rows[0];
  const g: Graph = { apparat: 1, id: g0?.get('id') ?? idFromFile(base), title: g0?.get('title') ?? idFromFile(base), sources: {}, organs: [], edges: [] };
  if (gt && g0) {
    mark(origins, '', gt, g0, { id: 'id', title: 'title', description: 'description', kind: 'kind', note: 'note', 'period.start': 'period_start', 'period.end': 'period_end' });
    const v = g0.get('apparat');
    if (v !== undefined && v !== '1') issues.push(readError(gt.file, `apparat must be 1 (the format version), not "${v}"`, g0.line, 'column "apparat"', 'csv'));
    set(g, 'description', g0.get('description'));
    set(g, 'kind', g0.get('kind') as Graph['kind']);
    const period = dates({}, g0, 'period_start', 'period_end');
    if (Object.keys(period).length) g.period = period;
    set(g, 'note', g0.get('note'));
  }

  const st = table('sources.csv');
  for (const row of st?.rows ?? []) {
    const id = need(st!, row, 'id', 'the source id');
    const s: Source = { citation: row.get('citation') ?? '' };
    for (const k of ['primary', 'lines', 'quote', 'note'] as const) set(s, k, row.get(k));
    mark(origins, `sources.${id}`, st!, row, { citation: 'citation', primary: 'primary', lines: 'lines', quote: 'quote', note: 'note' });
    g.sources[id] = s;
  }

  const nt = table('nodes.csv')!;
  const idCol = pick(nt, 'Id', 'id') ?? 'Id';
  if (!nt.has(idCol) && nt.columns.length) issues.push(readError(nt.file, `no "Id" column (the columns are ${nt.columns.join(', ')})`, 1, 'header row', 'csv'));
  const organIndex = new Map<string, number>();
  let usedImported = false;
  for (const row of nt.rows) {
    const id = need(nt, row, idCol, 'the organ id');
    const i = g.organs.length;
    const organ: Organ = { id, ...foreignType(row.get('Type'), row.get('type_label')), names: [{ name: row.get('Label') ?? id }], exists: [], sources: [] };
    const counted = truth(row.get('counted'));
    if (counted === 'bad') issues.push(readError(nt.file, `counted must be true or false, not "${row.get('counted')}"`, row.line, 'column "counted"', 'csv'));
    else set(organ, 'counted', counted);
    set(organ, 'countedIn', row.get('counted_in'));
    set(organ, 'link', row.get('link'));
    set(organ, 'aliases', listOrUndefined(row.get('aliases')));
    set(organ, 'note', row.get('note'));
    mergeExtra(organ, row.get('extra'), (m) => issues.push(readError(nt.file, m, row.line, 'column "extra"', 'csv')));
    if (nt.has('sources')) organ.sources = splitList(row.get('sources'));
    else {
      organ.sources = ['imported'];
      usedImported = true;
    }
    const life = dates<Existence>({}, row);
    organ.exists = [life];
    mark(origins, `organs[${i}]`, nt, row, { id: idCol, type: 'Type', typeLabel: 'type_label', counted: 'counted', link: 'link', aliases: 'aliases', note: 'note', sources: 'sources' });
    mark(origins, `organs[${i}].exists[0]`, nt, row, { start: 'start', end: 'end' });
    mark(origins, `organs[${i}].names[0]`, nt, row, { name: 'Label' });
    if (!organIndex.has(id)) organIndex.set(id, i);
    g.organs.push(organ);
  }
  const forOrgan = (t: Table, row: TableRow): { organ: Organ; i: number } | undefined => {
    const id = need(t, row, 'organ', 'the organ');
    const i = organIndex.get(id);
    if (i === undefined) {
      if (id) issues.push(readError(t.file, `"${id}" is not an organ of nodes.csv`, row.line, 'column "organ"', 'unknown-id'));
      return undefined;
    }
    return { organ: g.organs[i], i };
  };

  const namesT = table('names.csv');
  const named = new Set<Organ>();
  for (const row of namesT?.rows ?? []) {
    const hit = forOrgan(namesT!, row);
    if (!hit) continue;
    if (!named.has(hit.organ)) {
      named.add(hit.organ);
      hit.organ.names = [];
    }
    const n = dates<Name>({ name: row.get('name') ?? '' }, row);
    set(n, 'sources', listOrUndefined(row.get('sources')));
    mark(origins, `organs[${hit.i}].names[${hit.organ.names.length}]`, namesT!, row, { name: 'name', start: 'start', end: 'end', sources: 'sources' });
    hit.organ.names.push(n);
  }
  const existsT = table('exists.csv');
  const lived = new Set<Organ>();
  for (const row of existsT?.rows ?? []) {
    const hit = forOrgan(existsT!, row);
    if (!hit) continue;
    if (!lived.has(hit.organ)) {
      lived.add(hit.organ);
      hit.organ.exists = [];
    }
    const e = dates<Existence>({}, row);
    set(e, 'sources', listOrUndefined(row.get('sources')));
    set(e, 'note', row.get('note'));
    mark(origins, `organs[${hit.i}].exists[${hit.organ.exists.length}]`, existsT!, row, { start: 'start', end: 'end', sources: 'sources', note: 'note' });
    hit.organ.exists.push(e);
  }

  const et = table('edges.csv');
  for (const row of et?.rows ?? []) {
    const parent = need(et!, row, pick(et!, 'Source', 'From', 'parent') ?? 'Source', 'the parent (Source)');
    const child = need(et!, row, pick(et!, 'Target', 'To', 'child') ?? 'Target', 'the child (Target)');
    const e = dates<Edge>({ child, parent }, row);
    set(e, 'sources', listOrUndefined(row.get('sources')));
    set(e, 'note', row.get('note'));
    mergeExtra(e, row.get('extra'), (m) => issues.push(readError(et!.file, m, row.line, 'column "extra"', 'csv')));
    mark(origins, `edges[${g.edges.length}]`, et!, row, { child: 'Target', parent: 'Source', start: 'start', end: 'end', sources: 'sources', note: 'note' });
    g.edges.push(e);
  }

  const evT = table('events.csv');
  if (evT?.rows.length) g.events = [];
  for (const row of evT?.rows ?? []) {
    const e: ChangeEvent = {
      id: row.get('id') ?? '',
      date: row.get('date') ?? '',
      kind: (row.get('kind') ?? '') as ChangeEvent['kind'],
      title: row.get('title') ?? '',
      description: row.get('description') ?? '',
      inputs: splitList(row.get('inputs')),
      outputs: splitList(row.get('outputs')),
      sources: splitList(row.get('sources')),
    };
    mark(origins, `events[${g.events!.length}]`, evT!, row, { id: 'id', date: 'date', kind: 'kind', title: 'title', description: 'description', inputs: 'inputs', outputs: 'outputs', sources: 'sources' });
    g.events!.push(e);
  }

  const fT = table('figures.csv');
  if (fT?.rows.length) g.figures = [];
  for (const row of fT?.rows ?? []) {
    const text = row.get('value') ?? '';
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value))
      issues.push(readError(fT!.file, `the value "${text}" is not a number (write 1917 or 12.5, without thousands separators)`, row.line, 'column "value"', 'csv'));
    const f: Figure = { organ: row.get('organ') ?? '', measure: row.get('measure') ?? '', value, date: row.get('date') ?? '', sources: splitList(row.get('sources')) };
    set(f, 'qualifier', row.get('qualifier') as Figure['qualifier']);
    set(f, 'note', row.get('note'));
    const ordered: Figure = { organ: f.organ, measure: f.measure, value: f.value, ...(f.qualifier ? { qualifier: f.qualifier } : {}), date: f.date, sources: f.sources, ...(f.note !== undefined ? { note: f.note } : {}) };
    mark(origins, `figures[${g.figures!.length}]`, fT!, row, { organ: 'organ', measure: 'measure', value: 'value', qualifier: 'qualifier', date: 'date', sources: 'sources', note: 'note' });
    g.figures!.push(ordered);
  }

  const pT = table('people.csv');
  if (pT?.rows.length) g.people = [];
  for (const row of pT?.rows ?? []) {
    const p: Person = { id: row.get('id') ?? '', name: row.get('name') ?? '' };
    set(p, 'aliases', listOrUndefined(row.get('aliases')));
    set(p, 'sources', listOrUndefined(row.get('sources')));
    mark(origins, `people[${g.people!.length}]`, pT!, row, { id: 'id', name: 'name', aliases: 'aliases', sources: 'sources' });
    g.people!.push(p);
  }

  const poT = table('posts.csv');
  if (poT?.rows.length) g.posts = [];
  for (const row of poT?.rows ?? []) {
    const p = dates<Post>({ organ: row.get('organ') ?? '', post: row.get('post') ?? '', person: row.get('person') ?? '', sources: [] }, row);
    p.sources = splitList(row.get('sources'));
    set(p, 'note', row.get('note'));
    mark(origins, `posts[${g.posts!.length}]`, poT!, row, { organ: 'organ', post: 'post', person: 'person', start: 'start', end: 'end', sources: 'sources', note: 'note' });
    g.posts!.push(p);
  }

  const sT = table('stories.csv');
  if (sT?.rows.length) g.stories = [];
  for (const row of sT?.rows ?? []) {
    const id = row.get('story') ?? '';
    let story: Story | undefined = g.stories!.find((s) => s.id === id);
    if (!story) {
      story = { id, title: row.get('title') ?? '', steps: [] };
      set(story, 'description', row.get('description'));
      mark(origins, `stories[${g.stories!.length}]`, sT!, row, { id: 'story', title: 'title' });
      g.stories!.push(story);
    }
    if (row.get('step') === undefined && row.get('caption') === undefined && row.get('at') === undefined) continue;
    const step = { at: row.get('at') ?? '', caption: row.get('caption') ?? '', citation: row.get('citation') ?? '' } as StoryStep;
    for (const k of ['graph', 'to', 'notes'] as const) set(step, k, row.get(k));
    set(step, 'focus', listOrUndefined(row.get('focus')));
    set(step, 'highlight', listOrUndefined(row.get('highlight')));
    set(step, 'hide', listOrUndefined(row.get('hide')) as StoryStep['hide']);
    const si = g.stories!.indexOf(story);
    mark(origins, `stories[${si}].steps[${story.steps.length}]`, sT!, row, { caption: 'caption', graph: 'graph', at: 'at', to: 'to' });
    story.steps.push(step);
  }

  if (usedImported) {
    const { id, source } = importedSource(base);
    g.sources[id] = source;
  }
  if (issues.some((i) => i.severity === 'error')) return { issues };
  return finishImport(g, origins, issues);
}
