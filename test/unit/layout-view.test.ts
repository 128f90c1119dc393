import { describe, expect, test } from 'vitest';
import { viewTree, unionTree, diffMarks } from '../../src/layout/view.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import { diff } from '../../src/model/diff.ts';
import type { Graph } from '../../src/model/types.ts';

const organ = (id: string, type: string, start = '1928', end = '1934') => ({ id, type, names: [{ name: id.toUpperCase() }], exists: [{ start, end }], sources: ['s'] });
const graph = {
  apparat: 1,
  id: 'g',
  title: 'g',
  sources: { s: { citation: 'x' } },
  organs: [organ('ob', 'obkom'), organ('bur', 'bureau'), organ('r1', 'urban-raikom', '1928', '1930'), organ('r2', 'urban-raikom', '1931', '1934'), organ('c1', 'workshop-cell'), organ('c2', 'workshop-cell')],
  edges: [
    { child: 'bur', parent: 'ob' },
    { child: 'r1', parent: 'ob', start: '1928', end: '1930' },
    { child: 'r2', parent: 'ob', start: '1931', end: '1934' },
    { child: 'c1', parent: 'r1', start: '1928', end: '1930' },
    { child: 'c1', parent: 'r2', start: '1931', end: '1934' },
    { child: 'c2', parent: 'r1', start: '1928', end: '1930' },
    { child: 'c2', parent: 'r2', start: '1931', end: '1934' },
  ],
} as unknown as Graph;
const model = buildModel(graph);

describe('viewTree', () => {
  const snap = snapshot(model, at('1929'));
  test('hidden types lift their children to the nearest drawn ancestor', () => {
    const v = viewTree(snap, { hidden: new Set(['urban-raikom']) });
    expect([...v.organs.keys()]).toEqual(['ob', 'bur', 'c1', 'c2']);
    expect(v.parent.get('c1')).toBe('ob');
    expect(v.hiddenCount).toBe(1);
  });
  test('a collapsed organ folds its subtree and counts it', () => {
    const v = viewTree(snap, { collapsed: new Set(['r1']) });
    expect(v.organs.has('c1')).toBe(false);
    expect(v.folded.get('r1')).toBe(2);
    expect(v.children.get('r1')).toBeUndefined();
  });
  test('organs kept inside a fold are drawn under it, and the fold counts only the rest', () => {
    const v = viewTree(snap, { collapsed: new Set(['ob', 'r1']), kept: new Set(['r1', 'c2']) });
    expect([...v.organs.keys()]).toEqual(['ob', 'r1', 'c2']);
    expect(v.children.get('ob')).toEqual(['r1']);
    expect(v.folded.get('ob')).toBe(1); // the bureau
    expect(v.folded.get('r1')).toBe(1); // c1
  });
  test('focus draws one subtree', () => {
    const v = viewTree(snap, { focus: 'r1' });
    expect(v.roots).toEqual(['r1']);
    expect([...v.organs.keys()]).toEqual(['r1', 'c1', 'c2']);
  });
});

describe('unionTree', () => {
  test('holds both dates, each organ under its parent at the current date when it is there', () => {
    const a = snapshot(model, at('1929'));
    const b = snapshot(model, at('1932'));
    const u = unionTree(b, a, model.order);
    expect(u.children.get('ob')).toEqual(['bur', 'r1', 'r2']);
    expect(u.children.get('r2')).toEqual(['c1', 'c2']);
    const marks = diffMarks(diff(a, b));
    expect(marks.get('r1')).toEqual(['removed']);
    expect(marks.get('r2')).toEqual(['added']);
    expect(marks.get('c1')).toEqual(['reparented']);
  });
});
