import { expect, test } from 'vitest';
import { chart, deep, openApp, text } from './helpers.ts';

test('the app opens on a chart of the largest graph, with its outline and timeline', async () => {
  const app = await openApp();
  const slider = deep(app, 'apparat-timeline', 'input[type="range"]') as HTMLInputElement;
  expect(slider.getAttribute('aria-label')).toBe('Date');
  expect(slider.getAttribute('aria-valuetext')).toMatch(/\d{4}/);
  const tree = deep(app, 'apparat-outline', '[role="tree"]');
  expect(tree?.querySelectorAll('[role="treeitem"]').length).toBeGreaterThan(0);
  expect(chart(app)!.drawnIds().length).toBeGreaterThan(0);
  expect(new URLSearchParams(location.search).get('graph')).toBeTruthy();
  expect(text(deep(app, 'apparat-legend'))).toContain('Legend');
  app.remove();
});
