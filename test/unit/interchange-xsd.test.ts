/**
 * Every bundled graph's GEXF export, whole and at a date, is valid against the official GEXF 1.3
 * schema (test/fixtures/xsd/), checked by xmllint (Debian's libxml2-utils). Without xmllint the
 * test is skipped, saying so; CI installs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportGexf, exportGexfAt } from '../../src/io/gexf.ts';
import { loadGraphSet } from '../../src/io/graph-file.ts';

const xmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!xmllint) console.warn('interchange-xsd: xmllint is not installed (apt-get install libxml2-utils); the schema test is skipped');

const files = readdirSync('graphs')
  .filter((f) => f.endsWith('.json') && !f.endsWith('schema.json'))
  .map((f) => ({ file: `graphs/${f}`, text: readFileSync(`graphs/${f}`, 'utf8') }));

describe.skipIf(!xmllint)('GEXF exports against the official GEXF 1.3 schema', () => {
  test('every bundled graph, whole and at its first event, validates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apparat-xsd-'));
    const written: string[] = [];
    for (const { graph: g } of loadGraphSet(files)) {
      if (!g) continue;
      written.push(join(dir, `${g.id}.gexf`));
      writeFileSync(written.at(-1)!, exportGexf(g));
      const date = g.events?.[0]?.date ?? g.period?.start ?? '1930';
      written.push(join(dir, `${g.id}-at.gexf`));
      writeFileSync(written.at(-1)!, exportGexfAt(g, date));
    }
    expect(written.length).toBeGreaterThan(20);
    // xmllint exits non-zero and names the file and line of the first invalid element.
    const out = execFileSync('xmllint', ['--noout', '--schema', 'test/fixtures/xsd/gexf-1.3/gexf.xsd', ...written], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  }, 120_000);
});
