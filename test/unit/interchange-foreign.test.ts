/** What other tools change in a file apparat wrote, and how they draw hierarchy: nesting, labels, added nodes, None. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exportGexf, importGexf } from '../../src/io/gexf.ts';
import { exportGraphml, importGraphml } from '../../src/io/graphml.ts';
import { sample } from './graphs.ts';

const errors = (issues: { severity: string }[]) => issues.filter((i) => i.severity === 'error');
const parents = (g: { edges: { child: string; parent: string }[] }) => g.edges.map((e) => `${e.parent}>${e.child}`).sort();

describe('nesting is hierarchy', () => {
  test('GEXF: nested <nodes>, pid and <parents> make subordinations, and every node is an organ', () => {
    const gexf = `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes>
      <node id="top" label="Top"><nodes><node id="a" label="A"><nodes><node id="a1" label="A1"/></nodes></node></nodes></node>
      <node id="b" label="B" pid="top"/>
      <node id="c" label="C"><parents><parent for="b"/></parents></node>
    </nodes></graph></gexf>`;
    const r = importGexf(gexf, 'nested.gexf');
    expect(errors(r.issues)).toEqual([]);
    expect(r.graph!.organs.map((o) => o.id)).toEqual(['top', 'a', 'a1', 'b', 'c']);
    expect(parents(r.graph!)).toEqual(['a>a1', 'b>c', 'top>a', 'top>b']);
  });

  test('yEd: members of a group are under the group; the file says it took the nesting over the edges', () => {
    const r = importGraphml(readFileSync('test/fixtures/real/yed-yed_created_edges.graphml', 'utf8'), 'yed.graphml');
    expect(errors(r.issues)).toEqual([]);
    expect(r.graph!.organs).toHaveLength(5);
    expect(r.graph!.edges.every((e) => e.child.startsWith(`${e.parent}::`))).toBe(true);
    expect(r.issues.find((i) => i.rule === 'hierarchy')?.message).toMatch(/nesting is taken as the hierarchy/);
  });
});

describe('a file apparat wrote, edited in another tool', () => {
  test('an edited label wins, with a warning; a node added without a type is a unit, with a warning', () => {
    let graphml = exportGraphml(sample());
    graphml = graphml.replace(/(<data key="n-label">)Obkom(<\/data>)/, '$1Regional committee$2');
    graphml = graphml.replace('</graph>', '<node id="added"><data key="n-label">Added in yEd</data></node><edge source="obkom" target="added"/></graph>');
    const r = importGraphml(graphml, 'edited.graphml');
    expect(errors(r.issues)).toEqual([]);
    const g = r.graph!;
    expect(g.organs.find((o) => o.id === 'obkom')!.names[0].name).toBe('Regional committee');
    expect(g.organs.find((o) => o.id === 'added')).toMatchObject({ type: 'unit', names: [{ name: 'Added in yEd' }] });
    const warnings = r.issues.filter((i) => i.severity === 'warning').map((i) => `${i.path}: ${i.message}`);
    expect(warnings.some((w) => /obkom.*label "Regional committee" differs/.test(w))).toBe(true);
    expect(warnings.some((w) => /added.*no "type"/.test(w))).toBe(true);
  });

  test('networkx-style values: True counts, None is an open date, TRUE and 1 too', () => {
    for (const t of ['True', 'TRUE', '1']) {
      const gexf = exportGexf(sample())
        .replace(/value="true"/g, `value="${t}"`)
        .replace(/<attvalue for="endEdtf" value="[^"]*"\/>/, '<attvalue for="endEdtf" value="None"/>');
      const r = importGexf(gexf.replace(/<\?apparat-graph[\s\S]*?\?>/, ''), 'nx.gexf');
      expect(errors(r.issues)).toEqual([]);
      expect(r.graph!.organs.find((o) => o.id === 'cells')!.counted).toBe(true);
    }
  });

  test('a boolean that is not one is refused at its node', () => {
    const r = importGexf(exportGexf(sample()).replace(/value="true"/, 'value="maybe"'), 'bad.gexf');
    expect(errors(r.issues)[0]).toMatchObject({ file: 'bad.gexf', path: '<node id="cells">', message: expect.stringMatching(/"counted" must be true or false, not "maybe"/) });
  });
});

describe('fields the formats have no column for travel too', () => {
  test('a field added to names, lifetimes, edges and posts (a certainty, say) comes back from CSV, GEXF and GraphML', async () => {
    const { exportCsv, importCsv } = await import('../../src/io/csv.ts');
    const g = sample() as unknown as { organs: { names: object[]; exists: object[] }[]; edges: object[]; posts?: object[] };
    const mark = { certainty: 'inferred', reasoning: 'why' };
    Object.assign(g.organs[3].names[0], mark);
    Object.assign(g.organs[3].exists[0], mark);
    Object.assign(g.edges[0], mark);
    if (g.posts?.[0]) Object.assign(g.posts[0], mark);
    const graph = g as unknown as Parameters<typeof exportGexf>[0];
    for (const back of [importCsv(exportCsv(graph), 'out'), importGexf(exportGexf(graph), 'g.gexf'), importGraphml(exportGraphml(graph), 'g.graphml')]) {
      const d = back.data!;
      expect(d.organs[3].names[0]).toMatchObject(mark);
      expect(d.organs[3].exists[0]).toMatchObject(mark);
      expect(d.edges[0]).toMatchObject(mark);
      if (g.posts?.[0]) expect(d.posts![0]).toMatchObject(mark);
    }
  });
});
