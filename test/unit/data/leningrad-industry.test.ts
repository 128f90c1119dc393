/** Chapter 2's industry against the model: Table 2-9 (lines 3374-3440), the factories of §2.2.1 and the counts of §2.1-2.2. */
import { describe, expect, it } from 'vitest';
import { at } from '../../../src/model/model.ts';
import { figureRows, stats } from '../../../src/model/queries.ts';
import { model, snap, valuesAt } from './load.ts';

const ID = 'leningrad-industry';

// Table 2-9 as printed: id, branch, year of establishment, location, workers 1930, 1931 (null: n. d.).
const T29: [string, string, string | null, string, number | null, number | null][] = [
  ['krasnyi-putilovets', 'machine building, metallurgical works', '1801', 'MN', 17184, 21200],
  ['stalin', 'large scale machine building', '1857', 'VYB', 3946, 5564],
  ['lenin', 'machine building', '1861', 'VOL', 3595, 4700],
  ['elektrosila', 'electro-machine building', '1912', 'MN', 5106, 6752],
  ['krasnaia-zaria', 'telephone', '1897', 'VYB', 4750, 5700],
  ['kazitskii', 'radio set', '1867', 'VAS', 2041, 3467],
  ['sevkabel', 'cable works', '1878', 'VAS', 1870, 2377],
  ['baltic', 'shipbuilding works', '1856', 'VAS', 6931, 8720],
  ['marti', 'shipbuilding works', '1792', 'LEN', 4461, 5950],
  ['severnaia-verf', 'shipbuilding works', '1913', 'MN', 3957, 7460],
  ['krasnyi-vyborzhets', 'copper manufacturing works', '1866', 'VYB', 3215, 3551],
  ['lenenergo', 'thermal-electric station', null, 'LEN', null, null],
  ['krasnyi-treugolnik', 'rubber works', '1860', 'MN', 20807, 25194],
  ['bolshevik', 'steel mill', '1863', 'VOL', null, null],
  ['izhorskii', 'metal working', '1703', 'Kolpino', 7644, 8608],
  ['volkhovskaia-stantsiia', 'hydroelectric power station', '1927', 'LEN', 95, 93],
  ['rabochii', 'spinning and weaving mill', '1839', 'VOL', 3643, 4194],
  ['khalturin', 'spinning mill', '1833', 'TG', 6999, 6991],
  ['krasnaia-nit', 'spinning mill', '1891', 'VYB', 3473, 3766],
  ['krasnyi-tkach', 'woollen cloth', '1841', 'LEN', 1957, 2529],
  ['krasnoe-znamia', 'hosiery, jersey', '1855', 'PET', 5715, 6476],
  ['vereteno', 'textiles, cotton mill', '1835', 'MN', 2114, 2104],
  ['skorokhod', 'shoe factory', '1882', 'MN', 12030, 12337],
  ['proletarskaia-pobeda-1', 'shoe factory', '1910', 'MN', 5249, 2338],
  ['proletarskaia-pobeda-2', 'shoe factory', '1929', 'MN', 2721, 2960],
  ['voroshilov', 'copper manufacturing works', '1924', 'VOL', 708, 1093],
  ['svetlana', 'electric lamps', '1914', 'VYB', 2950, 3050],
  ['elektropribor', 'telegraph, telephone, radio', '1927', 'LEN', 1862, 2628],
  ['elektroapparat', 'electro-machine building', '1910', 'VAS', 2708, 3350],
  ['russkii-dizel', 'machine (diesel) building', '1862', 'VYB', 1743, 2250],
  ['karl-marx', 'industrial machine building', '1909', 'VYB', 4215, 5197],
];
const RAION: Record<string, string> = {
  TG: 'raion-tsentralno-gorodskoi', VAS: 'raion-vasileostrovskii', VYB: 'raion-vyborgskii', MN: 'raion-moskovsko-narvskii', VOL: 'raion-volodarskii', PET: 'raion-petrogradskii',
  LEN: 'leningrad-city', Kolpino: 'leningrad-oblast',
};

describe('Table 2-9: the most important enterprises in the Leningrad region, 1932', () => {
  for (const [id, branch, year, loc, w30, w31] of T29)
    it(id, () => {
      const o = model(ID).organs.get(id)!;
      expect(o.note).toContain(branch);
      expect(o.exists[0].start).toBe(year ?? undefined);
      // where the table places it, in the raions of 1928 (a snapshot after its founding, before the 1930 changes)
      expect(snap(ID, '1929-06').organs.get(id)?.parent).toBe(RAION[loc]);
      const w = (y: string) => figureRows(model(ID), { at: at(y), organ: id }).filter((r) => r.measure === 'workforce' && r.date === y).map((r) => r.value);
      expect(w('1930')).toEqual(w30 === null ? [] : [w30]);
      expect(w('1931')).toEqual(w31 === null ? [] : [w31]);
    });
  it('31 enterprises; only the Izhorskii factory outside the city (line 3436)', () => {
    const s = snap(ID, '1931');
    const inTable = T29.map(([id]) => id);
    expect(inTable.filter((id) => s.organs.has(id))).toHaveLength(31);
    const ancestors = (id: string): string[] => {
      const p = s.organs.get(id)?.parent;
      return p ? [p, ...ancestors(p)] : [];
    };
    const outside = inTable.filter((id) => !ancestors(id).includes('leningrad-city'));
    expect(outside).toEqual(['izhorskii']);
  });
  it('enterprise ids are those of the factory graphs', () => {
    for (const [graph, id] of [['factory-stalin', 'stalin'], ['factory-baltic', 'baltic'], ['factory-skorokhod', 'skorokhod'], ['factory-sevkabel', 'sevkabel']])
      expect(model(graph).organs.get(id)?.exists[0].start).toBe(model(ID).organs.get(id)!.exists[0].start);
    expect(valuesAt('factory-stalin', 'stalin', 'workforce', '1931')).toEqual(valuesAt(ID, 'stalin', 'workforce', '1931'));
  });
  it('an enterprise with a chart of its own drills down into it', () => {
    for (const id of ['krasnyi-putilovets', 'stalin', 'skorokhod', 'kulakov']) {
      const link = model(ID).organs.get(id)?.link;
      expect(link).toBe(`factory-${id}`);
      expect(() => model(link!)).not.toThrow();
    }
    expect(model(ID).organs.get('svetlana')?.link).toBeUndefined();
  });
  it("the MN and TG enterprises stand in the city after 1930: the table gives only the raions of 1928", () => {
    expect(snap(ID, '1931').organs.get('krasnyi-putilovets')?.parent).toBe('leningrad-city');
    expect(snap(ID, '1931').organs.get('stalin')?.parent).toBe('raion-vyborgskii');
  });
});

describe('§2.2.1: factories with their raion of 1928 and former names', () => {
  it('former names are search aliases; Krasnyi putilovets has its names over time (lines 2717-2722)', () => {
    expect(model(ID).organs.get('bolshevik')?.aliases).toContain('Obukhov works');
    expect(model(ID).organs.get('krasnaia-zaria')?.aliases).toContain('Erikson factory');
    const name = (d: string) => snap(ID, d).organs.get('krasnyi-putilovets')?.name;
    expect([name('1850'), name('1900'), name('1928')]).toEqual(['St Petersburg State Iron Works', 'Putilov works', 'Krasnyi putilovets']);
  });
  it('raions of 1928', () => {
    const p = (id: string) => snap(ID, '1928').organs.get(id)?.parent;
    expect(p('znamia-truda')).toBe('raion-petrogradskii');
    expect(p('sverdlov')).toBe('raion-vyborgskii');
    expect(p('egorov')).toBe('raion-moskovsko-narvskii');
    expect(p('uritskii-tobacco')).toBe('raion-vasileostrovskii');
  });
  it('the power station across the Neva is placed in Volodarskii by inference, and says so', () => {
    const e = (model(ID).graph.edges ?? []).find((x) => x.child === 'krasnyi-oktiabr-power-station')!;
    expect(e.certainty).toBe('inferred');
    expect(e.note).toBeTruthy();
  });
  it('chapter 2 reads 1930 as a renaming: one raion, Oktiabr\'skii after Tsentral\'no-gorodskoi (line 2374)', () => {
    expect(snap(ID, '1929').organs.get('raion-tsentralno-gorodskoi')?.name).toBe("Tsentral'no-gorodskoi raion");
    expect(snap(ID, '1931').organs.get('raion-tsentralno-gorodskoi')?.name).toBe("Oktiabr'skii raion");
  });
  it('workforce in 1928 (lines 2801-2832), the textile mills as the thesis guesses them', () => {
    expect(valuesAt(ID, 'krasnyi-treugolnik', 'workforce', '1928')).toEqual([13000]);
    expect(valuesAt(ID, 'stalin', 'workforce', '1928')).toEqual([3200]);
    expect(figureRows(model(ID), { at: at('1928'), organ: 'khalturin' })[0]).toMatchObject({ value: 6000, qualifier: 'approx' });
  });
});

describe('the counts of chapter 2', () => {
  const count = (date: string, id: string) => stats(snap(ID, date)).flatMap((s) => s.counted).find((c) => c.id === id)?.counts;
  it('365 factories at the beginning of 1928; 86 metalworking (5 shipbuilding, 29 machine-building), 26 textile, 18 electrical, 28 chemical, 45 footwear and clothing (line 2747)', () => {
    expect(count('1928-01', 'city-factories-1928')).toEqual([365]);
    const parts = ['metalworking', 'textile', 'electrical', 'chemical', 'footwear-clothing'].map((p) => count('1928-01', `city-factories-1928-${p}`)![0]);
    expect(parts).toEqual([86, 26, 18, 28, 45]);
    expect(count('1928-01', 'city-factories-1928-shipbuilding')).toEqual([5]);
    for (const p of ['metalworking', 'textile', 'shipbuilding']) expect(model(ID).organs.get(`city-factories-1928-${p}`)?.countedIn).toMatch(/^city-factories-1928/);
  });
  it('nine okrugs in 1928, eight after 1929; 107 rural raions in 1930 (13 + 13 + 81); four kinds in June 1931 (lines 1692, 1720-1726)', () => {
    expect(count('1928-01', 'okrugs')).toEqual([9]);
    expect(count('1929-06', 'okrugs')).toEqual([8]); // Velikie luki went to the Western oblast in 1929
    expect(count('1930', 'rural-raions-1930')).toEqual([107]);
    expect(['industrial', 'half-industrial', 'simple'].map((k) => count('1930', `rural-raions-1930-${k}`)![0]).reduce((a, b) => a + b)).toBe(107);
    expect(['flax', 'milk-livestock', 'timber', 'cottage'].map((k) => count('1931-06', `rural-raions-1931-${k}`)![0])).toEqual([26, 24, 12, 27]);
  });
  it('36 first-group enterprises in the oblast, 35 in the city, 248 most important in the city (lines 2760, 2775, 3421)', () => {
    expect(count('1932-11', 'oblast-first-group-enterprises-1932')).toEqual([36]);
    expect(count('1932-11', 'city-first-group-enterprises-1932')).toEqual([35]);
    expect(count('1932', 'city-important-enterprises-1932')).toEqual([248]);
  });
  it('the city leaves the oblast in November 1931 (line 1698)', () => {
    expect(snap(ID, '1931-06').organs.get('leningrad-city')?.parent).toBe('leningrad-oblast');
    expect(snap(ID, '1932').organs.get('leningrad-city')?.parent).toBeUndefined();
  });
});

describe('chapter 7: the Izhorskii factory in 1929 (lines 19042-19046)', () => {
  it('6,500 workers; at least 15 workshops and 18 shifts, counted where they competed', () => {
    expect(valuesAt(ID, 'izhorskii', 'workforce', '1929')).toEqual([6500]);
    const s = snap(ID, '1929');
    expect(s.organs.get('izhorskii-workshops')?.parent).toBe('izhorskii');
    const c = stats(s).flatMap((x) => x.counted);
    expect(c.find((x) => x.id === 'izhorskii-workshops')?.counts).toEqual([15]);
    expect(c.find((x) => x.id === 'izhorskii-shifts')?.counts).toEqual([18]);
    expect(figureRows(model(ID), { at: at('1929'), organ: 'izhorskii-shifts' })[0].qualifier).toBe('min');
  });
});
