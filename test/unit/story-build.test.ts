/** Building a story from views: the step a view makes, moving steps, the file it saves, the checks. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildModel } from '../../src/model/model.ts';
import { isStoryFile, storyFileShapeIssues } from '../../src/model/story.ts';
import { draftIssues, loadDraft, moveStep, removeStep, saveDraft, slug, stepFromView, storyFileText, toStoryFile, type Draft } from '../../src/ui/story-builder/build.ts';

const region = buildModel(JSON.parse(readFileSync(new URL('../../graphs/leningrad-region.json', import.meta.url), 'utf8')));
const graphs = (id: string) => (id === 'leningrad-region' ? region : undefined);

describe('a view as a step', () => {
  test('graph, date, focus (else selection), highlighted organs and hidden types', () => {
    const step = stepFromView({ graph: 'leningrad-region', at: '1930-07', select: 'obkom', hide: ['party-unit'], marked: new Set(['okruzhkom-pskov']) });
    expect(step).toEqual({ graph: 'leningrad-region', at: '1930-07', focus: ['obkom'], highlight: ['obkom', 'okruzhkom-pskov'], hide: ['party-unit'], caption: '', citation: '' });
    const focused = stepFromView({ graph: 'g', at: '1931', focus: 'gorkom', select: 'x', hide: [] });
    expect(focused.focus).toEqual(['gorkom']);
    expect(focused.hide).toBeUndefined();
  });

  test('organs that do not exist at the date are left out, so the step validates', () => {
    const step = stepFromView({ graph: 'g', at: '1929', select: 'gone', hide: [], marked: ['here', 'gone'] }, (id) => id === 'here');
    expect(step.focus).toBeUndefined();
    expect(step.highlight).toEqual(['here']);
  });

  test('a view without selection or marks is just graph and date', () => {
    expect(stepFromView({ graph: 'g', at: '1930', hide: [] })).toEqual({ graph: 'g', at: '1930', caption: '', citation: '' });
  });
});

describe('editing the draft', () => {
  test('moving and removing steps', () => {
    expect(moveStep(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveStep(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveStep(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(removeStep(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  test('an id from the title', () => {
    expect(slug('Okrugs to raions, 1928–1932')).toBe('okrugs-to-raions-1928-1932');
    expect(slug('Krasnyi put\u0301ilovets')).toBe('krasnyi-putilovets');
    expect(slug('!!!')).toBe('story');
  });

  test('the draft survives storage, and junk in storage is no draft', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const d: Draft = { id: 'x', title: 'X', steps: [{ graph: 'g', at: '1930', caption: 'c', citation: 's' }] };
    saveDraft(storage, d);
    expect(loadDraft(storage)).toEqual(d);
    saveDraft(storage, undefined);
    expect(loadDraft(storage)).toBeUndefined();
    store.set('apparat:story-draft', '{not json');
    expect(loadDraft(storage)).toBeUndefined();
  });
});

describe('saving', () => {
  const draft: Draft = {
    id: 'city',
    title: ' The city ',
    description: '',
    steps: [
      { graph: 'leningrad-region', at: '1929-06', focus: ['obkom'], caption: 'The **obkom**', citation: '§3.1', notes: '  ' },
      { graph: 'leningrad-region', at: '1932-03', highlight: ['gorkom'], caption: 'The gorkom', citation: '§3.1.2' },
    ],
  };

  test('the story file: the format\'s fields in order, empty ones left out, valid by the schema', () => {
    const file = toStoryFile(draft);
    expect(Object.keys(file)).toEqual(['$schema', 'apparat', 'kind', 'id', 'title', 'steps']);
    expect(file.title).toBe('The city');
    expect(file.steps[0]).toEqual({ graph: 'leningrad-region', at: '1929-06', focus: ['obkom'], caption: 'The **obkom**', citation: '§3.1' });
    expect(isStoryFile(JSON.parse(storyFileText(draft)))).toBe(true);
    expect(storyFileShapeIssues(JSON.parse(storyFileText(draft)))).toEqual([]);
    expect(draftIssues(draft, graphs)).toEqual([]);
  });

  test('what stops saving is said in words: no steps, no caption, no citation, an organ absent at the date', () => {
    expect(draftIssues({ id: 'x', title: 'X', steps: [] }, graphs).map((i) => i.message)).toEqual(['the story has no steps yet: add a view as a step']);
    const bad: Draft = { ...draft, steps: [{ ...draft.steps[0], caption: ' ', citation: '' }, { ...draft.steps[1], at: '1929-06' }] };
    const messages = draftIssues(bad, graphs).map((i) => i.message);
    expect(messages).toContain('step 1 has no caption');
    expect(messages).toContain('step 1 has no citation: say where its claim comes from');
    expect(messages.some((m) => m.includes('"gorkom" does not exist'))).toBe(true);
    expect(draftIssues({ ...draft, id: 'has spaces' }, graphs).some((i) => i.path === 'id')).toBe(true);
  });
});
