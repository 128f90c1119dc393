/**
 * The chart's first picture (src/ui/chart/picture.ts): painted before Cytoscape's code is in, it
 * must be the chart Cytoscape then draws in its place, or the chart would jump as it loads.
 * Each test file runs in a page of its own, so the first chart here is drawn without Cytoscape.
 * (In the app, ./helpers.ts `openApp` checks that the picture gives way to Cytoscape's chart.)
 */
import { expect, test } from 'vitest';
import region from '../../graphs/leningrad-region.json';
import { viewTree } from '../../src/layout/view.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import type { Graph } from '../../src/model/types.ts';
import type { ApparatChart } from '../../src/ui/chart/apparat-chart.ts';
import '../../src/ui/chart/apparat-chart.ts';

const PAPER = '#fbfaf7';

/** An image's pixels on the chart's paper, at the canvas's size. */
function pixels(image: CanvasImageSource, width: number, height: number): Uint8ClampedArray {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height).data;
}

/** Of the pixels either picture draws on (not paper), the share where they differ clearly. */
function differing(a: Uint8ClampedArray, b: Uint8ClampedArray): { share: number; drawn: number } {
  const paper = [0xfb, 0xfa, 0xf7];
  const isPaper = (d: Uint8ClampedArray, i: number) => Math.abs(d[i] - paper[0]) + Math.abs(d[i + 1] - paper[1]) + Math.abs(d[i + 2] - paper[2]) < 12;
  let drawn = 0;
  let differ = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (isPaper(a, i) && isPaper(b, i)) continue;
    drawn++;
    if (Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2])) > 60) differ++;
  }
  return { share: differ / Math.max(1, drawn), drawn };
}

test("the first chart is a picture of what Cytoscape then draws in its place: the same organs, places, marks and style", async () => {
  const model = buildModel(region as unknown as Graph);
  const el = document.createElement('apparat-chart') as ApparatChart;
  // Marks of every kind the picture reads: a selection, search hits, an event's outputs, a comparison.
  Object.assign(el, {
    tree: viewTree(snapshot(model, at('1930-01'))),
    selected: 'obkom',
    found: new Set(['central-committee']),
    eventOutputs: new Set(['okruzhkom-leningrad']),
    marks: new Map([['okruzhkom-pskov', ['renamed']]]),
  });
  el.setAttribute('style', 'display:block; width: 900px; height: 600px; position: relative');
  document.body.append(el);
  await el.updateComplete;
  // It is painted in the next frame's callbacks, before this one's.
  await new Promise((r) => requestAnimationFrame(r));
  const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.picture');
  expect(canvas, 'a picture stands in while Cytoscape loads').not.toBeNull();
  const { width, height } = canvas!;
  const picture = pixels(canvas!, width, height);

  await el.drawn();
  // Cytoscape's chart takes the picture's place.
  await expect.poll(() => el.shadowRoot!.querySelector('canvas.picture'), { timeout: 15_000 }).toBeNull();
  const png = el.png({ full: false, scale: 1, bg: PAPER })!;
  const drawn = pixels(await createImageBitmap(png), width, height);

  const { share, drawn: area } = differing(picture, drawn);
  // Both draw the same organs: a good part of the view is not paper.
  expect(area).toBeGreaterThan(width * height * 0.08);
  // Anti-aliasing and Cytoscape's cached label textures differ on about 1 per cent of it; a picture
  // 4 px to the side differs on 14 per cent.
  expect(share).toBeLessThan(0.05);
  el.remove();
});
