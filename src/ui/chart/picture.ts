/**
 * The chart's first picture: the organs in view painted on a plain canvas while Cytoscape's code
 * loads (./core.ts), from the same element data (src/render/elements.ts) and the same stylesheet
 * Cytoscape then draws them from, at the same camera. Cytoscape's first chart costs about a
 * second on a slow machine, most of it compiling its code; the picture costs a few milliseconds,
 * and Cytoscape's chart replaces it once drawn.
 *
 * It reads only what the chart's stylesheet uses: rules for `node`, `edge`, `node.<class>` and
 * `node[?<flag>]`, values `data(<field>)`, and the properties drawn below, drawn as Cytoscape
 * draws them (edges under nodes, nodes by z-index, labels from the bottom of their last line).
 */
import type { StylesheetJson } from 'cytoscape';
import type { TidyLayout } from '../../layout/tidy.ts';
import type { ViewTree } from '../../layout/view.ts';
import type { Box, Camera, Size } from '../../render/camera.ts';
import { dataClasses, drawnElements, type EdgeElement, type NodeElement } from '../../render/elements.ts';
import { organOfNode } from '../../render/ids.ts';
import { markClasses, type Marking } from '../../render/marks.ts';
import { chartStyle, LINK_BADGE } from '../../render/stylesheet.ts';
import { pointsFromRoute, shapePathAt, wrapLabel } from '../../render/svg.ts';
import { organsInWindow, WINDOW_MIN, windowAround } from '../../render/window.ts';

type Style = Record<string, unknown>;

interface Rule {
  group: 'node' | 'edge';
  className?: string;
  flag?: string;
  style: Style;
}

/** The stylesheet's rules of the simple forms the picture reads; others (none today) are left to Cytoscape. */
function rulesOf(sheet: StylesheetJson): Rule[] {
  return sheet.flatMap((r) => {
    const m = 'style' in r ? /^(node|edge)(?:\.([\w-]+)|\[\?(\w+)\])?$/.exec(r.selector) : null;
    return m && 'style' in r ? [{ group: m[1] as Rule['group'], className: m[2], flag: m[3], style: r.style as Style }] : [];
  });
}

/** An element's style: the rules that match it, in order, with `data(…)` read from its data. */
function styleOf(rules: Rule[], group: Rule['group'], data: object, classes: ReadonlySet<string>): Style {
  const d = data as Record<string, unknown>;
  const style: Style = {};
  for (const r of rules) if (r.group === group && (!r.className || classes.has(r.className)) && (!r.flag || d[r.flag])) Object.assign(style, r.style);
  for (const [k, v] of Object.entries(style)) {
    const m = typeof v === 'string' ? /^data\((\w+)\)$/.exec(v) : null;
    if (m) style[k] = d[m[1]];
  }
  return style;
}

const num = (v: unknown, fallback = 0) => {
  const n = Number.parseFloat(String(v));
  return Number.isFinite(n) ? n : fallback;
};

/** Cytoscape's dashes for a border or outline style. */
function dash(style: unknown, pattern: unknown): number[] {
  if (style === 'dotted') return [1, 1];
  if (style === 'dashed') return Array.isArray(pattern) ? pattern.map(Number) : [4, 2];
  return [];
}

let badge: HTMLImageElement | undefined;
/** The link badge, decoded once (an organ with a chart of its own); undefined until it is. */
function linkBadge(): HTMLImageElement | undefined {
  if (!badge) {
    badge = new Image();
    badge.src = LINK_BADGE;
  }
  return badge.complete ? badge : undefined;
}

/** Where a line from a box's centre towards `to` leaves the box. */
function exit(from: { x: number; y: number }, to: { x: number; y: number }, w: number, h: number): { x: number; y: number } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const t = Math.min(dx ? w / 2 / Math.abs(dx) : Infinity, dy ? h / 2 / Math.abs(dy) : Infinity, 1);
  return { x: from.x + dx * t, y: from.y + dy * t };
}

function paintEdge(ctx: CanvasRenderingContext2D, e: EdgeElement, style: Style, source: NodeElement, target: NodeElement): void {
  const pts = style['curve-style'] === 'segments' ? pointsFromRoute(source, target, e.data.sw, e.data.sd) : [];
  const all = [exit(source, pts[0] ?? target, source.data.w, source.data.h), ...pts, exit(target, pts.at(-1) ?? source, target.data.w, target.data.h)];
  const radius = num(style['segment-radii']);
  ctx.beginPath();
  ctx.moveTo(all[0].x, all[0].y);
  for (let i = 1; i < all.length - 1; i++) ctx.arcTo(all[i].x, all[i].y, all[i + 1].x, all[i + 1].y, radius);
  ctx.lineTo(all.at(-1)!.x, all.at(-1)!.y);
  ctx.lineWidth = num(style.width, 1);
  ctx.strokeStyle = String(style['line-color']);
  ctx.setLineDash(style['line-style'] === 'dashed' ? dash('dashed', style['line-dash-pattern']) : []);
  ctx.globalAlpha = num(style.opacity, 1);
  ctx.stroke();
}

function paintNode(ctx: CanvasRenderingContext2D, n: NodeElement, style: Style, zoom: number): void {
  const { x, y } = n;
  const { w, h } = n.data;
  const shape = String(style.shape);
  const opacity = num(style.opacity, 1);
  const bw = num(style['border-width']);
  const under = num(style['underlay-opacity']);
  if (under > 0) {
    const pad = num(style['underlay-padding']);
    ctx.globalAlpha = under * opacity;
    ctx.fillStyle = String(style['underlay-color']);
    ctx.fill(new Path2D(shapePathAt(String(style['underlay-shape'] ?? 'round-rectangle'), x, y, w + 2 * pad, h + 2 * pad)));
  }
  const ow = num(style['outline-width']);
  if (ow > 0) {
    const grow = bw + ow + num(style['outline-offset']);
    ctx.globalAlpha = opacity;
    ctx.lineWidth = ow;
    ctx.setLineDash(dash(style['outline-style'], undefined));
    ctx.strokeStyle = String(style['outline-color']);
    ctx.stroke(new Path2D(shapePathAt(shape, x, y, w + grow, h + grow)));
  }
  const body = new Path2D(shapePathAt(shape, x, y, w, h));
  ctx.globalAlpha = num(style['background-opacity'], 1) * opacity;
  ctx.fillStyle = String(style['background-color']);
  ctx.fill(body);
  if (bw > 0) {
    ctx.globalAlpha = opacity;
    ctx.lineWidth = bw;
    ctx.setLineDash(dash(style['border-style'], style['border-dash-pattern']));
    ctx.strokeStyle = String(style['border-color']);
    ctx.stroke(body);
  }
  const image = style['background-image'] === LINK_BADGE ? linkBadge() : undefined;
  if (image) {
    const iw = num(style['background-width'], 18);
    const ih = num(style['background-height'], 18);
    ctx.globalAlpha = opacity;
    ctx.drawImage(image, x + w / 2 - iw + num(style['background-offset-x']), y - h / 2 + num(style['background-offset-y']), iw, ih);
  }
  const label = String(style.label ?? '');
  const size = num(style['font-size'], 16);
  if (!label || size * zoom < num(style['min-zoomed-font-size'])) return;
  const font = `${String(style['font-style'] ?? 'normal')} ${String(style['font-weight'] ?? 'normal')} ${size}px ${String(style['font-family'])}`;
  // Broken where Cytoscape breaks it: at its newlines, and again where a line is wider than the text's room.
  const lines = style['text-wrap'] === 'wrap' ? wrapLabel(label, font, num(style['text-max-width'], Infinity)) : [label];
  const lineHeight = size * num(style['line-height'], 1);
  const textHeight = size + (lines.length - 1) * lineHeight;
  ctx.globalAlpha = num(style['text-opacity'], 1) * opacity;
  ctx.fillStyle = String(style.color);
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  lines.forEach((line, i) => ctx.fillText(line, x, y + textHeight / 2 - (lines.length - 1 - i) * lineHeight));
}

/** What the picture shows: nodes with their classes (data's and marks'), the edges between them, where the camera looks. */
export interface Picture {
  nodes: NodeElement[];
  edges: EdgeElement[];
  classes(n: NodeElement): string[];
  camera: Camera;
  view: Size;
  sheet: StylesheetJson;
}

/**
 * The picture of a laid-out tree at a camera: what Cytoscape will be handed (a large tree's
 * window, src/render/window.ts), with the classes its data and the marks give.
 */
export function pictureOf(tree: ViewTree, layout: TidyLayout, boxes: ReadonlyMap<string, Box>, camera: Camera, view: Size, marking: Marking, prescribed: boolean, stage: boolean): Picture {
  const only = tree.organs.size > WINDOW_MIN ? organsInWindow(tree, layout, boxes, windowAround(camera, view)) : undefined;
  const { nodes, edges } = drawnElements(tree, layout, prescribed, only);
  const classes = (n: NodeElement) => [...dataClasses(n.data), ...markClasses(organOfNode(n.id), n.data.ghost > 0, marking)];
  return { nodes, edges, classes, camera, view, sheet: chartStyle(stage) };
}

/** Paints the picture on the canvas, sized to the view at the screen's pixel ratio. */
export function paintPicture(canvas: HTMLCanvasElement, p: Picture): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(p.view.width * ratio);
  canvas.height = Math.round(p.view.height * ratio);
  // Kept in memory from the start: it is painted a few times at most, and there may be no GPU to set up for it.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  const { zoom, pan } = p.camera;
  ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * pan.x, ratio * pan.y);
  const rules = rulesOf(p.sheet);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  for (const e of p.edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (source && target) paintEdge(ctx, e, styleOf(rules, 'edge', e.data, new Set()), source, target);
  }
  const styled = p.nodes.map((n) => ({ n, style: styleOf(rules, 'node', n.data, new Set(p.classes(n))) }));
  // Cytoscape's order: by z-index, then as added (a counted group's stacked copies before it).
  styled.sort((a, b) => num(a.style['z-index']) - num(b.style['z-index']));
  for (const { n, style } of styled) paintNode(ctx, n, style, zoom);
}
