/** Stepping through events: the order of the steps and the state just after an event. */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDate } from '../../src/model/dates.ts';
import { eventsInOrder } from '../../src/model/lineage.ts';
import { at, buildModel, type Model } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import { justAfter, justBefore, stepOrder } from '../../src/model/steps.ts';
import type { ChangeEvent, Graph } from '../../src/model/types.ts';
import { validateGraph } from '../../src/model/validate.ts';

const RUNS = { seed: Number(process.env.FUZZ_SEED ?? 1930), numRuns: Number(process.env.FUZZ_RUNS ?? 150) };

const ev = (id: string, date: string, kind: ChangeEvent['kind'], inputs: string[], outputs: string[]): ChangeEvent => ({
  id,
  date,
  kind,
  title: id,
  description: id,
  inputs,
  outputs,
  sources: ['s'],
});

/** A small region: okrugs abolished in July 1930, a city raikom divided in 1930 (year only), a rule change in April 1930. */
function region(): Graph {
  const organ = (id: string, start?: string, end?: string) => ({ id, type: 'unit' as const, typeLabel: 'unit', names: [{ name: id }], exists: [{ start, end }], sources: ['s'] });
  return {
    apparat: 1,
    id: 'region',
    title: 'Region',
    sources: { s: { citation: 's' } },
    organs: [
      organ('obkom', '1927'),
      organ('okrug', '1927', '1930-07'),
      organ('rural', '1930-07'),
      organ('old', '1927', '1930'),
      organ('new-a', '1930'),
      organ('new-b', '1930'),
      organ('named', '[1930-07..1932-01]'),
      organ('factory', '1927'),
    ],
    edges: [
      { child: 'okrug', parent: 'obkom', start: '1927', end: '1930-07' },
      { child: 'rural', parent: 'obkom', start: '1930-07' },
      { child: 'old', parent: 'obkom', start: '1927', end: '1930' },
      { child: 'new-a', parent: 'obkom', start: '1930' },
      { child: 'new-b', parent: 'obkom', start: '1930' },
      { child: 'named', parent: 'obkom', start: '[1930-07..1932-01]' },
      { child: 'factory', parent: 'old', start: '1927', end: '1930' },
      { child: 'factory', parent: 'new-a', start: '1930' },
    ],
    events: [
      ev('divided', '1930', 'split', ['old'], ['new-a', 'new-b']),
      ev('okrugs-abolished', '1930-07', 'abolish', ['okrug'], ['rural']),
      ev('rule', '1930-04', 'rule-change', ['obkom', 'old'], ['old']),
      ev('created', '1927', 'create', [], ['obkom', 'okrug', 'old', 'factory']),
    ],
  };
}

describe('the stepping order', () => {
  test('by the end of the date: a month before the year it falls in, a day before its month; same dates keep the file order', () => {
    const events = ['1930', '1930-07', '1929', '1930-07-24', '1930-12', '1931-01', '1930-22', 'second 1930'].map((d, i) =>
      ev(`e${i}`, d === 'second 1930' ? '1930' : d, 'rule-change', [], []),
    );
    expect(stepOrder(events).map((e) => e.date + (e.id === 'e7' ? '*' : ''))).toEqual([
      '1929',
      '1930-07-24',
      '1930-07',
      '1930-22',
      '1930-12',
      '1930',
      '1930*',
      '1931-01',
    ]);
  });

  test('eventsInOrder is the stepping order', () => {
    expect(eventsInOrder(region()).map((e) => e.id)).toEqual(['created', 'rule', 'okrugs-abolished', 'divided']);
  });
});

describe('just after an event', () => {
  const model = buildModel(region());
  const ids = (id: string) => [...justAfter(model, id)!.snapshot.organs.keys()];

  test('a year-dated division shows the successors and not the divided organ, and nothing of the rest of the year smeared in', () => {
    const step = justAfter(model, 'divided')!;
    expect(ids('divided')).toEqual(expect.arrayContaining(['new-a', 'new-b', 'rural']));
    expect(ids('divided')).not.toContain('old');
    expect(ids('divided')).not.toContain('okrug'); // abolished in July: not beside the raikoms that replaced it
    expect(step.left).toEqual(['old']);
    expect(step.arrived).toEqual(['new-a', 'new-b']);
    expect(step.ended).toEqual(['old']);
    expect(step.framed).toEqual(['new-a', 'new-b']);
    // The factory follows its raikom's successor.
    expect(step.snapshot.organs.get('factory')!.parent).toBe('new-a');
    // Whereas the snapshot at the whole year draws both.
    const year = snapshot(model, at('1930'));
    expect(['old', 'new-a', 'okrug', 'rural'].every((id) => year.organs.has(id))).toBe(true);
  });

  test('before a coarse event its outputs are not yet drawn, and what it ends stands, vague when the event may already have happened', () => {
    const s = justAfter(model, 'rule')!.snapshot;
    expect(s.organs.has('new-a')).toBe(false);
    expect(s.organs.get('old')!.vague).toBe(false); // the April event names it: it was there
    expect(s.organs.get('factory')!.parent).toBe('old');
    expect(s.organs.has('rural')).toBe(false);
    expect(s.organs.get('okrug')!.vague).toBe(false);
    // In July nothing names it, and the division (1930) may already have happened.
    expect(justAfter(model, 'okrugs-abolished')!.snapshot.organs.get('old')!.vague).toBe(true);
  });

  test('the abolition of the okrugs: the okrug gone, the rural raikoms there, an organ of vague start shown vague', () => {
    const step = justAfter(model, 'okrugs-abolished')!;
    expect(step.left).toEqual(['okrug']);
    expect(step.arrived).toEqual(['rural', 'named']);
    expect(step.snapshot.organs.get('named')!.vague).toBe(true);
    expect(step.snapshot.organs.get('rural')!.vague).toBe(false);
    expect(step.at.min).toBe(parseDate('1930-07').max);
  });

  test('by index as well as by id; unknown events give undefined; justBefore is the previous step', () => {
    expect(justAfter(model, 1)!.event.id).toBe('rule');
    expect(justAfter(model, 'nope')).toBeUndefined();
    expect(justAfter(model, 9)).toBeUndefined();
    expect([...justBefore(model, 'divided')!.organs.keys()]).toEqual([...justAfter(model, 'okrugs-abolished')!.snapshot.organs.keys()]);
    expect(justBefore(model, 'created')!.organs.size).toBe(0);
  });
});

/** Walks every step and returns, per organ, the steps at which it is drawn. */
function walk(model: Model): { presentAt: Map<string, number[]> } {
  const events = eventsInOrder(model.graph);
  const presentAt = new Map<string, number[]>();
  events.forEach((e, k) => {
    const step = justAfter(model, e.id)!;
    expect(step.index).toBe(k);
    for (const id of step.snapshot.organs.keys()) {
      const list = presentAt.get(id);
      if (list) list.push(k);
      else presentAt.set(id, [k]);
    }
  });
  return { presentAt };
}

/** The checks a user would make at each step: outputs there, ended inputs gone, one lifetime never vanishes and returns. */
function checkWalk(model: Model): void {
  const events = eventsInOrder(model.graph);
  const { presentAt } = walk(model);
  const endedBefore = new Set<string>();
  events.forEach((e, k) => {
    const step = justAfter(model, k)!;
    // Outputs are there, except one an earlier step ended (the data puts its end before this event).
    for (const id of e.outputs) if (!endedBefore.has(id)) expect(step.snapshot.organs.has(id), `${id} after ${e.id}`).toBe(true);
    const ended = e.inputs.filter(
      (id) => !e.outputs.includes(id) && model.existence.get(id)!.some((b) => b.endMin <= parseDate(e.date).max && b.endMax >= parseDate(e.date).min),
    );
    ended.forEach((id) => endedBefore.add(id));
    for (const id of ended) expect(step.snapshot.organs.has(id), `${id} ended by ${e.id}`).toBe(false);
    expect(step.ended.sort()).toEqual([...ended].sort());
    // Every organ drawn is in the snapshot over the event's date, or an event at or after this step names it.
    const whole = snapshot(model, at(e.date));
    for (const id of step.snapshot.organs.keys()) {
      const named = events.slice(k).some((later) => later.inputs.includes(id) || later.outputs.includes(id));
      expect(whole.organs.has(id) || named, `${id} at ${e.id}`).toBe(true);
    }
  });
  // An organ is a root only when none of its subordinations that may hold then has its parent drawn.
  events.forEach((e, k) => {
    const step = justAfter(model, k)!;
    const t = step.at.min;
    for (const o of step.snapshot.organs.values()) {
      if (o.parent !== undefined) continue;
      const held = (model.edgesByChild.get(o.id) ?? []).filter((x) => x.b.startMin <= t && x.b.endMax >= t && step.snapshot.organs.has(x.item.parent));
      expect(held.map((x) => x.item.parent), `${o.id} a root after ${e.id}`).toEqual([]);
    }
  });
  for (const [id, ks] of presentAt) {
    if (model.organs.get(id)!.exists.length !== 1) continue;
    expect(ks[ks.length - 1] - ks[0] + 1, `${id} vanishes and returns: steps ${ks.join(',')}`).toBe(ks.length);
  }
}

describe('walking the Leningrad region event by event', () => {
  const graph = JSON.parse(readFileSync('graphs/leningrad-region.json', 'utf8')) as Graph;
  const model = buildModel(graph);

  test('outputs there, ended inputs gone, nothing vanishes and returns', () => {
    checkWalk(model);
  });

  test('the organs the issue saw vanish and return are drawn from their first step on', () => {
    const { presentAt } = walk(model);
    const july = eventsInOrder(graph).findIndex((e) => e.id === 'units-and-zveno-cells-1930');
    for (const id of ['raikom-cherepovetskii', 'raikom-borovicheskii', 'city-zveno-cells']) {
      const ks = presentAt.get(id)!;
      expect(ks[0]).toBe(july);
      expect(ks.length).toBe(ks[ks.length - 1] - ks[0] + 1);
    }
  });

  test('the 1930 division of Tsentral\'no-gorodskoi: both successors, not the divided raikom, no okruzhkoms', () => {
    const s = justAfter(model, 'tsentralno-gorodskoi-divided-1930')!.snapshot;
    expect(s.organs.has('raikom-oktiabrskii') && s.organs.has('raikom-smolninskii')).toBe(true);
    expect(s.organs.has('raikom-tsentralno-gorodskoi')).toBe(false);
    expect([...s.organs.values()].filter((o) => o.type === 'okruzhkom')).toEqual([]);
    expect(s.organs.has('rural-raikoms')).toBe(true);
  });

  test('the gorkom is elected before the raikoms are handed to it', () => {
    const elected = justAfter(model, 'gorkom-elected-1931')!.snapshot;
    const handed = justAfter(model, 'urban-raikoms-to-gorkom-1931')!.snapshot;
    expect(elected.organs.get('raikom-vasileostrovskii')!.parent).toBe('obkom');
    expect(handed.organs.get('raikom-vasileostrovskii')!.parent).toBe('gorkom');
  });
});

/**
 * Generated graphs with events: organs of one lifetime each, dated with any precision, under a
 * root; some created or abolished by an event of their start or end date (or a coarser date that
 * contains it), some divided into successors that start when they end, some acted on by rule
 * changes within their lives. The events are listed in a generated order.
 */
const YEARS = { min: 1920, max: 1940 };
const dateIn = (year: number, p: number, m: number, d: number) =>
  p === 0 ? `${year}` : p === 1 ? `${year}-${String(m).padStart(2, '0')}` : p === 2 ? `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${year}-${21 + (m % 4)}`;
const dateArb = fc.record({ y: fc.integer(YEARS), p: fc.integer({ min: 0, max: 3 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });

const stepGraphArb = fc
  .array(
    fc.record({
      start: dateArb,
      years: fc.integer({ min: 1, max: 6 }),
      end: fc.option(dateArb.map((x) => ({ ...x, y: 0 })), { nil: undefined }),
      pred: fc.option(fc.nat(), { nil: undefined }),
      create: fc.integer({ min: 0, max: 2 }),
      abolish: fc.boolean(),
      rule: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      key: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((specs): Graph => {
    const g: Graph = {
      apparat: 1,
      id: 'gen',
      title: 'generated',
      sources: { s: { citation: 's' } },
      organs: [{ id: 'root', type: 'obkom', names: [{ name: 'root' }], exists: [{}], sources: ['s'] }],
      edges: [],
      events: [],
    };
    const keyed: { key: number; event: ChangeEvent }[] = [];
    const lives: { start: string; end?: string; startYear: number; endYear?: number }[] = [];
    const successors = new Map<number, number[]>();
    specs.forEach((spec, i) => {
      let start = dateIn(spec.start.y, spec.start.p, spec.start.m, spec.start.d);
      let startYear = spec.start.y;
      // A successor starts when its predecessor (one with an end) ends.
      if (spec.pred !== undefined && i > 0) {
        const p = spec.pred % i;
        if (lives[p].end !== undefined) {
          start = lives[p].end!;
          startYear = lives[p].endYear!;
          successors.set(p, [...(successors.get(p) ?? []), i]);
        }
      }
      const endYear = startYear + spec.years;
      const end = spec.end ? dateIn(endYear, spec.end.p, spec.end.m, spec.end.d) : undefined;
      lives.push({ start, end, startYear, endYear: end ? endYear : undefined });
      const life = end === undefined ? { start } : { start, end };
      g.organs.push({ id: `o${i}`, type: 'unit', typeLabel: 'unit', names: [{ name: `o${i}` }], exists: [life], sources: ['s'] });
      g.edges.push({ child: `o${i}`, parent: 'root', ...life });
    });
    specs.forEach((spec, i) => {
      const { start, end, startYear, endYear } = lives[i];
      const isSuccessor = [...successors.values()].some((l) => l.includes(i));
      if (spec.create > 0 && !isSuccessor)
        keyed.push({ key: spec.key[0], event: ev(`create-${i}`, spec.create === 2 ? `${startYear}` : start, 'create', [], [`o${i}`]) });
      const next = successors.get(i);
      if (next) keyed.push({ key: spec.key[1], event: ev(`split-${i}`, end!, 'split', [`o${i}`], next.map((n) => `o${n}`)) });
      else if (spec.abolish && end !== undefined) keyed.push({ key: spec.key[1], event: ev(`abolish-${i}`, end, 'abolish', [`o${i}`], []) });
      if (spec.rule !== undefined) {
        const year = Math.min(startYear + spec.rule, endYear ?? Infinity);
        keyed.push({ key: spec.key[2], event: ev(`rule-${i}`, `${year}`, 'rule-change', [`o${i}`], [`o${i}`]) });
      }
    });
    g.events = keyed.sort((a, b) => a.key - b.key).map((k) => k.event);
    return g;
  });

describe('over generated graphs with events', () => {
  test('the generated graphs are valid', () => {
    fc.assert(
      fc.property(stepGraphArb, (g) => {
        expect(validateGraph(g).filter((i) => i.severity === 'error')).toEqual([]);
      }),
      RUNS,
    );
  }, 60_000);

  test('walking every event: outputs there, ended inputs gone, no organ of one lifetime vanishes and returns', () => {
    fc.assert(
      fc.property(stepGraphArb, (g) => {
        checkWalk(buildModel(g));
      }),
      RUNS,
    );
  }, 60_000);
});

describe('walking every bundled graph event by event', () => {
  const files = readdirSync('graphs').filter((f) => f.endsWith('.json') && !f.includes('schema'));
  test.each(files)('%s: outputs there, ended inputs gone, nothing vanishes and returns', (file) => {
    const graph = JSON.parse(readFileSync(`graphs/${file}`, 'utf8')) as Graph;
    checkWalk(buildModel(graph));
  });
});
