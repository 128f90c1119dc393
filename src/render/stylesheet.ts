/**
 * The chart's Cytoscape stylesheet: shapes and colours from the organ's data, and the marks from
 * the one table in marks.ts. Used by the <apparat-chart> component and the command line's SVG.
 */
import type { StylesheetJson } from 'cytoscape';
import { LABEL_FONT, SMALL_FONT } from './elements.ts';
import { COMPARE_MARKS, INFERRED_LINK, MARKS, STAGE_FOUND, type MarkStyle } from './marks.ts';


export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

export const LINK_BADGE = `data:image/svg+xml;utf8,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' width='18' height='18' viewBox='0 0 18 18'><circle cx='9' cy='9' r='8' fill='white' stroke='#1d2330' stroke-width='1.3'/><path d='M5.5 5.5l6.5 6.5M12.5 7v5.5H7' fill='none' stroke='#1d2330' stroke-width='1.6' stroke-linecap='round' stroke-linejoin='round'/></svg>",
)}`;

/** A mark's rule: its class on nodes, its style. */
export const markRule = (m: MarkStyle) => ({ selector: `node.${m.className}`, style: m.style as never });

export const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: 'data(w)',
      height: 'data(h)',
      shape: 'data(shape)' as never,
      'background-color': 'data(fill)',
      'border-color': 'data(border)',
      'border-width': 1.5,
      color: 'data(text)',
      label: 'data(label)',
      'font-family': FONT,
      'font-size': LABEL_FONT,
      'line-height': 1.3,
      'text-wrap': 'wrap',
      // The label's lines are broken in elements.ts, measured generously so Cytoscape does not break them again.
      'text-max-width': 'data(tw)',
      'text-valign': 'center',
      'text-halign': 'center',
      'min-zoomed-font-size': 5,
      'transition-property': 'none',
      'z-index': 10,
    },
  },
  { selector: 'node.apparatus', style: { 'font-size': SMALL_FONT, 'border-width': 1 } },
  {
    selector: 'node[?linked]',
    style: {
      'background-image': LINK_BADGE,
      'background-width': '18px',
      'background-height': '18px',
      'background-position-x': '100%',
      'background-position-y': '0%',
      'background-offset-x': '7px',
      'background-offset-y': '-7px',
      'background-clip': 'none',
      'background-image-containment': 'over',
      'bounds-expansion': 8,
    } as never,
  },
  { selector: 'node.ghost', style: { 'z-index': 1, events: 'no', 'border-width': 1.2 } },
  { selector: 'node.vague', style: { 'border-style': 'dashed', 'border-width': 2, 'background-opacity': 0.85 } },
  markRule(MARKS.conflict),
  {
    selector: 'edge',
    style: {
      width: 1.3,
      'line-color': '#a39d92',
      'curve-style': 'straight',
      'target-arrow-shape': 'none',
    } as never,
  },
  {
    selector: 'edge[?bent]',
    style: {
      'curve-style': 'segments',
      'segment-weights': 'data(sw)',
      'segment-distances': 'data(sd)',
      'edge-distances': 'node-position',
      'segment-radii': 6,
    } as never,
  },
  { selector: 'edge[?inferred]', style: INFERRED_LINK.style as never },
  ...Object.values(COMPARE_MARKS).map(markRule),
  markRule(MARKS.eventInput),
  markRule(MARKS.eventOutput),
  markRule(MARKS.found),
  markRule(MARKS.chosen),
];

/** The chart's stylesheet; on a stage (`stage`), found organs marked for a room. */
export const chartStyle = (stage: boolean): StylesheetJson => (stage ? [...STYLE, markRule(STAGE_FOUND)] : STYLE);
