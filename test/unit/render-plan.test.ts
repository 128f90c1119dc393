import { describe, expect, test } from 'vitest';
import { tidyTree } from '../../src/layout/tidy.ts';
import { viewTree, type ViewTree } from '../../src/layout/view.ts';
import { drawnElements } from '../../src/render/elements.ts';
import { edgeId, nodeId, organOfNode } from '../../src/render/ids.ts';
import { edgeSignature, emptyDrawn, nodeSignature, planSize, planTree, stages, visibleChanges, type Drawn, type Plan } from '../../src/render/plan.ts';
import { syntheticGraph } from '../../bench/synthetic.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import { sample } from './graphs.ts';

/** An obkom over two okrugs until summer 1930; a raikom re-parented to the obkom then, and renamed in 1931; counted cells. */
const model = buildModel(sample());
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
    expect(organOfNode('obkom')).toBe('obkom');
    expect(edgeId('obkom', 'rai')).toBe('obkom->rai');
  });
});

describe('plan', () => {
  test('on an empty canvas everything is added, stacked copies too', () => {
    const t = treeAt('1929-06');
    const p = planTree(emptyDrawn(), t, layoutOf(t));
    expect(p.addNodes.map((n) => n.id).sort()).toEqual(['cells', 'cells::s1', 'cells::s2', 'obkom', 'okr-a', 'okr-b', 'rai']);
    expect(p.addEdges.map((e) => e.id).sort()).toEqual(['obkom->cells', 'obkom->okr-a', 'obkom->okr-b', 'okr-a->rai']);
    expect(p.removeNodes).toEqual([]);
    expect(p.moveNodes).toEqual([]);
    expect(visibleChanges(p)).toBe(7);
    expect(planSize(p)).toBe(11);
  });

  test('the same tree again plans nothing', () => {
    const t = treeAt('1929-06');
    expect(planSize(planTree(draw(t), t, layoutOf(t)))).toBe(0);
  });

  test('a step in time removes what ended, re-routes the re-parented raikom and restyles it for its new name', () => {
    const before = draw(treeAt('1929-06'));
    const t = treeAt('1932');
    const p = planTree(before, t, layoutOf(t));
    expect(p.removeNodes.sort()).toEqual(['okr-a', 'okr-b']);
    expect(p.addNodes).toEqual([]);
    expect(p.removeEdges.sort()).toEqual(['obkom->okr-a', 'obkom->okr-b', 'okr-a->rai']);
    expect(p.addEdges.map((e) => e.id)).toEqual(['obkom->rai']);
    // The raikom's new name, and the counted cells' figures (sources disagree by 1932), are restyles, not new nodes.
    expect(p.restyleNodes.map((n) => n.id).sort()).toEqual(['cells', 'cells::s1', 'cells::s2', 'rai']);
    expect(p.restyleNodes.find((n) => n.id === 'rai')!.data.label).toMatch(/^Raikom Y/);
    expect(p.restyleNodes.find((n) => n.id === 'cells')!.data.conflict).toBe(true);
    // Once applied, nothing is left to do.
    expect(planSize(planTree(applied(before, p), t, layoutOf(t)))).toBe(0);
  });

  test('folding a subtree restyles its organ (the label counts what is folded) and removes its children', () => {
    const before = draw(treeAt('1929-06'));
    const t = treeAt('1929-06', ['okr-a']);
    const p = planTree(before, t, layoutOf(t));
    expect(p.restyleNodes.map((n) => n.id)).toEqual(['okr-a']);
    expect(p.restyleNodes[0].data.label).toMatch(/\+1 folded/);
    expect(p.removeNodes).toEqual(['rai']);
    expect(p.removeEdges).toEqual(['okr-a->rai']);
  });

  test('moves carry the new positions of the layout', () => {
    const t = treeAt('1929-06');
    const shifted: Drawn = draw(t);
    const old = shifted.nodes.get('obkom')!;
    shifted.nodes.set('obkom', { ...old, x: old.x + 100 });
    const p = planTree(shifted, t, layoutOf(t));
    expect(p.moveNodes.map((n) => n.id)).toEqual(['obkom']);
    const want = drawnElements(t, layoutOf(t), false).nodes.find((n) => n.id === 'obkom')!;
    expect(p.moveNodes[0].x).toBe(want.x);
  });
});

describe('stages of a step into a drawn chart', () => {
  // A step of a synthetic graph of a few hundred organs: organs come, go, move and change.
  const big = buildModel(syntheticGraph(400));
  const tree = (date: string) => viewTree(snapshot(big, at(date)), { collapsed: new Set() });
  const before = tree('1928');
  const drawn = applied(emptyDrawn(), planTree(emptyDrawn(), before, layoutOf(before)));
  const after = tree('1929');
  const p = planTree(drawn, after, layoutOf(after));
  const parts = stages(p, 6);

  test('the step has something of every kind, and is split', () => {
    expect(p.addNodes.length).toBeGreaterThan(12);
    expect(p.removeNodes.length).toBeGreaterThan(0);
    expect(p.moveNodes.length).toBeGreaterThan(0);
    expect(parts.length).toBeGreaterThan(2);
  });

  test('stage after stage, the canvas ends as the whole plan leaves it', () => {
    const whole = applied(drawn, p);
    const staged = parts.reduce(applied, drawn);
    expect([...staged.nodes].sort()).toEqual([...whole.nodes].sort());
    expect([...staged.edges].sort()).toEqual([...whole.edges].sort());
    expect(parts.reduce((n, s) => n + planSize(s), 0)).toBe(planSize(p));
  });

  test('the first stage takes what goes, changes and moves; the others only bring organs and their edges', () => {
    expect(parts[0].removeNodes).toEqual(p.removeNodes);
    expect(parts[0].removeEdges).toEqual(p.removeEdges);
    expect(parts[0].moveNodes).toEqual(p.moveNodes);
    expect(parts[0].restyleNodes).toEqual(p.restyleNodes);
    expect(parts[0].rerouteEdges).toEqual(p.rerouteEdges);
    for (const s of parts.slice(1)) {
      expect(s.addNodes.length).toBeGreaterThan(0);
      expect(s.removeNodes.length + s.removeEdges.length + s.moveNodes.length + s.restyleNodes.length + s.rerouteEdges.length).toBe(0);
    }
  });

  test('each edge comes once both its organs are on the canvas, and no stage brings more than its budget of organs', () => {
    let canvas = drawn;
    for (const s of parts) {
      canvas = applied(canvas, s);
      for (const e of s.addEdges) {
        expect(canvas.nodes.has(e.source)).toBe(true);
        expect(canvas.nodes.has(e.target)).toBe(true);
      }
      expect(s.addNodes.length).toBeLessThanOrEqual(6);
    }
    // While organs glide, their moves and reroutes are spread over the glide: the first stage has
    // room for the new organs they would have taken.
    const moving: Plan = { ...p, restyleNodes: [] };
    expect(stages(moving, 6, true)[0].addNodes.length).toBeGreaterThan(stages(moving, 6)[0].addNodes.length);
    // With a budget below one organ, each stage still brings one.
    expect(stages(p, 0.5).slice(1).every((s) => s.addNodes.length === 1)).toBe(true);
  });
});
