/**
 * Spreadsheets as people make them, opened as the app opens them (bytes through the import
 * worker's code) and as the CLI does: encodings, blank rows, Palladio's and Kumu's conventions,
 * dates typed the spreadsheet way, and a CSV export that Excel opens in the right encoding.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importPath } from '../../src/cli/interchange.ts';
import { exportCsv } from '../../src/io/csv.ts';
import { formatIssue } from '../../src/io/graph-file.ts';
import { decodeText } from '../../src/io/text-decoding.ts';
import { runImport } from '../../src/io/worker.ts';
import { sample } from './graphs.ts';

const DIR = 'test/fixtures/spreadsheets';
const open = async (...names: string[]) =>
  runImport({ files: names.map((name) => ({ name, file: new Blob([readFileSync(`${DIR}/${name}`)]) })), context: { known: [], reserved: [] } });
const errors = <T extends { severity: string }>(issues: T[]) => issues.filter((i) => i.severity === 'error');
const names = (g: { organs: { names: { name: string }[] }[] } | undefined) => g?.organs.map((o) => o.names[0].name);

describe('encodings', () => {
  test.each([
    ['cp1251.csv', 'Ленинградский обком', /Windows-1251/],
    ['cp1252.csv', "Ministère de l'Intérieur", /Windows-1252/],
    ['utf16-unicode-text.csv', 'Ленинградский обком', undefined],
    ['utf8-bom.csv', 'Ленинградский обком', undefined],
  ])('%s reads with its letters intact', async (file, first, warning) => {
    const [r] = await open(file);
    expect(errors(r.issues)).toEqual([]);
    expect(names(r.graph)![0]).toBe(first);
    const said = r.issues.find((i) => i.rule === 'encoding');
    if (warning) expect(said?.message).toMatch(warning);
    else expect(said).toBeUndefined();
  });

  test('the CLI reads the same bytes the same way', () => {
    const r = importPath('csv', `${DIR}/cp1251.csv`);
    expect(names(r.graph)).toEqual(['Ленинградский обком', 'Орготдел']);
    expect(r.issues.map(formatIssue).join('\n')).toMatch(/cp1251\.csv: warning: .*Windows-1251/);
  });

  test('plain ASCII and UTF-8 are not guessed at', () => {
    expect(decodeText(new TextEncoder().encode('id,label\na,Å'), 'x.csv')).toMatchObject({ encoding: 'utf-8', issues: [] });
  });
});

describe('what spreadsheets write', () => {
  test('rows of bare separators are blank rows, skipped', async () => {
    const [r] = await open('blank-rows.csv');
    expect(errors(r.issues)).toEqual([]);
    expect(r.graph!.organs.map((o) => o.id)).toEqual(['obkom', 'org']);
  });

  test("Palladio's Start Date and End Date are lifetimes and spells", async () => {
    const [r] = await open('palladio.csv');
    expect(errors(r.issues)).toEqual([]);
    expect(r.graph!.organs[1].exists).toEqual([{ start: '1927-11-01', end: '1930-06-30' }]);
    expect(r.graph!.edges).toEqual([{ child: 'org', parent: 'obkom', start: '1927-11-01', end: '1930-06-30' }]);
  });

  test('a date typed the spreadsheet way is refused once, with the EDTF it probably means', async () => {
    const [r] = await open('spreadsheet-dates.csv');
    const lines = errors(r.issues).map(formatIssue);
    expect(lines.filter((l) => l.includes('"01.11.1927"'))).toEqual([expect.stringMatching(/spreadsheet-dates\.csv:2: .*column "start".*"01\.11\.1927" probably means 1927-11-01/)]);
    expect(lines.filter((l) => l.includes('"11/1/1927"'))).toEqual([expect.stringMatching(/:3: .*1927-11-01 \(month first\) or 1927-01-11 \(day first\)/)]);
    expect(lines.filter((l) => l.includes('"July 1930"'))).toEqual([expect.stringMatching(/:3: .*column "end".*probably means 1930-07/)]);
  });

  test('a table separated by spaces says so', async () => {
    const [r] = await open('space-separated.csv');
    expect(errors(r.issues).map(formatIssue)).toEqual([expect.stringMatching(/space-separated\.csv:1: error: header row: .*separated by spaces/)]);
  });

  test("Kumu's elements and connections, identity by label", async () => {
    const [r] = await open('kumu-elements.csv', 'kumu-connections.csv');
    expect(errors(r.issues)).toEqual([]);
    expect(r.graph!.organs.map((o) => [o.id, o.type, o.names[0].name])).toEqual([
      ['leningrad-obkom', 'obkom', 'Leningrad obkom'],
      ['organisational-department', 'department', 'Organisational department'],
    ]);
    expect(r.graph!.edges).toEqual([{ child: 'organisational-department', parent: 'leningrad-obkom', start: '1927', end: '1930' }]);
  });

  test('a Kumu connection to a label that is no element is placed on its row', async () => {
    const files = { 'elements.csv': 'Label\nA\n', 'connections.csv': 'From,To\nA,B\n' };
    const r = (await runImport({ files: Object.entries(files).map(([name, text]) => ({ name, text })), context: { known: [], reserved: [] } }))[0];
    expect(errors(r.issues).map(formatIssue)).toEqual(['connections.csv:2: error: column "To": "B" is not the label of an element in elements.csv [unknown-id]']);
  });
});

test('CSV export starts with a byte order mark, so that Excel reads it as UTF-8', () => {
  for (const text of Object.values(exportCsv(sample()))) expect(text.charCodeAt(0)).toBe(0xfeff);
});
