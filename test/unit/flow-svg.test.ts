import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';
import { flowLayout } from '../../src/layout/flow.ts';
import { buildModel } from '../../src/model/model.ts';
import type { Edge, Graph } from '../../src/model/types.ts';
import { flowSvg } from '../../src/render/flow-svg.ts';

function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');
const all = (doc: ReturnType<typeof parse>, tag: string) => Array.from(doc.getElementsByTagName(tag));
const byClass = (doc: ReturnType<typeof parse>, cls: string) => all(doc, 'g').filter((g) => g.getAttribute('class') === cls);

describe('export --format flow', () => {
  const graph = JSON.parse(readFileSync(new URL('../../graphs/leningrad-region.json', import.meta.url), 'utf8')) as Graph;
  const r = cli('export', 'leningrad-region', '--format', 'flow', '--at', '1931-04');
  const doc = parse(r.out);

  it('writes an SVG document with vector text, no label under 11 px', () => {
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
    expect(all(doc, 'text').length).toBeGreaterThan(100);
    for (const t of all(doc, 'text')) expect(Number(t.getAttribute('font-size')), t.textContent ?? '').toBeGreaterThanOrEqual(11);
    expect(r.out).not.toMatch(/\sstyle=/);
  });

  it('names every organ in the label column, with one line per row and its title', () => {
    const labels = byClass(doc, 'label').map((g) => g.getAttribute('data-organ'));
    const rows = byClass(doc, 'row');
    expect(rows.length).toBe(labels.length);
    for (const o of graph.organs) expect(labels, o.id).toContain(o.id);
    const mn = rows.find((g) => g.getAttribute('data-organ') === 'raikom-moskovsko-narvskii')!;
    expect(all(parse(mn.toString()), 'title')[0].textContent).toMatch(/^Moskovsko-narvskii raikom .*ended: Moskovsko-narvskii divided into Moskovskii and Narvskii/);
    const labelText = byClass(doc, 'label').map((g) => g.textContent).join(' | ');
    expect(labelText).toContain('Narvskii raikom');
    expect(labelText).toContain('Leningrad gorkom');
  });

  it('marks every event with its title, and connects the split and the move under the gorkom', () => {
    const events = byClass(doc, 'event');
    expect(events.length).toBe(graph.events!.length);
    const titles = all(doc, 'title').map((t) => t.textContent ?? '');
    expect(titles).toContain('May 1930 to December 1930: Moskovsko-narvskii divided into Moskovskii and Narvskii');
    expect(titles.filter((t) => t === 'Moskovsko-narvskii divided into Moskovskii and Narvskii')).toHaveLength(2);
    expect(titles.filter((t) => t === 'Urban raikoms, Kronstadt and Prigorodnyi pass to the gorkom').length).toBeGreaterThanOrEqual(8);
  });

  it('writes to a file with --out, and refuses an unknown format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apparat-flow-'));
    const file = join(dir, 'flow.svg');
    expect(cli('export', 'factory-krasnyi-putilovets', '--format', 'flow', '--out', file).code).toBe(0);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toContain('Krasnyi putilovets factory party committee');
    expect(svg).toContain('party committee of the tractor workshop of Krasnyi putilovets');
    expect(cli('export', 'example', '--format', 'flows').code).toBe(2);
  });
});

describe('flowSvg', () => {
  it('draws an inferred placement dashed and a vague start as fading steps', () => {
    const graph: Graph = {
      apparat: 1,
      id: 't',
      title: 'T',
      period: { start: '1928', end: '1932' },
      sources: { s: { citation: '§1' } },
      organs: [
        { id: 'p', type: 'obkom', names: [{ name: 'Parent' }], exists: [{ start: '1928' }], sources: ['s'] },
        { id: 'c', type: 'kollektiv', names: [{ name: 'Child' }], exists: [{ start: '[..1930-06]' }], sources: ['s'] },
      ],
      edges: [{ child: 'c', parent: 'p', start: '[..1930-06]', certainty: 'inferred', note: 'guess' } as Edge],
    };
    const doc = parse(flowSvg(flowLayout(buildModel(graph))));
    const child = byClass(doc, 'row').find((g) => g.getAttribute('data-organ') === 'c')!;
    const lines = Array.from(child.getElementsByTagName('line'));
    expect(lines.every((l) => l.getAttribute('stroke-dasharray'))).toBe(true);
    const opacities = lines.map((l) => Number(l.getAttribute('stroke-opacity') ?? '1'));
    expect(opacities[0]).toBeLessThan(0.5);
    expect(opacities).toContain(1);
    expect(child.getElementsByTagName('title')[0].textContent).toMatch(/placement inferred: guess/);
    const parent = byClass(doc, 'row').find((g) => g.getAttribute('data-organ') === 'p')!;
    expect(Array.from(parent.getElementsByTagName('line')).some((l) => l.getAttribute('stroke-dasharray'))).toBe(false);
  });
});
