/**
 * Every event the components send, with its detail type, declared once in `HTMLElementEventMap`,
 * so that listeners in code (`addEventListener('organ-select', (e) => e.detail.id)`) are typed;
 * `emit` sends one (bubbling and composed, so it crosses shadow roots), and `on` types a listener
 * in a Lit template, where event names are not checked: `@organ-select=${on('organ-select', (d) => …)}`.
 */
import type { StoryStep } from '../../model/types.ts';
import type { ImportDetail } from '../io/apparat-importer.ts';

/** The view a presentation step leaves the explorer at (the explorer keeps its own filters). */
export interface ExitView {
  graph?: string;
  at?: string;
  select?: string;
}

/** Event name → detail. */
export interface ApparatEvents {
  /** Select an organ (chart, outline, details, compare). */
  'organ-select': { id: string };
  /** Open an organ's own chart (drill down), or fold it when it has none. */
  'organ-open': { id: string };
  /** Fold (`expand: false`) or unfold an organ's subtree. */
  'organ-toggle': { id: string; expand: boolean };
  /** Focus on an organ's subtree; no id shows everything. */
  'organ-focus': { id?: string };
  /** Show an organ at a date (lineage, event inputs and outputs). */
  'organ-go': { id: string; at: string };
  /** Open a person's career across every loaded graph (details, search). */
  'person-open': { id: string };
  /** Close the person view. */
  'person-close': Record<string, never>;
  /** Open another loaded graph at a date, with an organ selected (a post in a career, a search hit there). */
  'graph-open': { graph: string; organ?: string; at: string };
  /** A search result chosen. */
  'organ-find': { id: string };
  /** A restructuring event chosen. */
  'event-choose': { id: string };
  /** The date compared with (none stops comparing). */
  'compare-change': { compare?: string };
  /** The timeline's slider moves (while dragging). */
  'date-input': { at: string };
  /** The timeline settles on a date; `replace` while playing (no history entry). */
  'date-change': { at: string; replace?: boolean };
  /** The organ types to hide. */
  'filters-change': { hide: string[] };
  /** The organs the search finds (empty when it is cleared). */
  'search-matches': { ids: string[] };
  'yours-open': { id: string };
  'yours-remove': { key: string };
  'yours-clear': Record<string, never>;
  /** Start presenting a story. */
  'story-present': { id: string };
  /** Show a draft step in the explorer. */
  'step-show': { step: StoryStep & { graph: string } };
  'story-saved': { name: string; text: string };
  /** The editor's draft, to open in the explorer as one of the user's graphs. */
  'editor-show': { name: string; text: string };
  'files-import': ImportDetail;
  'export-done': { file: string; note: string };
  /** The presentation or speaker view moved to a step (1-based); the controller writes the URL. */
  'story-step': { step: number };
  /** Leave the presentation for the explorer, at the step's view. */
  'presentation-exit': ExitView;
  /** A presentation step has been shown (its animation and camera done). */
  'step-shown': { step: number };
  /** Cytoscape drew the chart for the first time: it can be panned, zoomed and clicked. */
  'chart-rendered': undefined;
  /** Cytoscape's code could not be loaded: the chart stays a picture, and says so. */
  'chart-failed': { message: string };
  /** The chart finished drawing a tree (`changes`: operations applied). */
  'chart-drawn': { changes: number };
}

export type ApparatEventName = keyof ApparatEvents;
export type ApparatEvent<K extends ApparatEventName> = CustomEvent<ApparatEvents[K]>;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends ApparatEventMap {}
}

type ApparatEventMap = { [K in ApparatEventName]: ApparatEvent<K> };

/** Sends an event from `el` that bubbles and crosses shadow roots. */
export function emit<K extends ApparatEventName>(el: EventTarget, name: K, detail: ApparatEvents[K], options: { bubbles?: boolean } = {}): boolean {
  const bubbles = options.bubbles ?? true;
  return el.dispatchEvent(new CustomEvent(name, { detail, bubbles, composed: bubbles }));
}

/** A typed listener for a template: `@organ-select=${on('organ-select', (d) => select(d.id))}`. */
export function on<K extends ApparatEventName>(_name: K, handle: (detail: ApparatEvents[K], event: ApparatEvent<K>) => void): (e: ApparatEvent<K>) => void {
  return (e) => handle(e.detail, e);
}
