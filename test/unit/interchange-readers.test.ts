/**
 * The exported files as other tools read them: GEXF and GraphML through graphology (its own
 * GEXF/GraphML readers), spells through fast-xml-parser, CSV through csv-parse (the exporter uses
 * papaparse and @xmldom/xmldom, so every reader here is independent of the writer).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import Graph from 'graphology';
import { parse as parseGexfGraphology } from 'graphology-gexf';
import { parse as parseGraphmlGraphology } from 'graphology-graphml';
import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, exportCsv, exportCsvAt, importCsv } from '../../src/io/csv.ts';
import { exportGexf, exportGexfAt } from '../../src/io/gexf.ts';
import { exportGraphml, exportGraphmlAt } from '../../src/io/graphml.ts';
import type { Graph as ApparatGraph } from '../../src/model/types.ts';
import { sample } from './graphs.ts';

const AWKWARD = 'Obkom "Лен" <&> a,b;c\nnew line|pipe';

function awkward(): ApparatGraph {
  const g = sample();
  g.organs[0].names[0].name = AWKWARD;
  g.organs[0].note = 'note with <tags> & "quotes"\r\nand CRLF';
  return g;
}

const fxp = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['node', 'edge', 'spell', 'attvalue', 'data', 'key'].includes(name) });

describe('GEXF as graphology and fast-xml-parser read it', () => {
  const g = awkward();
  const text = exportGexf(g);

  test('nodes, labels with special characters, edges parent → child', () => {
    // graphology-gexf keeps one <attributes> block per class, the last; the static and dynamic blocks GEXF 1.3 asks for need this option.
    const read = parseGexfGraphology(Graph, text, { allowUndeclaredAttributes: true });
    expect(read.order).toBe(g.organs.length);
    expect(read.size).toBe(g.edges.length);
    expect(read.getNodeAttribute('obkom', 'label')).toBe(AWKWARD);
    expect(read.getNodeAttribute('obkom', 'note')).toBe('note with <tags> & "quotes"\r\nand CRLF');
    expect(read.getNodeAttribute('rai', 'type')).toBe('rural-raikom');
    const ends = read.mapEdges((_e, _a, source, target) => `${source}>${target}`);
    expect(ends).toEqual(g.edges.map((e) => `${e.parent}>${e.child}`));
    expect(read.getEdgeAttribute('e3', 'startEdtf')).toBe('1930-22');
  });

  test('spells: the first day of the start, the last day of the end; dynamic names without overlaps', () => {
    const doc = fxp.parse(text);
    expect(doc.gexf.xmlns).toBe('http://gexf.net/1.3');
    expect(doc.gexf.version).toBe('1.3');
    const graph = doc.gexf.graph;
    expect(graph).toMatchObject({ mode: 'dynamic', defaultedgetype: 'directed', timeformat: 'date' });
    const nodes = graph.nodes.node as { id: string; spells: { spell: { start?: string; end?: string }[] }; attvalues: { attvalue: { for: string; value: string; start?: string; end?: string }[] } }[];
    const okr = nodes.find((n) => n.id === 'okr-a')!;
    expect(okr.spells.spell).toEqual([{ start: '1928-01-01', end: '1930-08-31' }]); // 1930-22: summer ends in August
    const rai = nodes.find((n) => n.id === 'rai')!;
    expect(rai.attvalues.attvalue.filter((a) => a.for === 'name')).toEqual([
      { for: 'name', value: 'Raikom X', start: undefined, end: '1931-04-30' },
      { for: 'name', value: 'Raikom Y', start: '1931-05-01' },
    ].map((x) => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined))));
    const edges = graph.edges.edge as { source: string; target: string; spells: { spell: { start?: string; end?: string }[] } }[];
    expect(edges[3]).toMatchObject({ source: 'obkom', target: 'rai', spells: { spell: [{ start: '1930-06-01', end: '1934-12-31' }] } });
  });

  test('a snapshot is a static GEXF of the organs at the date', () => {
    const read = parseGexfGraphology(Graph, exportGexfAt(g, '1931'));
    expect(read.nodes()).toEqual(['obkom', 'rai', 'cells']);
    expect(read.getNodeAttribute('rai', 'label')).toBe('Raikom Y'); // renamed in May 1931: within 1931 the later name wins
    expect(read.getNodeAttribute('cells', 'figure:count')).toBe(1917);
    expect(read.mapEdges((_e, _a, s, t) => `${s}>${t}`)).toEqual(['obkom>rai', 'obkom>cells']);
  });
});

describe('GraphML as graphology reads it', () => {
  const g = awkward();

  test('keys, nodes, start/end days, labels and edges', () => {
    const read = parseGraphmlGraphology(Graph, exportGraphml(g));
    expect(read.order).toBe(g.organs.length);
    expect(read.getNodeAttribute('obkom', 'label')).toBe(AWKWARD);
    expect(read.getNodeAttributes('okr-b')).toMatchObject({ start: '1928-01-01', end: '1930-08-31', startEdtf: '1928', endEdtf: '1930-22', type: 'okruzhkom' });
    expect(read.mapEdges((_e, _a, s, t) => `${s}>${t}`)).toEqual(g.edges.map((e) => `${e.parent}>${e.child}`));
    expect(read.getEdgeAttributes(read.edges()[3])).toMatchObject({ start: '1930-06-01', end: '1934-12-31' });
    expect(JSON.parse(read.getAttribute('apparat') as string).events).toHaveLength(2);
  });

  test('a snapshot', () => {
    const read = parseGraphmlGraphology(Graph, exportGraphmlAt(g, '1929'));
    expect(read.order).toBe(5);
    expect(read.getNodeAttribute('rai', 'parent')).toBe('okr-a');
  });
});

describe('CSV as csv-parse reads it', () => {
  const g = awkward();
  const files = exportCsv(g);
  const read = (name: keyof typeof files) => parseCsv(files[name], { columns: true, bom: true }) as Record<string, string>[];

  test('every table has its header row; Gephi finds Id, Label, Source, Target', () => {
    for (const [name, columns] of Object.entries(CSV_COLUMNS)) expect(parseCsv(files[name as keyof typeof files], { to_line: 1, bom: true })[0]).toEqual([...columns]);
    const nodes = read('nodes.csv');
    expect(nodes).toHaveLength(g.organs.length);
    expect(nodes[0]).toMatchObject({ Id: 'obkom', Label: AWKWARD, note: 'note with <tags> & "quotes"\r\nand CRLF', start: '1927-11', 'Start Date': '1927-11-01', 'End Date': '1934-12-31' });
    expect(nodes[1]['Time Interval']).toBe('<[1928-01-01, 1930-08-31]>');
    const edges = read('edges.csv');
    expect(edges.map((e) => `${e.Source}>${e.Target}`)).toEqual(g.edges.map((e) => `${e.parent}>${e.child}`));
    expect(edges[3]).toMatchObject({ Type: 'Directed', start: '1930-22', end: '1934', 'Start Date': '1930-06-01' });
  });

  test('figures, events, people, posts, names and sources each have their table', () => {
    expect(read('figures.csv').map((f) => f.value)).toEqual(['1917', '2600', '1500', '300']);
    expect(read('events.csv')[0]).toMatchObject({ id: 'abolish', inputs: 'okr-a|okr-b', citations: '§1' });
    expect(read('people.csv')[0]).toMatchObject({ id: 'p', name: 'I. I. Gaza' });
    expect(read('posts.csv')[0]).toMatchObject({ organ: 'rai', person: 'p', start: '1929', end: '1931' });
    expect(read('names.csv').filter((n) => n.organ === 'rai').map((n) => n.name)).toEqual(['Raikom X', 'Raikom Y']);
    expect(read('sources.csv')[1]).toMatchObject({ id: 's2', citation: '§2', primary: 'Partrabotnik' });
  });

  test("a person's attributes have a table of their own, one row each after the person's id, and come back; an unknown person is named with its row", () => {
    const withAttributes = awkward();
    withAttributes.people![0].attributes = [
      { attribute: 'social-origin', value: 'worker', sources: ['s1'] },
      { attribute: 'party-entry', value: '1917', date: '1932-01-29', sources: ['s1', 's2'], certainty: 'inferred', note: 'a reading' },
    ];
    const tables = exportCsv(withAttributes);
    const rows = parseCsv(tables['attributes.csv'], { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({ person: 'p', attribute: 'social-origin', value: 'worker', sources: 's1', citations: '§1' }),
      expect.objectContaining({ person: 'p', attribute: 'party-entry', value: '1917', date: '1932-01-29', Date: '1932-01-29', certainty: 'inferred', note: 'a reading' }),
    ]);
    expect(importCsv(tables, 'folder').graph!.people![0].attributes).toEqual(withAttributes.people![0].attributes);
    const wrong = { ...tables, 'attributes.csv': tables['attributes.csv'].replace('\r\np,social-origin', '\r\nnobody,social-origin') };
    const issue = importCsv(wrong, 'folder').issues.find((i) => i.rule === 'unknown-id');
    expect(issue).toMatchObject({ file: 'folder/attributes.csv', line: 2, path: 'column "person"', message: expect.stringContaining('"nobody" is not a person of people.csv') });
  });

  test('a snapshot: nodes and edges at the date', () => {
    const at = exportCsvAt(g, '1929');
    expect((parseCsv(at['nodes.csv'], { columns: true, bom: true }) as unknown[]).length).toBe(5);
    expect(parseCsv(at['edges.csv'], { columns: true, bom: true })).toContainEqual({ Source: 'okr-a', Target: 'rai', Type: 'Directed', certainty: 'stated' });
  });
});
