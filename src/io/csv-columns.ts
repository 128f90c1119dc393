/**
 * CSV tables described once: each column's name, the field it holds and how (text, a `a|b` list,
 * an EDTF date, a day for Palladio, the citations of sources, the `extra` JSON). The same
 * description writes a row and reads it back, and tells messages which column a field came from.
 */
import type { Graph } from '../model/types.ts';
import { listOrUndefined, type TableRow } from './csv-table.ts';
import { citations, extraOf, firstDay, joinList, lastDay, mergeExtra } from './interchange.ts';

type Cell = string | number | boolean | undefined;

export type ColumnKind =
  /** Plain text; `required` reads an absent cell as "". */
  | 'text'
  /** A number: 1917 or 12.5, without thousands separators. */
  | 'number'
  /** A list, `a|b`; `required` reads an absent cell as []. */
  | 'list'
  /** An EDTF date as written. */
  | 'date'
  /** For tools that know days: the first day of `of`'s span (written only). */
  | 'first-day'
  /** The last day of `of`'s span (written only). */
  | 'last-day'
  /** The citations of the sources in `of`, for people reading the table (written only). */
  | 'citations'
  /** Gephi's `<[1928-01-01, 1930-08-31]>` of the item's start and end (written only). */
  | 'time-interval'
  /** The same text in every row, `value` (written only: Gephi's edge `Type`). */
  | 'constant'
  /** `value` and the row's index (written only: Gephi's edge `Id`, `e0`, `e1`, …). */
  | 'row-id'
  /** Every field the table has no column for, as one JSON object. */
  | 'extra';

export interface Column {
  column: string;
  kind: ColumnKind;
  /** The field of the item (for `first-day`, `last-day` and `citations`: the field they are read from). */
  field?: string;
  required?: boolean;
  /** Other names other tools give the column, read when the table lacks this one (Kumu's `From`). */
  also?: readonly string[];
  /** What a required cell holds, for the message when it is empty: "the parent (Source)". */
  what?: string;
  value?: string;
}

export interface TableSpec {
  /** The column that names the item's owner (`organ` for names and lifetimes), not a field of the item. */
  owner?: string;
  columns: readonly Column[];
}

const c = (column: string, kind: ColumnKind, field?: string, required = false): Column => ({ column, kind, field, required });
const interval = [c('start', 'date', 'start'), c('end', 'date', 'end')];

/** Gephi's time intervals: `<[1928-01-01, 1930-12-31]>`; empty when open at both ends. */
function timeInterval(i: { start?: string; end?: string }): string | undefined {
  const [a, b] = [firstDay(i.start), lastDay(i.end)];
  return a === undefined && b === undefined ? undefined : `<[${a ?? '-Infinity'}, ${b ?? 'Infinity'}]>`;
}
const days = [c('Start Date', 'first-day', 'start'), c('End Date', 'last-day', 'end')];

/** The tables of one kind of item each. */
export const ITEM_TABLES = {
  'names.csv': { owner: 'organ', columns: [c('name', 'text', 'name', true), ...interval, c('sources', 'list', 'sources'), c('certainty', 'text', 'certainty'), c('note', 'text', 'note'), ...days, c('extra', 'extra')] },
  'exists.csv': { owner: 'organ', columns: [...interval, c('sources', 'list', 'sources'), c('certainty', 'text', 'certainty'), c('note', 'text', 'note'), ...days, c('extra', 'extra')] },
  'edges.csv': {
    columns: [
      { column: 'Source', kind: 'text', field: 'parent', required: true, also: ['From', 'parent'], what: 'the parent (Source)' },
      { column: 'Target', kind: 'text', field: 'child', required: true, also: ['To', 'child'], what: 'the child (Target)' },
      { column: 'Type', kind: 'constant', value: 'Directed' },
      { column: 'Id', kind: 'row-id', value: 'e' },
      ...interval,
      c('sources', 'list', 'sources'),
      c('citations', 'citations', 'sources'),
      c('certainty', 'text', 'certainty'),
      c('note', 'text', 'note'),
      ...days,
      c('Time Interval', 'time-interval'),
      c('extra', 'extra'),
    ],
  },
  'sources.csv': { owner: 'id', columns: [c('citation', 'text', 'citation', true), c('primary', 'text', 'primary'), c('lines', 'text', 'lines'), c('quote', 'text', 'quote'), c('note', 'text', 'note'), c('extra', 'extra')] },
  'figures.csv': {
    columns: [
      c('organ', 'text', 'organ', true),
      c('measure', 'text', 'measure', true),
      c('value', 'number', 'value', true),
      c('qualifier', 'text', 'qualifier'),
      c('date', 'date', 'date', true),
      c('sources', 'list', 'sources', true),
      c('citations', 'citations', 'sources'),
      c('note', 'text', 'note'),
      c('Date', 'first-day', 'date'),
      c('extra', 'extra'),
    ],
  },
  'events.csv': {
    columns: [
      c('id', 'text', 'id', true),
      c('date', 'date', 'date', true),
      c('kind', 'text', 'kind', true),
      c('title', 'text', 'title', true),
      c('description', 'text', 'description', true),
      c('inputs', 'list', 'inputs', true),
      c('outputs', 'list', 'outputs', true),
      c('sources', 'list', 'sources', true),
      c('citations', 'citations', 'sources'),
      c('Date', 'first-day', 'date'),
      c('extra', 'extra'),
    ],
  },
  'people.csv': { columns: [c('id', 'text', 'id', true), c('name', 'text', 'name', true), c('aliases', 'list', 'aliases'), c('sources', 'list', 'sources')] },
  /** A person's attributes (social origin, year of party entry), one row each, after the person's id. */
  'attributes.csv': {
    owner: 'person',
    columns: [
      c('attribute', 'text', 'attribute', true),
      c('value', 'text', 'value', true),
      c('date', 'date', 'date'),
      c('sources', 'list', 'sources', true),
      c('citations', 'citations', 'sources'),
      c('certainty', 'text', 'certainty'),
      c('note', 'text', 'note'),
      c('Date', 'first-day', 'date'),
      c('extra', 'extra'),
    ],
  },
  'posts.csv': {
    columns: [
      c('organ', 'text', 'organ', true),
      c('post', 'text', 'post', true),
      c('person', 'text', 'person', true),
      ...interval,
      c('sources', 'list', 'sources', true),
      c('citations', 'citations', 'sources'),
      c('certainty', 'text', 'certainty'),
      c('note', 'text', 'note'),
      ...days,
      c('extra', 'extra'),
    ],
  },
} as const satisfies Record<string, TableSpec>;

/** A table's header row. */
export function columnsOf(spec: TableSpec): string[] {
  return [...(spec.owner ? [spec.owner] : []), ...spec.columns.map((col) => col.column)];
}

/** A column that holds a field of its own (not a day or citations derived from one, nor `extra`). */
const holds = (col: Column) => col.kind === 'text' || col.kind === 'number' || col.kind === 'list' || col.kind === 'date';

/** The fields a table has columns for; the others go to `extra` (the owner's id column too: `id` of a source). */
function known(spec: TableSpec): string[] {
  return spec.columns.filter(holds).map((col) => col.field!);
}

/** An item as a row of its table. */
export function writeRow(spec: TableSpec, x: object, g: Graph, owner?: string, index = 0): Record<string, Cell> {
  const v = x as Record<string, unknown>;
  const row: Record<string, Cell> = spec.owner ? { [spec.owner]: owner } : {};
  for (const col of spec.columns) {
    const f = col.field === undefined ? undefined : v[col.field];
    row[col.column] =
      col.kind === 'text' || col.kind === 'date' || col.kind === 'number'
        ? (f as Cell)
        : col.kind === 'list'
          ? f === undefined
            ? undefined
            : joinList(f as string[])
          : col.kind === 'first-day'
            ? firstDay(f as string | undefined)
            : col.kind === 'last-day'
              ? lastDay(f as string | undefined)
              : col.kind === 'citations'
                ? citations(g, f as string[] | undefined)
                : col.kind === 'time-interval'
                  ? timeInterval(x as { start?: string; end?: string })
                  : col.kind === 'constant'
                    ? col.value
                    : col.kind === 'row-id'
                      ? `${col.value}${index}`
                      : extraOf(x, known(spec));
  }
  return row;
}

/**
 * An item from a row; `fields` maps each field read to its column, for placing messages. Dates
 * in a table without their `start`/`end` columns come from `Start Date`/`End Date` (Palladio).
 */
export function readRow<T extends object>(spec: TableSpec, row: TableRow, onError: (message: string, column: string) => void): { item: T; fields: Record<string, string> } {
  const item: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  for (const col of spec.columns) {
    if (col.kind === 'text') {
      const column = [col.column, ...(col.also ?? [])].find((name) => row.has(name)) ?? col.column;
      const v = row.get(column);
      if (v === undefined && col.what) onError(`${col.what} is missing`, column);
      if (v !== undefined || col.required) item[col.field!] = v ?? '';
    } else if (col.kind === 'list') {
      const v = listOrUndefined(row.get(col.column));
      if (v !== undefined || col.required) item[col.field!] = v ?? [];
    } else if (col.kind === 'date') {
      const palladio = { start: 'Start Date', end: 'End Date' }[col.field!] ?? 'Date';
      const v = row.date(row.has(col.column) ? col.column : palladio);
      if (v !== undefined || col.required) item[col.field!] = v ?? '';
    } else if (col.kind === 'number') {
      const text = row.get(col.column) ?? '';
      const value = Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(value)) onError(`the value "${text}" is not a number (write 1917 or 12.5, without thousands separators)`, col.column);
      item[col.field!] = value;
    } else if (col.kind === 'extra') mergeExtra(item, row.get(col.column), (m) => onError(m, col.column));
    if (holds(col)) fields[col.field!] = col.column;
  }
  return { item: item as T, fields };
}
