/**
 * Tables 6-10 to 6-13 (§6.2.1): shares of the elected party workers below the raikom — workers by
 * social origin and by occupation, length of party membership — as figures of the groups of
 * officials in leningrad-officials, read back through `figures`. What the OCR does not let us read
 * is left out (and the text's figures stand for it); these tests say which cells.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main.ts';
import { around, model, valuesAt } from './load.ts';

const ID = 'leningrad-officials';

/** `figures leningrad-officials --organ <id> --json`: measure and date to values. */
function figures(organ: string): Map<string, number[]> {
  const out: string[] = [];
  expect(run(['figures', ID, '--organ', organ, '--json'], (s) => out.push(s), () => {})).toBe(0);
  const rows = JSON.parse(out.join('\n')) as { measure: string; date: string; value: number }[];
  const m = new Map<string, number[]>();
  for (const r of rows) m.set(`${r.measure} ${r.date}`, [...(m.get(`${r.measure} ${r.date}`) ?? []), r.value]);
  return m;
}
/** A table row: the values of one organ and measure over the table's dates (null: no figure). */
const row = (organ: string, measure: string, dates: string[]) => {
  const all = figures(organ);
  return dates.map((d) => all.get(`${measure} ${d}`) ?? null);
};

describe('Table 6-10: workers by social origin (lines 15731-15756)', () => {
  const dates = ['1927-10', '1928-05', '1928-10', '1929', '1930', '1931', '1932'];
  it('every row the OCR gives', () => {
    expect(row('city-factory-partkom-members', 'members-workers-by-origin', dates)).toEqual([null, null, null, [90.7], [90.8], null, null]);
    expect(row('city-factory-partkom-members', 'secretaries-workers-by-origin', dates)).toEqual([null, null, null, [83.3], [90.5], null, null]);
    expect(row('city-kollektiv-bureaux', 'members-workers-by-origin', dates)).toEqual([[72.1], [72.5], [73.3], [73.7], [78], [80.6], [79]]);
    expect(row('city-kollektiv-bureaux', 'secretaries-workers-by-origin', dates)).toEqual([[68.7], [72.5], null, [78.9], [80.7], null, null]);
    expect(row('city-workshop-cell-bureaux', 'members-workers-by-origin', dates)).toEqual([[91.4], [89], [90.6], [90.5], [90.4], [90.4], [89.9]]);
    expect(row('city-workshop-cell-bureaux', 'secretaries-workers-by-origin', dates)).toEqual([[94.4], [92], null, null, null, [93], null]);
  });
  it("the factory kollektiv rows lost in the OCR come from the text: 85 to 90 (members), 80 to 90 (secretaries), Oct. 1927 to 1931 (lines 15700-15706)", () => {
    expect(row('city-factory-kollektiv-bureaux', 'members-workers-by-origin', ['1927-10', '1931'])).toEqual([[85], [90]]);
    expect(row('city-factory-kollektiv-bureaux', 'secretaries-workers-by-origin', ['1927-10', '1931'])).toEqual([[80], [90]]);
  });
});

describe('Table 6-11: workers by occupation (lines 15786-15802)', () => {
  const dates = ['1927-10', '1928-05', '1928-10', '1929', '1930'];
  it('every cell the OCR lets us read, the text beside the table where they differ', () => {
    // 1930: the table's "<57.8" is unreadable; the text's 68 stands alone.
    expect(row('city-factory-partkom-members', 'members-workers-by-occupation', dates)).toEqual([null, null, null, [62.7], [68]]);
    // 1930: 38.3 (table) and 39 (text) side by side.
    expect(row('city-kollektiv-bureaux', 'members-workers-by-occupation', dates)).toEqual([[34.5], [38.6], [42], [37.7], [38.3, 39]]);
    expect(row('city-kollektiv-bureaux', 'secretaries-workers-by-occupation', dates)).toEqual([[16], [18.9], null, null, null]);
    expect(row('city-workshop-cell-bureaux', 'members-workers-by-occupation', dates)).toEqual([[86.7], [85.2], [85.6], [84.2], [86.8]]);
    expect(row('city-workshop-cell-bureaux', 'secretaries-workers-by-occupation', dates)).toEqual([[88], [89], null, [90.3], [90.9]]);
    const f = model(ID).graph.figures!.find((x) => x.organ === 'city-workshop-cell-bureaux' && x.measure === 'secretaries-workers-by-occupation' && x.date === '1927-10')!;
    expect(f.qualifier).toBe('approx'); // "88^" in the OCR
  });
  it('factory kollektivy: 51 and 55.5 (members), over 25 and 29 (secretaries) (lines 15820-15826)', () => {
    expect(row('city-factory-kollektiv-bureaux', 'members-workers-by-occupation', ['1927-10', '1928-05'])).toEqual([[51], [55.5]]);
    expect(row('city-factory-kollektiv-bureaux', 'secretaries-workers-by-occupation', ['1927', '1928-05'])).toEqual([[25], [29]]);
  });
});

/** The shares of one group at one date, by bracket, as a table row. */
function shares(organ: string, who: string, date: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of model(ID).graph.figures!) if (f.organ === organ && f.measure.startsWith(`${who}-`) && f.date === date && /joined|member-/.test(f.measure)) out[f.measure.slice(who.length + 1)] = f.value;
  return out;
}

describe('Tables 6-12 and 6-13: length of party membership (lines 16020-16060, 16081-16105)', () => {
  it('kollektiv bureau members (Table 6-12)', () => {
    expect(shares('city-kollektiv-bureaux', 'members', '1927-10')).toEqual({ 'joined-before-1924': 55.1, 'joined-1924-on': 44.9 });
    expect(shares('city-kollektiv-bureaux', 'members', '1931-11')).toEqual({ 'joined-before-1924': 28.1, 'joined-1924-1926': 30.9, 'joined-1927-1929': 29.3, 'joined-1930-1931': 11.7 });
  });
  it("factory kollektiv secretaries: three values summing to 100 read as before 1924, 1924-1926 and 1927 on; December 1933 by length of membership (lines 16069-16079)", () => {
    expect(shares('city-factory-kollektiv-bureaux', 'secretaries', '1931-12')).toEqual({ 'joined-before-1924': 31.8, 'joined-1924-1926': 41.5, 'joined-1927-on': 26.7 });
    expect(shares('city-factory-kollektiv-bureaux', 'secretaries', '1933-12')).toEqual({ 'member-over-10-years': 29.7, 'member-5-10-years': 50.6, 'member-under-5-years': 14 });
  });
  it('workshop cell bureau members and secretaries (Table 6-13)', () => {
    expect(shares('city-workshop-cell-bureaux', 'members', '1928-11')).toEqual({ 'joined-before-1924': 19.4, 'joined-1924-1926': 57.9, 'joined-1927-1929': 22.7 });
    expect(shares('city-workshop-cell-bureaux', 'secretaries', '1931-12')).toEqual({ 'joined-before-1924': 11.9, 'joined-1924-1926': 34, 'joined-1927-1929': 35.6, 'joined-1930-1931': 18.5 });
  });
  it('every row of brackets of joining sums to 100 (within the rounding the tables print, 100.5 at most), so no value sits in a wrong bracket', () => {
    const rows = new Map<string, number>();
    for (const f of model(ID).graph.figures!) if (/-joined-/.test(f.measure) && f.sources.some((x) => /^t6-1[23]-\d$/.test(x))) rows.set(`${f.organ} ${f.measure.split('-joined-')[0]} ${f.date}`, (rows.get(`${f.organ} ${f.measure.split('-joined-')[0]} ${f.date}`) ?? 0) + f.value);
    expect(rows.size).toBe(25); // 16 rows of Table 6-12 (December 1933 is by length, not year) and 9 of Table 6-13
    for (const [k, sum] of rows) expect(Math.abs(sum - 100), k).toBeLessThanOrEqual(0.5);
  });
  it("the text's readings agree: nearly half of the factory kollektiv bureau members joined in or after 1927 by November 1931 (line 16000)", () => {
    const s = shares('city-factory-kollektiv-bureaux', 'members', '1931-11');
    expect(s['joined-1927-1929'] + s['joined-1930-1931']).toBeCloseTo(47.9, 5);
    expect(valuesAt(ID, 'city-workshop-cell-bureaux', 'members-joined-before-1924', '1931-11')).toEqual([8.9]); // "only nine per cent"
    // After the table: 13 per cent of workshop cell secretaries pre-1924 by the end of 1933; about 27 per cent under two years in April 1932.
    expect(valuesAt(ID, 'city-workshop-cell-bureaux', 'secretaries-joined-before-1924', '1933-12')).toEqual([13]);
    expect(valuesAt(ID, 'city-workshop-cell-bureaux', 'secretaries-member-under-2-years', '1932-04')).toEqual([27]);
  });
});

describe('every value stands in the lines its source cites', () => {
  it('each figure from Tables 6-10 to 6-13 and the text beside them is printed there (OCR marks stripped: "(55.5)", "88^")', () => {
    const g = model(ID).graph;
    const shares = g.figures!.filter((f) => f.sources.some((s) => /^t6-1[0-3]-/.test(s) || s === 'unit-organisers-1927-workers'));
    expect(shares.length).toBeGreaterThan(120);
    for (const f of shares) {
      const lines = g.sources[f.sources[0]].lines!;
      const printed = around(lines, 0).split(/\s+/).map((t) => Number(t.replace(/[^0-9.]/g, '').replace(/\.$/, '')));
      expect(printed, `${f.organ} ${f.measure} ${f.date} ${f.value} (lines ${lines})`).toContain(f.value);
    }
  });
});
