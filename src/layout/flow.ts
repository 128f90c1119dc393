/**
 * The flow of a hierarchy over its whole period (Tree Flow, Harry & Wattenberg 2005): time runs
 * left to right, each organ is a line from when it began to when it ended, and the rows are in
 * depth-first order under the parent of the moment. Pure: no DOM.
 *
 * A row is one *placement*: an organ under one parent for one interval (an edge, cut to the
 * organ's existence). An organ re-parented in December 1931 therefore has two rows, one under the
 * obkom and one under the gorkom, and a `move` connector between them; a split or a merge draws
 * connectors from its inputs' rows to its outputs'. A row's children are the placements whose
 * parent placement it is; siblings keep the document order, except that an organ that came out of
 * a sibling (a split's outputs) follows that sibling, so a lineage reads downwards.
 *
 * Linear in the organs, edges and figures, plus a sort of each row's children.
 */
import type { Model } from '../model/model.ts';
import type { ChangeEvent, OrganType } from '../model/types.ts';
import { parseDate } from '../model/dates.ts';
import { followParents, overlap, placements, type Placement } from './flow-placements.ts';

export { timeTicks, timeX, xTime, YEAR_MS, type Tick } from './flow-time.ts';

/** A span of time in ms since 1970 (UTC); `min === max` for a precise instant. */
export interface Span {
  min: number;
  max: number;
}

export interface FlowOptions {
  /** Types not drawn; their children hang from the nearest drawn ancestor's row. */
  hidden?: ReadonlySet<string>;
  /** Organs whose descendants are folded away. */
  collapsed?: ReadonlySet<string>;
  /** Draw only this organ's rows and what is under them. */
  focus?: string;
  /** Fold rows deeper than this (0: roots only). */
  maxDepth?: number;
}

export interface FlowName {
  /** When the name begins on this row (the row's start for the first). */
  at: number;
  name: string;
}

export interface FlowCount {
  /** When the count figure is dated (the row's start for a count carried in from before). */
  at: number;
  /** Every value given for that date: conflicting sources side by side. */
  values: number[];
  qualifier?: 'approx' | 'min' | 'max';
}

export interface FlowRow {
  index: number;
  organ: string;
  type: OrganType;
  typeLabel?: string;
  /** The name at the row's start. */
  name: string;
  depth: number;
  /** The parent organ of this placement (absent for a root). */
  parent?: string;
  parentName?: string;
  /** The drawn row it hangs from (a hidden parent's type makes it the nearest drawn ancestor's). */
  parentRow?: number;
  /** When the line may begin: it fades in from `start.min` to `start.max`. */
  start: Span;
  /** When it may end: it fades out from `end.min` to `end.max`. */
  end: Span;
  /** The bounds as the data gives them (EDTF), for tables and titles. */
  from?: string;
  to?: string;
  /** It began before the period (or its start is open). */
  openStart: boolean;
  /** It lasts beyond the period (or its end is open). */
  openEnd: boolean;
  /** A bound is uncertain (?) or approximate (~). */
  qualified: boolean;
  /** The placement (or the existence) is our inference, not the source's statement. */
  inferred: boolean;
  inferredNote?: string;
  counted: boolean;
  /** The name at the start, then each rename along the line. */
  names: FlowName[];
  /** A counted group's counts: the one in force at the start, then each change. */
  counts: FlowCount[];
  /** The restructuring that began or ended this row, when the data names one. */
  began?: string;
  ended?: string;
  /** How many rows a fold (collapse or depth limit) hides under this one. */
  folded: number;
}

export type ConnectorKind = 'move' | 'split' | 'merge' | 'rename' | 'create';

export interface FlowConnector {
  kind: ConnectorKind;
  /** Row indices: from the input (or the old placement) to the output (or the new one). */
  from: number;
  to: number;
  /** When: the new row's start, or the event's date. */
  at: Span;
  event?: string;
  inferred: boolean;
}

export interface FlowEvent {
  id: string;
  kind: ChangeEvent['kind'];
  title: string;
  date: string;
  at: Span;
  /** Rows of its inputs and outputs at its date (drawn ones only). */
  rows: number[];
}

export interface Flow {
  period: Span;
  rows: FlowRow[];
  connectors: FlowConnector[];
  events: FlowEvent[];
  /** Row indices of each drawn organ, in time order. */
  rowsOf: Map<string, number[]>;
  /** The deepest row's depth. */
  depth: number;
  /** Rows (placements) that the filters hide. */
  hiddenCount: number;
}

/** Bounds coarser than a month fade; a month or a day is drawn as a sharp bound. */
export const FADE_MIN_MS = 32 * 86_400_000;

const LINEAGE: ReadonlySet<string> = new Set(['split', 'merge', 'rename', 'create']);
/** Events that end their inputs (a creation out of another organ leaves it standing). */
const ENDING: ReadonlySet<string> = new Set(['split', 'merge', 'rename', 'abolish', 're-parent']);
/** Which event names a row's beginning or end, when several could. */
const PRIORITY: Record<string, number> = { split: 0, merge: 0, rename: 1, create: 2, abolish: 2, 're-parent': 3, 'rule-change': 9 };

const meets = (a: Span, b: Span) => a.min <= b.max && a.max >= b.min;

/** The earliest-starting first, for stable order within an organ. */
const byStart = (list: Placement[]) => (a: number, b: number) => list[a].b.startMin - list[b].b.startMin || list[a].b.endMax - list[b].b.endMax;

/** Who came out of whom, through the lineage events: an output follows its (first) input among siblings. */
function predecessors(events: readonly ChangeEvent[]): Map<string, string> {
  const pred = new Map<string, string>();
  for (const e of events) {
    if (!LINEAGE.has(e.kind)) continue;
    for (const o of e.outputs) for (const i of e.inputs) if (i !== o && !pred.has(o)) pred.set(o, i);
  }
  return pred;
}

/** Computes the flow of the whole model: rows, connectors and event marks. */
export function flowLayout(model: Model, options: FlowOptions = {}): Flow {
  const period: Span = { min: model.period.min, max: model.period.max };
  const clamp = (t: number) => Math.min(period.max, Math.max(period.min, t));
  const list = followParents(placements(model));
  const byOrgan = new Map<string, number[]>();
  list.forEach((p, i) => {
    const l = byOrgan.get(p.organ);
    if (l) l.push(i);
    else byOrgan.set(p.organ, [i]);
  });
  for (const l of byOrgan.values()) l.sort(byStart(list));

  // Each placement hangs from the parent's placement it overlaps most.
  const roots: number[] = [];
  list.forEach((p, i) => {
    if (p.parent !== undefined && p.parent !== p.organ) {
      let best = -1;
      let most = -Infinity;
      for (const j of byOrgan.get(p.parent) ?? []) {
        const o = overlap(list[j].b, p.b);
        if (o > most) (most = o), (best = j);
      }
      if (best >= 0 && most >= 0) {
        p.up = best;
        list[best].kids.push(i);
        return;
      }
    }
    roots.push(i);
  });

  const events = model.graph.events ?? [];
  const pred = predecessors(events);
  const order = (i: number) => model.order.get(list[i].organ) ?? 0;
  const begins = (i: number) => Math.max(model.period.min, list[i].b.startMin);
  const sortSiblings = (ids: number[]): number[] => {
    if (ids.length < 2) return ids;
    // By when they began (what came later reads lower, as in a Gantt chart), then in document order.
    ids.sort((a, b) => begins(a) - begins(b) || order(a) - order(b));
    if (pred.size === 0) return ids;
    // An organ that came out of a sibling follows it (and whatever followed that sibling before).
    const here = new Map<string, number>();
    for (const i of ids) if (!here.has(list[i].organ)) here.set(list[i].organ, i);
    const followers = new Map<number, number[]>();
    const leads: number[] = [];
    for (const i of ids) {
      const p = pred.get(list[i].organ);
      const anchor = p !== undefined ? here.get(p) : undefined;
      if (anchor !== undefined && anchor !== i && list[anchor].b.startMin <= list[i].b.startMin) {
        const f = followers.get(anchor);
        if (f) f.push(i);
        else followers.set(anchor, [i]);
      } else leads.push(i);
    }
    const out: number[] = [];
    const seen = new Set<number>();
    const emit = (i: number) => {
      if (seen.has(i)) return;
      seen.add(i);
      out.push(i);
      for (const f of followers.get(i) ?? []) emit(f);
    };
    leads.forEach(emit);
    ids.forEach(emit); // anything caught in a cycle of anchors
    return out;
  };

  // Depth-first walk over placements, applying the filters (as the chart's view tree does).
  const hidden = options.hidden ?? new Set<string>();
  const collapsed = options.collapsed ?? new Set<string>();
  const maxDepth = options.maxDepth ?? Infinity;
  const start = options.focus && byOrgan.has(options.focus) ? [...byOrgan.get(options.focus)!] : roots;
  const rows: FlowRow[] = [];
  const rowOf = new Int32Array(list.length).fill(-1);
  const visited = new Uint8Array(list.length);
  let hiddenCount = 0;
  let deepest = 0;
  type Frame = { i: number; drawn: number; depth: number; fold: number };
  const stack: Frame[] = [];
  const pushKids = (ids: number[], drawn: number, depth: number, fold: number) => {
    const sorted = ids.length < 2 ? ids : sortSiblings([...ids]);
    for (let k = sorted.length - 1; k >= 0; k--) stack.push({ i: sorted[k], drawn, depth, fold });
  };
  pushKids(start, -1, 0, -1);
  const walk = () => {
    while (stack.length) {
      const { i, drawn, depth, fold } = stack.pop()!;
      if (visited[i]) continue;
      visited[i] = 1;
      const p = list[i];
      const organ = model.organs.get(p.organ)!;
      let nextDrawn = drawn;
      let nextDepth = depth;
      let nextFold = fold;
      if (fold >= 0) {
        rows[fold].folded++;
      } else if (hidden.has(organ.type)) {
        hiddenCount++;
      } else {
        const row = makeRow(model, p, rows.length, depth, drawn >= 0 ? drawn : undefined, clamp, period);
        rowOf[i] = row.index;
        rows.push(row);
        deepest = Math.max(deepest, depth);
        nextDrawn = row.index;
        nextDepth = depth + 1;
        if (collapsed.has(p.organ) || depth >= maxDepth) nextFold = row.index;
      }
      pushKids(p.kids, nextDrawn, nextDepth, nextFold);
    }
  };
  walk();
  // Placements in a cycle of parents are reached from nowhere: draw them as roots.
  if (!options.focus)
    for (let i = 0; i < list.length; i++)
      if (!visited[i]) {
        pushKids([i], -1, 0, -1);
        walk();
      }
  for (const r of rows) if (r.parentRow !== undefined) r.parentName = rows[r.parentRow].name;

  const rowsOf = new Map<string, number[]>();
  for (const r of rows) {
    const l = rowsOf.get(r.organ);
    if (l) l.push(r.index);
    else rowsOf.set(r.organ, [r.index]);
  }
  for (const l of rowsOf.values()) l.sort((a, b) => rows[a].start.min - rows[b].start.min);

  const flowEvents = markEvents(events, rows, rowsOf, clamp);
  const connectors = connect(events, rows, rowsOf, flowEvents);
  return { period, rows, connectors, events: flowEvents, rowsOf, depth: deepest, hiddenCount };
}

function makeRow(model: Model, p: Placement, index: number, depth: number, parentRow: number | undefined, clamp: (t: number) => number, period: Span): FlowRow {
  const organ = model.organs.get(p.organ)!;
  const start: Span = { min: clamp(p.b.startMin), max: clamp(Math.max(p.b.startMin, p.b.startMax)) };
  const end: Span = { min: clamp(Math.min(p.b.endMin, p.b.endMax)), max: clamp(p.b.endMax) };
  if (end.min < start.max) {
    // The bounds overlap (a start known only as "by 1932" and an end in 1930): no part is certain,
    // so the line fades in and out around where the two spans meet, never beyond its end.
    const pivot = Math.max(start.min, Math.min(start.max, end.max));
    start.max = pivot;
    end.min = pivot;
  }
  if (start.max - start.min < FADE_MIN_MS) start.max = start.min;
  if (end.max - end.min < FADE_MIN_MS) end.min = end.max;
  // A name or count that begins only as the line ends (a handover month) belongs to the next line.
  const last = Math.max(start.min, clamp(Math.min(p.b.endMin, p.b.endMax)) - 1);
  const names = namesOn(model, p.organ, start.min, last);
  return {
    index,
    organ: p.organ,
    type: organ.type,
    typeLabel: organ.typeLabel,
    name: names[0]?.name ?? p.organ,
    depth,
    parent: p.parent,
    parentRow,
    start,
    end,
    from: p.from,
    to: p.to,
    openStart: p.b.startMin < period.min,
    openEnd: p.b.endMax > period.max,
    qualified: p.qualified,
    inferred: p.inferred,
    inferredNote: p.note,
    counted: organ.counted === true,
    names,
    counts: countsOn(model, p.organ, start.min, last),
    folded: 0,
  };
}

/** The name in force at `from` (the one begun last), then each later one that begins by `to`. */
function namesOn(model: Model, id: string, from: number, to: number): FlowName[] {
  const list = model.namesByOrgan.get(id) ?? [];
  if (list.length === 1) return [{ at: from, name: list[0].item.name }];
  const timed = [...list].sort((a, b) => a.b.startMin - b.b.startMin);
  let first: string | undefined;
  const out: FlowName[] = [];
  for (const t of timed) {
    if (t.b.endMax < from || t.b.startMin > to) continue;
    if (t.b.startMin <= from) first = t.item.name;
    else if (out.length === 0 || out[out.length - 1].name !== t.item.name) out.push({ at: t.b.startMin, name: t.item.name });
  }
  const head = first ?? timed[0]?.item.name;
  const names = head !== undefined ? [{ at: from, name: head }, ...out] : out;
  return names.filter((n, i) => i === 0 || n.name !== names[i - 1].name);
}

/** Count figures: the date in force at `from` (its latest), then every later date up to `to`; conflicting values together. */
function countsOn(model: Model, id: string, from: number, to: number): FlowCount[] {
  const list = model.figures.get(id)?.get('count');
  if (!list) return [];
  // Figures are sorted by date: group those of one date.
  const groups: FlowCount[] = [];
  for (const { figure, min } of list) {
    if (min > to) break;
    const last = groups[groups.length - 1];
    if (last && last.at === min) {
      if (!last.values.includes(figure.value)) last.values.push(figure.value);
    } else groups.push({ at: min, values: [figure.value], qualifier: figure.qualifier });
  }
  let k = groups.length;
  while (k > 0 && groups[k - 1].at > from) k--;
  const carried = k > 0 ? [{ ...groups[k - 1], at: from }] : [];
  return [...carried, ...groups.slice(k)];
}

function markEvents(events: readonly ChangeEvent[], rows: FlowRow[], rowsOf: Map<string, number[]>, clamp: (t: number) => number): FlowEvent[] {
  const out: FlowEvent[] = [];
  for (const e of events) {
    let span: Span;
    try {
      const d = parseDate(e.date);
      span = { min: clamp(d.min), max: clamp(d.max) };
    } catch {
      continue;
    }
    const touched = new Set<number>();
    for (const id of [...e.inputs, ...e.outputs]) for (const r of rowsOf.get(id) ?? []) if (meets(widen(rows[r]), span)) touched.add(r);
    out.push({ id: e.id, kind: e.kind, title: e.title, date: e.date, at: span, rows: [...touched].sort((a, b) => a - b) });
    const rank = PRIORITY[e.kind] ?? 5;
    for (const id of e.outputs)
      for (const r of rowsOf.get(id) ?? []) {
        const row = rows[r];
        if (meets(row.start, span) && rank < (row.began ? (PRIORITY[kindOf(events, row.began)] ?? 5) : 9)) row.began = e.id;
      }
    if (!ENDING.has(e.kind)) continue;
    for (const id of e.inputs) {
      if (e.outputs.includes(id) && e.kind !== 're-parent') continue;
      for (const r of rowsOf.get(id) ?? []) {
        const row = rows[r];
        if (!row.openEnd && meets(row.end, span) && rank < (row.ended ? (PRIORITY[kindOf(events, row.ended)] ?? 5) : 9)) row.ended = e.id;
      }
    }
  }
  return out.sort((a, b) => a.at.min - b.at.min);
}

const kindOf = (events: readonly ChangeEvent[], id: string) => events.find((e) => e.id === id)?.kind ?? 'rule-change';
const widen = (r: FlowRow): Span => ({ min: r.start.min, max: r.end.max });

function connect(events: readonly ChangeEvent[], rows: FlowRow[], rowsOf: Map<string, number[]>, marks: FlowEvent[]): FlowConnector[] {
  const out: FlowConnector[] = [];
  const markOf = new Map(marks.map((m) => [m.id, m]));
  // Re-parenting: each row of an organ moves to the next when one ends as the next begins.
  for (const [organ, ids] of rowsOf) {
    for (let k = 1; k < ids.length; k++) {
      const a = rows[ids[k - 1]];
      const b = rows[ids[k]];
      if (a.end.max < b.start.min - 86_400_000) continue;
      // The event that moved it, or its parent (a line follows its parent's move).
      const moved = (id: string | undefined) =>
        id === undefined ? undefined : events.find((e) => e.kind === 're-parent' && (e.inputs.includes(id) || e.outputs.includes(id)) && markOf.has(e.id) && meets(markOf.get(e.id)!.at, { min: b.start.min, max: Math.max(b.start.max, b.start.min) }));
      const ev = moved(organ) ?? moved(b.parent);
      out.push({ kind: 'move', from: a.index, to: b.index, at: { ...b.start }, event: ev?.id, inferred: a.inferred || b.inferred });
    }
  }
  const drawn = new Set<string>();
  // Splits, merges, renames into another organ, creations out of another organ: input row to output row.
  for (const e of events) {
    if (!LINEAGE.has(e.kind)) continue;
    const mark = markOf.get(e.id);
    if (!mark) continue;
    for (const i of e.inputs)
      for (const o of e.outputs) {
        if (i === o) continue;
        const from = lastAt(rows, rowsOf.get(i), mark.at);
        const to = firstAt(rows, rowsOf.get(o), mark.at);
        if (from === undefined || to === undefined || from === to) continue;
        // A creation under its own parent is drawn by the tree already.
        if (e.kind === 'create' && (rows[to].parent === i || rows[from].parent === o)) continue;
        // Two accounts of one change (a division, or a renaming): one connector, the first event's.
        if (drawn.has(`${from}>${to}`)) continue;
        drawn.add(`${from}>${to}`);
        out.push({ kind: e.kind as ConnectorKind, from, to, at: { ...mark.at }, event: e.id, inferred: rows[from].inferred || rows[to].inferred });
      }
  }
  return out;
}

/** The input's row in force at the date: the last that may exist then. */
function lastAt(rows: FlowRow[], ids: number[] | undefined, at: Span): number | undefined {
  let found: number | undefined;
  for (const r of ids ?? []) if (meets(widen(rows[r]), at)) found = r;
  return found;
}

/** The output's row that begins at the date (or the first that may exist then). */
function firstAt(rows: FlowRow[], ids: number[] | undefined, at: Span): number | undefined {
  for (const r of ids ?? []) if (meets(rows[r].start, at)) return r;
  for (const r of ids ?? []) if (meets(widen(rows[r]), at)) return r;
  return undefined;
}

/** A line's stroke width for a counted group's count: thicker by the logarithm, 3 px for one organ to 11 px for 10,000. */
export function countWidth(values: readonly number[]): number {
  const v = values.length ? Math.max(...values) : 0;
  return v <= 1 ? 3 : Math.min(11, 3 + 2 * Math.log10(v));
}

export interface FlowTableRow {
  organ: string;
  name: string;
  parent: string;
  from?: string;
  to?: string;
  /** The restructurings that began and ended it (titles). */
  began?: string;
  ended?: string;
  renames: string[];
}

/** The flow as a table: one row per line (organ, parent, from, to, event), in the flow's order. */
export function flowTable(model: Model, flow: Flow): FlowTableRow[] {
  const title = new Map((model.graph.events ?? []).map((e) => [e.id, e.title]));
  return flow.rows.map((r) => ({
    organ: r.organ,
    name: r.name,
    parent: r.parent ? (r.parentName ?? model.namesByOrgan.get(r.parent)?.[0]?.item.name ?? r.parent) : '',
    from: r.from,
    to: r.to,
    began: r.began ? title.get(r.began) : undefined,
    ended: r.ended ? title.get(r.ended) : undefined,
    renames: r.names.slice(1).map((n) => n.name),
  }));
}
