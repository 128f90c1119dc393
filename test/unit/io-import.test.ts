/** Importing users' own files: a CSV hierarchy, a Gephi GEXF, a yEd GraphML; located errors; unsafe XML refused. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatIssue } from '../../src/io/graph-file.ts';
import { CSV_COLUMNS, exportCsv, importCsv } from '../../src/io/csv.ts';
import { exportGexf, importGexf } from '../../src/io/gexf.ts';
import { exportGraphml, importGraphml } from '../../src/io/graphml.ts';
import { sample } from './graphs.ts';

const fixture = (name: string) => readFileSync(`test/fixtures/interchange/${name}`, 'utf8');
const errors = (issues: { severity: string }[]) => issues.filter((i) => i.severity === 'error');

describe('a one-file CSV hierarchy', () => {
  test('BOM, CRLF, semicolons, quoted newlines and quotes; repeated ids give lifetimes, names and parents', () => {
    const r = importCsv({ 'ministry.csv': fixture('ministry.csv') }, 'ministry.csv');
    expect(errors(r.issues)).toEqual([]);
    const g = r.graph!;
    expect(g.id).toBe('ministry');
    expect(g.organs.map((o) => o.id)).toEqual(['min', 'sec', 'dept-a']);
    expect(g.organs[0]).toMatchObject({ type: 'unit', typeLabel: 'ministry', names: [{ name: 'Ministry of Railways' }], exists: [{ start: '1923', end: '1946' }] });
    expect(g.organs[1]).toMatchObject({ type: 'secretariat', names: [{ name: 'Secretariat\r\n(general)' }] });
    expect(g.organs[2].names).toEqual([
      { name: 'Department "A"; tracks', start: '1923', end: '1930-06' },
      { name: 'Department of Tracks', start: '1930-06', end: '1935' },
    ]);
    expect(g.edges).toEqual([
      { child: 'sec', parent: 'min', start: '1923', end: '1946' },
      { child: 'dept-a', parent: 'min', start: '1923', end: '1930-06' },
      { child: 'dept-a', parent: 'sec', start: '1930-06', end: '1935' },
    ]);
    expect(Object.values(g.sources).map((s) => s.citation)).toEqual(['GARF, f. 5446', 'Annual report 1931']);
    expect(g.organs[2].sources).toEqual(['s2']);
  });

  test('rows without a source cite "imported from <file>"', () => {
    const r = importCsv({ 'h.csv': 'id,label,parent,start,end\na,A,,1920,1930\nb,B,a,1921,1925\n' }, 'h.csv');
    expect(r.graph!.sources.imported.citation).toBe('imported from h.csv');
    expect(r.graph!.organs[1]).toMatchObject({ type: 'unit', typeLabel: 'unit', sources: ['imported'] });
  });

  test('errors name the file, the line, the column and what is wrong', () => {
    const r = importCsv({ 'broken.csv': fixture('broken.csv') }, 'test/fixtures/interchange/broken.csv');
    expect(r.graph).toBeUndefined();
    const lines = r.issues.map(formatIssue);
    expect(lines).toContain('broken.csv:3: error: column "end" (organs[1].exists[0].end): "1930-13" is not an EDTF date (write 1932-06-21, 1930-07, 1932-22 for summer, 1930? or 1930~) [date]');
    expect(lines).toContain('broken.csv:4: error: column "parent" (edges[1].parent): the parent "nowhere" is not an organ of this graph [unknown-id]');
  });

  test('a file without an id column, and an empty file', () => {
    expect(importCsv({ 'x.csv': 'name,boss\na,b\n' }, 'x.csv').issues.map(formatIssue)).toEqual(['x.csv:1: error: header row: no "id" column (the columns are name, boss) [csv]']);
    expect(importCsv({ 'x.csv': '' }, 'x.csv').graph).toBeUndefined();
  });
});

describe('a CSV folder', () => {
  test('an edited table is read with the row and column of each mistake', () => {
    const files: Record<string, string> = exportCsv(sample());
    files['figures.csv'] = files['figures.csv'].replace('1917', '"1,917"');
    files['exists.csv'] = files['exists.csv'].replace('1930-22', '1930-25');
    const r = importCsv(files, 'out');
    const lines = r.issues.map(formatIssue);
    expect(lines).toContain('out/figures.csv:2: error: column "value": the value "1,917" is not a number (write 1917 or 12.5, without thousands separators) [csv]');
    expect(r.graph).toBeUndefined();
    const shifted = exportCsv(sample());
    shifted['figures.csv'] = shifted['figures.csv'].replace('1917', '1,917');
    expect(importCsv(shifted, 'out').issues.map(formatIssue)).toContain(
      `out/figures.csv:2: error: the row has ${CSV_COLUMNS['figures.csv'].length + 1} cells but the header names ${CSV_COLUMNS['figures.csv'].length} columns (is a value with a "," missing its quotes?) [csv]`,
    );
    delete files['figures.csv'];
    const r2 = importCsv(files, 'out');
    expect(r2.issues.map(formatIssue)).toContain('out/exists.csv:3: error: column "end" (organs[1].exists[0].end): "1930-25": only the seasons 21 (spring) to 24 (winter) are supported [date]');
  });

  test('semicolon separators and a BOM, as a European spreadsheet saves them', () => {
    const files = exportCsv(sample());
    const semi = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, `\uFEFF${v.replace(/,/g, ';')}`]));
    const r = importCsv(semi, 'out');
    expect(errors(r.issues)).toEqual([]);
    expect(r.graph!.organs.map((o) => o.id)).toEqual(sample().organs.map((o) => o.id));
  });
});

describe('GEXF from Gephi', () => {
  test('nodes become organs of type unit with the attribute word, spells become lifetimes, edges parent → child', () => {
    const r = importGexf(fixture('gephi.gexf'), 'gephi.gexf');
    expect(errors(r.issues)).toEqual([]);
    const g = r.graph!;
    expect(g.title).toBe('Trade unions of Petrograd');
    expect(g.organs[1]).toEqual({ id: 'n1', type: 'unit', typeLabel: 'unit', names: [{ name: "Metalworkers' union & branches" }], exists: [{ start: '1917-04-01' }], sources: ['imported'] });
    expect(g.organs[2].exists).toEqual([{ start: '1918-01-01', end: '1922-06-30' }]);
    // An edge without spells lasts while both organs live.
    expect(g.edges).toEqual([
      { child: 'n1', parent: 'n0', start: '1917-04-01', end: '1924-12-31' },
      { child: 'n2', parent: 'n0', start: '1918-01-01', end: '1922-06-30' },
    ]);
    expect(g.sources.imported.citation).toBe('imported from gephi.gexf');
  });

  test('a type attribute from the vocabulary is kept; another word becomes the label of a unit', () => {
    const text = fixture('gephi.gexf').replace('title="kind"', 'title="type"');
    const g = importGexf(text, 'g.gexf').graph!;
    expect(g.organs[0]).toMatchObject({ type: 'unit', typeLabel: 'council' });
  });

  test('a DOCTYPE (entity expansion, external entities) is refused before parsing', () => {
    const r = importGexf(fixture('billion-laughs.gexf'), 'bomb.gexf');
    expect(r.graph).toBeUndefined();
    expect(r.issues.map(formatIssue)).toEqual([
      'bomb.gexf:2: error: the file declares a DOCTYPE; apparat does not read DTDs (they can define entities that expand without end or read other files) [read]',
    ]);
  });

  test('malformed XML and undeclared entities are located errors', () => {
    const bad = importGexf('<gexf>\n<graph>\n<nodes></graph>\n</gexf>', 'bad.gexf');
    expect(bad.issues[0]).toMatchObject({ severity: 'error', file: 'bad.gexf', line: 3 });
    expect(bad.issues[0].message).toMatch(/not well-formed XML/);
    expect(importGexf('<gexf><graph><nodes><node id="a" label="&x;"/></nodes></graph></gexf>', 'e.gexf').graph).toBeUndefined();
    expect(importGexf('<graphml/>', 'w.gexf').issues[0].message).toMatch(/root element is <graphml>/);
  });

  test('invalid data in an apparat GEXF is reported at its node', () => {
    const text = exportGexf(sample()).replaceAll('1930-22', '1930-13');
    const r = importGexf(text, 's.gexf');
    expect(r.graph).toBeUndefined();
    expect(r.issues.map(formatIssue).find((l) => l.includes('organs[1].exists[0].end'))).toMatch(/^s\.gexf:\d+: error: <node id="okr-a"> \(organs\[1\]\.exists\[0\]\.end\): "1930-13" is not an EDTF date/);
  });
});

describe('GraphML from yEd', () => {
  test("labels come from yEd's node graphics; edges parent → child; open lifetimes", () => {
    const r = importGraphml(fixture('yed.graphml'), 'yed.graphml');
    expect(errors(r.issues)).toEqual([]);
    const g = r.graph!;
    expect(g.organs.map((o) => o.names[0].name)).toEqual(['Board of directors', 'Sales & Marketing', 'Кадры (HR)']);
    expect(g.organs[0]).toMatchObject({ type: 'unit', exists: [{}], sources: ['imported'] });
    expect(g.edges).toEqual([
      { child: 'n1', parent: 'n0' },
      { child: 'n2', parent: 'n0' },
    ]);
  });

  test('a GraphML that is not a tree gets the validator’s located message', () => {
    const text = exportGraphml(sample()).replace('source="okr-a" target="rai"', 'source="okr-b" target="obkom"');
    const r = importGraphml(text, 's.graphml');
    expect(r.graph).toBeUndefined();
    expect(r.issues.map(formatIssue).join('\n')).toMatch(/s\.graphml:\d+: error: <edge id="e\d" source="\S+" target="\S+"> \(edges\[\d\]\): a cycle of subordination .*\[cycle\]/);
  });
});
