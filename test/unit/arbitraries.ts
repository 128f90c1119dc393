/** Generators of valid graphs and dates for property tests (fast-check), shared by the test files. */
import fc from 'fast-check';
import type { Graph } from '../../src/model/types.ts';

/** A date of any precision the format allows, within 1900–1960. */
export const dateArb = fc.oneof(
  fc.integer({ min: 1900, max: 1960 }).map(String),
  fc.tuple(fc.integer({ min: 1900, max: 1960 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1900, max: 1960 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1900, max: 1960 }), fc.integer({ min: 21, max: 24 })).map(([y, s]) => `${y}-${s}`),
  fc.tuple(fc.integer({ min: 1900, max: 1960 }), fc.constantFrom('?', '~')).map(([y, q]) => `${y}${q}`),
);

/**
 * A valid graph: organ i's parents are organs with a smaller index whose lives cover each
 * segment of its life (else the root, which lives throughout), so no cycle and no gap can arise.
 */
export const graphArb = fc
  .array(
    fc.record({
      start: fc.integer({ min: 1901, max: 1950 }),
      length: fc.integer({ min: 0, max: 30 }),
      cuts: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 2 }),
      parents: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      rename: fc.boolean(),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((specs): Graph => {
    const life: [number, number][] = [[1900, 1960]];
    const g: Graph = {
      apparat: 1,
      id: 'gen',
      title: 'generated',
      sources: { s: { citation: 's' } },
      organs: [{ id: 'root', type: 'obkom', names: [{ name: 'root' }], exists: [{ start: '1900', end: '1960' }], sources: ['s'] }],
      edges: [],
    };
    specs.forEach((spec, k) => {
      const i = k + 1;
      const [s, e] = [spec.start, Math.min(1960, spec.start + spec.length)];
      life.push([s, e]);
      const mid = Math.floor((s + e) / 2);
      g.organs.push({
        id: `o${i}`,
        type: 'unit',
        typeLabel: 'unit',
        names: spec.rename && e > s ? [{ name: `n${i}`, end: String(mid) }, { name: `m${i}`, start: String(mid) }] : [{ name: `n${i}` }],
        exists: [{ start: String(s), end: String(e) }],
        sources: ['s'],
      });
      // Segments of the life, each with its own parent; consecutive segments hand over in one year.
      const points = [...new Set([s, ...spec.cuts.map((c) => s + (c % (e - s + 1))), e])].sort((a, b) => a - b);
      for (let j = 0; j + 1 < points.length || (j === 0 && points.length === 1); j++) {
        const [a, b] = points.length === 1 ? [s, e] : [points[j], points[j + 1]];
        const candidate = spec.parents[j % 3] % i;
        const [ps, pe] = life[candidate];
        const parent = ps <= a && pe >= b ? (candidate === 0 ? 'root' : `o${candidate}`) : 'root';
        g.edges.push({ child: `o${i}`, parent, start: String(a), end: String(b) });
        if (points.length === 1) break;
      }
    });
    return g;
  });

/** Awkward text: markup and CSV characters, quotes, newlines of every kind, Cyrillic, emoji, combining marks, any code point. */
export const textArb = fc
  .array(
    fc.oneof(
      fc.constantFrom('<', '>', '&', '"', "'", ',', ';', '|', '\\', '\n', '\r\n', '\r', '\t', ' ', '=', 'Ленинград', 'ё', '😀', 'e\u0301', ']]>', '&amp;', '{"a":1}', '<[1,2]>'),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''))
  .filter((s) => s.length > 0);

/** The characters XML 1.0 cannot hold, which the XML formats drop. */
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const xmlTextArb = textArb.map((s) => s.replace(XML_ILLEGAL, '')).filter((s) => s.length > 0);

/**
 * A valid graph with text everywhere a graph has text (names, aliases, notes, citations, events,
 * figures, people, posts, stories), drawn from `text`.
 */
export function richGraphArb(text: fc.Arbitrary<string> = textArb): fc.Arbitrary<Graph> {
  const texts = fc.array(text, { minLength: 12, maxLength: 12 });
  const value = fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)));
  return fc.tuple(graphArb, fc.array(texts, { minLength: 30, maxLength: 30 }), value, fc.boolean()).map(([base, pool, figure, extras]): Graph => {
    const g: Graph = structuredClone(base);
    const t = (i: number, j: number) => pool[i % pool.length][j % 12];
    g.description = t(0, 0);
    g.sources.s = { citation: t(0, 1), primary: t(0, 2), quote: t(0, 3), note: t(0, 4), lines: '7242-7260' };
    g.sources['s.2'] = { citation: t(0, 5) };
    g.organs.forEach((o, i) => {
      o.names.forEach((n, j) => (n.name = t(i + 1, j)));
      o.aliases = [t(i + 1, 3), t(i + 1, 4)];
      o.note = t(i + 1, 5);
      if (o.type === 'unit') o.typeLabel = t(i + 1, 6);
      o.exists[0].note = t(i + 1, 7);
      o.exists[0].sources = ['s.2'];
      o.sources = ['s', 's.2'];
    });
    g.edges.forEach((e, i) => {
      e.note = t(i, 8);
      e.sources = ['s.2'];
    });
    if (extras) {
      g.kind = 'prescribed';
      g.period = { start: '1900', end: '1960~' };
      g.note = t(1, 9);
      g.events = [{ id: 'ev', date: '1930-22', kind: 'rule-change', title: t(2, 0), description: t(2, 1), inputs: ['root'], outputs: [], sources: ['s'] }];
      g.figures = [
        { organ: 'root', measure: 'members', value: figure, qualifier: 'approx', date: '1930', sources: ['s'], note: t(2, 2) },
        { organ: 'root', measure: 'members', value: 7, date: '1930', sources: ['s.2'] },
        { organ: 'root', measure: 'count', value: 1917, date: '1931-01-01', sources: ['s'] },
      ];
      g.people = [
        {
          id: 'p',
          name: t(2, 3),
          aliases: [t(2, 4)],
          attributes: [
            { attribute: 'social-origin', value: `${t(3, 2)}x`, sources: ['s'] },
            { attribute: 'party-entry', value: '1917?', date: '1932-01-29', sources: ['s', 's.2'], certainty: 'inferred', note: `${t(3, 3)}x` },
          ],
          sources: ['s'],
        },
      ];
      g.posts = [{ organ: 'root', post: t(2, 5), person: 'p', start: '1929', end: '1931?', sources: ['s'], note: t(2, 6) }];
      g.stories = [
        {
          id: 'st',
          title: t(2, 7),
          description: t(2, 8),
          steps: [
            { at: '1930', caption: t(2, 9), citation: t(2, 10), focus: ['root'], hide: ['cell'], notes: t(2, 11) },
            { graph: 'gen', at: '1931', to: '1932', caption: t(3, 0), citation: t(3, 1) },
          ],
        },
      ];
    }
    return g;
  });
}
