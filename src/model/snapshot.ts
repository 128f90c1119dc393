/** The hierarchy as it stood at one date. */
import type { DateSpan, Presence } from './dates.ts';
import { finish } from './in-steps.ts';
import { current, during, latestFigures, nameAt, organPresence, type Model, type Timed } from './model.ts';
import type { Certainty, Edge, Figure, Organ, OrganType, Post } from './types.ts';

export interface Holder {
  post: string;
  person: string;
  personName: string;
  start?: string;
  end?: string;
  sources: string[];
}

export interface SnapshotOrgan {
  readonly id: string;
  readonly type: OrganType;
  readonly typeLabel?: string;
  readonly name: string;
  /** Its parent at D, when that parent is in the snapshot too. */
  parent?: string;
  /** Whether the source states the placement under `parent` or we infer it ('stated' for a root). */
  readonly parentCertainty: Certainty;
  /** The note of the placement in force at D: for an inferred one, the reasoning. */
  readonly parentNote?: string;
  /** The sources of the placement in force at D. */
  readonly parentSources: string[];
  /** True when the organ may but need not have existed at D (a vague or qualified bound). */
  readonly vague: boolean;
  readonly counted: boolean;
  readonly link?: string;
  /** Per measure, the latest figures at or before D (several when sources conflict). */
  readonly figures: Map<string, Figure[]>;
  readonly holders: Holder[];
  readonly sources: string[];
  readonly organ: Organ;
}

export interface Snapshot {
  at: DateSpan;
  /** In document order. */
  organs: Map<string, SnapshotOrgan>;
  children: Map<string, string[]>;
  roots: string[];
}

/** No sources: shared by every organ whose placement cites none (never added to). */
const NO_SOURCES: string[] = [];

/** What every organ of one snapshot shares: one reference each instead of two. */
interface SnapshotDate {
  readonly model: Model;
  readonly at: DateSpan;
}

/** What an organ was asked for at D, besides its name, and worked out once. */
interface Asked {
  figures?: Map<string, Figure[]>;
  holders?: Holder[];
}

/**
 * An organ in a snapshot. Only what the date decides is its own; the rest is read from the organ
 * and from its placement, and its name, figures and holders are worked out when first asked for: a
 * large graph's date step makes thousands of these, and asks most of them for nothing but their
 * place. Few fields each: they outlive the next young-generation collection, which copies them.
 */
class OrganAt implements SnapshotOrgan {
  parent?: string;
  /** The subordination in force under `parent` (none for a root). */
  placement?: Edge;
  private nameAtD?: string;
  private asked?: Asked;

  constructor(
    private readonly date: SnapshotDate,
    readonly organ: Organ,
    readonly vague: boolean,
  ) {}

  get id(): string {
    return this.organ.id;
  }

  get type(): OrganType {
    return this.organ.type;
  }

  get typeLabel(): string | undefined {
    return this.organ.typeLabel;
  }

  get counted(): boolean {
    return this.organ.counted === true;
  }

  get link(): string | undefined {
    return this.organ.link;
  }

  get sources(): string[] {
    return this.organ.sources;
  }

  get parentCertainty(): Certainty {
    return this.placement?.certainty ?? 'stated';
  }

  get parentNote(): string | undefined {
    return this.placement?.note;
  }

  get parentSources(): string[] {
    return this.placement?.sources ?? NO_SOURCES;
  }

  /** Worked out when first asked for (a large graph's chart sizes every label, so it has a field of its own). */
  get name(): string {
    return (this.nameAtD ??= nameAt(this.date.model, this.id, this.date.at));
  }

  get figures(): Map<string, Figure[]> {
    const asked = (this.asked ??= {});
    return (asked.figures ??= latestFigures(this.date.model, this.id, this.date.at));
  }

  get holders(): Holder[] {
    const asked = (this.asked ??= {});
    return (asked.holders ??= holdersAt(this.date.model, this.id, this.date.at));
  }
}

export function holdersAt(model: Model, id: string, at: DateSpan): Holder[] {
  return during<Post>(model.postsByOrgan.get(id), at).map(({ item }) => ({
    post: item.post,
    person: item.person,
    personName: model.people.get(item.person)?.name ?? item.person,
    start: item.start,
    end: item.end,
    sources: item.sources,
  }));
}

/**
 * Rules that replace the date's own for which organs are there and under which parent: stepping
 * through events (steps.ts) decides by the order of the events what a date leaves open.
 */
export interface SnapshotRules {
  presence(id: string): Presence;
  /** The subordination in force for the organ, given the organs drawn. */
  parent(id: string, drawn: ReadonlyMap<string, SnapshotOrgan>): Timed<Edge> | undefined;
}

/** The organs the index finds at D, in document order (an organ with several lives taken once). */
function idsAt(model: Model, at: DateSpan): string[] {
  const marked = new Uint8Array(model.ids.length);
  model.index.overlapping(at.min, at.max, (i) => (marked[i] = 1));
  const ids: string[] = [];
  for (let i = 0; i < marked.length; i++) if (marked[i]) ids.push(model.ids[i]);
  return ids;
}

/** How many organs certainly existed at D: those `snapshot(model, at)` shows as not vague, without building it. */
export function certainCount(model: Model, at: DateSpan): number {
  let n = 0;
  for (const id of idsAt(model, at)) if (organPresence(model, id, at) === 2) n++;
  return n;
}

export function snapshot(model: Model, at: DateSpan, rules?: SnapshotRules): Snapshot {
  return finish(snapshotInSteps(model, at, rules));
}

/** `snapshot`, pausing (yield) every `every` organs: a large graph's date step works it out across frames. */
export function* snapshotInSteps(model: Model, at: DateSpan, rules?: SnapshotRules, every = 1000): Generator<void, Snapshot> {
  // Mark what the index finds, then read the marks in document order: siblings stay stable,
  // and an organ with several lives is taken once.
  const ids = rules ? [...model.ids] : idsAt(model, at);

  const date: SnapshotDate = { model, at };
  const organs = new Map<string, OrganAt>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const p = rules ? rules.presence(id) : organPresence(model, id, at);
    if (p !== 0) organs.set(id, new OrganAt(date, model.organs.get(id)!, p === 1));
    if ((i + 1) % every === 0) yield;
  }

  const children = new Map<string, string[]>();
  const roots: string[] = [];
  let n = 0;
  // By key, not entry: an entry is an array made for each of thousands of organs at every step.
  for (const id of organs.keys()) {
    const o = organs.get(id)!;
    const edge = rules ? rules.parent(id, organs) : current(model.edgesByChild.get(id), at);
    const parent = edge?.item.parent;
    if (parent !== undefined && organs.has(parent) && parent !== id) {
      o.parent = parent;
      o.placement = edge!.item;
      const list = children.get(parent);
      if (list) list.push(id);
      else children.set(parent, [id]);
    } else {
      roots.push(id);
    }
    if (++n % every === 0) yield;
  }
  breakCycles(organs, children, roots);
  return { at, organs, children, roots };
}

/** How many organs a walk down from the roots reaches (each organ is in one list of children at most, so none is met twice). */
function reachable(children: Map<string, string[]>, roots: string[]): number {
  const stack = [...roots];
  let n = 0;
  while (stack.length) {
    n++;
    const kids = children.get(stack.pop()!);
    if (kids) for (let i = 0; i < kids.length; i++) stack.push(kids[i]);
  }
  return n;
}

/** Invalid data may hold a cycle; cut it so that every organ is reachable from a root. */
function breakCycles(organs: Map<string, OrganAt>, children: Map<string, string[]>, roots: string[]): void {
  // Counted first, without a set of thousands of names at every date step: a cycle is rare.
  if (reachable(children, roots) === organs.size) return;
  const reached = new Set<string>();
  const walk = (start: string) => {
    const stack = [start];
    while (stack.length) {
      const id = stack.pop()!;
      if (reached.has(id)) continue;
      reached.add(id);
      for (const c of children.get(id) ?? []) stack.push(c);
    }
  };
  roots.forEach(walk);
  for (const [id, o] of organs) {
    if (reached.has(id)) continue;
    const siblings = children.get(o.parent!);
    if (siblings) siblings.splice(siblings.indexOf(id), 1);
    o.parent = undefined;
    o.placement = undefined;
    roots.push(id);
    walk(id);
  }
}

/** The chain of parents from the organ up to its root. */
export function ancestors(snap: Snapshot, id: string): string[] {
  const chain: string[] = [];
  let p = snap.organs.get(id)?.parent;
  while (p !== undefined && !chain.includes(p)) {
    chain.push(p);
    p = snap.organs.get(p)?.parent;
  }
  return chain;
}

/** Depth-first order of the snapshot, as an outline reads it. */
export function depthFirst(snap: Snapshot): { id: string; depth: number }[] {
  const out: { id: string; depth: number }[] = [];
  const stack = [...snap.roots].reverse().map((id) => ({ id, depth: 0 }));
  while (stack.length) {
    const next = stack.pop()!;
    out.push(next);
    const kids = snap.children.get(next.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ id: kids[i], depth: next.depth + 1 });
  }
  return out;
}

/** The current count of a counted organ: every value its latest count figures give. */
export function countsOf(o: SnapshotOrgan): number[] {
  return (o.figures.get('count') ?? []).map((f) => f.value);
}
