/**
 * CSV through papaparse: a folder of tables (nodes.csv, edges.csv, … one per kind of thing) that
 * Gephi's spreadsheet import, Palladio and Kumu read, and back; and a user's one-file hierarchy
 * (id, label, type, parent, start, end, source). RFC 4180: a header row, `"` quoting, CRLF.
 * README, "Interchange formats", lists every column.
 */
import type { Graph } from '../model/types.ts';
import { ORGAN_FIELDS } from './attributes.ts';
import { columnsOf, ITEM_TABLES, writeRow } from './csv-columns.ts';
import { importCsvFolder, importCsvHierarchy } from './csv-import.ts';

export { importCsvHierarchy };
import { importKumu, kumuPair } from './csv-kumu.ts';
import { toCsv, type Row } from './csv-table.ts';
import type { Issue } from '../model/validate.ts';
import { citations, extraOf, firstDay, joinList, lastDay, readError, type ImportResult } from './interchange.ts';
import { snapshotRows } from './snapshot-rows.ts';

/** Gephi's time intervals: `<[1928-01-01, 1930-12-31];[1932-01-01, Infinity]>`; empty when one is open at both ends. */
function timeInterval(intervals: { start?: string; end?: string }[]): string | undefined {
  const spans = intervals.map((i) => [firstDay(i.start), lastDay(i.end)]);
  if (spans.length === 0 || spans.some(([a, b]) => a === undefined && b === undefined)) return undefined;
  return `<${spans.map(([a, b]) => `[${a ?? '-Infinity'}, ${b ?? 'Infinity'}]`).join(';')}>`;
}

export const CSV_COLUMNS = {
  'graph.csv': ['apparat', 'id', 'title', 'description', 'kind', 'period_start', 'period_end', 'note'],
  'sources.csv': columnsOf(ITEM_TABLES['sources.csv']),
  'nodes.csv': ['Id', 'Label', 'Type', 'type_label', 'counted', 'counted_in', 'link', 'aliases', 'note', 'sources', 'citations', 'start', 'end', 'Start Date', 'End Date', 'Time Interval', 'extra'],
  'names.csv': columnsOf(ITEM_TABLES['names.csv']),
  'exists.csv': columnsOf(ITEM_TABLES['exists.csv']),
  'edges.csv': columnsOf(ITEM_TABLES['edges.csv']),
  'events.csv': columnsOf(ITEM_TABLES['events.csv']),
  'figures.csv': columnsOf(ITEM_TABLES['figures.csv']),
  'people.csv': columnsOf(ITEM_TABLES['people.csv']),
  'attributes.csv': columnsOf(ITEM_TABLES['attributes.csv']),
  'posts.csv': columnsOf(ITEM_TABLES['posts.csv']),
  'stories.csv': ['story', 'title', 'description', 'step', 'graph', 'at', 'to', 'focus', 'highlight', 'hide', 'caption', 'citation', 'notes'],
} as const;

export type CsvFileName = keyof typeof CSV_COLUMNS;

const opt = (list: readonly string[] | undefined) => (list === undefined ? undefined : joinList(list));

/** The whole graph as a folder of tables: file name → CSV text. */
export function exportCsv(g: Graph): Record<CsvFileName, string> {
  const t = (name: CsvFileName, rows: Row[]) => toCsv([...CSV_COLUMNS[name]], rows);
  const items = (name: keyof typeof ITEM_TABLES, list: readonly (readonly [object, string?])[]) => t(name, list.map(([x, owner]) => writeRow(ITEM_TABLES[name], x, g, owner)));
  const dated = (i: { start?: string; end?: string }) => ({ start: i.start, end: i.end, 'Start Date': firstDay(i.start), 'End Date': lastDay(i.end) });
  return {
    'graph.csv': t('graph.csv', [
      { apparat: g.apparat, id: g.id, title: g.title, description: g.description, kind: g.kind, period_start: g.period?.start, period_end: g.period?.end, note: g.note },
    ]),
    'sources.csv': items('sources.csv', Object.entries(g.sources).map(([id, s]) => [s, id] as const)),
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
    'names.csv': items('names.csv', g.organs.flatMap((o) => o.names.map((n) => [n, o.id] as const))),
    'exists.csv': items('exists.csv', g.organs.flatMap((o) => o.exists.map((e) => [e, o.id] as const))),
    'edges.csv': t('edges.csv', g.edges.map((e, i) => writeRow(ITEM_TABLES['edges.csv'], e, g, undefined, i))),
    'events.csv': items('events.csv', (g.events ?? []).map((e) => [e] as const)),
    'figures.csv': items('figures.csv', (g.figures ?? []).map((f) => [f] as const)),
    'people.csv': items('people.csv', (g.people ?? []).map((p) => [p] as const)),
    'attributes.csv': items('attributes.csv', (g.people ?? []).flatMap((p) => (p.attributes ?? []).map((a) => [a, p.id] as const))),
    'posts.csv': items('posts.csv', (g.posts ?? []).map((p) => [p] as const)),
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
  const nodeColumns = ['Id', 'Label', 'Type', 'type_label', 'parent', 'parent_certainty', 'depth', 'vague', 'counted', 'link', 'holders', 'figures', ...measures, 'sources', 'citations'];
  return {
    'nodes.csv': toCsv(
      nodeColumns,
      rows.map((r) => ({
        Id: r.id,
        Label: r.name,
        Type: r.type,
        type_label: r.typeLabel,
        parent: r.parent,
        parent_certainty: r.parent ? r.parentCertainty : undefined,
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
    'edges.csv': toCsv(['Source', 'Target', 'Type', 'certainty'], rows.filter((r) => r.parent).map((r) => ({ Source: r.parent, Target: r.id, Type: 'Directed', certainty: r.parentCertainty }))),
  };
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
  const read: Issue[] = [];
  const kumu = kumuPair(files, read);
  if (kumu) return importKumu(kumu, name, read);
  if (names.length !== 1) return { issues: [readError(name, `a folder of CSV files needs a nodes.csv (found ${names.join(', ') || 'no CSV files'})`)] };
  return importCsvHierarchy(files[names[0]], names[0]);
}

