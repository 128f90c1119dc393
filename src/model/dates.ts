/**
 * EDTF dates and the meaning of "at date D".
 *
 * Every date stands for a span of time: `1930-07` is 1–31 July 1930, `1932-22` is summer 1932.
 * A qualified date (`1930?` uncertain, `1930~` approximate) keeps its span and its flags.
 *
 * "At D" asks what existed at some time within D's span:
 * - an interval [start, end] *may exist* at D when start's earliest instant <= D's last instant and
 *   end's last instant >= D's first instant (open ends reach forever);
 * - it *certainly exists* at D when start's last instant <= D's last instant, end's first instant
 *   >= D's first instant, and neither bound is uncertain or approximate.
 * Organs that may but need not exist at D are shown as vague.
 */
import { parse } from 'edtf';

/** `set`: one of several dates, `[..1932-05]` (on or before), `[1929..]` (then or later), `[1930-07..1930-09]`. */
export type Precision = 'day' | 'month' | 'season' | 'year' | 'decade' | 'century' | 'set';

export interface DateSpan {
  edtf: string;
  /** First instant (ms since 1970, UTC); -Infinity when open. */
  min: number;
  /** Last instant; +Infinity when open. */
  max: number;
  precision: Precision | 'open';
  uncertain: boolean;
  approximate: boolean;
}

export class DateError extends Error {}

const OPEN = '..';
const DAY = 86_400_000;

/**
 * Seasons 21–24 as Leningrad's (northern, meteorological) seasons: spring is March–May,
 * summer June–August, autumn September–November, winter December to February of the next year.
 * (The edtf package reads them as calendar quarters, which puts "summer" in April.)
 */
const SEASON_MONTHS: Record<number, [number, number]> = { 21: [2, 4], 22: [5, 7], 23: [8, 10], 24: [11, 13] };

interface ParsedDate {
  type: string;
  values: number[];
  uncertain?: number | boolean;
  approximate?: number | boolean;
  unspecified?: number;
}

const cache = new Map<string, DateSpan>();

/** Parses one EDTF date (not an interval). Throws DateError with a plain-words message. */
export function parseDate(edtf: string): DateSpan {
  const hit = cache.get(edtf);
  if (hit) return hit;
  const span = parseUncached(edtf);
  if (cache.size > 50_000) cache.clear();
  cache.set(edtf, span);
  return span;
}

function parseUncached(edtf: string): DateSpan {
  if (typeof edtf !== 'string') throw new DateError(`a date must be a string, not ${typeof edtf}`);
  if (edtf === OPEN) return { edtf, min: -Infinity, max: Infinity, precision: 'open', uncertain: false, approximate: false };
  return quickDate(edtf) ?? grammarDate(edtf);
}

/** Parses one date with the EDTF grammar alone (what `quickDate` must agree with; exported for its test). */
export function grammarDate(edtf: string): DateSpan {
  let parsed: ParsedDate;
  try {
    parsed = parse(edtf) as ParsedDate;
  } catch {
    throw new DateError(`"${edtf}" is not an EDTF date (write 1932-06-21, 1930-07, 1932-22 for summer, 1930? or 1930~)`);
  }
  const uncertain = Boolean(parsed.uncertain);
  const approximate = Boolean(parsed.approximate);
  const v = parsed.values;
  if (parsed.type === 'Season') {
    const [year, season] = v as [number, number];
    const months = SEASON_MONTHS[season];
    if (!months) throw new DateError(`"${edtf}": only the seasons 21 (spring) to 24 (winter) are supported`);
    return {
      edtf,
      min: Date.UTC(year, months[0], 1),
      max: Date.UTC(year, months[1] + 1, 1) - 1,
      precision: 'season',
      uncertain,
      approximate,
    };
  }
  if (parsed.type === 'Set') {
    // One of the dates of a set: its span runs from the earliest member to the latest, and an
    // open side (`[..1932-05]`, `[1929..]`) reaches forever. A bound of "first attested" or "gone by".
    let min = Infinity;
    let max = -Infinity;
    for (const part of edtf.slice(1, -1).split(',')) {
      const [from, to] = part.includes('..') ? part.split('..') : [part, part];
      min = Math.min(min, from === '' ? -Infinity : parseDate(from).min);
      max = Math.max(max, to === '' ? Infinity : parseDate(to).max);
    }
    return { edtf, min, max, precision: 'set', uncertain, approximate };
  }
  if (parsed.type !== 'Date' && parsed.type !== 'Year') {
    throw new DateError(`"${edtf}" is an EDTF ${parsed.type}; here a single date is expected (give start and end separately)`);
  }
  if (parsed.unspecified) {
    return unspecifiedSpan(edtf, v, uncertain, approximate);
  }
  const [year, month, day] = v;
  if (day !== undefined) {
    const min = Date.UTC(year, month, day);
    const check = new Date(min);
    if (check.getUTCMonth() !== month) throw new DateError(`"${edtf}" is not a day of the calendar`);
    return { edtf, min, max: min + DAY - 1, precision: 'day', uncertain, approximate };
  }
  if (month !== undefined) {
    return { edtf, min: Date.UTC(year, month, 1), max: Date.UTC(year, month + 1, 1) - 1, precision: 'month', uncertain, approximate };
  }
  return { edtf, min: Date.UTC(year, 0, 1), max: Date.UTC(year + 1, 0, 1) - 1, precision: 'year', uncertain, approximate };
}

/**
 * Most dates are read without the EDTF grammar, which is slow enough to matter when a graph loads:
 * plain dates (`1931`, `1931-06`, `1931-06-21`), plain dates with a qualifier (`1932-12~`, `1930?`,
 * `1931%`), and sets of plain dates (`[1930-05..1930-12]`, `[..1932-03]`, `[1932-08..]`,
 * `[1930,1931]`). They give exactly what the grammar gives (test/unit/dates-quick.test.ts);
 * anything else (a season, an unspecified digit, a month or day out of range, any other form) is
 * left to the grammar and its messages.
 */
function quickDate(edtf: string): DateSpan | undefined {
  const plain = plainDate(edtf);
  if (plain) return plain;
  const last = edtf[edtf.length - 1];
  if (last === '?' || last === '~' || last === '%') {
    const body = plainDate(edtf.slice(0, -1));
    return body && { ...body, edtf, uncertain: last !== '~', approximate: last !== '?' };
  }
  if (edtf[0] === '[' && last === ']') return plainSet(edtf);
  return undefined;
}

/**
 * A set whose members are plain dates: single dates and ranges of one precision (the grammar
 * refuses `[1930..1930-05]`), an open start only first, an open end only last. Its span runs
 * from the earliest member to the latest, as `grammarDate` reads a set.
 */
function plainSet(edtf: string): DateSpan | undefined {
  const parts = edtf.slice(1, -1).split(',');
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < parts.length; i++) {
    const ends = parts[i].split('..');
    if (ends.length > 2) return undefined;
    const [from, to] = ends.length === 2 ? ends : [ends[0], ends[0]];
    if ((from === '' && i > 0) || (to === '' && i < parts.length - 1) || (from === '' && to === '')) return undefined;
    if (from !== '' && to !== '' && from.length !== to.length) return undefined;
    const a = from === '' ? undefined : plainDate(from);
    const b = to === '' ? undefined : plainDate(to);
    if ((from !== '' && !a) || (to !== '' && !b)) return undefined;
    min = Math.min(min, a ? a.min : -Infinity);
    max = Math.max(max, b ? b.max : Infinity);
  }
  return { edtf, min, max, precision: 'set', uncertain: false, approximate: false };
}

function plainDate(edtf: string): DateSpan | undefined {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d\d))?)?$/.exec(edtf);
  if (!m) return undefined;
  const year = Number(m[1]);
  const base = { edtf, uncertain: false, approximate: false };
  if (m[2] === undefined) return { ...base, min: Date.UTC(year, 0, 1), max: Date.UTC(year + 1, 0, 1) - 1, precision: 'year' };
  const month = Number(m[2]) - 1;
  if (m[3] === undefined) return { ...base, min: Date.UTC(year, month, 1), max: Date.UTC(year, month + 1, 1) - 1, precision: 'month' };
  const day = Number(m[3]);
  const min = Date.UTC(year, month, day);
  if (day < 1 || new Date(min).getUTCMonth() !== month) return undefined;
  return { ...base, min, max: min + DAY - 1, precision: 'day' };
}

/** `193X` (a decade), `19XX` (a century), `1930-XX` (some month of 1930): the widest span the digits allow. */
function unspecifiedSpan(edtf: string, v: number[], uncertain: boolean, approximate: boolean): DateSpan {
  const body = edtf.replace(/[?~%]/g, '');
  const yearText = body.slice(0, 4);
  const unknownYearDigits = (yearText.match(/X/g) ?? []).length;
  const year = Number(yearText.replace(/X/g, '0'));
  if (unknownYearDigits > 0) {
    const width = 10 ** unknownYearDigits;
    return {
      edtf,
      min: Date.UTC(year, 0, 1),
      max: Date.UTC(year + width, 0, 1) - 1,
      precision: unknownYearDigits === 1 ? 'decade' : 'century',
      uncertain,
      approximate,
    };
  }
  const monthKnown = /^\d{4}-\d\d/.test(body);
  if (!monthKnown) return { edtf, min: Date.UTC(year, 0, 1), max: Date.UTC(year + 1, 0, 1) - 1, precision: 'year', uncertain, approximate };
  const month = v[1] ?? 0;
  return { edtf, min: Date.UTC(year, month, 1), max: Date.UTC(year, month + 1, 1) - 1, precision: 'month', uncertain, approximate };
}

/** Parses, returning the message instead of throwing. */
export function checkDate(edtf: unknown): string | undefined {
  try {
    parseDate(edtf as string);
    return undefined;
  } catch (e) {
    return e instanceof DateError ? e.message : `"${String(edtf)}" is not a valid date`;
  }
}

export interface Bounds {
  /** Earliest instant the interval may start; -Infinity when open. */
  startMin: number;
  /** Last instant by which it has certainly started. */
  startMax: number;
  /** First instant at which it may have ended. */
  endMin: number;
  /** Last instant it may still exist; +Infinity when open. */
  endMax: number;
  /** A bound is uncertain (?) or approximate (~). */
  qualified: boolean;
}

export function bounds(interval: { start?: string; end?: string }): Bounds {
  const s = interval.start === undefined ? undefined : parseDate(interval.start);
  const e = interval.end === undefined ? undefined : parseDate(interval.end);
  return {
    startMin: s ? s.min : -Infinity,
    startMax: s ? (s.precision === 'open' ? -Infinity : s.max) : -Infinity,
    endMin: e ? (e.precision === 'open' ? Infinity : e.min) : Infinity,
    endMax: e ? e.max : Infinity,
    qualified: Boolean(s?.uncertain || s?.approximate || e?.uncertain || e?.approximate),
  };
}

/** 0: does not exist at D; 1: may exist at D (vague); 2: certainly exists at some time within D. */
export type Presence = 0 | 1 | 2;

export function presence(b: Bounds, at: DateSpan): Presence {
  if (b.startMin > at.max || b.endMax < at.min) return 0;
  if (b.startMax <= at.max && b.endMin >= at.min && !b.qualified) return 2;
  return 1;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASONS: Record<number, string> = { 21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter' };

/** A date in words, exactly as precise as it was given: "21 June 1932", "July 1930", "summer 1932", "1930?", "c. 1930". */
export function formatDate(edtf: string | undefined): string {
  if (edtf === undefined || edtf === OPEN) return '…';
  let span: DateSpan;
  try {
    span = parseDate(edtf);
  } catch {
    return edtf;
  }
  if (span.precision === 'set') return formatSet(edtf);
  const body = edtf.replace(/[?~%]/g, '');
  const [y, m, d] = body.split('-');
  let text: string;
  if (span.precision === 'season') text = `${SEASONS[Number(m)]} ${y}`;
  else if (span.precision === 'decade') text = `the ${y.slice(0, 3)}0s`;
  else if (span.precision === 'century') text = `the ${y.slice(0, 2)}00s`;
  else if (span.precision === 'day' && !d.includes('X')) text = `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  else if (m && !m.includes('X')) text = `${MONTHS[Number(m) - 1]} ${y}`;
  else text = y;
  if (span.approximate) text = `c. ${text}`;
  if (span.uncertain) text = `${text}?`;
  return text;
}

/** `[..1932-05]`: "by May 1932"; `[1929..]`: "1929 or later"; `[1930-07..1930-09]`: "July 1930 to September 1930"; `[1930,1931]`: "1930 or 1931". */
function formatSet(edtf: string): string {
  const inner = edtf.slice(1, -1);
  if (inner.startsWith('..')) return `by ${formatDate(inner.slice(2))}`;
  if (inner.endsWith('..')) return `${formatDate(inner.slice(0, -2))} or later`;
  return inner
    .split(',')
    .map((part) => (part.includes('..') ? part.split('..').map(formatDate).join(' to ') : formatDate(part)))
    .join(' or ');
}

/** An interval in words: "July 1930 – summer 1932", "from 1927", "until 1934". */
export function formatInterval(i: { start?: string; end?: string }): string {
  const open = (d?: string) => d === undefined || d === OPEN;
  if (open(i.start) && open(i.end)) return 'throughout';
  if (open(i.end)) return `from ${formatDate(i.start)}`;
  if (open(i.start)) return `until ${formatDate(i.end)}`;
  return `${formatDate(i.start)} – ${formatDate(i.end)}`;
}

/** The day a span begins, as an ISO date (for sliders and sorting). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Compares two EDTF dates by their first instant, then by their last. */
export function compareDates(a: string, b: string): number {
  const x = parseDate(a);
  const y = parseDate(b);
  return Math.sign(x.min - y.min || 0) || Math.sign(x.max - y.max || 0);
}
