import { describe, expect, test } from 'vitest';
import { tidyTree, TIDY_DEFAULTS, type Forest } from '../../src/layout/tidy.ts';

function forest(edges: [string, string][], roots: string[]): Forest {
  const children = new Map<string, string[]>();
  for (const [p, c] of edges) children.set(p, [...(children.get(p) ?? []), c]);
  return { roots, children: (id) => children.get(id) };
}

const W = TIDY_DEFAULTS.nodeWidth;

function overlaps(layout: ReturnType<typeof tidyTree>) {
  const list = [...layout.positions.entries()];
  const bad: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const [a, p] = list[i];
      const [b, q] = list[j];
      if (Math.abs(p.x - q.x) < W && Math.abs(p.y - q.y) < TIDY_DEFAULTS.nodeHeight) bad.push(`${a}/${b}`);
    }
  return bad;
}

describe('tidyTree', () => {
  test('a parent is centred over its children, which keep their order', () => {
    const l = tidyTree(forest([['r', 'a'], ['r', 'b'], ['r', 'c'], ['a', 'a1'], ['a', 'a2'], ['c', 'c1'], ['c', 'c2']], ['r']));
    const p = (id: string) => l.positions.get(id)!;
    expect(p('r').x).toBeCloseTo((p('a').x + p('c').x) / 2);
    expect(p('a').x).toBeLessThan(p('b').x);
    expect(p('b').x).toBeLessThan(p('c').x);
    expect(p('a').y).toBeGreaterThan(p('r').y);
    expect(p('a1').y).toBeGreaterThan(p('a').y);
    expect(overlaps(l)).toEqual([]);
  });

  test('many leaf children hang in a column', () => {
    const kids = Array.from({ length: 8 }, (_, i) => `k${i}`);
    const l = tidyTree(forest(kids.map((k) => ['r', k] as [string, string]), ['r']));
    expect(l.stacked.size).toBe(8);
    const xs = new Set(kids.map((k) => l.positions.get(k)!.x));
    expect(xs.size).toBe(1);
    const ys = kids.map((k) => l.positions.get(k)!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(overlaps(l)).toEqual([]);
  });

  test('random forests never overlap', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const edges: [string, string][] = [];
      const roots = ['n0'];
      for (let i = 1; i < 60; i++) {
        if (rand() < 0.05) roots.push(`n${i}`);
        else edges.push([`n${Math.floor(rand() * i)}`, `n${i}`]);
      }
      const l = tidyTree(forest(edges, roots));
      expect(l.positions.size).toBe(60);
      expect(overlaps(l)).toEqual([]);
    }
  });

  test('a forest of leaves is a grid', () => {
    const l = tidyTree(forest([], ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']));
    expect(overlaps(l)).toEqual([]);
    expect(l.bounds.maxX - l.bounds.minX).toBeLessThan(8 * W);
  });

  // How fast: `npm run bench` (layout-10k). Here only that they are laid out, with no stack overflow.
  test('a deep chain and 10,000 nodes are laid out', { timeout: 60_000 }, () => {
    const chain: [string, string][] = Array.from({ length: 5000 }, (_, i) => [`c${i}`, `c${i + 1}`]);
    const l = tidyTree(forest(chain, ['c0']));
    expect(l.positions.get('c5000')!.y).toBeGreaterThan(0);
    const wide: [string, string][] = [];
    for (let i = 1; i < 10_000; i++) wide.push([`w${Math.floor((i - 1) / 6)}`, `w${i}`]);
    const l2 = tidyTree(forest(wide, ['w0']));
    expect(l2.positions.size).toBe(10_000);
  });
});
