/**
 * Trust on screen (issue 13): an inferred placement drawn dashed with its reason, every claim
 * cited, a person's career across graphs, search across graphs, and a factory chart's "no
 * evidence" state. Through the app's public API (`app.explorer`) and the UI, in real Chromium.
 */
import { expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import type { Source } from '../../src/model/types.ts';
import { edgeId } from '../../src/render/ids.ts';
import { chart, deep, openApp, params, text } from './helpers.ts';

const WAIT = { timeout: 20_000 };

/** How a claim's source reads under it: its section, and the thesis lines when it gives them. */
const citedAs = (s: Source) => (s.lines ? `(lines ${s.lines})` : s.citation.split(', ')[0]);

/** The drawn edge that places `child` under its parent in the chart. */
function edgeTo(app: ApparatApp, child: string) {
  const parent = app.explorer.derived()!.tree.parent.get(child)!;
  return chart(app)!.core!.getElementById(edgeId(parent, child));
}

test('an inferred placement is drawn dashed, the legend says so, and the details give its reason and sources', async () => {
  const app = await openApp('?graph=leningrad-region&at=1931-04');
  await chart(app)!.drawn();
  const d = app.explorer.derived()!;
  const organs = [...d.tree.organs.values()].filter((o) => d.tree.parent.has(o.id));
  const inferred = organs.find((o) => o.parentCertainty === 'inferred' && o.parentNote);
  const stated = organs.find((o) => o.parentCertainty === 'stated');
  if (!inferred || !stated) throw new Error('the regional chart of April 1931 has both inferred and stated placements');
  await expect.poll(() => edgeTo(app, inferred.id).style('line-style'), WAIT).toBe('dashed');
  expect(edgeTo(app, stated.id).style('line-style')).toBe('solid');

  // The legend explains the dashed link (opened if it starts folded on a short screen).
  const legend = deep(app, 'apparat-legend')!;
  if (!text(legend).includes('placement inferred')) deep(app, 'apparat-legend', 'button')!.click();
  await expect.poll(() => text(legend), WAIT).toContain('Dashed link: placement inferred, not stated by the source');

  app.explorer.select(inferred.id);
  const details = () => deep(app, 'apparat-details', '.placement');
  await expect.poll(() => text(details()), WAIT).toContain('inferred, not stated by the source');
  expect(text(details())).toContain(inferred.parentNote!.slice(0, 40));
  const source = d.model.graph.sources[inferred.parentSources[0]];
  if (source) expect(text(details())).toContain(citedAs(source));
  app.remove();
});

test("a post's holder carries its citation, and the holder's name opens their career across graphs", async () => {
  const app = await openApp('?graph=leningrad-apparatus&at=1932-06&select=gorkom');
  const model = app.explorer.modelOf('leningrad-apparatus')!;
  const post = model.graph.posts!.find((p) => p.organ === 'gorkom' && p.person === 'gaza' && p.post === 'second secretary');
  if (!post) throw new Error('the apparatus graph records Gaza as second secretary of the gorkom');
  const gazaPost = () =>
    [...(deep(app, 'apparat-details')!.shadowRoot!.querySelectorAll('li.post') as NodeListOf<HTMLElement>)].find((li) => text(li).includes('second secretary') && text(li).includes('Gaza'));
  await expect.poll(() => gazaPost(), WAIT).toBeTruthy();
  for (const s of post.sources) expect(text(gazaPost()!)).toContain(citedAs(model.graph.sources[s]));
  // What Table 6-6 says of the holder stands under the post, with its own source.
  const about = gazaPost()!.querySelector('ul.attributes');
  expect(text(about)).toContain('social origin: worker');
  expect(text(about)).toContain('party entry: 1917');
  expect(text(about)).toContain(citedAs(model.graph.sources['t6-6']));

  // The name is a button: the career lists posts in more than one graph, each with its sources.
  (gazaPost()!.querySelector('button.person') as HTMLButtonElement).click();
  await expect.poll(() => text(deep(app, 'apparat-person', 'h2')), WAIT).toContain('Gaza');
  const person = deep(app, 'apparat-person')!;
  const attributes = person.shadowRoot!.querySelector('dl.attributes');
  expect(text(attributes)).toMatch(/social origin\s*worker/);
  expect(text(attributes)).toMatch(/party entry\s*1917/);
  expect(text(attributes)).toContain('Table 6-6');
  const items = [...person.shadowRoot!.querySelectorAll('ol.career > li')];
  const mine = model.graph.posts!.filter((p) => p.person === 'gaza');
  expect(items.length).toBeGreaterThan(mine.length);
  expect(text(person)).toContain('second secretary');
  expect(text(person)).toContain(app.explorer.valid.find((g) => g.id === 'factory-krasnyi-putilovets')!.title);

  // A post in another graph opens that graph with its organ selected.
  const other = [...person.shadowRoot!.querySelectorAll('button.graph')].find((b) => text(b).includes('Krasnyi putilovets')) as HTMLButtonElement;
  other.click();
  await expect.poll(() => params().get('graph'), WAIT).toBe('factory-krasnyi-putilovets');
  expect(params().get('select')).toBeTruthy();
  expect(deep(app, 'apparat-person')).toBeNull();
  app.remove();
});

test('search covers every loaded graph: "Gaza" in the regional graph finds him, and a hit elsewhere opens its graph at its date', async () => {
  const app = await openApp('?graph=leningrad-region&at=1931-04');
  const input = deep(app, 'apparat-search', 'input[type="search"]') as HTMLInputElement;
  await userEvent.click(input);
  await userEvent.keyboard('Gaza');
  const option = (kind: string) => deep(app, 'apparat-search', `[role="option"][data-kind="${kind}"]`);
  await expect.poll(() => option('person'), WAIT).toBeTruthy();
  expect(text(option('person'))).toContain('Gaza');
  await expect.poll(() => option('other'), WAIT).toBeTruthy();

  option('other')!.click();
  await expect.poll(() => params().get('graph'), WAIT).not.toBe('leningrad-region');
  const organ = params().get('select')!;
  expect(organ).toBeTruthy();
  // At a date the organ is there, and it is selected in the chart.
  await expect.poll(() => app.explorer.derived()?.snap.organs.has(organ), WAIT).toBe(true);
  await expect.poll(() => chart(app)?.drawnIds().includes(organ), WAIT).toBe(true);

  // The person hit opens the career.
  await userEvent.click(input);
  await userEvent.keyboard('{Control>}a{/Control}Gaza');
  await expect.poll(() => option('person'), WAIT).toBeTruthy();
  option('person')!.click();
  await expect.poll(() => text(deep(app, 'apparat-person', 'h2')), WAIT).toContain('Gaza');
  app.remove();
});

test('a factory chart outside its attested dates says there is no evidence, and goes to the nearest date that has some', async () => {
  const app = await openApp('?graph=factory-sevkabel');
  app.explorer.setDate('1930-06');
  const box = () => deep(app, '.no-evidence');
  await expect.poll(() => text(box()), WAIT).toContain('No evidence for this period');
  const next = [...box()!.querySelectorAll('button')].find((b) => text(b).includes('Next evidence')) as HTMLButtonElement;
  expect(next).toBeTruthy();
  next.click();
  await expect.poll(() => params().get('at'), WAIT).not.toBe('1930-06');
  await expect.poll(() => box(), WAIT).toBeNull();
  app.remove();
});
