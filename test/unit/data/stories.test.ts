/**
 * The bundled presentation stories (graphs/stories/*.json) against the graphs they show and the
 * thesis they quote: each validates with the bundled graphs, cites a source on every step, and
 * every number written in a caption (or in the speaker notes) stands in the thesis text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, loadGraphSet, type LoadedGraph } from '../../../src/io/graph-file.ts';
import { GRAPHS, thesisText } from './load.ts';

const STORIES = join(GRAPHS, 'stories');
const EXPECTED = ['breaking-up-factory-cells', 'functional-sectoral-apparatus', 'krasnyi-putilovets-1930-32', 'okrugs-to-raions', 'reversal-of-1932', 'the-partys-people'];

const jsonFiles = (dir: string, prefix: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('schema.json'))
    .sort()
    .map((f) => ({ file: `${prefix}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));

const loaded: LoadedGraph[] = loadGraphSet([...jsonFiles(GRAPHS, 'graphs'), ...jsonFiles(STORIES, 'graphs/stories')]);
const storyResults = loaded.filter((r) => r.file.startsWith('graphs/stories/'));

/** Numbers as written ("1,536", "111", "2 ,600" in an OCR table), without their separators. */
function numbersIn(text: string): string[] {
  return (text.match(/\d+(?: ?, ?\d{3}(?!\d))*/g) ?? []).map((n) => n.replace(/[ ,]/g, ''));
}

let thesisNumbers: Set<string> | undefined;
/** Every number of the thesis, whole ("1,536" -> 1536) and, for a run the OCR glued together, each part. */
function inThesis(n: string): boolean {
  if (!thesisNumbers) {
    thesisNumbers = new Set();
    for (const m of thesisText().match(/\d+(?: ?, ?\d{3}(?!\d))*/g) ?? []) {
      thesisNumbers.add(m.replace(/[ ,]/g, ''));
      for (const part of m.split(/ ?, ?/)) thesisNumbers.add(part);
    }
  }
  return thesisNumbers.has(n);
}

/** The numbers of a text that the thesis does not contain, as written in the text. */
function missingNumbers(text: string): string[] {
  return (text.match(/\d+(?:,\d{3}(?!\d))*/g) ?? []).filter((n) => !inThesis(n.replace(/,/g, '')));
}

describe('bundled stories', () => {
  it('are the six presentation stories, one file each, named by their id', () => {
    expect(storyResults.map((r) => r.file)).toEqual(EXPECTED.map((id) => `graphs/stories/${id}.json`));
    for (const r of storyResults) expect(r.story?.id, r.file).toBe(r.file.replace(/^graphs\/stories\/|\.json$/g, ''));
  });

  for (const id of EXPECTED) {
    const r = () => storyResults.find((x) => x.file === `graphs/stories/${id}.json`)!;

    describe(id, () => {
      it('validates against the bundled graphs (graph ids, dates, organs present at each step)', () => {
        expect(r().issues.map(formatIssue)).toEqual([]);
        expect(r().story).toBeDefined();
      });

      it('has 5 to 9 steps, each naming its graph, what to look at, a caption and a citation', () => {
        const steps = r().story!.steps;
        expect(steps.length).toBeGreaterThanOrEqual(5);
        expect(steps.length).toBeLessThanOrEqual(9);
        steps.forEach((s, i) => {
          expect(s.graph, `step ${i + 1}`).toBeTruthy();
          expect((s.focus?.length ?? 0) + (s.highlight?.length ?? 0), `step ${i + 1} focuses or highlights organs`).toBeGreaterThan(0);
          expect(s.caption.trim(), `step ${i + 1} caption`).not.toBe('');
          expect(s.citation.trim(), `step ${i + 1} citation`).toMatch(/§\d/);
        });
      });

      it('writes in its captions only numbers that stand in the thesis', () => {
        const missing = r().story!.steps.flatMap((s, i) => missingNumbers(s.caption).map((n) => `step ${i + 1}: ${n}`));
        expect(missing).toEqual([]);
      });

      it('writes in its speaker notes only numbers that stand in the thesis', () => {
        const missing = r().story!.steps.flatMap((s, i) => missingNumbers(s.notes ?? '').map((n) => `step ${i + 1}: ${n}`));
        expect(missing).toEqual([]);
      });
    });
  }

  it('the number check would catch a mis-typed figure', () => {
    expect(missingNumbers('1,536 workshop cells and 111 rural raikoms')).toEqual([]);
    expect(missingNumbers('1,563 workshop cells and 1,087 after')).toEqual(['1,563']);
    expect(missingNumbers('3,999 party units')).toEqual([]);
    expect(missingNumbers('3,909 party units')).toEqual(['3,909']);
    expect(numbersIn('2 ,600 (12)')).toEqual(['2600', '12']);
  });
});
