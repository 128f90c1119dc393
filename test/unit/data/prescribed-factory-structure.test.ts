/**
 * The prescribed structure of a factory party organisation against the thesis (§3.2-3.2.3, §7.2.3):
 * at each rule date, which tiers the rules required or allowed, under which parent, and with which
 * thresholds, bureau sizes and sector numbers; plus every source's line range, quotation and numbers.
 */
import { describe, expect, it } from 'vitest';
import { at } from '../../../src/model/model.ts';
import { lineage } from '../../../src/model/lineage.ts';
import { ancestors, type Snapshot } from '../../../src/model/snapshot.ts';
import type { Figure } from '../../../src/model/types.ts';
import { model, numberNear, snap, thesisText, valuesAt } from './load.ts';

const ID = 'prescribed-factory-structure';
const TIERS = new Set(['party-committee', 'kollektiv', 'departmental-kollektiv', 'all-factory-cell', 'workshop-cell', 'shift-cell', 'department-cell', 'zveno-cell', 'party-unit', 'cell']);

/** The latest values of one measure of one organ at a date, with their qualifiers ("max 15"). */
function rule(date: string, organ: string, measure: string): string[] {
  const o = snap(ID, date).organs.get(organ);
  if (!o) throw new Error(`${organ} is not prescribed at ${date}`);
  return (o.figures.get(measure) ?? []).map((f: Figure) => (f.qualifier ? `${f.qualifier} ${f.value}` : String(f.value))).sort();
}

function parentAt(date: string, organ: string): string | undefined {
  return snap(ID, date).organs.get(organ)?.parent;
}

/** The most party tiers (not apparatus) stacked on one chain of the snapshot. */
function maxTiers(s: Snapshot): number {
  let most = 0;
  for (const [id, o] of s.organs) {
    if (!TIERS.has(o.type)) continue;
    const depth = 1 + ancestors(s, id).filter((a) => TIERS.has(s.organs.get(a)!.type)).length;
    most = Math.max(most, depth);
  }
  return most;
}

describe('prescribed-factory-structure: what kind of graph', () => {
  it('is marked prescribed and says plainly that it shows rules, not what existed', () => {
    const g = model(ID).graph;
    expect(g.kind).toBe('prescribed');
    expect(g.title).toMatch(/rules, not practice/);
    expect(g.description).toMatch(/does NOT show what existed/);
  });
});

describe('before 1928: the rules of 1925 and 1927', () => {
  it('1925 Party Rules: a cell needs three party members (line 5791)', () => {
    expect(rule('1926', 'all-factory-cell', 'min-members')).toEqual(['3']);
  });
  it('29 June 1925: workshop cells with 25 members in factories of 1,000 workers (lines 5919-5929)', () => {
    expect(rule('1926', 'k-workshop-cell', 'min-members')).toEqual(['25']);
    expect(rule('1926', 'k-workshop-cell', 'min-workers')).toEqual(['1000']);
  });
  it('May 1927: factories of 500 workers (lines 5935-5941)', () => {
    expect(rule('1927-06', 'k-workshop-cell', 'min-workers')).toEqual(['500']);
    expect(rule('1927-06', 'k-workshop-cell', 'min-members')).toEqual(['25']); // "500 workers and 25 party members ... the rule since 1927" (5957-5958)
  });
  it('1927 bureau sizes: kollektiv at most 9 full, workshop cell at most 5 full (lines 6504-6508)', () => {
    expect(rule('1927-12', 'kollektiv-bureau', 'bureau-size')).toEqual(['max 9']);
    expect(rule('1927-12', 'k-wc-bureau', 'bureau-size')).toEqual(['max 5']);
  });
  it('no factory party committee and no shift cell are prescribed before 1928', () => {
    const s = snap(ID, '1927-06');
    expect(s.organs.has('pc')).toBe(false);
    expect(s.organs.has('shift-cell')).toBe(false);
    expect(parentAt('1927-06', 'k-workshop-cell')).toBe('kollektiv');
    expect(parentAt('1927-06', 'kollektiv')).toBe('raikom');
    expect(parentAt('1927-06', 'all-factory-cell')).toBe('raikom');
  });
});

describe('1928: shift cells (March) and the obkom resolutions of 23 May', () => {
  it('at 1928-06 a workshop cell needs 300 workers and 15 members (lines 5951-5957)', () => {
    expect(rule('1928-06', 'k-workshop-cell', 'min-workers')).toEqual(['300']);
    expect(rule('1928-06', 'k-workshop-cell', 'min-members')).toEqual(['15']);
  });
  it('kollektiv bureau at most 15 full members; workshop cell bureau three to eleven (lines 6457-6459, 6494-6496)', () => {
    expect(rule('1928-06', 'kollektiv-bureau', 'bureau-size')).toEqual(['max 15']);
    expect(rule('1928-06', 'k-wc-bureau', 'bureau-size')).toEqual(['max 11', 'min 3']);
  });
  it('three permanent commissions for the kollektiv bureau; commissions for workshop cell bureaux (lines 6868-6885)', () => {
    expect(rule('1928-06', 'kollektiv-commissions', 'count')).toEqual(['max 3']);
    expect(parentAt('1928-06', 'kollektiv-commissions')).toBe('kollektiv-bureau');
    expect(parentAt('1928-06', 'k-wc-commissions')).toBe('k-wc-bureau');
    expect(snap(ID, '1928-04').organs.has('kollektiv-commissions')).toBe(false);
  });
  it('party units of at most 30 workers under the workshop cell (lines 6702-6704)', () => {
    expect(rule('1928-06', 'k-party-unit', 'workforce')).toEqual(['max 30']);
    expect(parentAt('1928-06', 'k-party-unit')).toBe('k-workshop-cell');
  });
  it('shift cells from March 1928, with 15 members from May (lines 6102-6116)', () => {
    expect(snap(ID, '1928-03').organs.has('shift-cell')).toBe(true);
    expect(snap(ID, '1928-02').organs.has('shift-cell')).toBe(false);
    expect(rule('1928-06', 'shift-cell', 'min-members')).toEqual(['15']);
  });
  it('two tiers at most: kollektiv and workshop cell (with party units below)', () => {
    expect(maxTiers(snap(ID, '1928-06'))).toBe(3);
  });
});

describe('1929: factory party committees', () => {
  it('sanctioned in January 1929 with 5,000 workers and 1,000 members (lines 6533, 6605-6607)', () => {
    expect(parentAt('1929-01', 'pc')).toBe('raikom');
    expect(snap(ID, '1928-12').organs.has('pc')).toBe(false);
    expect(rule('1929-03', 'pc', 'min-workers')).toEqual(['5000']);
    expect(rule('1929-03', 'pc', 'min-members')).toEqual(['1000']);
  });
  it('June 1929 status: committee of at most 25 or 35, bureau of seven to nine (lines 6562-6590)', () => {
    expect(rule('1929-06', 'pc', 'bureau-size')).toEqual(['max 25', 'max 35']);
    expect(rule('1929-06', 'pc-bureau', 'bureau-size')).toEqual(['max 9', 'min 7']);
  });
  it('November 1929: 3,000 workers and 500 members; three chasti (lines 6623-6627, 6659)', () => {
    expect(rule('1929-12', 'pc', 'min-workers')).toEqual(['3000']);
    expect(rule('1929-12', 'pc', 'min-members')).toEqual(['500']);
    expect(rule('1929-12', 'pc-chasti', 'count')).toEqual(['3']);
    expect(rule('1929-12', 'pc-chasti', 'bureau-size')).toEqual(['max 8', 'min 7']);
  });
  it('workshop cells and party units under the party committee, beside the kollektiv variant', () => {
    expect(parentAt('1929-06', 'pc-workshop-cell')).toBe('pc');
    expect(parentAt('1929-06', 'pc-party-unit')).toBe('pc-workshop-cell');
    expect(parentAt('1929-06', 'k-workshop-cell')).toBe('kollektiv');
  });
});

describe('1930: sectors (June, November), party units and zveno cells (July), four tiers reviewed (December)', () => {
  it('commissions give way to sectors in 1930 (line 6944-6946)', () => {
    expect(snap(ID, '1931').organs.has('kollektiv-commissions')).toBe(false);
    expect(snap(ID, '1931').organs.has('k-wc-commissions')).toBe(false);
  });
  it('17 June 1930: four sectors in party committees, six to eight in workshop cell bureaux (lines 7016-7032)', () => {
    expect(rule('1930-06-17', 'pc-sectors', 'count')).toEqual(['4']);
    expect(rule('1930-06-17', 'pc-wc-sectors', 'count')).toEqual(['max 8', 'min 6']);
    expect(snap(ID, '1930-05').organs.has('pc-sectors')).toBe(false);
  });
  it('24 July 1930: units of ten to thirty workers; zveno cells of 15 members where a party committee exists (lines 6238-6256)', () => {
    expect(rule('1930-08', 'pc-party-unit', 'min-workers')).toEqual(['10']);
    expect(rule('1930-08', 'pc-party-unit', 'workforce')).toEqual(['max 30']);
    expect(rule('1930-08', 'zveno-cell', 'min-members')).toEqual(['15']);
    expect(parentAt('1930-08', 'zveno-cell')).toBe('pc-workshop-cell');
    expect(snap(ID, '1930-06').organs.has('zveno-cell')).toBe(false);
    expect(snap(ID, '1930-08').organs.has('k-zveno-cell')).toBe(false);
  });
  it('July 1930: zveno cells elect three-person bureaux (lines 6803-6806)', () => {
    expect(rule('1930-08', 'zveno-bureau', 'bureau-size')).toEqual(['3']);
    expect(parentAt('1930-08', 'zveno-bureau')).toBe('zveno-cell');
  });
  it('29 November 1930: at most four sectors in medium and small enterprises, none in party units (lines 7030-7040)', () => {
    expect(rule('1930-12', 'kollektiv-sectors', 'count')).toEqual(['max 4']);
    expect(rule('1930-12', 'k-wc-sectors', 'count')).toEqual(['max 4']);
    expect(rule('1930-12', 'k-party-unit', 'sectors')).toEqual(['max 0']);
  });
  it('December 1930: a departmental kollektiv is allowed (with obkom sanction) between party committee and workshop cells: four tiers (lines 7280-7298)', () => {
    expect(snap(ID, '1930-11').organs.has('dept-kollektiv')).toBe(false);
    const s = snap(ID, '1930-12');
    expect(s.organs.get('dept-kollektiv')?.parent).toBe('pc');
    expect(ancestors(s, 'dk-workshop-cell')).toEqual(['dept-kollektiv', 'pc', 'raikom']);
    expect(maxTiers(s)).toBe(3); // party committee, departmental kollektiv, workshop cell (units not repeated below it)
  });
});

describe('1931: the Central Committee resolution of 21 March', () => {
  it('at 1931-06 at most three tiers: party committee, workshop cell, zveno cell or party unit (lines 7356-7362)', () => {
    const s = snap(ID, '1931-06');
    expect(s.organs.has('dept-kollektiv')).toBe(false);
    expect(s.organs.has('dk-workshop-cell')).toBe(false);
    expect(maxTiers(s)).toBeLessThanOrEqual(3);
    expect(ancestors(s, 'zveno-cell')).toEqual(['pc-workshop-cell', 'pc', 'raikom']);
    expect(ancestors(s, 'pc-party-unit')).toEqual(['pc-workshop-cell', 'pc', 'raikom']);
  });
  it('party committees wherever there are 500 party members (lines 6628-6631)', () => {
    expect(rule('1931-06', 'pc', 'min-members')).toEqual(['500']);
  });
  it('units of 15 or more become zveno cells; seven or eight sectors in workshop cells, none in zveno cells or units (lines 6302-6305, 7130-7138)', () => {
    expect(rule('1931-06', 'zveno-cell', 'min-members')).toEqual(['15']);
    expect(rule('1931-06', 'pc-wc-sectors', 'count')).toEqual(['max 8', 'min 7']);
    expect(rule('1931-06', 'zveno-cell', 'sectors')).toEqual(['max 0']);
    expect(rule('1931-06', 'pc-party-unit', 'sectors')).toEqual(['max 0']);
  });
  it('the resolution is dated 21 March 1931 (line 17467)', () => {
    expect(model(ID).graph.events!.find((e) => e.id === 'cc-1931-03-21')?.date).toBe('1931-03-21');
    expect(thesisText().split('\n')[17466]).toContain('21 March 1931');
  });
});

describe('1932: sector rules (January) and the reversal (summer)', () => {
  it('20 January 1932: eight sectors above 30 full members, at most five below; eight in kollektivy without workshop cells (lines 7184-7193)', () => {
    expect(rule('1932-02', 'pc-wc-sectors', 'count')).toEqual(['max 5', 'max 8']);
    expect(rule('1932-02', 'k-wc-sectors', 'count')).toEqual(['max 5', 'max 8']);
    expect(rule('1932-02', 'kollektiv-sectors', 'count')).toEqual(['max 8']);
    expect(rule('1932-02', 'zveno-cell', 'sectors')).toEqual(['max 0']);
  });
  it('summer 1932: party units of at least five members; zveno cells of 15 (lines 7678-7680, 7784-7786, 7858-7860)', () => {
    expect(valuesAt(ID, 'pc-party-unit', 'min-members', '1932-06')).toEqual([5]);
    expect(valuesAt(ID, 'pc-party-unit', 'min-members', '1932-07-21')).toEqual([5]);
    expect(rule('1932-09', 'pc-party-unit', 'min-members')).toEqual(['5']);
    expect(rule('1932-09', 'k-party-unit', 'min-members')).toEqual(['5']);
    expect(rule('1932-09', 'zveno-cell', 'min-members')).toEqual(['15']);
  });
  it('about 100 party members a workshop cell was considered normal (line 7764-7765)', () => {
    expect(rule('1932-09', 'pc-workshop-cell', 'members')).toEqual(['approx 100']);
  });
  it('the reversal events are dated as the thesis dates them', () => {
    const dates = new Map(model(ID).graph.events!.map((e) => [e.id, e.date]));
    expect(dates.get('gorkom-1932-07-21')).toBe('1932-07-21'); // "at the gorkom plenum on 21 July 1932" (7682)
    expect(dates.get('cc-1932-08')).toBe('1932-08'); // "a Central Committee resolution of August 1932" (7700)
    expect(dates.get('sectors-simplified-1932')).toBe('1932-22'); // "In the summer of 1932, the sector structure became considerably simplified" (7236)
  });
});

describe('1934: the seventeenth Party Congress', () => {
  it('workshop cell bureaux replaced by organisers (lines 7965-7983)', () => {
    const after = snap(ID, '1935');
    expect(after.organs.has('k-wc-bureau')).toBe(false);
    expect(after.organs.has('pc-wc-bureau')).toBe(false);
    expect(after.organs.get('pc-wc-organiser')?.parent).toBe('pc-workshop-cell');
    expect(after.organs.get('k-wc-organiser')?.parent).toBe('k-workshop-cell');
    expect(snap(ID, '1933').organs.has('pc-wc-organiser')).toBe(false);
    expect(lineage(model(ID).graph, 'pc-wc-organiser').predecessors.map((p) => p.organ)).toContain('pc-wc-bureau');
  });
});

describe('events: every rule change the brief names', () => {
  it('has the rule dates in order, each a rule-change, create or abolish', () => {
    const events = model(ID).graph.events!;
    const dates = events.map((e) => e.date);
    for (const d of ['1925-06-29', '1927-05', '1928-03', '1928-05-23', '1929-01', '1929-06', '1929-11', '1930-06-17', '1930-07-24', '1930-11-29', '1930-12', '1931-03-21', '1932-01-20', '1932-03', '1932-06', '1932-07-21', '1932-08', '1934'])
      expect(dates).toContain(d);
    for (const e of events) expect(['rule-change', 'create', 'abolish']).toContain(e.kind);
  });
});

// ---- sources, quotations and numbers against the thesis text ----

describe('figures stand in the thesis (line ranges and quotations: sources.test.ts)', () => {
  const g = model(ID).graph;
  it("every figure's value is written (in digits or words) within its source's lines", () => {
    for (const f of g.figures!) {
      const ok = numberNear(f.value, g.sources[f.sources[0]].lines!);
      expect(ok, `${f.organ} ${f.measure} ${f.value} ${f.date} in ${f.sources[0]}`).toBe(true);
    }
  });
  it('every organ, event and figure cites a source', () => {
    for (const o of g.organs) expect(o.sources.length, o.id).toBeGreaterThan(0);
    for (const e of g.events!) expect(e.sources.length, e.id).toBeGreaterThan(0);
    for (const f of g.figures!) expect(f.sources.length).toBeGreaterThan(0);
  });
  it('dates parse', () => {
    for (const e of g.events!) expect(() => at(e.date)).not.toThrow();
  });
});
