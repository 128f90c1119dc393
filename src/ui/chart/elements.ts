/**
 * The chart's picture without the DOM: its stylesheet, node labels and data, and the elements of
 * a laid-out view tree. The <apparat-chart> component draws with these, and so does the command
 * line's SVG export (Cytoscape runs headless there), so both show the same picture.
 */
import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import { TIDY_DEFAULTS, type TidyLayout } from '../../layout/tidy.ts';
import type { ViewTree } from '../../layout/view.ts';
import type { SnapshotOrgan } from '../../model/snapshot.ts';
import { disagree, formatFigures } from '../shared/figures.ts';
import { FAMILIES, formatNumber, typeLabel, typeStyle } from '../shared/organ-style.ts';

const W = TIDY_DEFAULTS.nodeWidth;
const H = TIDY_DEFAULTS.nodeHeight;

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The figures a counted organ stands for: "1,917 | 2,600". */
export function countLabel(o: SnapshotOrgan): string | undefined {
  const figs = o.figures.get('count') ?? [];
  if (!figs.length) return undefined;
  return formatFigures(figs);
}

/** True when the latest figures of some measure disagree. */
export function hasConflict(o: SnapshotOrgan, prescribed = false): boolean {
  if (prescribed) return false;
  for (const list of o.figures.values()) if (disagree(list)) return true;
  return false;
}

const shortTypes = new Map<string, { label: string; key: string }>();
function shortType(type: string, own?: string): { label: string; key: string } {
  const k = `${type}|${own ?? ''}`;
  let t = shortTypes.get(k);
  if (!t) {
    const label = typeLabel(type, own).replace(/ \(.*\)$/, '');
    t = { label, key: label.toLowerCase().replace(/^(urban|rural|factory|party) /, '') };
    shortTypes.set(k, t);
  }
  return t;
}

export function nodeLabel(o: SnapshotOrgan, folded = 0): string {
  const lines: string[] = [];
  let name: string;
  if (o.counted) {
    const counts = countLabel(o) ?? '?';
    name = `${counts} ${truncate(o.name, Math.max(16, 42 - counts.length))}`;
  }
  else name = truncate(o.name, 42);
  lines.push(name);
  const extra: string[] = [];
  // The type, when the name does not say it and leaves room for it (colour and shape say it too).
  if (!o.counted && name.length <= 24) {
    const type = shortType(o.type, o.typeLabel);
    if (!o.name.toLowerCase().includes(type.key)) extra.push(type.label);
  }
  if (folded) extra.push(`+${formatNumber(folded)} folded`);
  if (extra.length) lines.push(extra.join(' · '));
  return lines.join('\n');
}

const LINK_BADGE = `data:image/svg+xml;utf8,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' width='18' height='18' viewBox='0 0 18 18'><circle cx='9' cy='9' r='8' fill='white' stroke='#1d2330' stroke-width='1.3'/><path d='M5.5 5.5l6.5 6.5M12.5 7v5.5H7' fill='none' stroke='#1d2330' stroke-width='1.6' stroke-linecap='round' stroke-linejoin='round'/></svg>",
)}`;

/** A route's bend points as Cytoscape segment weights and distances (relative to the centres). */
export function routeData(a: { x: number; y: number }, b: { x: number; y: number }, pts: { x: number; y: number }[]): Record<string, unknown> {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  if (!pts.length || len2 === 0) return { bent: false, sw: '0.5', sd: '0' };
  const len = Math.sqrt(len2);
  const w = pts.map((p) => ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2);
  const d = pts.map((p) => (dx * (p.y - a.y) - dy * (p.x - a.x)) / len);
  return { bent: true, sw: w.map((x) => x.toFixed(4)).join(' '), sd: d.map((x) => x.toFixed(2)).join(' ') };
}

/** What a node carries for the stylesheet: label, shape, colours and flags. A ghost is a counted group's stacked copy. */
export function nodeData(o: SnapshotOrgan, folded: number, ghost: number, prescribed: boolean): Record<string, unknown> {
  const s = typeStyle(o.type);
  const fam = FAMILIES[s.family];
  return {
    organ: ghost ? undefined : o.id,
    label: ghost ? '' : nodeLabel(o, folded),
    shape: s.shape,
    fill: fam.fill,
    border: fam.border,
    text: fam.text,
    family: s.family,
    ghost,
    vague: o.vague,
    conflict: hasConflict(o, prescribed),
    counted: o.counted,
    linked: !ghost && Boolean(o.link),
  };
}

/** The classes a node's own data gives it (marks, selection and search add theirs in the chart). */
export function dataClasses(data: Record<string, unknown>): string[] {
  const classes: string[] = [];
  if (data.ghost) classes.push('ghost');
  if (data.vague) classes.push('vague');
  if (data.conflict && !data.ghost) classes.push('conflict');
  if (data.family === 'apparatus') classes.push('apparatus');
  return classes;
}

/** Stacked copies behind a counted group, and how far each is offset. */
export const GHOSTS = 2;
export const GHOST_OFFSET = 5;

/**
 * Every element of a laid-out view tree, as the chart draws it when nothing is marked or
 * selected: for a still picture (the command line's SVG) or a first draw.
 */
export function chartElements(tree: ViewTree, layout: TidyLayout, prescribed: boolean): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const [id, o] of tree.organs) {
    const p = layout.positions.get(id)!;
    for (let ghost = o.counted ? GHOSTS : 0; ghost >= 0; ghost--) {
      const data = nodeData(o, tree.folded.get(id) ?? 0, ghost, prescribed);
      out.push({ group: 'nodes', data: { id: ghost ? `${id}::s${ghost}` : id, ...data }, position: { x: p.x + ghost * GHOST_OFFSET, y: p.y + ghost * GHOST_OFFSET }, classes: dataClasses(data).join(' ') });
    }
  }
  for (const [child, parent] of tree.parent) {
    const data = routeData(layout.positions.get(parent)!, layout.positions.get(child)!, layout.routes.get(child) ?? []);
    out.push({ group: 'edges', data: { id: `${parent}->${child}`, source: parent, target: child, ...data } });
  }
  return out;
}

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

export const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: W,
      height: H,
      shape: 'data(shape)' as never,
      'background-color': 'data(fill)',
      'border-color': 'data(border)',
      'border-width': 1.5,
      color: 'data(text)',
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 13,
      'line-height': 1.3,
      'text-wrap': 'wrap',
      'text-max-width': `${W - 18}px`,
      'text-valign': 'center',
      'text-halign': 'center',
      'min-zoomed-font-size': 5,
      'transition-property': 'none',
      'z-index': 10,
    },
  },
  { selector: 'node.apparatus', style: { 'font-size': 12, 'border-width': 1 } },
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
  { selector: 'node.vague', style: { 'border-style': 'dashed', 'border-width': 2, 'background-opacity': 0.7 } },
  {
    selector: 'node.conflict',
    style: { 'outline-width': 2.5, 'outline-color': '#c7791b', 'outline-offset': 2.5, 'outline-style': 'dotted' } as never,
  },
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
  { selector: 'node.mark-added', style: { 'border-color': '#23804a', 'border-width': 3.5, 'underlay-color': '#2f9e5b', 'underlay-opacity': 0.22, 'underlay-padding': 6 } as never },
  { selector: 'node.mark-removed', style: { 'border-color': '#b23a3a', 'border-width': 3, 'border-style': 'dashed', 'background-opacity': 0.35, 'text-opacity': 0.75 } },
  { selector: 'node.mark-reparented', style: { 'outline-width': 3, 'outline-color': '#2c6fb7', 'outline-offset': 3, 'outline-style': 'solid' } as never },
  { selector: 'node.mark-renamed', style: { 'underlay-color': '#7a4fb0', 'underlay-opacity': 0.28, 'underlay-padding': 7, 'underlay-shape': 'round-rectangle' } as never },
  { selector: 'node.ev-in', style: { 'underlay-color': '#d08a1e', 'underlay-opacity': 0.4, 'underlay-padding': 8 } as never },
  { selector: 'node.ev-out', style: { 'underlay-color': '#138c8c', 'underlay-opacity': 0.4, 'underlay-padding': 8 } as never },
  { selector: 'node.match', style: { 'underlay-color': '#f2c230', 'underlay-opacity': 0.55, 'underlay-padding': 7 } as never },
  {
    selector: 'node.chosen',
    style: { 'border-width': 3.5, 'border-color': '#1d2330', 'underlay-color': '#1d2330', 'underlay-opacity': 0.1, 'underlay-padding': 7, 'z-index': 20 } as never,
  },
];

