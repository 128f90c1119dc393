/** Timeline ticks grouped or spread so that none covers another (src/render/ticks.ts). */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDate } from '../../src/model/dates.ts';
import { eventsInOrder } from '../../src/model/lineage.ts';
import { buildModel } from '../../src/model/model.ts';
import type { Graph } from '../../src/model/types.ts';
import { layoutTicks, tickAt, YEAR_LABEL_GAP, yearLabels, type Tick } from '../../src/render/ticks.ts';

function checkTicks(ticks: Tick[], input: { id: string; x: number }[], width: number, minGap: number, maxShift: number) {
  // Every event is shown by exactly one tick.
  expect(ticks.flatMap((t) => t.ids).sort()).toEqual(input.map((e) => e.id).sort());
  // No tick covers another, and each stays on the track.
  const xs = ticks.map((t) => t.x);
  for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(minGap - 1e-6);
  for (const x of xs) expect(x >= -1e-6 && x <= width + 1e-6).toBe(true);
  // A lone tick stays near its date; a click on a tick opens that tick.
  const at = new Map(input.map((e) => [e.id, e.x]));
  for (const t of ticks) {
    if (t.ids.length === 1) expect(Math.abs(t.x - at.get(t.ids[0])!)).toBeLessThanOrEqual(maxShift + 1e-6);
    expect(tickAt(ticks, t.x + minGap / 2 - 0.01, minGap / 2)).toBe(t);
  }
}

describe('layoutTicks', () => {
  test('ticks far apart stay where their dates are', () => {
    const ticks = layoutTicks([{ id: 'a', x: 10 }, { id: 'b', x: 100 }, { id: 'c', x: 300 }], { width: 400, minGap: 24 });
    expect(ticks).toEqual([{ x: 10, ids: ['a'] }, { x: 100, ids: ['b'] }, { x: 300, ids: ['c'] }]);
  });

  test('two close ticks are spread apart around their dates', () => {
    const ticks = layoutTicks([{ id: 'a', x: 100 }, { id: 'b', x: 110 }], { width: 400, minGap: 24 });
    expect(ticks).toEqual([{ x: 93, ids: ['a'] }, { x: 117, ids: ['b'] }]);
  });

  test('many events on one date become one group tick with their count', () => {
    const same = ['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => ({ id, x: 200 }));
    const ticks = layoutTicks([{ id: 'early', x: 20 }, ...same, { id: 'late', x: 380 }], { width: 400, minGap: 24 });
    expect(ticks).toEqual([{ x: 20, ids: ['early'] }, { x: 200, ids: ['e1', 'e2', 'e3', 'e4', 'e5'] }, { x: 380, ids: ['late'] }]);
  });

  test('ticks at the ends of the track stay on it', () => {
    const ticks = layoutTicks([{ id: 'a', x: 0 }, { id: 'b', x: 2 }], { width: 400, minGap: 24, maxShift: 30 });
    expect(ticks).toEqual([{ x: 0, ids: ['a'] }, { x: 24, ids: ['b'] }]);
  });

  test('the 37 events of the regional graph on a 700 px track: none covers another', () => {
    const graph = JSON.parse(readFileSync('graphs/leningrad-region.json', 'utf8')) as Graph;
    const model = buildModel(graph);
    const { min, max } = model.period;
    const input = eventsInOrder(graph).map((e) => ({ id: e.id, x: ((parseDate(e.date).min - min) / (max - min)) * 700 }));
    const ticks = layoutTicks(input, { width: 700, minGap: 24 });
    checkTicks(ticks, input, 700, 24, 12);
    expect(ticks.length).toBeLessThan(input.length);
  });

  test('over generated positions: every event shown once, no tick covers another, a click opens the tick it is on', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 200, max: 1600 }),
        fc.integer({ min: 8, max: 40 }),
        (fractions, width, minGap) => {
          const input = fractions.map((f, i) => ({ id: `e${i}`, x: f * width }));
          checkTicks(layoutTicks(input, { width, minGap }), input, width, minGap, minGap / 2);
        },
      ),
      { seed: Number(process.env.FUZZ_SEED ?? 37), numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

describe('yearLabels', () => {
  test('every year when they fit; otherwise round years, never closer than a label needs', () => {
    expect(yearLabels(1927, 1934, 80)).toEqual([1927, 1928, 1929, 1930, 1931, 1932, 1933, 1934]);
    expect(yearLabels(1900, 2000, 7)).toEqual([1900, 1910, 1920, 1930, 1940, 1950, 1960, 1970, 1980, 1990, 2000]);
    expect(yearLabels(1903, 1999, 1.2)).toEqual([1950]);
    expect(yearLabels(1900, 2000, 0)).toEqual([]);
    for (const [first, last, px] of [[1500, 2020, 0.9], [1917, 1991, 3], [1928, 1934, 39], [0, 5000, 0.02]]) {
      const years = yearLabels(first, last, px);
      const step = years[1] - years[0];
      expect(step * px).toBeGreaterThanOrEqual(YEAR_LABEL_GAP);
      expect([1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000, 2500, 5000]).toContain(step);
      expect(years.every((y) => y % step === 0 && y >= first && y <= last)).toBe(true);
    }
  });
});
