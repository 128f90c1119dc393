/**
 * A synthetic time-versioned hierarchy for benchmarks: `organs` organs in a tree with a fan-out
 * of about `fanout`, each with several lives, names and re-parentings, so that the graph holds
 * about five intervals per organ. Deterministic for a given seed.
 */
import type { Graph, Organ } from '../src/model/types.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const year = (y: number) => String(y);

export function syntheticGraph(organs: number, { seed = 1, fanout = 6 } = {}): Graph {
  const rand = rng(seed);
  const list: Organ[] = [];
  const edges: Graph['edges'] = [];
  const figures: NonNullable<Graph['figures']> = [];
  for (let i = 0; i < organs; i++) {
    // Root lives 1900–2000; others live within their parents' span, so edges stay valid.
    const start = i === 0 ? 1900 : 1901 + Math.floor(rand() * 40);
    const end = i === 0 ? 2000 : start + 10 + Math.floor(rand() * 40);
    const mid = start + Math.floor((end - start) / 2);
    list.push({
      id: `o${i}`,
      ...(i === 0 ? { type: 'obkom' as const } : { type: 'unit' as const, typeLabel: 'unit' }),
      names: [
        { name: `Organ ${i}`, start: year(start), end: year(mid) },
        { name: `Organ ${i} (renamed)`, start: year(mid), end: year(end) },
      ],
      exists: [{ start: year(start), end: year(end) }],
      sources: ['s'],
    });
    if (i > 0) {
      // Parents come from the root, whose life covers everything: the tree is valid at every date.
      const p1 = Math.floor(rand() * Math.min(i, Math.ceil(i / fanout) + 1));
      const p2 = Math.floor(rand() * Math.min(i, Math.ceil(i / fanout) + 1));
      edges.push({ child: `o${i}`, parent: `o${p1 === 0 || overlaps(list[p1], start, end) ? p1 : 0}`, start: year(start), end: year(mid) });
      edges.push({ child: `o${i}`, parent: `o${p2 === 0 || overlaps(list[p2], start, end) ? p2 : 0}`, start: year(mid), end: year(end) });
      figures.push({ organ: `o${i}`, measure: 'members', value: Math.floor(rand() * 1000), date: year(start), sources: ['s'] });
    }
  }
  return { apparat: 1, id: `synthetic-${organs}`, title: `Synthetic ${organs}`, sources: { s: { citation: 'synthetic' } }, organs: list, edges, figures };
}

/** A parent must live around its child's whole span (keeps the synthetic graph valid). */
function overlaps(parent: Organ, start: number, end: number): boolean {
  const e = parent.exists[0];
  return Number(e.start) <= start && Number(e.end) >= end;
}
