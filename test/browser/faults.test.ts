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
import { DRAFT_KEY, loadDraft, saveDraft } from '../../src/ui/story-builder/build.ts';
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
  localStorage.removeItem(DRAFT_KEY);
  localStorage.removeItem(`${DRAFT_KEY}:unreadable`);
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

  const builder = (app: ApparatApp) => deep(app, 'apparat-story-builder')!;
  const stepsShown = (app: ApparatApp) => [...builder(app).shadowRoot!.querySelectorAll('ol.steps > li')].map((li) => li.getAttribute('aria-label'));

  test("two tabs editing the story draft: one tab's step does not erase the other's", async () => {
    localStorage.removeItem(DRAFT_KEY);
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    await userEvent.click($(builder(app), 'button.add')!);
    await expect.poll(() => stepsShown(app)).toHaveLength(1);
    // The other tab (a second window on the same storage) adds its own step, as its builder does.
    const other = document.createElement('iframe');
    document.body.append(other);
    try {
      const theirs = other.contentWindow!.localStorage;
      const d = loadDraft(theirs)!;
      expect(d.steps).toHaveLength(1);
      saveDraft(theirs, { ...d, steps: [...d.steps, { ...d.steps[0], at: '1932-03', caption: 'From the other tab', citation: '§3.2' }] });
    } finally {
      other.remove();
    }
    // This tab shows it, and its next step joins both.
    await expect.poll(() => stepsShown(app)).toHaveLength(2);
    app.explorer.go({ at: '1933-01' });
    await app.updateComplete;
    await userEvent.click($(builder(app), 'button.add')!);
    await expect.poll(() => stepsShown(app)).toHaveLength(3);
    const kept = loadDraft(localStorage)!;
    expect(kept.steps.map((s) => s.at)).toEqual(['1931-06', '1932-03', '1933-01']);
    expect(kept.steps[1].caption).toBe('From the other tab');
  });

  test('the storage full when the draft is saved: said in words, the draft kept on the page, and downloadable', async () => {
    localStorage.removeItem(DRAFT_KEY);
    replace(Storage.prototype, 'setItem', function () {
      throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.", 'QuotaExceededError');
    } as Storage['setItem']);
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    await userEvent.click($(builder(app), 'button.add')!);
    await expect.poll(() => stepsShown(app)).toHaveLength(1);
    const alert = $(builder(app), '.kept-problem[role="alert"]');
    expect(text(alert)).toContain('its storage is full');
    expect(text(alert)).toContain('download it to keep it');
    const got = await downloads(() => userEvent.click($(builder(app), 'button.download-draft')!));
    expect(got).toHaveLength(1);
    const file = JSON.parse(await got[0].blob.text());
    expect(file.kind).toBe('story');
    expect(file.steps.map((s: { graph: string; at: string }) => `${s.graph} ${s.at}`)).toEqual(['leningrad-region 1931-06']);
  });

  test('a kept draft that no longer reads: set aside (not overwritten), said in words, downloadable', async () => {
    const old = '{"title": 5, "pages": ["an older format"]}';
    localStorage.setItem(DRAFT_KEY, old);
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    const alert = $(builder(app), '.kept-problem[role="alert"]');
    expect(text(alert)).toContain('no longer reads as a draft');
    expect(localStorage.getItem(`${DRAFT_KEY}:unreadable`)).toBe(old);
    const got = await downloads(() => userEvent.click($(builder(app), 'button.download-draft')!));
    expect(await got[0].blob.text()).toBe(old);
    // The builder works: a new draft with a step.
    await userEvent.click($(builder(app), 'button.add')!);
    await expect.poll(() => stepsShown(app)).toHaveLength(1);
    expect(localStorage.getItem(`${DRAFT_KEY}:unreadable`)).toBe(old);
  });
});
