import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/ui/app/apparat-app.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import type { ApparatFlow } from '../../src/ui/flow/apparat-flow.ts';
import { bundledFileNames } from '../../src/io/bundled.ts';
import { $, chart, params } from './helpers.ts';

const flowOf = (app: ApparatApp) => $(app, 'apparat-flow') as ApparatFlow | null;
const inFlow = (app: ApparatApp, selector: string) => [...(flowOf(app)?.shadowRoot?.querySelectorAll(selector) ?? [])] as HTMLElement[];

/** Opens the app at the flow view of a graph, as a link with `view=flow` would, and waits for its lines. */
async function openFlow(query: string): Promise<ApparatApp> {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  history.replaceState(null, '', `${location.pathname}${query}`);
  const app = document.createElement('apparat-app') as ApparatApp;
  app.style.height = '800px';
  document.body.append(app);
  await expect.poll(() => inFlow(app, '.row').length, { timeout: 15_000 }).toBeGreaterThan(0);
  return app;
}

/** Scrolls the flow from top to bottom as a reader would, collecting every line drawn: organ and its label. */
async function readAllLines(app: ApparatApp): Promise<Map<string, string[]>> {
  const flow = flowOf(app)!;
  const box = flow.shadowRoot!.querySelector('.scroller') as HTMLElement;
  const seen = new Map<string, string[]>();
  box.scrollTop = 0;
  for (let guard = 0; guard < 200; guard++) {
    box.dispatchEvent(new Event('scroll'));
    await flow.updateComplete;
    for (const row of inFlow(app, '.row')) {
      const id = row.dataset.organ!;
      const labels = seen.get(id) ?? [];
      const label = row.getAttribute('aria-label')!;
      if (!labels.includes(label)) labels.push(label);
      seen.set(id, labels);
    }
    if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) break;
    box.scrollTop += box.clientHeight - 40;
  }
  return seen;
}

const rowEl = (app: ApparatApp, organ: string, labelPart = '') =>
  inFlow(app, `.row[data-organ="${organ}"]`).find((r) => r.getAttribute('aria-label')!.includes(labelPart)) ?? null;

async function graphJson(id: string) {
  expect(bundledFileNames).toContain(`graphs/${id}.json`);
  return (await import(`../../graphs/${id}.json`)).default as { organs: { id: string; names: { name: string }[] }[] };
}

describe('the flow view of the regional graph', () => {
  test('a line for every organ, named, in the view kept in the URL', async () => {
    const app = await openFlow('?graph=leningrad-region&view=flow');
    expect(params().get('view')).toBe('flow');
    expect(chart(app)).toBeNull();
    const graph = await graphJson('leningrad-region');
    const lines = await readAllLines(app);
    for (const o of graph.organs) {
      expect(lines.has(o.id), o.id).toBe(true);
      expect(lines.get(o.id)!.some((l) => l.startsWith(o.names[0].name)), o.id).toBe(true);
    }
    // The Flow button is pressed; the Chart button goes back.
    const chartButton = [...app.shadowRoot!.querySelectorAll('.views button')].find((b) => b.textContent === 'Chart') as HTMLElement;
    await userEvent.click(chartButton);
    await expect.poll(() => chart(app)?.drawnIds().length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(params().get('view')).toBeNull();
  });

  test('follows the Moskovsko-narvskii split and the move of the urban raikoms under the gorkom', async () => {
    const app = await openFlow('?graph=leningrad-region&view=flow&at=1930-06');
    const flow = flowOf(app)!;
    flow.revealOrgan('raikom-moskovsko-narvskii');
    await flow.updateComplete;
    const mn = rowEl(app, 'raikom-moskovsko-narvskii')!;
    expect(mn.getAttribute('aria-label')).toMatch(/^Moskovsko-narvskii raikom .*ended: Moskovsko-narvskii divided into Moskovskii and Narvskii/);
    expect(document.activeElement).toBe(app);
    expect(flow.shadowRoot!.activeElement).toBe(mn);
    // The tooltip says what the line is.
    await expect.poll(() => flow.shadowRoot!.querySelector('.tip')?.textContent ?? '').toMatch(/Moskovsko-narvskii raikom/);

    // → follows the split to its first output, Moskovskii.
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => flow.shadowRoot!.activeElement?.getAttribute('aria-label') ?? '').toMatch(/^Moskovskii raikom .*began: Moskovsko-narvskii divided/);
    // ↓ past Moskovskii's factories to Narvskii.
    const narvskii = () => flow.shadowRoot!.activeElement as HTMLElement;
    for (let i = 0; i < 6 && !/^Narvskii raikom/.test(narvskii().getAttribute('aria-label') ?? ''); i++) {
      await userEvent.keyboard('{ArrowDown}');
      await flow.updateComplete;
    }
    await expect.poll(() => narvskii().getAttribute('aria-label') ?? '').toMatch(/^Narvskii raikom .*under Leningrad obkom/);
    // The split's connectors carry the event's title.
    const titles = inFlow(app, 'path > title').map((t) => t.textContent);
    expect(titles.filter((t) => t === 'Moskovsko-narvskii divided into Moskovskii and Narvskii')).toHaveLength(2);

    // → again follows Narvskii to its next row: under the gorkom, from 12 December 1931.
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => narvskii().getAttribute('aria-label') ?? '').toMatch(/^Narvskii raikom .*from 12 December 1931; under Leningrad gorkom; began: Urban raikoms, Kronstadt and Prigorodnyi pass to the gorkom/);
    expect(inFlow(app, 'path > title').filter((t) => t.textContent === 'Urban raikoms, Kronstadt and Prigorodnyi pass to the gorkom').length).toBeGreaterThanOrEqual(1);
    // Every urban raikom has a line under the obkom and one under the gorkom that the move began.
    const lines = await readAllLines(app);
    for (const id of ['raikom-vasileostrovskii', 'raikom-petrogradskii', 'raikom-volodarskii', 'raikom-vyborgskii', 'raikom-oktiabrskii', 'raikom-smolninskii', 'raikom-moskovskii', 'raikom-narvskii']) {
      expect(lines.get(id)!.some((l) => /under Leningrad obkom/.test(l)), id).toBe(true);
      expect(lines.get(id)!.some((l) => /from 12 December 1931; under Leningrad gorkom; began: Urban raikoms/.test(l)), id).toBe(true);
    }
  });

  test('clicking a line lands on the chart at its date with the organ selected', async () => {
    const app = await openFlow('?graph=leningrad-region&view=flow&at=1933-06');
    const flow = flowOf(app)!;
    flow.revealOrgan('raikom-narvskii');
    await flow.updateComplete;
    // Narvskii's line under the gorkom (its second row).
    const row = rowEl(app, 'raikom-narvskii', 'under Leningrad gorkom')!;
    await userEvent.click(row.querySelector('.hit') as Element);
    await expect.poll(() => chart(app)?.drawnIds().length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(params().get('view')).toBeNull();
    expect(params().get('select')).toBe('raikom-narvskii');
    const at = params().get('at')!;
    expect(at >= '1931-12-12').toBe(true);
    expect(chart(app)!.drawnIds()).toContain('raikom-narvskii');
    expect(chart(app)!.drawnIds()).toContain('gorkom');
    // Back returns to the flow.
    history.back();
    await expect.poll(() => flowOf(app) !== null, { timeout: 10_000 }).toBe(true);
  });

  test('an event mark shows its title on focus and opens the chart at the event', async () => {
    const app = await openFlow('?graph=leningrad-region&view=flow');
    const flow = flowOf(app)!;
    const first = inFlow(app, '.event[tabindex="0"]')[0];
    first.focus();
    await expect.poll(() => flow.shadowRoot!.querySelector('.tip')?.textContent ?? '').toMatch(/November 1927: Leningrad oblast organisation and obkom formed/);
    for (let i = 0; i < 40 && !/Moskovsko-narvskii divided/.test(flow.shadowRoot!.activeElement?.getAttribute('aria-label') ?? ''); i++) {
      await userEvent.keyboard('{ArrowRight}');
      await flow.updateComplete;
    }
    expect(flow.shadowRoot!.activeElement?.getAttribute('aria-label')).toBe('May 1930 to December 1930: Moskovsko-narvskii divided into Moskovskii and Narvskii');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => chart(app)?.drawnIds().length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(params().get('event')).toBe('moskovsko-narvskii-divided-1930');
    expect(params().get('at')).toBe('[1930-05..1930-12]');
  });

  test('the date line moves by keys and by dragging, and the URL follows', async () => {
    const app = await openFlow('?graph=leningrad-region&view=flow&at=1930-06');
    const flow = flowOf(app)!;
    const handle = flow.shadowRoot!.querySelector('.handle') as HTMLElement;
    handle.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => params().get('at')).toBe('1930-07');
    await userEvent.keyboard('{PageUp}');
    await expect.poll(() => params().get('at')).toBe('1931-07');
    // Drag the line a year to the right.
    const g = flow.shadowRoot!.querySelector('.handle circle')!.getBoundingClientRect();
    // A year on the scale: between the labels 1932 and 1933.
    const yearX = (y: string) => [...flow.shadowRoot!.querySelectorAll('.axis text')].find((t) => t.textContent === y)!.getBoundingClientRect().left;
    const perYear = yearX('1933') - yearX('1932');
    expect(perYear).toBeGreaterThan(40);
    const x = g.left + g.width / 2;
    const y = g.top + g.height / 2;
    handle.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: x, clientY: y, pointerId: 1 }));
    handle.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: x + perYear / 2, clientY: y, pointerId: 1 }));
    handle.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, clientX: x + perYear, clientY: y, pointerId: 1 }));
    await expect.poll(() => params().get('at')! >= '1932-05' && params().get('at')! <= '1932-09').toBe(true);
    expect(params().get('view')).toBe('flow');
    // + zooms in time: a year takes more room, the labels keep their size.
    handle.focus();
    await userEvent.keyboard('+');
    await flow.updateComplete;
    expect(yearX('1933') - yearX('1932')).toBeGreaterThan(perYear * 1.3);
    for (const t of flow.shadowRoot!.querySelectorAll('text')) expect(Number(t.getAttribute('font-size'))).toBeGreaterThanOrEqual(11);
  });

  test('the table version: organ, parent, from, to, event', async () => {
    const app = await openFlow('?graph=leningrad-region&view=flow');
    const flow = flowOf(app)!;
    const toggle = [...flow.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Table')!;
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const table = flow.shadowRoot!.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Organ', 'Parent', 'From', 'To', 'Event']);
    const cells = (organ: string) => [...table.querySelectorAll(`tr[data-organ="${organ}"]`)].map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    expect(cells('raikom-moskovsko-narvskii')).toEqual([['Moskovsko-narvskii raikom', 'Leningrad obkom', 'November 1927', 'May 1930 to December 1930', 'ended: Moskovsko-narvskii divided into Moskovskii and Narvskii']]);
    expect(cells('raikom-narvskii').map((c) => c.slice(1, 4))).toEqual([
      ['Leningrad obkom', 'May 1930 to December 1930', '12 December 1931'],
      ['Leningrad gorkom', '12 December 1931', 'after the period'],
    ]);
    const graph = await graphJson('leningrad-region');
    for (const o of graph.organs) expect([...table.querySelectorAll(`tr[data-organ="${o.id}"] th`)].some((th) => th.textContent!.includes(o.names[0].name)), o.id).toBe(true);
  });

  test('the type filter and focus of the explorer apply to the flow', async () => {
    const app = await openFlow('?graph=leningrad-region&view=flow&focus=gorkom&hide=party-committee');
    const lines = await readAllLines(app);
    expect(lines.has('gorkom')).toBe(true);
    expect(lines.has('raikom-narvskii')).toBe(true);
    expect(lines.has('okruzhkom-pskov')).toBe(false);
    expect(lines.has('kp-main-site-party-committee')).toBe(false);
  });
});

describe('the flow view of Krasnyi putilovets', () => {
  test('every organ line, the 1932 division into three party committees, and the exports', async () => {
    const app = await openFlow('?graph=factory-krasnyi-putilovets&view=flow');
    const graph = await graphJson('factory-krasnyi-putilovets');
    const lines = await readAllLines(app);
    for (const o of graph.organs) expect(lines.get(o.id)?.some((l) => l.startsWith(o.names[0].name)), o.id).toBe(true);
    expect(lines.get('kp-pc')!.join(' ')).toMatch(/ended: Three party committees instead of one/);
    const split = inFlow(app, 'path > title').filter((t) => t.textContent === 'Three party committees instead of one');
    expect(split).toHaveLength(3);
    // Counted groups show their counts where they change.
    expect(lines.get('kp-shift-cells')!.join(' ')).toMatch(/count 4 → 22/);

    const flow = flowOf(app)!;
    const svgText = flow.svgText();
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const o of graph.organs) expect(svgText).toContain(`data-organ="${o.id}"`);
    const png = await flow.pngBlob(1);
    expect(png.type).toBe('image/png');
    const bitmap = await createImageBitmap(png);
    expect(bitmap.width).toBeGreaterThan(600);
    // Not blank: some pixels are dark (the text and lines).
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 100 && data[i + 1] < 100 && data[i + 2] < 100) dark++;
    expect(dark).toBeGreaterThan(1000);
  });
});
