/** The tidy tree with nodes of their own heights (labels wrapped to several lines). */
import { describe, expect, test } from 'vitest';
import { tidyTree, TIDY_DEFAULTS, type Forest } from '../../src/layout/tidy.ts';

function forest(edges: [string, string][], roots: string[]): Forest {
  const children = new Map<string, string[]>();
  for (const [p, c] of edges) children.set(p, [...(children.get(p) ?? []), c]);
  return { roots, children: (id) => children.get(id) };
}

function randomForest(seed: number, n: number): { f: Forest; ids: string[] } {
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const edges: [string, string][] = [];
  const roots = ['n0'];
  for (let i = 1; i < n; i++) {
    if (rand() < 0.05) roots.push(`n${i}`);
    else edges.push([`n${Math.floor(rand() * i)}`, `n${i}`]);
  }
  return { f: forest(edges, roots), ids: Array.from({ length: n }, (_, i) => `n${i}`) };
}

const W = TIDY_DEFAULTS.nodeWidth;

describe('tidyTree with node heights', () => {
  test('the default height for every node gives the same layout as no heights', () => {
    const { f } = randomForest(3, 80);
    const plain = tidyTree(f);
    const same = tidyTree(f, { height: () => TIDY_DEFAULTS.nodeHeight });
    expect([...same.positions]).toEqual([...plain.positions]);
    expect([...same.routes]).toEqual([...plain.routes]);
    expect(same.bounds).toEqual(plain.bounds);
  });

  test('tall nodes never overlap their neighbours, and keep the gap between rows', () => {
    for (let round = 0; round < 10; round++) {
      const { f, ids } = randomForest(round + 11, 70);
      const heights = new Map(ids.map((id, i) => [id, [54, 70, 86][(i * 7 + round) % 3]]));
      const l = tidyTree(f, { height: (id) => heights.get(id)! });
      const list = [...l.positions.entries()];
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const [a, p] = list[i];
          const [b, q] = list[j];
          const apart = Math.abs(p.y - q.y) >= (heights.get(a)! + heights.get(b)!) / 2;
          expect(Math.abs(p.x - q.x) >= W || apart, `${a} and ${b} overlap`).toBe(true);
        }
    }
  });

  test('a tall parent pushes its children down; edges leave below the parent and reach above the child', () => {
    const f = forest([['r', 'a'], ['r', 'b'], ['a', 'a1']], ['r']);
    const plain = tidyTree(f);
    const l = tidyTree(f, { height: (id) => (id === 'r' ? 100 : 54) });
    const y = (x: typeof l, id: string) => x.positions.get(id)!.y;
    expect(y(l, 'a') - y(l, 'r')).toBeGreaterThan(y(plain, 'a') - y(plain, 'r'));
    expect(y(l, 'a1') - y(l, 'a')).toBe(y(plain, 'a1') - y(plain, 'a'));
    const bar = l.routes.get('a')![0].y;
    expect(bar).toBeGreaterThan(y(l, 'r') + 50);
    expect(bar).toBeLessThan(y(l, 'a') - 27);
    expect(l.bounds.minY).toBe(y(l, 'r') - 50);
  });
});
