/**
 * The explorer's controls do what they show: pop-ups on screen at 1280 px, Esc closes Types, a
 * tick opens the event it shows, the slider keeps its width while stepping, list bullets on wrapped
 * names, leaving a story restores the explorer's filters, and Play steps event by event and stops.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import type { ApparatTimeline } from '../../src/ui/timeline/apparat-timeline.ts';
import { $, hasGraph, openApp, params } from './helpers.ts';

const ready = hasGraph('leningrad-region');
const timeline = (app: ApparatApp) => $(app, 'apparat-timeline') as ApparatTimeline;
const search = (app: ApparatApp) => $(app, 'apparat-search')!;
const onScreen = (r: DOMRect) => r.left >= 0 && r.right <= window.innerWidth && r.width > 0;

afterEach(async () => {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  await page.viewport(1280, 800);
});

describe.runIf(ready)('the controls', () => {
  test('at 1280 px the search results and the Types panel open on screen; Esc closes Types', async () => {
    await page.viewport(1280, 800);
    const app = await openApp('?graph=leningrad-region&at=1930-07');
    const root = search(app).shadowRoot!;
    const input = root.querySelector('input[type="search"]') as HTMLInputElement;
    await userEvent.click(input);
    await userEvent.keyboard('raikom');
    await expect.poll(() => root.querySelector('[role="listbox"]')).not.toBeNull();
    await expect.poll(() => onScreen(root.querySelector('[role="listbox"]')!.getBoundingClientRect())).toBe(true);
    await userEvent.keyboard('{Escape}');

    const details = root.querySelector('details')!;
    await userEvent.click(root.querySelector('summary')!);
    await expect.poll(() => details.open).toBe(true);
    await expect.poll(() => onScreen(root.querySelector('.panel')!.getBoundingClientRect())).toBe(true);
    // Esc with the focus in the panel, and with the focus elsewhere.
    (root.querySelector('.panel input[type="checkbox"]') as HTMLElement).focus();
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => details.open).toBe(false);
    await userEvent.click(root.querySelector('summary')!);
    await expect.poll(() => details.open).toBe(true);
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => details.open).toBe(false);
  });

  test('every tick, clicked, opens the event it shows (a group tick through its list)', async () => {
    const app = await openApp('?graph=leningrad-region&at=1930-07');
    const tl = timeline(app);
    const root = tl.shadowRoot!;
    await expect.poll(() => root.querySelectorAll('.tick').length).toBeGreaterThan(0);
    const events = app.explorer.derived()!.events.map((e) => e.id);
    const opened = new Set<string>();
    const count = root.querySelectorAll('.tick').length;
    for (let i = 0; i < count; i++) {
      const tick = root.querySelectorAll('.tick')[i] as HTMLElement;
      const ids = (tick.dataset.event ?? tick.dataset.events ?? '').split(' ').filter(Boolean);
      if (ids.length === 1) {
        await userEvent.click(tick);
        await expect.poll(() => params().get('event')).toBe(ids[0]);
        opened.add(ids[0]);
        continue;
      }
      // A group tick shows its count and opens a list of exactly its events.
      expect(tick.textContent).toContain(String(ids.length));
      for (const id of ids) {
        await userEvent.click(root.querySelectorAll('.tick')[i] as HTMLElement);
        await expect.poll(() => root.querySelector('.group-list')).not.toBeNull();
        expect([...root.querySelectorAll('.group-list button')].map((b) => (b as HTMLElement).dataset.event)).toEqual(ids);
        await userEvent.click(root.querySelector(`.group-list button[data-event="${id}"]`)!);
        await expect.poll(() => params().get('event')).toBe(id);
        opened.add(id);
      }
    }
    // Every event of the graph has a tick, and no two ticks overlap.
    expect([...opened].sort()).toEqual([...events].sort());
    const boxes = [...root.querySelectorAll('.tick')].map((t) => t.getBoundingClientRect()).sort((a, b) => a.left - b.left);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i].left).toBeGreaterThanOrEqual(boxes[i - 1].right);
  }, 180_000);

  test('the slider keeps its width while stepping through the events', async () => {
    const app = await openApp('?graph=leningrad-region&at=1930-07');
    const tl = timeline(app);
    const slider = tl.shadowRoot!.querySelector('input[type="range"]')!;
    const width = slider.getBoundingClientRect().width;
    const events = app.explorer.derived()!.events;
    app.explorer.chooseEvent(events[0].id);
    await expect.poll(() => params().get('event')).toBe(events[0].id);
    const next = tl.shadowRoot!.querySelector('button.next') as HTMLButtonElement;
    const widths = new Set<number>([Math.round(slider.getBoundingClientRect().width)]);
    for (const e of events.slice(1, 13)) {
      await userEvent.click(next);
      await expect.poll(() => params().get('event')).toBe(e.id);
      widths.add(Math.round(slider.getBoundingClientRect().width));
    }
    expect([...widths]).toEqual([Math.round(width)]);
  }, 90_000);

  test('in the Events and Compare lists every name has its bullet, on its first line even when it wraps', async () => {
    const app = await openApp('?graph=leningrad-region&at=1930-07');
    const events = app.explorer.derived()!.events;
    // An event with several outputs.
    const e = events.find((x) => x.outputs.length + x.inputs.length >= 3)!;
    await userEvent.click($(app, '#tab-events')!);
    await expect.poll(() => $(app, 'apparat-events')?.shadowRoot?.querySelector('.choose') ?? null).not.toBeNull();
    const list = $(app, 'apparat-events')!.shadowRoot!;
    const i = events.indexOf(e);
    await userEvent.click(list.querySelectorAll('.choose')[i] as HTMLElement);
    await expect.poll(() => $(app, 'apparat-events')?.shadowRoot?.querySelector('.io li') ?? null).not.toBeNull();
    const bullets = (root: ShadowRoot, sel: string) =>
      [...root.querySelectorAll(sel)].map((li) => {
        const before = getComputedStyle(li, '::before');
        return { content: before.content, top: Number.parseFloat(before.top) };
      });
    const evRoot = $(app, 'apparat-events')!.shadowRoot!;
    const ev = bullets(evRoot, '.io li');
    expect(ev.length).toBeGreaterThan(0);
    for (const b of ev) expect(b).toEqual({ content: '"•"', top: 0 });

    app.explorer.update({ tab: 'compare' });
    app.explorer.compareWith(app.explorer.view.at!.startsWith('1933') ? '1928-01' : '1933-06');
    await expect.poll(() => $(app, 'apparat-compare')?.shadowRoot?.querySelector('ul.changes li') ?? null).not.toBeNull();
    const cmp = bullets($(app, 'apparat-compare')!.shadowRoot!, 'ul.changes li');
    expect(cmp.length).toBeGreaterThan(0);
    for (const b of cmp) expect(b).toEqual({ content: '"•"', top: 0 });
  });

  test("leaving a story with Esc restores the explorer's own hidden types, not the story's", async () => {
    const app = await openApp('?graph=leningrad-region&at=1930-07&hide=sector');
    app.explorer.present('okrugs-to-raions');
    await expect.poll(() => app.shadowRoot!.querySelector('apparat-presentation')).not.toBeNull();
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => params().get('step')).toBe('2');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => app.shadowRoot!.querySelector('apparat-presentation')).toBeNull();
    expect(params().get('story')).toBeNull();
    expect(params().get('hide')).toBe('sector');
    expect(app.explorer.view.hide).toEqual(['sector']);
  });

  test('Play steps event by event in stepping order and stops at the last', async () => {
    const app = await openApp('?graph=leningrad-region&at=1930-07');
    const events = app.explorer.derived()!.events.map((e) => e.id);
    const tl = timeline(app);
    const root = tl.shadowRoot!;
    // Start three events before the end, at the fastest speed.
    app.explorer.chooseEvent(events[events.length - 4]);
    await expect.poll(() => params().get('event')).toBe(events[events.length - 4]);
    const speed = root.querySelector('.speed select') as HTMLSelectElement;
    await userEvent.selectOptions(speed, '4');
    const chosen: string[] = [];
    tl.addEventListener('event-choose', (e) => chosen.push(e.detail.id));
    const play = root.querySelector('button.play') as HTMLButtonElement;
    await userEvent.click(play);
    await expect.poll(() => play.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('false');
    expect(chosen).toEqual(events.slice(-3));
    expect(params().get('event')).toBe(events.at(-1));
  }, 60_000);
});
