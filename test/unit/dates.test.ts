import { describe, expect, test } from 'vitest';
import { bounds, checkDate, formatDate, formatInterval, parseDate, presence } from '../../src/model/dates.ts';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('EDTF dates', () => {
  test('a date stands for its whole span', () => {
    expect([iso(parseDate('1930-07').min), iso(parseDate('1930-07').max)]).toEqual(['1930-07-01', '1930-07-31']);
    expect([iso(parseDate('1932-06-21').min), iso(parseDate('1932-06-21').max)]).toEqual(['1932-06-21', '1932-06-21']);
    expect([iso(parseDate('1928').min), iso(parseDate('1928').max)]).toEqual(['1928-01-01', '1928-12-31']);
    expect([iso(parseDate('193X').min), iso(parseDate('193X').max)]).toEqual(['1930-01-01', '1939-12-31']);
  });

  test('seasons are Leningrad seasons: summer is June to August, winter runs into the next year', () => {
    expect([iso(parseDate('1932-22').min), iso(parseDate('1932-22').max)]).toEqual(['1932-06-01', '1932-08-31']);
    expect([iso(parseDate('1930-21').min), iso(parseDate('1930-21').max)]).toEqual(['1930-03-01', '1930-05-31']);
    expect([iso(parseDate('1930-24').min), iso(parseDate('1930-24').max)]).toEqual(['1930-12-01', '1931-02-28']);
    expect(parseDate('1932-22').precision).toBe('season');
  });

  test('uncertain and approximate dates keep their flags and their words', () => {
    expect(parseDate('1930?')).toMatchObject({ uncertain: true, approximate: false, precision: 'year' });
    expect(parseDate('1930~')).toMatchObject({ uncertain: false, approximate: true });
    expect(formatDate('1930?')).toBe('1930?');
    expect(formatDate('1930~')).toBe('c. 1930');
    expect(formatDate('1932-22')).toBe('summer 1932');
    expect(formatDate('1931-12-12')).toBe('12 December 1931');
    expect(formatDate('1930-07')).toBe('July 1930');
  });

  test('one-of sets: first attested by, gone by, between', () => {
    expect(parseDate('[..1929-05]')).toMatchObject({ min: -Infinity, precision: 'set' });
    expect(iso(parseDate('[..1929-05]').max)).toBe('1929-05-31');
    expect(iso(parseDate('[1929..]').min)).toBe('1929-01-01');
    expect(parseDate('[1929..]').max).toBe(Infinity);
    expect([iso(parseDate('[1930-07..1930-09]').min), iso(parseDate('[1930-07..1930-09]').max)]).toEqual(['1930-07-01', '1930-09-30']);
    expect(formatDate('[..1929-05]')).toBe('by May 1929');
    expect(formatDate('[1929..]')).toBe('1929 or later');
    expect(formatDate('[1932-04..1932-06]')).toBe('April 1932 to June 1932');
    expect(formatDate('[1930,1931]')).toBe('1930 or 1931');
    expect(checkDate('{1930,1931}')).toMatch(/single date/);
  });

  test('open ends reach forever', () => {
    const b = bounds({ start: '1930' });
    expect(b.endMax).toBe(Infinity);
    expect(bounds({ end: '1934' }).startMin).toBe(-Infinity);
    expect(bounds({ start: '..', end: '1934' }).startMin).toBe(-Infinity);
    expect(formatInterval({ start: '1927-11' })).toBe('from November 1927');
    expect(formatInterval({ end: '1934' })).toBe('until 1934');
    expect(formatInterval({ start: '1928', end: '1930-22' })).toBe('1928 – summer 1930');
  });

  test('bad dates are refused in plain words', () => {
    expect(checkDate('1928-02-30')).toMatch(/not an EDTF date/);
    expect(checkDate('1932-13')).toMatch(/not an EDTF date/);
    expect(checkDate('summer 1932')).toMatch(/not an EDTF date/);
    expect(checkDate('1930/1931')).toMatch(/single date/);
    expect(checkDate(1930)).toMatch(/must be a string/);
    expect(checkDate('1930-07')).toBeUndefined();
  });
});

describe('"at D": may an interval exist at a date?', () => {
  const from = (start: string, end?: string) => bounds({ start, end });

  test('an organ from 1930-07 exists at 1930-07-15 and at 1930-07, certainly', () => {
    expect(presence(from('1930-07'), parseDate('1930-07-15'))).toBe(1);
    expect(presence(from('1930-07'), parseDate('1930-07'))).toBe(2);
    expect(presence(from('1930-07'), parseDate('1930-06-30'))).toBe(0);
  });

  test('a day-precise start is certain on that very day', () => {
    expect(presence(from('1931-12-12'), parseDate('1931-12-12'))).toBe(2);
    expect(presence(from('1931-12-12'), parseDate('1931-12-11'))).toBe(0);
  });

  test('a query coarser than the data: created mid-1930, it existed at some time in 1930', () => {
    expect(presence(from('1930-07-15'), parseDate('1930'))).toBe(2);
    expect(presence(from('1928', '1930-07-15'), parseDate('1930'))).toBe(2);
    expect(presence(from('1928', '1929'), parseDate('1930'))).toBe(0);
  });

  test('inside a vague end the organ may still exist: it is vague there', () => {
    expect(presence(from('1928', '1930-22'), parseDate('1930-07-01'))).toBe(1);
    expect(presence(from('1928', '1930-22'), parseDate('1930-05-31'))).toBe(2);
    expect(presence(from('1928', '1930-22'), parseDate('1930-09-01'))).toBe(0);
  });

  test('an organ first attested in May 1929 may exist before, and certainly does after', () => {
    expect(presence(from('[..1929-05]', '1932'), parseDate('1928'))).toBe(1);
    expect(presence(from('[..1929-05]', '1932'), parseDate('1929-06'))).toBe(2);
    // Last attested April 1932, gone by June 1932.
    expect(presence(from('1929', '[1932-04..1932-06]'), parseDate('1932-05'))).toBe(1);
    expect(presence(from('1929', '[1932-04..1932-06]'), parseDate('1932-03'))).toBe(2);
    expect(presence(from('1929', '[1932-04..1932-06]'), parseDate('1932-07'))).toBe(0);
  });

  test('an uncertain or approximate bound makes presence vague', () => {
    expect(presence(from('1929?'), parseDate('1931'))).toBe(1);
    expect(presence(from('1928', '1932~'), parseDate('1930'))).toBe(1);
    expect(presence(from('1928', '1932'), parseDate('1930'))).toBe(2);
  });
});
