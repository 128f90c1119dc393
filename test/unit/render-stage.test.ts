/** Framing a story step on a stage: legible labels first, every framed organ in view when it fits. */
import { describe, expect, test } from 'vitest';
import { CHART_FONT, frameCamera, inView, STAGE_MIN_LABEL, stageMinLabel, type Box } from '../../src/render/camera.ts';
import type { ViewTree } from '../../src/layout/view.ts';

const tree = {
  organs: new Map([['root', {}], ['kid', {}], ['far', {}], ['near', {}]]),
  children: new Map([['root', ['kid', 'far', 'near']]]),
} as unknown as ViewTree;
const boxes: Record<string, Box> = {
  root: { x1: 0, y1: 0, x2: 184, y2: 54 },
  kid: { x1: 0, y1: 136, x2: 184, y2: 190 },
  near: { x1: 210, y1: 136, x2: 394, y2: 190 },
  far: { x1: 5000, y1: 136, x2: 5184, y2: 190 },
};
const boxOf = (ids: string[]): Box | undefined => {
  const bs = ids.map((id) => boxes[id]).filter(Boolean);
  return bs.length ? { x1: Math.min(...bs.map((b) => b.x1)), y1: Math.min(...bs.map((b) => b.y1)), x2: Math.max(...bs.map((b) => b.x2)), y2: Math.max(...bs.map((b) => b.y2)) } : undefined;
};
const stage = { w: 1300, h: 1080 };
const viewport = { width: stage.w, height: stage.h };

describe('frameCamera (a story step on a stage)', () => {
  test('labels are never drawn below 20 px, whatever is framed', () => {
    for (const framing of [{ focus: ['root'] }, { focus: ['root'], highlight: ['far'] }, {}, { highlight: ['near', 'kid'] }]) {
      const cam = frameCamera(tree, framing, boxOf, stage, 28, 120)!;
      expect(cam.zoom * CHART_FONT).toBeGreaterThanOrEqual(STAGE_MIN_LABEL - 1e-9);
    }
  });

  test('a focus and highlights that fit are all in view, below the caption', () => {
    const cam = frameCamera(tree, { focus: ['root'], highlight: ['near'] }, boxOf, stage, 28, 150)!;
    for (const id of ['root', 'near', 'kid']) expect(inView(boxes[id], cam, viewport, { top: 150 })).toBe(true);
  });

  test('a highlight too far to read beside the focus: the focus and what fits stay in view, legibly', () => {
    const cam = frameCamera(tree, { focus: ['root'], highlight: ['far'] }, boxOf, stage, 28, 0)!;
    expect(inView(boxes.root, cam, viewport)).toBe(true);
    expect(cam.zoom * CHART_FONT).toBeGreaterThanOrEqual(STAGE_MIN_LABEL);
  });

  test('a focus not drawn frames the highlights; nothing drawn gives no camera', () => {
    const cam = frameCamera(tree, { focus: ['gone'], highlight: ['near'] }, boxOf, stage)!;
    expect(inView(boxes.near, cam, viewport)).toBe(true);
    expect(frameCamera(tree, {}, () => undefined, stage)).toBeUndefined();
  });

  test('the least label is 20 px on a 1920×1080 stage and less on smaller screens, never under 12 px', () => {
    expect(stageMinLabel(1306)).toBe(20);
    expect(stageMinLabel(870)).toBeCloseTo(14.5);
    expect(stageMinLabel(390)).toBe(12);
    const phone = frameCamera(tree, { focus: ['root'], highlight: ['near'] }, boxOf, { w: 480, h: 450 })!;
    expect(phone.zoom * CHART_FONT).toBeGreaterThanOrEqual(12);
    for (const id of ['root', 'near']) expect(inView(boxes[id], phone, { width: 480, height: 450 })).toBe(true);
  });
});
