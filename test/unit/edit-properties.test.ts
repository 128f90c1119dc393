/**
 * Restructurings compose: any sequence of splits, merges, renames, re-parents, creations and
 * abolitions on organs that exist at its date, one a year, gives a graph the validation accepts,
 * where each split or merge's inputs are gone just after it (as stepping shows it), its outputs there, and lineage
 * leads from the inputs to the outputs (fast-check, fixed seed, bounded runs).
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { addOrgan, addSource, emptyGraph, restructure, type Restructuring } from '../../src/model/edit.ts';
import { lineage } from '../../src/model/lineage.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import { justAfter } from '../../src/model/steps.ts';
import type { Graph } from '../../src/model/types.ts';
import { validateGraph } from '../../src/model/validate.ts';

const S = ['s'];
const KINDS = ['split', 'merge', 'rename', 're-parent', 'create', 'abolish'] as const;
const stepArb = fc.record({ kind: fc.constantFrom(...KINDS), a: fc.nat(50), b: fc.nat(50), n: fc.integer({ min: 2, max: 3 }) });

function start(): Graph {
  let g = addSource(emptyGraph('g', 'G'), 's', { citation: 'A report' });
  g = addOrgan(g, { id: 'root', type: 'unit', typeLabel: 'ministry', name: 'Root', start: '1950', sources: S });
  for (const id of ['a', 'b', 'c']) g = addOrgan(g, { id, type: 'department', name: id.toUpperCase(), start: '1950', parent: 'root', sources: S });
  return g;
}

test('any sequence of restructurings keeps the graph valid and its lineage whole', () => {
  fc.assert(
    fc.property(fc.array(stepArb, { minLength: 1, maxLength: 8 }), (steps) => {
      let g = start();
      let fresh = 0;
      steps.forEach((s, i) => {
        const date = String(1951 + i);
        const snap = snapshot(buildModel(g), at(date));
        const alive = [...snap.organs.keys()].filter((id) => id !== 'root').sort();
        const pick = (k: number) => alive[k % alive.length];
        const newOrgan = () => ({ id: `n${++fresh}`, type: 'department' as const, name: `New ${fresh}`, sources: [] });
        let r: Restructuring | undefined;
        const base = { date, sources: S };
        if (s.kind === 'create') r = { ...base, kind: 'create', organ: { ...newOrgan(), parent: 'root' } };
        else if (!alive.length) return;
        else if (s.kind === 'split') {
          const into = Array.from({ length: s.n }, newOrgan);
          r = { ...base, kind: 'split', organ: pick(s.a), into, childrenTo: s.b % 2 ? into[0].id : undefined };
        }
        else if (s.kind === 'merge') {
          const two = [...new Set([pick(s.a), pick(s.b)])];
          if (two.length < 2) return;
          r = { ...base, kind: 'merge', organs: two, into: newOrgan() };
        } else if (s.kind === 'rename') r = { ...base, kind: 'rename', organ: pick(s.a), name: `Renamed ${i}` };
        else if (s.kind === 'abolish') r = { ...base, kind: 'abolish', organ: pick(s.a) };
        else {
          // Under the root or another organ not within its own subtree.
          const organ = pick(s.a);
          const within = (id: string | undefined): boolean => id !== undefined && (id === organ || within(snap.organs.get(id)?.parent));
          const parent = [pick(s.b), 'root'].find((p) => !within(p))!;
          r = { ...base, kind: 're-parent', organ, parent };
        }
        g = restructure(g, r);
        const e = g.events!.at(-1)!;
        if (r.kind === 'split' || r.kind === 'merge') {
          const after = justAfter(buildModel(g), e.id)!.snapshot;
          for (const id of e.inputs) expect(after.organs.has(id)).toBe(false);
          for (const id of e.outputs) expect(after.organs.has(id)).toBe(true);
          for (const id of e.inputs) expect(lineage(g, id).successors.map((x) => x.organ)).toEqual(expect.arrayContaining(e.outputs));
        }
      });
      expect(validateGraph(g).filter((x) => x.severity === 'error')).toEqual([]);
    }),
    { seed: Number(process.env.FUZZ_SEED ?? 1950), numRuns: Number(process.env.FUZZ_RUNS ?? 100) },
  );
});
