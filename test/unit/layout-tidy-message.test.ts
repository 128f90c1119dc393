import { expect, test } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic.ts';
import { layoutMessage, layoutOfReply, layoutRequest, replyBuffers } from '../../src/layout/tidy-message.ts';
import { viewTree } from '../../src/layout/view.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import { labelSize, layoutTree, nodeLabel } from '../../src/render/elements.ts';

test.each([
  ['as drawn', {}],
  ['wrapped and folded for a step', { gridAspect: 1, wrapWidth: 900, levelSlots: 1 }],
])('a layout sent to the worker as a message and read back is the layout the chart makes on the page (%s)', (_, shape) => {
  const tree = { ...viewTree(snapshot(buildModel(syntheticGraph(2000)), at('1930'))), ...shape };
  const ids = [...tree.organs.keys()];
  const sizes = new Float64Array(2 * ids.length);
  ids.forEach((id, i) => {
    const s = labelSize(nodeLabel(tree.organs.get(id)!, tree.folded.get(id) ?? 0));
    sizes[2 * i] = s.w;
    sizes[2 * i + 1] = s.h;
  });
  const request = layoutMessage(1, ids, tree.roots, (id) => tree.children.get(id), sizes, shape);
  // Through a structured clone, as postMessage copies the request and hands the reply's buffers over.
  const sent = layoutRequest(structuredClone(request));
  const reply = structuredClone(sent, { transfer: replyBuffers(sent) });
  const got = layoutOfReply(ids, reply);
  const want = layoutTree(tree);
  expect(new Map(got.positions)).toEqual(want.positions);
  expect(got.positions.size).toBe(ids.length);
  expect(got.positions.get(ids[7])).toEqual(want.positions.get(ids[7]));
  expect(got.stacked).toEqual(want.stacked);
  expect(got.bounds).toEqual(want.bounds);
  expect(new Map([...got.routes].filter(([, p]) => p.length))).toEqual(new Map([...want.routes].filter(([, p]) => p.length)));
  for (const [id, p] of want.routes) expect(got.routes.get(id) ?? []).toEqual(p);
  expect(want.stacked.size).toBeGreaterThan(0);
});
