/** Building a story in the explorer: add views as steps, edit, reorder, reload, save, clear. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { loadGraphSet } from '../../src/io/graph-file.ts';
import { DRAFT_KEY } from '../../src/ui/story-builder/build.ts';
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import { hasGraph, openApp, text } from './helpers.ts';

const bundled = import.meta.glob(['../../graphs/*.json', '!../../graphs/*schema.json'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const builder = (app: ApparatApp) => app.shadowRoot!.querySelector('apparat-story-builder')!;
const inBuilder = (app: ApparatApp, sel: string) => builder(app).shadowRoot!.querySelector(sel) as HTMLElement | null;
const allInBuilder = (app: ApparatApp, sel: string) => [...builder(app).shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
const button = (app: ApparatApp, label: string | RegExp) =>
  allInBuilder(app, 'button').find((b) => (typeof label === 'string' ? (b.getAttribute('aria-label') ?? b.textContent ?? '').includes(label) : label.test(b.getAttribute('aria-label') ?? b.textContent ?? ''))) as HTMLButtonElement;
const stepLabels = (app: ApparatApp) => allInBuilder(app, 'ol.steps > li').map((li) => li.getAttribute('aria-label') ?? '');

beforeEach(() => localStorage.removeItem(DRAFT_KEY));
afterEach(() => {
  document.querySelectorAll('apparat-app').forEach((a) => a.remove());
  localStorage.removeItem(DRAFT_KEY);
});

describe.runIf(hasGraph('leningrad-region'))('building a story from the explorer', () => {
  test('two views become steps; captions edited, reordered, kept over a reload, saved as a valid story file, cleared', async () => {
    let app = await openApp('?graph=leningrad-region&at=1929-06&select=obkom&hide=party-unit');
    // The builder is loaded after the first chart (a lazy chunk).
    await expect.poll(() => builder(app)?.shadowRoot?.querySelector('button') ?? null, { timeout: 30_000 }).not.toBeNull();
    await userEvent.click(button(app, 'Add this view as a step'));
    await expect.poll(() => stepLabels(app).length).toBe(1);
    expect(stepLabels(app)[0]).toContain('June 1929');
    // The caption box of the new step has the focus: type straight into it.
    await userEvent.keyboard('The okrugs in **1929**');

    app.explorer.go({ at: '1932-03', select: 'gorkom' });
    await app.updateComplete;
    await userEvent.click(button(app, 'Add this view as a step'));
    await expect.poll(() => stepLabels(app).length).toBe(2);
    expect(stepLabels(app)[1]).toContain('March 1932');
    expect(text(builder(app).shadowRoot!.querySelectorAll('ol.steps > li')[1])).toContain('focus gorkom');
    expect(text(inBuilder(app, '.toggle'))).toContain('(2)');

    // Reorder by button: step 2 up.
    await userEvent.click(button(app, 'Move step 2 up'));
    expect(stepLabels(app)[0]).toContain('March 1932');
    // And by keyboard: Alt+↓ on the first step moves it back down.
    const first = allInBuilder(app, 'ol.steps > li')[0];
    first.focus();
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await expect.poll(() => stepLabels(app)[0]).toContain('June 1929');
    expect((allInBuilder(app, 'textarea.caption')[0] as HTMLTextAreaElement).value).toBe('The okrugs in **1929**');

    await userEvent.fill(allInBuilder(app, 'textarea.caption')[1], 'In **December 1931** the city got a gorkom.');

    // Reload: the draft is still there.
    app.remove();
    app = await openApp('?graph=leningrad-region&at=1930-01');
    await expect.poll(() => builder(app)?.shadowRoot?.querySelector('.toggle')?.textContent ?? '').toContain('(2)');
    await userEvent.click(inBuilder(app, '.toggle')!);
    await expect.poll(() => stepLabels(app).length).toBe(2);
    expect((allInBuilder(app, 'textarea.caption')[1] as HTMLTextAreaElement).value).toBe('In **December 1931** the city got a gorkom.');

    // Saving without citations: the panel says what is missing, nothing is downloaded.
    const downloads: { name: string; href: string }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) downloads.push({ name: this.download, href: this.href });
      else click.call(this);
    };
    try {
      await userEvent.click(button(app, 'Save as story file'));
      await expect.poll(() => text(inBuilder(app, '.issues'))).toContain('step 1 has no citation');
      expect(downloads).toHaveLength(0);

      await userEvent.fill(allInBuilder(app, 'input.citation')[0], '§3.1, Table 3-1');
      await userEvent.fill(allInBuilder(app, 'input.citation')[1], '§3.1.2');
      const title = allInBuilder(app, '.meta input')[0];
      await userEvent.fill(title, 'The city and the region');
      expect((inBuilder(app, 'input.id') as HTMLInputElement).value).toBe('the-city-and-the-region');
      await userEvent.click(button(app, 'Save as story file'));
      await expect.poll(() => downloads.length).toBe(1);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(inBuilder(app, '.issues')).toBeNull();
    expect(downloads[0].name).toBe('the-city-and-the-region.json');
    const saved = await (await fetch(downloads[0].href)).text();
    const story = JSON.parse(saved);
    expect(story).toMatchObject({ apparat: 1, kind: 'story', id: 'the-city-and-the-region', title: 'The city and the region' });
    expect(story.steps.map((s: { at: string }) => s.at)).toEqual(['1929-06', '1932-03']);
    expect(story.steps[0]).toMatchObject({ graph: 'leningrad-region', focus: ['obkom'], highlight: ['obkom'], hide: ['party-unit'], citation: '§3.1, Table 3-1' });
    // The file validates as the CLI and the app read story files: with the bundled graphs.
    const texts = Object.entries(bundled).map(([path, t]) => ({ file: path.replace(/^(\.\.\/)+/, ''), text: t }));
    const loaded = loadGraphSet([...texts, { file: 'graphs/stories/the-city-and-the-region.json', text: saved }]);
    const mine = loaded.find((l) => l.file === 'graphs/stories/the-city-and-the-region.json')!;
    expect(mine.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(mine.story?.steps).toHaveLength(2);

    // Clearing asks first, then empties the draft and the storage.
    await userEvent.click(button(app, 'Clear the draft'));
    await userEvent.click(button(app, 'Discard'));
    await expect.poll(() => stepLabels(app).length).toBe(0);
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
    expect(text(inBuilder(app, '.toggle'))).not.toContain('(');
  });
});
