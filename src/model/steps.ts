/**
 * Stepping through a graph's events: the order of the steps, and the state "just after an event".
 *
 * **Order.** Events step in the order of the last instant of their date, and among events that end
 * together the finer date first; events with the same date keep the order of the file. So an
 * event dated only by a month, season or year comes after the events dated within it:
 * `1930-07-24`, then `1930-07`, … `1930-12`, then `1930`.
 *
 * **Just after step k** (event E) is the hierarchy at one instant, the last instant of E's date
 * (every earlier step's date is over by then), with the bounds that an event decides resolved by
 * the order of the steps instead of by that instant:
 * - an organ starts with the first event that names it (as an output; as an input, the step
 *   before) when its start's span overlaps that event's date: not before that step, surely from it;
 * - an organ an event ends (an input, not among its outputs, whose life ends within the event's
 *   date) is gone from that step, and until then it stands — drawn vague when the event may
 *   already have happened at the instant;
 * - an organ an event names stays until that event, even when its own end is earlier than the
 *   instant the step stands at (drawn vague then): the event's outputs are there just after it,
 *   and surely there (not vague) when their own dates allow it;
 * - an event that re-parents an organ it names (a subordination to one of its inputs ends within
 *   its date, one to one of its outputs starts within it) does so at its step; otherwise an organ
 *   hangs from the latest-begun of its subordinations that may hold and whose parent is drawn.
 * Everything else is the snapshot at the instant: a bound the instant falls within leaves the
 * organ vague, never dropped. Each lifetime of an organ so spans one unbroken run of steps: an
 * organ vanishes and returns only when its own dates give it two lives.
 */
import { bounds, isoDay, parseDate, type Bounds, type DateSpan, type Presence } from './dates.ts';
import type { Model, Timed } from './model.ts';
import { snapshot, type Snapshot, type SnapshotOrgan } from './snapshot.ts';
import type { ChangeEvent, Edge } from './types.ts';

/** The stepping order of two EDTF dates: by last instant, then the finer date (later first instant) first. */
export function compareEventDates(a: string, b: string): number {
  const x = parseDate(a);
  const y = parseDate(b);
  if (x.max !== y.max) return x.max < y.max ? -1 : 1;
  if (x.min !== y.min) return x.min > y.min ? -1 : 1;
  return 0;
}

/** The events in stepping order (a new array; events of the same date keep their order). */
export function stepOrder(events: readonly ChangeEvent[]): ChangeEvent[] {
  return [...events].sort((a, b) => compareEventDates(a.date, b.date));
}

export interface EventStep {
  /** Position of the event in the stepping order. */
  index: number;
  event: ChangeEvent;
  /** The instant the step stands at (`min` = `max`): the last instant of the event's date. */
  at: DateSpan;
  /** The hierarchy just after the event. */
  snapshot: Snapshot;
  /** Organs drawn just before (after the previous step) and gone now, in document order: ghost them as they leave. */
  left: string[];
  /** Organs drawn now and not just before, in document order. */
  arrived: string[];
  /** The event's inputs it ended (gone now). */
  ended: string[];
  /**
   * What to frame: the event's outputs, then its other inputs, that are drawn now (for a rule
   * change, what it applies to). The first is the one to keep in view when not all fit legibly.
   */
  framed: string[];
}

interface Tied {
  b: Bounds;
  /** Spans of the bounds (undefined when open). */
  start?: DateSpan;
  end?: DateSpan;
  /** Step from which the start is decided as passed (when the instant leaves it open). */
  startStep: number;
  /** Step from which it is ended by an event (Infinity: none). */
  endStep: number;
  /** Steps up to this one keep it although its own end is over (an event names it then). */
  keepUntil: number;
}

interface EdgeTied extends Tied {
  timed: Timed<Edge>;
}

/** Precomputed once per model: the order, the instants and which bounds the events decide. */
export interface Stepper {
  /** The events in stepping order. */
  events: ChangeEvent[];
  /** The instant of each step (non-decreasing). */
  instants: number[];
  /** Position of each event id in `events`. */
  indexOf: Map<string, number>;
  /** Per organ its lifetimes, and per child its subordinations, with the steps that decide their bounds. */
  lives: Map<string, Tied[]>;
  edges: Map<string, EdgeTied[]>;
}

const cache = new WeakMap<Model, Stepper>();
const spanOf = (edtf: string | undefined) => (edtf === undefined || edtf === '..' ? undefined : parseDate(edtf));
/** Whether a bound's span (or a lifetime) and an event's date share an instant. */
const touches = (s: DateSpan | undefined, e: DateSpan) => s !== undefined && s.min <= e.max && s.max >= e.min;
const lifeTouches = (b: Bounds, e: DateSpan) => b.startMin <= e.max && b.endMax >= e.min;

export function stepper(model: Model): Stepper {
  const hit = cache.get(model);
  if (hit) return hit;
  const events = stepOrder(model.graph.events ?? []);
  const spans = events.map((e) => parseDate(e.date));
  const instants = spans.map((s) => (Number.isFinite(s.max) ? s.max : Number.isFinite(s.min) ? s.min : model.period.max));
  for (let k = 1; k < instants.length; k++) instants[k] = Math.max(instants[k], instants[k - 1]);
  const indexOf = new Map(events.map((e, k) => [e.id, k]));

  const lives = new Map<string, Tied[]>();
  for (const organ of model.graph.organs) {
    lives.set(
      organ.id,
      organ.exists.map((x) => ({ b: bounds(x), start: spanOf(x.start), end: spanOf(x.end), startStep: Infinity, endStep: Infinity, keepUntil: -Infinity })),
    );
  }
  const edges = new Map<string, EdgeTied[]>();
  for (const [child, list] of model.edgesByChild) {
    edges.set(
      child,
      list.map((timed) => ({ b: timed.b, start: spanOf(timed.item.start), end: spanOf(timed.item.end), startStep: Infinity, endStep: Infinity, keepUntil: -Infinity, timed })),
    );
  }

  events.forEach((e, k) => {
    const span = spans[k];
    const inputs = new Set(e.inputs);
    const outputs = new Set(e.outputs);
    for (const id of new Set([...e.inputs, ...e.outputs])) {
      const output = outputs.has(id);
      const step = output ? k : k - 1;
      for (const life of lives.get(id) ?? []) {
        if (!lifeTouches(life.b, span)) continue;
        if (touches(life.start, span)) life.startStep = Math.min(life.startStep, step);
        if (!output && touches(life.end, span)) life.endStep = Math.min(life.endStep, k);
        else life.keepUntil = Math.max(life.keepUntil, step);
      }
      // A re-parenting: a subordination to an input ends within the event's date and one to an
      // output starts within it. The old one holds until the step, the new one from it.
      const own = edges.get(id) ?? [];
      const olds = own.filter((x) => inputs.has(x.timed.item.parent) && !outputs.has(x.timed.item.parent) && touches(x.end, span));
      const news = own.filter((x) => outputs.has(x.timed.item.parent) && !inputs.has(x.timed.item.parent) && touches(x.start, span));
      if (olds.length && news.length) {
        for (const x of olds) x.endStep = Math.min(x.endStep, k);
        for (const x of news) x.startStep = Math.min(x.startStep, k);
      }
    }
  });
  const s: Stepper = { events, instants, indexOf, lives, edges };
  cache.set(model, s);
  return s;
}

/** How surely a lifetime (or a subordination) holds at step k, standing at instant t. */
function presenceAt(x: Tied, k: number, t: number, firstInstantOf: (j: number) => number): Presence {
  if (k >= x.endStep) return 0;
  const { b } = x;
  if (b.endMax < t) return k <= x.keepUntil ? 1 : 0;
  if (b.startMin > t) return 0;
  let p: Presence = 2;
  if (x.startStep !== Infinity) {
    // The event that names it decides while the instant falls within (or closes) the start's span.
    if (k < x.startStep && b.startMax >= t) return 0;
  } else if (b.startMax > t) p = 1;
  // The instant falls within the end's span: vague unless the event that ends it is surely later.
  if (b.endMin <= t && !(x.endStep !== Infinity && firstInstantOf(x.endStep) > t)) p = 1;
  return b.qualified ? 1 : p;
}

const instantOf = (model: Model, s: Stepper, k: number) => (k >= 0 ? s.instants[k] : s.instants.length ? parseDate(s.events[0].date).min - 1 : model.period.min);

/** How surely an organ is there at step k (k = -1: before the first event). */
function organAt(s: Stepper, id: string, k: number, t: number): Presence {
  const firstOf = (j: number) => parseDate(s.events[j].date).min;
  let best: Presence = 0;
  for (const life of s.lives.get(id) ?? []) {
    const p = presenceAt(life, k, t, firstOf);
    if (p > best) best = p;
  }
  if (k < 0 || !s.events[k].outputs.includes(id)) return best;
  const lives = s.lives.get(id) ?? [];
  // The event's outputs are there just after it: surely, when their dates allow it (and are not
  // qualified), vaguely when their dates say otherwise — unless an earlier step ended them (the
  // data puts their end before this event).
  if (best === 0) return lives.some((l) => l.endStep <= k) ? 0 : 1;
  return best === 1 && !lives.some((l) => l.b.qualified) ? 2 : best;
}

/** The snapshot at step k of the stepper (k = -1: before the first event). */
function stateAt(model: Model, s: Stepper, k: number): Snapshot {
  const t = instantOf(model, s, k);
  const firstOf = (j: number) => parseDate(s.events[j].date).min;
  const at: DateSpan = { edtf: Number.isFinite(t) ? isoDay(t) : '..', min: t, max: t, precision: 'day', uncertain: false, approximate: false };
  return snapshot(model, at, {
    presence: (id) => organAt(s, id, k, t),
    parent(id, drawn: ReadonlyMap<string, SnapshotOrgan>) {
      // Like the date's rule (the latest-begun subordination wins), among those whose parent is drawn.
      let found: EdgeTied | undefined;
      for (const e of s.edges.get(id) ?? []) {
        const parent = e.timed.item.parent;
        if (parent === id || !drawn.has(parent) || presenceAt(e, k, t, firstOf) === 0) continue;
        if (!found || e.b.startMin > found.b.startMin) found = e;
      }
      return found?.timed;
    },
  });
}

/** The state just after an event (by id or by its position in the stepping order), or undefined when there is none. */
export function justAfter(model: Model, event: string | number): EventStep | undefined {
  const s = stepper(model);
  const index = typeof event === 'number' ? event : s.indexOf.get(event);
  if (index === undefined || index < 0 || index >= s.events.length) return undefined;
  const e = s.events[index];
  const after = stateAt(model, s, index);
  // Just before: which organs were there is enough (no parents, names or figures needed).
  const t = instantOf(model, s, index - 1);
  const left: string[] = [];
  const arrived: string[] = [];
  for (const id of model.ids) {
    const was = organAt(s, id, index - 1, t) > 0;
    const is = after.organs.has(id);
    if (was && !is) left.push(id);
    else if (is && !was) arrived.push(id);
  }
  const outputs = new Set(e.outputs);
  const span = parseDate(e.date);
  return {
    index,
    event: e,
    at: after.at,
    snapshot: after,
    left,
    arrived,
    ended: e.inputs.filter((id) => !outputs.has(id) && (s.lives.get(id) ?? []).some((l) => l.endStep <= index && touches(l.end, span))),
    framed: [...new Set([...e.outputs, ...e.inputs])].filter((id) => after.organs.has(id)),
  };
}

/** The state just before an event: just after the one before it (before the first, the instant before its date). */
export function justBefore(model: Model, event: string | number): Snapshot | undefined {
  const s = stepper(model);
  const index = typeof event === 'number' ? event : s.indexOf.get(event);
  if (index === undefined || index < 0 || index >= s.events.length) return undefined;
  return stateAt(model, s, index - 1);
}
