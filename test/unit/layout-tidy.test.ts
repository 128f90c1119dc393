import fc from 'fast-check';
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

  test('a few leaf children hang in a column', () => {
    const kids = Array.from({ length: 3 }, (_, i) => `k${i}`);
    const l = tidyTree(forest(kids.map((k) => ['r', k] as [string, string]), ['r']));
    expect(l.stacked.size).toBe(3);
    const xs = new Set(kids.map((k) => l.positions.get(k)!.x));
    expect(xs.size).toBe(1);
    const ys = kids.map((k) => l.positions.get(k)!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(overlaps(l)).toEqual([]);
  });

  test('many leaf children wrap into a compact grid, column by column in their order', () => {
    for (const n of [17, 100]) {
      const kids = Array.from({ length: n }, (_, i) => `k${i}`);
      const l = tidyTree(forest(kids.map((k) => ['r', k] as [string, string]), ['r']));
      expect(l.stacked.size).toBe(n);
      expect(overlaps(l)).toEqual([]);
      const p = kids.map((k) => l.positions.get(k)!);
      const columns = new Set(p.map((q) => q.x)).size;
      expect(columns).toBeGreaterThan(1);
      // Order: down a column, then on to the next column to the right.
      for (let i = 1; i < n; i++) expect(p[i].x > p[i - 1].x || (p[i].x === p[i - 1].x && p[i].y > p[i - 1].y)).toBe(true);
      // A block about twice as wide as tall (the default `gridAspect`), not a column.
      const w = Math.max(...p.map((q) => q.x)) - Math.min(...p.map((q) => q.x)) + W;
      const h = Math.max(...p.map((q) => q.y)) - Math.min(...p.map((q) => q.y)) + TIDY_DEFAULTS.nodeHeight;
      expect(w / h).toBeGreaterThan(0.75);
      expect(w / h).toBeLessThan(4);
      // Each column hangs from its own trunk at its left, reached along the bar.
      for (const k of kids) expect(l.routes.get(k)!.at(-1)!.x).toBeLessThan(l.positions.get(k)!.x - W / 2);
    }
  });

  test('grids of any shape never overlap and keep sibling order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 120, max: 320 }), { minLength: 1, maxLength: 7 }),
        fc.constantFrom(0.5, 1, 2, 4),
        (sizes, widths, gridAspect) => {
          // A root whose children are subtrees with `sizes[i]` leaves each, and leaves between them.
          const edges: [string, string][] = [];
          sizes.forEach((n, i) => {
            edges.push(['r', `c${i}`]);
            if (i % 3 === 2) edges.push(['r', `leaf${i}`]);
            for (let j = 0; j < n; j++) edges.push([`c${i}`, `c${i}.${j}`]);
          });
          const ids = ['r', ...edges.map((e) => e[1])];
          const width = (id: string) => widths[ids.indexOf(id) % widths.length];
          const l = tidyTree(forest(edges, ['r']), { width, gridAspect });
          const boxes = ids.map((id) => ({ id, p: l.positions.get(id)!, w: width(id) }));
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i];
              const b = boxes[j];
              const apart = Math.abs(a.p.x - b.p.x) >= (a.w + b.w) / 2 - 1e-6 || Math.abs(a.p.y - b.p.y) >= TIDY_DEFAULTS.nodeHeight - 1e-6;
              if (!apart) return false;
            }
          // Siblings in order: each below the one before (down a column), or starting to its right.
          const byParent = new Map<string, string[]>();
          for (const [p, c] of edges) byParent.set(p, [...(byParent.get(p) ?? []), c]);
          for (const list of byParent.values())
            for (let i = 1; i < list.length; i++) {
              const a = l.positions.get(list[i - 1])!;
              const b = l.positions.get(list[i])!;
              if (!(b.y > a.y || b.x - width(list[i]) / 2 > a.x - width(list[i - 1]) / 2)) return false;
            }
          return true;
        },
      ),
      { numRuns: 150, seed: 1928 },
    );
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
