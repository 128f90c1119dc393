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

  describe('rows of subtrees wrapped to a width', () => {
    /** A root with `n` children, each over `k` leaves. */
    const wideTree = (n: number, k: number) => {
      const edges: [string, string][] = [];
      for (let i = 0; i < n; i++) {
        edges.push(['r', `c${i}`]);
        for (let j = 0; j < k; j++) edges.push([`c${i}`, `c${i}.${j}`]);
      }
      return forest(edges, ['r']);
    };

    test('a row wider than the width wraps into rows no wider, read left to right then top to bottom, each reached from a trunk', () => {
      const f = wideTree(8, 2);
      const plain = tidyTree(f);
      const l = tidyTree(f, { wrapWidth: 900 });
      expect(plain.bounds.maxX - plain.bounds.minX).toBeGreaterThan(1500);
      expect(overlaps(l)).toEqual([]);
      const p = (id: string) => l.positions.get(id)!;
      const rows = [...new Set(Array.from({ length: 8 }, (_, i) => p(`c${i}`).y))];
      expect(rows.length).toBeGreaterThan(1);
      for (const y of rows) {
        const inRow = [...l.positions].filter(([id, q]) => id !== 'r' && Math.abs(q.y - y) < 1 + 3 * TIDY_DEFAULTS.slot);
        const xs = inRow.filter(([id]) => /^c\d+$/.test(id) && p(id).y === y).map(([, q]) => q.x);
        expect(Math.max(...xs) - Math.min(...xs) + W).toBeLessThanOrEqual(900);
      }
      // Sibling order: each child right of the one before in its row, or in a lower row.
      for (let i = 1; i < 8; i++) {
        const a = p(`c${i - 1}`);
        const b = p(`c${i}`);
        expect(b.y > a.y || (b.y === a.y && b.x > a.x)).toBe(true);
      }
      // A child in a later row is reached from the parent's bar, down a trunk left of every row, then along its own bar.
      const later = [...Array(8).keys()].map((i) => `c${i}`).filter((id) => p(id).y > p('c0').y);
      for (const id of later) {
        const route = l.routes.get(id)!;
        expect(route[0].x).toBeCloseTo(p('r').x);
        const trunk = route[1].x;
        expect(route[2].x).toBeCloseTo(trunk);
        expect(trunk).toBeLessThan(Math.min(...[...l.positions.values()].filter((q) => q.y > p('r').y).map((q) => q.x)) - W / 2);
        expect(route.at(-1)!.x).toBeCloseTo(p(id).x);
        expect(route.at(-1)!.y).toBeLessThan(p(id).y);
        expect(route.at(-1)!.y).toBeGreaterThan(route[0].y);
      }
    });

    test('a row that fits stays one row', () => {
      const f = wideTree(3, 2);
      const l = tidyTree(f, { wrapWidth: 5000 });
      const ys = new Set([0, 1, 2].map((i) => l.positions.get(`c${i}`)!.y));
      expect(ys.size).toBe(1);
    });

    test('any tree, any width, levels one or two slots apart: no overlaps, siblings in reading order, nothing lost', () => {
      fc.assert(
        fc.property(fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 200, max: 1600 }), fc.array(fc.integer({ min: 120, max: 320 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(1, 2), (sizes, wrapWidth, widths, levelSlots) => {
          const edges: [string, string][] = [];
          sizes.forEach((n, i) => {
            edges.push(['r', `c${i}`]);
            for (let j = 0; j < n; j++) {
              edges.push([`c${i}`, `c${i}.${j}`]);
              if (j % 2) edges.push([`c${i}.${j}`, `c${i}.${j}.x`]);
            }
          });
          const ids = ['r', ...edges.map((e) => e[1])];
          const width = (id: string) => widths[ids.indexOf(id) % widths.length];
          const l = tidyTree(forest(edges, ['r']), { width, wrapWidth, levelSlots });
          if (l.positions.size !== ids.length) return false;
          for (let i = 0; i < ids.length; i++)
            for (let j = i + 1; j < ids.length; j++) {
              const a = l.positions.get(ids[i])!;
              const b = l.positions.get(ids[j])!;
              if (!(Math.abs(a.x - b.x) >= (width(ids[i]) + width(ids[j])) / 2 - 1e-6 || Math.abs(a.y - b.y) >= TIDY_DEFAULTS.nodeHeight - 1e-6)) return false;
            }
          const kids = sizes.map((_, i) => l.positions.get(`c${i}`)!);
          // Each child below the one before (a lower row, or down a column of leaves) or to its right.
          for (let i = 1; i < kids.length; i++) if (!(kids[i].y > kids[i - 1].y || kids[i].x > kids[i - 1].x)) return false;
          return true;
        }),
        { numRuns: 200, seed: 1932 },
      );
    });
  });
});
