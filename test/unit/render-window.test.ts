/**
 * A large chart's window (src/render/window.ts): Cytoscape is handed the organs near the view,
 * enough that everything in view is drawn whole (boxes and the lines that cross the view), and not
 * the thousands out of sight.
 */
import { describe, expect, test } from 'vitest';
import { viewTree, type ViewTree } from '../../src/layout/view.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import type { Graph } from '../../src/model/types.ts';
import { layoutMessage, layoutOfReply, layoutRequest } from '../../src/layout/tidy-message.ts';
import { layoutTree, nodeSize } from '../../src/render/elements.ts';
import { covers, extentOf, organBoxes, organsInWindow, windowAround } from '../../src/render/window.ts';
import type { Box } from '../../src/render/camera.ts';

/** An obkom over `n` raikoms in one row, each over two cells. */
function wide(n: number): ViewTree {
  const organ = (id: string, type: string) => ({ id, type, names: [{ name: id }], exists: [{ start: '1930', end: '1934' }], sources: ['s'] });
  const raikoms = Array.from({ length: n }, (_, i) => `r${i}`);
  const graph = {
    apparat: 1,
    id: 'wide',
    title: 'Wide',
    sources: { s: { citation: '§' } },
    organs: [organ('obkom', 'obkom'), ...raikoms.map((r) => organ(r, 'urban-raikom')), ...raikoms.flatMap((r) => [organ(`${r}-a`, 'cell'), organ(`${r}-b`, 'cell')])],
    edges: [...raikoms.map((r) => ({ child: r, parent: 'obkom' })), ...raikoms.flatMap((r) => [{ child: `${r}-a`, parent: r }, { child: `${r}-b`, parent: r }])],
  } as unknown as Graph;
  return viewTree(snapshot(buildModel(graph), at('1931')));
}

const meets = (a: Box, b: Box) => a.x1 <= b.x2 && a.x2 >= b.x1 && a.y1 <= b.y2 && a.y2 >= b.y1;

describe('the window of a large chart', () => {
  const tree = wide(400);
  const layout = layoutTree(tree);
  const boxes = organBoxes(tree, layout);
  const mid = layout.positions.get('r200')!;
  const window = { x1: mid.x - 500, y1: mid.y - 300, x2: mid.x + 500, y2: mid.y + 400 };
  const held = organsInWindow(tree, layout, boxes, window);

  test('holds every organ whose box meets it, and few more', () => {
    const seen = [...boxes].filter(([, b]) => meets(b, window)).map(([id]) => id);
    expect(seen.length).toBeGreaterThan(5);
    for (const id of seen) expect(held.has(id)).toBe(true);
    expect(held.size).toBeLessThan(seen.length + 6);
  });

  test('holds the obkom and, on each side, the nearest raikom beyond: the bus across the view is drawn whole', () => {
    expect(held.has('obkom')).toBe(true);
    // (An organ in view may add its own children just beyond: their lines cross the view's edge.)
    const outside = [...held].filter((id) => !meets(boxes.get(id)!, window) && tree.parent.get(id) === 'obkom');
    const left = outside.filter((id) => layout.positions.get(id)!.x < window.x1);
    const right = outside.filter((id) => layout.positions.get(id)!.x > window.x2);
    expect(left).toHaveLength(1);
    expect(right).toHaveLength(1);
    // The nearest: no raikom between it and the window.
    const x = layout.positions.get(left[0])!.x;
    const between = [...boxes.keys()].filter((id) => /^r\d+$/.test(id) && layout.positions.get(id)!.x > x && boxes.get(id)!.x2 < window.x1);
    expect(between).toEqual([]);
  });

  test('holds the same organs when the layout came back from the worker, its numbers packed in arrays', () => {
    const ids = [...tree.organs.keys()];
    const sizes = new Float64Array(ids.flatMap((id) => {
      const { w, h } = nodeSize(tree.organs.get(id)!, 0);
      return [w, h];
    }));
    const worker = layoutOfReply(ids, layoutRequest(layoutMessage(0, ids, tree.roots, (id) => tree.children.get(id), sizes)));
    const workerBoxes = organBoxes(tree, worker, sizes);
    expect(new Map(workerBoxes)).toEqual(new Map(boxes));
    expect(organsInWindow(tree, worker, workerBoxes, window)).toEqual(held);
    // Far to one side of the view, along the obkom's bus.
    const side = { x1: mid.x + 30_000, y1: window.y1, x2: mid.x + 31_000, y2: window.y2 };
    const onPage = organsInWindow(tree, layout, boxes, side);
    expect(onPage.size).toBeGreaterThan(2);
    expect(organsInWindow(tree, worker, workerBoxes, side)).toEqual(onPage);
  });

  test('a window far from everything holds nothing', () => {
    expect(organsInWindow(tree, layout, boxes, { x1: -1e7, y1: 1e6, x2: -1e7 + 100, y2: 1e6 + 100 }).size).toBe(0);
  });

  test("is the camera's extent widened on every side; it covers the view until the view leaves it", () => {
    const camera = { zoom: 2, pan: { x: -100, y: 50 } };
    const viewport = { width: 800, height: 600 };
    expect(extentOf(camera, viewport)).toEqual({ x1: 50, y1: -25, x2: 450, y2: 275 });
    const w = windowAround(camera, viewport, 0.5);
    expect(w).toEqual({ x1: -150, y1: -175, x2: 650, y2: 425 });
    expect(covers(w, camera, viewport)).toBe(true);
    expect(covers(w, { zoom: 2, pan: { x: -100 - 2 * 150, y: 50 } }, viewport)).toBe(true);
    expect(covers(w, { zoom: 2, pan: { x: -100 - 2 * 250, y: 50 } }, viewport)).toBe(false);
    expect(covers(w, { zoom: 0.5, pan: { x: 0, y: 0 } }, viewport)).toBe(false);
  });
});
