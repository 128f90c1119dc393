/**
 * A graph made ready for questions about time: every interval parsed once, organs indexed by
 * when they existed, edges, names, figures and posts grouped by organ.
 */
import { bounds, parseDate, presence, type Bounds, type DateSpan, type Presence } from './dates.ts';
import { IntervalIndex } from './interval-index.ts';
import type { Edge, Figure, Graph, Name, Organ, Person, Post } from './types.ts';

export interface Timed<T> {
  item: T;
  b: Bounds;
}

export interface DatedFigure {
  figure: Figure;
  /** The first instant of its date (its last, for a date open before: "by June 1932"). */
  min: number;
}

/**
 * When a figure holds from: the first instant of its date; but a date open before
 * (`[..1932-06]`, "by June 1932") says only that the figure held by its end.
 */
export function figureInstant(edtf: string): number {
  const d = parseDate(edtf);
  return Number.isFinite(d.min) ? d.min : d.max;
}

export interface Model {
  graph: Graph;
  organs: Map<string, Organ>;
  /** Organ ids in document order. */
  ids: string[];
  /** Document order of organs: siblings keep it, so pictures do not reshuffle between dates. */
  order: Map<string, number>;
  existence: Map<string, Bounds[]>;
  edgesByChild: Map<string, Timed<Edge>[]>;
  namesByOrgan: Map<string, Timed<Name>[]>;
  /** Per organ and measure, figures sorted by date. */
  figures: Map<string, Map<string, DatedFigure[]>>;
  postsByOrgan: Map<string, Timed<Post>[]>;
  people: Map<string, Person>;
  /** Organs (by position in `ids`) indexed by the span of each of their lives. */
  index: IntervalIndex<number>;
  /** The span the graph covers: its `period`, or the extent of its dated data. */
  period: { min: number; max: number };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the model. The graph must have passed validation (dates parse, references resolve). */
export function buildModel(graph: Graph): Model {
  const organs = new Map<string, Organ>();
  const order = new Map<string, number>();
  const existence = new Map<string, Bounds[]>();
  const entries: { lo: number; hi: number; item: number }[] = [];
  graph.organs.forEach((organ, i) => {
    organs.set(organ.id, organ);
    order.set(organ.id, i);
    const list = organ.exists.map((e) => bounds(e));
    existence.set(organ.id, list);
    for (const b of list) entries.push({ lo: b.startMin, hi: b.endMax, item: i });
  });

  const edgesByChild = new Map<string, Timed<Edge>[]>();
  for (const edge of graph.edges) push(edgesByChild, edge.child, { item: edge, b: bounds(edge) });
  const namesByOrgan = new Map<string, Timed<Name>[]>();
  for (const organ of graph.organs) namesByOrgan.set(organ.id, organ.names.map((n) => ({ item: n, b: bounds(n) })));
  const postsByOrgan = new Map<string, Timed<Post>[]>();
  for (const post of graph.posts ?? []) push(postsByOrgan, post.organ, { item: post, b: bounds(post) });

  const figures = new Map<string, Map<string, DatedFigure[]>>();
  for (const figure of graph.figures ?? []) {
    let byMeasure = figures.get(figure.organ);
    if (!byMeasure) figures.set(figure.organ, (byMeasure = new Map()));
    push(byMeasure, figure.measure, { figure, min: figureInstant(figure.date) });
  }
  for (const byMeasure of figures.values()) for (const list of byMeasure.values()) list.sort((a, b) => a.min - b.min);

  return {
    graph,
    organs,
    ids: graph.organs.map((o) => o.id),
    order,
    existence,
    edgesByChild,
    namesByOrgan,
    figures,
    postsByOrgan,
    people: new Map((graph.people ?? []).map((p) => [p.id, p])),
    index: new IntervalIndex(entries),
    period: graphPeriod(graph, entries),
  };
}

function graphPeriod(graph: Graph, entries: { lo: number; hi: number }[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  const see = (t: number) => {
    if (Number.isFinite(t)) {
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
  };
  for (const e of entries) {
    see(e.lo);
    see(e.hi);
  }
  for (const ev of graph.events ?? []) see(parseDate(ev.date).min);
  for (const f of graph.figures ?? []) see(parseDate(f.date).min);
  if (graph.period?.start) min = parseDate(graph.period.start).min;
  if (graph.period?.end) max = parseDate(graph.period.end).max;
  if (!Number.isFinite(min)) return { min: Date.UTC(1900, 0, 1), max: Date.UTC(2000, 0, 1) };
  return { min, max: Math.max(min, max) };
}

/** How surely the organ existed at D (the best of its intervals). */
export function organPresence(model: Model, id: string, at: DateSpan): Presence {
  let best: Presence = 0;
  for (const b of model.existence.get(id) ?? []) {
    const p = presence(b, at);
    if (p > best) best = p;
  }
  return best;
}

/**
 * The one item of a timed list in force at D: one that certainly holds at D before one that only
 * may (an attested predecessor keeps its children until its successor certainly exists); among
 * equals, the one that began last (a re-parenting or renaming supersedes what it replaces during
 * a vague handover).
 */
export function current<T>(list: Timed<T>[] | undefined, at: DateSpan): Timed<T> | undefined {
  if (list === undefined) return undefined;
  if (list.length === 1) return presence(list[0].b, at) > 0 ? list[0] : undefined;
  let found: Timed<T> | undefined;
  let foundPresence = 0;
  for (const t of list) {
    const p = presence(t.b, at);
    if (p === 0) continue;
    if (!found || p > foundPresence || (p === foundPresence && t.b.startMin > found.b.startMin)) {
      found = t;
      foundPresence = p;
    }
  }
  return found;
}

/** Every item of a timed list that may hold at D. */
export function during<T>(list: Timed<T>[] | undefined, at: DateSpan): Timed<T>[] {
  return (list ?? []).filter((t) => presence(t.b, at) > 0);
}

/** The organ's name at D, or its first name when none is dated to D. */
export function nameAt(model: Model, id: string, at?: DateSpan): string {
  const names = model.namesByOrgan.get(id);
  const named = at ? current(names, at) : undefined;
  return named?.item.name ?? names?.[0]?.item.name ?? id;
}

/** Per measure, the latest figures dated at or before D: all of them when several share that date. */
export function latestFigures(model: Model, id: string, at: DateSpan): Map<string, Figure[]> {
  const result = new Map<string, Figure[]>();
  for (const [measure, list] of model.figures.get(id) ?? []) {
    // Binary search for the last figure whose date begins at or before D ends.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].min <= at.max) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) continue;
    const latest = list[lo - 1].min;
    const same: Figure[] = [];
    for (let i = lo - 1; i >= 0 && list[i].min === latest; i--) same.unshift(list[i].figure);
    result.set(measure, same);
  }
  return result;
}

/** A date for questions, from an EDTF string. */
export function at(edtf: string): DateSpan {
  return parseDate(edtf);
}
