/**
 * The quick reading of dates (plain dates, qualified plain dates, sets of plain dates) gives
 * exactly what the EDTF grammar gives: the same span and flags for a date it reads, the same
 * message for one it refuses, on many generated inputs, valid and not.
 */
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';

// Counts the grammar's calls, to see which dates it is still asked to read.
const grammarCalls = vi.hoisted(() => ({ n: 0 }));
vi.mock('edtf', async (importOriginal) => {
  const edtf = await importOriginal<typeof import('edtf')>();
  return {
    ...edtf,
    parse: (...args: Parameters<typeof edtf.parse>) => {
      grammarCalls.n++;
      return edtf.parse(...args);
    },
  };
});

const { grammarDate, parseDate } = await import('../../src/model/dates.ts');

type Outcome = ReturnType<typeof parseDate> | { error: string };
const outcome = (read: (s: string) => ReturnType<typeof parseDate>, s: string): Outcome => {
  try {
    return read(s);
  } catch (e) {
    return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
};

const two = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => String(n).padStart(2, '0'));
/** Years, months and days, mostly in range and sometimes not (and of the wrong length). */
const year = fc.oneof(fc.integer({ min: 1900, max: 1960 }).map(String), fc.constantFrom('0000', '0999', '999', '19300', '193X', '19XX'));
const month = fc.oneof(two(1, 12), fc.constantFrom('00', '13', '21', '24', '1', '123', 'XX'));
const day = fc.oneof(two(1, 31), fc.constantFrom('00', '32', '1', 'XX'));
const date = fc.oneof(
  year,
  fc.tuple(year, month).map(([y, m]) => `${y}-${m}`),
  fc.tuple(year, month, day).map(([y, m, d]) => `${y}-${m}-${d}`),
);
const qualified = fc.tuple(date, fc.constantFrom('', '?', '~', '%', '?~', '??', 'X')).map(([d, q]) => d + q);
const member = fc.oneof(
  qualified,
  fc.tuple(date, date).map(([a, b]) => `${a}..${b}`),
  fc.tuple(year, year).map(([a, b]) => `${a}..${b}`),
  fc.tuple(year, month, month).map(([y, a, b]) => `${y}-${a}..${y}-${b}`),
  date.map((d) => `..${d}`),
  date.map((d) => `${d}..`),
  fc.constantFrom('..', '', ' 1930', '1930..1931..1932', '..1930..'),
);
const set = fc.tuple(fc.array(member, { minLength: 1, maxLength: 3 }), fc.constantFrom(',', ', ', '..')).map(([parts, sep]) => `[${parts.join(sep)}]`);
const junk = fc.string({ unit: fc.constantFrom(...'0123456789-.,[]?~%X /'), maxLength: 16 });
const tricky = fc.constantFrom('[1930..1929]', '[..1930,1932..]', '[1930,1931..1932]', '[1930..1931,1929]', '[1930..1930-05]', '[..1930..]', '[]', '[1930,,1931]', '[1930-02-29..1930-03]', '[1928-02-29..1928-03-01]', '[1930-01-01..1930-02-30]', '1930-02-30~', '1928-02-29?', '0000~', '[0000..0001]');
const input = fc.oneof(qualified, set, set.map((s) => `${s}?`), junk, tricky);

describe('dates read without the grammar', () => {
  test('give what the grammar gives, or its message', () => {
    fc.assert(
      // `..` alone (an open end) is read before either.
      fc.property(input.filter((s) => s !== '..'), (s) => {
        expect(outcome(parseDate, s)).toEqual(outcome(grammarDate, s));
      }),
      { numRuns: 5000 },
    );
  });

  test.each([
    ['[1930-05..1930-12]', Date.UTC(1930, 4, 1), Date.UTC(1931, 0, 1) - 1, false, false],
    ['[..1932-03]', -Infinity, Date.UTC(1932, 3, 1) - 1, false, false],
    ['[1932-08..]', Date.UTC(1932, 7, 1), Infinity, false, false],
    ['[1928,1930-02]', Date.UTC(1928, 0, 1), Date.UTC(1930, 2, 1) - 1, false, false],
    ['1932-12~', Date.UTC(1932, 11, 1), Date.UTC(1933, 0, 1) - 1, false, true],
    ['1930?', Date.UTC(1930, 0, 1), Date.UTC(1931, 0, 1) - 1, true, false],
    ['1931-06-21%', Date.UTC(1931, 5, 21), Date.UTC(1931, 5, 22) - 1, true, true],
  ])('%s: its span and flags, as the grammar reads it', (s, min, max, uncertain, approximate) => {
    expect(parseDate(s)).toMatchObject({ min, max, uncertain, approximate });
    expect(parseDate(s)).toEqual(grammarDate(s));
  });

  test('the sets and qualified dates of the bundled graphs are read without the grammar', () => {
    const forms = ['[1929-01..1929-06]', '[..1931-11]', '[1932-09..]', '[1928..1931]', '[..1927]', '1931-12~', '1924-12?', '1930-07-01%'];
    const before = grammarCalls.n;
    for (const f of forms) parseDate(f);
    expect(grammarCalls.n).toBe(before);
    // A season still goes to the grammar.
    parseDate('1932-22');
    expect(grammarCalls.n).toBe(before + 1);
  });
});
