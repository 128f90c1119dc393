/**
 * CSV tables described once: each column's name, the field it holds and how (text, a `a|b` list,
 * an EDTF date, a day for Palladio, the citations of sources, the `extra` JSON). The same
 * description writes a row and reads it back, and tells messages which column a field came from.
 * Every table of the folder apparat writes is here: the graph's own row, one table of each kind of
 * item, and the stories (a story's columns, then its step's).
 */
import type { Graph, Organ } from '../model/types.ts';
import { listOrUndefined, truth, type TableRow } from './csv-table.ts';
import { citations, extraOf, firstDay, joinList, lastDay, mergeExtra } from './interchange.ts';

type Cell = string | number | boolean | undefined;

export type ColumnKind =
  /** Plain text; `required` reads an absent cell as "". */
  | 'text'
  /** A number: 1917 or 12.5, without thousands separators. */
  | 'number'
  /** true or false (also yes/no, 1/0, y/n). */
  | 'boolean'
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
  /** Gephi's `<[1928-01-01, 1930-08-31]>` of the item's start and end, or of each interval in `field` (written only). */
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
  /** The field of the item, `period.start` for a nested one (for `first-day`, `last-day`, `citations` and `time-interval`: the field they are read from). */
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
  /** Fields of the item that no column holds but that are not `extra` either (an organ's names and lifetimes). */
  keep?: readonly string[];
  columns: readonly Column[];
}

const c = (column: string, kind: ColumnKind, field?: string, required = false): Column => ({ column, kind, field, required });
const interval = [c('start', 'date', 'start'), c('end', 'date', 'end')];

/** Gephi's time intervals: `<[1928-01-01, 1930-12-31];[1932-01-01, Infinity]>`; empty when one is open at both ends. */
function timeInterval(intervals: readonly { start?: string; end?: string }[]): string | undefined {
  const spans = intervals.map((i) => [firstDay(i.start), lastDay(i.end)]);
  if (spans.length === 0 || spans.some(([a, b]) => a === undefined && b === undefined)) return undefined;
  return `<${spans.map(([a, b]) => `[${a ?? '-Infinity'}, ${b ?? 'Infinity'}]`).join(';')}>`;
}
const days = [c('Start Date', 'first-day', 'start'), c('End Date', 'last-day', 'end')];

/** The tables of one kind of item each (the graph's own row is an item too). */
export const ITEM_TABLES = {
  'graph.csv': {
    columns: [
      { column: 'apparat', kind: 'constant', value: '1' },
      c('id', 'text', 'id'),
      c('title', 'text', 'title'),
      c('description', 'text', 'description'),
      c('kind', 'text', 'kind'),
      c('period_start', 'date', 'period.start'),
      c('period_end', 'date', 'period.end'),
      c('note', 'text', 'note'),
    ],
  },
  /** An organ as one row (`NodeRow`): its first name, the span of its lifetimes, each lifetime for Gephi. */
  'nodes.csv': {
    keep: ['names', 'exists'],
    columns: [
      { column: 'Id', kind: 'text', field: 'id', required: true, what: 'the organ id' },
      c('Label', 'text', 'label'),
      c('Type', 'text', 'type'),
      c('type_label', 'text', 'typeLabel'),
      c('counted', 'boolean', 'counted'),
      c('counted_in', 'text', 'countedIn'),
      c('link', 'text', 'link'),
      c('aliases', 'list', 'aliases'),
      c('note', 'text', 'note'),
      c('sources', 'list', 'sources'),
      c('citations', 'citations', 'sources'),
      ...interval,
      ...days,
      c('Time Interval', 'time-interval', 'exists'),
      c('extra', 'extra'),
    ],
  },
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

/** stories.csv: one row a step, led by its story's columns (the description on the story's first row only). */
export const STORY_TABLE = {
  story: { columns: [c('story', 'text', 'id', true), c('title', 'text', 'title', true), c('description', 'text', 'description')] },
  step: {
    columns: [
      { column: 'step', kind: 'row-id', value: '' },
      c('graph', 'text', 'graph'),
      c('at', 'text', 'at', true),
      c('to', 'text', 'to'),
      c('focus', 'list', 'focus'),
      c('highlight', 'list', 'highlight'),
      c('hide', 'list', 'hide'),
      c('caption', 'text', 'caption', true),
      c('citation', 'text', 'citation', true),
      c('notes', 'text', 'notes'),
    ],
  },
} as const satisfies Record<string, TableSpec>;

/** An organ as a row of nodes.csv. */
export function nodeRow(o: Organ): NodeRow {
  return { ...o, label: o.names[0]?.name, start: o.exists[0]?.start, end: o.exists[o.exists.length - 1]?.end };
}

/** What a row of nodes.csv reads as (the reader, ./csv-import.ts, makes the organ of it). */
export type NodeRow = Partial<Omit<Organ, 'type'>> & { id: string; type?: string; label?: string; start?: string; end?: string };

/** A table's header row. */
export function columnsOf(spec: TableSpec): string[] {
  return [...(spec.owner ? [spec.owner] : []), ...spec.columns.map((col) => col.column)];
}

/** A column that holds a field of its own (not a day or citations derived from one, nor `extra`). */
const holds = (col: Column) => col.kind === 'text' || col.kind === 'number' || col.kind === 'boolean' || col.kind === 'list' || col.kind === 'date';

/** The fields a table has columns for; the others go to `extra` (the owner's id column too: `id` of a source). */
function known(spec: TableSpec): string[] {
  return [...spec.columns.filter(holds).map((col) => col.field!), ...(spec.keep ?? [])];
}

/** A field of an item: `title`, or a nested one, `period.start`. */
function getField(x: Record<string, unknown>, field: string): unknown {
  return field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], x);
}

function setField(x: Record<string, unknown>, field: string, value: unknown): void {
  const path = field.split('.');
  const last = path.pop()!;
  let at = x;
  for (const k of path) at = (at[k] ??= {}) as Record<string, unknown>;
  at[last] = value;
}

/** An item as a row of its table. */
export function writeRow(spec: TableSpec, x: object, g: Graph, owner?: string, index = 0): Record<string, Cell> {
  const v = x as Record<string, unknown>;
  const row: Record<string, Cell> = spec.owner ? { [spec.owner]: owner } : {};
  for (const col of spec.columns) {
    const f = col.field === undefined ? undefined : getField(v, col.field);
    row[col.column] =
      col.kind === 'text' || col.kind === 'date' || col.kind === 'number' || col.kind === 'boolean'
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
                  ? timeInterval(col.field === undefined ? [x] : (f as { start?: string; end?: string }[]))
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
      if (v !== undefined || col.required) setField(item, col.field!, v ?? '');
    } else if (col.kind === 'list') {
      const v = listOrUndefined(row.get(col.column));
      if (v !== undefined || col.required) setField(item, col.field!, v ?? []);
    } else if (col.kind === 'date') {
      const palladio = { start: 'Start Date', end: 'End Date' }[col.field!.split('.').pop()!] ?? 'Date';
      const v = row.date(row.has(col.column) ? col.column : palladio);
      if (v !== undefined || col.required) setField(item, col.field!, v ?? '');
    } else if (col.kind === 'number') {
      const text = row.get(col.column) ?? '';
      const value = Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(value)) onError(`the value "${text}" is not a number (write 1917 or 12.5, without thousands separators)`, col.column);
      item[col.field!] = value;
    } else if (col.kind === 'boolean') {
      const v = truth(row.get(col.column));
      if (v === 'bad') onError(`${col.column} must be true or false, not "${row.get(col.column)}"`, col.column);
      else if (v !== undefined) item[col.field!] = v;
    } else if (col.kind === 'extra') mergeExtra(item, row.get(col.column), (m) => onError(m, col.column));
    if (holds(col)) fields[col.field!] = col.column;
  }
  return { item: item as T, fields };
}
