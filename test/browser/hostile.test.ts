/**
 * The corpus of broken and hostile inputs (test/fixtures/hostile/), dropped onto the app: each
 * file is either opened correctly or refused with a clear, located message on the page; the view
 * the user had stays, the bundled graphs keep working, and data is only ever text, never HTML.
 * Two more are made here, in memory: a 50 MB file and a graph of 100,000 organs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import { clearYours } from '../../src/ui/storage/graphs-db.ts';
import { $, chart, deep, hasGraph, openApp, params, text } from './helpers.ts';
import { drop, fileOf } from './io-helpers.ts';

const corpus = import.meta.glob('../fixtures/hostile/*.{json,csv,gexf,graphml}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const files = Object.fromEntries(Object.entries(corpus).map(([path, text]) => [path.split('/').pop()!, text]));

/** file → how the app reads it: the graph id it opens as, or the rule and words of its first error. */
const CASES: Record<string, { opens: string } | [rule: string, says: RegExp]> = {
  'malformed.json': ['json', /malformed\.json:1: error: the file is not valid JSON: unexpected end of string at line 1/],
  'truncated.json': ['json', /truncated\.json:21: error: the file is not valid JSON: .* at line 21/],
  'empty.json': ['json', /empty\.json:1: error: the file is empty/],
  'not-an-object.json': ['schema', /not-an-object\.json: error: the file has the wrong kind of value: it is an array, it should be an object/],
  'wrong-types.json': ['schema', /wrong-types\.json:\d+: error: organs\[\d+\]\.names: "names" has the wrong kind of value: it is a string, it should be an array/],
  'unknown-ids.json': ['unknown-id', /unknown-ids\.json:\d+: error: edges\[\d+\]\.parent: the parent "nobody" is not an organ of this graph/],
  'cycle.json': ['cycle', /cycle\.json:\d+: error: .*a cycle of subordination at 1930-01-01: obkom → oktiabrskii → obkom/],
  'two-parents.json': ['two-parents', /two-parents\.json:\d+: error: .*"oktiabrskii" would have two parents at once/],
  'impossible-dates.json': ['date', /impossible-dates\.json:\d+: error: .*"1930-02-30" is not an EDTF date/],
  'deep-nesting.json': ['limits', /deep-nesting\.json: error: the file nests 5001 levels deep/],
  'proto-keys.json': ['schema', /proto-keys\.json:\d+: error: .*"__proto__" must be an id/],
  'html-in-labels.json': { opens: 'example-yours' },
  'xxe.gexf': ['read', /xxe\.gexf:2: error: the file declares a DOCTYPE/],
  'billion-laughs.gexf': ['read', /billion-laughs\.gexf:2: error: the file declares a DOCTYPE/],
  'xxe.graphml': ['read', /xxe\.graphml:2: error: the file declares a DOCTYPE/],
  'billion-laughs.graphml': ['read', /billion-laughs\.graphml:2: error: the file declares a DOCTYPE/],
  'bom.csv': { opens: 'bom' },
  'crlf.csv': { opens: 'crlf' },
  'quoted-newlines.csv': { opens: 'quoted-newlines' },
  'semicolons.csv': { opens: 'semicolons' },
  'ragged.csv': ['csv', /ragged\.csv:6: error: .*the row has 9 cells but the header names 7 columns/],
};

const problems = (app: ApparatApp) => text($(app, '.problems'));

describe.runIf(hasGraph('leningrad-region') && hasGraph('example'))('hostile files dropped onto the app', () => {
  let app: ApparatApp;
  let alerts = 0;
  const alert = window.alert;
  beforeAll(async () => {
    await clearYours();
    window.alert = () => void alerts++;
  });
  // One app for the whole corpus (expect.poll, which opening it uses, works only inside a test).
  beforeEach(async () => {
    app ??= await openApp('?graph=leningrad-region&at=1931-06&select=obkom');
  });
  afterAll(async () => {
    window.alert = alert;
    app?.remove();
    await clearYours();
  });

  test('the corpus is covered: every file of test/fixtures/hostile has a case', () => {
    expect(Object.keys(files).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [file, want] of Object.entries(CASES)) {
    test(`${file}: ${'opens' in want ? `opens as ${want.opens}` : `refused [${want[0]}], the view kept`}`, async () => {
      // The view the user had: a bundled graph.
      app.explorer.go({ graph: 'leningrad-region', at: '1931-06', select: 'obkom' });
      await expect.poll(() => chart(app)!.drawnIds().length).toBeGreaterThan(10);
      const before = location.search;
      const r = await drop(app, [fileOf(file, files[file])]);
      if ('opens' in want) {
        expect(r.failed).toBe(0);
        await expect.poll(() => params().get('graph')).toBe(want.opens);
        await expect.poll(() => chart(app)!.drawnIds().length).toBeGreaterThan(0);
        if (file.endsWith('.csv')) {
          const g = app.explorer.loaded!.find((l) => l.graph?.id === want.opens)!.graph!;
          expect(g.organs.map((o) => o.id)).toEqual(['obkom', 'okr-pskov', 'raikom-x']);
          expect(g.organs[2].names[0].name).toBe('A raikom with a "quoted"\nname');
        }
      } else {
        expect(r.failed).toBe(1);
        const box = $(app, '.problems') as HTMLDetailsElement;
        expect(box.open).toBe(true);
        expect(problems(app)).toMatch(want[1]);
        expect(problems(app)).toContain(`[${want[0]}]`);
        expect(problems(app)).not.toMatch(/root:|lollollol|at Object\.|TypeError/);
        // Nothing replaced: the same graph, date and selection, still drawn.
        expect(location.search).toBe(before);
        expect(chart(app)!.drawnIds()).toContain('obkom');
      }
      // The bundled graphs keep working.
      ($(app, 'header select') as HTMLSelectElement).value = 'example';
      $(app, 'header select')!.dispatchEvent(new Event('change'));
      await expect.poll(() => params().get('graph')).toBe('example');
      await expect.poll(() => chart(app)!.drawnIds().length).toBeGreaterThan(0);
      expect(({} as Record<string, unknown>).citation).toBeUndefined();
    });
  }

  test('html-in-labels.json: every label, title, quote and description shows as its text; no element from the data, no script ran', async () => {
    app.explorer.go({ graph: 'example-yours', at: '1929', select: 'tsentralno-gorodskoi' });
    await app.updateComplete;
    await expect.poll(() => text(deep(app, 'apparat-details'))).toContain('<script>alert("organ")</script>');
    expect(($(app, 'header select') as HTMLSelectElement).selectedOptions[0].textContent).toBe('<img src=x onerror="alert(1)"> graph');
    expect(text($(app, '.caption h1'))).toBe('<img src=x onerror="alert(1)"> graph');
    expect(text(deep(app, 'apparat-outline'))).toContain('<script>alert("organ")</script>');
    // The events panel, with a description holding an iframe.
    (app.shadowRoot!.querySelector('#tab-events') as HTMLElement).click();
    await app.updateComplete;
    (deep(app, 'apparat-events', 'button.choose') as HTMLElement).click();
    await expect.poll(() => text(deep(app, 'apparat-events'))).toContain('<iframe src="javascript:alert(5)"></iframe>');
    // Walk the whole page, shadow roots too: no element the data named, no handler attribute.
    const all: Element[] = [];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(app.shadowRoot!);
    expect(all.filter((el) => ['SCRIPT', 'IFRAME', 'IMG', 'B'].includes(el.tagName))).toEqual([]);
    expect(all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))).toEqual([]);
    expect(all.filter((el) => el.tagName === 'svg' && el.getAttribute('onload') !== null)).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(alerts).toBe(0);
  });

  test('a 50 MB file is refused by its size before it is read, and the page says so', async () => {
    app.explorer.go({ graph: 'leningrad-region', at: '1931-06', select: 'obkom' });
    const before = location.search;
    const big = JSON.stringify({ ...syntheticGraph(3), note: 'x'.repeat(50 * 1024 * 1024) });
    const r = await drop(app, [fileOf('fifty-mb.json', big, 'application/json')]);
    expect(r.failed).toBe(1);
    expect(problems(app)).toMatch(/fifty-mb\.json: error: the file is 50\.\d MB; apparat reads graph files of up to 32\.0 MB \[limits\]/);
    expect(location.search).toBe(before);
  });

  test('a graph of 100,000 organs is refused with the count (as JSON and as GEXF)', async () => {
    const before = location.search;
    const g = syntheticGraph(2);
    const many = JSON.stringify({ ...g, organs: Array.from({ length: 100_000 }, (_, i) => ({ ...g.organs[1], id: `o${i}` })) });
    const nodes = Array.from({ length: 100_000 }, (_, i) => `<node id="n${i}" label="Node ${i}"/>`).join('\n');
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes>\n${nodes}\n</nodes><edges/></graph></gexf>`;
    const r = await drop(app, [fileOf('many.json', many), fileOf('many.gexf', gexf)]);
    expect(r.failed).toBe(2);
    expect(problems(app)).toMatch(/many\.json:1: error: organs: the graph has 100,000 organs; apparat reads graphs of up to 50,000 \[limits\]/);
    expect(problems(app)).toMatch(/many\.gexf: error: organs: the graph has 100,000 organs; apparat reads graphs of up to 50,000 \[limits\]/);
    expect(location.search).toBe(before);
    await expect.poll(() => chart(app)!.drawnIds().length).toBeGreaterThan(10);
  });
});
