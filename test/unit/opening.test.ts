/**
 * Where the explorer opens: the month with the most organs that certainly existed, counted
 * without building a snapshot per month — the same month as counting the snapshots' organs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { at, buildModel, type Model } from '../../src/model/model.ts';
import { defaultDate } from '../../src/model/opening.ts';
import { certainCount, snapshot } from '../../src/model/snapshot.ts';
import type { Graph } from '../../src/model/types.ts';
import { dateArb, graphArb } from './arbitraries.ts';

/** Organs that certainly existed at a date, as a snapshot shows them. */
const certainInSnapshot = (model: Model, d: string) => [...snapshot(model, at(d)).organs.values()].filter((o) => !o.vague).length;

/** Generated graphs with some bounds made vague (qualified, or a set), so that not every organ is certain. */
const vagueGraphArb = fc.tuple(graphArb, fc.array(fc.constantFrom('', '?', '~', 'set'), { minLength: 30, maxLength: 30 })).map(([g, marks]): Graph => ({
  ...g,
  organs: g.organs.map((o, i) => {
    const mark = marks[i % marks.length];
    if (!mark || i === 0) return o;
    return { ...o, exists: o.exists.map((e) => (mark === 'set' ? { ...e, start: `[${e.start}..${e.end}]` } : { ...e, end: `${e.end}${mark}` })) };
  }),
}));

describe('opening date', () => {
  test('certainCount is the number of organs a snapshot shows as certain', () => {
    fc.assert(
      fc.property(vagueGraphArb, dateArb, (g, d) => {
        const model = buildModel(g);
        expect(certainCount(model, at(d))).toBe(certainInSnapshot(model, d));
      }),
      { numRuns: 300 },
    );
  });

  /** The month defaultDate looks for, found by counting each month's snapshot. */
  const bySnapshots = (model: Model) => defaultDate(model, (d) => [...snapshot(model, d).organs.values()].filter((o) => !o.vague).length);

  test('defaultDate is the first month with the most certain organs, in every bundled graph', () => {
    const files = readdirSync('graphs').filter((f) => f.endsWith('.json') && !f.includes('schema'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const model = buildModel(JSON.parse(readFileSync(`graphs/${f}`, 'utf8')) as Graph);
      expect(defaultDate(model), f).toBe(bySnapshots(model));
    }
  });

  test('defaultDate agrees with the snapshots on generated graphs', () => {
    fc.assert(
      fc.property(vagueGraphArb, (g) => {
        const model = buildModel(g);
        expect(defaultDate(model)).toBe(bySnapshots(model));
      }),
      { numRuns: 100 },
    );
  });
});
