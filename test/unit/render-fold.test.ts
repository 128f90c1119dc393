/** Folding what holds none of a change so that the change can be read in a chart's room (src/render/fold.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { viewTree, type ViewTree } from '../../src/layout/view.ts';
import { buildModel } from '../../src/model/model.ts';
import { justAfter, stepOrder } from '../../src/model/steps.ts';
import type { Graph } from '../../src/model/types.ts';
import { foldToFit, roomFit } from '../../src/render/fold.ts';
import { labelSize, layoutTree, nodeLabel } from '../../src/render/elements.ts';

const graph = JSON.parse(readFileSync(new URL('../../graphs/leningrad-region.json', import.meta.url), 'utf8')) as Graph;
const model = buildModel(graph);
/** A 1,440×900 explorer's chart less its caption strip, at labels of 11 px (the apparatus font is 12). */
const room = { width: 864, height: 560, zoom: 11 / 12, padding: 28 };

const stepOf = (id: string) => justAfter(model, id)!;
const groups = (id: string) => {
  const s = stepOf(id);
  return [s.framed, s.framed.filter((o) => s.event.outputs.includes(o))];
};

/** Every organ of the plain tree is drawn or counted in a drawn fold: nothing disappears silently. */
function accounted(plain: ViewTree, folded: ViewTree): boolean {
  const inFolds = [...folded.folded.values()].reduce((a, b) => a + b, 0);
  return folded.organs.size + inFolds === plain.organs.size;
}

describe('foldToFit', () => {
  test('a change that fits is drawn as it is', () => {
    const s = stepOf('gorkom-elected-1931');
    const tree = foldToFit(s.snapshot, {}, groups('gorkom-elected-1931'), room);
    expect(tree.folded.size).toBe(0);
    expect(tree.organs.size).toBe(viewTree(s.snapshot).organs.size);
  });

  test('17 organs taken over by the gorkom: the rest is folded into counted summaries until they fit', () => {
    const id = 'urban-raikoms-to-gorkom-1931';
    const s = stepOf(id);
    const plain = viewTree(s.snapshot);
    const outputs = s.event.outputs;
    expect(roomFit(plain, outputs, room)).toBeLessThan(1);
    const tree = foldToFit(s.snapshot, {}, groups(id), room);
    expect(roomFit(tree, outputs, room)).toBeGreaterThanOrEqual(1);
    // The change is drawn, with the path to it; the folds say what they hold.
    for (const o of outputs) expect(tree.organs.has(o)).toBe(true);
    for (const o of outputs) for (let p = plain.parent.get(o); p; p = plain.parent.get(p)) expect(tree.organs.has(p)).toBe(true);
    expect(tree.folded.size).toBeGreaterThan(0);
    expect(accounted(plain, tree)).toBe(true);
  });

  test('an organ the user unfolded stays open, and their own folds stay folded', () => {
    const id = 'urban-raikoms-to-gorkom-1931';
    const s = stepOf(id);
    const first = foldToFit(s.snapshot, {}, groups(id), room);
    const opened = [...first.folded.keys()][0];
    const again = foldToFit(s.snapshot, {}, groups(id), room, { open: new Set([opened]) });
    expect(again.folded.has(opened)).toBe(false);
    const mine = foldToFit(s.snapshot, { collapsed: new Set(['gorkom']) }, [['obkom']], room);
    expect(mine.folded.has('gorkom')).toBe(true);
  });

  /** Pairs of drawn organs whose boxes overlap in the chart's layout of the tree. */
  function overlapping(tree: ViewTree): string[] {
    const l = layoutTree(tree);
    const boxes = [...tree.organs.values()].map((o) => {
      const p = l.positions.get(o.id)!;
      const { w, h } = labelSize(nodeLabel(o, tree.folded.get(o.id) ?? 0));
      return { id: o.id, x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y - h / 2, y2: p.y + h / 2 };
    });
    const bad: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5) bad.push(`${a.id}/${b.id}`);
      }
    return bad;
  }

  test('12 factory committees under six raikoms: only the path to them drawn, its other organs counted, the raikoms wrapped into rows', () => {
    const id = 'party-committee-status-1929';
    const s = stepOf(id);
    const plain = viewTree(s.snapshot);
    const outputs = s.event.outputs.filter((o) => plain.organs.has(o));
    expect(outputs.length).toBeGreaterThan(10);
    const tree = foldToFit(s.snapshot, {}, groups(id), room);
    expect(roomFit(tree, outputs, room)).toBeGreaterThanOrEqual(1);
    expect(tree.wrapWidth).toBeDefined();
    // The obkom keeps its raikoms that hold a committee and says how many others it folds.
    expect(tree.folded.get('obkom')).toBeGreaterThan(0);
    expect(tree.organs.has('raikom-vyborgskii')).toBe(true);
    expect(accounted(plain, tree)).toBe(true);
    // The raikoms stand in more than one row.
    const l = layoutTree(tree);
    const raikoms = (tree.children.get('obkom') ?? []).filter((r) => r.startsWith('raikom-'));
    expect(new Set(raikoms.map((r) => l.positions.get(r)!.y)).size).toBeGreaterThan(1);
  });

  test('on every regional event, nothing is lost, the outputs stay drawn and no two organs overlap', () => {
    for (const e of stepOrder(graph.events ?? [])) {
      const s = stepOf(e.id);
      const plain = viewTree(s.snapshot);
      const tree = foldToFit(s.snapshot, {}, groups(e.id), room);
      expect(accounted(plain, tree), e.id).toBe(true);
      for (const o of e.outputs.filter((x) => plain.organs.has(x))) expect(tree.organs.has(o), `${e.id}: ${o}`).toBe(true);
      // Every event's outputs can be read together in the room.
      expect(roomFit(tree, e.outputs.filter((x) => plain.organs.has(x)), room), e.id).toBeGreaterThanOrEqual(1);
      expect(overlapping(tree), e.id).toEqual([]);
      expect(overlapping(plain), e.id).toEqual([]);
    }
  });
});
