/**
 * `?embed`: the chart and the timeline alone, filling the frame it is given (an iframe's
 * viewport: here a 640x420 box), with no header controls and no side panels, and the view still
 * in the URL as it moves.
 */
import { expect, test } from 'vitest';
import '../../src/ui/app/apparat-app.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import { $, chart, deep, params } from './helpers.ts';

async function openEmbedded(query: string, width: number, height: number): Promise<ApparatApp> {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  history.replaceState(null, '', `${location.pathname}${query}`);
  const app = document.createElement('apparat-app') as ApparatApp;
  app.style.width = `${width}px`;
  app.style.height = `${height}px`;
  document.body.append(app);
  await expect.poll(() => chart(app)?.drawnIds().length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
  return app;
}

const visible = (el: Element | null) => !!el && (el as HTMLElement).getBoundingClientRect().width > 0;

test('?embed shows the chart and the timeline alone, filling the frame', async () => {
  const app = await openEmbedded('?graph=leningrad-region&at=1931-06&embed', 640, 420);
  const root = app.shadowRoot!;
  // No header and none of its controls; no outline, no details panel.
  expect(root.querySelector('header')).toBeNull();
  expect(root.querySelector('select[aria-label="Graph"]')).toBeNull();
  expect(root.querySelector('apparat-search')).toBeNull();
  expect(root.querySelector('[role="tablist"]')).toSatisfy((el: Element | null) => !visible(el));
  expect(root.querySelector('apparat-outline')).toSatisfy((el: Element | null) => !visible(el));
  // The chart spans the frame's width and most of its height; the timeline is below it.
  const frame = app.getBoundingClientRect();
  const box = $(app, 'apparat-chart')!.getBoundingClientRect();
  expect(box.width).toBeGreaterThan(frame.width * 0.95);
  expect(box.height).toBeGreaterThan(frame.height * 0.4);
  const timeline = $(app, 'apparat-timeline')!.getBoundingClientRect();
  expect(timeline.height).toBeGreaterThan(0);
  expect(timeline.bottom).toBeLessThanOrEqual(frame.bottom + 1);
  expect(timeline.top).toBeGreaterThanOrEqual(box.bottom - 1);
  app.remove();
});

test('an embedded view keeps its place in the URL, and embed with it, as it moves', async () => {
  const app = await openEmbedded('?graph=leningrad-region&at=1929-01&embed', 640, 420);
  const next = deep(app, 'apparat-timeline', 'button.next') as HTMLButtonElement;
  next.click();
  await expect.poll(() => params().get('event'), { timeout: 10_000 }).toBeTruthy();
  expect(params().has('embed')).toBe(true);
  expect(params().get('graph')).toBe('leningrad-region');
  expect(params().get('at')).not.toBe('1929-01');
  // A link opens the same view in the full explorer.
  const open = $(app, 'a.embed-open') as HTMLAnchorElement;
  expect(new URL(open.href).searchParams.has('embed')).toBe(false);
  expect(new URL(open.href).searchParams.get('event')).toBe(params().get('event'));
  app.remove();
});
