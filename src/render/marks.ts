/**
 * One table of the marks the chart puts on organs — comparison, event, search, selection and
 * conflicting figures — with their colours. The Cytoscape stylesheet, the legend, the compare
 * panel and the events panel all read it, so what the legend says is what the chart draws.
 */
import type { Mark } from '../layout/view.ts';

export interface MarkStyle {
  /** The class the chart gives a marked node. */
  className: string;
  /** The colour that says it, for swatches and headings. */
  colour: string;
  /** What the legend says. */
  label: string;
  /** The node's Cytoscape style. */
  style: Record<string, string | number>;
}

/** What a comparison of two dates marks. */
export const COMPARE_MARKS: Record<Mark, MarkStyle & { css: Record<string, string> }> = {
  added: {
    className: 'mark-added',
    colour: '#2f9e5b',
    label: 'Added',
    style: { 'border-color': '#23804a', 'border-width': 3.5, 'underlay-color': '#2f9e5b', 'underlay-opacity': 0.22, 'underlay-padding': 6 },
    css: { border: '3px solid #23804a', background: '#dff1e5' },
  },
  removed: {
    className: 'mark-removed',
    colour: '#b23a3a',
    label: 'Removed',
    style: { 'border-color': '#b23a3a', 'border-width': 3, 'border-style': 'dashed', 'background-opacity': 0.35, color: '#1d2330', 'text-opacity': 0.75 },
    css: { border: '2.5px dashed #b23a3a', background: '#f7e9e9' },
  },
  reparented: {
    className: 'mark-reparented',
    colour: '#2c6fb7',
    label: 'Re-parented',
    style: { 'outline-width': 3, 'outline-color': '#2c6fb7', 'outline-offset': 3, 'outline-style': 'solid' },
    css: { outline: '3px solid #2c6fb7', outlineOffset: '2px', background: '#fff' },
  },
  renamed: {
    className: 'mark-renamed',
    colour: '#7a4fb0',
    label: 'Renamed',
    style: { 'underlay-color': '#7a4fb0', 'underlay-opacity': 0.28, 'underlay-padding': 7, 'underlay-shape': 'round-rectangle' },
    css: { boxShadow: '0 0 0 5px #e0d5ee', background: '#fff', border: '1px solid #7a4fb0' },
  },
};

/** Marks of a chosen event, a search, the selection and conflicting sources. */
export const MARKS = {
  eventInput: {
    className: 'ev-in',
    colour: '#d08a1e',
    label: 'Before the event (its inputs)',
    style: { 'underlay-color': '#d08a1e', 'underlay-opacity': 0.4, 'underlay-padding': 8 },
  },
  eventOutput: {
    className: 'ev-out',
    colour: '#138c8c',
    label: 'After the event (its outputs)',
    style: { 'underlay-color': '#138c8c', 'underlay-opacity': 0.4, 'underlay-padding': 8 },
  },
  found: {
    className: 'match',
    colour: '#f2c230',
    label: 'Found by the search',
    style: { 'underlay-color': '#f2c230', 'underlay-opacity': 0.55, 'underlay-padding': 7 },
  },
  chosen: {
    className: 'chosen',
    colour: '#1d2330',
    label: 'Selected',
    style: { 'border-width': 3.5, 'border-color': '#1d2330', 'underlay-color': '#1d2330', 'underlay-opacity': 0.1, 'underlay-padding': 7, 'z-index': 20 },
  },
  conflict: {
    className: 'conflict',
    colour: '#c7791b',
    label: 'Sources disagree: 1,917 | 2,600',
    style: { 'outline-width': 2.5, 'outline-color': '#c7791b', 'outline-offset': 2.5, 'outline-style': 'dotted' },
  },
} satisfies Record<string, MarkStyle>;

/**
 * A placement the source does not state (the edge's child has `parentCertainty: 'inferred'`):
 * a dashed link. The chart, the SVG export and the legend read this one entry.
 */
export const INFERRED_LINK = {
  colour: '#8a8378',
  label: 'Dashed link: placement inferred, not stated by the source',
  /** The dash as [dash, gap] in pixels, for Cytoscape and for SVG. */
  dash: [6, 4] as [number, number],
  style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'line-color': '#8a8378', width: 1.6 } as Record<string, string | number | number[]>,
};

/** On a stage, found (highlighted) organs are marked strongly enough to see from the back of a room. */
export const STAGE_FOUND: MarkStyle = {
  ...MARKS.found,
  colour: '#f2b705',
  style: { 'underlay-color': '#f2b705', 'underlay-opacity': 0.9, 'underlay-padding': 9, 'border-width': 3, 'border-color': '#7a4b00' },
};

/** What is marked in a view: compare marks, an event's inputs and outputs, search hits, the selection. */
export interface Marking {
  marks?: Map<string, Mark[]>;
  eventInputs?: Set<string>;
  eventOutputs?: Set<string>;
  found?: Set<string>;
  selected?: string;
}

/** The mark classes of an organ's node (`ghost`: a stacked copy, which takes no search or selection mark). */
export function markClasses(organ: string, ghost: boolean, m: Marking): string[] {
  const classes = (m.marks?.get(organ) ?? []).map((k) => COMPARE_MARKS[k].className);
  if (m.eventInputs?.has(organ)) classes.push(MARKS.eventInput.className);
  if (m.eventOutputs?.has(organ)) classes.push(MARKS.eventOutput.className);
  if (!ghost && m.found?.has(organ)) classes.push(MARKS.found.className);
  if (!ghost && m.selected === organ) classes.push(MARKS.chosen.className);
  return classes;
}
