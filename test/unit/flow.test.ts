import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countWidth, flowLayout, flowTable, timeTicks, type Flow } from '../../src/layout/flow.ts';
import { buildModel } from '../../src/model/model.ts';
import type { Edge, Graph } from '../../src/model/types.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/**
 * An obkom over a raikom A (1928–1930) that splits into B and C; an organ D moved from the obkom
 * to a gorkom in June 1931; a renamed raikom E; a counted group with conflicting counts; a factory
 * only first attested by May 1929 and placed under E by inference.
 */
function small(): Graph {
  return {
    apparat: 1,
    id: 'small',
    title: 'Small',
    period: { start: '1928', end: '1934' },
    sources: { s: { citation: '§1' } },
    organs: [
      { id: 'obkom', type: 'obkom', names: [{ name: 'Obkom' }], exists: [{ start: '1928' }], sources: ['s'] },
      { id: 'gorkom', type: 'gorkom', names: [{ name: 'Gorkom' }], exists: [{ start: '1931-06' }], sources: ['s'] },
      { id: 'd', type: 'urban-raikom', names: [{ name: 'Raikom D' }], exists: [{ start: '1928' }], sources: ['s'] },
      { id: 'b', type: 'urban-raikom', names: [{ name: 'Raikom B' }], exists: [{ start: '1930' }], sources: ['s'] },
      { id: 'c', type: 'urban-raikom', names: [{ name: 'Raikom C' }], exists: [{ start: '1930' }], sources: ['s'] },
      { id: 'a', type: 'urban-raikom', names: [{ name: 'Raikom A' }], exists: [{ start: '1928', end: '1930' }], sources: ['s'] },
      { id: 'e', type: 'urban-raikom', names: [{ name: 'Raikom E', end: '1932-03' }, { name: 'Raikom F', start: '1932-03' }], exists: [{ start: '1928' }], sources: ['s'] },
      { id: 'f', type: 'party-committee', names: [{ name: 'Factory' }], exists: [{ start: '[..1929-05]' }], sources: ['s'] },
      { id: 'cells', type: 'workshop-cell', counted: true, names: [{ name: 'cells' }], exists: [{ start: '1928' }], sources: ['s'] },
    ],
    edges: [
      { child: 'gorkom', parent: 'obkom', start: '1931-06' },
      { child: 'a', parent: 'obkom', start: '1928', end: '1930' },
      { child: 'b', parent: 'obkom', start: '1930' },
      { child: 'c', parent: 'obkom', start: '1930' },
      { child: 'd', parent: 'obkom', start: '1928', end: '1931-06' },
      { child: 'd', parent: 'gorkom', start: '1931-06' },
      { child: 'e', parent: 'obkom', start: '1928' },
      { child: 'f', parent: 'e', start: '[..1929-05]', certainty: 'inferred', note: 'its raion is not given' } as Edge,
      { child: 'cells', parent: 'a', start: '1928', end: '1930' },
      { child: 'cells', parent: 'b', start: '1930' },
    ],
    events: [
      { id: 'split', date: '1930', kind: 'split', title: 'A divided into B and C', description: 'd', inputs: ['a'], outputs: ['b', 'c'], sources: ['s'] },
      { id: 'move', date: '1931-06', kind: 're-parent', title: 'D to the gorkom', description: 'd', inputs: ['d', 'obkom'], outputs: ['d', 'gorkom'], sources: ['s'] },
      { id: 'rule', date: '1929-03', kind: 'rule-change', title: 'A rule', description: 'd', inputs: ['obkom'], outputs: ['obkom'], sources: ['s'] },
    ],
    figures: [
      { organ: 'cells', measure: 'count', value: 10, date: '1928', sources: ['s'] },
      { organ: 'cells', measure: 'count', value: 40, date: '1931-01', sources: ['s'] },
      { organ: 'cells', measure: 'count', value: 55, date: '1931-01', sources: ['s'] },
      { organ: 'cells', measure: 'members', value: 999, date: '1931-01', sources: ['s'] },
    ],
  };
}

const rowsNamed = (flow: Flow, name: string) => flow.rows.filter((r) => r.names.some((n) => n.name === name));
const one = (flow: Flow, organ: string) => {
  const ids = flow.rowsOf.get(organ) ?? [];
  expect(ids, `rows of ${organ}`).toHaveLength(1);
  return flow.rows[ids[0]];
};

/** Each row lies inside its parent row's block: depth-first order. */
function expectDepthFirst(flow: Flow): void {
  flow.rows.forEach((r, i) => {
    expect(r.index).toBe(i);
    if (r.parentRow === undefined) return expect(r.depth).toBe(0);
    const p = flow.rows[r.parentRow];
    expect(r.parentRow).toBeLessThan(i);
    expect(r.depth).toBe(p.depth + 1);
    for (let k = r.parentRow + 1; k < i; k++) expect(flow.rows[k].depth, `row ${k} between ${p.name} and ${r.name}`).toBeGreaterThan(p.depth);
  });
}

describe('flowLayout on a small graph', () => {
  const model = buildModel(small());
  const flow = flowLayout(model);

  it('gives every placement a row, in depth-first order under the parent of the moment', () => {
    expectDepthFirst(flow);
    expect(flow.rows.map((r) => r.organ).sort()).toEqual(['a', 'b', 'c', 'cells', 'cells', 'd', 'd', 'e', 'f', 'gorkom', 'obkom'].sort());
    expect(one(flow, 'obkom').depth).toBe(0);
    expect(one(flow, 'f').parentName).toBe('Raikom E');
    expect(one(flow, 'f').depth).toBe(2);
  });

  it('draws a line from its start to its end over the period', () => {
    const a = one(flow, 'a');
    expect(a.start.min).toBe(day('1928-01-01'));
    expect(a.end.max).toBe(day('1931-01-01') - 1);
    expect(a.openStart).toBe(false);
    const obkom = one(flow, 'obkom');
    expect(obkom.openEnd).toBe(true);
    expect(obkom.end.max).toBe(flow.period.max);
  });

  it('splits: B and C follow A, with connectors labelled by the event', () => {
    const a = one(flow, 'a');
    const b = one(flow, 'b');
    const c = one(flow, 'c');
    // D and E come between A and B in document order; the lineage puts B and C after A's block.
    const afterA = flow.rows.slice(a.index + 1).find((r) => r.depth <= a.depth);
    expect(afterA?.organ).toBe('b');
    expect(c.index).toBe(b.index + 1 + flow.rows.slice(b.index + 1).findIndex((r) => r.depth <= b.depth));
    const split = flow.connectors.filter((k) => k.kind === 'split');
    expect(split.map((k) => [flow.rows[k.from].organ, flow.rows[k.to].organ, k.event])).toEqual([
      ['a', 'b', 'split'],
      ['a', 'c', 'split'],
    ]);
    expect(a.ended).toBe('split');
    expect(b.began).toBe('split');
  });

  it('re-parenting: a second row under the new parent and a move between them at the date', () => {
    const rows = flow.rowsOf.get('d')!.map((i) => flow.rows[i]);
    expect(rows.map((r) => r.parent)).toEqual(['obkom', 'gorkom']);
    expect(rows[1].parentRow).toBe(one(flow, 'gorkom').index);
    const move = flow.connectors.find((k) => k.kind === 'move' && flow.rows[k.from].organ === 'd');
    expect(move).toMatchObject({ from: rows[0].index, to: rows[1].index, event: 'move' });
    expect(move!.at.min).toBe(day('1931-06-01'));
  });

  it('renames along the line, and fades a vague start over its span', () => {
    expect(one(flow, 'e').names.map((n) => n.name)).toEqual(['Raikom E', 'Raikom F']);
    expect(one(flow, 'e').names[1].at).toBe(day('1932-03-01'));
    expect(rowsNamed(flow, 'Raikom F')).toHaveLength(1);
    const f = one(flow, 'f');
    expect(f.start.min).toBe(flow.period.min);
    expect(f.start.max).toBe(day('1929-06-01') - 1);
    // A month is drawn as a sharp bound.
    expect(one(flow, 'gorkom').start.max).toBe(one(flow, 'gorkom').start.min);
  });

  it('flags inferred placements with their note', () => {
    expect(one(flow, 'f').inferred).toBe(true);
    expect(one(flow, 'f').inferredNote).toBe('its raion is not given');
    expect(one(flow, 'e').inferred).toBe(false);
  });

  it('counted groups: the count in force on each row, conflicts side by side, thicker by count', () => {
    const [underA, underB] = flow.rowsOf.get('cells')!.map((i) => flow.rows[i]);
    expect(underA.counts.map((c) => c.values)).toEqual([[10]]);
    expect(underB.counts.map((c) => [c.at, c.values])).toEqual([
      [underB.start.min, [10]],
      [day('1931-01-01'), [40, 55]],
    ]);
    expect(countWidth([55])).toBeGreaterThan(countWidth([10]));
    expect(countWidth([100_000])).toBeLessThanOrEqual(11);
  });

  it('marks every event with the rows it touched', () => {
    expect(flow.events.map((e) => e.id)).toEqual(['rule', 'split', 'move']);
    const split = flow.events.find((e) => e.id === 'split')!;
    expect(split.rows.map((r) => flow.rows[r].organ).sort()).toEqual(['a', 'b', 'c']);
  });

  it('applies hidden types, collapse, focus and a depth limit', () => {
    const noRaikoms = flowLayout(model, { hidden: new Set(['urban-raikom']) });
    expectDepthFirst(noRaikoms);
    expect(noRaikoms.rowsOf.has('a')).toBe(false);
    expect(one(noRaikoms, 'f').parentName).toBe('Obkom');
    expect(noRaikoms.hiddenCount).toBe(6);

    const folded = flowLayout(model, { collapsed: new Set(['e']) });
    expect(folded.rowsOf.has('f')).toBe(false);
    expect(one(folded, 'e').folded).toBe(1);

    const focus = flowLayout(model, { focus: 'gorkom' });
    expect(focus.rows.map((r) => r.organ)).toEqual(['gorkom', 'd']);
    expect(focus.connectors).toEqual([]);

    const shallow = flowLayout(model, { maxDepth: 0 });
    expect(shallow.rows.map((r) => r.organ)).toEqual(['obkom']);
    expect(shallow.rows[0].folded).toBe(10);
  });

  it('reads as a table: organ, parent, from, to, event', () => {
    const table = flowTable(model, flow);
    expect(table).toHaveLength(flow.rows.length);
    expect(table.find((r) => r.organ === 'a')).toMatchObject({ name: 'Raikom A', parent: 'Obkom', from: '1928', to: '1930', ended: 'A divided into B and C' });
    expect(table.filter((r) => r.organ === 'd').map((r) => [r.parent, r.from, r.to])).toEqual([
      ['Obkom', '1928', '1931-06'],
      ['Gorkom', '1931-06', undefined],
    ]);
  });

  it('ticks years, and months when there is room for their names', () => {
    const coarse = timeTicks(flow.period, 80);
    expect(coarse.filter((t) => t.label).map((t) => t.label)).toEqual(['1928', '1929', '1930', '1931', '1932', '1933', '1934']);
    const fine = timeTicks(flow.period, 600);
    expect(fine.filter((t) => t.label === 'Jul')).toHaveLength(7);
  });
});

describe('flowLayout on the regional graph', () => {
  const graph = JSON.parse(readFileSync(new URL('../../graphs/leningrad-region.json', import.meta.url), 'utf8')) as Graph;
  const model = buildModel(graph);
  const flow = flowLayout(model);
  const rowOf = (organ: string, parent?: string) => flow.rows.find((r) => r.organ === organ && (parent === undefined || r.parent === parent))!;

  it('draws every organ, in depth-first order', () => {
    expectDepthFirst(flow);
    for (const o of graph.organs) expect(flow.rowsOf.has(o.id), o.id).toBe(true);
  });

  it('Moskovsko-narvskii splits into Moskovskii and Narvskii in 1930', () => {
    const mn = rowOf('raikom-moskovsko-narvskii');
    const split = flow.connectors.filter((k) => k.from === mn.index && k.kind === 'split');
    expect(split.map((k) => flow.rows[k.to].name).sort()).toEqual(['Moskovskii raikom', 'Narvskii raikom']);
    for (const k of split) {
      expect(k.event).toBe('moskovsko-narvskii-divided-1930');
      expect(new Date(k.at.min).toISOString().slice(0, 4)).toBe('1930');
    }
    // The split is dated "later in 1930" (lines 5552, 5578): the old line may end from May.
    expect(mn.end.min).toBe(day('1930-05-01'));
  });

  it('the urban raikoms move under the gorkom on 12 December 1931', () => {
    const gorkom = rowOf('gorkom');
    for (const id of ['raikom-vasileostrovskii', 'raikom-petrogradskii', 'raikom-volodarskii', 'raikom-vyborgskii', 'raikom-oktiabrskii', 'raikom-smolninskii', 'raikom-moskovskii', 'raikom-narvskii']) {
      const before = rowOf(id, 'obkom');
      const after = rowOf(id, 'gorkom');
      expect(after.parentRow, id).toBe(gorkom.index);
      const move = flow.connectors.find((k) => k.kind === 'move' && k.from === before.index);
      expect(move, id).toMatchObject({ to: after.index, event: 'urban-raikoms-to-gorkom-1931' });
      expect(move!.at.min).toBe(day('1931-12-12'));
    }
  });

  it('a line follows its parent: the Baltic works move with the Vasileostrovskii raikom to the gorkom', () => {
    const rows = flow.rowsOf.get('baltic-kollektiv')!.map((i) => flow.rows[i]);
    expect(rows.map((r) => flow.rows[r.parentRow!].parentName)).toEqual(['Leningrad obkom', 'Leningrad gorkom']);
    // Never drawn before its parent's line begins.
    for (const r of rows) expect(r.start.min).toBeGreaterThanOrEqual(flow.rows[r.parentRow!].start.min);
    const move = flow.connectors.find((k) => k.kind === 'move' && k.from === rows[0].index);
    expect(move).toMatchObject({ to: rows[1].index, event: 'urban-raikoms-to-gorkom-1931' });
  });

  it('keeps vague bounds vague: a factory first attested by March 1932 fades in', () => {
    // It follows the Vasileostrovskii raikom from the obkom to the gorkom, fading in on both lines.
    const [before, after] = flow.rowsOf.get('sevkabel-kollektiv')!.map((i) => flow.rows[i]);
    expect(flow.rows[before.parentRow!].parent).toBe('obkom');
    expect(flow.rows[after.parentRow!].parent).toBe('gorkom');
    expect(after.start.max).toBe(day('1932-04-01') - 1);
    expect(before.start.min).toBe(flow.period.min);
    expect(before.end.max).toBe(day('1931-12-13') - 1);
  });
});

describe('flowLayout on Krasnyi putilovets', () => {
  const graph = JSON.parse(readFileSync(new URL('../../graphs/factory-krasnyi-putilovets.json', import.meta.url), 'utf8')) as Graph;
  const flow = flowLayout(buildModel(graph));

  it('draws every organ, those with no parent too (a commission of 1933, a cell of April 1932)', () => {
    expectDepthFirst(flow);
    for (const o of graph.organs) expect(flow.rowsOf.has(o.id), o.id).toBe(true);
    expect(flow.rows[flow.rowsOf.get('kp-purge-commission')![0]].parent).toBeUndefined();
  });

  it('the party committee moves to the Narvskii raion in 1930 and divides into three in summer 1932', () => {
    const [before, after] = flow.rowsOf.get('kp-pc')!.map((i) => flow.rows[i]);
    expect([before.parent, after.parent]).toEqual(['raikom-moskovsko-narvskii', 'raikom-narvskii']);
    const split = flow.connectors.filter((k) => k.event === 'kp-split-1932');
    expect(split.map((k) => [k.from, flow.rows[k.to].organ])).toEqual([
      [after.index, 'kp-pc-main'],
      [after.index, 'kp-pc-tractor'],
      [after.index, 'kp-pc-putilstroi'],
    ]);
  });
});

it('an organ without a parent before its first edge is a root line until then, under its first name', () => {
  const graph = JSON.parse(readFileSync(new URL('../../graphs/leningrad-region.json', import.meta.url), 'utf8')) as Graph;
  const flow = flowLayout(buildModel(graph));
  const [alone, under] = flow.rowsOf.get('rural-raikoms')!.map((i) => flow.rows[i]).sort((a, b) => a.start.min - b.start.min);
  expect(alone).toMatchObject({ parent: undefined, name: 'rural raikoms (oblast total)', to: '1930-07' });
  expect(under).toMatchObject({ parent: 'obkom', name: 'rural raikoms', from: '1930-07' });
  expect(flow.connectors.some((k) => k.kind === 'move' && k.from === alone.index && k.to === under.index)).toBe(true);
});

it('a line whose start is vaguer than its end fades out where it ends, never beyond', () => {
  const graph = JSON.parse(readFileSync(new URL('../../graphs/leningrad-region.json', import.meta.url), 'utf8')) as Graph;
  const flow = flowLayout(buildModel(graph));
  // The Molotov factory's organisation: first attested by 1932, under the obkom until 1930.
  const underObkom = flow.rows[flow.rowsOf.get('molotov-kollektiv')![0]];
  expect(underObkom.parent).toBe('obkom');
  expect(underObkom.end.max).toBe(day('1931-01-01') - 1);
  expect(underObkom.start.max).toBeLessThanOrEqual(underObkom.end.max);
  expect(underObkom.start.min).toBeLessThan(underObkom.start.max);
});

it('a name that begins only as a line ends is not a rename on that line', () => {
  const graph = JSON.parse(readFileSync(new URL('../../graphs/leningrad-region.json', import.meta.url), 'utf8')) as Graph;
  const flow = flowLayout(buildModel(graph));
  const [alone, under] = flow.rowsOf.get('rural-raikoms')!.map((i) => flow.rows[i]).sort((a, b) => a.start.min - b.start.min);
  expect(alone.names.map((n) => n.name)).toEqual(['rural raikoms (oblast total)']);
  expect(under.names.map((n) => n.name)).toEqual(['rural raikoms']);
});
