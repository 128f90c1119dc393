/**
 * Editing a graph, one action at a time: pure functions from a graph to a new graph (the input is
 * never changed). A restructuring is one action that writes its event and ends and starts the
 * intervals and edges it implies, so that lineage holds. `attempt` checks each change with the
 * CLI's validation and refuses one that brings new errors, naming the field each concerns.
 */
import { checkDate, parseDate } from './dates.ts';
import type { ChangeEvent, Edge, Edtf, Figure, Graph, Organ, OrganType, Person, Post, Source, SourceRefs } from './types.ts';
import { validateGraph, type Issue } from './validate.ts';

/** A request the graph cannot take, said at the field of the form it concerns. */
export class EditError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A problem with a change, at the field it concerns (`name`, `start`, `parent`, ...). */
export interface Problem {
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** A new organ, as a form gives it. */
export interface OrganInput {
  id: string;
  type: OrganType;
  typeLabel?: string;
  name: string;
  /** EDTF; absent: open (before what the data knows). */
  start?: Edtf;
  end?: Edtf;
  aliases?: string[];
  note?: string;
  sources: SourceRefs;
  /** Placed under this organ from `start`. */
  parent?: string;
}

/** What every restructuring says about itself. */
interface EventInput {
  date: Edtf;
  sources: SourceRefs;
  /** Defaults: an id and a title made from the action. */
  eventId?: string;
  title?: string;
  description?: string;
}

export type Restructuring = EventInput &
  (
    | { kind: 'create'; organ: OrganInput }
    | { kind: 'abolish'; organ: string }
    | { kind: 'rename'; organ: string; name: string }
    | { kind: 're-parent'; organ: string; parent: string }
    | { kind: 'split'; organ: string; into: OrganInput[]; childrenTo?: string }
    | { kind: 'merge'; organs: string[]; into: OrganInput }
  );

/** Drops absent fields and empty lists (but `sources`): the validation refuses `undefined`, which JSON cannot hold. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0 && k !== 'sources'))) as T;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** A new, empty graph: one source to cite is all it needs to take organs. */
export function emptyGraph(id: string, title: string): Graph {
  if (!ID.test(id)) throw new EditError('id', 'an id is letters, digits, "-", "_" or "." without spaces, e.g. "my-ministry"');
  if (!title.trim()) throw new EditError('title', 'give the graph a title');
  return { apparat: 1, id, title: title.trim(), sources: {}, organs: [], edges: [] };
}

/** An id made from words: "Fleet Department" → "fleet-department", unique in `taken`. */
export function makeId(words: string, taken: Iterable<string>): string {
  const base =
    words
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item';
  const used = new Set(taken);
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

function date(value: string | undefined, field: string): number {
  if (value === undefined || value === '') throw new EditError(field, 'give a date, e.g. 1932-06-21, 1930-07 or 1930');
  const problem = checkDate(value);
  if (problem) throw new EditError(field, problem);
  return parseDate(value).min;
}

const startOf = (i: { start?: string }) => (i.start === undefined ? -Infinity : parseDate(i.start).min);
const endOf = (i: { end?: string }) => (i.end === undefined ? Infinity : parseDate(i.end).max);
/** An interval running at instant t (its end may be t itself: the handover day). */
const runs = (i: { start?: string; end?: string }, t: number) => startOf(i) <= t && endOf(i) >= t;

function organ(g: Graph, id: string, field = 'organ'): Organ {
  const o = g.organs.find((x) => x.id === id);
  if (!o) throw new EditError(field, id ? `there is no organ "${id}" in this graph` : 'choose an organ');
  return o;
}

function needSources(g: Graph, sources: SourceRefs): void {
  if (sources.length === 0) throw new EditError('sources', 'cite at least one source (add one first if the list is empty)');
  const unknown = sources.find((s) => !g.sources[s]);
  if (unknown) throw new EditError('sources', `there is no source "${unknown}"`);
}

export function addSource(graph: Graph, id: string, source: Source): Graph {
  if (!ID.test(id)) throw new EditError('id', 'a source id is letters, digits, "-", "_" or "." without spaces');
  if (graph.sources[id]) throw new EditError('id', `there is already a source "${id}"`);
  if (!source.citation.trim()) throw new EditError('citation', 'say where the claim comes from: a book, an archive file, a page');
  return { ...graph, sources: { ...graph.sources, [id]: compact({ ...source, citation: source.citation.trim() }) } };
}

/** Adds an organ with its first name, lifetime and (from its start) its parent. */
export function addOrgan(graph: Graph, o: OrganInput): Graph {
  if (!ID.test(o.id)) throw new EditError('id', 'an id is letters, digits, "-", "_" or "." without spaces');
  if (graph.organs.some((x) => x.id === o.id)) throw new EditError('id', `there is already an organ "${o.id}"`);
  if (!o.name.trim()) throw new EditError('name', 'give the organ a name');
  if (o.start) date(o.start, 'start');
  if (o.end) date(o.end, 'end');
  needSources(graph, o.sources);
  const added: Organ = compact({
    id: o.id,
    type: o.type,
    typeLabel: o.typeLabel?.trim() || undefined,
    names: [compact({ name: o.name.trim(), start: o.start || undefined })],
    aliases: o.aliases?.map((a) => a.trim()).filter(Boolean),
    exists: [compact({ start: o.start || undefined, end: o.end || undefined })],
    note: o.note?.trim() || undefined,
    sources: [...o.sources],
  });
  const g = { ...graph, organs: [...graph.organs, added] };
  if (!o.parent) return g;
  organ(g, o.parent, 'parent');
  return { ...g, edges: [...g.edges, compact({ child: o.id, parent: o.parent, start: o.start || undefined, end: o.end || undefined, sources: [...o.sources] })] };
}

/** Ends at `at` every interval of `list` that runs then and matches; others stay as they are. */
function endRunning<T extends { start?: string; end?: string }>(list: T[], at: Edtf, t: number, match: (x: T) => boolean): T[] {
  return list.map((x) => (match(x) && runs(x, t) ? { ...x, end: at } : x));
}

/** The parent of an organ at instant t, if any. */
export function parentAt(graph: Graph, child: string, t: number): string | undefined {
  return graph.edges.find((e) => e.child === child && runs(e, t) && endOf(e) > t)?.parent ?? graph.edges.find((e) => e.child === child && runs(e, t))?.parent;
}

/** The end of the organ's lifetime running at t (its edges end with it). */
const lifeEnd = (o: Organ, t: number) => o.exists.find((x) => runs(x, t))?.end;

/** Places `child` under `parent` from `from` (no parent: a root from then): the running edge ends then. */
export function place(graph: Graph, child: string, parent: string | undefined, from: Edtf, sources: SourceRefs): Graph {
  const t = date(from, 'date');
  const o = organ(graph, child);
  if (!o.exists.some((x) => runs(x, t))) throw new EditError('date', `"${child}" does not exist at ${from}`);
  if (parent !== undefined) {
    if (parent === child) throw new EditError('parent', 'an organ cannot be its own parent');
    const p = organ(graph, parent, 'parent');
    if (!p.exists.some((x) => runs(x, t))) throw new EditError('parent', `"${parent}" does not exist at ${from}`);
  }
  needSources(graph, sources);
  const edges = endRunning(graph.edges, from, t, (e) => e.child === child);
  if (parent === undefined) return { ...graph, edges };
  const edge: Edge = compact({ child, parent, start: from, end: lifeEnd(o, t), sources: [...sources] });
  return { ...graph, edges: [...edges, edge] };
}

/** Ends an organ at `at`: its lifetime, its own edge, and its children's edges (they are placed anew by the caller). */
function endOrgan(graph: Graph, id: string, at: Edtf, t: number): Graph {
  const o = organ(graph, id);
  if (!o.exists.some((x) => runs(x, t))) throw new EditError('organ', `"${id}" does not exist at ${at}`);
  return {
    ...graph,
    organs: graph.organs.map((x) => (x.id === id ? { ...x, exists: endRunning(x.exists, at, t, () => true), names: endRunning(x.names, at, t, () => true) } : x)),
    edges: endRunning(graph.edges, at, t, (e) => e.child === id || e.parent === id),
  };
}

/** The children of an organ at instant t. */
const childrenAt = (graph: Graph, id: string, t: number) => [...new Set(graph.edges.filter((e) => e.parent === id && runs(e, t) && endOf(e) > t).map((e) => e.child))];

function eventFor(graph: Graph, r: Restructuring, inputs: string[], outputs: string[], title: string): ChangeEvent {
  const taken = (graph.events ?? []).map((e) => e.id);
  const id = r.eventId?.trim() || makeId(`${title} ${r.date}`, taken);
  if (taken.includes(id)) throw new EditError('eventId', `there is already an event "${id}"`);
  return { id, date: r.date, kind: r.kind, title: r.title?.trim() || title, description: r.description?.trim() ?? '', inputs, outputs, sources: [...r.sources] };
}

const nameOf = (graph: Graph, id: string) => {
  const names = graph.organs.find((o) => o.id === id)?.names ?? [];
  return names[names.length - 1]?.name ?? id;
};

/** One restructuring: its event written, and the intervals and edges it implies ended and started. */
export function restructure(graph: Graph, r: Restructuring): Graph {
  const t = date(r.date, 'date');
  needSources(graph, r.sources);
  const from = (o: OrganInput, parent?: string): OrganInput => ({ ...o, start: r.date, end: undefined, parent: o.parent ?? parent, sources: o.sources.length ? o.sources : r.sources });
  let g = graph;
  let event: ChangeEvent;
  switch (r.kind) {
    case 'create': {
      g = addOrgan(g, from(r.organ));
      event = eventFor(g, r, [], [r.organ.id], `${r.organ.name} created`);
      break;
    }
    case 'abolish': {
      const children = childrenAt(g, r.organ, t);
      g = endOrgan(g, r.organ, r.date, t);
      event = eventFor(g, r, [r.organ], [], `${nameOf(g, r.organ)} abolished`);
      if (children.length) event.description ||= `Its ${children.length === 1 ? 'sub-unit' : 'sub-units'} (${children.join(', ')}) had no parent from then.`;
      break;
    }
    case 'rename': {
      const o = organ(g, r.organ);
      if (!o.exists.some((x) => runs(x, t))) throw new EditError('date', `"${r.organ}" does not exist at ${r.date}`);
      if (!r.name.trim()) throw new EditError('name', 'give the new name');
      const old = nameOf(g, r.organ);
      const names = [...endRunning(o.names, r.date, t, () => true), compact({ name: r.name.trim(), start: r.date, end: lifeEnd(o, t), sources: [...r.sources] })];
      g = { ...g, organs: g.organs.map((x) => (x.id === r.organ ? { ...x, names } : x)) };
      event = eventFor(g, r, [r.organ], [r.organ], `${old} renamed ${r.name.trim()}`);
      break;
    }
    case 're-parent': {
      g = place(g, r.organ, r.parent, r.date, r.sources);
      event = eventFor(g, r, [r.organ], [r.organ], `${nameOf(g, r.organ)} placed under ${nameOf(g, r.parent)}`);
      break;
    }
    case 'split': {
      if (r.into.length < 2) throw new EditError('into', 'a split makes two or more organs');
      const parent = parentAt(g, r.organ, t);
      const children = childrenAt(g, r.organ, t);
      g = endOrgan(g, r.organ, r.date, t);
      r.into.forEach((o, i) => {
        try {
          g = addOrgan(g, from(o, parent));
        } catch (e) {
          throw e instanceof EditError ? new EditError(`into.${i}.${e.field}`, e.message) : e;
        }
      });
      if (r.childrenTo) {
        if (!r.into.some((o) => o.id === r.childrenTo)) throw new EditError('childrenTo', 'the sub-units go to one of the new organs');
        for (const c of children) g = placeNew(g, c, r.childrenTo, r.date, r.sources);
      }
      event = eventFor(g, r, [r.organ], r.into.map((o) => o.id), `${nameOf(graph, r.organ)} split into ${r.into.map((o) => o.name.trim()).join(', ')}`);
      break;
    }
    case 'merge': {
      if (r.organs.length < 2) throw new EditError('organs', 'a merge joins two or more organs');
      if (new Set(r.organs).size < r.organs.length) throw new EditError('organs', 'an organ is named twice');
      // The merged organ goes where they were: under the first parent outside the merged set.
      const merged = new Set(r.organs);
      const outside = (id: string | undefined, seen = new Set<string>()): string | undefined =>
        id === undefined || !merged.has(id) || seen.has(id) ? id : outside(parentAt(g, id, t), seen.add(id));
      const parent = r.organs.map((id) => outside(parentAt(g, id, t))).find((p) => p !== undefined && !merged.has(p));
      const children = r.organs.flatMap((id) => childrenAt(g, id, t)).filter((c) => !merged.has(c));
      for (const id of r.organs) g = endOrgan(g, id, r.date, t);
      try {
        g = addOrgan(g, from(r.into, parent));
      } catch (e) {
        throw e instanceof EditError ? new EditError(`into.${e.field}`, e.message) : e;
      }
      // Their sub-units go under the merged organ.
      for (const c of children) g = placeNew(g, c, r.into.id, r.date, r.sources);
      event = eventFor(g, r, [...r.organs], [r.into.id], `${r.organs.map((id) => nameOf(graph, id)).join(' and ')} merged into ${r.into.name.trim()}`);
      break;
    }
  }
  return { ...g, events: [...(g.events ?? []), event] };
}

/** A child whose parent's edge has just ended is placed under a new parent from the same date. */
function placeNew(g: Graph, child: string, parent: string, at: Edtf, sources: SourceRefs): Graph {
  const o = organ(g, child);
  const t = parseDate(at).min;
  return { ...g, edges: [...g.edges, compact({ child, parent, start: at, end: lifeEnd(o, t), sources: [...sources] })] };
}

export function addPerson(graph: Graph, p: Person): Graph {
  if (!ID.test(p.id)) throw new EditError('id', 'an id is letters, digits, "-", "_" or "." without spaces');
  if (!p.name.trim()) throw new EditError('name', 'give the person a name');
  if ((graph.people ?? []).some((x) => x.id === p.id)) throw new EditError('id', `there is already a person "${p.id}"`);
  return { ...graph, people: [...(graph.people ?? []), compact({ ...p, name: p.name.trim() })] };
}

export function addPost(graph: Graph, p: Post): Graph {
  organ(graph, p.organ);
  if (!(graph.people ?? []).some((x) => x.id === p.person)) throw new EditError('person', p.person ? `there is no person "${p.person}"` : 'choose a person');
  if (!p.post.trim()) throw new EditError('post', 'name the post: "first secretary", "head of department"');
  if (p.start) date(p.start, 'start');
  if (p.end) date(p.end, 'end');
  needSources(graph, p.sources);
  return { ...graph, posts: [...(graph.posts ?? []), compact({ ...p, post: p.post.trim(), start: p.start || undefined, end: p.end || undefined })] };
}

export function addFigure(graph: Graph, f: Figure): Graph {
  organ(graph, f.organ);
  if (!f.measure.trim()) throw new EditError('measure', 'say what is counted: members, staff, cells');
  if (!Number.isFinite(f.value)) throw new EditError('value', 'give a number');
  date(f.date, 'date');
  needSources(graph, f.sources);
  return { ...graph, figures: [...(graph.figures ?? []), compact({ ...f, measure: f.measure.trim() })] };
}

/** The form field an issue of the validation concerns: the last named step of its path. */
const RULE_FIELDS: Record<string, string> = { 'unit-label': 'typeLabel', 'no-source': 'sources', 'unused-source': 'sources', 'two-parents': 'parent', cycle: 'parent', 'edge-outside-life': 'parent' };

export function fieldOf(issue: Issue): string {
  if (RULE_FIELDS[issue.rule]) return RULE_FIELDS[issue.rule];
  const named = issue.path.split(/[.[\]]+/).filter((s) => s && !/^\d+$/.test(s));
  const last = named[named.length - 1] ?? '';
  if (last === 'edges' || last === 'child') return 'parent';
  if (last === 'exists') return 'start';
  if (last === 'inputs' || last === 'outputs') return 'organ';
  if (last === 'names') return 'name';
  if (last === 'events') return 'date';
  return last || 'graph';
}

const key = (i: Issue) => `${i.rule}|${i.path}|${i.message}`;

/**
 * Applies a change and checks the result with the CLI's validation. A change that brings a new
 * error is refused (the graph stays as it was) with its problems at their fields; new warnings
 * are passed on with the changed graph.
 */
export function attempt(graph: Graph, change: (g: Graph) => Graph): { graph?: Graph; problems: Problem[] } {
  let next: Graph;
  try {
    next = change(graph);
  } catch (e) {
    if (e instanceof EditError) return { problems: [{ field: e.field, message: e.message, severity: 'error' }] };
    throw e;
  }
  const before = new Set(validateGraph(graph).map(key));
  const fresh = validateGraph(next).filter((i) => !before.has(key(i)));
  const problems = fresh.map((i) => ({ field: fieldOf(i), message: i.message, severity: i.severity }));
  return problems.some((p) => p.severity === 'error') ? { problems } : { graph: next, problems };
}

/** Undo and redo: the graphs before and after the present one. */
export interface History {
  past: Graph[];
  present: Graph;
  future: Graph[];
}

export const history = (present: Graph): History => ({ past: [], present, future: [] });
export const commit = (h: History, next: Graph): History => ({ past: [...h.past, h.present], present: next, future: [] });
export const undo = (h: History): History => (h.past.length ? { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] } : h);
export const redo = (h: History): History => (h.future.length ? { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) } : h);
