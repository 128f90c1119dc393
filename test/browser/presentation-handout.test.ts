/** Handouts and exports: print gives one step per page; each step as PNG and SVG. */
import { afterEach, describe, expect, test } from 'vitest';
import { cdp } from 'vitest/browser';
import '../../src/ui/app/apparat-app.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import { PNG_MAX_AREA, PNG_MAX_SIDE, pngScale, viewPng } from '../../src/ui/chart/png.ts';
import { viewSvg } from '../../src/render/svg.ts';
import type { ApparatPresentation } from '../../src/ui/presentation/apparat-presentation.ts';
import { captionText } from '../../src/ui/presentation/markdown.ts';
import okrugs from '../../graphs/stories/okrugs-to-raions.json';
import { hasGraph, text } from './helpers.ts';

async function openStory(query: string): Promise<ApparatPresentation> {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  history.replaceState(null, '', `${location.pathname}${query}`);
  const app = document.createElement('apparat-app') as ApparatApp;
  document.body.append(app);
  const pres = () => app.shadowRoot?.querySelector('apparat-presentation') as ApparatPresentation | null;
  await expect.poll(() => pres()?.chart?.drawnIds().length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
  return pres()!;
}

/** Distinct colours among sampled pixels of an image: 1 for a blank picture. */
async function colours(blob: Blob): Promise<{ width: number; height: number; distinct: number }> {
  let bmp: ImageBitmap | HTMLImageElement;
  if (blob.type === 'image/svg+xml') {
    bmp = new Image();
    bmp.src = URL.createObjectURL(blob);
    await bmp.decode();
  } else bmp = await createImageBitmap(blob);
  const w = Math.min(bmp.width, 800);
  const h = Math.round((bmp.height * w) / bmp.width);
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bmp, 0, 0, w, h);
  const data = ctx.getImageData(0, 0, w, h).data;
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return { width: bmp.width, height: bmp.height, distinct: seen.size };
}

afterEach(async () => {
  await cdp().send('Emulation.setEmulatedMedia', { media: '' });
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
});

describe.runIf(hasGraph('leningrad-region') && hasGraph('leningrad-apparatus'))('handouts and exports', () => {
  test('printing gives one step per page, each with its chart, caption and citation', async () => {
    const pres = await openStory('?story=okrugs-to-raions&step=2');
    await pres.handoutReady();
    await pres.updateComplete;
    const root = pres.shadowRoot!;
    const pages = [...root.querySelectorAll('.handout .page')] as HTMLElement[];
    expect(pages).toHaveLength(okrugs.steps.length);
    // On screen the handout is not shown.
    expect(getComputedStyle(root.querySelector('.handout')!).display).toBe('none');

    await cdp().send('Emulation.setEmulatedMedia', { media: 'print' });
    await expect.poll(() => getComputedStyle(root.querySelector('.handout')!).display).toBe('block');
    expect(getComputedStyle(root.querySelector('.stage')!).display).toBe('none');
    for (const [i, page] of pages.entries()) {
      const style = getComputedStyle(page);
      if (i < pages.length - 1) expect(style.breakAfter).toBe('page');
      expect(page.offsetHeight).toBeGreaterThan(100);
      const img = page.querySelector('img.picture') as HTMLImageElement;
      expect(img).not.toBeNull();
      await img.decode();
      expect(img.naturalWidth).toBeGreaterThan(100);
      expect(img.getBoundingClientRect().height).toBeGreaterThan(80);
      expect(text(page.querySelector('.caption'))).toContain(captionText(okrugs.steps[i].caption).slice(0, 40));
      expect(text(page.querySelector('.citation'))).toContain(okrugs.steps[i].citation.slice(0, 20));
      expect(text(page.querySelector('header'))).toContain(`${i + 1} / ${okrugs.steps.length}`);
    }
    // The page is not cut off at the window's height.
    expect(getComputedStyle(document.body).overflow).toBe('visible');
  });

  test('a step as PNG (not blank, even at a scale past the canvas limit) and as SVG with vector text', async () => {
    const pres = await openStory('?story=okrugs-to-raions&step=1');
    await pres.shown();
    const cy = pres.chart!.core!;

    const small = await colours(viewPng(cy, { scale: 1 }));
    expect(small.distinct).toBeGreaterThan(5);
    // Far past what a canvas can hold: the scale is capped and the picture is still drawn.
    const asked = 80;
    expect(pngScale(cy, { scale: asked })).toBeLessThan(asked);
    const big = await colours(viewPng(cy, { scale: asked }));
    expect(big.width).toBeLessThanOrEqual(PNG_MAX_SIDE);
    expect(big.height).toBeLessThanOrEqual(PNG_MAX_SIDE);
    expect(big.width * big.height).toBeLessThanOrEqual(PNG_MAX_AREA * 1.01);
    expect(big.width).toBeGreaterThan(small.width * 2);
    expect(big.distinct).toBeGreaterThan(5);

    const svgText = viewSvg(cy, { title: 'Step 1' });
    const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    expect(svg.querySelector('parsererror')).toBeNull();
    // Every drawn organ is there, with its label as text.
    const organs = [...svg.querySelectorAll('g[data-organ]')].map((g) => g.getAttribute('data-organ'));
    expect(new Set(organs)).toEqual(new Set(pres.chart!.drawnIds()));
    const words = [...svg.querySelectorAll('text')].map((t) => t.textContent).join(' ');
    expect(words).toContain(String(cy.getElementById('obkom').data('label')).split('\n')[0].split(' ')[0]);
    expect(svg.querySelectorAll('path[stroke]').length).toBeGreaterThan(organs.length);
    // Highlighted organs carry their mark (an underlay) in the SVG too.
    const pskov = svg.querySelector('g[data-organ="okruzhkom-pskov"]')!;
    expect(pskov.querySelectorAll('path').length).toBeGreaterThan(1);
    // It draws: rendered as an image, it is not blank.
    const drawn = await colours(new Blob([svgText], { type: 'image/svg+xml' }));
    expect(drawn.distinct).toBeGreaterThan(5);
  });
});
