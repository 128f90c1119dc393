/**
 * The one registry of file formats: for each, its extensions, media type, writers (whole history
 * and at a date), reader, and what its files carry. The CLI (`export`, `import`) and the app (the
 * file picker, the export menu, the import worker) take formats from here and nowhere else.
 */
import type { Graph } from '../model/types.ts';
import { exportCsv, exportCsvAt, importCsv } from './csv.ts';
import { exportGexf, exportGexfAt, importGexf } from './gexf.ts';
import { exportGraphml, exportGraphmlAt, importGraphml } from './graphml.ts';
import type { ImportResult } from './interchange.ts';
import { exportJson } from './json.ts';
import { exportJsonAt } from './json-at.ts';
import { KINDS, formatOf, ACCEPT, READABLE, type FormatId, type FormatKind } from './format-kinds.ts';

export { formatOf, ACCEPT, READABLE, type FormatId };

/** A file's text, or a folder of them (CSV: one table per kind of thing) by file name. */
export type Written = string | Record<string, string>;

export interface DataFormat extends FormatKind {
  /** What a file written in this format carries, and what another tool's file brings (README, "Interchange formats"). */
  carries: string;
  /** The whole graph over time. */
  write(g: Graph): Written;
  /** The hierarchy at one date. */
  writeAt(g: Graph, date: string): Written;
  /**
   * Reads files of this format (CSV: the tables read together, by file name) into a validated
   * graph with located issues. JSON graphs have no reader here: they are read as a set
   * (src/io/graph-file.ts), so that drill-down links between files resolve.
   */
  read?(files: Record<string, string>, name: string): ImportResult;
}

const one = (read: (text: string, name: string) => ImportResult) => (files: Record<string, string>, name: string) => read(Object.values(files)[0] ?? '', name);

export const FORMATS: Readonly<Record<FormatId, DataFormat>> = {
  json: {
    ...KINDS.json,
    carries: 'everything: the format itself (a graph, or a story file)',
    write: (g) => exportJson(g),
    writeAt: exportJsonAt,
  },
  gexf: {
    ...KINDS.gexf,
    carries:
      'organs and subordinations with their spells, names and figures over time, the whole graph record in <meta>; from Gephi and others: nodes (nested ones and pid/<parents> as subordination), edges, spells, label and attributes',
    write: exportGexf,
    writeAt: exportGexfAt,
    read: one(importGexf),
  },
  graphml: {
    ...KINDS.graphml,
    carries:
      'organs and subordinations with start/end days and exact EDTF, the whole graph record in a graph <data>, yEd labels; from yEd, networkx, igraph and others: nodes (yEd groups and folders as subordination), edges, labels and data',
    write: exportGraphml,
    writeAt: exportGraphmlAt,
    read: one(importGraphml),
  },
  csv: {
    ...KINDS.csv,
    carries:
      'a folder of tables (nodes.csv, edges.csv, names, lifetimes, events, figures, people, posts, sources, stories) for spreadsheets, Gephi, Palladio and Kumu; or one table, one organ per row',
    write: exportCsv,
    writeAt: exportCsvAt,
    read: importCsv,
  },
};

/** Formats in the order menus and messages list them. */
export const FORMAT_LIST: readonly DataFormat[] = [FORMATS.gexf, FORMATS.graphml, FORMATS.csv, FORMATS.json];
