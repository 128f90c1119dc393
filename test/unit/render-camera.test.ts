/** The camera frames what matters at a readable zoom (src/render/camera.ts). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { frame, inView, mostThatFit, rendered, smallestLabelInView, type Box } from '../../src/render/camera.ts';

const box = (x: number, y: number, w = 184, h = 54): Box => ({ x1: x - w / 2, y1: y - h / 2, x2: x + w / 2, y2: y + h / 2 });
const explorer = { width: 960, height: 700 };

describe('frame', () => {
  test('boxes that fit legibly are all in view, centred, with labels at least the minimum', () => {
    const boxes = [box(0, 0), box(400, 136), box(-300, 136)];
    const cam = frame(boxes, explorer, { fontSize: 13, minLabel: 11 })!;
    for (const b of boxes) expect(inView(b, cam, explorer)).toBe(true);
    expect(13 * cam.zoom).toBeGreaterThanOrEqual(11);
    const r = rendered({ x1: -392, y1: -27, x2: 492, y2: 163 }, cam);
    expect((r.x1 + r.x2) / 2).toBeCloseTo(480);
    expect((r.y1 + r.y2) / 2).toBeCloseTo(350);
  });

  test('a lone box is not blown up beyond the largest useful label', () => {
    const cam = frame([box(0, 0)], explorer, { fontSize: 13, minLabel: 11 })!;
    expect(13 * cam.zoom).toBeCloseTo(22);
  });

  test('when all cannot fit legibly: the smallest readable zoom, the primary box whole in view', () => {
    const boxes = [box(0, 0), box(5000, 0), box(-5000, 2000)];
    const cam = frame(boxes, explorer, { fontSize: 13, minLabel: 11, primary: 1 })!;
    expect(13 * cam.zoom).toBeCloseTo(11);
    expect(inView(boxes[1], cam, explorer)).toBe(true);
    expect(inView(boxes[2], cam, explorer)).toBe(false);
  });

  test('when all cannot fit: the primary with as many others as one legible view holds, all in view', () => {
    // A row of ten boxes far wider than the view; the primary is the fourth.
    const boxes = Array.from({ length: 10 }, (_, i) => box(i * 220, 0));
    const o = { fontSize: 12, minLabel: 11, primary: 3, padding: 28 };
    const some = mostThatFit(boxes, explorer, o);
    expect(some[0]).toBe(boxes[3]);
    expect(some.length).toBeGreaterThan(2);
    expect(some.length).toBeLessThan(10);
    const cam = frame(some, explorer, o)!;
    expect(12 * cam.zoom).toBeGreaterThanOrEqual(11 - 1e-9);
    for (const b of some) expect(inView(b, cam, explorer)).toBe(true);
    // A cluster beside the primary is preferred to its single neighbour on the other side.
    const cluster = [box(0, 0), box(-300, 0), box(400, 0), box(420, 60), box(440, 120), box(460, 180)];
    const held = mostThatFit(cluster, { width: 700, height: 700 }, { ...o, primary: 0 });
    expect(held).toHaveLength(5);
    expect(held).not.toContain(cluster[1]);
  });

  test('insets keep the framed boxes clear of a caption and a legend', () => {
    const stage = { width: 1920, height: 1080 };
    const insets = { bottom: 240, top: 60 };
    const boxes = [box(0, 0), box(600, 200)];
    const cam = frame(boxes, stage, { fontSize: 13, minLabel: 20, insets })!;
    for (const b of boxes) expect(inView(b, cam, stage, insets)).toBe(true);
    expect(inView({ x1: -1e6, y1: 0, x2: 0, y2: 1 }, cam, stage, insets)).toBe(false);
    expect(13 * cam.zoom).toBeGreaterThanOrEqual(20);
  });

  test('no boxes: no camera', () => {
    expect(frame([], explorer, { fontSize: 13, minLabel: 11 })).toBeUndefined();
  });

  test('over generated boxes and viewports: never below the readable zoom, and the primary box in view when it fits', () => {
    const boxArb = fc.record({ x: fc.integer({ min: -20000, max: 20000 }), y: fc.integer({ min: -5000, max: 5000 }), w: fc.integer({ min: 20, max: 300 }) }).map((b) => box(b.x, b.y, b.w, 54));
    fc.assert(
      fc.property(
        fc.array(boxArb, { minLength: 1, maxLength: 30 }),
        fc.record({ width: fc.integer({ min: 320, max: 2560 }), height: fc.integer({ min: 400, max: 1440 }) }),
        fc.constantFrom(11, 20, 24),
        fc.nat(),
        (boxes, viewport, minLabel, p) => {
          const primary = p % boxes.length;
          const cam = frame(boxes, viewport, { fontSize: 13, minLabel, primary, padding: 10 })!;
          expect(13 * cam.zoom).toBeGreaterThanOrEqual(minLabel - 1e-9);
          const b = boxes[primary];
          const fits = (b.x2 - b.x1) * cam.zoom <= viewport.width - 20 && (b.y2 - b.y1) * cam.zoom <= viewport.height - 20;
          if (fits) expect(inView(b, cam, viewport)).toBe(true);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe('smallestLabelInView', () => {
  test('the least label among the nodes in view, in px; none in view gives undefined', () => {
    const cam = { zoom: 2, pan: { x: 0, y: 0 } };
    const nodes = [
      { box: box(100, 100), fontSize: 13 },
      { box: box(200, 200), fontSize: 12 },
      { box: box(5000, 5000), fontSize: 4 },
    ];
    expect(smallestLabelInView(nodes, cam, explorer)).toBe(24);
    expect(smallestLabelInView([nodes[2]], cam, explorer)).toBeUndefined();
  });
});
