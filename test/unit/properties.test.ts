/** Invariants over generated graphs (fast-check, fixed seed, bounded runs). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bounds, parseDate, presence } from '../../src/model/dates.ts';
import { applyDiff, diff } from '../../src/model/diff.ts';
import { IntervalIndex } from '../../src/model/interval-index.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { depthFirst, snapshot } from '../../src/model/snapshot.ts';
import type { Graph } from '../../src/model/types.ts';
import { dateArb, graphArb } from './arbitraries.ts';
import { validateGraph } from '../../src/model/validate.ts';

const RUNS = { seed: 1932, numRuns: 150 };

describe('over generated graphs', () => {
  test('generated graphs are valid (the validator raises no false alarm)', () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        expect(validateGraph(g).filter((i) => i.severity === 'error')).toEqual([]);
      }),
      RUNS,
    );
  });

  test('every organ in a snapshot has its parent in the snapshot or is a root; no cycles', () => {
    fc.assert(
      fc.property(graphArb, dateArb, (g, d) => {
        const s = snapshot(buildModel(g), at(d));
        for (const o of s.organs.values()) {
          if (o.parent === undefined) expect(s.roots).toContain(o.id);
          else expect(s.organs.has(o.parent)).toBe(true);
        }
        // A depth-first walk from the roots reaches every organ exactly once: no cycle.
        const walk = depthFirst(s).map((x) => x.id);
        expect(walk.length).toBe(s.organs.size);
        expect(new Set(walk).size).toBe(walk.length);
      }),
      RUNS,
    );
  });

  test('applying diff(a, b) to snapshot(a) gives snapshot(b)', () => {
    fc.assert(
      fc.property(graphArb, dateArb, dateArb, (g, da, db) => {
        const m = buildModel(g);
        const [a, b] = [snapshot(m, at(da)), snapshot(m, at(db))];
        const expected = new Map([...b.organs].map(([id, o]) => [id, { parent: o.parent, name: o.name }]));
        expect(applyDiff(a, diff(a, b))).toEqual(expected);
      }),
      RUNS,
    );
  });

  test('the snapshot holds exactly the organs whose lives may reach the date', () => {
    fc.assert(
      fc.property(graphArb, dateArb, (g, d) => {
        const q = parseDate(d);
        const s = snapshot(buildModel(g), q);
        const expected = g.organs.filter((o) => o.exists.some((e) => presence(bounds(e), q) > 0)).map((o) => o.id);
        expect([...s.organs.keys()]).toEqual(expected);
      }),
      RUNS,
    );
  });

  test('a snapshot of arbitrary, even cyclic, subordination still reaches every organ once', () => {
    const cyclic = fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { maxLength: 30 }).map(
      (pairs): Graph => ({
        apparat: 1,
        id: 'c',
        title: 'c',
        sources: {},
        organs: Array.from({ length: 10 }, (_, i) => ({ id: `o${i}`, type: 'unit' as const, names: [{ name: `o${i}` }], exists: [{}], sources: [] })),
        edges: pairs.map(([c, p]) => ({ child: `o${c}`, parent: `o${p}` })),
      }),
    );
    fc.assert(
      fc.property(cyclic, (g) => {
        const s = snapshot(buildModel(g), at('1930'));
        expect(depthFirst(s).length).toBe(10);
      }),
      RUNS,
    );
  });
});

test('the interval index finds exactly what a scan finds', () => {
  const intervalArb = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 30 })).map(([lo, len]) => ({ lo, hi: lo + len }));
  fc.assert(
    fc.property(fc.array(intervalArb, { maxLength: 200 }), intervalArb, (list, q) => {
      const index = new IntervalIndex(list.map((x, i) => ({ ...x, item: i })));
      const found: number[] = [];
      index.overlapping(q.lo, q.hi, (i) => found.push(i));
      const expected = list.flatMap((x, i) => (x.lo <= q.hi && x.hi >= q.lo ? [i] : []));
      expect(found.sort((a, b) => a - b)).toEqual(expected);
    }),
    { seed: 1932, numRuns: 300 },
  );
});
