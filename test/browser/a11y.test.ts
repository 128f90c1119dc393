/**
 * axe-core (WCAG 2.1 A and AA rules) on the views a user meets: the explorer, a date, a
 * comparison, an organ's details, a factory's chart, the presentation stage and speaker view, the
 * story builder, the importer's problems and the export menu. No serious or critical violation.
 */
import axe from 'axe-core';
import { afterEach, describe, expect, test } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { MARKS } from '../../src/render/marks.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import type { ApparatPresentation } from '../../src/ui/presentation/apparat-presentation.ts';
import { chart, deep, hasGraph, openApp, params, $ } from './helpers.ts';
import { drop, fileOf } from './io-helpers.ts';

const ready = hasGraph('leningrad-region') && hasGraph('factory-krasnyi-putilovets') && hasGraph('leningrad-apparatus');

/** The serious and critical violations on the page, one line each (rule, element, what is wrong). */
async function violations(): Promise<string[]> {
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

/** Opens a story on the stage or in the speaker view and waits for what it shows (`ready`). */
async function openStory(query: string, ready: (app: ApparatApp) => boolean): Promise<ApparatApp> {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  history.replaceState(null, '', `${location.pathname}${query}`);
  const app = document.createElement('apparat-app') as ApparatApp;
  app.style.height = '800px';
  document.body.append(app);
  await expect.poll(() => ready(app), { timeout: 20_000 }).toBe(true);
  return app;
}

afterEach(() => {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
});

describe.runIf(ready)('axe-core finds no serious or critical violation', { timeout: 60_000 }, () => {
  test('the explorer as it opens', async () => {
    await openApp();
    expect(await violations()).toEqual([]);
  });

  test('the Leningrad region in June 1931', async () => {
    await openApp('?graph=leningrad-region&at=1931-06');
    expect(await violations()).toEqual([]);
  });

  test('a comparison of 1932 with 1929', async () => {
    const app = await openApp('?graph=leningrad-region&at=1932-03&compare=1929-06');
    await expect.poll(() => deep(app, 'apparat-compare')?.shadowRoot?.textContent ?? '').toContain('Removed');
    expect(await violations()).toEqual([]);
  });

  test("an organ's details", async () => {
    const app = await openApp('?graph=leningrad-region&at=1931-06&select=gorkom');
    await expect.poll(() => deep(app, 'apparat-details', 'h2')?.textContent ?? '').not.toBe('');
    expect(await violations()).toEqual([]);
  });

  test("a holder's attributes in the details, and a person's career with what the sources say of them", async () => {
    const app = await openApp('?graph=leningrad-apparatus&at=1932-06&select=gorkom');
    await expect.poll(() => deep(app, 'apparat-details', 'ul.attributes')).toBeTruthy();
    expect(await violations()).toEqual([]);
    app.explorer.openPerson('gaza');
    await expect.poll(() => deep(app, 'apparat-person', 'dl.attributes')).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  test("Krasnyi putilovets' chart", async () => {
    await openApp('?graph=factory-krasnyi-putilovets');
    expect(await violations()).toEqual([]);
  });

  test('the presentation stage', async () => {
    await openStory('?story=okrugs-to-raions&step=1', (app) => !!(deep(app, 'apparat-presentation') as ApparatPresentation | null)?.chart?.drawnIds().length);
    expect(await violations()).toEqual([]);
  });

  test('the speaker view', async () => {
    await openStory('?story=okrugs-to-raions&step=1&view=speaker', (app) => /1 \/ \d/.test(deep(app, 'apparat-speaker', '.counter')?.textContent ?? ''));
    expect(await violations()).toEqual([]);
  });

  test('the story builder with a step', async () => {
    localStorage.removeItem('apparat:story-draft');
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    await userEvent.click(deep(app, 'apparat-story-builder', 'button.add')!);
    await expect.poll(() => deep(app, 'apparat-story-builder', 'textarea.caption')).not.toBeNull();
    expect(await violations()).toEqual([]);
    localStorage.removeItem('apparat:story-draft');
  });

  test("the importer's problems with a bad file", async () => {
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    await drop(app, [fileOf('broken.json', '{"apparat": 1, "id": "x", "organs": [')]);
    await expect.poll(() => $(app, '.problems')?.textContent ?? '').toContain('broken.json');
    expect(await violations()).toEqual([]);
  });

  test('the export menu open', async () => {
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    await userEvent.click(deep(app, 'apparat-export-menu', 'button.toggle')!);
    await expect.poll(() => deep(app, 'apparat-export-menu', '[data-export="png"]')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });
});

/**
 * Steps to the next reorganisation with `]`, up to `n` times; for each drawing that follows, whether
 * anything moved or faded (Cytoscape animating, or a node or edge drawn part-transparent), and
 * whether the reorganisation's outcome was marked on the chart.
 */
async function stepThrough(app: ApparatApp, n: number): Promise<{ moving: boolean; marked: boolean }[]> {
  const c = chart(app)!;
  const seen: { moving: boolean; marked: boolean }[] = [];
  const onDrawn = () => {
    const cy = c.core!;
    const moving = cy.elements().some((e) => (e as unknown as { animated(): boolean }).animated() || Number(e.style('opacity')) < 1);
    const marked = cy.nodes(`.${MARKS.eventOutput.className}, .${MARKS.eventInput.className}`).length > 0;
    seen.push({ moving, marked });
  };
  c.addEventListener('chart-drawn', onDrawn);
  try {
    for (let i = 0; i < n; i++) {
      const before = params().get('event');
      (document.activeElement as HTMLElement | null)?.blur();
      await userEvent.keyboard(']');
      await expect.poll(() => params().get('event')).not.toBe(before);
      await expect.poll(() => seen.length).toBeGreaterThan(i);
    }
  } finally {
    c.removeEventListener('chart-drawn', onDrawn);
  }
  return seen;
}

describe.runIf(ready)('prefers-reduced-motion', { timeout: 90_000 }, () => {
  afterEach(() => commands.reduceMotion(false));

  test('without it, stepping through the reorganisations glides and fades the chart (the control)', async () => {
    await commands.reduceMotion(false);
    const app = await openApp('?graph=leningrad-region&at=1927-01');
    const seen = await stepThrough(app, 6);
    expect(seen.some((s) => s.moving)).toBe(true);
  });

  test('with it, nothing glides or fades on a date step, and each change is still marked', async () => {
    await commands.reduceMotion(true);
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true);
    const app = await openApp('?graph=leningrad-region&at=1927-01');
    const seen = await stepThrough(app, 6);
    expect(seen.map((s) => s.moving)).toEqual(seen.map(() => false));
    expect(seen.some((s) => s.marked)).toBe(true);
    // The date in words changes with each step too (not only the drawing).
    expect(deep(app, 'apparat-timeline', 'input[type="range"]')?.getAttribute('aria-valuetext')).not.toBe('January 1927');
  });
});

/** The element with the keyboard focus, through shadow roots. */
function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Presses Tab until `wanted` holds the focus (at most `max` presses): the way a keyboard user gets there. */
async function tabTo(wanted: (el: Element) => boolean, max = 200): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const el = focused();
    if (el && wanted(el)) return el;
    await userEvent.keyboard('{Tab}');
  }
  throw new Error('Tab never reached the element');
}

describe.runIf(ready)('the three uses by keyboard alone', { timeout: 120_000 }, () => {
  test('step through the reorganisations, open a factory\'s cells, run a story — with no mouse', async () => {
    const app = await openApp('?graph=leningrad-region&at=1927-01');
    // 1. The reorganisations: ] steps to each, and says which.
    (document.activeElement as HTMLElement | null)?.blur();
    const events: string[] = [];
    for (let i = 0; i < 3; i++) {
      const before = params().get('event');
      await userEvent.keyboard(']');
      await expect.poll(() => params().get('event')).not.toBe(before);
      events.push(params().get('event')!);
    }
    expect(new Set(events).size).toBe(3);

    // 2. One factory's cells: / to search, type, Enter to select it, Tab to "Open its chart", Enter.
    await userEvent.keyboard('/');
    await expect.poll(() => focused()?.matches('input[type="search"]') ?? false).toBe(true);
    await userEvent.keyboard('Putilov');
    await expect.poll(() => deep(app, 'apparat-search', '[role="listbox"]')?.textContent ?? '').toContain('Krasnyi putilovets');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => deep(app, 'apparat-details', 'button.primary')?.textContent ?? '').toContain('Open its chart');
    await tabTo((el) => el.matches('button.primary') && (el.textContent ?? '').includes('Open its chart'));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => params().get('graph')).toBe('factory-krasnyi-putilovets');
    await expect.poll(() => chart(app)?.drawnIds().length ?? 0).toBeGreaterThan(3);

    // 3. A story: Tab to Present, Enter, Tab to a story, Enter; → steps; Esc leaves.
    await tabTo((el) => el.matches('button.present'));
    await userEvent.keyboard('{Enter}');
    await tabTo((el) => el.matches('button.story[data-story="okrugs-to-raions"]'), 30);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => params().get('story')).toBe('okrugs-to-raions');
    await expect.poll(() => deep(app, 'apparat-presentation', '.counter')?.textContent ?? '').toMatch(/^\s*1 \//);
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => deep(app, 'apparat-presentation', '.counter')?.textContent ?? '').toMatch(/^\s*2 \//);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => params().get('story')).toBeNull();
    await expect.poll(() => chart(app)?.drawnIds().length ?? 0).toBeGreaterThan(0);
  });
});
