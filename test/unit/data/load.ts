/** Loads bundled graphs for data tests, failing loudly when a graph does not validate. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, loadGraphSet } from '../../../src/io/graph-file.ts';
import { at, buildModel, type Model } from '../../../src/model/model.ts';
import { snapshot, type Snapshot } from '../../../src/model/snapshot.ts';

export const GRAPHS = join(import.meta.dirname, '../../../graphs');
export const THESIS = join(import.meta.dirname, '../../../../shared/sources/thesis.txt');

let cache: Map<string, Model> | undefined;

export function bundled(): Map<string, Model> {
  if (cache) return cache;
  const files = readdirSync(GRAPHS)
    .filter((f) => f.endsWith('.json') && !f.endsWith('schema.json'))
    .map((f) => ({ file: `graphs/${f}`, text: readFileSync(join(GRAPHS, f), 'utf8') }));
  cache = new Map();
  for (const r of loadGraphSet(files)) {
    if (!r.graph) throw new Error(`${r.file} does not validate:\n${r.issues.map(formatIssue).join('\n')}`);
    cache.set(r.graph.id, buildModel(r.graph));
  }
  return cache;
}

export function model(id: string): Model {
  const m = bundled().get(id);
  if (!m) throw new Error(`no bundled graph "${id}"`);
  return m;
}

export function snap(id: string, date: string): Snapshot {
  return snapshot(model(id), at(date));
}

/** The values of the figures of one organ and measure dated exactly `date`. */
export function valuesAt(id: string, organ: string, measure: string, date: string): number[] {
  return (model(id).graph.figures ?? []).filter((f) => f.organ === organ && f.measure === measure && f.date === date).map((f) => f.value);
}

let thesis: string | undefined;
/** The thesis text, for checking that a quotation or number stands in the source. */
export function thesisText(): string {
  return (thesis ??= readFileSync(THESIS, 'utf8'));
}
