/**
 * A graph file the site fails to serve (a 404 from a static host): its error is shown and the
 * other graphs work, those that link to it included. Its own file: the request must fail before
 * the page first loads the graphs.
 */
import { afterAll, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { chart, hasGraph, openApp, text, $ } from './helpers.ts';

afterAll(async () => {
  await commands.serveAgain();
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
});

test.runIf(hasGraph('factory-kirov') && hasGraph('leningrad-region'))('a bundled graph file answering 404: its error is listed, the others work', { timeout: 60_000 }, async () => {
  await commands.failRequests('/graphs/factory-kirov.json');
  let app = await openApp('?graph=leningrad-region&at=1931-06');
  const problems = $(app, '.problems') as HTMLDetailsElement;
  expect(text(problems)).toContain('1 graph file could not be loaded: graphs/factory-kirov.json. The others work.');
  expect(text(problems)).toContain('could not be fetched from the site');
  // The region, which links to the factory, is drawn.
  expect(chart(app)!.drawnIds().length).toBeGreaterThan(10);
  expect(app.explorer.valid.map((g) => g.id)).toContain('factory-krasnyi-putilovets');
  // Asking for the missing graph: told, in words, with the others to choose from.
  app.remove();
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  history.replaceState(null, '', `${location.pathname}?graph=factory-kirov`);
  app = document.createElement('apparat-app');
  document.body.append(app);
  await expect.poll(() => text($(app, 'main.empty'))).toContain('graphs/factory-kirov.json could not be loaded');
  expect((app.shadowRoot!.querySelector('.graph-pick select') as HTMLSelectElement).options.length).toBeGreaterThan(10);
});
