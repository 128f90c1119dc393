/**
 * A large chart (more organs than `jobMinOrgans()`, when the job is on) is laid out in a module worker and worked out
 * across frames: a date step still draws exactly the organs of the new date, where the tidy layout
 * puts them; and when the worker cannot run, the chart draws all the same and the console says why.
 */
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic.ts';
import { layoutTree } from '../../src/render/elements.ts';
import { jobMinOrgans, setJobMinOrgans } from '../../src/ui/chart/plan-job.ts';
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

/** Steps the app to a date and checks the chart against the view tree: the same organs, at the tidy layout's places. */
async function stepAndCheck(app: ApparatApp, at: string): Promise<number> {
  app.explorer.go({ at });
  await app.updateComplete;
  const c = chart(app)!;
  await expect
    .poll(
      async () => {
        await c.drawn();
        return [...c.drawnIds()].sort().join(' ') === [...app.explorer.derived()!.tree.organs.keys()].sort().join(' ');
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  const tree = app.explorer.derived()!.tree;
  const want = layoutTree(tree).positions;
  const off = [...tree.organs.keys()].filter((id) => {
    const p = c.core!.getElementById(id).position();
    const w = want.get(id)!;
    return Math.abs(p.x - w.x) > 0.01 || Math.abs(p.y - w.y) > 0.01;
  });
  expect(off).toEqual([]);
  return tree.organs.size;
}

test('a date step at thousands of organs draws the organs of the new date, where the layout puts them', { timeout: 180_000 }, async () => {
  const app = await openApp();
  app.explorer.addGraph(syntheticGraph(4000));
  const sizes = [await stepAndCheck(app, '1925'), await stepAndCheck(app, '1931')];
  expect(Math.min(...sizes)).toBeGreaterThan(jobMinOrgans());
  expect(layoutWorkerProblem()).toBeUndefined();
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
