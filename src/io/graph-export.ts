/** A graph exported to a file: loaded on first use by the export menu (src/ui/io/apparat-export-menu.ts). */
import { strToU8, zipSync } from 'fflate';
import type { Graph } from '../model/types.ts';
import { exportCsv, exportCsvAt } from './csv.ts';
import { exportName } from './export-name.ts';
import { exportGexf, exportGexfAt } from './gexf.ts';
import { exportGraphml, exportGraphmlAt } from './graphml.ts';
import { exportJson } from './json.ts';
import { exportJsonAt } from './json-at.ts';

export type DataFormat = 'gexf' | 'graphml' | 'csv' | 'json';

/** The graph (whole, or at a date) in a format: the file's name, and its bytes or text. */
export function graphExport(graph: Graph, format: DataFormat, at?: string): { name: string; data: Blob | string; type: string } {
  switch (format) {
    case 'gexf':
      return { name: exportName(graph, 'gexf', at), data: at ? exportGexfAt(graph, at) : exportGexf(graph), type: 'application/gexf+xml' };
    case 'graphml':
      return { name: exportName(graph, 'graphml', at), data: at ? exportGraphmlAt(graph, at) : exportGraphml(graph), type: 'application/graphml+xml' };
    case 'json':
      return { name: exportName(graph, 'json', at), data: at ? exportJsonAt(graph, at) : exportJson(graph), type: 'application/json' };
    case 'csv': {
      const tables: Record<string, string> = at ? exportCsvAt(graph, at) : exportCsv(graph);
      const folder = exportName(graph, 'csv', at).replace(/\.csv$/, '');
      const zip = zipSync(Object.fromEntries(Object.entries(tables).map(([name, text]) => [`${folder}/${name}`, strToU8(text)])), { level: 6, mtime: new Date() });
      return { name: `${folder}.zip`, data: new Blob([zip as BlobPart], { type: 'application/zip' }), type: 'application/zip' };
    }
  }
}

