/**
 * The rest of issue 16, read against the thesis: Table 7-1 and the raion figures chapter 7 gives,
 * the number of obkom secretaries over time (footnote 33), Russkii dizel''s party organisation,
 * and the rule that a factory's party organisation placed only by the factory's location is inferred.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main.ts';
import { at } from '../../../src/model/model.ts';
import { figureRows } from '../../../src/model/queries.ts';
import { model, snap, thesisText, valuesAt } from './load.ts';

/** `figures <graph> --organ <id> --json`, as a user would ask. */
function figures(graph: string, organ: string, date?: string): { measure: string; value: number; date: string }[] {
  const out: string[] = [];
  expect(run(['figures', graph, '--organ', organ, ...(date ? ['--at', date] : []), '--json'], (s) => out.push(s), () => {})).toBe(0);
  return JSON.parse(out.join('\n'));
}

describe('Table 7-1: economic questions discussed by party organs in the Moskovsko-narvskii raion (lines 16853-16874)', () => {
  const columns = ['raikom', 'kollektiv-bureaux', 'kollektiv-plenums', 'workshop-cell-bureaux', 'workshop-cell-plenums'];
  const table: Record<string, (number | null)[]> = {
    '1927': [8, 10.8, 4.4, 2.4, null],
    '1928': [14, 18.8, 9.8, 10.2, 8.2],
    '1929': [20, 20.8, 20.4, 17.8, 17.4],
  };
  for (const [year, row] of Object.entries(table))
    it(year, () => {
      const rows = figures('leningrad-membership', 'raikom-moskovsko-narvskii').filter((f) => f.date === year && f.measure.startsWith('economic-questions-'));
      const got = columns.map((c) => rows.find((r) => r.measure === `economic-questions-${c}`)?.value ?? null);
      expect(got).toEqual(row);
      const printed = thesisText().split('\n')[Number(year) - 1927 === 0 ? 16868 : 16869 + Number(year) - 1927].split(/\s+/);
      expect(printed.slice(1, 6)).toEqual(row.map((v) => (v === null ? '-' : String(v))));
    });
  it('the text: 20 per cent at the raikom and kollektivy, 18 at workshop cell bureaux in 1929 (lines 16843-16846)', () => {
    const r = figures('leningrad-membership', 'raikom-moskovsko-narvskii', '1929');
    expect(Math.round(r.find((f) => f.measure === 'economic-questions-workshop-cell-bureaux')!.value)).toBe(18);
  });
});

describe('the raion figures chapter 7 gives', () => {
  it('Moskovsko-narvskii: 20 per cent of workers at production meetings in 1928, 38 in 1930 (lines 18373-18375); 80,000 shockworkers in 1930 (line 19738)', () => {
    expect(valuesAt('leningrad-industry', 'raion-moskovsko-narvskii', 'production-meeting-participation', '1928')).toEqual([20]);
    expect(valuesAt('leningrad-industry', 'raion-moskovsko-narvskii', 'production-meeting-participation', '1930')).toEqual([38]);
    expect(valuesAt('leningrad-industry', 'raion-moskovsko-narvskii', 'shockworkers', '1930')).toEqual([80000]);
  });
  it("Vyborgskii: 25,417 communists in socialist competition in March 1932 (line 19636)", () => {
    expect(valuesAt('leningrad-membership', 'raikom-vyborgskii', 'communists-in-competition', '1932-03')).toEqual([25417]);
  });
});

describe('obkom secretaries over time (footnote 33, line 14172; §3.1.1)', () => {
  it('two in March 1929, three from April 1930, five by the end of 1931', () => {
    const n = (d: string) => figureRows(model('leningrad-apparatus'), { at: at(d), organ: 'obkom-secretariat' }).filter((r) => r.measure === 'secretaries').map((r) => r.value);
    expect(n('1929-03')).toEqual([2]);
    expect(n('1930-06')).toEqual([3]);
    expect(n('1932-01')).toEqual([5]);
    const end1931 = (model('leningrad-apparatus').graph.figures ?? []).find((f) => f.organ === 'obkom-secretariat' && f.measure === 'secretaries' && f.date === '1931-12')!;
    expect(end1931.sources).toContain('s612-fn33');
  });
});

describe("factory party organisations under their raikoms", () => {
  it("Russkii dizel''s party organisation (1931-32) stands under the Vyborgskii raikom by an inferred placement", () => {
    const o = snap('leningrad-region', '1931-06').organs.get('russkii-dizel-kollektiv')!;
    expect(o.parent).toBe('raikom-vyborgskii');
    expect(o.parentCertainty).toBe('inferred');
    expect(snap('leningrad-region', '1930-06').organs.get('russkii-dizel-kollektiv')?.vague).toBe(true);
  });
  it('a placement read only from the factory\'s location is inferred; one the party\'s side states is not', () => {
    const s = snap('leningrad-region', '1929-10');
    for (const id of ['karl-marx-party-committee', 'stalin-party-committee', 'baltic-kollektiv', 'kp-party-committee', 'lenin-party-committee'])
      expect(s.organs.get(id)?.parentCertainty, id).toBe('inferred');
    const later = snap('leningrad-region', '1931-06');
    expect(later.organs.get('kt-party-committee')).toMatchObject({ parent: 'raikom-narvskii', parentCertainty: 'stated' }); // "directly accountable to Narvskii raikom", line 7326
  });
});
