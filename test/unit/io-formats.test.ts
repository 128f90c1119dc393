/** The registry of formats: every format the CLI and the app offer comes from it, and each writes what it reads back. */
import { describe, expect, test } from 'vitest';
import { ACCEPT, FORMAT_LIST, formatOf, FORMATS } from '../../src/io/formats.ts';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../../src/cli/interchange.ts';
import { sample } from './graphs.ts';

describe('the registry of formats', () => {
  test('file names map to formats by extension, in any case', () => {
    expect(['a.GEXF', 'b.graphml', 'c.csv', 'd.tsv', 'e.json', 'f.zip', 'g.txt'].map(formatOf)).toEqual(['gexf', 'graphml', 'csv', 'csv', 'json', 'zip', 'unknown']);
  });

  test('the CLI and the file picker offer what the registry holds', () => {
    for (const f of FORMAT_LIST) {
      expect(EXPORT_FORMATS).toContain(f.id);
      for (const e of f.extensions) expect(ACCEPT.split(',')).toContain(`.${e}`);
      if (f.read) expect(IMPORT_FORMATS).toContain(f.id);
    }
  });

  test('each readable format reads back the organs and edges it wrote', () => {
    const g = sample();
    for (const f of FORMAT_LIST.filter((x) => x.read)) {
      const written = f.write(g);
      const files = typeof written === 'string' ? { [`x.${f.extensions[0]}`]: written } : written;
      const r = f.read!(files, typeof written === 'string' ? `x.${f.extensions[0]}` : 'x');
      expect(r.issues.filter((i) => i.severity === 'error'), f.id).toEqual([]);
      expect(r.graph!.organs.map((o) => o.id), f.id).toEqual(g.organs.map((o) => o.id));
      expect(r.graph!.edges.length, f.id).toBe(g.edges.length);
    }
    expect(FORMATS.json.write(g)).toContain('"organs"');
  });
});
