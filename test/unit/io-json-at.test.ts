/** apparat JSON of a graph at a date (the app's export "at this date"): a valid graph of its own. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadGraphText } from '../../src/io/graph-file.ts';
import { exportJsonAt, graphAt } from '../../src/io/json-at.ts';
import { buildModel, at } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import type { Graph } from '../../src/model/types.ts';

const files = readdirSync('graphs').filter((f) => f.endsWith('.json') && !f.includes('schema'));

describe('a graph at a date as apparat JSON', () => {
  for (const f of files) {
    test(`${f}: valid, and the same organs, names and parents as the snapshot`, () => {
      const g = JSON.parse(readFileSync(`graphs/${f}`, 'utf8')) as Graph;
      const model = buildModel(g);
      const dates = ['1928-06', '1930-07', '1932-01', '1933'];
      for (const date of dates) {
        const text = exportJsonAt(g, date);
        const loaded = loadGraphText(text, `${g.id}-at.json`);
        const errors = loaded.issues.filter((i) => i.severity === 'error');
        expect(errors, `${f} at ${date}`).toEqual([]);
        const snap = snapshot(model, at(date));
        const again = snapshot(buildModel(graphAt(g, date)), at(date));
        expect([...again.organs.keys()].sort()).toEqual([...snap.organs.keys()].sort());
        for (const [id, o] of snap.organs) {
          expect(again.organs.get(id)!.name).toBe(o.name);
          expect(again.organs.get(id)!.parent).toBe(o.parent);
        }
      }
    });
  }
});
