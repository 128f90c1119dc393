/** A graph exported to a file: loaded on first use by the export menu (src/ui/io/apparat-export-menu.ts). */
import { strToU8, zipSync } from 'fflate';
import type { Graph } from '../model/types.ts';
import { exportName } from './export-name.ts';
import { FORMATS, type FormatId } from './formats.ts';

export type DataFormat = FormatId;

/** The graph (whole, or at a date) in a format of the registry: the file's name, and its bytes or text. */
export function graphExport(graph: Graph, format: DataFormat, at?: string): { name: string; data: Blob | string; type: string } {
  const f = FORMATS[format];
  const written = at ? f.writeAt(graph, at) : f.write(graph);
  if (typeof written === 'string') return { name: exportName(graph, f.extensions[0], at), data: written, type: f.mime };
  // A folder of tables travels as one .zip.
  const folder = exportName(graph, f.extensions[0], at).replace(/\.[^.]+$/, '');
  const zip = zipSync(Object.fromEntries(Object.entries(written).map(([name, text]) => [`${folder}/${name}`, strToU8(text)])), { level: 6, mtime: new Date() });
  return { name: `${folder}.zip`, data: new Blob([zip as BlobPart], { type: 'application/zip' }), type: 'application/zip' };
}
