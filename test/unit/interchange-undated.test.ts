/**
 * Graphs with no dates at all (most files other tools write): cycles, two parents and self-loops
 * that hold "throughout" are reported as issues, never a crash ("Invalid time value" was one).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exportCsv, importCsv } from '../../src/io/csv.ts';
import { exportGexf, importGexf } from '../../src/io/gexf.ts';
import { exportGraphml, importGraphml } from '../../src/io/graphml.ts';
import { buildModel } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import { at } from '../../src/model/model.ts';
import type { Graph } from '../../src/model/types.ts';
import { validateGraph } from '../../src/model/validate.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 1927;

/** Up to 8 organs without dates and any edges between them (cycles and self-loops included). */
const undatedArb = fc
  .record({ n: fc.integer({ min: 1, max: 8 }), edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 14 }) })
  .map(({ n, edges }): Graph => ({
    apparat: 1,
    id: 'undated',
    title: 'undated',
    sources: { s: { citation: 's' } },
    organs: Array.from({ length: n }, (_, i) => ({ id: `o${i}`, type: 'unit' as const, names: [{ name: `n${i}` }], exists: [{}], sources: ['s'] })),
    edges: edges.map(([c, p]) => ({ child: `o${c % n}`, parent: `o${p % n}` })),
  }));

describe('undated graphs', () => {
  test('a cycle with no dates is an issue that says so', () => {
    const g: Graph = {
      apparat: 1,
      id: 'c',
      title: 'c',
      sources: { s: { citation: 's' } },
      organs: ['a', 'b'].map((id) => ({ id, type: 'unit' as const, names: [{ name: id }], exists: [{}], sources: ['s'] })),
      edges: [
        { child: 'a', parent: 'b' },
        { child: 'b', parent: 'a' },
      ],
    };
    const cycle = validateGraph(g).find((i) => i.rule === 'cycle');
    expect(cycle?.message).toMatch(/cycle of subordination from the beginning .*a → b → a|b → a → b/);
  });

  test('validation, the model, snapshots and every export and re-import never throw', () => {
    fc.assert(
      fc.property(undatedArb, (g) => {
        const issues = validateGraph(g);
        for (const i of issues) expect(i.message).not.toMatch(/Invalid time value|NaN|Infinity/);
        if (!issues.some((i) => i.severity === 'error')) snapshot(buildModel(g), at('1930'));
        for (const [file, read] of [
          ['x.gexf', () => importGexf(exportGexf(g), 'x.gexf')],
          ['x.graphml', () => importGraphml(exportGraphml(g), 'x.graphml')],
          ['x', () => importCsv(exportCsv(g), 'x')],
        ] as const) {
          const r = read();
          for (const i of r.issues) expect(i.file, i.message).toMatch(new RegExp(`^${file}`));
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);
});
