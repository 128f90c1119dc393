/**
 * IndexedDB unavailable (some private modes refuse it): the app works, graphs opened are kept for
 * the session, and the user is told they will not survive a reload. Its own file: the stub must
 * be in place before the app first opens its storage.
 */
import { afterAll, expect, test } from 'vitest';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import { chart, hasGraph, openApp, params, text, $ } from './helpers.ts';
import { drop, fileOf } from './io-helpers.ts';

const hierarchy = 'id;label;type;parent;start;end;source\r\nmin;Ministry;ministry;;1950;1990;Annual report\r\ndept-a;Department A;department;min;1950;1970;Annual report\r\n';
const graphOptions = (app: ApparatApp) => [...app.shadowRoot!.querySelectorAll('.graph-pick optgroup[label="Yours"] option')].map((o) => (o as HTMLOptionElement).value);
const notice = (app: ApparatApp) => text($(app, '.notice'));

const open = indexedDB.open;
afterAll(() => {
  indexedDB.open = open;
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
});

test.runIf(hasGraph('leningrad-region'))('IndexedDB unavailable: the app works, an opened graph is kept for the session, and the user is told it will not survive a reload', { timeout: 60_000 }, async () => {
  indexedDB.open = () => {
    throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
  };
  let app = await openApp('?graph=leningrad-region&at=1931-06');
  await expect.poll(() => notice(app)).toContain('will not survive a reload');
  expect(notice(app)).toContain("This browser's storage cannot be used");
  expect(chart(app)!.drawnIds().length).toBeGreaterThan(10);
  await drop(app, [fileOf('ministry.csv', hierarchy, 'text/csv')]);
  await expect.poll(() => params().get('graph')).toBe('ministry');
  expect(notice(app)).toContain('“ministry” is open for this session only and will not survive a reload');
  // Leaving the explorer and coming back in this session: it is still there.
  app.remove();
  app = await openApp('?graph=ministry');
  expect(graphOptions(app)).toEqual(['ministry']);
  expect(chart(app)!.drawnIds().length).toBe(2);
  // Yours says so beside it.
  const yours = $(app, 'apparat-yours')!.shadowRoot!;
  (yours.querySelector('button.toggle') as HTMLElement).click();
  await expect.poll(() => text(yours.querySelector('li[data-key="graph:ministry"]'))).toContain('this session only: not kept after a reload');
});
