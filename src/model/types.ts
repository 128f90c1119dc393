/**
 * The apparat data format, version 1: one graph per file (see README, "The data format").
 * Every date is an EDTF string; every claim names sources by id.
 */

/** The controlled vocabulary of organ types. `unit` is for users' own hierarchies (with `typeLabel`). */
export const ORGAN_TYPES = [
  'central-committee',
  'obkom',
  'gorkom',
  'okruzhkom',
  'urban-raikom',
  'rural-raikom',
  'raikom',
  'party-committee',
  'kollektiv',
  'departmental-kollektiv',
  'all-factory-cell',
  'workshop-cell',
  'shift-cell',
  'department-cell',
  'zveno-cell',
  'party-unit',
  'cell',
  'conference',
  'plenum',
  'bureau',
  'secretariat',
  'department',
  'sector',
  'commission',
  'instructors',
  'unit',
] as const;
export type OrganType = (typeof ORGAN_TYPES)[number];

/** Measures that figures report. Others are allowed (lower-case, hyphenated) but warned about. */
export const MEASURES = [
  'members',
  'candidates',
  'communists',
  'workforce',
  'staff',
  'saturation',
  'count',
  'cells',
  'workshop-cells',
  'zveno-cells',
  'party-units',
  'sectors',
  'departments',
  'bureau-size',
  'min-workers',
  'min-members',
  'shift-cells',
  'responsible-staff',
  'technical-staff',
  'instructors',
  'secretaries',
  'meetings',
] as const;
export type Measure = (typeof MEASURES)[number];

export const EVENT_KINDS = ['create', 'abolish', 'split', 'merge', 'rename', 're-parent', 'rule-change'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** An EDTF date string: `1932-06-21`, `1930-07`, `1932-22` (summer), `1930?`, `1930~`, `..` (open). */
export type Edtf = string;

/** Ids of entries in the graph's `sources`. */
export type SourceRefs = string[];

/** A span of time. A missing `start` or `end` (or `..`) is open: before or beyond what the data knows. */
export interface Interval {
  start?: Edtf;
  end?: Edtf;
}

export interface Source {
  /** Where in the bundled source: the thesis's section, table or figure ("§3.2.3, Table 3-7"). */
  citation: string;
  /** The primary source its footnote gives ("Partrabotnik, no. 17, September 1932, pp. 3-4"). */
  primary?: string;
  /** Lines of ../shared/sources/thesis.txt, for a reader to follow ("7242-7260"). */
  lines?: string;
  /** A short quotation of the source's words. */
  quote?: string;
  note?: string;
}

/**
 * Whether the source states a claim (`stated`, the default when absent) or we infer it
 * (`inferred`): an inferred item says its reasoning in its `note`.
 */
export type Certainty = 'stated' | 'inferred';

export interface Name extends Interval {
  name: string;
  sources?: SourceRefs;
  certainty?: Certainty;
  note?: string;
}

export interface Existence extends Interval {
  sources?: SourceRefs;
  certainty?: Certainty;
  note?: string;
}

export interface Organ {
  id: string;
  type: OrganType;
  /** For type `unit` (or to refine another type): the user's own word for it. */
  typeLabel?: string;
  /** Names over time; at least one. */
  names: Name[];
  /** Other spellings, OCR variants and glosses, for search. */
  aliases?: string[];
  /** When the organ existed; at least one interval. */
  exists: Existence[];
  /** A counted group ("1,536 workshop cells"): it stands for `count` figures' worth of organs. */
  counted?: boolean;
  /**
   * The counted group this organ is one of: the group's count already includes it, so totals do
   * not add it again (a named rural raikom within "75 rural raikoms"; industrial kollektivy within all kollektivy).
   */
  countedIn?: string;
  /** Id of another graph that shows this organ's inside (drill-down). */
  link?: string;
  note?: string;
  sources: SourceRefs;
}

/** Subordination: `child` is under `parent` during the interval. */
export interface Edge extends Interval {
  child: string;
  parent: string;
  sources?: SourceRefs;
  /** `inferred` when the source does not give this placement; `note` then says why it is drawn. */
  certainty?: Certainty;
  note?: string;
}

export interface ChangeEvent {
  id: string;
  date: Edtf;
  kind: EventKind;
  title: string;
  description: string;
  /** Organs the change acted on (before). */
  inputs: string[];
  /** Organs the change produced or left changed (after). */
  outputs: string[];
  sources: SourceRefs;
}

export interface Figure {
  organ: string;
  measure: string;
  value: number;
  /** `approx`: "about"; `min`: "at least"; `max`: "at most". */
  qualifier?: 'approx' | 'min' | 'max';
  date: Edtf;
  sources: SourceRefs;
  note?: string;
}

/**
 * What a source says about a person, as the source gives it: social origin, year of party entry.
 * The usual attributes are listed in `PERSON_ATTRIBUTES`; others are allowed (lower-case,
 * hyphenated) with a warning. Several values of one attribute from different sources all stay.
 */
export const PERSON_ATTRIBUTES = ['social-origin', 'party-entry', 'position'] as const;
/** Attributes whose value is an EDTF date (`party-entry`: "1917", "1917?"), checked as such. */
export const DATE_ATTRIBUTES: readonly string[] = ['party-entry'];

export interface PersonAttribute {
  /** `social-origin` ("worker", "employee"), `party-entry` (an EDTF date), `position` (a post held outside the graph's organs, in the source's words), or your own. */
  attribute: string;
  /** The value in the source's words; for a date attribute, an EDTF date. */
  value: string;
  /** When the source records it ("1932-01": the post held in January 1932); absent when timeless. */
  date?: Edtf;
  sources: SourceRefs;
  certainty?: Certainty;
  note?: string;
}

export interface Person {
  id: string;
  name: string;
  aliases?: string[];
  /** What the sources say about the person beyond their posts (Table 6-6: social origin, year of party entry). */
  attributes?: PersonAttribute[];
  sources?: SourceRefs;
}

export interface Post extends Interval {
  organ: string;
  /** The post's title: "first secretary", "head of department", "chairman". */
  post: string;
  person: string;
  sources: SourceRefs;
  certainty?: Certainty;
  note?: string;
}

/** One step of a presentation: a view of a graph at a date, with what to say about it. */
export interface StoryStep {
  /** The graph shown; in a story inside a graph file, that graph when absent. */
  graph?: string;
  /** The date shown. */
  at: Edtf;
  /** When given, the step animates from `at` to `to`. */
  to?: Edtf;
  /** Organs to zoom to. */
  focus?: string[];
  /** Organs to mark. */
  highlight?: string[];
  /** Organ types to hide (as the explorer's filter does). */
  hide?: OrganType[];
  /** What to say: plain text or a safe subset of Markdown (paragraphs, *emphasis*, **strong**, lists). */
  caption: string;
  /** Where the caption's claim comes from. */
  citation: string;
  /** Speaker notes, shown only in the speaker view. */
  notes?: string;
}

export interface Story {
  id: string;
  title: string;
  description?: string;
  steps: StoryStep[];
}

/** A story in a file of its own (graphs/stories/*.json). */
export interface StoryFile extends Story {
  $schema?: string;
  apparat: 1;
  kind: 'story';
}

export interface Graph {
  $schema?: string;
  /** Format version. */
  apparat: 1;
  id: string;
  title: string;
  description?: string;
  /** `observed`: what existed; `prescribed`: what the rules required or allowed. */
  kind?: 'observed' | 'prescribed';
  /** The span the timeline covers; derived from the data when absent. */
  period?: Interval;
  sources: Record<string, Source>;
  organs: Organ[];
  edges: Edge[];
  events?: ChangeEvent[];
  figures?: Figure[];
  people?: Person[];
  posts?: Post[];
  stories?: Story[];
  note?: string;
}
