/** Full names wrapped to at most three lines, never cut (src/render/labels.ts). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { labelHeight, wrapLabel } from '../../src/render/labels.ts';
import { labelSize, nodeLabel, nodeSize } from '../../src/render/elements.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import type { Graph } from '../../src/model/types.ts';
import { sample } from './graphs.ts';

describe('wrapLabel', () => {
  test('wraps at word boundaries within the width', () => {
    expect(wrapLabel('Krasnyi putilovets party committee', { maxWidth: 20 }).lines).toEqual(['Krasnyi putilovets', 'party committee']);
    expect(wrapLabel('Leningrad obkom', { maxWidth: 20 })).toEqual({ lines: ['Leningrad obkom'], width: 15 });
  });

  test('a hyphenated word may break after its hyphen', () => {
    expect(wrapLabel("Moskovsko-narvskii raikom", { maxWidth: 12 }).lines).toEqual(['Moskovsko-', 'narvskii', 'raikom']);
  });

  test('a name too long for three lines widens the lines instead of being cut', () => {
    const name = 'primary party cells of the enterprises of the Leningrad oblast outside the city';
    const w = wrapLabel(name, { maxWidth: 20 });
    expect(w.lines.length).toBe(3);
    expect(w.width).toBeGreaterThan(20);
    expect(w.lines.join(' ')).toBe(name);
    expect(w.lines.join('')).not.toContain('…');
  });

  test('a measure in px', () => {
    const px = (s: string) => s.length * 7;
    const w = wrapLabel('Tsentral\'no-gorodskoi raikom', { maxWidth: 140, measure: px });
    expect(w.lines).toEqual(["Tsentral'no-", 'gorodskoi raikom']);
    expect(w.width).toBe(16 * 7);
  });

  test('over generated names: every word kept in order, at most three lines, widened no more than three lines need', () => {
    const word = fc.stringMatching(/^[a-zA-Z']{1,14}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.integer({ min: 6, max: 30 }), (words, maxWidth) => {
        const text = words.join(' ');
        const w = wrapLabel(text, { maxWidth });
        expect(w.lines.length).toBeLessThanOrEqual(3);
        expect(w.lines.join(' ')).toBe(text);
        // Widened only as far as needed: to its longest word, or where one character narrower would take more than three lines.
        const longest = Math.max(...words.map((x) => x.length));
        if (w.width > maxWidth && w.width !== longest) expect(wrapLabel(text, { maxWidth: w.width - 1, maxLines: 1000 }).lines.length).toBeGreaterThan(3);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

describe('labelHeight', () => {
  test('lines times the line height plus padding, never below the least height', () => {
    expect(labelHeight(3, { lineHeight: 16, padding: 14, minHeight: 54 })).toBe(62);
    expect(labelHeight(1, { lineHeight: 16, padding: 14, minHeight: 54 })).toBe(54);
  });
});

describe('nodeSize', () => {
  // A name long enough to need a wider node than the short one it is renamed to.
  const long = 'Raikom of the Proletarian District of the Lower Volkhov and its Many Villages Beyond';
  const graph = (): Graph => {
    const g = sample();
    const rai = g.organs.find((o) => o.id === 'rai')!;
    rai.names = [
      { name: long, end: '1931-05' },
      { name: 'Raikom Y', start: '1931-05' },
    ];
    return g;
  };

  test("is the size of the node's label at every date, a renamed organ's and a counted group's included", () => {
    const model = buildModel(graph());
    for (const d of ['1929-06', '1931-06', '1929-06']) {
      const snap = snapshot(model, at(d));
      for (const o of snap.organs.values()) for (const folded of [0, 3, 0]) expect(nodeSize(o, folded)).toEqual(labelSize(nodeLabel(o, folded)));
    }
  });

  test('follows a rename: the node is narrower under the shorter name', () => {
    const model = buildModel(graph());
    const before = nodeSize(snapshot(model, at('1929-06')).organs.get('rai')!);
    const after = nodeSize(snapshot(model, at('1931-06')).organs.get('rai')!);
    expect(after.w).toBeLessThan(before.w);
  });
});
