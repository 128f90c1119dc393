/** Invariants over generated graphs (fast-check, fixed seed, bounded runs). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bounds, parseDate, presence } from '../../src/model/dates.ts';
import { applyDiff, diff } from '../../src/model/diff.ts';
import { IntervalIndex } from '../../src/model/interval-index.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { depthFirst, snapshot } from '../../src/model/snapshot.ts';
import type { Graph } from '../../src/model/types.ts';
import { validateGraph } from '../../src/model/validate.ts';

const RUNS = { seed: 1932, numRuns: 150 };

/** A date of any precision the format allows, within 1900–1960. */
const dateArb = fc.oneof(
  fc.integer({ min: 1900, max: 1960 }).map(String),
  fc.tuple(fc.integer({ min: 1900, max: 1960 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1900, max: 1960 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1900, max: 1960 }), fc.integer({ min: 21, max: 24 })).map(([y, s]) => `${y}-${s}`),
  fc.tuple(fc.integer({ min: 1900, max: 1960 }), fc.constantFrom('?', '~')).map(([y, q]) => `${y}${q}`),
);

/**
 * A valid graph: organ i's parents are organs with a smaller index whose lives cover each
 * segment of its life (else the root, which lives throughout), so no cycle and no gap can arise.
 */
const graphArb = fc
  .array(
    fc.record({
      start: fc.integer({ min: 1901, max: 1950 }),
      length: fc.integer({ min: 0, max: 30 }),
      cuts: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 2 }),
      parents: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      rename: fc.boolean(),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((specs): Graph => {
    const life: [number, number][] = [[1900, 1960]];
    const g: Graph = {
      apparat: 1,
      id: 'gen',
      title: 'generated',
      sources: { s: { citation: 's' } },
      organs: [{ id: 'root', type: 'obkom', names: [{ name: 'root' }], exists: [{ start: '1900', end: '1960' }], sources: ['s'] }],
      edges: [],
    };
    specs.forEach((spec, k) => {
      const i = k + 1;
      const [s, e] = [spec.start, Math.min(1960, spec.start + spec.length)];
      life.push([s, e]);
      const mid = Math.floor((s + e) / 2);
      g.organs.push({
        id: `o${i}`,
        type: 'unit',
        typeLabel: 'unit',
        names: spec.rename && e > s ? [{ name: `n${i}`, end: String(mid) }, { name: `m${i}`, start: String(mid) }] : [{ name: `n${i}` }],
        exists: [{ start: String(s), end: String(e) }],
        sources: ['s'],
      });
      // Segments of the life, each with its own parent; consecutive segments hand over in one year.
      const points = [...new Set([s, ...spec.cuts.map((c) => s + (c % (e - s + 1))), e])].sort((a, b) => a - b);
      for (let j = 0; j + 1 < points.length || (j === 0 && points.length === 1); j++) {
        const [a, b] = points.length === 1 ? [s, e] : [points[j], points[j + 1]];
        const candidate = spec.parents[j % 3] % i;
        const [ps, pe] = life[candidate];
        const parent = ps <= a && pe >= b ? (candidate === 0 ? 'root' : `o${candidate}`) : 'root';
        g.edges.push({ child: `o${i}`, parent, start: String(a), end: String(b) });
        if (points.length === 1) break;
      }
    });
    return g;
  });

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
