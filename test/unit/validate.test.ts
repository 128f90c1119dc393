import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadGraphSet, loadGraphText } from '../../src/io/graph-file.ts';
import { validateGraph } from '../../src/model/validate.ts';
import { sample } from './graphs.ts';

const DIR = join(import.meta.dirname, '../fixtures/invalid');
const read = (name: string) => readFileSync(join(DIR, `${name}.json`), 'utf8');

/** Each broken file: the rule it breaks, where, and a word the reported line must hold. */
const CASES: Record<string, { rule: string; severity: 'error' | 'warning'; path: string; line: string; says: RegExp }> = {
  'json-syntax': { rule: 'json', severity: 'error', path: '', line: '"names"', says: /not valid JSON: comma expected at line 38/ },
  'schema-missing-field': { rule: 'schema', severity: 'error', path: 'organs[1]', line: '{', says: /"names" is missing/ },
  'schema-bad-type': { rule: 'schema', severity: 'error', path: 'organs[2].type', line: '"raion"', says: /must be one of .*urban-raikom/ },
  'schema-unknown-field': { rule: 'schema', severity: 'error', path: 'organs[3].parent', line: '"parent"', says: /not a field of the apparat format/ },
  'schema-wrong-kind': { rule: 'schema', severity: 'error', path: 'figures[0].value', line: '"17,597"', says: /it is a string, it should be a number/ },
  date: { rule: 'date', severity: 'error', path: 'organs[1].exists[0].end', line: '1930-13', says: /"1930-13" is not an EDTF date/ },
  'interval-order': { rule: 'interval-order', severity: 'error', path: 'organs[2].exists[0]', line: '{', says: /ends \(1930\) before it starts \(1932\)/ },
  'duplicate-id': { rule: 'duplicate-id', severity: 'error', path: 'organs[3].id', line: '"oktiabrskii"', says: /used twice/ },
  'unknown-id': { rule: 'unknown-id', severity: 'error', path: 'edges[1].parent', line: '"gorkom"', says: /"gorkom" is not an organ/ },
  'unknown-source': { rule: 'unknown-source', severity: 'error', path: 'figures[0].sources[0]', line: '"table-4-5"', says: /not listed in "sources"/ },
  'two-parents': { rule: 'two-parents', severity: 'error', path: 'edges[3]', line: '{', says: /two parents at once: "obkom".*"oktiabrskii"/ },
  cycle: { rule: 'cycle', severity: 'error', path: 'edges[0]', line: '{', says: /cycle of subordination at 1928-01-01: obkom → tsentralno-gorodskoi → obkom/ },
  'edge-outside-life': { rule: 'edge-outside-life', severity: 'error', path: 'edges[0]', line: '{', says: /outside the lifetime of the child/ },
  'event-mismatch': { rule: 'event-mismatch', severity: 'error', path: 'events[0].outputs[0]', line: '"oktiabrskii"', says: /does not exist at the event's date \(1929\)/ },
  'event-empty': { rule: 'event-empty', severity: 'error', path: 'events[0]', line: '{', says: /names no inputs and no outputs/ },
  'figure-outside-life': { rule: 'figure-outside-life', severity: 'error', path: 'figures[0]', line: '{', says: /dated 1 October 1931, when it did not exist/ },
  'post-outside-life': { rule: 'post-outside-life', severity: 'error', path: 'posts[0]', line: '{', says: /outside the organ's lifetime/ },
  'counted-in': { rule: 'counted-in', severity: 'error', path: 'organs[2].countedIn', line: '"obkom"', says: /not a counted group of urban-raikoms/ },
  'missing-link': { rule: 'missing-link', severity: 'error', path: 'organs[1].link', line: '"factory-nowhere"', says: /"factory-nowhere", which is not among the graphs/ },
  'unused-source': { rule: 'unused-source', severity: 'warning', path: 'sources.unused', line: '"unused"', says: /never cited/ },
  'unknown-measure': { rule: 'unknown-measure', severity: 'warning', path: 'figures[0].measure', line: '"members-ish"', says: /not one of the usual measures/ },
  'unit-label': { rule: 'unit-label', severity: 'warning', path: 'organs[0]', line: '{', says: /no typeLabel/ },
  'counted-without-count': { rule: 'counted-without-count', severity: 'warning', path: 'organs[2]', line: '{', says: /no "count" figure/ },
  'inferred-without-note': { rule: 'inferred-without-note', severity: 'error', path: 'edges[1]', line: '{', says: /marked "inferred" but has no "note" saying the reasoning/ },
  'attribute-date': { rule: 'date', severity: 'error', path: 'people[0].attributes[1].value', line: '"about 1918"', says: /the party-entry of "miloslavskii" must be an EDTF date .*"about 1918"/ },
  'unknown-attribute': { rule: 'unknown-attribute', severity: 'warning', path: 'people[0].attributes[2].attribute', line: '"shoe-size"', says: /not one of the usual attributes of a person \(social-origin, party-entry, position\)/ },
  'no-source': { rule: 'no-source', severity: 'warning', path: 'organs[2].sources', line: '"sources"', says: /cites no source/ },
};

describe('every validation rule, each with a broken file of its own', () => {
  test('every fixture has a case and every case a fixture', () => {
    const files = readdirSync(DIR).map((f) => f.replace(/\.json$/, '')).sort();
    expect(files).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, want] of Object.entries(CASES)) {
    test(`${name}: ${want.severity} [${want.rule}] at ${want.path || 'the file'}`, () => {
      const text = read(name);
      const result = loadGraphText(text, `${name}.json`, new Set(['example']));
      const issue = result.issues.find((i) => i.rule === want.rule && i.path === want.path);
      expect(issue, JSON.stringify(result.issues, null, 1)).toBeDefined();
      expect(issue!.severity).toBe(want.severity);
      expect(issue!.message).toMatch(want.says);
      expect(issue!.file).toBe(`${name}.json`);
      // The reported line is the one a reader must look at.
      expect(text.split('\n')[issue!.line! - 1]).toContain(want.line);
      // Errors reject the graph; warnings alone do not.
      expect(result.graph === undefined).toBe(want.severity === 'error');
    });
  }
});

describe('validation of sets of files', () => {
  test('a graph id used by two files is an error in the second', () => {
    const text = readFileSync(join(import.meta.dirname, '../../graphs/example.json'), 'utf8');
    const [a, b] = loadGraphSet([
      { file: 'a.json', text },
      { file: 'b.json', text },
    ]);
    expect(a.graph).toBeDefined();
    expect(b.issues[0]).toMatchObject({ rule: 'duplicate-graph', file: 'b.json', message: expect.stringContaining('a.json') });
  });

  test('a drill-down link resolves against the other files of the set', () => {
    const g = sample();
    g.organs[0].link = 'other';
    const other = { ...sample(), id: 'other' };
    const results = loadGraphSet([
      { file: 'g.json', text: JSON.stringify(g) },
      { file: 'other.json', text: JSON.stringify(other) },
    ]);
    expect(results.every((r) => r.graph)).toBe(true);
  });

  test('hostile shapes are reported, never thrown', () => {
    for (const data of [null, 42, 'text', [], { apparat: 1 }, { __proto__: { polluted: 1 } }, { apparat: 1, id: 'x', title: 'x', sources: {}, organs: [{}], edges: [{}] }]) {
      const issues = validateGraph(data);
      expect(issues.length).toBeGreaterThan(0);
      expect(issues.every((i) => i.severity === 'error' && typeof i.message === 'string')).toBe(true);
    }
  });
});

describe('limits', () => {
  test('a file nested thousands deep is refused in words, without a stack overflow', () => {
    const r = loadGraphText('['.repeat(100_000) + ']'.repeat(100_000), 'deep.json');
    expect(r.issues).toEqual([expect.objectContaining({ rule: 'limits', file: 'deep.json', message: expect.stringMatching(/nests 100000 levels deep/) })]);
  });

  test('a file over the size limit is refused before parsing', () => {
    const r = loadGraphText(`{"pad": "${'x'.repeat(33 * 1024 * 1024)}"}`, 'big.json');
    expect(r.issues[0]).toMatchObject({ rule: 'limits', message: expect.stringMatching(/apparat reads graph files of up to 32\.0 MB/) });
  });

  test('a graph with more organs than the limit is refused with the count', () => {
    const g = { ...sample(), organs: Array.from({ length: 50_001 }, (_, i) => ({ id: `o${i}` })) };
    const r = loadGraphText(JSON.stringify(g), 'many.json');
    expect(r.issues).toEqual([expect.objectContaining({ rule: 'limits', path: 'organs', message: expect.stringContaining('50,001 organs') })]);
  });

  test('__proto__ and constructor keys neither pollute nor crash', () => {
    const text = JSON.stringify(sample()).replace('"sources":{"s1"', '"sources":{"__proto__":{"citation":"x"},"s1"').replace('"id":"obkom"', '"id":"constructor"');
    const r = loadGraphText(text, 'proto.json');
    expect(({} as Record<string, unknown>).citation).toBeUndefined();
    expect(r.issues.some((i) => i.path === 'sources.__proto__')).toBe(true);
  });
});
