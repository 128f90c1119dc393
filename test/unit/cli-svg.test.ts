import { DOMParser } from '@xmldom/xmldom';
import { expect, test } from 'vitest';
import { run } from '../../src/cli/main.ts';

function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The text of every label in the SVG, lines joined by spaces. */
function labels(svg: string): string[] {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return Array.from(doc.getElementsByTagName('text')).map((t) =>
    Array.from(t.getElementsByTagName('tspan'))
      .map((s) => s.textContent)
      .join(' '),
  );
}

test('export --format svg draws the chart at a date, every label as text', () => {
  const before = cli('export', 'example', '--format', 'svg', '--at', '1929');
  const after = cli('export', 'example', '--format', 'svg', '--at', '1931');
  expect(before.code).toBe(0);
  expect(before.out).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="[-\d. ]+"/);
  expect(labels(before.out).join(' | ')).toMatch(/Tsentral'no-gorodskoi raikom/);
  expect(labels(before.out).join(' | ')).not.toMatch(/Smol'ninskii/);
  expect(labels(after.out).join(' | ')).toMatch(/Oktiabr'skii raikom .*Smol'ninskii raikom/);
  // One node shape per organ and one edge per subordination.
  const doc = new DOMParser().parseFromString(after.out, 'image/svg+xml');
  const groups = Array.from(doc.getElementsByTagName('g'));
  const nodes = groups.find((g) => g.getAttribute('class') === 'nodes')!;
  const edges = groups.find((g) => g.getAttribute('class') === 'edges')!;
  expect(nodes.getElementsByTagName('g').length).toBe(3);
  expect(edges.getElementsByTagName('path').length).toBe(2);
});

test('a counted group is drawn as a stack with its count, and conflicting counts side by side', () => {
  const r = cli('export', 'leningrad-region', '--format', 'svg', '--at', '1931-04');
  expect(r.code).toBe(0);
  const all = labels(r.out).join(' | ');
  expect(all).toContain('1,917 | 2,600 workshop cells in Leningrad');
  expect(all).toContain('111 rural raikoms');
});

test('export --format svg without --at says what it needs', () => {
  expect(cli('export', 'example', '--format', 'svg')).toMatchObject({ code: 2, err: expect.stringContaining('--format svg draws the chart at a date: give --at <date>') });
});

test('an inferred placement is a dashed link in the SVG, a stated one solid', () => {
  const r = cli('export', 'leningrad-region', '--format', 'svg', '--at', '1931-04');
  expect(r.code).toBe(0);
  const doc = new DOMParser().parseFromString(r.out, 'image/svg+xml');
  const edges = Array.from(doc.getElementsByTagName('g')).find((g) => g.getAttribute('class') === 'edges')!;
  const paths = Array.from(edges.getElementsByTagName('path'));
  const dashed = paths.filter((p) => p.getAttribute('stroke-dasharray'));
  // The city's counted cells hang from the city organ by an inferred placement; the raikoms by stated ones.
  expect(dashed.length).toBeGreaterThan(0);
  expect(dashed.length).toBeLessThan(paths.length);
}, 60_000);
