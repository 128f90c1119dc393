import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadGraphSet } from '../../src/io/graph-file.ts';
import { sample } from './graphs.ts';

const DIR = join(import.meta.dirname, '../fixtures/stories');
const file = (name: string) => ({ file: name, text: readFileSync(join(DIR, name), 'utf8') });

describe('stories', () => {
  test('a story file is checked against the graphs loaded with it, each mistake located', () => {
    const [, bad] = loadGraphSet([file('example.json'), file('bad-story.json')]);
    expect(bad.story).toBeUndefined();
    const found = bad.issues.map((i) => [i.rule, i.path]);
    expect(found).toEqual([
      ['story-organ-absent', 'steps[0].focus[0]'],
      ['story-graph', 'steps[1].graph'],
      ['interval-order', 'steps[2].to'],
      ['unknown-id', 'steps[2].highlight[0]'],
    ]);
    const text = readFileSync(join(DIR, 'bad-story.json'), 'utf8').split('\n');
    expect(text[bad.issues[0].line! - 1]).toContain('"smolninskii"');
  });

  test('a step without a citation is refused by the story schema', () => {
    const [r] = loadGraphSet([file('bad-story-shape.json')]);
    expect(r.issues).toEqual([expect.objectContaining({ rule: 'schema', path: 'steps[0]', message: 'the field "citation" is missing' })]);
  });

  test('a valid story loads as a story, not a graph', () => {
    const story = { apparat: 1, kind: 'story', id: 's', title: 'S', steps: [{ graph: 'example', at: '1931', focus: ['smolninskii'], caption: 'After the **division**.', citation: '§2.2.1' }] };
    const [, r] = loadGraphSet([file('example.json'), { file: 's.json', text: JSON.stringify(story) }]);
    expect(r.issues).toEqual([]);
    expect(r.story?.steps[0].focus).toEqual(['smolninskii']);
    expect(r.graph).toBeUndefined();
  });

  test('a story inside a graph file shows that graph when its steps name none', () => {
    const g = sample();
    g.stories = [{ id: 'inside', title: 'Inside', steps: [{ at: '1929', highlight: ['okr-a'], caption: 'c', citation: '§1' }, { at: '1933', highlight: ['okr-a'], caption: 'c', citation: '§1' }] }];
    const [r] = loadGraphSet([{ file: 'g.json', text: JSON.stringify(g) }]);
    expect(r.issues.map((i) => [i.rule, i.path])).toEqual([['story-organ-absent', 'stories[0].steps[1].highlight[0]']]);
  });
});
