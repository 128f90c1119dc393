/**
 * Stepping through the regional graph's events with `]` at 1440×900, as a user would: after each
 * step the event's outputs are drawn and framed, the inputs it ended are gone, no label in view is
 * under 11 px, and no organ with one lifetime vanishes and comes back over the walk.
 */
import { describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/ui/app/apparat-app.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import { justAfter } from '../../src/model/steps.ts';
import { formatDate } from '../../src/model/dates.ts';
import { chart, deep, hasGraph, params } from './helpers.ts';

const MIN_LABEL = 11;

async function openFull(query: string): Promise<ApparatApp> {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  localStorage.removeItem('apparat:folded-panels');
  history.replaceState(null, '', `${location.pathname}${query}`);
  const app = document.createElement('apparat-app') as ApparatApp;
  app.style.height = '100vh';
  document.body.style.margin = '0';
  document.body.append(app);
  await expect.poll(() => chart(app)?.drawnIds().length ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
  return app;
}

/** Whether a box holds the centre of another (their marks' halos may touch; the boxes must not sit on each other). */
const holds = (b: DOMRect, o: DOMRect) => b.left < o.x + o.width / 2 && o.x + o.width / 2 < b.right && b.top < o.y + o.height / 2 && o.y + o.height / 2 < b.bottom;

/** Whether a page box lies inside another (half a pixel of rounding). */
const inside = (b: DOMRect, r: DOMRect) => b.left >= r.left - 0.5 && b.right <= r.right + 0.5 && b.top >= r.top - 0.5 && b.bottom <= r.bottom + 0.5;

describe.runIf(hasGraph('leningrad-region'))('stepping through the regional graph at 1440×900', () => {
  test('every event: its outputs drawn and in view, what it ended gone, labels of 11 px or more, no organ flickers', { timeout: 600_000 }, async () => {
    await page.viewport(1440, 900);
    const app = await openFull('?graph=leningrad-region&at=1927-01');
    const c = chart(app)!;
    const model = app.explorer.derived()!.model;
    const events = app.explorer.derived()!.events;
    expect(events.length).toBeGreaterThan(30);
    // The chart has the larger share of the window.
    expect(c.getBoundingClientRect().width).toBeGreaterThan(1440 / 2);

    const seen = new Map<string, number[]>();
    const report: string[] = [];
    const missing: string[] = [];
    for (let k = 0; k < events.length; k++) {
      const e = events[k];
      document.body.focus();
      await userEvent.keyboard(']');
      await expect.poll(() => params().get('event'), { timeout: 30_000 }).toBe(e.id);
      await c.drawn();
      const step = justAfter(model, e.id)!;
      const outputs = e.outputs.filter((id) => step.snapshot.organs.has(id));
      // Drawn: every output that exists just after; gone: every input the event ended.
      await expect.poll(() => outputs.filter((id) => !c.drawnIds().includes(id)), { timeout: 30_000 }).toEqual([]);
      expect(step.ended.filter((id) => c.drawnIds().includes(id))).toEqual([]);
      // The camera has come to rest on the change: the first output whole in view, labels legible.
      const rect = () => c.getBoundingClientRect();
      const primary = step.framed[0];
      if (primary) await expect.poll(() => inside(c.nodeBox(primary)!, rect()), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => Math.min(...c.labelsInView()), { timeout: 30_000 }).toBeGreaterThanOrEqual(MIN_LABEL);
      await c.drawn();
      // Every output is in view (what holds none of the change is folded, and rows of subtrees too
      // wide for the chart wrapped, when it cannot all be read together), and no output sits on
      // another. Organs glide to their places, so wait for them to get there.
      const covers = () => {
        const boxes = outputs.map((id) => [id, c.nodeBox(id)!] as const);
        const out: string[] = [];
        for (const [i, [a, p]] of boxes.entries())
          for (const [b, q] of boxes.slice(i + 1)) if (holds(p, q) || holds(q, p)) out.push(`${a} covers ${b}`);
        return out;
      };
      const outside = () => outputs.filter((id) => !inside(c.nodeBox(id)!, rect()));
      await expect.poll(() => covers().length === 0 && outside().length === 0, { timeout: 5_000 }).toBe(true).catch(() => undefined);
      for (const x of covers()) missing.push(`${e.id}: ${x}`);
      const shown = outputs.filter((id) => !outside().includes(id));
      if (shown.length < outputs.length) missing.push(`${e.id}: ${outside().join(', ')} out of view`);
      report.push(`${e.id}: ${shown.length}/${outputs.length} outputs in view, smallest label ${Math.min(...c.labelsInView()).toFixed(1)} px, chart ${Math.round(rect().width)}×${Math.round(rect().height)}`);
      // The caption strip names the event.
      expect(deep(app, '.step-caption')?.textContent).toContain(e.title);
      // Shown: drawn, or folded into a drawn summary ("+3 folded") to frame the change.
      const tree = app.explorer.derived()!.tree;
      const drawn = new Set(c.drawnIds());
      const underFold = (id: string): boolean => {
        for (let p = step.snapshot.organs.get(id)?.parent; p !== undefined; p = step.snapshot.organs.get(p)?.parent) if (drawn.has(p)) return tree.folded.has(p);
        return false;
      };
      const folded = [...step.snapshot.organs.keys()].filter((id) => !drawn.has(id) && underFold(id));
      if (tree.folded.size) expect(folded.length, `${e.id}: folded organs`).toBeGreaterThan(0);
      for (const id of [...drawn, ...folded]) seen.set(id, [...(seen.get(id) ?? []), k]);
    }
    // An organ with one lifetime is drawn over one unbroken run of steps.
    const flicker: string[] = [];
    for (const [id, steps] of seen) {
      const organ = model.graph.organs.find((o) => o.id === id);
      if (!organ || organ.exists.length !== 1) continue;
      if (steps[steps.length - 1] - steps[0] + 1 !== steps.length) flicker.push(`${id} at ${steps.join(',')}`);
    }
    console.log(report.join('\n'));
    expect(missing, 'outputs out of view').toEqual([]);
    expect(flicker).toEqual([]);
    app.remove();
  });

  test('on an event, what holds none of the change is folded, said in the chart and the outline, and unfolds by key; leaving the event restores it', { timeout: 180_000 }, async () => {
    await page.viewport(1440, 900);
    const app = await openFull('?graph=leningrad-region&event=urban-raikoms-to-gorkom-1931');
    const c = chart(app)!;
    // The chart measures its room, and the step folds the raikoms' own factories into them.
    await expect.poll(() => app.explorer.derived()!.tree.folded.size, { timeout: 30_000 }).toBeGreaterThan(0);
    await c.drawn();
    const raikom = 'raikom-vyborgskii';
    const hidden = app.explorer.derived()!.tree.folded.get(raikom)!;
    expect(hidden).toBeGreaterThan(0);
    expect(c.drawnIds()).not.toContain('stalin-party-committee');
    expect(c.core!.getElementById(raikom).data('label')).toContain(`+${hidden} folded`);
    // The outline, for a screen reader, says so too.
    const row = [...(deep(app, 'apparat-outline')?.shadowRoot?.querySelectorAll('[role="treeitem"]') ?? [])].find((r) => r.textContent?.includes('Vyborgskii'));
    expect(row?.textContent).toContain(`+${hidden}`);
    expect(row?.getAttribute('aria-expanded')).toBe('false');
    // Selected and `c`: it unfolds, the rest of the step stays as it was.
    app.explorer.select(raikom);
    await app.updateComplete;
    document.body.focus();
    await userEvent.keyboard('c');
    await expect.poll(() => c.drawnIds().includes('stalin-party-committee'), { timeout: 30_000 }).toBe(true);
    expect(params().get('event')).toBe('urban-raikoms-to-gorkom-1931');
    // Leaving the event (Esc clears it, then a date) draws the whole chart again.
    app.explorer.setDate('1932-01');
    await expect.poll(() => app.explorer.derived()!.tree.folded.size, { timeout: 30_000 }).toBe(0);
    app.remove();
  });

  test('a link to an event alone stands at its date', { timeout: 120_000 }, async () => {
    await page.viewport(1440, 900);
    const app = await openFull('?graph=leningrad-region&event=gorkom-elected-1931');
    const e = app.explorer.derived()!.events.find((x) => x.id === 'gorkom-elected-1931')!;
    await expect.poll(() => params().get('at')).toBe(e.date);
    expect(deep(app, 'apparat-timeline', 'output')?.textContent).toBe(formatDate(e.date));
    expect(deep(app, '.step-caption')?.textContent).toContain(e.title);
    app.remove();
  });

  test('the side panels fold away and stay folded; Fit survives the legend', { timeout: 120_000 }, async () => {
    await page.viewport(1440, 900);
    const app = await openFull('?graph=leningrad-region&at=1933-01');
    const c = chart(app)!;
    const before = c.getBoundingClientRect().width;
    for (const side of ['left', 'right']) {
      const fold = deep(app, `button.fold.${side}`)!;
      expect(fold.getAttribute('aria-pressed')).toBe('false');
      await userEvent.click(fold);
      await expect.poll(() => fold.getAttribute('aria-pressed')).toBe('true');
    }
    await expect.poll(() => c.getBoundingClientRect().width).toBeGreaterThan(before + 400);
    // Opened again, the explorer keeps them folded.
    app.remove();
    history.replaceState(null, '', `${location.pathname}?graph=leningrad-region&at=1933-01`);
    const again = document.createElement('apparat-app') as ApparatApp;
    again.style.height = '100vh';
    document.body.append(again);
    await expect.poll(() => chart(again)?.drawnIds().length ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(deep(again, 'aside.left')?.hidden).toBe(true);
    expect(deep(again, 'aside.right')?.hidden).toBe(true);
    localStorage.removeItem('apparat:folded-panels');
    // With an organ far from the top selected, Fit (too much to read whole) shows it; opening the
    // legend keeps that view rather than going back to the top of the tree.
    const c2 = chart(again)!;
    const far = [...again.explorer.derived()!.tree.organs.keys()].at(-1)!;
    again.explorer.select(far);
    await again.updateComplete;
    await c2.drawn();
    await userEvent.click(deep(again, 'apparat-chart', 'button[title="Fit (F)"]')!);
    await c2.drawn();
    const rect = () => c2.getBoundingClientRect();
    await expect.poll(() => inside(c2.nodeBox(far)!, rect()), { timeout: 30_000 }).toBe(true);
    expect(Math.min(...c2.labelsInView())).toBeGreaterThanOrEqual(MIN_LABEL);
    const legend = deep(again, 'apparat-legend', 'button')!;
    const open = legend.getAttribute('aria-expanded');
    await userEvent.click(legend);
    await expect.poll(() => legend.getAttribute('aria-expanded')).not.toBe(open);
    await new Promise((r) => setTimeout(r, 500));
    await c2.drawn();
    expect(inside(c2.nodeBox(far)!, rect())).toBe(true);
    expect(Math.min(...c2.labelsInView())).toBeGreaterThanOrEqual(MIN_LABEL);
    again.remove();
  });
});

