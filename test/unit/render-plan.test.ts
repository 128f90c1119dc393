import { describe, expect, test } from 'vitest';
import { tidyTree } from '../../src/layout/tidy.ts';
import { viewTree, type ViewTree } from '../../src/layout/view.ts';
import { drawnElements } from '../../src/render/elements.ts';
import { edgeId, nodeId, organOfNode } from '../../src/render/ids.ts';
import { edgeSignature, emptyDrawn, nodeSignature, planSize, planTree, visibleChanges, type Drawn, type Plan } from '../../src/render/plan.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import type { Graph } from '../../src/model/types.ts';

const organ = (id: string, type: string, start = '1928', end = '1934', extra = {}) => ({ id, type, names: [{ name: id.toUpperCase() }], exists: [{ start, end }], sources: ['s'], ...extra });
const graph = {
  apparat: 1,
  id: 'g',
  title: 'g',
  sources: { s: { citation: 'x' } },
  organs: [
    organ('ob', 'obkom'),
    organ('r1', 'urban-raikom', '1928', '1930'),
    organ('r2', 'urban-raikom', '1931', '1934'),
    organ('c1', 'workshop-cell'),
    organ('cells', 'workshop-cell', '1928', '1934', { counted: true }),
  ],
  edges: [
    { child: 'r1', parent: 'ob', start: '1928', end: '1930' },
    { child: 'r2', parent: 'ob', start: '1931', end: '1934' },
    { child: 'c1', parent: 'r1', start: '1928', end: '1930' },
    { child: 'c1', parent: 'r2', start: '1931', end: '1934' },
    { child: 'cells', parent: 'ob' },
  ],
} as unknown as Graph;
const model = buildModel(graph);
const treeAt = (date: string, collapsed: string[] = []) => viewTree(snapshot(model, at(date)), { collapsed: new Set(collapsed) });
const layoutOf = (t: ViewTree) => tidyTree({ roots: t.roots, children: (id) => t.children.get(id) });

/** What the canvas holds once a plan is applied to it. */
function applied(drawn: Drawn, p: Plan): Drawn {
  const nodes = new Map(drawn.nodes);
  const edges = new Map(drawn.edges);
  for (const id of p.removeEdges) edges.delete(id);
  for (const id of p.removeNodes) nodes.delete(id);
  for (const n of [...p.addNodes, ...p.restyleNodes, ...p.moveNodes]) nodes.set(n.id, { x: n.x, y: n.y, sig: nodeSignature(n.data) });
  for (const e of [...p.addEdges, ...p.rerouteEdges]) edges.set(e.id, edgeSignature(e.data));
  return { nodes, edges };
}
const draw = (t: ViewTree) => applied(emptyDrawn(), planTree(emptyDrawn(), t, layoutOf(t)));

describe('element ids', () => {
  test('an organ, its stacked copies and its edges have one scheme', () => {
    expect(nodeId('cells')).toBe('cells');
    expect(nodeId('cells', 2)).toBe('cells::s2');
    expect(organOfNode('cells::s2')).toBe('cells');
    expect(organOfNode('ob')).toBe('ob');
    expect(edgeId('ob', 'r1')).toBe('ob->r1');
  });
});

describe('plan', () => {
  test('on an empty canvas everything is added, stacked copies too', () => {
    const t = treeAt('1929');
    const p = planTree(emptyDrawn(), t, layoutOf(t));
    expect(p.addNodes.map((n) => n.id).sort()).toEqual(['c1', 'cells', 'cells::s1', 'cells::s2', 'ob', 'r1']);
    expect(p.addEdges.map((e) => e.id).sort()).toEqual(['ob->cells', 'ob->r1', 'r1->c1']);
    expect(p.removeNodes).toEqual([]);
    expect(p.moveNodes).toEqual([]);
    expect(visibleChanges(p)).toBe(6);
    expect(planSize(p)).toBe(9);
  });

  test('the same tree again plans nothing', () => {
    const t = treeAt('1929');
    const p = planTree(draw(t), t, layoutOf(t));
    expect(planSize(p)).toBe(0);
  });

  test('a step in time removes what ended, adds what began, and re-routes a re-parented organ', () => {
    const before = draw(treeAt('1929'));
    const t = treeAt('1932');
    const p = planTree(before, t, layoutOf(t));
    expect(p.removeNodes).toEqual(['r1']);
    expect(p.addNodes.map((n) => n.id)).toEqual(['r2']);
    expect(p.removeEdges.sort()).toEqual(['ob->r1', 'r1->c1']);
    expect(p.addEdges.map((e) => e.id).sort()).toEqual(['ob->r2', 'r2->c1']);
    // c1 stays (same id, same data), and is not re-added.
    expect(p.addNodes.some((n) => n.id === 'c1')).toBe(false);
    expect(planSize(planTree(applied(before, p), t, layoutOf(t)))).toBe(0);
  });

  test('folding a subtree restyles its organ (the label counts what is folded) and removes its children', () => {
    const before = draw(treeAt('1929'));
    const t = treeAt('1929', ['r1']);
    const p = planTree(before, t, layoutOf(t));
    expect(p.restyleNodes.map((n) => n.id)).toEqual(['r1']);
    expect(p.restyleNodes[0].data.label).toMatch(/\+1 folded/);
    expect(p.removeNodes).toEqual(['c1']);
    expect(p.removeEdges).toEqual(['r1->c1']);
  });

  test('moves carry the new positions of the layout', () => {
    const t = treeAt('1929');
    const shifted: Drawn = draw(t);
    const old = shifted.nodes.get('ob')!;
    shifted.nodes.set('ob', { ...old, x: old.x + 100 });
    const p = planTree(shifted, t, layoutOf(t));
    expect(p.moveNodes.map((n) => n.id)).toEqual(['ob']);
    const want = drawnElements(t, layoutOf(t), false).nodes.find((n) => n.id === 'ob')!;
    expect(p.moveNodes[0].x).toBe(want.x);
  });
});
