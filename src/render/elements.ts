/**
 * What the chart draws for a laid-out view tree, without the DOM: typed node and edge data, labels,
 * and the element definitions. The <apparat-chart> component draws with these (through `plan`),
 * and so does the command line's SVG export (Cytoscape runs headless there).
 */
import type { ElementDefinition } from 'cytoscape';
import { TIDY_DEFAULTS, tidyTree, type TidyLayout } from '../layout/tidy.ts';
import type { ViewTree } from '../layout/view.ts';
import { finish } from '../model/in-steps.ts';
import type { SnapshotOrgan } from '../model/snapshot.ts';
import type { Organ } from '../model/types.ts';
import { disagree, formatFigures } from './figures.ts';
import { edgeId, nodeId } from './ids.ts';
import { labelHeight, wrapLabel } from './labels.ts';
import { FAMILIES, formatNumber, typeLabel, typeStyle, type Family, type Shape } from './organ-style.ts';

/** What a node carries for the stylesheet. A ghost is a counted group's stacked copy (1, 2, …). */
export interface NodeData {
  /** The organ (absent on a ghost, which is not selectable). */
  organ?: string;
  label: string;
  shape: Shape;
  fill: string;
  border: string;
  text: string;
  family: Family;
  ghost: number;
  vague: boolean;
  conflict: boolean;
  counted: boolean;
  linked: boolean;
  /** The node's width and height, and its text's width, in model units (a label of up to three lines and a type line). */
  w: number;
  h: number;
  tw: number;
}

/** An edge's route: bend points as Cytoscape segment weights (`sw`) and distances (`sd`). */
export interface EdgeRoute {
  bent: boolean;
  sw: string;
  sd: string;
}

/** What an edge carries: its route, and whether the child's placement is inferred (drawn dashed). */
export interface EdgeData extends EdgeRoute {
  inferred: boolean;
}

/** A node as drawn: its id, data and position. */
export interface NodeElement {
  id: string;
  data: NodeData;
  x: number;
  y: number;
}

/** An edge as drawn: parent (`source`) over child (`target`). */
export interface EdgeElement {
  id: string;
  source: string;
  target: string;
  data: EdgeData;
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

/** The label font size (model units), and the smaller one of apparatus organs: the camera keeps the smaller legible. */
export const LABEL_FONT = 13;
export const SMALL_FONT = 12;
const LINE_HEIGHT = 1.3;
/** Room around the text inside a node (model units). */
const PAD_X = 18;
const PAD_Y = 20;
const TEXT_WIDTH = TIDY_DEFAULTS.nodeWidth - PAD_X;

/** A line's width in ems of the label font: a generous estimate (narrow and wide letters apart), so that a line never wraps again. */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    let e = ems.get(ch);
    if (e === undefined) ems.set(ch, (e = /[ilIjtf.,'’:;!|()\[\] ]/.test(ch) ? 0.32 : /[mwMWШЩЖМ@%]/.test(ch) ? 0.9 : /[A-ZА-Я0-9]/.test(ch) ? 0.68 : 0.56));
    w += e;
  }
  return w;
}
/** Each character's width in ems, once (a date step at 10,000 organs measures every label). */
const ems = new Map<string, number>();

/** The full name (a counted group's figures first) wrapped to at most three lines, and a type line when the name does not say it. */
export function nodeLabel(o: SnapshotOrgan, folded = 0): string {
  const name = o.counted ? `${countLabel(o) ?? '?'} ${o.name}` : o.name;
  // Names repeat from one date to the next: each label is wrapped once.
  const key = `${name}\u0000${o.counted ? '' : `${o.type}\u0000${o.typeLabel ?? ''}`}\u0000${folded}`;
  let label = labels.get(key);
  if (label === undefined) {
    if (labels.size > 50_000) labels.clear();
    labels.set(key, (label = wrapNodeLabel(o, name, folded)));
  }
  return label;
}
const labels = new Map<string, string>();

function wrapNodeLabel(o: SnapshotOrgan, name: string, folded: number): string {
  const lines = wrapLabel(name, { maxWidth: TEXT_WIDTH / LABEL_FONT, measure: emWidth }).lines;
  const extra: string[] = [];
  // The type, when the name is short and does not say it (colour and shape say it too).
  if (!o.counted && lines.length === 1) {
    const type = shortType(o.type, o.typeLabel);
    if (!o.name.toLowerCase().includes(type.key)) extra.push(type.label);
  }
  if (folded) extra.push(`+${formatNumber(folded)} folded`);
  if (extra.length) lines.push(extra.join(' · '));
  return lines.join('\n');
}

type NodeSize = { w: number; h: number; tw: number };
const sizes = new Map<string, NodeSize>();
/** The size a node needs for its label: wider than the default only when a name does not fit three lines. */
export function labelSize(label: string): NodeSize {
  let size = sizes.get(label);
  if (!size) {
    const lines = label.split('\n');
    const tw = Math.max(TEXT_WIDTH, Math.ceil(Math.max(0, ...lines.map(emWidth)) * LABEL_FONT));
    size = { w: tw + PAD_X, h: labelHeight(lines.length, { lineHeight: LABEL_FONT * LINE_HEIGHT, padding: PAD_Y, minHeight: TIDY_DEFAULTS.nodeHeight }), tw };
    sizes.set(label, size);
  }
  return size;
}

/** Each organ's last node size, with the name and fold count it was worked out for. */
const lastSizes = new WeakMap<Organ, { name: string; folded: number; size: NodeSize }>();

/**
 * The size of an organ's node: `labelSize(nodeLabel(o, folded))`, remembered per organ while its
 * name and fold count stay (a counted group's label also carries its figures, and is worked out
 * each time): a date step at thousands of organs otherwise keys and looks up every label again.
 */
export function nodeSize(o: SnapshotOrgan, folded = 0): NodeSize {
  if (o.counted) return labelSize(nodeLabel(o, folded));
  const name = o.name;
  const last = lastSizes.get(o.organ);
  if (last?.name === name && last.folded === folded) return last.size;
  const size = labelSize(nodeLabel(o, folded));
  lastSizes.set(o.organ, { name, folded, size });
  return size;
}

/** The tidy layout of a view tree, each node as wide and tall as its label needs. */
export function layoutTree(tree: ViewTree): TidyLayout {
  const size = (id: string) => nodeSize(tree.organs.get(id)!, tree.folded.get(id) ?? 0);
  return tidyTree({ roots: tree.roots, children: (id) => tree.children.get(id) }, { width: (id) => size(id).w, height: (id) => size(id).h, gridAspect: tree.gridAspect, wrapWidth: tree.wrapWidth, levelSlots: tree.levelSlots });
}

/** A route's bend points as Cytoscape segment weights and distances (relative to the centres). */
export function routeData(a: { x: number; y: number }, b: { x: number; y: number }, pts: { x: number; y: number }[]): EdgeRoute {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  if (!pts.length || len2 === 0) return { bent: false, sw: '0.5', sd: '0' };
  const len = Math.sqrt(len2);
  const w = pts.map((p) => ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2);
  const d = pts.map((p) => (dx * (p.y - a.y) - dy * (p.x - a.x)) / len);
  return { bent: true, sw: w.map((x) => x.toFixed(4)).join(' '), sd: d.map((x) => x.toFixed(2)).join(' ') };
}

/** What a node carries for the stylesheet: label, shape, colours and flags. */
export function nodeData(o: SnapshotOrgan, folded: number, ghost: number, prescribed: boolean): NodeData {
  const s = typeStyle(o.type);
  const fam = FAMILIES[s.family];
  const label = nodeLabel(o, folded);
  return {
    ...labelSize(label),
    organ: ghost ? undefined : o.id,
    label: ghost ? '' : label,
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
export function dataClasses(data: NodeData): string[] {
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

/** Every node and edge of a laid-out view tree, ghosts behind their organ, in drawing order. */
export function drawnElements(tree: ViewTree, layout: TidyLayout, prescribed: boolean, only?: ReadonlySet<string>): { nodes: NodeElement[]; edges: EdgeElement[] } {
  return finish(drawnElementsInSteps(tree, layout, prescribed, only));
}

/**
 * `drawnElements`, pausing (yield) every few hundred organs: a large chart works it out across
 * frames. `only`: the organs of a large chart's window (src/render/window.ts), and the edges between them.
 */
export function* drawnElementsInSteps(tree: ViewTree, layout: TidyLayout, prescribed: boolean, only?: ReadonlySet<string>, every = 250): Generator<void, { nodes: NodeElement[]; edges: EdgeElement[] }> {
  const nodes: NodeElement[] = [];
  let n = 0;
  // A window holds a few dozen organs of thousands: only they are visited.
  for (const id of only ?? tree.organs.keys()) {
    const o = tree.organs.get(id);
    if (!o) continue;
    const p = layout.positions.get(id)!;
    const folded = tree.folded.get(id) ?? 0;
    for (let ghost = o.counted ? GHOSTS : 0; ghost >= 0; ghost--)
      nodes.push({ id: nodeId(id, ghost), data: nodeData(o, folded, ghost, prescribed), x: p.x + ghost * GHOST_OFFSET, y: p.y + ghost * GHOST_OFFSET });
    if (++n % every === 0) yield;
  }
  const edges: EdgeElement[] = [];
  for (const child of only ?? tree.parent.keys()) {
    const parent = tree.parent.get(child);
    if (!parent || (only && !only.has(parent))) continue;
    const route = routeData(layout.positions.get(parent)!, layout.positions.get(child)!, layout.routes.get(child) ?? []);
    // The child's own placement (a link drawn past hidden types is as certain as its last step).
    edges.push({ id: edgeId(parent, child), source: parent, target: child, data: { ...route, inferred: tree.organs.get(child)?.parentCertainty === 'inferred' } });
    if (++n % every === 0) yield;
  }
  return { nodes, edges };
}

/** A node as a Cytoscape element definition. */
export function nodeDefinition(n: NodeElement): ElementDefinition {
  return { group: 'nodes', data: { id: n.id, ...n.data }, position: { x: n.x, y: n.y }, classes: dataClasses(n.data).join(' ') };
}

/** An edge as a Cytoscape element definition. */
export function edgeDefinition(e: EdgeElement): ElementDefinition {
  return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, ...e.data } };
}

/**
 * Every element of a laid-out view tree, as the chart draws it when nothing is marked or
 * selected: for a still picture (the command line's SVG) or a first draw.
 */
export function chartElements(tree: ViewTree, layout: TidyLayout, prescribed: boolean): ElementDefinition[] {
  const { nodes, edges } = drawnElements(tree, layout, prescribed);
  return [...nodes.map(nodeDefinition), ...edges.map(edgeDefinition)];
}
