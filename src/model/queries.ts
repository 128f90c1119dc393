/** Questions the CLI and the app ask of a model: figures, people, stats. */
import { compareDates, formatDate, type DateSpan } from './dates.ts';
import { during, latestFigures, nameAt, type Model } from './model.ts';
import { countsOf, type Snapshot } from './snapshot.ts';
import { DATE_ATTRIBUTES, type Figure, type OrganType, type PersonAttribute, type Post } from './types.ts';

export interface TypeStats {
  type: OrganType;
  /** Organs of this type that stand for one organ each (those a counted group includes apart). */
  single: number;
  /** Named organs that a counted group present at D already counts (`countedIn`). */
  within: number;
  /** Counted groups with every value their latest count figures give (conflicts side by side). */
  counted: { id: string; name: string; counts: number[]; vague: boolean }[];
  /**
   * The fewest and the most organs of this type at D: the fewest takes the smallest of conflicting
   * counts and leaves out vague organs (which may not have existed then); the most takes the
   * largest and includes them.
   */
  min: number;
  max: number;
}

export function stats(snap: Snapshot): TypeStats[] {
  const byType = new Map<OrganType, TypeStats>();
  for (const o of snap.organs.values()) {
    let s = byType.get(o.type);
    if (!s) byType.set(o.type, (s = { type: o.type, single: 0, within: 0, counted: [], min: 0, max: 0 }));
    const certain = o.vague ? 0 : 1;
    if (o.counted) {
      const counts = countsOf(o);
      s.counted.push({ id: o.id, name: o.name, counts, vague: o.vague });
      // A group within another group (industrial kollektivy within all kollektivy) adds nothing to the total.
      if (counts.length && !(o.organ.countedIn && snap.organs.has(o.organ.countedIn))) {
        s.min += certain * Math.min(...counts);
        s.max += Math.max(...counts);
      }
    } else if (o.organ.countedIn && snap.organs.has(o.organ.countedIn)) {
      s.within += 1;
    } else {
      s.single += 1;
      s.min += certain;
      s.max += 1;
    }
  }
  return [...byType.values()].sort((a, b) => b.max - a.max || a.type.localeCompare(b.type));
}

export interface FigureRow extends Figure {
  organName: string;
}

/** Every sourced number (at D: the latest per organ and measure), optionally of one organ. */
export function figureRows(model: Model, opts: { at?: DateSpan; organ?: string } = {}): FigureRow[] {
  const rows: FigureRow[] = [];
  const organs = opts.organ ? [opts.organ] : [...model.organs.keys()];
  for (const id of organs) {
    if (opts.at) {
      for (const list of latestFigures(model, id, opts.at).values())
        for (const f of list) rows.push({ ...f, organName: nameAt(model, id, opts.at) });
    } else {
      for (const list of model.figures.get(id)?.values() ?? [])
        for (const { figure } of list) rows.push({ ...figure, organName: nameAt(model, id) });
    }
  }
  return rows.sort((a, b) => compareDates(a.date, b.date) || a.organName.localeCompare(b.organName) || a.measure.localeCompare(b.measure));
}

export interface PostRow extends Post {
  organName: string;
  personName: string;
  /** What the sources say about the holder beyond their posts (social origin, party entry). */
  personAttributes: PersonAttribute[];
}

/** Who held which post in which organ (at D: the posts held at some time within D). */
export function postRows(model: Model, at?: DateSpan): PostRow[] {
  const rows: PostRow[] = [];
  for (const [organ, list] of model.postsByOrgan) {
    for (const { item } of at ? during(list, at) : list) {
      const person = model.people.get(item.person);
      rows.push({ ...item, organName: nameAt(model, organ, at), personName: person?.name ?? item.person, personAttributes: person?.attributes ?? [] });
    }
  }
  return rows.sort((a, b) => a.personName.localeCompare(b.personName) || compareDates(a.start ?? '..', b.start ?? '..'));
}

/** An attribute's name in words: `party-entry` → "party entry". */
export const attributeLabel = (attribute: string): string => attribute.replace(/-/g, ' ');

/** An attribute's value as the reader sees it: a date attribute's value as a date ("1917", "1917?" as "1917 (uncertain)"). */
export const attributeValue = (a: PersonAttribute): string => (DATE_ATTRIBUTES.includes(a.attribute) ? formatDate(a.value) : a.value);

/** An attribute in words: "party entry: 1917", "position (29 January 1932): chairman of the Leningrad Soviet". */
export const attributeText = (a: PersonAttribute): string => `${attributeLabel(a.attribute)}${a.date ? ` (${formatDate(a.date)})` : ''}: ${attributeValue(a)}${a.certainty === 'inferred' ? ' (inferred)' : ''}`;

/** A person's career: their posts across organs in date order. */
export function career(model: Model, person: string): PostRow[] {
  return postRows(model)
    .filter((r) => r.person === person)
    .sort((a, b) => compareDates(a.start ?? '..', b.start ?? '..'));
}
