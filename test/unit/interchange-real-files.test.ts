/**
 * Files other tools really wrote (test/fixtures/real/, origins in its SOURCES.md): each one
 * imports, or is refused with messages that name the file and a place in it. Never a crash, and
 * never a silent loss: an imported file has an organ for every node it holds, nested ones too.
 */
import { DOMParser } from '@xmldom/xmldom';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importTexts } from '../../src/io/import-files.ts';

const DIR = 'test/fixtures/real';
const files = readdirSync(DIR).filter((f) => /\.(gexf|graphml|csv)$/i.test(f)).sort();

/** Nodes of the file's own vocabulary (GEXF or GraphML, not yFiles' graphics), counted by an independent parser. */
function nodeCount(text: string): number {
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml');
  const all = doc.getElementsByTagNameNS('*', 'node');
  let n = 0;
  for (let i = 0; i < all.length; i++) if (!/yworks/.test(all[i].namespaceURI ?? '')) n++;
  return n;
}

describe('files from Gephi, gexf.net, graphology, igraph and yEd', () => {
  test('the collection is there, with its sources', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    const sources = readFileSync(`${DIR}/SOURCES.md`, 'utf8');
    for (const f of files) expect(sources, `${f} in SOURCES.md`).toContain(f);
  });

  test.each(files)('%s imports whole, or is refused with located messages', (name) => {
    const text = readFileSync(`${DIR}/${name}`, 'utf8');
    const [r] = importTexts([{ name, text }], { known: [], reserved: [] });
    if (r.graph) {
      if (!name.endsWith('.csv')) expect(r.graph.organs.length, 'an organ for every node').toBe(nodeCount(text));
    } else {
      const errors = r.issues.filter((i) => i.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e.file).toBe(name);
        expect(e.line !== undefined || e.path !== '', `placed: ${e.message}`).toBe(true);
      }
    }
  }, 60_000);
});
