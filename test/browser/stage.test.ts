/**
 * Stories on the stage: every step of every bundled story (story files and stories inside graphs),
 * at 1920×1080, shows its focus and highlighted organs inside the chart, clear of the caption, with
 * labels of at least 20 px; on a phone (390×844) a step reads as caption above chart.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import '../../src/ui/app/apparat-app.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import type { ApparatPresentation } from '../../src/ui/presentation/apparat-presentation.ts';
import { stepTree, storiesOf } from '../../src/ui/presentation/stories.ts';
import { modelFor } from '../../src/ui/presentation/story-url.ts';
import { loadBundled } from '../../src/io/bundled.ts';
import { hasGraph } from './helpers.ts';

const ready = hasGraph('leningrad-region') && hasGraph('leningrad-apparatus');
const bundled = ready ? await loadBundled() : [];
const stories = storiesOf(bundled);

/** The step's focus and highlighted organs that exist at its last date (a step may highlight what it ends). */
function framedAtEnd(step: (typeof stories)[number]['steps'][number]): string[] {
  const graph = bundled.find((l) => l.graph?.id === step.graph)?.graph;
  if (!graph) return [];
  const tree = stepTree(modelFor(graph), step, step.to ?? step.at);
  return [...new Set([...(step.focus ?? []), ...(step.highlight ?? [])])].filter((id) => tree.organs.has(id));
}

/** Opens the app at a story's step, as a link would, and waits until the step has been shown. */
async function openStory(story: string, step = 1): Promise<ApparatPresentation> {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  history.replaceState(null, '', `${location.pathname}?story=${story}&step=${step}`);
  const app = document.createElement('apparat-app') as ApparatApp;
  document.body.append(app);
  const pres = () => app.shadowRoot?.querySelector('apparat-presentation') as ApparatPresentation | null;
  await expect.poll(() => pres()?.chart?.drawnIds().length ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
  return pres()!;
}

/** Goes to step n and waits until its dates have played and the camera has arrived. */
async function show(pres: ApparatPresentation, n: number): Promise<void> {
  const shown = pres.shown();
  if (pres.step === n) pres.requestUpdate('step', 0);
  else pres.go(n);
  await shown;
}

/** Waits (polling, for as long as a busy machine needs) until the step shows its organs without problems; those left are for the test to report. */
async function settled(pres: ApparatPresentation, ids: string[]): Promise<void> {
  await expect.poll(() => problems(pres, ids), { timeout: 30_000 }).toEqual([]).catch(() => undefined);
}

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** What is wrong with the step shown: organs of its focus or highlight out of view, under the caption, or too small to read. */
function problems(pres: ApparatPresentation, ids: string[]): string[] {
  const chart = pres.chart!;
  const area = chart.getBoundingClientRect();
  const root = pres.shadowRoot!;
  const covers = [...root.querySelectorAll('.when, .words')].map((e) => e.getBoundingClientRect()).filter((r) => r.width && r.height);
  const out: string[] = [];
  for (const id of ids) {
    const box = chart.nodeBox(id);
    if (!box) {
      out.push(`${id} not drawn`);
      continue;
    }
    const e = 1;
    if (box.left < area.left - e || box.top < area.top - e || box.right > area.right + e || box.bottom > area.bottom + e) out.push(`${id} out of view`);
    else if (covers.some((c) => overlaps(c, box))) out.push(`${id} under the caption`);
    const px = chart.labelPx(id) ?? 0;
    // 20 px, give or take the float noise of zoom × font size.
    if (px < 19.95) out.push(`${id} label ${px.toFixed(1)} px`);
  }
  return out;
}

afterAll(async () => {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  await page.viewport(1280, 800);
});

describe.runIf(ready)('stories on a 1920×1080 stage', () => {
  test('there are stories to present', () => {
    expect(stories.length).toBeGreaterThanOrEqual(6);
  });

  for (const story of stories) {
    test(
      `${story.id}: every step shows its focus and highlighted organs, clear of the caption, at 20 px or more`,
      async () => {
        await page.viewport(1920, 1080);
        const pres = await openStory(story.id, 1);
        const failures: string[] = [];
        let legible = 0;
        for (let n = 1; n <= story.steps.length; n++) {
          await show(pres, n);
          const step = story.steps[n - 1];
          await settled(pres, framedAtEnd(step));
          const found = problems(pres, framedAtEnd(step));
          if (!found.length) legible++;
          for (const p of found) failures.push(`step ${n}: ${p}`);
        }
        console.log(`stage: ${story.id}: ${legible} of ${story.steps.length} steps show their focus and highlighted organs at 20 px or more`);
        expect(failures).toEqual([]);
      },
      240_000,
    );
  }
});

describe.runIf(ready)('a story on a phone', () => {
  test('a step reads as caption above chart, neither covering the other', async () => {
    await page.viewport(390, 844);
    const story = stories[0];
    const pres = await openStory(story.id, 2);
    await show(pres, 2);
    const root = pres.shadowRoot!;
    const words = root.querySelector('.words')!.getBoundingClientRect();
    const view = root.querySelector('.view')!.getBoundingClientRect();
    const chart = pres.chart!.getBoundingClientRect();
    // The caption first, then the chart below it, each the width of the screen.
    expect(words.bottom).toBeLessThanOrEqual(view.top + 1);
    expect(overlaps(words, chart)).toBe(false);
    expect(words.width).toBeGreaterThan(380);
    expect(chart.width).toBeGreaterThan(380);
    expect(chart.height).toBeGreaterThan(300);
    // The caption's words are readable and the chart shows the step's focus.
    expect(Number.parseFloat(getComputedStyle(root.querySelector('.words .caption')!).fontSize)).toBeGreaterThanOrEqual(16);
    const focus = story.steps[1].focus?.[0] ?? story.steps[1].highlight?.[0];
    if (focus) {
      const box = pres.chart!.nodeBox(focus)!;
      expect(box).toBeDefined();
      expect(box.left).toBeGreaterThanOrEqual(chart.left - 1);
      expect(box.right).toBeLessThanOrEqual(chart.right + 1);
    }
  }, 60_000);
});
