/**
 * Interchange in the app: the Export menu (PNG at a scale, capped and saying so; SVG; GEXF,
 * GraphML, CSV as a .zip, apparat JSON, whole or at the date shown) and opening files by drop or
 * picker (graph and story JSON, a CSV hierarchy, the CSV folder the exporter writes, GEXF,
 * GraphML, .zip), kept in IndexedDB over a reload, listed as "Yours", removed one by one or all.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { loadGraphText } from '../../src/io/graph-file.ts';
import { clearYours, listYours } from '../../src/ui/storage/graphs-db.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import { $, chart, hasGraph, openApp, params, text } from './helpers.ts';
import { downloads, drop, fileOf } from './io-helpers.ts';

const menu = (app: ApparatApp) => $(app, 'apparat-export-menu')!;
const inMenu = (app: ApparatApp, sel: string) => menu(app).shadowRoot!.querySelector(sel) as HTMLElement;
const yoursMenu = (app: ApparatApp) => $(app, 'apparat-yours')!;
const graphOptions = (app: ApparatApp) => [...($(app, 'header select') as HTMLSelectElement).querySelectorAll('optgroup[label="Yours"] option')].map((o) => o.textContent);

beforeEach(() => clearYours());
afterEach(async () => {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  await clearYours();
});

test("a user's own CSV dropped on the page: its chart, an organ's details and sources, and PNG and SVG that are not blank", async () => {
  const app = await openApp('?graph=example&at=1930');
  const csv = 'id,label,type,parent,start,end,source\nmin,Ministry of Works,ministry,,1950,1990,Annual report 1950\nroads,Roads Department,department,min,1950,1970,Annual report 1950\nbridges,Bridges Office,office,roads,1955,1970,Annual report 1955\nrail,Rail Department,department,min,1960,1990,Annual report 1960\n';
  await drop(app, [fileOf('ministry.csv', csv, 'text/csv')]);
  await expect.poll(() => params().get('graph')).toBe('ministry');

  // Explore it at a date when all four existed: the chart and the outline show them.
  history.pushState(null, '', '?graph=ministry&at=1965');
  window.dispatchEvent(new PopStateEvent('popstate'));
  await expect.poll(() => chart(app)!.drawnIds().sort()).toEqual(['bridges', 'min', 'rail', 'roads']);
  const outline = $(app, 'apparat-outline')!.shadowRoot!;
  const item = [...outline.querySelectorAll('[role="treeitem"]')].find((el) => el.textContent?.includes('Bridges Office')) as HTMLElement;
  item.click();
  await expect.poll(() => params().get('select')).toBe('bridges');
  await expect.poll(() => text($(app, 'apparat-details'))).toMatch(/Bridges Office.*Roads Department.*Annual report 1955/);

  // The picture of it, as PNG and SVG, is not blank.
  menu(app).shadowRoot!.querySelector<HTMLElement>('button.toggle')!.click();
  await expect.poll(() => menu(app).hasAttribute('open')).toBe(true);
  const [png] = await downloads(() => inMenu(app, '[data-export="png"]').click());
  const bitmap = await createImageBitmap(png.blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  let dark = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] < 450) dark++;
  expect(dark).toBeGreaterThan(200);
  const [svg] = await downloads(() => inMenu(app, '[data-export="svg"]').click());
  const labels = [...new DOMParser().parseFromString(await svg.blob.text(), 'image/svg+xml').querySelectorAll('text')].map((t) => t.textContent);
  for (const name of ['Ministry of Works', 'Roads Department', 'Bridges Office', 'Rail Department']) expect(labels.some((l) => l?.includes(name)), name).toBe(true);
});

describe.runIf(hasGraph('leningrad-region'))('the Export menu', () => {
  test('reached by keyboard; the view as PNG (capped at a large scale, and saying so) and SVG with text', async () => {
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    const toggle = inMenu(app, 'button.toggle');
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => menu(app).hasAttribute('open')).toBe(true);
    // The focus is in the menu: on the scale.
    expect(menu(app).shadowRoot!.activeElement?.getAttribute('aria-label')).toBe('PNG scale');
    await userEvent.selectOptions(inMenu(app, 'select'), '16');
    await expect.poll(() => text(inMenu(app, '.plan'))).toMatch(/capped at ×\d/);

    const [png] = await downloads(() => inMenu(app, '[data-export="png"]').click());
    expect(png.name).toBe('leningrad-region-at-1931-06.png');
    expect(png.blob.size).toBeGreaterThan(10_000);
    const bitmap = await createImageBitmap(png.blob);
    expect(Math.max(bitmap.width, bitmap.height)).toBeLessThanOrEqual(16_384);
    expect(bitmap.width * bitmap.height).toBeGreaterThan(4_000_000);
    // Not blank: some pixels are darker than the paper.
    const canvas = new OffscreenCanvas(400, 400 * (bitmap.height / bitmap.width));
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] < 450) dark++;
    expect(dark).toBeGreaterThan(100);
    expect(text(inMenu(app, '.note'))).toMatch(/not ×16, the largest picture of this chart a browser's canvas can hold/);

    const [svg] = await downloads(() => inMenu(app, '[data-export="svg"]').click());
    expect(svg.name).toBe('leningrad-region-at-1931-06.svg');
    const doc = new DOMParser().parseFromString(await svg.blob.text(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelectorAll('text').length).toBeGreaterThan(10);

    // Escape closes and gives the focus back.
    inMenu(app, 'select').focus();
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => menu(app).hasAttribute('open')).toBe(false);
  });

  test('the graph as GEXF, GraphML, CSV (.zip) and apparat JSON, whole and at the date shown', async () => {
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    await userEvent.click(inMenu(app, 'button.toggle'));
    const files = await downloads(async () => {
      for (const f of ['gexf', 'graphml', 'csv', 'json']) inMenu(app, `[data-export="${f}"]`).click();
    });
    expect(files.map((f) => f.name)).toEqual(['leningrad-region.gexf', 'leningrad-region.graphml', 'leningrad-region.zip', 'leningrad-region.json']);
    expect(await files[0].blob.text()).toMatch(/<gexf [^>]*xmlns="http:\/\/gexf\.net\/1\.3"/);
    expect(await files[1].blob.text()).toContain('<graphml');
    const zip = unzipSync(new Uint8Array(await files[2].blob.arrayBuffer()));
    expect(Object.keys(zip)).toContain('leningrad-region/nodes.csv');
    expect(strFromU8(zip['leningrad-region/nodes.csv'])).toMatch(/^Id,Label,Type/);
    expect(loadGraphText(await files[3].blob.text(), 'x.json').graph?.id).toBe('leningrad-region');

    (menu(app).shadowRoot!.querySelectorAll('input[type=radio]')[1] as HTMLInputElement).click();
    const at = await downloads(async () => {
      for (const f of ['gexf', 'csv', 'json']) inMenu(app, `[data-export="${f}"]`).click();
    });
    expect(at.map((f) => f.name)).toEqual(['leningrad-region-at-1931-06.gexf', 'leningrad-region-at-1931-06.zip', 'leningrad-region-at-1931-06.json']);
    expect(await at[0].blob.text()).toContain('mode="static"');
    const snap = loadGraphText(await at[2].blob.text(), 'at.json');
    expect(snap.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(snap.graph!.organs.length).toBe(chart(app)!.drawnIds().length);
  });
});

describe.runIf(hasGraph('leningrad-region'))('opening files', () => {
  test('the CSV folder and the GEXF the app exported come back by drop, timed; kept over a reload; removed one by one and all', async () => {
    let app = await openApp('?graph=leningrad-region&at=1931-06');
    await userEvent.click(inMenu(app, 'button.toggle'));
    const [gexf, zip] = await downloads(async () => {
      inMenu(app, '[data-export="gexf"]').click();
      inMenu(app, '[data-export="csv"]').click();
    });
    const tables = Object.entries(unzipSync(new Uint8Array(await zip.blob.arrayBuffer()))).map(([name, bytes]) => fileOf(name.split('/').pop()!, bytes, 'text/csv'));

    // The tables dropped together, as the folder: the bundled graph's id is kept, so it opens as a copy.
    let t0 = performance.now();
    const csv = await drop(app, tables);
    const csvMs = performance.now() - t0;
    expect(csv.failed).toBe(0);
    expect(csv.show).toBe('leningrad-region-yours');
    await expect.poll(() => params().get('graph')).toBe('leningrad-region-yours');
    await expect.poll(() => chart(app)!.drawnIds().length).toBeGreaterThan(50);
    expect(text($(app, '.notice'))).toContain('yours is opened as "leningrad-region-yours"');

    const g = new File([gexf.blob], 'region.gexf');
    t0 = performance.now();
    const fromGexf = await drop(app, [g]);
    const gexfMs = performance.now() - t0;
    expect(fromGexf.show).toBe('leningrad-region-yours-2');
    console.info(`import of leningrad-region in the browser: CSV folder ${csvMs.toFixed(0)} ms, GEXF ${gexfMs.toFixed(0)} ms (worker, validation and storage)`);
    expect(graphOptions(app)).toHaveLength(2);

    // A reload: both are still there, listed as yours.
    app.remove();
    app = await openApp('?graph=leningrad-region-yours-2');
    expect(params().get('graph')).toBe('leningrad-region-yours-2');
    expect(graphOptions(app)).toHaveLength(2);
    expect((await listYours()).map((y) => y.key).sort()).toEqual(['graph:leningrad-region-yours', 'graph:leningrad-region-yours-2']);

    // Remove the one in view: another graph is shown, the other stays.
    const yours = yoursMenu(app).shadowRoot!;
    await userEvent.click(yours.querySelector('button.toggle') as HTMLElement);
    expect(yours.querySelectorAll('li')).toHaveLength(2);
    await userEvent.click(yours.querySelector('li[data-key="graph:leningrad-region-yours-2"] button.danger') as HTMLElement);
    await expect.poll(() => params().get('graph')).toBe('leningrad-region');
    expect(graphOptions(app)).toHaveLength(1);
    expect((await listYours()).length).toBe(1);

    // Remove all, with a second click to confirm.
    await userEvent.click(yours.querySelector('button.clear') as HTMLElement);
    await userEvent.click(yours.querySelector('button.confirm') as HTMLElement);
    await expect.poll(() => graphOptions(app).length).toBe(0);
    expect(await listYours()).toEqual([]);
    expect(yoursMenu(app).shadowRoot!.querySelector('button.toggle')).toBeNull();
  });

  test('the picker takes a one-file CSV hierarchy, a GraphML and a story about a bundled graph; several files at once', async () => {
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    const input = $(app, '.open-file input') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    const hierarchy = 'id;label;type;parent;start;end;source\r\nmin;Ministry;ministry;;1950;1990;Annual report\r\ndept-a;Department A;department;min;1950;1970;Annual report\r\n';
    const graphml = `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="l" for="node" attr.name="label" attr.type="string"/><graph edgedefault="directed"><node id="a"><data key="l">Board</data></node><node id="b"><data key="l">Office</data></node><edge source="a" target="b"/></graph></graphml>`;
    const story = {
      apparat: 1,
      kind: 'story',
      id: 'my-story',
      title: 'My story',
      steps: [{ graph: 'leningrad-region', at: '1931-06', caption: 'The region', citation: '§3.1' }],
    };
    const done = new Promise((r) => app.addEventListener('files-import', r, { once: true }));
    await userEvent.upload(input, [fileOf('ministry.csv', hierarchy, 'text/csv'), fileOf('offices.graphml', graphml), fileOf('my-story.json', JSON.stringify(story))]);
    await done;
    await expect.poll(() => graphOptions(app).sort()).toEqual(['ministry', 'offices']);
    expect(text($(app, '.notice'))).toContain('Opened the story “My story”');
    expect(params().get('graph')).toBe('ministry');
    await expect.poll(() => chart(app)!.drawnIds().length).toBe(2);
    const present = $(app, 'apparat-present-menu')!.shadowRoot!;
    (present.querySelector('button.present') as HTMLElement).click();
    await expect.poll(() => present.querySelector('[data-story="my-story"]')).not.toBeNull();
    expect((await listYours()).map((y) => y.key).sort()).toEqual(['graph:ministry', 'graph:offices', 'story:my-story']);
  });

  test('a story whose steps name an organ that is not there is refused with its line; a file of another kind too', async () => {
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    const story = `{\n  "apparat": 1,\n  "kind": "story",\n  "id": "bad-story",\n  "title": "Bad",\n  "steps": [\n    { "graph": "leningrad-region", "at": "1931-06", "focus": ["nobody"], "caption": "x", "citation": "y" }\n  ]\n}`;
    const r = await drop(app, [fileOf('bad-story.json', story), fileOf('notes.txt', 'hello')]);
    expect(r.failed).toBe(2);
    expect(params().get('graph')).toBe('leningrad-region');
    const problems = $(app, '.problems') as HTMLDetailsElement;
    expect(problems.open).toBe(true);
    expect(text(problems)).toMatch(/bad-story\.json:7: error: steps\[0\]\.focus\[0\]: "nobody" is not an organ of the graph "leningrad-region"/);
    expect(text(problems)).toMatch(/notes\.txt: error: apparat reads \.json/);
    expect(await listYours()).toEqual([]);
  });
});
