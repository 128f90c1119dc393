/** The staff norms of §6.1.1 against the thesis: Tables 6-1 (Leningrad's column), 6-3, 6-4 and 6-5, read through `figureRows`. */
import { describe, expect, it } from 'vitest';
import { at } from '../../../src/model/model.ts';
import { figureRows } from '../../../src/model/queries.ts';
import { model, snap } from './load.ts';

const ID = 'prescribed-party-staff';

/** measure -> values of one organ's figures in force at a date (conflicting ones side by side, sorted). */
function norm(organ: string, date: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const r of figureRows(model(ID), { at: at(date), organ })) (out[r.measure] ??= []).push(r.value);
  for (const v of Object.values(out)) v.sort((a, b) => a - b);
  return out;
}
/** Staff under a norm: [responsible, technical] of its parts, as a table's rows read. */
function parts(organ: string, date: string): Record<string, [number, number]> {
  const s = snap(ID, date);
  const out: Record<string, [number, number]> = {};
  for (const c of s.children.get(organ) ?? []) {
    const n = norm(c, date);
    out[s.organs.get(c)!.name.replace(' (staff norm)', '')] = [n['responsible-staff'][0], n['technical-staff'][0]];
  }
  return out;
}

describe('Table 6-1: the Leningrad obkom, September 1928 (lines 13586-13608)', () => {
  it('105 staff at most, 54 responsible and 51 technical, by department', () => {
    expect(norm('obkom', '1929')).toMatchObject({ staff: [105], 'responsible-staff': [54], 'technical-staff': [51], secretaries: [2] });
    expect(parts('obkom', '1929')).toEqual({
      'managers (administration)': [4, 43],
      orgraspredotdel: [23, 5],
      agitpropotdel: [14, 2],
      'department for women': [5, 1],
      'department for rural affairs': [6, 0],
    });
  });
  it('the rows add up to the total, responsible and technical', () => {
    const p = Object.values(parts('obkom', '1929'));
    expect(2 + p.reduce((a, [r]) => a + r, 0)).toBe(54);
    expect(p.reduce((a, [, t]) => a + t, 0)).toBe(51);
  });
  it('stands beside what existed: 60 and 60 in March 1929 (Table 6-2, leningrad-apparatus)', () => {
    const actual = figureRows(model('leningrad-apparatus'), { at: at('1929-03'), organ: 'obkom' });
    expect(actual.find((r) => r.measure === 'responsible-staff')?.value).toBeGreaterThan(norm('obkom', '1929-03')['responsible-staff'][0]);
  });
});

describe('the urban raikom of more than 3,500 communists (lines 13609-13622)', () => {
  it('nine staff: five responsible, four technical', () => {
    expect(norm('urban-raikom-norm', '1929')).toMatchObject({ staff: [9], 'responsible-staff': [5], 'technical-staff': [4], 'min-members': [3500] });
  });
});

describe('Table 6-3: okruzhkoms by the communists in the okrug, September 1928 (lines 13756-13782)', () => {
  const cols: [string, number, number, number, Record<string, [number, number]>][] = [
    ['5000-10000', 5000, 21, 15, { 'managers (administration)': [1, 6], orgraspredotdel: [7, 0], agitpropotdel: [4, 0], 'department for women': [2, 0] }],
    ['2500-5000', 2500, 17, 11, { 'managers (administration)': [1, 5], orgraspredotdel: [5, 1], agitpropotdel: [2, 0], 'department for women': [2, 0] }],
    ['1500-2500', 1500, 14, 9, { 'managers (administration)': [0, 4], orgraspredotdel: [4, 1], agitpropotdel: [2, 0], 'department for women': [2, 0] }],
    ['800-1500', 800, 10, 6, { 'managers (administration)': [0, 3], orgraspredotdel: [3, 1], agitpropotdel: [1, 0], 'department for women': [1, 0] }],
  ];
  for (const [sfx, min, total, resp, rows] of cols)
    it(`${sfx}: ${total} (${resp})`, () => {
      const id = `okruzhkom-norm-${sfx}`;
      const n = norm(id, '1929-06');
      expect(n['min-members']).toEqual([min]);
      expect(n.staff).toEqual([total]);
      expect(n['responsible-staff']).toEqual([resp]);
      expect(n['technical-staff']).toEqual([total - resp]);
      expect(n.secretaries).toEqual([1]);
      expect(parts(id, '1929-06')).toEqual(rows);
    });
  it('the text reads the columns so too: Luga nine and five, Lodeinoe pole and Murmansk six and four (lines 13811-13819)', () => {
    expect(norm('okruzhkom-norm-1500-2500', '1929')['technical-staff']).toEqual([5]);
    expect(norm('okruzhkom-norm-800-1500', '1929')['responsible-staff']).toEqual([6]);
  });
  it('the norms lapse with the okruzhkoms in July 1930', () => {
    expect(snap(ID, '1931').organs.has('okruzhkom-norm-2500-5000')).toBe(false);
  });
});

describe('Table 6-4: rural raikoms by communists, September 1928 (lines 13822-13846)', () => {
  const cols: [string, number, number, number][] = [
    ['1200-3000', 6, 1, 1],
    ['800-1200', 5, 0, 1],
    ['500-800', 4, 0, 0],
    ['100-500', 2, 0, 0],
    ['up-to-100', 1, 0, 0],
  ];
  for (const [sfx, total, technical, instructors] of cols)
    it(`${sfx}: ${total}`, () => {
      const n = norm(`rural-raikom-norm-1928-${sfx}`, '1929');
      expect(n.staff).toEqual([total]);
      expect(n['technical-staff']).toEqual([technical]);
      expect(n.secretaries).toEqual([1]);
      expect(n.instructors).toEqual([instructors]);
    });
  it('gives way to the 1930 categories', () => {
    expect(snap(ID, '1931').organs.has('rural-raikom-norm-1928-1200-3000')).toBe(false);
    expect(snap(ID, '1931').organs.has('rural-raikom-category-1')).toBe(true);
  });
});

describe('Table 6-5: rural raikoms by category, 1930 (lines 13879-13907)', () => {
  const rows: [number, number | null, number | null, number | null, number, number][] = [
    [1, 1000, 50, 70000, 5, 3],
    [2, 750, 40, 50000, 5, 2],
    [3, 500, 30, 40000, 4, 2],
    [4, 200, 15, 30000, 4, 1],
    [5, null, null, null, 3, 1],
  ];
  for (const [n, members, cells, population, resp, tech] of rows)
    it(`category ${n}`, () => {
      const f = norm(`rural-raikom-category-${n}`, '1931');
      expect(f['responsible-staff']).toEqual([resp]);
      expect(f['technical-staff'][0]).toBe(tech);
      if (members !== null) expect([f['min-members'], f.cells, f.population]).toEqual([[members], [cells], [population]]);
      else expect([f.members, f.cells, f.population]).toEqual([[200], [15], [30000]]); // 'under'
    });
  it("keeps the text's three technical staff for category three beside the table's two (line 13869)", () => {
    expect(norm('rural-raikom-category-3', '1931')['technical-staff']).toEqual([2, 3]);
  });
});
