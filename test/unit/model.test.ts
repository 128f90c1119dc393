import { describe, expect, test } from 'vitest';
import { applyDiff, diff } from '../../src/model/diff.ts';
import { eventsOf, lineage } from '../../src/model/lineage.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { career, figureRows, postRows, stats } from '../../src/model/queries.ts';
import { ancestors, depthFirst, snapshot } from '../../src/model/snapshot.ts';
import { validateGraph } from '../../src/model/validate.ts';
import { nearestEvidence, personCareer, searchAcross } from '../../src/model/across.ts';
import type { Graph } from '../../src/model/types.ts';
import { sample } from './graphs.ts';

const model = buildModel(sample());
const snap = (d: string) => snapshot(model, at(d));

test('the sample graph is valid', () => {
  expect(validateGraph(sample()).filter((i) => i.severity === 'error')).toEqual([]);
});

describe('snapshot', () => {
  test('holds the organs of the date, each under its parent of that date', () => {
    const s = snap('1929-06');
    expect([...s.organs.keys()]).toEqual(['obkom', 'okr-a', 'okr-b', 'rai', 'cells']);
    expect(s.organs.get('rai')!.parent).toBe('okr-a');
    expect(s.roots).toEqual(['obkom']);
    expect(ancestors(s, 'rai')).toEqual(['okr-a', 'obkom']);
  });

  test('after the okrugs go, the raikom is under the obkom', () => {
    const s = snap('1931-01');
    expect(s.organs.has('okr-a')).toBe(false);
    expect(s.organs.get('rai')!.parent).toBe('obkom');
  });

  test('during the vague handover (summer 1930) the okrugs are vague and the newer parent wins', () => {
    const s = snap('1930-07-15');
    expect(s.organs.get('okr-a')!.vague).toBe(true);
    expect(s.organs.get('rai')!.parent).toBe('obkom');
    expect(s.organs.get('obkom')!.vague).toBe(false);
  });

  test('names over time: the name of the date', () => {
    expect(snap('1930').organs.get('rai')!.name).toBe('Raikom X');
    expect(snap('1932').organs.get('rai')!.name).toBe('Raikom Y');
  });

  test('figures: the latest at or before the date, with every conflicting figure of that date', () => {
    expect(snap('1930-06').organs.get('cells')!.figures.get('count')!.map((f) => f.value)).toEqual([1500]);
    expect(snap('1931-06').organs.get('cells')!.figures.get('count')!.map((f) => f.value)).toEqual([1917, 2600]);
    expect(snap('1929-06').organs.get('cells')!.figures.get('count')).toBeUndefined();
  });

  test('holders of posts at the date', () => {
    expect(snap('1930').organs.get('rai')!.holders.map((h) => h.personName)).toEqual(['I. I. Gaza']);
    expect(snap('1932').organs.get('rai')!.holders).toEqual([]);
  });

  test('depth-first order reads like an outline', () => {
    expect(depthFirst(snap('1929-06')).map((x) => `${x.depth}:${x.id}`)).toEqual(['0:obkom', '1:okr-a', '2:rai', '1:okr-b', '1:cells']);
  });

  test('a cycle in invalid data does not hang or lose organs', () => {
    const g: Graph = sample();
    g.edges.push({ child: 'obkom', parent: 'rai', start: '1931', end: '1932' });
    const s = snapshot(buildModel(g), at('1931-06'));
    expect(depthFirst(s).length).toBe(s.organs.size);
  });
});

describe('stats', () => {
  test('a counted group counts as its count; conflicting counts give a range', () => {
    const cell = stats(snap('1931-06')).find((t) => t.type === 'cell')!;
    expect([cell.min, cell.max]).toEqual([1917, 2600]);
    expect(cell.counted[0].counts).toEqual([1917, 2600]);
    expect(stats(snap('1929-06')).find((t) => t.type === 'okruzhkom')).toMatchObject({ single: 2, min: 2, max: 2 });
  });

  test('vague organs count towards the most, not the fewest', () => {
    // In summer 1930 the okrugs may or may not still exist.
    expect(stats(snap('1930-07-15')).find((t) => t.type === 'okruzhkom')).toMatchObject({ single: 2, min: 0, max: 2 });
  });

  test('a named organ that its counted group already counts is not counted twice', () => {
    const g = sample();
    g.organs.push({ id: 'named-cell', type: 'cell', countedIn: 'cells', names: [{ name: 'Cell at the Metal works' }], exists: [{ start: '1930', end: '1932' }], sources: ['s1'] });
    g.edges.push({ child: 'named-cell', parent: 'rai', start: '1930', end: '1932' });
    expect(validateGraph(g).filter((i) => i.severity === 'error')).toEqual([]);
    const cell = stats(snapshot(buildModel(g), at('1931-06'))).find((t) => t.type === 'cell')!;
    expect(cell).toMatchObject({ single: 0, within: 1, min: 1917, max: 2600 });
  });
});

describe('diff', () => {
  test('names what was added, removed, re-parented and renamed, and which figures changed', () => {
    const d = diff(snap('1929-06'), snap('1932'));
    expect(d.added).toEqual([]);
    expect(d.removed.sort()).toEqual(['okr-a', 'okr-b']);
    expect(d.reparented).toEqual([{ id: 'rai', from: 'okr-a', to: 'obkom' }]);
    expect(d.renamed).toEqual([{ id: 'rai', from: 'Raikom X', to: 'Raikom Y' }]);
    expect(d.figures).toEqual([{ id: 'cells', measure: 'count', from: [], to: [1917, 2600] }]);
  });

  test('applying the diff to the first snapshot gives the second', () => {
    const [a, b] = [snap('1928-06'), snap('1933')];
    const result = applyDiff(a, diff(a, b));
    expect(new Map([...b.organs].map(([id, o]) => [id, { parent: o.parent, name: o.name }]))).toEqual(result);
  });
});

describe('lineage and events', () => {
  test('a split: the new organs have the old as predecessor, the old has both as successors', () => {
    const g = sample();
    g.organs.push(
      { id: 'r1', type: 'rural-raikom', names: [{ name: 'R1' }], exists: [{ start: '1931-05' }], sources: ['s1'] },
      { id: 'r2', type: 'rural-raikom', names: [{ name: 'R2' }], exists: [{ start: '1931-05' }], sources: ['s1'] },
      { id: 'r3', type: 'rural-raikom', names: [{ name: 'R3' }], exists: [{ start: '1933' }], sources: ['s1'] },
    );
    g.events!.push(
      { id: 'split', date: '1931-05', kind: 'split', title: 'split', description: '', inputs: ['rai'], outputs: ['r1', 'r2'], sources: ['s1'] },
      { id: 'merge', date: '1933', kind: 'merge', title: 'merge', description: '', inputs: ['r1', 'r2'], outputs: ['r3'], sources: ['s1'] },
    );
    const l = lineage(g, 'r3');
    expect(l.predecessors.map((p) => [p.organ, p.depth, p.event])).toEqual([
      ['r1', 1, 'merge'],
      ['r2', 1, 'merge'],
      ['rai', 2, 'split'],
    ]);
    expect(lineage(g, 'rai').successors.map((s) => s.organ)).toEqual(['r1', 'r2', 'r3']);
    expect(eventsOf(g, 'rai').map((e) => e.id)).toEqual(['rename', 'split']);
  });
});

describe('people and figures', () => {
  test('who held which post, when, and a career across organs', () => {
    expect(postRows(model).map((r) => [r.personName, r.post, r.organName])).toEqual([['I. I. Gaza', 'first secretary', 'Raikom X']]);
    expect(postRows(model, at('1933'))).toEqual([]);
    expect(career(model, 'p')).toHaveLength(1);
  });

  test('figure rows: all, by organ, or in force at a date', () => {
    expect(figureRows(model)).toHaveLength(4);
    expect(figureRows(model, { organ: 'rai' }).map((f) => f.value)).toEqual([300]);
    expect(figureRows(model, { at: at('1931-06'), organ: 'cells' }).map((f) => f.value)).toEqual([1917, 2600]);
  });
});

describe('certainty of placements', () => {
  const g = sample();
  g.edges[4] = { ...g.edges[4], certainty: 'inferred', note: 'The count is oblast-wide; its raikoms are not given.', sources: ['s2'] };
  const m = buildModel(g);

  test('a snapshot says whether each placement is stated or inferred, and why', () => {
    const s = snapshot(m, at('1931'));
    expect(s.organs.get('cells')).toMatchObject({ parent: 'obkom', parentCertainty: 'inferred', parentNote: 'The count is oblast-wide; its raikoms are not given.', parentSources: ['s2'] });
    expect(s.organs.get('rai')).toMatchObject({ parent: 'obkom', parentCertainty: 'stated' });
    expect(s.organs.get('obkom')!.parent).toBeUndefined();
    expect(s.organs.get('obkom')!.parentCertainty).toBe('stated');
  });

  test('an inferred item without its reasoning is a validation error', () => {
    const bad = sample();
    bad.posts![0].certainty = 'inferred';
    bad.organs[1].names[0] = { name: 'Okrug A', certainty: 'inferred', note: ' ' };
    const issues = validateGraph(bad).filter((i) => i.rule === 'inferred-without-note');
    expect(issues.map((i) => i.path).sort()).toEqual(['organs[1].names[0]', 'posts[0]']);
  });
});

describe('across graphs', () => {
  const apparatus = sample();
  const factory: Graph = {
    apparat: 1,
    id: 'factory',
    title: 'Factory',
    sources: { f1: { citation: '§3.2.3', primary: 'Partrabotnik, no. 17', lines: '7242-7260' } },
    organs: [
      { id: 'pc', type: 'party-committee', names: [{ name: 'Putilov party committee' }], exists: [{ start: '1929', end: '1930' }, { start: '1932', end: '1933' }], sources: ['f1'] },
    ],
    edges: [],
    people: [{ id: 'p', name: 'I. I. Gaza' }, { id: 'q', name: 'P. Lysakov' }],
    posts: [
      { organ: 'pc', post: 'secretary', person: 'p', start: '1929-05', end: '1929-12', sources: ['f1'] },
      { organ: 'pc', post: 'secretary', person: 'q', start: '1932', sources: ['f1'], certainty: 'inferred', note: 'n' },
    ],
  };
  const models = [buildModel(apparatus), buildModel(factory)];

  test('a career gathers the posts of one person id from every graph, in date order, with sources', () => {
    const c = personCareer(models, 'p')!;
    expect(c.name).toBe('I. I. Gaza');
    expect(c.aliases).toEqual(['Gaza']);
    expect(c.graphs).toEqual(['sample', 'factory']);
    expect(c.posts.map((p) => [p.graph, p.organName, p.post, p.start])).toEqual([
      ['sample', 'Raikom X', 'first secretary', '1929'],
      ['factory', 'Putilov party committee', 'secretary', '1929-05'],
    ]);
    expect(c.posts[1]).toMatchObject({ certainty: 'stated', sources: ['f1'], citations: [{ primary: 'Partrabotnik, no. 17' }], at: '1929-05' });
    expect(personCareer(models, 'q')!.posts[0]).toMatchObject({ certainty: 'inferred', note: 'n' });
    expect(personCareer(models, 'nobody')).toBeUndefined();
  });

  test('nearest evidence: the days either side of a gap, nothing where the graph has organs', () => {
    const f = models[1];
    expect(nearestEvidence(f, at('1931-06'))).toEqual({ before: '1930-12-31', after: '1932-01-01' });
    expect(nearestEvidence(f, at('1927'))).toEqual({ before: undefined, after: '1929-01-01' });
    expect(nearestEvidence(f, at('1935'))).toEqual({ before: '1933-12-31', after: undefined });
    expect(nearestEvidence(f, at('1929-06'))).toBeUndefined();
  });

  test('one search finds organs and people in every graph, each with a date to open its graph at', () => {
    const hits = searchAcross(models, 'Gaza');
    expect(hits.map((h) => [h.graph, h.kind, h.id])).toEqual(
      expect.arrayContaining([
        ['sample', 'person', 'p'],
        ['factory', 'person', 'p'],
        ['sample', 'organ', 'rai'],
      ]),
    );
    expect(hits.find((h) => h.graph === 'factory' && h.kind === 'person')!.at).toBe('1929-05');
    const putilov = searchAcross(models, 'putilov');
    expect(putilov).toEqual([expect.objectContaining({ graph: 'factory', kind: 'organ', id: 'pc', at: '1929-12-31' })]);
    expect(snapshot(models[1], at(putilov[0].at)).organs.has('pc')).toBe(true);
    expect(searchAcross(models, '   ')).toEqual([]);
  });
});

test('an attested predecessor keeps its child until the successor certainly holds it', () => {
  const g = sample();
  // The raikom certainly stands under okrug A to the end of 1930; the move to the obkom is dated only "some time in 1930".
  g.edges[2] = { child: 'rai', parent: 'okr-a', start: '1928', end: '1930-12' };
  g.edges[3] = { child: 'rai', parent: 'obkom', start: '[1930-01..1930-12]', end: '1934' };
  g.organs[1].exists[0].end = '1930-12';
  const m = buildModel(g);
  expect(snapshot(m, at('1930-06')).organs.get('rai')!.parent).toBe('okr-a');
  expect(snapshot(m, at('1931-02')).organs.get('rai')!.parent).toBe('obkom');
});

test('a figure dated "by June 1932" ([..1932-06]) counts from June 1932, not from the beginning of time', () => {
  const g = sample();
  g.figures = [{ organ: 'cells', measure: 'count', value: 27, date: '[..1932-06]', sources: ['s1'] }];
  const m = buildModel(g);
  expect(snapshot(m, at('1931')).organs.get('cells')!.figures.get('count')).toBeUndefined();
  expect(snapshot(m, at('1932-06')).organs.get('cells')!.figures.get('count')![0].value).toBe(27);
});

test('nearest evidence can leave out organs (the enterprise) and ask for certain ones only', () => {
  const g: Graph = {
    apparat: 1,
    id: 'f',
    title: 'F',
    sources: { s: { citation: '§' } },
    organs: [
      { id: 'works', type: 'unit', typeLabel: 'enterprise', names: [{ name: 'Works' }], exists: [{}], sources: ['s'] },
      { id: 'org', type: 'kollektiv', names: [{ name: 'Party organisation' }], exists: [{ start: '[..1932-06]', end: '[1932-09..]' }], sources: ['s'] },
    ],
    edges: [],
  };
  const m = buildModel(g);
  const party = { include: (o: { type: string }) => o.type !== 'unit' };
  // The enterprise always exists, so the chart is never empty as a whole.
  expect(nearestEvidence(m, at('1929'))).toBeUndefined();
  // The party organisation may have existed in 1929, but nothing shows it did.
  expect(nearestEvidence(m, at('1929'), party)).toBeUndefined();
  expect(nearestEvidence(m, at('1929'), { ...party, certain: true })).toEqual({ before: undefined, after: '1932-06-30' });
  expect(nearestEvidence(m, at('1933'), { ...party, certain: true })).toEqual({ before: '1932-09-01', after: undefined });
  expect(nearestEvidence(m, at('1932-07'), { ...party, certain: true })).toBeUndefined();
});
