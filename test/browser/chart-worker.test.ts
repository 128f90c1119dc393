/**
 * A large chart (more organs than `WINDOW_MIN`) is laid out in a module worker and worked out
 * across frames, and Cytoscape holds only its window, the organs near the view: a date step still
 * draws every organ of the new date that is in view, where the tidy layout puts it, and nothing of
 * another date, a few organs a frame; a pan draws what comes into view; an export still has every organ; and when the
 * worker cannot run, the chart draws all the same and the console says why.
 */
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic.ts';
import { layoutTree } from '../../src/render/elements.ts';
import { organBoxes, WINDOW_MIN } from '../../src/render/window.ts';
import type { ApparatChart } from '../../src/ui/chart/apparat-chart.ts';
import { ENTER_PER_FRAME } from '../../src/ui/chart/apply.ts';
import { setJobMinOrgans } from '../../src/ui/chart/plan-job.ts';
import { layoutWorkerProblem, setLayoutWorker } from '../../src/ui/chart/layout-client.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import { chart, openApp } from './helpers.ts';

// The job is off by default (src/ui/chart/plan-job.ts): these tests turn it on.
beforeAll(() => setJobMinOrgans(1500));
afterAll(() => setJobMinOrgans());
afterEach(() => {
  setLayoutWorker();
  vi.restoreAllMocks();
});

/** The organs of the tree whose boxes are in the chart's view, by the tidy layout. */
function inView(app: ApparatApp, c: ApparatChart): string[] {
  const tree = app.explorer.derived()!.tree;
  const e = c.core!.extent();
  return [...organBoxes(tree, layoutTree(tree))].filter(([, b]) => b.x1 <= e.x2 && b.x2 >= e.x1 && b.y1 <= e.y2 && b.y2 >= e.y1).map(([id]) => id);
}

/** Whether every organ in view is drawn, and every organ drawn is of the tree, at the layout's place. */
function drawsTheView(app: ApparatApp, c: ApparatChart): boolean {
  const tree = app.explorer.derived()!.tree;
  const drawn = new Set(c.drawnIds());
  const want = layoutTree(tree).positions;
  const misplaced = [...drawn].filter((id) => {
    const w = want.get(id);
    const p = c.core!.getElementById(id).position();
    return !w || Math.abs(p.x - w.x) > 0.01 || Math.abs(p.y - w.y) > 0.01;
  });
  return misplaced.length === 0 && inView(app, c).every((id) => drawn.has(id));
}

/** Steps the app to a date and checks the chart against the view tree. */
async function stepAndCheck(app: ApparatApp, at: string): Promise<number> {
  app.explorer.go({ at });
  await app.updateComplete;
  const c = chart(app)!;
  await expect
    .poll(
      async () => {
        await c.drawn();
        return drawsTheView(app, c);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  const tree = app.explorer.derived()!.tree;
  // Cytoscape holds the window, not thousands of organs out of sight.
  expect(inView(app, c).length).toBeGreaterThan(5);
  expect(c.drawnIds().length).toBeLessThan(tree.organs.size / 4);
  return tree.organs.size;
}

test('a date step at thousands of organs draws the organs of the new date, where the layout puts them', { timeout: 180_000 }, async () => {
  const app = await openApp();
  app.explorer.addGraph(syntheticGraph(4000));
  const first = await stepAndCheck(app, '1925');
  // A step brings its organs into the chart a few at a time, every other frame, so that no frame
  // styles and draws them all and the canvas is not drawn again in the very next frame (zoomed
  // out, for dozens to come).
  const c0 = chart(app)!;
  c0.zoomBy(0.5);
  await expect.poll(async () => {
    await c0.drawn();
    return drawsTheView(app, c0);
  }, { timeout: 60_000 }).toBe(true);
  let before = new Set(c0.drawnIds());
  const cameInFrame: number[] = [];
  let sampling = true;
  const sample = () => {
    const now = new Set(c0.drawnIds());
    cameInFrame.push([...now].filter((id) => !before.has(id)).length);
    before = now;
    if (sampling) requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  const sizes = [first, await stepAndCheck(app, '1931')];
  sampling = false;
  expect(cameInFrame.reduce((a, b) => a + b, 0)).toBeGreaterThan(ENTER_PER_FRAME.large);
  expect(Math.max(...cameInFrame)).toBeLessThanOrEqual(ENTER_PER_FRAME.large);
  expect(cameInFrame.some((n, i) => n > 0 && cameInFrame[i + 1] > 0)).toBe(false);
  expect(Math.min(...sizes)).toBeGreaterThan(WINDOW_MIN);
  expect(layoutWorkerProblem()).toBeUndefined();
  // To the far end of the tree (as selecting it in the outline does): what comes into view is drawn.
  const c = chart(app)!;
  const laid = layoutTree(app.explorer.derived()!.tree).positions;
  const far = [...laid].reduce((a, b) => (b[1].x > a[1].x ? b : a))[0];
  expect(c.nodeBox(far)).toBeUndefined();
  c.reveal(far);
  await expect.poll(async () => {
    await c.drawn();
    return drawsTheView(app, c) && c.nodeBox(far) !== undefined;
  }, { timeout: 60_000 }).toBe(true);
  expect(inView(app, c)).toContain(far);
  // An export has every organ of the date, not only the window; the chart keeps its window after.
  const tree = app.explorer.derived()!.tree;
  const bounds = layoutTree(tree).bounds;
  expect(c.pngSize()!.w).toBeGreaterThanOrEqual(bounds.maxX - bounds.minX);
  const svg = (await c.svg())!;
  expect(new Set(svg.match(/data-organ="[^"]+"/g)).size).toBe(tree.organs.size);
  expect(c.drawnIds().length).toBeLessThan(tree.organs.size / 4);
  // And back to a small graph: drawn at once, as before.
  app.explorer.go({ graph: 'example', at: undefined });
  await app.updateComplete;
  await expect.poll(() => chart(app)!.drawnIds().length, { timeout: 30_000 }).toBe(app.explorer.derived()!.tree.organs.size);
});

test('when the layout worker cannot run, the chart is drawn on the page and the console says why', { timeout: 180_000 }, async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  setLayoutWorker(() => new Worker(new URL('./no-such-layout-worker.js', location.href), { type: 'module' }));
  const app = await openApp();
  app.explorer.addGraph(syntheticGraph(4000));
  await stepAndCheck(app, '1925');
  await stepAndCheck(app, '1931');
  expect(layoutWorkerProblem()).toBeTruthy();
  expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/layout worker could not run .*laid out on the page instead/);
});

test('after a date step at thousands of organs, the outline lists the organs of the new date, in a frame after the rest of the page', { timeout: 180_000 }, async () => {
  const app = await openApp();
  app.explorer.addGraph(syntheticGraph(4000));
  await stepAndCheck(app, '1925');
  const outline = app.shadowRoot!.querySelector('apparat-outline')!;
  const rowNames = () => [...outline.shadowRoot!.querySelectorAll('[role="treeitem"] .name')].map((n) => n.getAttribute('title'));
  // The frame of every change: the outline's rows, and the rest of the page but the chart.
  const frames = { outline: new Set<unknown>(), page: new Set<unknown>() };
  const watch = (root: Node, into: Set<unknown>) => {
    const mo = new MutationObserver(() => into.add(document.timeline.currentTime));
    mo.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    return mo;
  };
  const observers = [watch(outline.shadowRoot!, frames.outline), watch(app.shadowRoot!, frames.page)];
  for (const el of app.shadowRoot!.querySelectorAll('*')) if (el.shadowRoot && el !== outline && el.tagName !== 'APPARAT-CHART') observers.push(watch(el.shadowRoot, frames.page));
  const before = rowNames();
  await stepAndCheck(app, '1931');
  await outline.updateComplete;
  observers.forEach((o) => o.disconnect());
  const tree = app.explorer.derived()!.tree;
  const names = rowNames();
  expect(names).not.toEqual(before);
  // The first rows are the new date's roots and what lies under them, in order.
  const first = tree.roots[0];
  expect(names[0]).toBe(tree.organs.get(first)!.name);
  expect(names[1]).toBe(tree.organs.get(tree.children.get(first)![0])!.name);
  expect(frames.outline.size).toBeGreaterThan(0);
  expect(frames.page.size).toBeGreaterThan(0);
  expect([...frames.outline].filter((t) => frames.page.has(t))).toEqual([]);
});
