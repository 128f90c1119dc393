/**
 * Files saved again by Gephi, networkx or yEd: these drop apparat's graph record and rewrite
 * values (networkx writes True and None). Every bundled graph must come back with the same organs
 * and the same parent for each at every event's date.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exportGexf, importGexf } from '../../src/io/gexf.ts';
import { loadGraphSet } from '../../src/io/graph-file.ts';
import { exportGraphml, importGraphml } from '../../src/io/graphml.ts';
import { at, buildModel } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import type { Graph } from '../../src/model/types.ts';

const files = readdirSync('graphs')
  .filter((f) => f.endsWith('.json') && !f.endsWith('schema.json'))
  .map((f) => ({ file: `graphs/${f}`, text: readFileSync(`graphs/${f}`, 'utf8') }));
const graphs = loadGraphSet(files).flatMap((r) => (r.graph ? [r.graph] : []));

/** What Gephi and networkx do to a GEXF: the record in <meta> is gone, booleans are True. */
const gephiSaved = (gexf: string) => gexf.replace(/<\?apparat-graph[\s\S]*?\?>/, '').replace(/value="true"/g, 'value="True"');
/** What networkx does to a GraphML: the graph's own data it does not know is gone, booleans are True. */
const networkxSaved = (graphml: string) => graphml.replace(/<data key="g-apparat">[\s\S]*?<\/data>/, '').replace(/>true</g, '>True<');

/** The dates to compare at: every event's, and the period's start. */
const datesOf = (g: Graph) => [...new Set([...(g.events ?? []).map((e) => e.date), ...(g.period?.start ? [g.period.start] : [])])];

/** Each organ's parent at each of the dates. */
function parentsOverTime(g: Graph, dates: string[]): Record<string, Record<string, string | null>> {
  const model = buildModel(g);
  return Object.fromEntries(dates.map((d) => [d, Object.fromEntries([...snapshot(model, at(d)).organs].map(([id, o]) => [id, o.parent ?? null]))]));
}

describe('a bundled graph saved again without apparat\'s record', () => {
  test('there are bundled graphs to try', () => expect(graphs.length).toBeGreaterThan(10));

  test.each(graphs.map((g) => [g.id, g] as const))('%s: GEXF (Gephi) and GraphML (networkx) come back with the same organs and parents', (_id, g) => {
    for (const [format, back] of [
      ['gexf', importGexf(gephiSaved(exportGexf(g)), `${g.id}.gexf`)],
      ['graphml', importGraphml(networkxSaved(exportGraphml(g)), `${g.id}.graphml`)],
    ] as const) {
      const errors = back.issues.filter((i) => i.severity === 'error');
      expect(errors.map((e) => e.message), format).toEqual([]);
      expect(back.graph!.organs.map((o) => o.id), format).toEqual(g.organs.map((o) => o.id));
      expect(back.graph!.organs.map((o) => o.counted ?? false), format).toEqual(g.organs.map((o) => o.counted ?? false));
      expect(parentsOverTime(back.graph!, datesOf(g)), format).toEqual(parentsOverTime(g, datesOf(g)));
      // The sources' definitions went with the record: stubs, and one warning that says so.
      if (Object.keys(g.sources).length) expect(back.issues.find((i) => i.rule === 'stub-source')?.message, format).toMatch(/cited but not defined/);
    }
  }, 60_000);
});
