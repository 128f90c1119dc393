/**
 * The officials graph against the thesis: Table 6-9 and the text beside it (§6.2.1), the apparatus
 * in totals (§6.1.1), the okruzhkom secretaries of March 1929 (§6.1.4), the chairmen of the oblast
 * control commission and the purge commissions of 1933.
 */
import { describe, expect, it } from 'vitest';
import { at } from '../../../src/model/model.ts';
import { figureRows, postRows, stats } from '../../../src/model/queries.ts';
import { model, snap, valuesAt } from './load.ts';

const ID = 'leningrad-officials';

describe('Table 6-9: party workers in the lower party organs in Leningrad (lines 15381-15398)', () => {
  // Oct. 1927 / May 1928 / May 1930 / Nov. 1931
  const rows: [string, string, (number | null)[]][] = [
    ['city-kollektiv-bureaux', 'members', [5339, 5555, 7233, 10084]],
    ['city-factory-kollektiv-bureaux', 'members', [3379, 3507, 4945, 6539]],
    ['city-kollektiv-bureaux', 'secretaries', [744, 758, null, null]],
    ['city-workshop-cell-bureaux', 'members', [4492, 5369, 10441, 13407]],
    ['city-workshop-cell-bureaux', 'secretaries', [702, 872, null, null]],
  ];
  const dates = ['1927-10', '1928-05', '1930-05', '1931-11'];
  for (const [organ, measure, values] of rows)
    it(`${organ} ${measure}`, () => {
      dates.forEach((d, i) => {
        const v = values[i];
        if (v === null) expect(valuesAt(ID, organ, measure, d)).toEqual([]); // n. d.
        else expect(valuesAt(ID, organ, measure, d)).toEqual([v]);
      });
    });
  it('the table in force at November 1931, through figureRows', () => {
    const rowsAt = figureRows(model(ID), { at: at('1931-11') });
    const get = (organ: string) => rowsAt.find((r) => r.organ === organ && r.measure === 'members')?.value;
    expect([get('city-kollektiv-bureaux'), get('city-factory-kollektiv-bureaux'), get('city-workshop-cell-bureaux'), get('city-unit-organisers')]).toEqual([
      10084, 6539, 13407, 11430,
    ]);
  });
  it('the 408 factory kollektiv secretaries are dated by the text, May 1928 (line 15422)', () => {
    expect(valuesAt(ID, 'city-factory-kollektiv-bureaux', 'secretaries', '1928-05')).toEqual([408]);
  });
  it("keeps the text's autumn 1927 figures beside the table's (lines 15254-15256)", () => {
    expect(valuesAt(ID, 'city-kollektiv-bureaux', 'members', '1927-23')).toEqual([5439]);
    expect(valuesAt(ID, 'city-kollektiv-bureaux', 'secretaries', '1927-23')).toEqual([762]);
  });
  it('workshop cell bureau members tripled, kollektiv bureau members almost doubled, Oct. 1927 to Nov. 1931 (line 15313)', () => {
    const ratio = (o: string) => valuesAt(ID, o, 'members', '1931-11')[0] / valuesAt(ID, o, 'members', '1927-10')[0];
    expect(ratio('city-workshop-cell-bureaux')).toBeGreaterThan(2.9);
    expect(ratio('city-kollektiv-bureaux')).toBeLessThan(2);
  });
});

describe('unit organisers (chapter 6) against party units with zveno cells (chapter 3), side by side', () => {
  it('9,304 and 11,430 read both ways (lines 6310-6314, 15355-15363)', () => {
    expect(valuesAt(ID, 'city-unit-organisers', 'members', '1930-05')).toEqual([9304]);
    expect(valuesAt(ID, 'city-party-units', 'party-units', '1930-06')).toEqual([9304]);
    expect(valuesAt(ID, 'city-unit-organisers', 'members', '1931-11')).toEqual([11430]);
    expect(valuesAt(ID, 'city-party-units', 'party-units', '1931-12~')).toEqual([11430]);
  });
  it('unit organisers 1928: 5,896 at the beginning, 7,000 at the end; 5,363 party units in January 1934', () => {
    expect(valuesAt(ID, 'city-unit-organisers', 'members', '1928-01')).toEqual([5896]);
    expect(valuesAt(ID, 'city-unit-organisers', 'members', '1928-12~')).toEqual([7000]);
    expect(stats(snap(ID, '1934-01')).find((s) => s.type === 'party-unit')?.max).toBe(5363);
  });
  it('the lower party workers: about 18,000 (autumn 1927), 20,000, over 26,000, 34,921, then 19,000 (January 1934)', () => {
    const lpw = (d: string) => figureRows(model(ID), { at: at(d), organ: 'city-lower-party-workers' })[0];
    expect(lpw('1927-11')).toMatchObject({ value: 18000, qualifier: 'approx' });
    expect(lpw('1930-05')).toMatchObject({ value: 26000, qualifier: 'min' });
    expect(lpw('1932-06').value).toBe(34921);
    expect(lpw('1934-01').value).toBe(19000);
  });
});

describe('full-time officials in the factories (§6.2.1, lines 15536-15571)', () => {
  it('factory party committees: around 400 before the 1932 transfer, 200 after', () => {
    const at1932 = (d: string) => figureRows(model(ID), { at: at(d), organ: 'city-party-committee-officials' }).map((r) => r.value);
    expect(at1932('1932-06')).toEqual([400]);
    expect(at1932('1932-10')).toEqual([200]);
  });
  it('April 1933: 592 of 710 kollektiv secretaries and 501 of about 3,000 workshop cell secretaries full-time', () => {
    expect(valuesAt(ID, 'city-kollektiv-bureaux', 'staff', '1933-04')).toEqual([592]);
    expect(valuesAt(ID, 'city-kollektiv-bureaux', 'secretaries', '1933-04')).toEqual([710]);
    expect(valuesAt(ID, 'city-workshop-cell-bureaux', 'staff', '1933-04')).toEqual([501]);
    expect(valuesAt(ID, 'city-workshop-cell-bureaux', 'secretaries', '1933-04')).toEqual([3000]);
  });
});

describe('the apparatus in totals (§6.1.1)', () => {
  it('593 responsible and 257 technical staff in March 1929 outside the countryside; about 850 at the beginning of 1929 (lines 13651, 13703)', () => {
    expect(valuesAt(ID, 'regional-party-apparatus', 'responsible-staff', '1929-03')).toEqual([593]);
    expect(valuesAt(ID, 'regional-party-apparatus', 'technical-staff', '1929-03')).toEqual([257]);
    expect(valuesAt(ID, 'regional-party-apparatus', 'staff', '1929-01')).toEqual([850]);
  });
  it("the text's 593 and 257 are Table 6-2's obkom, urban raikoms and factory party cells (leningrad-apparatus)", () => {
    const t62 = figureRows(model('leningrad-apparatus'), { at: at('1929-03') });
    const sum = (m: string) =>
      t62.filter((r) => r.measure === m && ['obkom', 'urban-raikoms', 'factory-party-organisations'].includes(r.organ)).reduce((a, r) => a + r.value, 0);
    expect(sum('responsible-staff')).toBe(valuesAt(ID, 'regional-party-apparatus', 'responsible-staff', '1929-03')[0]);
    expect(sum('technical-staff')).toBe(valuesAt(ID, 'regional-party-apparatus', 'technical-staff', '1929-03')[0]);
  });
  it('rural raikoms: 146 secretaries described in May 1930, 111 raikoms by July 1930 (lines 13944, 14688)', () => {
    expect(valuesAt(ID, 'rural-raikoms', 'secretaries', '1930-05')).toEqual([146]);
    expect(stats(snap(ID, '1930-08')).find((s) => s.type === 'rural-raikom')?.max).toBe(111);
  });
  it('the countryside: 425 in 1929, 518 in 1930, well over 2,000 by 1933 (lines 13940-13953)', () => {
    expect(['1929', '1930', '1933'].map((y) => valuesAt(ID, 'countryside-party-apparatus', 'staff', y)[0])).toEqual([425, 518, 2000]);
  });
});

describe('people', () => {
  it('the eight okruzhkom secretaries of March 1929, without their okrugs (lines 14586-14588)', () => {
    const secs = postRows(model(ID), at('1929-03')).filter((r) => r.organ === 'okruzhkoms');
    expect(secs.map((r) => r.personName).sort()).toEqual(
      ['A. A. Babitsyn', 'A. Ia. Faivilovich', 'F. R. Ivanov', 'I. E. Glushenkov', 'P. A. Irklis', 'R. P. Bauze', 'V. P. Vinogradov', 'V. S. Voltsit'].sort(),
    );
    expect(postRows(model(ID), at('1930-03')).filter((r) => r.organ === 'okruzhkoms')).toHaveLength(0);
  });
  it('Irklis and Voltsit are the same people as in leningrad-apparatus', () => {
    for (const p of ['irklis', 'voltsit', 'struppe', 'pozern', 'pylaev']) expect(model('leningrad-apparatus').people.get(p)?.name).toBe(model(ID).people.get(p)?.name);
  });
  it('chairmen of the oblast control commission: Desov, Bordanov from 8 September 1929, Struppe from 1930, Shestakov in May 1933', () => {
    const chair = (d: string) => postRows(model(ID), at(d)).filter((r) => r.organ === 'oblast-control-commission' && r.post === 'chairman').map((r) => r.personName);
    expect(chair('1929-08')).toEqual(['G. A. Desov']);
    expect(chair('1929-10')).toEqual(['P. B. Bordanov']);
    expect(chair('1931-06')).toEqual(['P. I. Struppe']);
    expect(chair('1933-05')).toEqual(['V. I. Shestakov']);
  });
  it('inferred post ends are marked so, with their reasoning', () => {
    const inferred = (model(ID).graph.posts ?? []).filter((p) => p.certainty === 'inferred');
    expect(inferred.map((p) => p.person).sort()).toEqual(['bordanov', 'struppe']);
    for (const p of inferred) expect(p.note).toMatch(/inferred/);
  });
  it('the purge commissions of 1933: the oblast commission of four, ten raion commissions, nine at enterprises (lines 12399-12426)', () => {
    const s = snap(ID, '1933-06');
    expect(postRows(model(ID), at('1933-05')).filter((r) => r.organ === 'oblast-purge-commission-1933')).toHaveLength(4);
    expect(s.children.get('oblast-purge-commission-1933')?.filter((c) => c.startsWith('purge-commission-1933-'))).toHaveLength(9);
    expect(stats(s).find((x) => x.type === 'commission')?.max).toBe(10 + 9 + 1 + 2);
  });
});
