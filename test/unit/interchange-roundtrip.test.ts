/** Export, import again: the same graph, for every format, over generated graphs with awkward text. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadGraphText } from '../../src/io/graph-file.ts';
import { exportCsv, importCsv } from '../../src/io/csv.ts';
import { exportGexf, importGexf } from '../../src/io/gexf.ts';
import { exportGraphml, importGraphml } from '../../src/io/graphml.ts';
import { exportJson } from '../../src/io/json.ts';
import type { Graph } from '../../src/model/types.ts';
import { validateGraph } from '../../src/model/validate.ts';
import { richGraphArb, textArb, xmlTextArb } from './arbitraries.ts';
import { sample } from './graphs.ts';

const RUNS = { seed: 1932, numRuns: 60, endOnFailure: true };

const withoutSchema = (g: Graph) => {
  const { $schema: _s, ...rest } = g;
  return rest;
};

describe('generated graphs survive a round trip', () => {
  test('the generator makes valid graphs', () => {
    fc.assert(
      fc.property(richGraphArb(), (g) => {
        expect(validateGraph(g).filter((i) => i.severity === 'error')).toEqual([]);
      }),
      { ...RUNS, numRuns: 20 },
    );
  });

  test('apparat JSON', () => {
    fc.assert(
      fc.property(richGraphArb(textArb), (g) => {
        const back = loadGraphText(exportJson(g), 'g.json');
        expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(withoutSchema(back.graph!)).toEqual(g);
      }),
      RUNS,
    );
  });

  test('CSV folder (any text, control characters included)', () => {
    fc.assert(
      fc.property(richGraphArb(textArb), (g) => {
        const back = importCsv(exportCsv(g), 'out');
        expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(back.graph).toEqual(g);
      }),
      RUNS,
    );
  });

  test('GEXF', () => {
    fc.assert(
      fc.property(richGraphArb(xmlTextArb), (g) => {
        const back = importGexf(exportGexf(g), 'g.gexf');
        expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(back.graph).toEqual(g);
      }),
      RUNS,
    );
  });

  test('GraphML', () => {
    fc.assert(
      fc.property(richGraphArb(xmlTextArb), (g) => {
        const back = importGraphml(exportGraphml(g), 'g.graphml');
        expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(back.graph).toEqual(g);
      }),
      RUNS,
    );
  });
});

describe('what a format cannot carry', () => {
  test('XML drops the control characters XML 1.0 forbids from plain attributes; names, aliases and the graph record keep them', () => {
    const g = sample();
    g.organs[0].note = 'a\u0001b\u000Bc';
    g.organs[0].names[0].name = 'Ob\u0002kom';
    g.organs[1].aliases = ['x\u0007y'];
    g.sources.s1.citation = '§\u00011';
    for (const [ex, im] of [
      [exportGexf, importGexf],
      [exportGraphml, importGraphml],
    ] as const) {
      const back = im(ex(g), 'g.xml').graph!;
      expect(back.organs[0].note).toBe('abc');
      expect(back.organs[0].names[0].name).toBe('Ob\u0002kom');
      expect(back.organs[1].aliases).toEqual(['x\u0007y']);
      expect(back.sources.s1.citation).toBe('§\u00011');
    }
  });

  test('CSV reads an empty text or list as absent, and an empty table as no list', () => {
    const g = sample();
    g.organs[0].note = '';
    g.organs[0].aliases = [];
    g.events = [];
    const back = importCsv(exportCsv(g), 'out').graph!;
    expect(back.organs[0]).not.toHaveProperty('note');
    expect(back.organs[0]).not.toHaveProperty('aliases');
    expect(back).not.toHaveProperty('events');
  });
});
