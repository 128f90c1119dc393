/** A user's paths through the explorer, in real Chromium with real keys and clicks. */
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { chart, deep, hasGraph, openApp, params, text, $ } from './helpers.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';

const region = hasGraph('leningrad-region');
const drawn = (app: ApparatApp) => chart(app)!.drawnIds();
const slider = (app: ApparatApp) => deep(app, 'apparat-timeline', 'input[type="range"]') as HTMLInputElement;

describe.runIf(region)('the Leningrad region', () => {
  test('moving the timeline from 1929 to 1932: the okruzhkoms go, the gorkom comes', async () => {
    const app = await openApp('?graph=leningrad-region&at=1929-06');
    expect(drawn(app).filter((id) => id.startsWith('okruzhkom')).length).toBeGreaterThan(3);
    expect(drawn(app)).not.toContain('gorkom');
    expect(slider(app).getAttribute('aria-valuetext')).toBe('June 1929');
    await userEvent.click(slider(app));
    // Back to June 1929 exactly (a click moves the thumb), then 33 months forward by keyboard.
    app.explorer.go({ at: '1929-06' });
    await app.updateComplete;
    slider(app).focus();
    for (let i = 0; i < 33; i++) await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => slider(app).getAttribute('aria-valuetext')).toBe('March 1932');
    await expect.poll(() => drawn(app).filter((id) => id.startsWith('okruzhkom')).length).toBe(0);
    expect(drawn(app)).toContain('gorkom');
    expect(params().get('at')).toBe('1932-03');
    const outline = text(deep(app, 'apparat-outline'));
    expect(outline).toContain('gorkom');
    expect(outline).not.toContain('Pskov okruzhkom');
    app.remove();
  });

  test('finding Krasnyi putilovets by "Putilov" and reading its sources', async () => {
    const app = await openApp('?graph=leningrad-region&at=1931-06');
    const input = deep(app, 'apparat-search', 'input[type="search"]') as HTMLInputElement;
    await userEvent.click(input);
    await userEvent.keyboard('Putilov');
    await expect.poll(() => deep(app, 'apparat-search', '[role="listbox"]')?.textContent ?? '').toContain('Krasnyi putilovets');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => params().get('select') ?? '').toMatch(/kp|putilov/);
    const details = deep(app, 'apparat-details')!;
    await expect.poll(() => text(details)).toContain('Krasnyi putilovets');
    expect(text(details)).toContain('Sources');
    const cites = details.shadowRoot!.querySelectorAll('.sources cite');
    expect(cites.length).toBeGreaterThan(0);
    expect(cites[0].textContent).toMatch(/§|Table|Figure/);
    // Selection is in sync with the outline.
    const selected = deep(app, 'apparat-outline', '[aria-selected="true"]');
    expect(selected?.textContent).toContain('Krasnyi putilovets');
    app.remove();
  });

  test('comparing 1929 with 1932 marks what was added and removed', async () => {
    const app = await openApp('?graph=leningrad-region&at=1932-03');
    const tab = deep(app, '#tab-compare')!;
    await userEvent.click(tab);
    const input = deep(app, 'apparat-compare', 'input[type="month"]') as HTMLInputElement;
    input.value = '1929-06';
    input.dispatchEvent(new Event('change'));
    await expect.poll(() => params().get('compare')).toBe('1929-06');
    const panel = deep(app, 'apparat-compare')!;
    await expect.poll(() => text(panel)).toContain('Removed');
    expect(text(panel)).toContain('Added');
    expect(text(panel.shadowRoot!.querySelector('.changes.removed'))).toContain('okruzhkom');
    expect(text(panel.shadowRoot!.querySelector('.changes.added'))).toContain('gorkom');
    await chart(app)!.drawn();
    const cy = chart(app)!.core!;
    expect(cy.getElementById('gorkom').hasClass('mark-added')).toBe(true);
    expect(cy.getElementById('okruzhkom-pskov').hasClass('mark-removed')).toBe(true);
    app.remove();
  });
});

test('drilling into an organ\'s own chart, and back by the breadcrumb', async () => {
  const app = await openApp();
  const from = params().get('graph')!;
  // The first drawn organ with a chart of its own.
  const model = app.explorer.modelOf(from)!;
  const linked = drawn(app).find((id) => model.organs.get(id)?.link);
  // The bundled graphs have organs with charts of their own: one is drawn when the app opens.
  expect(linked).toBeDefined();
  app.explorer.select(linked!);
  await app.updateComplete;
  const open = deep(app, 'apparat-details', '.actions .primary')!;
  expect(open.textContent).toContain('Open its chart');
  await userEvent.click(open);
  await expect.poll(() => params().get('graph')).not.toBe(from);
  expect(params().get('trail')).toBe(`${from}:${linked!}`);
  const crumb = deep(app, '.crumbs button')!;
  expect(crumb).toBeTruthy();
  await userEvent.click(crumb);
  await expect.poll(() => params().get('graph')).toBe(from);
  expect(params().get('select')).toBe(linked);
  app.remove();
});

test('walking the outline by keyboard selects organs in the chart too', async () => {
  const app = await openApp();
  const outline = deep(app, 'apparat-outline')!;
  const first = outline.shadowRoot!.querySelector('[role="treeitem"]') as HTMLElement;
  expect(first.getAttribute('aria-level')).toBe('1');
  first.focus();
  await userEvent.keyboard('{ArrowDown}');
  await userEvent.keyboard('{Enter}');
  const selected = () => outline.shadowRoot!.querySelector('[aria-selected="true"]') as HTMLElement | null;
  await expect.poll(() => selected()?.getAttribute('aria-level')).toBe('2');
  const id = selected()!.dataset.id!;
  expect(params().get('select')).toBe(id);
  await chart(app)!.drawn();
  expect(chart(app)!.core!.getElementById(id).hasClass('chosen')).toBe(true);
  await userEvent.keyboard('{End}');
  const rows = () => [...outline.shadowRoot!.querySelectorAll('[role="treeitem"]')] as HTMLElement[];
  expect(outline.shadowRoot!.activeElement).toBe(rows().find((r) => r.tabIndex === 0));
  await userEvent.keyboard('{Home}');
  expect((outline.shadowRoot!.activeElement as HTMLElement).getAttribute('aria-level')).toBe('1');
  // Collapse the root with ArrowLeft: everything under it folds.
  await userEvent.keyboard('{ArrowLeft}');
  await expect.poll(() => outline.shadowRoot!.querySelector('[aria-level="1"]')?.getAttribute('aria-expanded')).toBe('false');
  expect(params().get('collapse')).toBeTruthy();
  await userEvent.keyboard('{ArrowRight}');
  await expect.poll(() => outline.shadowRoot!.querySelector('[aria-level="1"]')?.getAttribute('aria-expanded')).toBe('true');
  app.remove();
});

test('a shared URL restores the view; back and forward work', async () => {
  const first = await openApp();
  const graph = params().get('graph')!;
  const organ = chart(first)!.drawnIds()[1] ?? [...first.explorer.modelOf(graph)!.organs.keys()][0];
  const at = params().get('at')!;
  first.remove();
  const app = await openApp(`?graph=${graph}&at=${at}&select=${organ}&compare=${at.slice(0, 4)}`);
  expect(params().get('select')).toBe(organ);
  expect(slider(app).getAttribute('aria-valuetext')).toBeTruthy();
  expect(deep(app, 'apparat-outline', '[aria-selected="true"]')?.dataset.id).toBe(organ);
  expect(deep(app, '#tab-compare')?.getAttribute('aria-selected')).toBe('true');
  app.explorer.go({ compare: undefined });
  await app.updateComplete;
  expect(params().get('compare')).toBeNull();
  history.back();
  await expect.poll(() => params().get('compare')).toBe(at.slice(0, 4));
  app.remove();
});

test('search finds an organ through a person who held its post', async () => {
  const app = await openApp();
  const g = app.explorer.valid.find((x) => x.people?.length && x.posts?.length);
  if (!g) throw new Error('no bundled graph names the people who held posts');
  const post = g.posts![0];
  const person = g.people!.find((p) => p.id === post.person)!;
  app.explorer.go({ graph: g.id, at: undefined, select: undefined });
  await app.updateComplete;
  const input = deep(app, 'apparat-search', 'input[type="search"]') as HTMLInputElement;
  await userEvent.click(input);
  await userEvent.keyboard(person.name.split(' ').at(-1)!);
  await expect.poll(() => text(deep(app, 'apparat-search', '[role="listbox"]'))).toContain('person');
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => params().get('select')).toBeTruthy();
  const posts = g.posts!.filter((p) => p.person === person.id).map((p) => p.organ);
  expect(posts).toContain(params().get('select'));
  app.remove();
});

test('events: choosing one jumps to its date and marks its inputs and outputs', async () => {
  const app = await openApp();
  const events = app.explorer.derived()!.events;
  const ev = events.find((e) => e.outputs.length);
  if (!ev) throw new Error('no event with outputs');
  await userEvent.click(deep(app, '#tab-events')!);
  const list = deep(app, 'apparat-events')!;
  const button = [...list.shadowRoot!.querySelectorAll('button.choose')].find((b) => b.closest('li') && (b as HTMLElement).textContent!.length) as HTMLElement;
  expect(button).toBeTruthy();
  const buttons = [...list.shadowRoot!.querySelectorAll('button.choose')] as HTMLElement[];
  await userEvent.click(buttons[events.indexOf(ev)]);
  await expect.poll(() => params().get('event')).toBe(ev.id);
  expect(params().get('at')).toBe(ev.date);
  await chart(app)!.drawn();
  // An output drawn at the event's date carries the "after the event" mark.
  const out = ev.outputs.find((id) => drawn(app).includes(id));
  expect(out).toBeDefined();
  expect(chart(app)!.core!.getElementById(out!).hasClass('ev-out')).toBe(true);
  expect(text(list)).toContain('After (outputs)');
  // Next event by key.
  (document.activeElement as HTMLElement | null)?.blur();
  await userEvent.keyboard(']');
  await expect.poll(() => params().get('event')).not.toBe(ev.id);
  app.remove();
});

test('a graph that fails validation shows its problems; the others keep working', async () => {
  const app = await openApp();
  const { loadGraphSet } = await import('../../src/io/graph-file.ts');
  const example = (await import('../../graphs/example.json?raw')).default as string;
  const loaded = loadGraphSet([
    { file: 'graphs/example.json', text: example },
    { file: 'graphs/broken.json', text: '{\n  "apparat": 1,\n  "id": "broken",\n  "title": "<b>x</b>",\n  "organs": [{ "id": "a" }]\n}' },
  ]);
  app.explorer.setGraphs(loaded);
  await app.updateComplete;
  const problems = $(app, '.problems')!;
  expect(problems.textContent).toContain('graphs/broken.json');
  problems.setAttribute('open', '');
  expect(problems.textContent).toMatch(/graphs\/broken\.json:\d+: error/);
  expect(problems.querySelector('b')).toBeNull();
  await expect.poll(() => chart(app)!.drawnIds().length).toBeGreaterThan(0);
  app.remove();
});

test('dragging the slider replaces the history entry; letting go makes one step back', async () => {
  const app = await openApp();
  const start = params().get('at');
  const timeline = deep(app, 'apparat-timeline')!;
  for (const at of ['1928-01', '1928-02', '1928-03']) {
    timeline.dispatchEvent(new CustomEvent('date-input', { detail: { at }, bubbles: true, composed: true }));
    await app.updateComplete;
  }
  expect(params().get('at')).toBe('1928-03');
  timeline.dispatchEvent(new CustomEvent('date-change', { detail: { at: '1928-03' }, bubbles: true, composed: true }));
  await app.updateComplete;
  // (Chromium caps history.length at 50, so the test reads where Back goes instead.)
  history.back();
  await expect.poll(() => params().get('at')).toBe(start);
  await expect.poll(() => slider(app).getAttribute('aria-valuetext')).not.toBe('March 1928');
  app.remove();
});

test('a user opens their own graph file; a broken one lists its problems', async () => {
  const app = await openApp();
  const example = JSON.parse((await import('../../graphs/example.json?raw')).default as string);
  const input = deep(app, '.open-file input') as HTMLInputElement;
  const own = { ...example, id: 'my-ministry', title: 'My ministry' };
  await userEvent.upload(input, new File([JSON.stringify(own, null, 2)], 'my-ministry.json', { type: 'application/json' }));
  // Files are read in a worker: on a busy machine that takes a while.
  await expect.poll(() => params().get('graph'), { timeout: 15_000 }).toBe('my-ministry');
  await expect.poll(() => chart(app)!.drawnIds().length).toBeGreaterThan(0);
  expect((deep(app, 'select') as HTMLSelectElement).selectedOptions[0].textContent).toBe('My ministry');
  await userEvent.upload(input, new File(['{ "apparat": 1, "id": "bad"'], 'bad.json', { type: 'application/json' }));
  await expect.poll(() => $(app, '.problems')?.textContent ?? '', { timeout: 15_000 }).toContain('bad.json');
  ($(app, '.problems') as HTMLDetailsElement).open = true;
  expect($(app, '.problems')!.textContent).toMatch(/bad\.json:1: error/);
  expect(params().get('graph')).toBe('my-ministry');
  app.remove();
});
