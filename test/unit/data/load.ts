/** Loads bundled graphs for data tests, failing loudly when a graph does not validate. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, loadGraphSet } from '../../../src/io/graph-file.ts';
import { at, buildModel, type Model } from '../../../src/model/model.ts';
import { snapshot, type Snapshot } from '../../../src/model/snapshot.ts';

export const GRAPHS = join(import.meta.dirname, '../../../graphs');
export const THESIS = join(import.meta.dirname, '../../../../shared/sources/thesis.txt');

let cache: Map<string, Model> | undefined;

export function bundled(): Map<string, Model> {
  if (cache) return cache;
  const files = readdirSync(GRAPHS)
    .filter((f) => f.endsWith('.json') && !f.endsWith('schema.json'))
    .map((f) => ({ file: `graphs/${f}`, text: readFileSync(join(GRAPHS, f), 'utf8') }));
  cache = new Map();
  for (const r of loadGraphSet(files)) {
    if (!r.graph) throw new Error(`${r.file} does not validate:\n${r.issues.map(formatIssue).join('\n')}`);
    cache.set(r.graph.id, buildModel(r.graph));
  }
  return cache;
}

export function model(id: string): Model {
  const m = bundled().get(id);
  if (!m) throw new Error(`no bundled graph "${id}"`);
  return m;
}

export function snap(id: string, date: string): Snapshot {
  return snapshot(model(id), at(date));
}

/** The values of the figures of one organ and measure dated exactly `date`. */
export function valuesAt(id: string, organ: string, measure: string, date: string): number[] {
  return (model(id).graph.figures ?? []).filter((f) => f.organ === organ && f.measure === measure && f.date === date).map((f) => f.value);
}

let thesis: string | undefined;
/** The thesis text, for checking that a quotation or number stands in the source. */
export function thesisText(): string {
  return (thesis ??= readFileSync(THESIS, 'utf8'));
}

/** Lines of the thesis, 1-based through `thesisLine(n)`. */
let thesisLines: string[] | undefined;
function lines(): string[] {
  return (thesisLines ??= thesisText().split('\n'));
}

/** Lower-case words, accents and punctuation gone; OCR's letter-spaced words joined up too. */
export function wordsOf(text: string): Set<string> {
  // An apostrophe joins a word (treugol'nik), as it does in the thesis's transliteration.
  const plain = text.toLowerCase().normalize('NFKD').replace(/[’‘`']/g, '');
  const split = (t: string) => t.replace(/[^a-z0-9]+/g, ' ').split(' ').filter(Boolean);
  return new Set([...split(plain), ...split(plain.replace(/\b(\w) (?=\w\b)/g, '$1'))]);
}

/** The thesis's text around a source's `lines` ("7242-7260"), with `slack` lines either side. */
export function around(range: string, slack: number): string {
  const [a, b = a] = range.split('-').map(Number);
  return lines().slice(Math.max(0, a - 1 - slack), b + slack).join(' ');
}

/** Whether a line range lies in the thesis. */
export function rangeInThesis(range: string | undefined): boolean {
  if (!range || !/^\d+(-\d+)?$/.test(range)) return false;
  const [a, b = a] = range.split('-').map(Number);
  return a >= 1 && b >= a && b <= lines().length;
}

/** The share of a quotation's longer words that stand near its lines (OCR differs slightly). */
export function quoteFound(quote: string, range: string, slack = 6): { share: number; missing: string[] } {
  const near = wordsOf(around(range, slack));
  const wanted = [...wordsOf(quote)].filter((w) => w.length >= 5 || /^\d{3,}$/.test(w));
  const missing = wanted.filter((w) => !near.has(w));
  return { share: wanted.length ? 1 - missing.length / wanted.length : 1, missing };
}

const NUMBER_WORDS: Record<number, string[]> = {
  0: ['no', 'not', 'none'], 3: ['three', 'tliree', 'thi'], 4: ['four'], 5: ['five'], 6: ['six'], 7: ['seven'], 8: ['eight'], 9: ['nine'],
  10: ['ten'], 11: ['eleven'], 15: ['fifteen'], 16: ['16'], 25: ['twenty'], 30: ['thirty'], 100: ['100'],
};

/** Whether a number is written, in digits or in words, in the thesis near a source's lines. */
export function numberNear(value: number, range: string, slack = 6): boolean {
  const text = ` ${[...wordsOf(around(range, slack))].join(' ')} `;
  const spaced = ` ${around(range, slack).toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  const digits = [String(value), value.toLocaleString('en-US').replace(/,/g, ' ')];
  return digits.some((d) => spaced.includes(` ${d} `)) || (NUMBER_WORDS[value] ?? []).some((w) => text.includes(` ${w}`));
}
