/**
 * `export` and `import`: a graph to GEXF, GraphML, CSV or apparat JSON, and a user's CSV, GEXF or
 * GraphML to apparat JSON. Files are read and written here; the formats are pure (src/io/).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../io/graph-file.ts';
import { FORMATS, FORMAT_LIST, type FormatId } from '../io/formats.ts';
import type { ImportResult } from '../io/interchange.ts';
import { decodeText } from '../io/text-decoding.ts';
import type { Issue } from '../model/validate.ts';
import { exportJson } from '../io/json.ts';
import { buildModel } from '../model/model.ts';
import { snapshotSvg } from './svg.ts';
import { checkDate } from '../model/dates.ts';
import { flowFileSvg } from './flow.ts';
import { loadFiles, resolveGraphPath, UsageError } from './files.ts';

/** The data formats of the registry (src/io/formats.ts), and the chart and the flow as SVG, which the CLI draws itself. */
export const EXPORT_FORMATS = [...FORMAT_LIST.map((f) => f.id), 'svg', 'flow'] as const;
export const IMPORT_FORMATS = FORMAT_LIST.filter((f) => f.read).map((f) => f.id);

export interface InterchangeOptions {
  format?: string;
  from?: string;
  at?: string;
  out?: string;
}

const strip = (s: string) => s.replace(/\n$/, '');

/** `export <graph> --format svg|gexf|graphml|csv|json [--at <date>] [--out <path>]` (svg needs --at) */
export function runExport(args: string[], o: InterchangeOptions, out: (s: string) => void, err: (s: string) => void): number {
  const format = o.format;
  if (!format) throw new UsageError(`--format is required: ${EXPORT_FORMATS.join(', ')}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format}: not one of ${EXPORT_FORMATS.join(', ')}`);
  if (format === 'svg' && o.at === undefined) throw new UsageError('--format svg draws the chart at a date: give --at <date>');
  if (o.at !== undefined) {
    const problem = checkDate(o.at);
    if (problem) throw new UsageError(`--at: ${problem}`);
    if (format === 'json') throw new UsageError('--at with --format json: for the organs at a date as JSON, use `snapshot <graph> --at <date> --json`');
  }
  if (format === 'csv' && !o.out) throw new UsageError('--format csv writes a folder of tables: give --out <folder>');
  if (!args[0]) throw new UsageError('name a graph: a file path or a graph id');
  const [loaded] = loadFiles([resolveGraphPath(args[0])]);
  if (!loaded.graph) {
    loaded.issues.forEach((i) => err(formatIssue(i)));
    return 1;
  }
  const g = loaded.graph;
  if (format === 'svg' || format === 'flow') {
    const svg = format === 'svg' ? snapshotSvg(buildModel(g), o.at!) : flowFileSvg(buildModel(g), o.at);
    if (o.out) writeFileSync(o.out, svg, 'utf8');
    else out(strip(svg));
    return 0;
  }
  const f = FORMATS[format as FormatId];
  const written = o.at ? f.writeAt(g, o.at) : f.write(g);
  if (typeof written !== 'string') {
    if (existsSync(o.out!) && !statSync(o.out!).isDirectory()) throw new UsageError(`--out ${o.out}: a file is there; CSV needs a folder`);
    mkdirSync(o.out!, { recursive: true });
    for (const [name, text] of Object.entries(written)) writeFileSync(join(o.out!, name), text, 'utf8');
    err(`wrote ${Object.keys(written).length} tables to ${o.out}/`);
    return 0;
  }
  const text = written;
  if (o.out) writeFileSync(o.out, text, 'utf8');
  else out(strip(text));
  return 0;
}

/** A file's text in the encoding it was saved in (src/io/text-decoding.ts); a guess is a warning in `said`. */
function readText(path: string, said: Issue[]): string {
  const decoded = decodeText(readFileSync(path), path);
  said.push(...decoded.issues);
  return decoded.text;
}

/** Reads a CSV file, or every *.csv file of a folder. */
function readCsv(path: string, said: Issue[]): Record<string, string> {
  if (!statSync(path).isDirectory()) return { [path]: readText(path, said) };
  const files: Record<string, string> = {};
  for (const name of readdirSync(path).sort()) if (/\.(csv|tsv)$/i.test(name)) files[name] = readText(join(path, name), said);
  if (Object.keys(files).length === 0) throw new UsageError(`no .csv files in ${path}`);
  return files;
}

/** Reads a file or folder in a format into a validated apparat graph. */
export function importPath(format: string, path: string): ImportResult {
  if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
  const f = FORMATS[format as FormatId];
  const said: Issue[] = [];
  if (!statSync(path).isDirectory() || format === 'csv') {
    const r = format === 'csv' ? f.read!(readCsv(path, said), path.replace(/[\\/]+$/, '')) : f.read!({ [path]: readText(path, said) }, path);
    return { ...r, issues: [...said, ...r.issues] };
  }
  throw new UsageError(`${path} is a folder; --from ${format} reads one file`);
}

/** `import --from csv|gexf|graphml <file or folder> [--out <file.json>]` */
export function runImport(args: string[], o: InterchangeOptions, out: (s: string) => void, err: (s: string) => void): number {
  const format = o.from;
  if (!format) throw new UsageError(`--from is required: ${IMPORT_FORMATS.join(', ')}`);
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--from ${format}: not one of ${IMPORT_FORMATS.join(', ')}`);
  if (!args[0]) throw new UsageError(`name the ${format === 'csv' ? 'CSV file or folder' : `${format.toUpperCase()} file`} to import`);
  const result = importPath(format, args[0]);
  result.issues.forEach((i) => err(formatIssue(i)));
  if (!result.graph) {
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    err(`${args[0]}: ${errors} error${errors === 1 ? '' : 's'}; nothing written`);
    return 1;
  }
  const text = exportJson(result.graph);
  if (o.out) {
    writeFileSync(o.out, text, 'utf8');
    err(`wrote ${o.out} (${result.graph.organs.length} organs, ${result.graph.edges.length} edges)`);
  } else out(strip(text));
  return 0;
}
