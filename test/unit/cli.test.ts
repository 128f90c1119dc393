import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/main.ts';

function cli(...args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the command line', () => {
  test('validate: 0 for good files, 1 with located messages for bad ones', () => {
    expect(cli('validate', 'graphs/example.json')).toMatchObject({ code: 0, out: expect.stringContaining('0 errors') });
    const bad = cli('validate', 'test/fixtures/invalid/two-parents.json');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/two-parents\.json:\d+: error: edges\[3\]: "smolninskii" would have two parents at once/);
    expect(bad.out).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  test('validate says which stories are valid, in text and JSON', () => {
    const dir = cli('validate', 'test/fixtures/stories', '--json');
    const files = JSON.parse(dir.out).files as { file: string; valid: boolean }[];
    expect(files.map((f) => [f.file.split('/').pop(), f.valid])).toEqual([
      ['bad-story-shape.json', false],
      ['bad-story.json', false],
      ['example.json', true],
    ]);
    const good = cli('validate', 'graphs');
    expect(good.out).toMatch(/okrugs-to-raions\.json: ok \(a story of \d+ steps\)/);
  });

  test('validate --json gives the issues as data', () => {
    const r = cli('validate', 'test/fixtures/invalid/date.json', '--json');
    const data = JSON.parse(r.out);
    expect(data.errors).toBe(1);
    expect(data.files[0].issues[0]).toMatchObject({ rule: 'date', path: 'organs[1].exists[0].end', severity: 'error' });
  });

  test('snapshot says which placements are inferred, and why', () => {
    const json = JSON.parse(cli('snapshot', 'leningrad-region', '--at', '1931-06', '--json').out);
    const byId = (id: string) => json.organs.find((o: { id: string }) => o.id === id);
    expect(byId('city-workshop-cells')).toMatchObject({ parent: 'obkom', parentCertainty: 'inferred', parentNote: expect.stringContaining('subordinate to the raikoms') });
    expect(byId('raikom-vyborgskii')).toMatchObject({ parent: 'obkom', parentCertainty: 'stated' });
    const text = cli('snapshot', 'leningrad-region', '--at', '1931-06').out;
    expect(text).toMatch(/city-workshop-cells, workshop-cell under obkom \(inferred\)/);
    expect(text).toMatch(/raikom-vyborgskii, urban-raikom under obkom\]/);
  });

  test('snapshot by graph id, as text and JSON', () => {
    const text = cli('snapshot', 'example', '--at', '1931');
    expect(text.code).toBe(0);
    expect(text.out).toContain("Smol'ninskii raikom");
    expect(text.out).not.toContain("Tsentral'no-gorodskoi raikom");
    const json = JSON.parse(cli('snapshot', 'example', '--at', '1929', '--json').out);
    expect(json.organs.find((o: { id: string }) => o.id === 'tsentralno-gorodskoi')).toMatchObject({
      parent: 'obkom',
      type: 'urban-raikom',
      figures: { communists: [{ value: 17597, date: '1927-10-01' }] },
    });
  });

  test('stats, figures, people, events, lineage, diff', () => {
    expect(JSON.parse(cli('stats', 'example', '--at', '1931', '--json').out).types).toEqual([
      expect.objectContaining({ type: 'urban-raikom', min: 2, max: 2 }),
      expect.objectContaining({ type: 'obkom', min: 1, max: 1 }),
    ]);
    expect(cli('figures', 'example', '--organ', 'tsentralno-gorodskoi').out).toContain('17,597');
    expect(cli('people', 'example', '--at', '1932').out).toContain('A. S. Miloslavskii\tfirst secretary');
    expect(cli('people', 'example', '--at', '1929').out).toBe('');
    // What the sources say of the holder follows the post, with the source once.
    expect(cli('people', 'example', '--at', '1932').out).toMatch(/\tTable 6-8[^\t]*\tsocial origin: worker; party entry: 1918 \{Table 6-6, Leningrad gorkom bureau members, January 1932\}$/m);
    expect(JSON.parse(cli('people', 'example', '--json').out)[0].personAttributes).toEqual([
      { attribute: 'social-origin', value: 'worker', sources: ['t6-6'] },
      { attribute: 'party-entry', value: '1918', sources: ['t6-6'] },
    ]);
    expect(cli('events', 'example').out).toContain('split');
    expect(cli('lineage', 'example', 'smolninskii').out).toMatch(/predecessors:\n\s+Tsentral'no-gorodskoi raikom/);
    const d = JSON.parse(cli('diff', 'example', '--from', '1929', '--to', '1931', '--json').out);
    expect(d.removed).toEqual(['tsentralno-gorodskoi']);
    expect(d.added.map((a: { id: string }) => a.id)).toEqual(['oktiabrskii', 'smolninskii']);
  });

  test('bad usage exits 2 with one clear line', () => {
    expect(cli('snapshot', 'example')).toMatchObject({ code: 2, err: expect.stringContaining('--at <date> is required') });
    expect(cli('snapshot', 'example', '--at', 'summer 1932')).toMatchObject({ code: 2, err: expect.stringContaining('not an EDTF date') });
    expect(cli('snapshot', 'nowhere', '--at', '1930')).toMatchObject({ code: 2, err: expect.stringContaining('no graph "nowhere"') });
    expect(cli('frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('unknown command') });
    expect(cli('lineage', 'example', 'nobody')).toMatchObject({ code: 2 });
    expect(cli('--bogus')).toMatchObject({ code: 2 });
  });

  test('a command on an invalid graph exits 1 and says why', () => {
    const r = cli('snapshot', 'test/fixtures/invalid/cycle.json', '--at', '1929');
    expect(r.code).toBe(1);
    expect(r.out).toContain('cycle of subordination');
  });
});
