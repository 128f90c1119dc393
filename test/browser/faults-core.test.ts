/**
 * When Cytoscape cannot start (its code fails to load after the page came in, or fails to make
 * its canvas), the chart keeps its first picture and says what happened, and the rest of the page
 * works. Here the chart's core module fails as it makes the core.
 */
import { expect, test, vi } from 'vitest';
import '../../src/ui/app/apparat-app.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import { $, chart, deep, params, text } from './helpers.ts';

vi.mock('../../src/ui/chart/core.ts', () => ({
  createCore: () => {
    throw new Error('no canvas could be made');
  },
}));

test("Cytoscape cannot start: the chart stays a picture and says so; the outline, the panels and the timeline work", async () => {
  history.replaceState(null, '', `${location.pathname}?graph=leningrad-region&at=1930-01`);
  const app = document.createElement('apparat-app') as ApparatApp;
  app.style.height = '800px';
  document.body.append(app);
  const alert = () => chart(app)?.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '';
  await expect.poll(alert, { timeout: 15_000 }).toContain('could not start its drawing code (no canvas could be made)');
  expect(alert()).toContain('Reload the page');
  expect(chart(app)!.shadowRoot!.querySelector('canvas.picture'), 'the picture stays').not.toBeNull();
  // The outline lists the organs, and choosing one opens its details.
  await expect.poll(() => deep(app, 'apparat-outline', '[data-id="obkom"]'), { timeout: 15_000 }).not.toBeNull();
  expect($(app, '[role="tablist"]')).not.toBeNull();
  deep(app, 'apparat-outline', '[data-id="obkom"]')!.click();
  await expect.poll(() => text(deep(app, 'apparat-details')), { timeout: 15_000 }).toContain('Leningrad obkom');
  expect(params().get('select')).toBe('obkom');
  app.remove();
});
