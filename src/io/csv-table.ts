/**
 * Tables as spreadsheets save them, read and written through papaparse: a header row, `"` quoting,
 * `,` `;` or tab separators, a byte order mark, blank rows; each row keeps its line for messages.
 */
import Papa from 'papaparse';
import { checkDate } from '../model/dates.ts';
import type { Issue } from '../model/validate.ts';
import { isNone } from './attributes.ts';
import { lineOf, Origins, readError, splitList } from './interchange.ts';

export type Cell = string | number | boolean | undefined;
export type Row = Record<string, Cell>;

/** One table as CSV text: a byte order mark, a header row and one row per item, CRLF, quoted where needed. */
export function toCsv(columns: string[], rows: Row[]): string {
  const data = rows.map((r) => columns.map((c) => (r[c] === undefined ? '' : String(r[c]))));
  // A byte order mark first: without it Excel reads UTF-8 as the computer's own code page (Cyrillic turns to mojibake).
  return `\uFEFF${Papa.unparse({ fields: columns, data }, { newline: '\r\n', quotes: false, header: true })}\r\n`;
}


/** A column name compared loosely: `Type Label`, `type_label` and `typeLabel` are one column. */
export const norm = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_-]+/g, '');

export interface TableRow {
  file: string;
  line: number;
  get(column: string): string | undefined;
  /** The table has the column. */
  has(column: string): boolean;
  /** A date in a column: empty, None or NaN is open (undefined); a date-time is its day; the rest as written. */
  date(column: string): string | undefined;
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
      // A row of bare separators (`,,,,`, as spreadsheets save blank rows) is a blank row.
      if (res.data.some((c) => c.trim() !== '')) records.push({ cells: res.data, line: lineOf(body, start) });
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
    // Surplus empty cells are a trailing separator, except in apparat's own tables (ending in `extra`), written at the header's width.
    if (cells.length > columns.length && (cells.slice(columns.length).some((c) => c !== '') || norm(columns[columns.length - 1] ?? '') === 'extra'))
      issues.push(readError(file, `the row has ${cells.length} cells but the header names ${columns.length} columns (is a value with a "${delimiter}" missing its quotes?)`, line, undefined, 'csv'));
  const rows = rest.map(({ cells, line }) => {
    const get = (column: string) => {
      const i = index.get(norm(column));
      if (i === undefined) return undefined;
      const v = cells[i];
      return v === undefined || v === '' ? undefined : v;
    };
    const date = (column: string) => {
      const v = get(column)?.trim();
      if (v === undefined || isNone(v)) return undefined;
      // A date-time (pandas and Excel write them) is its day; anything else is checked, once, by finishImport.
      const dayOf = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/.test(v) ? v.slice(0, 10) : undefined;
      return dayOf !== undefined && checkDate(v) !== undefined ? dayOf : v;
    };
    return { file, line, get, date, has: (c: string) => index.has(norm(c)) };
  });
  if (!header) issues.push(readError(file, 'the file is empty: a header row is needed', 1, undefined, 'csv'));
  else if (columns.length === 1 && /\S\s{1,}\S/.test(columns[0]) && rest.length && /(^|\s)(id|label|name|source|target)(\s|$)/i.test(columns[0]))
    issues.push(readError(file, `the header row "${columns[0]}" has no comma, semicolon or tab: the table seems separated by spaces; save it from the spreadsheet as CSV (comma-separated) or as tab-separated text`, header.line, 'header row', 'csv'));
  return { file, columns, rows, delimiter, has: (c) => index.has(norm(c)) };
}

/** The first of several column names a table has. */
export function pick(t: Table, ...names: string[]): string | undefined {
  return names.find((n) => t.has(n));
}

export function truth(v: string | undefined): boolean | undefined | 'bad' {
  if (v === undefined) return undefined;
  const x = v.trim().toLowerCase();
  if (['true', 'yes', '1', 'y'].includes(x)) return true;
  if (['false', 'no', '0', 'n'].includes(x)) return false;
  return 'bad';
}

/**
 * The interval of a row: its `start` and `end` columns, or, in a table without them, Palladio's
 * (and apparat's own export's) `Start Date` and `End Date`.
 */
export function dates<T extends object>(x: T, row: TableRow, startCol = 'start', endCol = 'end', fallback: [string, string] = ['Start Date', 'End Date']): T {
  const out = x as T & { start?: string; end?: string };
  const s = row.date(row.has(startCol) ? startCol : fallback[0]);
  const e = row.date(row.has(endCol) ? endCol : fallback[1]);
  if (s !== undefined) out.start = s;
  if (e !== undefined) out.end = e;
  return out;
}

export function set<T extends object, K extends keyof T>(x: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) x[key] = value;
}

export const listOrUndefined = (v: string | undefined) => (v === undefined ? undefined : splitList(v));

/** Notes where each piece of a table went: `organs[3].exists[0]` came from exists.csv line 7. */
export function mark(origins: Origins, path: string, t: Table, row: TableRow, columns: Record<string, string>): void {
  origins.set(path, { file: t.file, line: row.line, where: `row ${row.line}` });
  for (const [field, column] of Object.entries(columns)) origins.set(path ? `${path}.${field}` : field, { file: t.file, line: row.line, where: `column "${column}"` });
}

