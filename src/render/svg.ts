/**
 * The chart as SVG text, written from a Cytoscape core's nodes and edges (positions, sizes,
 * shapes, colours, labels as vector text). The core may be headless (the command line) or the
 * chart's own (the app's export); no DOM is needed (labels are measured on a canvas when there is one).
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { INFERRED_LINK } from './marks.ts';

export interface SvgOptions {
  /** Margin around the drawing, in chart units. */
  padding?: number;
  /** Background colour, or `none`. */
  bg?: string;
  /** A title for the drawing (`<title>`, read by screen readers). */
  title?: string;
  /** Only this region, in chart coordinates (`cy.extent()` is what is in view); default everything. */
  box?: { x1: number; y1: number; w: number; h: number };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => (Math.round(n * 100) / 100).toString();

/** The outline of a Cytoscape node shape centred at (x, y), as an SVG path. */
export function shapePathAt(shape: string, x: number, y: number, w: number, h: number): string {
  const l = x - w / 2;
  const r = x + w / 2;
  const t = y - h / 2;
  const b = y + h / 2;
  const P = (pts: [number, number][]) => `M${pts.map(([a, c]) => `${num(a)} ${num(c)}`).join('L')}Z`;
  switch (shape) {
    case 'rectangle':
    case 'square':
      return P([[l, t], [r, t], [r, b], [l, b]]);
    case 'cut-rectangle':
    case 'cutrectangle': {
      const c = 8;
      return P([[l + c, t], [r - c, t], [r, t + c], [r, b - c], [r - c, b], [l + c, b], [l, b - c], [l, t + c]]);
    }
    case 'octagon': {
      const k = Math.tan(Math.PI / 8);
      return P([[x - (w / 2) * k, t], [x + (w / 2) * k, t], [r, y - (h / 2) * k], [r, y + (h / 2) * k], [x + (w / 2) * k, b], [x - (w / 2) * k, b], [l, y + (h / 2) * k], [l, y - (h / 2) * k]]);
    }
    case 'barrel': {
      const ho = Math.min(15, 0.05 * h);
      const wo = Math.min(100, 0.25 * w);
      const cx = 0.05 * wo;
      return `M${num(l)} ${num(t + ho)}L${num(l)} ${num(b - ho)}Q${num(l + cx)} ${num(b)} ${num(l + wo)} ${num(b)}L${num(r - wo)} ${num(b)}Q${num(r - cx)} ${num(b)} ${num(r)} ${num(b - ho)}L${num(r)} ${num(t + ho)}Q${num(r - cx)} ${num(t)} ${num(r - wo)} ${num(t)}L${num(l + wo)} ${num(t)}Q${num(l + cx)} ${num(t)} ${num(l)} ${num(t + ho)}Z`;
    }
    case 'ellipse': {
      const rx = w / 2;
      const ry = h / 2;
      return `M${num(l)} ${num(y)}A${num(rx)} ${num(ry)} 0 1 0 ${num(r)} ${num(y)}A${num(rx)} ${num(ry)} 0 1 0 ${num(l)} ${num(y)}Z`;
    }
    default: {
      // round-rectangle
      const c = Math.min(w / 4, h / 4, 8);
      return `M${num(l + c)} ${num(t)}L${num(r - c)} ${num(t)}Q${num(r)} ${num(t)} ${num(r)} ${num(t + c)}L${num(r)} ${num(b - c)}Q${num(r)} ${num(b)} ${num(r - c)} ${num(b)}L${num(l + c)} ${num(b)}Q${num(l)} ${num(b)} ${num(l)} ${num(b - c)}L${num(l)} ${num(t + c)}Q${num(l)} ${num(t)} ${num(l + c)} ${num(t)}Z`;
    }
  }
}

let measurer: CanvasRenderingContext2D | null | undefined;

/** Breaks a label into lines as Cytoscape does: at newlines, then at spaces within `maxWidth`. */
export function wrapLabel(label: string, font: string, maxWidth: number): string[] {
  if (measurer === undefined) measurer = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  const width = (s: string) => {
    if (!measurer) return s.length * 7;
    measurer.font = font;
    return measurer.measureText(s).width;
  };
  const out: string[] = [];
  for (const line of label.split('\n')) {
    if (!Number.isFinite(maxWidth) || width(line) <= maxWidth) {
      out.push(line);
      continue;
    }
    let cur = '';
    for (const word of line.split(/\s+/)) {
      const next = cur ? `${cur} ${word}` : word;
      if (cur && width(next) > maxWidth) {
        out.push(cur);
        cur = word;
      } else cur = next;
    }
    if (cur) out.push(cur);
  }
  return out;
}

const px = (v: unknown) => Number.parseFloat(String(v)) || 0;

function isDrawn(e: NodeSingular | EdgeSingular): boolean {
  return e.visible() && e.effectiveOpacity() > 0.01 && !e.hasClass('leaving');
}

function nodeSvg(n: NodeSingular): string {
  const { x, y } = n.position();
  const w = n.width();
  const h = n.height();
  const shape = String(n.style('shape'));
  const opacity = n.effectiveOpacity();
  const parts: string[] = [];
  const underlay = px(n.style('underlay-opacity'));
  if (underlay > 0) {
    const pad = px(n.style('underlay-padding'));
    parts.push(`<path d="${shapePathAt('round-rectangle', x, y, w + 2 * pad, h + 2 * pad)}" fill="${esc(String(n.style('underlay-color')))}" fill-opacity="${num(underlay)}"/>`);
  }
  const outline = px(n.style('outline-width'));
  if (outline > 0) {
    const off = px(n.style('outline-offset')) + outline / 2 + px(n.style('border-width')) / 2;
    const dash = n.style('outline-style') === 'dotted' ? ` stroke-dasharray="${num(outline)} ${num(outline * 1.5)}"` : n.style('outline-style') === 'dashed' ? ` stroke-dasharray="${num(outline * 3)} ${num(outline * 2)}"` : '';
    parts.push(`<path d="${shapePathAt(shape, x, y, w + 2 * off, h + 2 * off)}" fill="none" stroke="${esc(String(n.style('outline-color')))}" stroke-width="${num(outline)}"${dash}/>`);
  }
  const bw = px(n.style('border-width'));
  const dash = n.style('border-style') === 'dashed' ? ` stroke-dasharray="6 4"` : n.style('border-style') === 'dotted' ? ` stroke-dasharray="1 3"` : '';
  const fillOpacity = px(n.style('background-opacity'));
  parts.push(
    `<path d="${shapePathAt(shape, x, y, w, h)}" fill="${esc(String(n.style('background-color')))}"${fillOpacity < 1 ? ` fill-opacity="${num(fillOpacity)}"` : ''}${bw > 0 ? ` stroke="${esc(String(n.style('border-color')))}" stroke-width="${num(bw)}"${dash}` : ''}/>`,
  );
  const image = String(n.style('background-image') ?? 'none');
  if (image && image !== 'none' && /^data:image\//.test(image)) {
    const iw = px(n.style('background-width')) || 18;
    const ih = px(n.style('background-height')) || 18;
    const ox = px(n.style('background-offset-x'));
    const oy = px(n.style('background-offset-y'));
    parts.push(`<image href="${esc(image)}" x="${num(x + w / 2 - iw + ox)}" y="${num(y - h / 2 + oy)}" width="${num(iw)}" height="${num(ih)}"/>`);
  }
  const label = String(n.data('label') ?? n.style('label') ?? '');
  if (label) {
    const size = px(n.style('font-size')) || 13;
    const family = String(n.style('font-family'));
    const weight = String(n.style('font-weight') ?? 'normal');
    const lineHeight = (px(n.style('line-height')) || 1.2) * size;
    const max = String(n.style('text-wrap')) === 'wrap' ? px(n.style('text-max-width')) || Infinity : Infinity;
    const lines = wrapLabel(label, `${weight} ${size}px ${family}`, max);
    const top = y - ((lines.length - 1) * lineHeight) / 2;
    const textOpacity = px(n.style('text-opacity'));
    parts.push(
      `<text x="${num(x)}" y="${num(top)}" text-anchor="middle" dominant-baseline="central" font-family="${esc(family)}" font-size="${num(size)}"${weight !== 'normal' ? ` font-weight="${esc(weight)}"` : ''} fill="${esc(String(n.style('color')))}"${textOpacity < 1 ? ` fill-opacity="${num(textOpacity)}"` : ''}>${lines
        .map((line, i) => `<tspan x="${num(x)}" dy="${i ? num(lineHeight) : 0}">${esc(line)}</tspan>`)
        .join('')}</text>`,
    );
  }
  return `<g${opacity < 1 ? ` opacity="${num(opacity)}"` : ''}${n.data('organ') ? ` data-organ="${esc(String(n.data('organ')))}"` : ''}>${parts.join('')}</g>`;
}

/** The inverse of the chart's `routeData`: segment weights and distances back to points. */
export function pointsFromRoute(a: { x: number; y: number }, b: { x: number; y: number }, sw: string, sd: string): { x: number; y: number }[] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ws = sw.split(' ').map(Number);
  const ds = sd.split(' ').map(Number);
  return ws.map((w, i) => ({ x: a.x + w * dx - (ds[i] * dy) / len, y: a.y + w * dy + (ds[i] * dx) / len }));
}

function edgeSvg(e: EdgeSingular): string {
  const s = e.source().position();
  const t = e.target().position();
  let pts: { x: number; y: number }[] = [];
  try {
    if (String(e.style('curve-style')) === 'segments') pts = (e.segmentPoints() as { x: number; y: number }[] | undefined) ?? [];
  } catch {
    pts = [];
  }
  // Headless (no renderer to ask): the bend points from the route's own data.
  if (!pts.length && e.data('bent')) pts = pointsFromRoute(s, t, String(e.data('sw')), String(e.data('sd')));
  const all = [s, ...pts, t];
  const d = `M${all.map((p) => `${num(p.x)} ${num(p.y)}`).join('L')}`;
  const opacity = e.effectiveOpacity();
  // An inferred placement is dashed on screen, so in the picture too.
  const dash = String(e.style('line-style')) === 'dashed' || e.data('inferred') ? ` stroke-dasharray="${INFERRED_LINK.dash.join(' ')}"` : '';
  return `<path d="${d}" fill="none" stroke="${esc(String(e.style('line-color')))}" stroke-width="${num(px(e.style('width')) || 1)}" stroke-linejoin="round"${dash}${opacity < 1 ? ` opacity="${num(opacity)}"` : ''}/>`;
}

/** The chart as SVG text: the same picture as the screen, every label as vector text. */
export function viewSvg(cy: Core, { padding = 24, bg = '#fbfaf7', title, box }: SvgOptions = {}): string {
  const nodes = cy.nodes().filter((n) => isDrawn(n));
  const edges = cy.edges().filter((e) => isDrawn(e) && isDrawn(e.source() as NodeSingular) && isDrawn(e.target() as NodeSingular));
  const bb = box ?? nodes.union(edges).boundingBox({ includeLabels: true, includeOverlays: false } as never);
  const hasBox = Number.isFinite(bb.w) && bb.w > 0;
  const x = (hasBox ? bb.x1 : 0) - padding;
  const y = (hasBox ? bb.y1 : 0) - padding;
  const w = (hasBox ? bb.w : 0) + 2 * padding;
  const h = (hasBox ? bb.h : 0) + 2 * padding;
  // Draw order as on screen: edges below nodes, then nodes by z-index (stacked ghosts first).
  const sorted = nodes.toArray().sort((a, b) => px(a.style('z-index')) - px(b.style('z-index')));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(x)} ${num(y)} ${num(w)} ${num(h)}" width="${num(w)}" height="${num(h)}">`,
    title ? `<title>${esc(title)}</title>` : '',
    bg !== 'none' ? `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${esc(bg)}"/>` : '',
    `<g class="edges">${edges.map((e) => edgeSvg(e as EdgeSingular)).join('')}</g>`,
    `<g class="nodes">${sorted.map((n) => nodeSvg(n as NodeSingular)).join('')}</g>`,
    '</svg>',
  ].join('');
}

