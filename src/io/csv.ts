/**
 * CSV through papaparse: a folder of tables (nodes.csv, edges.csv, … one per kind of thing) that
 * Gephi's spreadsheet import, Palladio and Kumu read, and back; and a user's one-file hierarchy
 * (id, label, type, parent, start, end, source). RFC 4180: a header row, `"` quoting, CRLF.
 * README, "Interchange formats", lists every column.
 */
import type { Graph } from '../model/types.ts';
import { columnsOf, ITEM_TABLES, nodeRow, STORY_TABLE, writeRow } from './csv-columns.ts';
import { importCsvFolder, importCsvHierarchy } from './csv-import.ts';

export { importCsvHierarchy };
import { importKumu, kumuPair } from './csv-kumu.ts';
import { toCsv, type Row } from './csv-table.ts';
import type { Issue } from '../model/validate.ts';
import { citations, joinList, readError, type ImportResult } from './interchange.ts';
import { snapshotRows } from './snapshot-rows.ts';

const columns = (name: keyof typeof ITEM_TABLES) => columnsOf(ITEM_TABLES[name]);

export const CSV_COLUMNS = {
  'graph.csv': columns('graph.csv'),
  'sources.csv': columns('sources.csv'),
  'nodes.csv': columns('nodes.csv'),
  'names.csv': columns('names.csv'),
  'exists.csv': columns('exists.csv'),
  'edges.csv': columns('edges.csv'),
  'events.csv': columns('events.csv'),
  'figures.csv': columns('figures.csv'),
  'people.csv': columns('people.csv'),
  'attributes.csv': columns('attributes.csv'),
  'posts.csv': columns('posts.csv'),
  'stories.csv': [...columnsOf(STORY_TABLE.story), ...columnsOf(STORY_TABLE.step)],
} as const;

export type CsvFileName = keyof typeof CSV_COLUMNS;

/** The whole graph as a folder of tables: file name → CSV text. */
export function exportCsv(g: Graph): Record<CsvFileName, string> {
  const t = (name: CsvFileName, rows: Row[]) => toCsv([...CSV_COLUMNS[name]], rows);
  const items = (name: keyof typeof ITEM_TABLES, list: readonly (readonly [object, string?])[]) => t(name, list.map(([x, owner]) => writeRow(ITEM_TABLES[name], x, g, owner)));
  return {
    'graph.csv': items('graph.csv', [[g]]),
    'sources.csv': items('sources.csv', Object.entries(g.sources).map(([id, s]) => [s, id] as const)),
    'nodes.csv': items('nodes.csv', g.organs.map((o) => [nodeRow(o)] as const)),
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
      (g.stories ?? []).flatMap((s) => {
        const story = (first: boolean) => writeRow(STORY_TABLE.story, first ? s : { ...s, description: undefined }, g);
        return s.steps.length === 0 ? [story(true)] : s.steps.map((st, i) => ({ ...story(i === 0), ...writeRow(STORY_TABLE.step, st, g, undefined, i + 1) }));
      }),
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

