/** Presentation mode as a lecturer uses it: a story by keyboard, a step by its URL, the speaker view. */
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/ui/app/apparat-app.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import type { ApparatChart } from '../../src/ui/chart/apparat-chart.ts';
import type { ApparatPresentation } from '../../src/ui/presentation/apparat-presentation.ts';
import { captionText } from '../../src/ui/presentation/markdown.ts';
import { renderCaption } from '../../src/ui/presentation/caption.ts';
import { render } from 'lit';
import okrugs from '../../graphs/stories/okrugs-to-raions.json';
import reversal from '../../graphs/stories/reversal-of-1932.json';
import { hasGraph, params, text } from './helpers.ts';

const ready = hasGraph('leningrad-region') && hasGraph('leningrad-apparatus');

/** Opens the app at a URL, as a link would, and waits for the presentation's chart. */
async function openStory(query: string): Promise<{ app: ApparatApp; pres: ApparatPresentation }> {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  history.replaceState(null, '', `${location.pathname}${query}`);
  const app = document.createElement('apparat-app') as ApparatApp;
  app.style.height = '800px';
  document.body.append(app);
  await expect.poll(() => presentation(app)?.chart?.drawnIds().length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
  return { app, pres: presentation(app)! };
}

const presentation = (app: ApparatApp) => app.shadowRoot?.querySelector('apparat-presentation') as ApparatPresentation | null;
const stage = (pres: ApparatPresentation) => pres.shadowRoot!;
const counter = (pres: ApparatPresentation) => text(stage(pres).querySelector('.counter'));
const caption = (pres: ApparatPresentation) => text(stage(pres).querySelector('.words .caption')).trim();
const citation = (pres: ApparatPresentation) => text(stage(pres).querySelector('.words .citation'));
const shownDate = (pres: ApparatPresentation) => text(stage(pres).querySelector('.when .date'));
const words = (s: string) => captionText(s).slice(0, 60);

/**
 * The test runner's server rewrites dynamic imports for its own tester page
 * (`__vitest_browser_runner__.wrapDynamicImport`); a second window of the app served by it needs
 * that hook too, before the app loads its graphs. (The built app has no such rewrite.)
 */
async function harnessPopup(w: Window): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      if (w.location.search.includes('view=speaker') && w.document.querySelector('apparat-app')) {
        (w as unknown as Record<string, unknown>).__vitest_browser_runner__ = { wrapDynamicImport: (f: () => unknown) => f() };
        return;
      }
    } catch {
      // Still navigating.
    }
    await new Promise((r) => setTimeout(r, 2));
  }
}

afterEach(() => {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
});

test('a caption shows raw HTML as the characters typed, and Markdown as emphasis, strong and lists', () => {
  const box = document.createElement('div');
  document.body.append(box);
  render(renderCaption('Before <img src=x onerror="window.hacked=1"> **strong** and *em*\n\n- one\n- two\n\n<script>window.hacked=1</script>'), box);
  expect(box.querySelector('img, script')).toBeNull();
  expect(box.textContent).toContain('<img src=x onerror="window.hacked=1">');
  expect(box.textContent).toContain('<script>window.hacked=1</script>');
  expect(box.querySelector('strong')?.textContent).toBe('strong');
  expect(box.querySelector('em')?.textContent).toBe('em');
  expect([...box.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two']);
  expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  box.remove();
});

describe.runIf(ready)('presenting a story', () => {
  test('by keyboard: next, previous, Home and End, black screen, and Esc back to the explorer', async () => {
    const { app, pres } = await openStory('?story=okrugs-to-raions&step=1');
    const n = okrugs.steps.length;
    expect(counter(pres)).toBe(`1 / ${n}`);
    expect(caption(pres)).toContain(words(okrugs.steps[0].caption));
    // Markdown **strong** is bold text, not asterisks.
    expect(stage(pres).querySelector('.words .caption strong')?.textContent).toBe('1928');
    expect(caption(pres)).not.toContain('**');
    expect(citation(pres)).toContain('Table 3-1');
    // The highlighted okruzhkoms are marked in the chart.
    const chart = pres.chart as ApparatChart;
    await expect.poll(() => chart.core!.getElementById('okruzhkom-pskov').hasClass('match')).toBe(true);
    // Large enough to read from the back: the caption is at least 19 px, the counter visible.
    expect(Number.parseFloat(getComputedStyle(stage(pres).querySelector('.words .caption')!).fontSize)).toBeGreaterThanOrEqual(19);

    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => counter(pres)).toBe(`2 / ${n}`);
    expect(params().get('step')).toBe('2');
    expect(caption(pres)).toContain(words(okrugs.steps[1].caption));
    await userEvent.keyboard(' ');
    await expect.poll(() => counter(pres)).toBe(`3 / ${n}`);
    // Step 3 animates from 1928 to January 1930: the date on the stage moves with it.
    expect(shownDate(pres)).toBe('1928');
    await expect.poll(() => shownDate(pres), { timeout: 5000 }).toBe('January 1930');
    await userEvent.keyboard('{PageDown}');
    await expect.poll(() => counter(pres)).toBe(`4 / ${n}`);
    await userEvent.keyboard('{ArrowLeft}');
    await expect.poll(() => counter(pres)).toBe(`3 / ${n}`);
    await userEvent.keyboard('{PageUp}');
    await expect.poll(() => counter(pres)).toBe(`2 / ${n}`);
    await userEvent.keyboard('{End}');
    await expect.poll(() => counter(pres)).toBe(`${n} / ${n}`);
    expect(params().get('step')).toBe(String(n));
    // Past the end nothing happens.
    await userEvent.keyboard('{ArrowRight}');
    expect(counter(pres)).toBe(`${n} / ${n}`);
    await userEvent.keyboard('{Home}');
    await expect.poll(() => counter(pres)).toBe(`1 / ${n}`);

    // The browser's Back goes to the step before.
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => counter(pres)).toBe(`2 / ${n}`);
    history.back();
    await expect.poll(() => counter(pres)).toBe(`1 / ${n}`);
    history.forward();
    await expect.poll(() => counter(pres)).toBe(`2 / ${n}`);

    // B blacks the screen out and back.
    const black = stage(pres).querySelector('.black') as HTMLElement;
    expect(getComputedStyle(black).opacity).toBe('0');
    await userEvent.keyboard('b');
    await expect.poll(() => getComputedStyle(black).opacity).toBe('1');
    await userEvent.keyboard('b');
    await expect.poll(() => getComputedStyle(black).opacity).toBe('0');

    // Esc: back in the explorer, at the step's graph and date.
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => presentation(app)).toBeNull();
    await expect.poll(() => app.shadowRoot!.querySelector('apparat-outline')).not.toBeNull();
    expect(params().get('story')).toBeNull();
    expect(params().get('graph')).toBe(okrugs.steps[1].graph);
    expect(params().get('at')).toBe(okrugs.steps[1].at);
  });

  test('a step opened by its URL starts there', async () => {
    const { pres } = await openStory('?story=reversal-of-1932&step=3');
    expect(counter(pres)).toBe(`3 / ${reversal.steps.length}`);
    expect(caption(pres)).toContain(words(reversal.steps[2].caption));
    expect(citation(pres)).toContain(reversal.steps[2].citation.slice(0, 20));
    // A step past the end opens the last one.
    const { pres: last } = await openStory('?story=reversal-of-1932&step=99');
    expect(counter(last)).toBe(`${reversal.steps.length} / ${reversal.steps.length}`);
  });

  test('a long caption shrinks to fit, so its citation stays in sight', async () => {
    const { pres } = await openStory('?story=functional-sectoral-apparatus&step=2');
    const panel = stage(pres).querySelector('.words') as HTMLElement;
    const cite = stage(pres).querySelector('.words .citation') as HTMLElement;
    await expect.poll(() => cite.getBoundingClientRect().bottom <= panel.getBoundingClientRect().bottom + 1).toBe(true);
    expect(panel.scrollHeight).toBeLessThanOrEqual(panel.clientHeight + 1);
    expect(Number.parseFloat(getComputedStyle(stage(pres).querySelector('.words .caption')!).fontSize)).toBeGreaterThanOrEqual(15);
  });

  test('the Present menu lists the bundled stories and starts one at step 1', async () => {
    document.querySelectorAll('apparat-app').forEach((a) => a.remove());
    history.replaceState(null, '', `${location.pathname}?graph=leningrad-region&at=1930-01`);
    const app = document.createElement('apparat-app') as ApparatApp;
    document.body.append(app);
    await expect.poll(() => app.shadowRoot?.querySelector('apparat-present-menu')?.shadowRoot?.querySelector('button.present') ?? null, { timeout: 15_000 }).not.toBeNull();
    const menu = app.shadowRoot!.querySelector('apparat-present-menu')!;
    await userEvent.click(menu.shadowRoot!.querySelector('button.present')!);
    const items = [...menu.shadowRoot!.querySelectorAll('button.story')];
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.map((b) => b.textContent)).toContainEqual(expect.stringContaining(okrugs.title));
    await userEvent.click(menu.shadowRoot!.querySelector(`button[data-story="okrugs-to-raions"]`)!);
    await expect.poll(() => presentation(app)?.chart?.drawnIds().length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(counter(presentation(app)!)).toBe(`1 / ${okrugs.steps.length}`);
    expect(params().get('story')).toBe('okrugs-to-raions');
    expect(params().get('step')).toBe('1');
    if (document.fullscreenElement) await document.exitFullscreen();
  });

  test('the speaker view in a second window follows the stage, and steps it', async () => {
    const { pres } = await openStory('?story=okrugs-to-raions&step=1');
    const n = okrugs.steps.length;
    await userEvent.keyboard('s');
    const w = (pres as unknown as { speaker: Window | null }).speaker;
    expect(w).toBeTruthy();
    await harnessPopup(w!);
    try {
      const speaker = () => w!.document.querySelector('apparat-app')?.shadowRoot?.querySelector('apparat-speaker')?.shadowRoot ?? null;
      await expect.poll(() => text(speaker()?.querySelector('.counter') ?? null), { timeout: 20_000 }).toBe(`1 / ${n}`);
      const sp = speaker()!;
      // Notes, the current and the next caption, a timer.
      expect(text(sp.querySelector('.notes'))).toContain(words(okrugs.steps[0].notes!));
      expect(text(sp.querySelector('.caption.current'))).toContain(words(okrugs.steps[0].caption));
      expect(text(sp.querySelector('.upcoming'))).toContain(words(okrugs.steps[1].caption));
      expect(text(sp.querySelector('[role="timer"]'))).toMatch(/^\d\d:\d\d$/);
      // The stage steps: the speaker view follows.
      await userEvent.keyboard('{ArrowRight}');
      await expect.poll(() => text(speaker()!.querySelector('.counter'))).toBe(`2 / ${n}`);
      expect(text(speaker()!.querySelector('.caption.current'))).toContain(words(okrugs.steps[1].caption));
      // The speaker view steps: the stage follows.
      const next = [...speaker()!.querySelectorAll('nav button')].find((b) => b.textContent?.includes('Next')) as HTMLButtonElement;
      next.click();
      await expect.poll(() => counter(pres)).toBe(`3 / ${n}`);
      expect(params().get('step')).toBe('3');
      // Keys in the speaker window step the stage too.
      w!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
      await expect.poll(() => counter(pres)).toBe(`2 / ${n}`);
    } finally {
      w?.close();
    }
  });
});
