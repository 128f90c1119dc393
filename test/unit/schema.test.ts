import Ajv from 'ajv';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import schema from '../../graphs/schema.json' with { type: 'json' };
import { EVENT_KINDS, MEASURES, ORGAN_TYPES } from '../../src/model/types.ts';

const GRAPHS = join(import.meta.dirname, '../../graphs');

test('the schema and the TypeScript vocabulary agree', () => {
  const organ = schema.properties.organs.items.properties;
  expect(organ.type.enum).toEqual([...ORGAN_TYPES]);
  expect(schema.properties.events.items.properties.kind.enum).toEqual([...EVENT_KINDS]);
  expect(schema.properties.figures.items.properties.measure.examples).toEqual([...MEASURES]);
});

test('an independent validator (Ajv, strict) compiles the schema and accepts every bundled graph', () => {
  const ajv = new Ajv({ strict: true, allErrors: true, allowMatchingProperties: true, strictTypes: false });
  const check = ajv.compile(schema);
  const files = readdirSync(GRAPHS).filter((f) => f.endsWith('.json') && !f.endsWith('schema.json'));
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const ok = check(JSON.parse(readFileSync(join(GRAPHS, f), 'utf8')));
    expect(ok, `${f}: ${ajv.errorsText(check.errors)}`).toBe(true);
  }
});

test('every bundled graph names the schema, so editors complete and check it', () => {
  for (const f of readdirSync(GRAPHS).filter((f) => f.endsWith('.json') && !f.endsWith('schema.json'))) {
    expect(JSON.parse(readFileSync(join(GRAPHS, f), 'utf8')).$schema, f).toBe('./schema.json');
  }
});
