/**
 * Questions across several graphs, and about a graph's gaps: a person's career in every graph,
 * where a graph next has evidence when it has none at a date, and one search over organs and
 * people of many graphs. Pure: no DOM.
 */
import { bounds, compareDates, isoDay, parseDate, type DateSpan } from './dates.ts';
import { nameAt, organPresence, type Model } from './model.ts';
import { normalise, searchOrgans, type SearchHit } from './search.ts';
import type { Certainty, Edtf, Organ, PersonAttribute, Source } from './types.ts';

export interface CareerPost {
  /** The graph the post is recorded in. */
  graph: string;
  organ: string;
  /** The organ's name while the post was held (its name at the post's start). */
  organName: string;
  post: string;
  start?: Edtf;
  end?: Edtf;
  certainty: Certainty;
  note?: string;
  /** Source ids of that graph, and what they cite. */
  sources: string[];
  citations: Source[];
  /** A date at which the post was held, for opening the graph there. */
  at: Edtf;
}

/** A person's attribute as one graph records it, with what its sources cite. */
export interface CareerAttribute extends PersonAttribute {
  graph: string;
  citations: Source[];
}

export interface Career {
  person: string;
  name: string;
  aliases: string[];
  /** What the sources of every graph say about the person (social origin, party entry); the same claim from the same source once. */
  attributes: CareerAttribute[];
  /** The graphs that list the person. */
  graphs: string[];
  /** Every post in every graph, in date order. */
  posts: CareerPost[];
}

/** A date inside an interval to open a graph at: its start, else its end, else its graph's period. */
function dateWithin(model: Model, i: { start?: string; end?: string }): Edtf {
  if (i.start && i.start !== '..') return i.start;
  if (i.end && i.end !== '..') return i.end;
  return isoDay(model.period.min);
}

/**
 * A person's posts across graphs. People are one person across graphs when they share an id
 * (the bundled graphs use the surname, as `gaza` in both the apparatus and Krasnyi putilovets).
 */
export function personCareer(models: Iterable<Model>, personId: string): Career | undefined {
  let career: Career | undefined;
  for (const m of models) {
    const person = m.people.get(personId);
    if (!person) continue;
    career ??= { person: personId, name: person.name, aliases: [], attributes: [], graphs: [], posts: [] };
    career.graphs.push(m.graph.id);
    for (const a of [person.name, ...(person.aliases ?? [])])
      if (a !== career.name && !career.aliases.includes(a)) career.aliases.push(a);
    for (const a of person.attributes ?? []) {
      const citations = a.sources.map((s) => m.graph.sources[s]).filter((s): s is Source => s !== undefined);
      const same = (b: CareerAttribute) => b.attribute === a.attribute && b.value === a.value && b.date === a.date && b.citations.map((c) => c.citation).join('|') === citations.map((c) => c.citation).join('|');
      if (!career.attributes.some(same)) career.attributes.push({ ...a, graph: m.graph.id, citations });
    }
    for (const post of m.graph.posts ?? []) {
      if (post.person !== personId) continue;
      const when = dateWithin(m, post);
      career.posts.push({
        graph: m.graph.id,
        organ: post.organ,
        organName: nameAt(m, post.organ, parseDate(when)),
        post: post.post,
        start: post.start,
        end: post.end,
        certainty: post.certainty ?? 'stated',
        note: post.note,
        sources: post.sources,
        citations: post.sources.map((s) => m.graph.sources[s]).filter((s): s is Source => s !== undefined),
        at: when,
      });
    }
  }
  career?.posts.sort((a, b) => compareDates(a.start ?? '..', b.start ?? '..') || a.graph.localeCompare(b.graph));
  return career;
}

export interface Evidence {
  /** The latest day before D at which some organ of the graph exists (certainly, when asked so). */
  before?: Edtf;
  /** The earliest day after D at which some organ of the graph exists (certainly, when asked so). */
  after?: Edtf;
}

export interface EvidenceOptions {
  /** Only these organs count as evidence (a factory chart may leave out the enterprise itself). */
  include?: (organ: Organ) => boolean;
  /** Only organs that certainly existed count: a chart of vague boxes alone has no evidence either. */
  certain?: boolean;
}

/**
 * For a date at which a graph has no organ (none that counts), the nearest days either side at
 * which it has some: a factory chart outside its attested years. Undefined when it has organs at D.
 */
export function nearestEvidence(model: Model, at: DateSpan, options: EvidenceOptions = {}): Evidence | undefined {
  const need = options.certain ? 2 : 1;
  let before = -Infinity;
  let after = Infinity;
  for (const id of model.ids) {
    const organ = model.organs.get(id)!;
    if (options.include && !options.include(organ)) continue;
    if (organPresence(model, id, at) >= need) return undefined;
    for (const b of model.existence.get(id) ?? []) {
      // The span in which it may exist, or, asked for certainty, in which it surely does.
      const [from, to] = options.certain ? [b.startMax, b.endMin] : [b.startMin, b.endMax];
      if (options.certain && (from > to || b.qualified)) continue;
      if (to < at.min) before = Math.max(before, to);
      if (from > at.max) after = Math.min(after, from);
    }
  }
  return {
    before: Number.isFinite(before) ? isoDay(before) : undefined,
    after: Number.isFinite(after) ? isoDay(after) : undefined,
  };
}

export interface CrossHit {
  graph: string;
  /** An organ of that graph, or a person listed in it. */
  kind: 'organ' | 'person';
  /** The organ's or the person's id. */
  id: string;
  name: string;
  /** What matched, as `searchOrgans` says; `person` for a person found by name. */
  via: SearchHit['via'];
  text: string;
  /** A date at which the organ exists (or the person holds a post), to open the graph there. */
  at: Edtf;
  score: number;
}

/** A date at which the organ may exist: the start of its first life, else the end, else the graph's start. */
function organDate(model: Model, id: string): Edtf {
  const first = model.organs.get(id)?.exists[0];
  if (!first) return isoDay(model.period.min);
  const b = bounds(first);
  if (Number.isFinite(b.startMax)) return isoDay(b.startMax);
  if (Number.isFinite(b.startMin)) return isoDay(b.startMin);
  return dateWithin(model, first);
}

/** One search over the organs and the people of several graphs, best hits first. */
export function searchAcross(models: Iterable<Model>, query: string, limit = 30): CrossHit[] {
  const q = normalise(query);
  if (!q) return [];
  const hits: CrossHit[] = [];
  for (const m of models) {
    for (const h of searchOrgans(m, query, limit))
      hits.push({ graph: m.graph.id, kind: 'organ', id: h.id, name: h.name, via: h.via, text: h.text, at: organDate(m, h.id), score: h.score });
    for (const p of m.people.values()) {
      const names = [p.name, ...(p.aliases ?? [])].map(normalise);
      const score = Math.max(...names.map((n) => (n === q ? 4 : n.split(' ').includes(q) ? 3.5 : n.includes(q) ? 2 : 0)));
      if (!score) continue;
      const post = (m.graph.posts ?? []).find((x) => x.person === p.id);
      hits.push({ graph: m.graph.id, kind: 'person', id: p.id, name: p.name, via: 'person', text: p.name, at: post ? dateWithin(m, post) : isoDay(m.period.min), score: score + 1 });
    }
  }
  return hits.sort((a, b) => b.score - a.score || a.graph.localeCompare(b.graph)).slice(0, limit);
}
