/**
 * The Krasnyi putilovets chart against the thesis: its structure before and after the 1932
 * reorganisation (§3.2.3), every figure (Table 2-9, Table 7-3, the saturation and cell counts of
 * ch. 3 and 4), the events and lineage, and every source's line range, quotation and numbers.
 */
import { describe, expect, it } from 'vitest';
import { at } from '../../../src/model/model.ts';
import { lineage } from '../../../src/model/lineage.ts';
import { figureRows, stats } from '../../../src/model/queries.ts';
import { ancestors } from '../../../src/model/snapshot.ts';
import { model, numberNear, snap, thesisText, valuesAt } from './load.ts';

const ID = 'factory-krasnyi-putilovets';

function childrenAt(date: string, organ: string): string[] {
  return snap(ID, date).children.get(organ) ?? [];
}

describe('before 1929: the kollektiv', () => {
  it('at 1928 the factory is led by a party kollektiv under the Moskovsko-narvskii raikom', () => {
    const s = snap(ID, '1928');
    expect(s.organs.get('kp-kollektiv')?.parent).toBe('raikom-moskovsko-narvskii');
    // the committee is first shown in 1929 and committees began in 1928 (lines 6526-6528, 18892-18895): the change came in 1928 or 1929
    expect(s.organs.get('kp-pc')?.vague).toBe(true);
    expect(s.organs.get('kp-kollektiv')?.vague).toBe(false); // it existed at the start of 1928 at least
    expect(snap(ID, '1928-06').organs.get('kp-kollektiv')?.vague).toBe(true);
    expect(snap(ID, '1927').organs.has('kp-pc')).toBe(false);
    expect(snap(ID, '1930').organs.has('kp-kollektiv')).toBe(false);
    expect(snap(ID, '1930').organs.get('kp-pc')?.vague).toBe(false);
    expect(s.organs.get('kp-kollektiv')?.holders.map((h) => h.personName)).toEqual(['I. I. Gaza']); // "a secretary of the party kollektiv in the Krasnyi putilovets factory for six years" (14991-14992)
  });
  it('the party committee follows the kollektiv (lineage)', () => {
    expect(lineage(model(ID).graph, 'kp-pc').predecessors.map((p) => p.organ)).toContain('kp-kollektiv');
  });
});

describe('1930-1932: one party committee over four tiers', () => {
  it('in December 1930: party committee, departmental kollektivy, workshop cells, party units (lines 7266-7272, 7304-7311)', () => {
    const s = snap(ID, '1930-12');
    expect(s.organs.get('kp-pc')?.parent).toBe('raikom-narvskii');
    expect(childrenAt('1930-12', 'kp-pc')).toEqual(expect.arrayContaining(['kp-koll-tractor', 'kp-koll-construction', 'kp-koll-six', 'kp-wc-direct']));
    expect(ancestors(s, 'kp-party-units')).toEqual(['kp-wc-direct', 'kp-pc', 'raikom-narvskii']);
    // eight departments could keep a kollektiv: tractor, construction and six more (7305-7308)
    const kollektivy = stats(s).find((t) => t.type === 'departmental-kollektiv')!;
    expect(kollektivy.max).toBe(8);
    // the count of the six is not printed: it is the December 1930 list less the tractor and construction departments
    const list = thesisText().split('\n').slice(7303, 7312).join(' ').match(/finance: (.*?)\. These/s)![1];
    const items = list.split(',').map((x) => x.replace(/\s+/g, ' ').trim());
    const named = [...items.slice(0, -1), ...items[items.length - 1].split(' and ')]; // "..., mechanical and construction"
    expect(named).toContain('steel and ferrous construction');
    expect(named).toHaveLength(8);
    expect(named).toEqual(expect.arrayContaining(['tractor', 'construction']));
    expect(valuesAt(ID, 'kp-koll-six', 'count', '1930-12')).toEqual([named.length - 2]);
  });
  it('March 1932: the tractor kollektiv stands between the committee and its cells; an instructor in the metallurgical department; divisional cells of the rolling workshop (lines 7411-7431)', () => {
    const s = snap(ID, '1932-03');
    expect(s.organs.get('kp-koll-tractor')?.parent).toBe('kp-pc');
    expect(s.organs.get('kp-instructor-metallurgical')?.parent).toBe('kp-pc');
    expect(s.organs.get('kp-divisional-rolling')?.parent).toBe('kp-pc');
    expect(s.organs.get('kp-shift-cells')?.parent).toBe('kp-pc');
  });
  it('May 1932: the instruments department has one department cell with a 159-member zveno cell at workshop level (lines 7455-7475)', () => {
    const s = snap(ID, '1932-05');
    expect(ancestors(s, 'kp-zveno-instruments')).toEqual(['kp-dept-cell-instruments', 'kp-pc', 'raikom-narvskii']);
    expect(s.organs.has('kp-koll-six')).toBe(true);
    expect(s.organs.get('kp-koll-six')?.vague).toBe(true); // gone by May 1932, date unknown
    expect(snap(ID, '1932-06').organs.has('kp-koll-six')).toBe(false);
  });
  it('8 July 1932: still one committee and two kollektivy, tractor and Putilstroi (lines 7529-7531)', () => {
    const s = snap(ID, '1932-07-08');
    expect(s.organs.has('kp-pc')).toBe(true);
    const kollektivy = [...s.organs.values()].filter((o) => o.type === 'departmental-kollektiv').map((o) => o.id);
    expect(kollektivy.sort()).toEqual(['kp-koll-construction', 'kp-koll-tractor']);
  });
});

describe('after summer 1932: three party committees under the raikom', () => {
  it('at 1932-09: main site, tractor workshop and Putilstroi, each under the Narvskii raikom (lines 7567-7570)', () => {
    const s = snap(ID, '1932-09');
    expect(s.organs.has('kp-pc')).toBe(false);
    const pcs = [...s.organs.values()].filter((o) => o.type === 'party-committee');
    expect(pcs.map((o) => o.id).sort()).toEqual(['kp-pc-main', 'kp-pc-putilstroi', 'kp-pc-tractor']);
    for (const o of pcs) expect(o.parent).toBe('raikom-narvskii');
    expect([...s.organs.values()].some((o) => o.type === 'departmental-kollektiv')).toBe(false);
  });
  it('the main-site committee has 33 workshop cells (line 7573)', () => {
    expect(snap(ID, '1932-09').organs.get('kp-wc-main')?.parent).toBe('kp-pc-main');
    expect(valuesAt(ID, 'kp-wc-main', 'count', '1932-22')).toEqual([33]); // "responsible for 33 instead of 86 workshop cells"
  });
  it('the split is an event of summer 1932: the old committee into three; the two kollektivy replaced by committees', () => {
    const e = model(ID).graph.events!.find((x) => x.id === 'kp-split-1932')!;
    expect(e.kind).toBe('split');
    expect(e.date).toBe('1932-22');
    expect(e.inputs).toEqual(['kp-pc']);
    expect(e.outputs.sort()).toEqual(['kp-pc-main', 'kp-pc-putilstroi', 'kp-pc-tractor']);
    const g = model(ID).graph;
    const direct = (id: string) => lineage(g, id).predecessors.filter((p) => p.depth === 1).map((p) => p.organ).sort();
    expect(direct('kp-pc-main')).toEqual(['kp-pc']);
    expect(direct('kp-pc-tractor')).toEqual(['kp-koll-tractor', 'kp-pc']);
    expect(direct('kp-pc-putilstroi')).toEqual(['kp-koll-construction', 'kp-pc']);
  });
  it('has the events the thesis describes: four tiers (1930), their review (December 1930), shift cells (August 1931), the split and the merging of cells (1932)', () => {
    const ev = new Map(model(ID).graph.events!.map((e) => [e.id, e]));
    expect(ev.get('kp-four-tier')?.date).toBe('1930');
    expect(ev.get('kp-review-1930-12')?.date).toBe('1930-12');
    expect(ev.get('kp-shift-cells-1931')?.date).toBe('1931-08');
    expect(ev.get('kp-cells-merged-1932')?.kind).toBe('merge');
  });
});

describe('figures: workforce', () => {
  it('12,000 workers in 1928 (line 2807) and on 1 November 1929 (Table 7-3, line 18997)', () => {
    expect(valuesAt(ID, 'kp-kollektiv', 'workforce', '1928')).toEqual([12000]);
    expect(valuesAt(ID, 'kp-pc', 'workforce', '1929-11-01')).toEqual([12000]);
  });
  it('Table 2-9: 17,184 in 1930 and 21,200 in 1931, as the table row prints them', () => {
    const lines = thesisText().split('\n');
    const i = lines.findIndex((l) => l.startsWith('Krasnyi putilovets machine building'));
    expect(i + 1).toBeGreaterThan(3374);
    expect(lines.slice(i, i + 4).join(' ')).toMatch(/1801 MN 17184 21200/);
    expect(valuesAt(ID, 'kp-pc', 'workforce', '1930')).toEqual([17184]);
    expect(valuesAt(ID, 'kp-pc', 'workforce', '1931')).toEqual([21200]);
  });
  it('32,000 workers at the March 1932 review (line 7411)', () => {
    expect(valuesAt(ID, 'kp-pc', 'workforce', '1932-03')).toEqual([32000]);
  });
});

describe('figures: party saturation (text around Table 4-15, which has no row for the factory)', () => {
  it('Table 4-15 gives only branch totals', () => {
    const table = thesisText().split('\n').slice(10110, 10140).join('\n');
    expect(table).toMatch(/Metalworking/);
    expect(table).not.toMatch(/putilov/i);
  });
  it('18 per cent in October 1927 (line 10153)', () => {
    expect(valuesAt(ID, 'kp-kollektiv', 'saturation', '1927-10')).toEqual([18]);
  });
  it('three conflicting figures for April 1930, kept side by side: 29, 27 and 24 per cent (lines 10099, 10153, 10161)', () => {
    expect(valuesAt(ID, 'kp-pc', 'saturation', '1930-04').sort()).toEqual([24, 29]);
    expect(valuesAt(ID, 'kp-pc', 'saturation', '1930-04-01')).toEqual([27]);
    const shown = snap(ID, '1930-05').organs.get('kp-pc')!.figures.get('saturation')!.map((f) => f.value).sort();
    expect(shown).toEqual([24, 27, 29]);
    for (const f of snap(ID, '1930-05').organs.get('kp-pc')!.figures.get('saturation')!) expect(f.note).toMatch(/CONFLICT/);
  });
  it('19 per cent by November 1931, 17 per cent in March 1932, 20 per cent in the tractor department (lines 10364, 10527-10533)', () => {
    expect(valuesAt(ID, 'kp-pc', 'saturation', '1931-11')).toEqual([19]);
    expect(valuesAt(ID, 'kp-pc', 'saturation', '1932-03')).toEqual([17]);
    expect(valuesAt(ID, 'kp-koll-tractor', 'saturation', '1932-03')).toEqual([20]);
  });
});

describe('figures: members, cells and staff', () => {
  it('more than 7,000 party members before the restructuring; 1,400 in the tractor kollektiv (lines 7553, 7487)', () => {
    const m = model(ID).graph.figures!.find((f) => f.organ === 'kp-pc' && f.measure === 'communists')!;
    expect([m.value, m.qualifier]).toEqual([7000, 'min']);
    expect(valuesAt(ID, 'kp-koll-tractor', 'communists', '1932-05')).toEqual([1400]);
  });
  it('zveno cells of 159 (instruments) and 30 of 191 workers (foundry-instrument department) (lines 6391-6397, 7475)', () => {
    expect(valuesAt(ID, 'kp-zveno-instruments', 'communists', '1932-04')).toEqual([159]);
    expect(valuesAt(ID, 'kp-zveno-instruments', 'communists', '1932-05')).toEqual([159]);
    expect(valuesAt(ID, 'kp-zveno-foundry-instrument', 'communists', '1932-04')).toEqual([30]);
    expect(valuesAt(ID, 'kp-zveno-foundry-instrument', 'workforce', '1932-04')).toEqual([191]);
  });
  it('103 workshop cells, 72 directly under the committee (line 7531); 128 in the summer review (line 7658); 86 before the split (line 7573)', () => {
    expect(valuesAt(ID, 'kp-pc', 'workshop-cells', '1932-07-08')).toEqual([103]);
    expect(valuesAt(ID, 'kp-pc', 'workshop-cells', '1932')).toEqual([103]);
    expect(valuesAt(ID, 'kp-pc', 'workshop-cells', '1932-22')).toEqual([128]);
    expect(valuesAt(ID, 'kp-wc-direct', 'count', '1932-07-08')).toEqual([72]);
    expect(valuesAt(ID, 'kp-wc-direct', 'count', '1932')).toEqual([86]);
    expect(stats(snap(ID, '1932-07-08')).find((t) => t.type === 'workshop-cell')!.counted.find((c) => c.id === 'kp-wc-direct')!.counts).toEqual([72]);
  });
  it('shift cells: at least four (August 1931), in 22 of 103 workshops (March 1932) (lines 6161-6162, 6182-6183)', () => {
    expect(valuesAt(ID, 'kp-shift-cells', 'count', '1931-08')).toEqual([4]);
    expect(valuesAt(ID, 'kp-shift-cells', 'count', '1932-03')).toEqual([22]);
  });
  it('eight sectors at the workshop cell level in 1931, later three (lines 7174-7180): a sequence, never shown as a conflict', () => {
    expect(valuesAt(ID, 'kp-wc-direct', 'sectors', '1931')).toEqual([8]);
    expect(valuesAt(ID, 'kp-wc-direct', 'sectors', '[1931-02..1931-12]')).toEqual([3]);
    const shown = (d: string) => snap(ID, d).organs.get('kp-wc-direct')!.figures.get('sectors')!.map((f) => f.value);
    expect(shown('1931-01')).toEqual([8]);
    expect(shown('1932-01')).toEqual([3]);
  });
  it('16 responsible party workers, four left after 12 became cell secretaries (lines 7732-7740)', () => {
    expect(valuesAt(ID, 'kp-pc', 'staff', '1932')).toEqual([16]);
    expect(valuesAt(ID, 'kp-pc', 'staff', '1932-07-08')).toEqual([4]);
  });
  it('every figure is listed once by figureRows', () => {
    expect(figureRows(model(ID)).length).toBe(model(ID).graph.figures!.length);
  });
});

// ---- sources, quotations and numbers against the thesis text ----

describe('figures stand in the thesis (line ranges and quotations: sources.test.ts)', () => {
  const g = model(ID).graph;
  it("every figure's value is written (in digits or words) within one of its sources' lines", () => {
    for (const f of g.figures!) {
      if (f.organ === 'kp-koll-six') continue; // a count of the departments the thesis names (checked above)
      const ok = f.sources.some((sid) => numberNear(f.value, g.sources[sid].lines!));
      expect(ok, `${f.organ} ${f.measure} ${f.value} ${f.date}`).toBe(true);
    }
  });
  it('every organ, event, figure and post cites a source; dates parse', () => {
    for (const o of g.organs) expect(o.sources.length, o.id).toBeGreaterThan(0);
    for (const e of g.events!) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      expect(() => at(e.date)).not.toThrow();
    }
    for (const p of g.posts!) expect(p.sources.length).toBeGreaterThan(0);
  });
  it('does not call the factory the Kirov works (the thesis never does; its "Kirov factory" is another plant)', () => {
    for (const o of g.organs) for (const a of o.aliases ?? []) expect(a).not.toMatch(/kirov/i);
  });
});
