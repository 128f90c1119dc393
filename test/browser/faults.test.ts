/**
 * Faults a user's browser can throw at the app, each survived with nothing lost and the user told
 * in words: the import worker dying, the storage quota full, stored files that no longer validate,
 * a second tab editing the same story draft. (IndexedDB unavailable: faults-private.test.ts; a
 * graph file the host fails to serve: faults-host.test.ts — each must come before anything opens.)
 */
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import { clearYours, listYours, putYours } from '../../src/ui/storage/graphs-db.ts';
import { chart, deep, hasGraph, openApp, params, text, $ } from './helpers.ts';
import { downloads, drop, fileOf } from './io-helpers.ts';

const ready = hasGraph('leningrad-region');
const hierarchy = 'id;label;type;parent;start;end;source\r\nmin;Ministry;ministry;;1950;1990;Annual report\r\ndept-a;Department A;department;min;1950;1970;Annual report\r\n';
const ministry = () => fileOf('ministry.csv', hierarchy, 'text/csv');
const graphOptions = (app: ApparatApp) => [...app.shadowRoot!.querySelectorAll('.graph-pick optgroup[label="Yours"] option')].map((o) => (o as HTMLOptionElement).value);
const notice = (app: ApparatApp) => text($(app, '.notice'));

/** Replaces a method for one test; `undo` puts every replaced one back. */
const undo: (() => void)[] = [];
function replace<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  const was = target[key];
  target[key] = value;
  undo.push(() => (target[key] = was));
}

afterEach(async () => {
  while (undo.length) undo.pop()!();
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  await clearYours();
});

describe.runIf(ready)('faults survived', { timeout: 60_000 }, () => {
  // First in the file: the import worker starts on the first import.
  test('the import worker dies during an import: the import says so, and the page stays usable', async () => {
    const Real = Worker;
    class Dying extends Real {
      postMessage(message: unknown): void {
        super.postMessage(message);
        // Killed (out of memory, a crash): it never answers.
        this.terminate();
        queueMicrotask(() => this.dispatchEvent(new ErrorEvent('error', { message: 'the worker was killed', cancelable: true })));
      }
    }
    replace(globalThis, 'Worker', Dying as typeof Worker);
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    const r = await drop(app, [ministry()]);
    expect(r.failed).toBe(1);
    const problems = $(app, '.problems') as HTMLDetailsElement;
    expect(problems.open).toBe(true);
    expect(text(problems)).toContain('ministry.csv');
    expect(text(problems)).toContain('the import worker failed (the worker was killed)');
    expect(params().get('graph')).toBe('leningrad-region');
    expect(chart(app)!.drawnIds().length).toBeGreaterThan(10);
    // Still usable: the same file, dropped again, opens (read on the page now).
    const again = await drop(app, [ministry()]);
    expect(again.failed).toBe(0);
    await expect.poll(() => params().get('graph')).toBe('ministry');
    await expect.poll(() => chart(app)!.drawnIds().length).toBe(2);
  });

  test('the storage quota full on save: a clear message, the graph open, and a way to download it', async () => {
    replace(IDBObjectStore.prototype, 'put', function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    } as IDBObjectStore['put']);
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    await drop(app, [ministry()]);
    await expect.poll(() => params().get('graph')).toBe('ministry');
    expect(notice(app)).toContain("this browser's storage for apparat is full");
    expect(notice(app)).toContain('Export → apparat JSON');
    await expect.poll(() => chart(app)!.drawnIds().length).toBe(2);
    // The way to keep it: Export, apparat JSON.
    const menu = deep(app, 'apparat-export-menu')!;
    await userEvent.click($(menu, 'button.toggle')!);
    const got = await downloads(() => userEvent.click($(menu, '[data-export="json"]')!));
    expect(got).toHaveLength(1);
    const saved = JSON.parse(await got[0].blob.text());
    expect(saved.id).toBe('ministry');
    expect(saved.organs.map((o: { id: string }) => o.id).sort()).toEqual(['dept-a', 'min']);
  });

  test('a stored graph and a stored story that no longer validate are skipped with a notice naming them; the rest load', async () => {
    let app = await openApp('?graph=leningrad-region&at=1931-06');
    await drop(app, [ministry()]);
    expect((await listYours()).map((y) => y.key)).toEqual(['graph:ministry']);
    const saved = Date.now();
    // As an older version might have kept them: an organ without a type, a story without steps.
    const oldGraph = { apparat: 1, id: 'old-format', title: 'An old format', sources: {}, organs: [{ id: 'x', names: [{ name: 'X' }] }], edges: [] };
    await putYours({ key: 'graph:old-format', kind: 'graph', id: 'old-format', title: 'An old format', file: 'old.json', saved, graph: oldGraph as never });
    await putYours({ key: 'story:old-story', kind: 'story', id: 'old-story', title: 'An old story', file: 'old-story.json', saved, story: { apparat: 1, kind: 'story', id: 'old-story', title: 'An old story' } as never });
    app.remove();
    app = await openApp('?graph=ministry');
    await expect.poll(() => notice(app)).toContain('Skipped 2 of your stored files');
    expect(notice(app)).toContain('“An old format” (old.json)');
    expect(notice(app)).toContain('“An old story” (old-story.json)');
    expect(graphOptions(app)).toEqual(['ministry']);
    expect(chart(app)!.drawnIds().length).toBe(2);
  });
});
