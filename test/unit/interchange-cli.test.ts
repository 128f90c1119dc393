/** The CLI exports every graph in graphs/ to every format and imports it back with nothing lost. */
import { mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { expand, GRAPHS_DIR, loadFiles } from '../../src/cli/files.ts';
import { run } from '../../src/cli/main.ts';

function cli(...args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'apparat-interchange-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const withoutSchema = (g: Record<string, unknown>) => {
  const { $schema: _s, ...rest } = g;
  return rest;
};

describe('every bundled graph, exported and imported again by the CLI', () => {
  const files = expand([GRAPHS_DIR]);
  test('there are graphs to try', () => expect(files.length).toBeGreaterThan(0));
  // Story files (graphs/stories/) load without a graph and without issues: they are not graphs.
  const loaded = loadFiles(files).filter((r) => r.graph || r.issues.length);

  for (const result of loaded) {
    const name = result.file.split('/').pop()!.replace(/\.json$/, '');
    test.skipIf(!result.graph)(`${name}: gexf, graphml, csv and json come back the same`, () => {
      const original = withoutSchema(JSON.parse(readFileSync(join(GRAPHS_DIR, `${name}.json`), 'utf8')));
      for (const format of ['gexf', 'graphml', 'csv'] as const) {
        const exported = join(dir, `${name}.${format}`);
        expect(cli('export', join(GRAPHS_DIR, `${name}.json`), '--format', format, '--out', exported)).toMatchObject({ code: 0 });
        const back = join(dir, `${name}.${format}.json`);
        const imported = cli('import', '--from', format, exported, '--out', back);
        expect(imported.code, imported.err).toBe(0);
        expect(withoutSchema(JSON.parse(readFileSync(back, 'utf8'))), format).toEqual(original);
      }
      const json = cli('export', join(GRAPHS_DIR, `${name}.json`), '--format', 'json');
      expect(json.code).toBe(0);
      const parsed = JSON.parse(json.out);
      expect(parsed.$schema).toBe('./schema.json');
      expect(withoutSchema(parsed)).toEqual(original);
    });
  }
});

describe('export and import on the command line', () => {
  test('GEXF and GraphML go to stdout; --at gives a snapshot', () => {
    const gexf = cli('export', 'example', '--format', 'gexf');
    expect(gexf.code).toBe(0);
    expect(gexf.out).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">');
    const at = cli('export', 'example', '--format', 'graphml', '--at', '1931');
    expect(at.out).toContain('<data key="g-at">1931</data>');
    expect(at.out).not.toContain('tsentralno-gorodskoi');
    cli('export', 'example', '--format', 'csv', '--at', '1929', '--out', join(dir, 'at-1929'));
    expect(readdirSync(join(dir, 'at-1929')).sort()).toEqual(['edges.csv', 'nodes.csv']);
  });

  test('import writes apparat JSON to stdout, and lists what is wrong with exit code 1', () => {
    const ok = cli('import', '--from', 'graphml', 'test/fixtures/interchange/yed.graphml');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ $schema: './schema.json', apparat: 1, id: 'yed' });
    const bad = cli('import', '--from', 'csv', 'test/fixtures/interchange/broken.csv');
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('broken.csv:3: error: column "end"');
    expect(bad.err).toContain('2 errors; nothing written'); // the bad end date once, though it is the organ's and its edge's
  });

  test('bad usage exits 2 with one clear line', () => {
    expect(cli('export', 'example')).toMatchObject({ code: 2, err: expect.stringContaining('--format is required') });
    expect(cli('export', 'example', '--format', 'pdf')).toMatchObject({ code: 2, err: expect.stringContaining('not one of gexf, graphml, csv, json, svg') });
    expect(cli('export', 'example', '--format', 'csv')).toMatchObject({ code: 2, err: expect.stringContaining('give --out <folder>') });
    expect(cli('export', 'example', '--format', 'svg')).toMatchObject({ code: 2, err: expect.stringContaining('--format svg draws the chart at a date') });
    expect(cli('export', 'example', '--format', 'gexf', '--at', 'summer')).toMatchObject({ code: 2, err: expect.stringContaining('not an EDTF date') });
    expect(cli('import', 'x.csv')).toMatchObject({ code: 2, err: expect.stringContaining('--from is required') });
    expect(cli('import', '--from', 'csv', 'nowhere.csv')).toMatchObject({ code: 2, err: expect.stringContaining('no such file') });
  });
});
