/**
 * Fuzzing the loaders and the validator: whatever the input, no exception escapes and every
 * problem comes back as a structured issue. A fixed seed and few runs in `npm test`;
 * `npm run fuzz` runs many more with a fresh seed (FUZZ_RUNS, FUZZ_SEED).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importCsv, importCsvHierarchy } from '../../src/io/csv.ts';
import { exportGexf, importGexf } from '../../src/io/gexf.ts';
import { loadGraphSet, loadGraphText } from '../../src/io/graph-file.ts';
import { exportGraphml, importGraphml } from '../../src/io/graphml.ts';
import type { Issue } from '../../src/model/validate.ts';
import { validateGraph } from '../../src/model/validate.ts';
import { sample } from './graphs.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 1928;
const options = { numRuns: RUNS, seed: SEED };

function structured(issues: Issue[]): void {
  for (const i of issues) {
    expect(['error', 'warning']).toContain(i.severity);
    expect(typeof i.rule).toBe('string');
    expect(typeof i.path).toBe('string');
    expect(typeof i.message).toBe('string');
    expect(i.message).not.toMatch(/^\s*at .+:\d+:\d+/m); // no stack trace
  }
}

/** A valid graph with one field somewhere replaced by an arbitrary value. */
const mutated = fc.tuple(fc.nat(), fc.jsonValue()).map(([k, value]) => {
  const g = sample() as unknown as Record<string, unknown>;
  const places: [Record<string, unknown>, string][] = [];
  const walk = (o: unknown) => {
    if (o && typeof o === 'object')
      for (const [key, v] of Object.entries(o)) {
        places.push([o as Record<string, unknown>, key]);
        walk(v);
      }
  };
  walk(g);
  const [target, key] = places[k % places.length];
  target[key] = value;
  return g;
});

describe('fuzz', () => {
  test('arbitrary JSON values: the validator reports, never throws', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => structured(validateGraph(v))), options);
  });

  test('a valid graph with any one field replaced: reported, never thrown', () => {
    fc.assert(
      fc.property(mutated, (g) => {
        const r = loadGraphText(JSON.stringify(g), 'mutated.json');
        structured(r.issues);
        if (r.graph) expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
      }),
      options,
    );
  });

  test('arbitrary text, JSON-ish text and cut-off files: one located issue, never a throw', () => {
    const text = JSON.stringify(sample(), null, 2);
    const inputs = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', 'a', '1', ' ', '\n') }),
      fc.nat(text.length).map((n) => text.slice(0, n)),
      fc.tuple(fc.nat(text.length), fc.string({ maxLength: 3 })).map(([n, s]) => text.slice(0, n) + s + text.slice(n + 1)),
    );
    fc.assert(
      fc.property(inputs, (t) => {
        const r = loadGraphText(t, 'fuzz.json');
        structured(r.issues);
        for (const i of r.issues) if (i.line !== undefined) expect(i.line).toBeGreaterThanOrEqual(1);
      }),
      options,
    );
  });

  test('sets of arbitrary files never throw and keep valid graphs valid', () => {
    const good = JSON.stringify(sample());
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 4 }), (values) => {
        const results = loadGraphSet([{ file: 'good.json', text: good }, ...values.map((v, i) => ({ file: `f${i}.json`, text: JSON.stringify(v) ?? '' }))]);
        results.forEach((r) => structured(r.issues));
        // A stranger's file with the same id may clash, but the first valid graph stays loaded.
        expect(results[0].graph).toBeDefined();
      }),
      options,
    );
  });

  const xmlish = (valid: string) =>
    fc.oneof(
      fc.string({ unit: fc.constantFrom('<', '>', '/', '=', '"', "'", '&', ';', '!', '?', 'node', 'edge', 'gexf', 'graphml', 'id', ' ', '\n', 'ENTITY', 'DOCTYPE', '[', ']') }),
      fc.nat(valid.length).map((n) => valid.slice(0, n)),
      fc.tuple(fc.nat(valid.length), fc.string({ maxLength: 4 })).map(([n, s]) => valid.slice(0, n) + s + valid.slice(n + 1)),
    );

  test('GEXF and GraphML importers: arbitrary XML-ish text gives structured issues, never a throw', () => {
    const g = sample();
    for (const [read, valid] of [
      [importGexf, exportGexf(g)],
      [importGraphml, exportGraphml(g)],
    ] as const) {
      fc.assert(
        fc.property(xmlish(valid), (text) => {
          const r = read(text, 'fuzz.xml');
          structured(r.issues);
        }),
        { ...options, numRuns: Math.ceil(RUNS / 2) },
      );
    }
  });

  test('CSV importers: arbitrary CSV-ish text gives structured issues, never a throw', () => {
    const csvish = fc.string({ unit: fc.constantFrom('id', 'label', 'type', 'parent', 'start', 'end', 'source', ',', ';', '"', '\n', '\r\n', '\uFEFF', '1930', 'a', ' ', 'unit', '..') });
    fc.assert(
      fc.property(csvish, (text) => {
        structured(importCsvHierarchy(text, 'fuzz.csv').issues);
        structured(importCsv({ 'nodes.csv': text, 'edges.csv': text }, 'fuzz').issues);
      }),
      { ...options, numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
