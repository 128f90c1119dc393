import { expect, test } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic.ts';
import { viewTree } from '../../src/layout/view.ts';
import { finish } from '../../src/model/in-steps.ts';
import { at, buildModel, type Model } from '../../src/model/model.ts';
import { snapshot, snapshotInSteps } from '../../src/model/snapshot.ts';
import { disagree } from '../../src/render/figures.ts';
import { derive } from '../../src/ui/app/derive.ts';
import { StepFolds } from '../../src/ui/app/step-folds.ts';
import { bundled } from './data/load.ts';
import { sample } from './graphs.ts';

const YEARS = ['1927', '1928', '1929', '1930', '1931', '1932', '1933', '1934'];
const viewAt = (date: string) => ({ at: date, hide: [], collapse: [], trail: [] });

test("the legend's mark of disagreeing sources is shown exactly when an organ drawn has figures that disagree", () => {
  const models: Model[] = [buildModel(sample()), ...bundled().values()];
  let shown = 0;
  for (const model of models)
    for (const date of YEARS) {
      const d = derive(model, viewAt(date), new StepFolds());
      const drawnDisagree = model.graph.kind !== 'prescribed' && [...d.tree.organs.values()].some((o) => [...o.figures.values()].some((l) => disagree(l)));
      expect(d.legend.conflict, `${model.graph.id} at ${date}`).toBe(drawnDisagree);
      if (d.legend.conflict) shown++;
    }
  // The sample's figures disagree from 1932: the mark is seen, not only its absence.
  expect(shown).toBeGreaterThan(0);
});

test('a snapshot worked out in steps (a large graph across frames) is the snapshot worked out at once', () => {
  const model = buildModel(syntheticGraph(3000));
  for (const date of ['1925', '1930']) {
    const steps = snapshotInSteps(model, at(date), undefined, 100);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    const whole = snapshot(model, at(date));
    expect(pauses).toBeGreaterThan(10);
    expect([...r.value.organs.keys()]).toEqual([...whole.organs.keys()]);
    expect(r.value.roots).toEqual(whole.roots);
    expect(r.value.children).toEqual(whole.children);
    expect([...r.value.organs.values()].map((o) => [o.parent, o.name, o.vague])).toEqual([...whole.organs.values()].map((o) => [o.parent, o.name, o.vague]));
    expect(finish(snapshotInSteps(model, at(date))).organs.size).toBe(whole.organs.size);
  }
});

test('with nothing filtered, the view tree is the snapshot as it is: the same organs, children and parents as through a filter that hides nothing', () => {
  const snap = snapshot(buildModel(syntheticGraph(3000)), at('1930'));
  const plain = viewTree(snap);
  const filtered = viewTree(snap, { hidden: new Set(['no-such-type']) });
  expect(new Set(plain.organs.keys())).toEqual(new Set(filtered.organs.keys()));
  expect(plain.roots).toEqual(filtered.roots);
  expect(plain.children).toEqual(filtered.children);
  expect(plain.parent.size).toBe(filtered.parent.size);
  expect(new Map(plain.parent)).toEqual(filtered.parent);
  expect(plain.hiddenCount).toBe(0);
  expect(plain.folded.size).toBe(0);
});
