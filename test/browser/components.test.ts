/** Each component on its own, with the small example graph (its content is stable). */
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import example from '../../graphs/example.json';
import { syntheticGraph } from '../../bench/synthetic.ts';
import { viewTree } from '../../src/layout/view.ts';
import { eventsInOrder } from '../../src/model/lineage.ts';
import { formatInterval } from '../../src/model/dates.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import type { Graph } from '../../src/model/types.ts';
import '../../src/ui/chart/apparat-chart.ts';
import '../../src/ui/details/apparat-details.ts';
import '../../src/ui/outline/apparat-outline.ts';
import '../../src/ui/timeline/apparat-timeline.ts';
import '../../src/ui/legend/apparat-legend.ts';

const model = buildModel(example as unknown as Graph);
const tree = (date: string) => viewTree(snapshot(model, at(date)));

function mount<T extends HTMLElement>(tag: string, props: Record<string, unknown>, style = ''): T {
  const el = document.createElement(tag) as T;
  Object.assign(el, props);
  el.setAttribute('style', style);
  document.body.append(el);
  return el;
}

function listen(el: HTMLElement, name: string): CustomEvent[] {
  const seen: CustomEvent[] = [];
  el.addEventListener(name, (e) => seen.push(e as CustomEvent));
  return seen;
}

describe('<apparat-timeline>', () => {
  test('a labelled slider that speaks the date, with event ticks and buttons', async () => {
    const el = mount<HTMLElement & { updateComplete: Promise<boolean> }>('apparat-timeline', { period: model.period, at: '1929-06', events: eventsInOrder(model.graph) });
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector('input[type="range"]') as HTMLInputElement;
    expect(input.getAttribute('aria-label')).toBe('Date');
    expect(input.getAttribute('aria-valuetext')).toBe('June 1929');
    expect(el.shadowRoot!.querySelector('output')!.textContent).toBe('June 1929');
    // Ticks are laid out once the track's width is known (a second render).
    await expect.poll(() => el.shadowRoot!.querySelector('.tick')).toBeTruthy();
    const tick = el.shadowRoot!.querySelector('.tick') as HTMLElement;
    expect(tick.getAttribute('aria-label')).toBe("1930: Tsentral'no-gorodskoi divided into Oktiabr'skii and Smol'ninskii");
    const changes = listen(el, 'date-change');
    input.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(changes.at(-1)?.detail.at).toBe('1929-07');
    const chosen = listen(el, 'event-choose');
    await userEvent.click(el.shadowRoot!.querySelector('.next') as HTMLElement);
    expect(chosen[0].detail.id).toBe('split-tsentralno-gorodskoi');
    // Play goes event by event from the date shown; here the next event is the last, so it shows
    // that one and stops on its own.
    const play = el.shadowRoot!.querySelector('.play') as HTMLElement;
    await userEvent.click(play);
    expect(chosen.at(-1)?.detail.id).toBe('split-tsentralno-gorodskoi');
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');
    el.remove();
  });
});

test('the years under the timeline never cover one another: each year over a few, every tenth over a century', async () => {
  const labels = async (period: unknown) => {
    const el = mount<HTMLElement & { updateComplete: Promise<boolean> }>('apparat-timeline', { period, at: undefined, events: [] }, 'display: block; width: 700px');
    await expect.poll(() => el.shadowRoot!.querySelectorAll('.years span').length).toBeGreaterThan(0);
    const spans = [...el.shadowRoot!.querySelectorAll('.years span')] as HTMLElement[];
    const boxes = spans.map((s) => s.getBoundingClientRect());
    for (let i = 1; i < boxes.length; i++) expect(boxes[i].left).toBeGreaterThan(boxes[i - 1].right + 4);
    const years = spans.map((s) => Number(s.textContent));
    el.remove();
    return years;
  };
  // Between the first and the last year of the period, every year, or every tenth.
  const steps = (years: number[]) => new Set(years.slice(1).map((y, i) => y - years[i]));
  const few = await labels(model.period);
  expect(few[0]).toBe(new Date(model.period.min).getUTCFullYear() + (new Date(model.period.min).getUTCMonth() ? 1 : 0));
  expect(few.at(-1)).toBe(new Date(model.period.max).getUTCFullYear());
  expect(steps(few)).toEqual(new Set([1]));
  const century = await labels(buildModel(syntheticGraph(60)).period);
  expect(century[0]).toBe(1900);
  expect(century.at(-1)).toBe(2000);
  expect(steps(century)).toEqual(new Set([10]));
});

describe('<apparat-outline>', () => {
  test('a tree with levels, selection and keyboard walking', async () => {
    const el = mount<HTMLElement & { updateComplete: Promise<boolean> }>('apparat-outline', { tree: tree('1931'), selected: 'smolninskii' }, 'height: 300px');
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll('[role="treeitem"]')] as HTMLElement[];
    expect(items.map((i) => i.querySelector('.name')!.textContent!.split(' ')[0])).toEqual(['Leningrad', "Oktiabr'skii", "Smol'ninskii"]);
    expect(items[0].getAttribute('aria-level')).toBe('1');
    expect(items[0].getAttribute('aria-expanded')).toBe('true');
    expect(items[1].getAttribute('aria-level')).toBe('2');
    expect(items[2].getAttribute('aria-selected')).toBe('true');
    const selects = listen(el, 'organ-select');
    const toggles = listen(el, 'organ-toggle');
    items[2].focus();
    await userEvent.keyboard('{Home}');
    await el.updateComplete;
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.id).toBe('obkom');
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    await userEvent.keyboard('{Enter}');
    expect(selects.at(-1)?.detail.id).toBe('oktiabrskii');
    await userEvent.keyboard('{ArrowLeft}');
    await el.updateComplete;
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.id).toBe('obkom');
    await userEvent.keyboard('{ArrowLeft}');
    expect(toggles.at(-1)?.detail).toEqual({ id: 'obkom', expand: false });
    el.remove();
  });
});

describe('<apparat-chart>', () => {
  test('draws the organs at a date, and the change to another', async () => {
    const el = mount<HTMLElement & { updateComplete: Promise<boolean>; drawnIds(): string[]; nodeBox(id: string): DOMRect | undefined; tree: unknown; drawn(): Promise<void> }>(
      'apparat-chart',
      { tree: tree('1929') },
      'display:block; width: 800px; height: 500px; position: relative',
    );
    await el.updateComplete;
    // The first chart of a page is a picture until Cytoscape's code is in (src/ui/chart/picture.ts).
    await el.drawn();
    expect(el.drawnIds().sort()).toEqual(['obkom', 'tsentralno-gorodskoi']);
    // A screen reader hears the chart's name, then what it holds. The count is not an attribute of
    // Cytoscape's container: Cytoscape takes any change there for a resize and redraws everything.
    const canvas = el.shadowRoot!.querySelector('#cy')!;
    const description = () => el.shadowRoot!.getElementById(canvas.getAttribute('aria-describedby')!)?.textContent ?? '';
    expect(canvas.getAttribute('aria-label')).toBe('Org chart');
    expect(description()).toMatch(/^2 organs\. Arrow keys/);
    const changed: MutationRecord[] = [];
    const watch = new MutationObserver((records) => changed.push(...records));
    watch.observe(canvas, { attributes: true });
    el.tree = tree('1931');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 700));
    expect(el.drawnIds().sort()).toEqual(['obkom', 'oktiabrskii', 'smolninskii']);
    expect(description()).toMatch(/^3 organs\./);
    expect(changed.map((r) => r.attributeName)).toEqual([]);
    watch.disconnect();
    // A click on a node selects its organ.
    const selects = listen(el, 'organ-select');
    const box = el.nodeBox('smolninskii')!;
    const host = el.getBoundingClientRect();
    await userEvent.click(el, { position: { x: box.x - host.x + box.width / 2, y: box.y - host.y + box.height / 2 } });
    expect(selects.at(-1)?.detail.id).toBe('smolninskii');
    // The keyboard walks the chart as a tree.
    (el as unknown as { selected: string }).selected = 'smolninskii';
    await el.updateComplete;
    (el.shadowRoot!.querySelector('#cy') as HTMLElement).focus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(selects.at(-1)?.detail.id).toBe('oktiabrskii');
    await userEvent.keyboard('{ArrowUp}');
    expect(selects.at(-1)?.detail.id).toBe('obkom');
    (el as unknown as { selected: string }).selected = 'obkom';
    await el.updateComplete;
    await userEvent.keyboard('{ArrowDown}');
    expect(selects.at(-1)?.detail.id).toBe('oktiabrskii');
    expect(el.shadowRoot!.querySelector('[aria-live]')!.textContent).toContain("Oktiabr'skii raikom");
    el.remove();
  });
});

describe('<apparat-details>', () => {
  test('an organ: existence, figures, sources and lineage', async () => {
    const el = mount<HTMLElement & { updateComplete: Promise<boolean> }>('apparat-details', { model, snap: snapshot(model, at('1929')), organ: 'tsentralno-gorodskoi' });
    await el.updateComplete;
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).toBe("Tsentral'no-gorodskoi raikom");
    expect(text).toContain(formatInterval(model.organs.get('tsentralno-gorodskoi')!.exists[0]));
    expect(text).toContain('17,597');
    expect(text).toContain('Leningrad obkom');
    expect(text).toContain('Biulleten');
    expect(el.shadowRoot!.querySelector('blockquote')!.textContent).toContain('Oktiabr');
    const goes = listen(el, 'organ-go');
    const successor = [...el.shadowRoot!.querySelectorAll('button.link')].find((b) => b.textContent === "Oktiabr'skii raikom") as HTMLElement;
    await userEvent.click(successor);
    expect(goes[0].detail).toEqual({ id: 'oktiabrskii', at: '1930' });
    el.remove();
  });

  test('the people who held its posts', async () => {
    const el = mount<HTMLElement & { updateComplete: Promise<boolean> }>('apparat-details', { model, snap: snapshot(model, at('1932')), organ: 'smolninskii' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).toContain('A. S. Miloslavskii');
    expect(el.shadowRoot!.textContent).toContain('first secretary');
    el.remove();
  });
});

describe('<apparat-chart> with many organs', () => {
  test('a big step is sliced across frames, and a small one after it still lands', async () => {
    const { syntheticGraph } = await import('../../bench/synthetic.ts');
    const big = buildModel(syntheticGraph(3000));
    const el = mount<HTMLElement & { updateComplete: Promise<boolean>; drawnIds(): string[]; tree: unknown; drawn(): Promise<void> }>(
      'apparat-chart',
      { tree: viewTree(snapshot(big, at('1925'))) },
      'display:block; width: 800px; height: 500px; position: relative',
    );
    await el.updateComplete;
    await el.drawn();
    // Thousands of organs: Cytoscape holds those near the view (src/render/window.ts), all of the date.
    const organs = snapshot(big, at('1925')).organs;
    expect(el.drawnIds().length).toBeGreaterThan(5);
    expect(el.drawnIds().every((id) => organs.has(id))).toBe(true);
    // A big step, then at once a small one (the example's tree): the second wins.
    el.tree = viewTree(snapshot(big, at('1935')));
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    el.tree = tree('1931');
    await el.updateComplete;
    await el.drawn();
    await new Promise((r) => setTimeout(r, 100));
    expect(el.drawnIds().sort()).toEqual(['obkom', 'oktiabrskii', 'smolninskii']);
    el.remove();
  });
});

describe('<apparat-chart> animation', () => {
  test('a date step fades the leaving organs out and the coming ones in, and glides the rest', async () => {
    const el = mount<HTMLElement & { updateComplete: Promise<boolean>; drawnIds(): string[]; tree: unknown; drawn(): Promise<void>; core: import('cytoscape').Core }>(
      'apparat-chart',
      { tree: tree('1929') },
      'display:block; width: 800px; height: 500px; position: relative',
    );
    await el.updateComplete;
    await el.drawn();
    const cy = el.core;
    const before = { ...cy.getElementById('obkom').position() };
    el.tree = tree('1931');
    await el.updateComplete;
    // Watch every frame from the one that draws the step (the chart's draw is queued first, so the
    // first look is taken right after it) until the step has settled: no clock to race.
    let sawLeaving = false;
    let sawFadingIn = false;
    for (let frame = 0; frame < 600; frame++) {
      await new Promise((r) => requestAnimationFrame(r));
      const old = cy.getElementById('tsentralno-gorodskoi');
      const coming = cy.getElementById('oktiabrskii');
      if (old.nonempty() && old.hasClass('leaving')) sawLeaving = true;
      if (coming.nonempty() && Number(coming.style('opacity')) < 1) sawFadingIn = true;
      if (frame > 0 && old.empty() && coming.nonempty() && Number(coming.style('opacity')) === 1 && !cy.nodes().toArray().some((n) => n.animated())) break;
    }
    // Mid-step the old raikom was there, fading, and the new ones were coming in.
    expect(sawLeaving).toBe(true);
    expect(sawFadingIn).toBe(true);
    expect(cy.getElementById('tsentralno-gorodskoi').empty()).toBe(true);
    expect(Number(cy.getElementById('oktiabrskii').style('opacity'))).toBe(1);
    // The obkom stayed where the tidy tree puts it over its new children (centred, same level).
    expect(cy.getElementById('obkom').position().y).toBe(before.y);
    el.remove();
  });
});
