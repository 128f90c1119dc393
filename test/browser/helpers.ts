import { expect } from 'vitest';
import '../../src/ui/app/apparat-app.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import type { ApparatChart } from '../../src/ui/chart/apparat-chart.ts';
import { bundledFileNames } from '../../src/io/bundled.ts';
import { ready } from '../../src/ui/lazy.ts';

export const hasGraph = (id: string) => bundledFileNames.includes(`graphs/${id}.json`);

/** Opens the app at a URL query, as a user following a link would, and waits for the chart. */
export async function openApp(query = ''): Promise<ApparatApp> {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  history.replaceState(null, '', `${location.pathname}${query}`);
  const app = document.createElement('apparat-app') as ApparatApp;
  app.style.height = '800px';
  document.body.append(app);
  await expect.poll(() => chart(app)?.drawnIds().length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
  // The picture drawn while Cytoscape's code loaded (src/ui/chart/picture.ts) has given way to its chart.
  await expect.poll(() => chart(app)?.shadowRoot?.querySelector('canvas.picture') ?? null, { timeout: 15_000 }).toBeNull();
  // The panels and menus load after the first chart (src/ui/lazy.ts); the outline and the tabs are drawn the frame after it.
  await ready();
  await expect.poll(() => $(app, '[role="tablist"]'), { timeout: 15_000 }).not.toBeNull();
  return app;
}

export function $(root: Element | ShadowRoot | null | undefined, selector: string): HTMLElement | null {
  return (root instanceof Element ? root.shadowRoot ?? root : root)?.querySelector(selector) ?? null;
}

/** Finds an element through shadow roots: `$$(app, 'apparat-details', 'h2')`. */
export function deep(root: Element, ...path: string[]): HTMLElement | null {
  let cur: Element | null = root;
  for (const sel of path) {
    cur = cur ? $(cur, sel) : null;
  }
  return cur as HTMLElement | null;
}

export const chart = (app: ApparatApp) => $(app, 'apparat-chart') as ApparatChart | null;
export const text = (el: Element | null) => (el?.shadowRoot ?? el)?.textContent?.replace(/\s+/g, ' ') ?? '';
export const params = () => new URLSearchParams(location.search);
