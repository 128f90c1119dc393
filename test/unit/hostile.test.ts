/**
 * The corpus of broken and hostile inputs (test/fixtures/hostile/), through the command line:
 * each file is either read correctly or refused with a clear, located message — never a crash,
 * a hang or a stack trace.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/main.ts';
import { syntheticGraph } from '../../bench/synthetic.ts';

const DIR = 'test/fixtures/hostile';

function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** file → how it is read: 'loads', or the rule and words of the first message. */
const JSON_CASES: Record<string, 'loads' | [rule: string, says: RegExp]> = {
  'malformed.json': ['json', /not valid JSON: unexpected end of string at line 1/],
  'truncated.json': ['json', /not valid JSON: .* at line 21/],
  'empty.json': ['json', /the file is empty/],
  'not-an-object.json': ['schema', /it is an array, it should be an object/],
  'wrong-types.json': ['schema', /"names" has the wrong kind of value: it is a string, it should be an array/],
  'unknown-ids.json': ['unknown-id', /the parent "nobody" is not an organ of this graph/],
  'cycle.json': ['cycle', /a cycle of subordination at 1930-01-01: obkom → oktiabrskii → obkom/],
  'two-parents.json': ['two-parents', /"oktiabrskii" would have two parents at once/],
  'impossible-dates.json': ['date', /"1930-02-30" is not an EDTF date/],
  'deep-nesting.json': ['limits', /nests 5001 levels deep/],
  'proto-keys.json': ['schema', /"__proto__" must be an id/],
  'html-in-labels.json': 'loads',
};

describe('hostile JSON, by the CLI', () => {
  for (const [file, want] of Object.entries(JSON_CASES)) {
    test(`${file}: ${want === 'loads' ? 'loads' : `refused [${want[0]}]`}`, () => {
      const r = cli('validate', join(DIR, file), '--json');
      const data = JSON.parse(r.out);
      const result = data.files[0];
      if (want === 'loads') {
        expect(result.valid).toBe(true);
        expect(r.code).toBe(0);
      } else {
        expect(r.code).toBe(1);
        expect(result.valid).toBe(false);
        expect(result.issues[0]).toMatchObject({ rule: want[0], file: expect.stringContaining(file), message: expect.stringMatching(want[1]) });
      }
      expect(r.err).toBe('');
    });
  }

  test('labels holding HTML and script come out as the same text, inert', () => {
    const r = cli('snapshot', join(DIR, 'html-in-labels.json'), '--at', '1929', '--json');
    const organ = JSON.parse(r.out).organs.find((o: { id: string }) => o.id === 'tsentralno-gorodskoi');
    expect(organ.name).toBe('<script>alert("organ")</script>');
  });

  test('no prototype is polluted by __proto__ or constructor keys', () => {
    cli('validate', join(DIR, 'proto-keys.json'));
    expect(({} as Record<string, unknown>).citation).toBeUndefined();
  });
});

describe('hostile XML and CSV, by the CLI importer', () => {
  for (const file of ['xxe.gexf', 'billion-laughs.gexf', 'xxe.graphml', 'billion-laughs.graphml']) {
    test(`${file}: refused before any entity is read or expanded`, () => {
      const r = cli('import', '--from', file.endsWith('.gexf') ? 'gexf' : 'graphml', join(DIR, file));
      expect(r.code).toBe(1);
      expect(`${r.out}\n${r.err}`).toMatch(new RegExp(`${file}:2: error: the file declares a DOCTYPE`));
      expect(`${r.out}\n${r.err}`).not.toMatch(/root:|lollollol/);
    });
  }

  for (const file of ['bom.csv', 'crlf.csv', 'quoted-newlines.csv', 'semicolons.csv']) {
    test(`${file}: read correctly`, () => {
      const r = cli('import', '--from', 'csv', join(DIR, file));
      expect(r.code).toBe(0);
      const g = JSON.parse(r.out);
      expect(g.organs.map((o: { id: string }) => o.id)).toEqual(['obkom', 'okr-pskov', 'raikom-x']);
      expect(g.organs[2].names[0].name).toBe('A raikom with a "quoted"\nname');
      expect(g.edges).toContainEqual(expect.objectContaining({ child: 'okr-pskov', parent: 'obkom' }));
    });
  }

  test('ragged.csv: refused at the row with too many cells', () => {
    const r = cli('import', '--from', 'csv', join(DIR, 'ragged.csv'));
    expect(r.code).toBe(1);
    expect(`${r.out}\n${r.err}`).toMatch(/ragged\.csv:6: error: the row has 9 cells but the header names 7 columns/);
  });
});

/** Writing and reading 50 MB, or 100,000 organs, takes seconds on a busy 2-core machine: no test here races the clock. */
const BIG = { timeout: 120_000 };

describe('files too big to keep in the repository, made here', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apparat-hostile-'));

  test('a 50 MB file is refused with its size, without reading it', BIG, () => {
    const file = join(dir, 'fifty-mb.json');
    writeFileSync(file, JSON.stringify({ ...syntheticGraph(3), note: 'x'.repeat(50 * 1024 * 1024) }));
    const r = cli('validate', file, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files[0].issues[0]).toMatchObject({ rule: 'limits', message: expect.stringMatching(/the file is 50\.\d MB; apparat reads graph files of up to 32\.0 MB/) });
  });

  test('a graph of 100,000 organs is refused with the count', BIG, () => {
    const file = join(dir, 'many.json');
    const g = syntheticGraph(2);
    writeFileSync(file, JSON.stringify({ ...g, organs: Array.from({ length: 100_000 }, (_, i) => ({ ...g.organs[1], id: `o${i}` })) }));
    const r = cli('validate', file, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files[0].issues[0].message).toMatch(/100,000 organs; apparat reads graphs of up to 50,000/);
  });
});
