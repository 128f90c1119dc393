/**
 * The apparatus graph against the thesis: Tables 6-2, 6-7 and 6-8, the obkom's departments and
 * sectors at each reorganisation (§3.1.1), the gorkom (§3.1.2), the urban raikoms' apparatus
 * (§3.1.3), the secretaries (§6.1.2), and the sources' line ranges and quotations.
 */
import { describe, expect, it } from 'vitest';
import { at } from '../../../src/model/model.ts';
import { figureRows, postRows } from '../../../src/model/queries.ts';
import type { Snapshot } from '../../../src/model/snapshot.ts';
import { model, snap, valuesAt } from './load.ts';

const ID = 'leningrad-apparatus';

function children(s: Snapshot, id: string, type?: string): string[] {
  return (s.children.get(id) ?? []).filter((c) => !type || s.organs.get(c)!.type === type);
}
function sorted(xs: string[]): string[] {
  return [...xs].sort();
}
/** Sectors in a subtree: single ones count 1, counted groups their count(s) (min, max). */
function sectorsUnder(s: Snapshot, root: string): { min: number; max: number } {
  let min = 0;
  let max = 0;
  const stack = [root];
  while (stack.length) {
    const id = stack.pop()!;
    for (const c of s.children.get(id) ?? []) {
      stack.push(c);
      const o = s.organs.get(c)!;
      if (o.type !== 'sector') continue;
      if (o.counted) {
        const counts = (o.figures.get('count') ?? []).map((f) => f.value);
        min += Math.min(...counts);
        max += Math.max(...counts);
      } else {
        min += 1;
        max += 1;
      }
    }
  }
  return { min, max };
}
/** Department -> head's name, for the obkom departments at a table date. */
function heads(date: string, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of postRows(model(ID), at(date))) {
    if (r.post !== 'head of department' || !r.organ.startsWith(prefix)) continue;
    expect(out[r.organ], `two heads of ${r.organ} at ${date}`).toBeUndefined();
    out[r.organ] = r.personName;
  }
  return out;
}

describe('Table 6-7: heads of obkom departments (lines 14321-14358)', () => {
  // Read from the OCR'd table: columns March 1929, March 1930, Sept. 1930, Jan. 1932.
  it('March 1929', () => {
    expect(heads('1929-03', 'obkom-dept-')).toEqual({
      'obkom-dept-orgraspred': 'M. S. Chudov',
      'obkom-dept-agitprop': 'A. I. Stetskii',
      'obkom-dept-party-history': 'P. F. Kudeir',
      'obkom-dept-general': 'N. F. Sveshnikov',
      'obkom-dept-rural': "N. Ia. Kuz'min",
      'obkom-dept-women': 'L. K. Shaposhnikova',
    });
  });
  it('March 1930', () => {
    expect(heads('1930-03', 'obkom-dept-')).toEqual({
      'obkom-dept-org-instr': 'P. N. Sirotinin',
      'obkom-dept-assignment': 'A. V. Osinov',
      'obkom-dept-agitation-mass': 'F. Ivanov',
      'obkom-dept-culture-prop': 'A. I. Ugarov',
      'obkom-dept-party-history': 'P. F. Kudeir',
      'obkom-dept-general': 'N. F. Sveshnikov',
    });
  });
  it('September 1930', () => {
    expect(heads('1930-09', 'obkom-dept-')).toEqual({
      'obkom-dept-org-instr': 'A. V. Osinov',
      'obkom-dept-assignment': 'V. S. Voltsit',
      'obkom-dept-agitation-mass': 'F. Ivanov',
      'obkom-dept-culture-prop': 'A. I. Ugarov',
      'obkom-dept-party-history': 'P. F. Kudeir',
      'obkom-dept-general': 'N. F. Sveshnikov',
    });
  });
  it('January 1932', () => {
    expect(heads('1932-01', 'obkom-dept-')).toEqual({
      'obkom-dept-org-instr': 'A. P. Sorokin',
      'obkom-dept-assignment': 'A. A. Nekrasov',
      'obkom-dept-agitation-mass': 'B. B. Rodenkov',
      'obkom-dept-culture-prop': 'A. E. Romanov',
      'obkom-dept-general': 'N. F. Sveshnikov',
    });
  });
  it('table note: Stetskii promoted in December 1929, replaced by Pozern', () => {
    const dec = postRows(model(ID), at('1929-12')).filter((r) => r.organ === 'obkom-dept-agitprop').map((r) => r.personName);
    expect(sorted(dec)).toEqual(['A. I. Stetskii', 'B. P. Pozern']);
    expect(heads('1930-01', 'obkom-dept-agitprop')).toEqual({ 'obkom-dept-agitprop': 'B. P. Pozern' });
  });
  it('gorkom department heads, January and October 1932 (lines 14262-14271)', () => {
    expect(heads('1932-01', 'gorkom-dept-')).toEqual({
      'gorkom-dept-org-instr': "S. Ia. Shul'man",
      'gorkom-dept-cadres': 'M. N. Rozov',
      'gorkom-dept-culture-prop': 'A. I. Ugarov',
      'gorkom-dept-mass-work': 'F. N. Ivanov',
    });
    expect(heads('1932-11', 'gorkom-dept-culture-prop')).toEqual({ 'gorkom-dept-culture-prop': 'L. V. Ermolov' });
  });
});

describe("Table 6-8: first secretaries of Leningrad's raikoms, 1931 and 1932 (lines 14461-14471)", () => {
  const firsts = (year: string) => {
    const out: Record<string, string> = {};
    for (const r of postRows(model(ID), at(year))) if (r.post === 'first secretary' && r.organ.startsWith('raikom-')) out[r.organName] = r.personName;
    return out;
  };
  it('1931', () => {
    expect(firsts('1931')).toEqual({
      'Moskovskii raikom': 'P. I. Bushuev',
      'Narvskii raikom': 'I. I. Gaza',
      "Oktiabr'skii raikom": 'M. A. Osvenskii',
      "Smol'ninskii raikom": 'P. L. Nizovtsev',
      'Vyborgskii raikom': "F. F. Tsar'kov",
      // Volodarskii: n. d.
      'Vasileostrovskii raikom': 'P. I. Smorodin',
      'Petrogradskii raikom': 'S. M. Sobolev',
    });
  });
  it('1932', () => {
    expect(firsts('1932')).toEqual({
      'Moskovskii raikom': 'P. I. Bushuev',
      'Narvskii raikom': 'I. I. Alekseev',
      "Oktiabr'skii raikom": 'M. A. Osvenskii',
      "Smol'ninskii raikom": 'A. S. Miloslavskii',
      'Vyborgskii raikom': 'P. I. Smorodin',
      'Volodarskii raikom': 'P. L. Nizovtsev',
      'Vasileostrovskii raikom': 'V. S. Voltsit',
      'Petrogradskii raikom': 'S. M. Sobolev',
    });
  });
  it('the raikoms are under the gorkom in 1932 and under the obkom in 1931', () => {
    expect(snap(ID, '1932-03').organs.get('raikom-narvskii')!.parent).toBe('gorkom');
    expect(snap(ID, '1931-05').organs.get('raikom-narvskii')!.parent).toBe('obkom');
  });
});

describe('Table 6-2: party staff in the Leningrad region, March 1929 (lines 13635-13647)', () => {
  // Responsible / technical: obkom 60/60; urban raikoms 124/96; factory party cells 409/101; okruzhkoms 119/50; rural raikoms 184/72.
  const rows: [string, number, number][] = [
    ['obkom', 60, 60],
    ['urban-raikoms', 124, 96],
    ['factory-party-organisations', 409, 101],
    ['okruzhkoms', 119, 50],
    ['rural-raikoms', 184, 72],
  ];
  for (const [organ, resp, tech] of rows) {
    it(organ, () => {
      expect(valuesAt(ID, organ, 'responsible-staff', '1929-03')).toEqual([resp]);
      expect(valuesAt(ID, organ, 'technical-staff', '1929-03')).toEqual([tech]);
    });
  }
  it('the figures at March 1929 sum to the text: 593 responsible and 257 technical outside the countryside (line 13651)', () => {
    const rowsAt = figureRows(model(ID), { at: at('1929-03') });
    const sum = (measure: string, organs: string[]) =>
      rowsAt.filter((r) => r.measure === measure && organs.includes(r.organ)).reduce((a, r) => a + r.value, 0);
    const city = ['obkom', 'urban-raikoms', 'factory-party-organisations'];
    expect(sum('responsible-staff', city)).toBe(593);
    expect(sum('technical-staff', city)).toBe(257);
    // "a total of 425 staff employed in the countryside in 1929 (including those employed in the okruzhkoms)" (line 13940)
    const country = ['okruzhkoms', 'rural-raikoms'];
    expect(sum('responsible-staff', country) + sum('technical-staff', country)).toBe(425);
  });
  it('rural raikoms 1930: 380 responsible, 138 technical, 518 in all (lines 13940-13946)', () => {
    expect(valuesAt(ID, 'rural-raikoms', 'responsible-staff', '1930')).toEqual([380]);
    expect(valuesAt(ID, 'rural-raikoms', 'technical-staff', '1930')).toEqual([138]);
    expect(valuesAt(ID, 'rural-raikoms', 'staff', '1930')).toEqual([518]);
  });
  it('77 unpaid obkom instructors in June 1929 (line 14368)', () => {
    expect(valuesAt(ID, 'obkom-instructors', 'instructors', '1929-06')).toEqual([77]);
  });
});

describe('bureaux and secretariats (§3.1.1, §3.1.2, §6.1.5)', () => {
  it('obkom bureau: 30+9 in 1929, 31+6 in 1930, 22+9 in 1931 and 1932 (line 5099); 29+9 in March 1929 (line 14966) kept beside', () => {
    const b = (d: string) => [valuesAt(ID, 'obkom-bureau', 'bureau-size', d), valuesAt(ID, 'obkom-bureau', 'candidates', d)];
    expect(b('1929')).toEqual([[30], [9]]);
    expect(b('1929-03')).toEqual([[29], [9]]);
    expect(b('1930')).toEqual([[31], [6]]);
    expect(b('1931')).toEqual([[22], [9]]);
    expect(b('1932')).toEqual([[22], [9]]);
  });
  it('obkom secretariat: 2+3 (1929), 3+2 (1930), 5+3 from December 1931 (line 5165)', () => {
    expect(valuesAt(ID, 'obkom-secretariat', 'secretaries', '1929')).toEqual([2]);
    expect(valuesAt(ID, 'obkom-secretariat', 'members', '1929')).toEqual([5]);
    expect(valuesAt(ID, 'obkom-secretariat', 'secretaries', '1930')).toEqual([3]);
    expect(valuesAt(ID, 'obkom-secretariat', 'secretaries', '1931-12')).toEqual([5]);
    expect(valuesAt(ID, 'obkom-secretariat', 'members', '1931-12')).toEqual([8]);
    // The secretariat met 94, 65, 38, 43 and 50 times, 1928-1932 (line 5242).
    expect([1928, 1929, 1930, 1931, 1932].map((y) => valuesAt(ID, 'obkom-secretariat', 'meetings', String(y))[0])).toEqual([94, 65, 38, 43, 50]);
  });
  it('gorkom, January 1932: bureau 27+6, secretariat four secretaries and three others, four departments (line 5462)', () => {
    expect(valuesAt(ID, 'gorkom-bureau', 'bureau-size', '1932-01')).toEqual([27]);
    expect(valuesAt(ID, 'gorkom-bureau', 'candidates', '1932-01')).toEqual([6]);
    expect(valuesAt(ID, 'gorkom-secretariat', 'secretaries', '1932-01')).toEqual([4]);
    expect(valuesAt(ID, 'gorkom-secretariat', 'members', '1932-01')).toEqual([7]);
  });
  it('Table 6-6: the gorkom bureau of 29 January 1932 has 27 members (line 14234)', () => {
    const members = postRows(model(ID), at('1932-01')).filter((r) => r.organ === 'gorkom-bureau');
    expect(members).toHaveLength(27);
  });
});

describe('secretaries (§3.1.1, §3.1.2, §6.1.2 lines 13995-14017)', () => {
  const holders = (organ: string, date: string) =>
    postRows(model(ID), at(date))
      .filter((r) => r.organ === organ && /secretary/.test(r.post))
      .map((r) => `${r.post}: ${r.personName}`)
      .sort();
  it('obkom, 1929: Kirov and Chudov (two secretaries)', () => {
    expect(holders('obkom', '1929-06')).toEqual(['first secretary: S. M. Kirov', 'second secretary: M. S. Chudov']);
  });
  it('obkom, 1931-06: Kirov, Chudov and Pozern (third from April 1930)', () => {
    expect(holders('obkom', '1931-06')).toEqual(['first secretary: S. M. Kirov', 'second secretary: M. S. Chudov', 'third secretary: B. P. Pozern']);
  });
  it('obkom, February 1932: five secretaries, Struppe second instead of Chudov', () => {
    expect(holders('obkom', '1932-02')).toEqual([
      'first secretary: S. M. Kirov',
      'fourth secretary: A. V. Osinov',
      'second secretary: P. I. Struppe',
      'secretary in charge of transport: A. A. Nikulin',
      'third secretary: P. A. Irklis',
    ]);
  });
  it('gorkom, February 1932: Kirov, Chudov, Pozern, Gaza', () => {
    expect(holders('gorkom', '1932-02')).toEqual([
      'first secretary: S. M. Kirov',
      'fourth secretary: I. I. Gaza',
      'second secretary: M. S. Chudov',
      'third secretary: B. P. Pozern',
    ]);
  });
  it('gorkom, July 1932: Gaza second, Ugarov secretary; obkom: Chudov back, Nizovtsev secretary', () => {
    expect(holders('gorkom', '1932-07')).toEqual([
      'first secretary: S. M. Kirov',
      'second secretary: I. I. Gaza',
      'secretary: A. I. Ugarov',
      'third secretary: B. P. Pozern',
    ]);
    const obkom = holders('obkom', '1932-07');
    expect(obkom).toContain('second secretary: M. S. Chudov');
    expect(obkom).toContain('secretary: P. L. Nizovtsev');
    expect(obkom).not.toContain('second secretary: P. I. Struppe');
  });
});

describe('the obkom apparatus at each reorganisation (§3.1.1)', () => {
  const SEC = 'obkom-secretariat';
  it('1929-06: six departments (line 5263): orgraspredotdel, agitpropotdel, general, women, party history, rural affairs', () => {
    const s = snap(ID, '1929-06');
    expect(sorted(children(s, SEC, 'department'))).toEqual(
      sorted(['obkom-dept-orgraspred', 'obkom-dept-agitprop', 'obkom-dept-general', 'obkom-dept-women', 'obkom-dept-party-history', 'obkom-dept-rural']),
    );
    expect(sectorsUnder(s, 'obkom')).toEqual({ min: 0, max: 0 });
    expect(children(s, 'obkom-dept-orgraspred')).toHaveLength(3); // three sections (footnote, line 5317)
  });
  it('1930-02: orgraspredotdel and agitpropotdel split, women and rural gone, 18 sectors (lines 5305-5335)', () => {
    const s = snap(ID, '1930-02');
    expect(sorted(children(s, SEC, 'department'))).toEqual(
      sorted(['obkom-dept-org-instr', 'obkom-dept-assignment', 'obkom-dept-agitation-mass', 'obkom-dept-culture-prop', 'obkom-dept-general', 'obkom-dept-party-history']),
    );
    expect(sectorsUnder(s, SEC)).toEqual({ min: 18, max: 18 });
    for (const named of ['obkom-sector-women', 'obkom-sector-information', 'obkom-sector-verification']) expect(s.organs.has(named)).toBe(true);
  });
  it('1930-08: still four functional departments and 18 sectors after the okruzhkoms went (line 5345)', () => {
    const s = snap(ID, '1930-08');
    expect(sectorsUnder(s, SEC)).toEqual({ min: 18, max: 18 });
    expect(s.organs.has('okruzhkoms')).toBe(false);
    expect(s.organs.get('rural-raikoms')!.parent).toBe('obkom');
    expect(snap(ID, '1930-05').organs.get('rural-raikoms')!.parent).toBe('okruzhkoms');
  });
  it('1931-05: Figure 3-1, four departments with their sectors (lines 5399-5425)', () => {
    const s = snap(ID, '1931-05');
    const oi = children(s, 'obkom-dept-org-instr');
    expect(oi).toHaveLength(8); // three functional + five production-territorial
    expect(oi.filter((c) => s.organs.get(c)!.typeLabel === 'production-territorial sector')).toHaveLength(5);
    expect(children(s, 'obkom-dept-agitation-mass')).toHaveLength(4);
    expect(children(s, 'obkom-dept-culture-prop')).toHaveLength(4);
    expect(children(s, 'obkom-dept-assignment')).toEqual(['obkom-sector-vuz-cadres']);
    expect(s.organs.get('obkom-dept-assignment')!.name).toBe('department for cadres');
    expect(s.organs.has('obkom-sector-information')).toBe(false); // abolished April 1931
    expect(snap(ID, '1930-06').organs.get('obkom-dept-assignment')!.name).toBe('department for assignment');
  });
  it('1932-03: five departments mentioned in January 1932 (line 5433); the gorkom with four (line 5466)', () => {
    const s = snap(ID, '1932-03');
    expect(sorted(children(s, SEC, 'department'))).toEqual(
      sorted(['obkom-dept-assignment', 'obkom-dept-org-instr', 'obkom-dept-culture-prop', 'obkom-dept-agitation-mass', 'obkom-dept-general']),
    );
    expect(sorted(children(s, 'gorkom-secretariat', 'department'))).toEqual(
      sorted(['gorkom-dept-org-instr', 'gorkom-dept-cadres', 'gorkom-dept-culture-prop', 'gorkom-dept-mass-work']),
    );
    expect(s.organs.get('gorkom')!.parent).toBe('obkom');
    expect(s.organs.get('urban-raikoms')!.parent).toBe('gorkom');
  });
  it('1934: the functional departments give way to production-branch departments (line 5444)', () => {
    // "In 1934": both stand during the year of the change, as the thesis gives no month.
    const s = snap(ID, '1934');
    expect(s.organs.has('obkom-dept-org-instr')).toBe(true);
    expect(s.organs.has('obkom-depts-production-branch')).toBe(true);
    expect(snap(ID, '1933-06').organs.has('obkom-depts-production-branch')).toBe(false);
    expect(snap(ID, '1935-01').organs.has('obkom-dept-org-instr')).toBe(false);
    expect(snap(ID, '1935-01').organs.has('obkom-dept-general')).toBe(true); // its fate is not said
  });
  it('no gorkom before December 1931 (lines 4731-4737, 5462)', () => {
    expect(snap(ID, '1931-11').organs.has('gorkom')).toBe(false);
    expect(snap(ID, '1931-12').organs.has('gorkom')).toBe(true);
  });
});

describe("the urban raikoms' apparatus (§3.1.3, lines 5664-5706)", () => {
  const UR = 'urban-raikoms';
  it('1928: orgraspredotdel, agitpropotdel, department for women and information subdivision', () => {
    const s = snap(ID, '1929-06');
    expect(sorted(children(s, UR).filter((c) => c.startsWith('raikom-1928-')))).toEqual(
      sorted(['raikom-1928-orgraspred', 'raikom-1928-agitprop', 'raikom-1928-women', 'raikom-1928-information']),
    );
  });
  it('January 1930: departments abolished, four sectors', () => {
    const s = snap(ID, '1930-02');
    expect(children(s, UR, 'department')).toEqual([]);
    expect(sectorsUnder(s, UR)).toEqual({ min: 4, max: 4 });
  });
  it('April 1930: four functional departments and a general one, 14 sectors', () => {
    const s = snap(ID, '1930-05');
    expect(children(s, UR, 'department')).toHaveLength(5);
    expect(sectorsUnder(s, UR)).toEqual({ min: 14, max: 14 });
    const per = ['raikom-dept-org-instr', 'raikom-dept-cadres', 'raikom-dept-culture-prop', 'raikom-dept-mass-work', 'raikom-dept-general'].map(
      (d) => children(s, d).length,
    );
    expect(per).toEqual([3, 4, 3, 4, 0]);
  });
});

