/**
 * Table 6-6 (lines 14174-14232): the Leningrad gorkom bureau elected on 29 January 1932, each member
 * with social origin, year of entry into the party and post — reproduced from the people of
 * leningrad-apparatus through the `people` command, and the text's tallies below it (lines 14234-14238).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main.ts';
import { personCareer } from '../../../src/model/across.ts';
import { bundled, model, numberNear, thesisText } from './load.ts';

const ID = 'leningrad-apparatus';

interface Row {
  person: string;
  personName: string;
  organ?: string;
  personAttributes: { attribute: string; value: string; date?: string; sources: string[] }[];
}

/** `people leningrad-apparatus --at 1932-01-29 --json`, as a user would run it. */
function peopleAt(date: string): Row[] {
  const out: string[] = [];
  expect(run(['people', ID, '--at', date, '--json'], (s) => out.push(s), () => {})).toBe(0);
  return JSON.parse(out.join('\n')) as Row[];
}

/** The table as the bureau's members' attributes give it: name, social origin, year of entry, post. */
function table(): string[][] {
  const members = peopleAt('1932-01-29').filter((r) => r.organ === 'gorkom-bureau');
  const value = (r: Row, a: string) => r.personAttributes.filter((x) => x.attribute === a).map((x) => x.value);
  return members.map((r) => [r.personName, ...value(r, 'social-origin'), ...value(r, 'party-entry'), ...value(r, 'position')]);
}

// The table's rows, read from the OCR (lines 14184-14228) with its errors mended: "Leningi'ad",
// "tiade", "secretaiy", "Peti'ogradskii", "disti'ict", "seeretary", "1.1." for "I. I.", "Pozem" for Pozern.
const TABLE_6_6 = [
  ['I. I. Alekseev', 'worker', '1917', 'secretary of Narvskii raikom'],
  ['P. A. Alekseev', 'worker', '1914', 'chairman of Leningrad oblast council of trade unions'],
  ["S. I. Afanas'ev", 'employee', '1912', 'chairman of cauldron-turbine (kotloturbina)'],
  ['D. P. Belitskii', 'employee', '1919', 'technical editor of Leningradskaia pravda'],
  ['P. I. Bushuev', 'worker', '1911', 'secretary of Moskovskii raikom'],
  ['V. S. Voltsit', 'worker', '1912', 'secretary of Vasileostrovskii raikom'],
  ['I. S. Vaushlia', 'worker', '1925', 'second secretary of the Leningrad committee of Komsomol'],
  ['I. I. Gaza', 'worker', '1917', 'secretary of Leningrad gorkom'],
  ['I. F. Kadatskii', 'worker', '1914', 'chairman of the Leningrad Soviet'],
  ['S. M. Kirov', 'employee', '1904', 'first secretary of Leningrad obkom and gorkom'],
  ["I. I. Kondrat'ev", 'worker', '1905', 'chairman of union trust of shipyard'],
  ["F. D. Medved'", 'employee', '1907', 'head of Unified State Political Administration; the political police'],
  ['A. S. Miloslavskii', 'worker', '1918', "secretary of Smol'ninskii raikom"],
  ['P. L. Nizovtsev', 'worker', '1919', 'secretary of Volodarskii raikom'],
  ['M. A. Osvenskii', 'employee', '1917', "secretary of Oktiabr'skii raikom"],
  ['B. P. Pozern', 'worker', '1902', 'secretary of Leningrad gorkom'],
  ['G. N. Pylaev', 'worker', '1912', 'chairman of Leningrad oblast Council for the National Economy'],
  ['M. M. Serganin', 'worker', '1912', "chairman of Leningrad union of consumers' society"],
  ['P. I. Smorodin', 'worker', '1917', 'secretary of Vyborgskii raikom'],
  ['S. M. Sobolev', 'worker', '1918', 'secretary of Petrogradskii raikom'],
  ['P. I. Struppe', 'employee', '1907', 'second secretary of Leningrad obkom'],
  ['I. E. Slavin', 'employee', '1917', 'head of political control of military district'],
  ['A. I. Ugarov', 'employee', '1918', 'head of the culture and propaganda department (gorkom)'],
  ["F. F. Tsar'kov", 'worker', '1906', 'chairman of Lenobispolkom'],
  ['M. S. Chudov', 'worker', '1913', 'secretary of Leningrad gorkom'],
  ['L. K. Shaposhnikova', 'worker', '1917', 'secretary of Leningrad oblast council of trade unions'],
  ['V. M. Petrovskii', 'employee', '1920', 'deputy chairman of Leningrad oblast council for the National Economy'],
];

describe('Table 6-6: Leningrad gorkom bureau members, January 1932', () => {
  it('every row, from the people command at 29 January 1932', () => {
    const byName = (a: string[], b: string[]) => a[0].localeCompare(b[0]);
    expect(table().sort(byName)).toEqual([...TABLE_6_6].sort(byName));
  });

  it("every year of entry and every surname stands on the table's lines", () => {
    const lines = thesisText().split('\n').slice(14183, 14228).join(' ');
    for (const [name, , year] of TABLE_6_6) {
      const surname = name.split(' ').pop()!.replace(/['’]/g, '').slice(0, 5);
      expect(lines.replace(/['’]/g, ''), name).toContain(surname === 'Pozer' ? 'Pozem' : surname);
      expect(numberNear(Number(year), '14184-14228', 0), `${name} ${year}`).toBe(true);
    }
  });

  it("the text's tallies (lines 14234-14238): 18 workers and nine white-collar; 14 joined before 1915, twelve 1917-1920, one after 1920", () => {
    const rows = table();
    expect(rows.filter((r) => r[1] === 'worker')).toHaveLength(18);
    expect(rows.filter((r) => r[1] === 'employee')).toHaveLength(9);
    const years = rows.map((r) => Number(r[2]));
    expect(years.filter((y) => y < 1915)).toHaveLength(14);
    expect(years.filter((y) => y >= 1917 && y <= 1920)).toHaveLength(12);
    expect(years.filter((y) => y > 1920)).toHaveLength(1);
  });

  it('the text prints the attributes with their source', () => {
    const out: string[] = [];
    run(['people', ID, '--at', '1932-01-29'], (s) => out.push(s), () => {});
    expect(out.find((l) => l.startsWith('I. I. Gaza\tbureau member'))).toMatch(/\tsocial origin: worker; party entry: 1917; position \(29 January 1932\): secretary of Leningrad gorkom \{Table 6-6/);
  });

  it("a person's career gathers the attributes with their citations, once each", () => {
    const c = personCareer(bundled().values(), 'gaza')!;
    expect(c.attributes.map((a) => [a.attribute, a.value, a.citations[0].citation])).toEqual([
      ['social-origin', 'worker', 'Table 6-6, Leningrad gorkom bureau members, January 1932'],
      ['party-entry', '1917', 'Table 6-6, Leningrad gorkom bureau members, January 1932'],
      ['position', 'secretary of Leningrad gorkom', 'Table 6-6, Leningrad gorkom bureau members, January 1932'],
    ]);
  });

  it('people outside the bureau carry no attributes the thesis does not give (footnote 34: no year of entry for Irklis, Osinov, Nikulin)', () => {
    for (const id of ['irklis', 'osinov', 'nikulin']) expect(model(ID).people.get(id)?.attributes).toBeUndefined();
  });
});
