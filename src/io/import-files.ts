/**
 * Opening a user's files in the app: the files dropped or picked together, by their names
 * (`.json` graph or story, `.csv` one-file hierarchy or the folder of tables the exporter writes,
 * `.gexf`, `.graphml`, a `.zip` of any of these), read, checked against the limits and validated
 * with the same rules and located messages as the CLI. Pure: no DOM, no network; the app runs it
 * in a Web Worker (src/io/worker.ts).
 */
import { unzipSync } from 'fflate';
import { isStoryFile, storyFileShapeIssues } from '../model/story.ts';
import type { Graph } from '../model/types.ts';
import type { Issue } from '../model/validate.ts';
import { FORMATS, formatOf, READABLE, type FormatId } from './formats.ts';
import { LIMITS, loadGraphText, locateIssues, parseJson } from './graph-file.ts';
import { decodeText } from './text-decoding.ts';
import { kumuPair } from './csv-kumu.ts';
import type { ImportResult } from './interchange.ts';

export type ImportFormat = FormatId;
export { formatOf };

export interface ImportedFile {
  /** The file's name (a folder's, for CSV tables read together). */
  file: string;
  format: ImportFormat | 'unknown';
  /** A graph without errors. */
  graph?: Graph;
  /** A story file whose shape is right; its steps are checked against the loaded graphs by the caller. */
  story?: unknown;
  /** The story file's text, to place the caller's issues on their lines. */
  storyText?: string;
  issues: Issue[];
}

export interface ImportContext {
  /** Ids of the graphs already loaded (drill-down links may name them). */
  known: readonly string[];
  /** Ids that imported graphs may not take (the bundled graphs'): such a graph is renamed. */
  reserved: readonly string[];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const issue = (file: string, rule: string, message: string, path = ''): Issue => ({ severity: 'error', rule, path, file, message });

/** The message for a file past the size limit, in the words the JSON reader uses. */
export function tooBig(file: string, bytes: number): Issue | undefined {
  return bytes > LIMITS.fileChars ? issue(file, 'limits', `the file is ${mb(bytes)}; apparat reads graph files of up to ${mb(LIMITS.fileChars)}`) : undefined;
}

function tooMany(file: string, organs: number): Issue {
  return issue(file, 'limits', `the graph has ${organs.toLocaleString('en-GB')} organs; apparat reads graphs of up to ${LIMITS.organs.toLocaleString('en-GB')}`, 'organs');
}

/** The files inside a .zip (no folders), each checked against the size limit before it is inflated. */
export function unzip(name: string, bytes: Uint8Array): { files: { name: string; text: string; issues: Issue[] }[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const files: { name: string; text: string; issues: Issue[] }[] = [];
  let total = 0;
  try {
    const entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/') || /(^|\/)(__MACOSX|\.)/.test(f.name)) return false;
        total += f.originalSize;
        const big = tooBig(`${name}/${f.name}`, f.originalSize);
        if (big) issues.push(big);
        else if (total > LIMITS.fileChars) {
          issues.push(issue(name, 'limits', `the files in the archive come to more than ${mb(LIMITS.fileChars)}; apparat reads up to ${mb(LIMITS.fileChars)}`));
          return false;
        }
        return !big && total <= LIMITS.fileChars;
      },
    });
    for (const [entry, data] of Object.entries(entries)) {
      const file = `${name.replace(/\.zip$/i, '')}/${entry}`;
      const decoded = decodeText(data, file);
      files.push({ name: file, text: decoded.text, issues: decoded.issues });
    }
  } catch (e) {
    issues.push(issue(name, 'zip', `the archive could not be read: ${e instanceof Error ? e.message : String(e)}`));
  }
  return { files, issues };
}

/** A graph id not among `taken`: `x-yours`, `x-yours-2`, … */
function freeId(id: string, taken: ReadonlySet<string>): string {
  let next = `${id}-yours`;
  for (let n = 2; taken.has(next); n++) next = `${id}-yours-${n}`;
  return next;
}

/** An imported graph whose id is a bundled graph's is opened under another id, with a warning. */
function renameReserved(result: ImportedFile, ctx: ImportContext, taken: Set<string>): ImportedFile {
  const g = result.graph;
  if (!g || !ctx.reserved.includes(g.id)) return result;
  const id = freeId(g.id, taken);
  taken.add(id);
  const warning: Issue = {
    severity: 'warning',
    rule: 'duplicate-graph',
    path: 'id',
    file: result.file,
    message: `the graph id "${g.id}" is that of a graph that comes with apparat; yours is opened as "${id}"`,
  };
  return { ...result, graph: { ...g, id }, issues: [warning, ...result.issues] };
}

function fromInterchange(file: string, format: ImportFormat, r: ImportResult): ImportedFile {
  const organs = r.data?.organs?.length ?? 0;
  if (organs > LIMITS.organs) return { file, format, issues: [tooMany(file, organs)] };
  return { file, format, graph: r.graph, issues: r.issues.map((i) => ({ ...i, file: i.file ?? file })) };
}

/** Counts elements named `<node` (not `<nodes`) cheaply, to refuse a huge XML file before it is parsed. */
function xmlNodeCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/<(?:[\w.-]+:)?node[\s/>]/g)) n++;
  return n;
}

/**
 * Imports the texts of files opened together. CSV files named like the exporter's tables (with a
 * `nodes.csv`) are read as one graph; other CSV files each as a hierarchy. Graph files come before
 * story files in the result.
 */
export function importTexts(input: { name: string; text: string; issues?: Issue[] }[], ctx: ImportContext): ImportedFile[] {
  const out: ImportedFile[] = [];
  const csv: { name: string; text: string }[] = [];
  const jsonGraphs: { name: string; text: string; data: unknown }[] = [];
  for (const f of input) {
    const big = tooBig(f.name, f.text.length);
    const format = formatOf(f.name);
    if (format === 'unknown' || format === 'zip') {
      out.push({ file: f.name, format: 'unknown', issues: [issue(f.name, 'format', `${READABLE}; this file is none of these`)] });
    } else if (big) out.push({ file: f.name, format, issues: [big] });
    else if (format === 'csv') csv.push(f);
    else if (format === 'json') {
      const parsed = parseJson(f.text, f.name);
      if (parsed.issues.length) out.push({ file: f.name, format, issues: parsed.issues });
      else if (isStoryFile(parsed.data)) {
        const issues = locateIssues(f.text, f.name, storyFileShapeIssues(parsed.data));
        const ok = !issues.some((i) => i.severity === 'error');
        out.push({ file: f.name, format, story: ok ? parsed.data : undefined, storyText: ok ? f.text : undefined, issues });
      } else jsonGraphs.push({ ...f, data: parsed.data });
    } else {
      const count = xmlNodeCount(f.text);
      if (count > LIMITS.organs) out.push({ file: f.name, format, issues: [tooMany(f.name, count)] });
      else out.push(fromInterchange(f.name, format, FORMATS[format].read!({ [f.name]: f.text }, f.name)));
    }
  }

  // JSON graphs: drill-down links may name the graphs loaded and those opened with them.
  const idOf = (d: unknown) => (d && typeof d === 'object' ? (d as { id?: unknown }).id : undefined);
  const known = new Set([...ctx.known, ...jsonGraphs.map((g) => idOf(g.data)).filter((id): id is string => typeof id === 'string')]);
  for (const g of jsonGraphs) {
    const loaded = loadGraphText(g.text, g.name, known);
    out.push({ file: g.name, format: 'json', graph: loaded.graph, issues: loaded.issues });
  }

  if (csv.length) {
    const isTable = (n: string) => n.split(/[\\/]/).pop()!.toLowerCase() === 'nodes.csv';
    // The exporter's folder of tables, or Kumu's elements and connections, are read together.
    if (csv.some((f) => isTable(f.name)) || kumuPair(Object.fromEntries(csv.map((f) => [f.name, f.text])), [])) {
      const folder = commonFolder(csv.map((f) => f.name));
      const result = FORMATS.csv.read!(Object.fromEntries(csv.map((f) => [f.name.split(/[\\/]/).pop()!, f.text])), folder);
      out.push(fromInterchange(folder, 'csv', result));
    } else for (const f of csv) out.push(fromInterchange(f.name, 'csv', FORMATS.csv.read!({ [f.name]: f.text }, f.name)));
  }

  // Graphs in the order they were given, then stories. Ids of bundled graphs are not taken over.
  const place = new Map(input.map((f, i) => [f.name, i]));
  const first = (r: ImportedFile) => place.get(r.file) ?? Math.min(...csv.map((f) => place.get(f.name) ?? Infinity));
  const taken = new Set([...ctx.known, ...ctx.reserved]);
  const ordered = [...out.filter((r) => !r.story).sort((a, b) => first(a) - first(b)), ...out.filter((r) => r.story)];
  // What reading the bytes had to say (an encoding guessed) goes first, on the file or the tables' folder.
  const said = new Map(input.filter((f) => f.issues?.length).map((f) => [f.name, f.issues!]));
  const tables = (r: ImportedFile) => r.format === 'csv' && !csv.some((f) => f.name === r.file);
  const before = (r: ImportedFile) => (tables(r) ? csv.flatMap((f) => said.get(f.name) ?? []) : (said.get(r.file) ?? []));
  return ordered.map((r) => renameReserved({ ...r, issues: [...before(r), ...r.issues] }, ctx, taken));
}

/** The folder CSV tables came from (`export/nodes.csv` → `export`), or a name for tables dropped loose. */
function commonFolder(names: string[]): string {
  const dirs = names.map((n) => n.split(/[\\/]/).slice(0, -1).join('/'));
  if (dirs[0] && dirs.every((d) => d === dirs[0])) return dirs[0];
  return 'tables';
}
