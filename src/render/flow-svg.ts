/**
 * The flow as SVG, without a DOM: the pieces (a row's line, its label in the gutter, a connector,
 * an event mark, the time axis) as markup strings, and `flowSvg`, the whole drawing as one file
 * with vector text. The explorer's flow component draws the same pieces, so the export is what
 * the screen shows. Only presentation attributes (no `style`), so a strict CSP accepts it inline.
 */
import { countWidth, timeTicks, timeX, type Flow, type FlowConnector, type FlowEvent, type FlowRow } from '../layout/flow.ts';
import { formatDate, formatInterval } from '../model/dates.ts';
import { FAMILIES, formatNumber, typeLabel, typeStyle } from './organ-style.ts';

export interface FlowGeometry {
  pxPerYear: number;
  rowHeight: number;
  /** Width of the label column on the left. */
  gutter: number;
  /** Indent per level of depth in the label column. */
  indent: number;
  /** Height of the time axis band above the rows. */
  axis: number;
  /** Width of the time area. */
  width: number;
  /** x of an instant within the time area (0 at the period's start). */
  x: (t: number) => number;
  /** y of a row's line within the rows area (0 at the first row's top). */
  y: (row: number) => number;
}

export interface GeometryOptions {
  pxPerYear?: number;
  rowHeight?: number;
  gutter?: number;
}

export const FLOW_DEFAULTS = { pxPerYear: 160, rowHeight: 26, gutter: 260, indent: 14, axis: 44, pad: 12 };
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
const INK = '#1d2330';
const MUTED = '#5b6475';
const ACCENT = '#8a3a44';
const MOVE = '#6b7280';
const PAPER = '#fbfaf7';
const LABEL_ROOM = 160;

export function flowGeometry(flow: Flow, o: GeometryOptions = {}): FlowGeometry {
  const pxPerYear = o.pxPerYear ?? FLOW_DEFAULTS.pxPerYear;
  const rowHeight = o.rowHeight ?? FLOW_DEFAULTS.rowHeight;
  const pad = FLOW_DEFAULTS.pad;
  const x0 = timeX(flow.period, pxPerYear, pad);
  return {
    pxPerYear,
    rowHeight,
    gutter: o.gutter ?? FLOW_DEFAULTS.gutter,
    indent: FLOW_DEFAULTS.indent,
    axis: FLOW_DEFAULTS.axis,
    // Room on the right for the names of lines that begin late.
    width: Math.ceil(x0(flow.period.max) + pad * 2 + LABEL_ROOM),
    x: x0,
    // The line sits low in its row: the label above it, the count beside it.
    y: (row) => row * rowHeight + rowHeight * 0.68,
  };
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => (Math.round(v * 10) / 10).toString();

/** Colour of an organ type's line: its family's border colour (the chart's palette). */
export function rowColour(type: string): string {
  return FAMILIES[typeStyle(type).family].border;
}

/** A rough text width for truncating labels (no DOM to measure with). */
export function fitText(text: string, px: number, size: number): string {
  const max = Math.floor(px / (size * 0.56));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

const countText = (values: readonly number[]) => values.map(formatNumber).join(' | ');

/** What a row's line says when hovered or focused, and to a screen reader. */
export function rowTitle(row: FlowRow, eventTitle: (id: string) => string | undefined): string {
  const parts = [`${row.name} (${typeLabel(row.type, row.typeLabel)})`, formatInterval({ start: row.from, end: row.to })];
  if (row.parentName) parts.push(`under ${row.parentName}`);
  if (row.names.length > 1) parts.push(`renamed ${row.names.slice(1).map((x) => `${x.name} (${formatDate(isoMonth(x.at))})`).join(', ')}`);
  if (row.counts.length) parts.push(`count ${row.counts.map((c) => countText(c.values)).join(' → ')}`);
  if (row.began) parts.push(`began: ${eventTitle(row.began) ?? row.began}`);
  if (row.ended) parts.push(`ended: ${eventTitle(row.ended) ?? row.ended}`);
  if (row.qualified) parts.push('dates uncertain or approximate');
  if (row.inferred) parts.push(`placement inferred${row.inferredNote ? `: ${row.inferredNote}` : ''}`);
  if (row.folded) parts.push(`${row.folded} folded below`);
  return parts.join('; ');
}

const isoMonth = (t: number) => new Date(t).toISOString().slice(0, 7);

/** Opacity steps for a fade (four, so no gradient ids are needed). */
const FADE = [0.15, 0.35, 0.55, 0.8];

function stroke(x1: number, x2: number, y: number, w: number, colour: string, dash: string, opacity = 1): string {
  if (x2 - x1 < 0.5) x2 = x1 + 0.5;
  return `<line x1="${n(x1)}" y1="${n(y)}" x2="${n(x2)}" y2="${n(y)}" stroke="${colour}" stroke-width="${n(w)}"${dash}${opacity < 1 ? ` stroke-opacity="${opacity}"` : ''}/>`;
}

/**
 * A row's line in the time area: solid where it certainly existed, fading in and out over vague
 * bounds, dashed when inferred, thicker by count with the number where it changes, renames as
 * text along the line, and its name at its start (when it starts after the period's start; the
 * label column names it too).
 */
export function rowSvg(g: FlowGeometry, flow: Flow, row: FlowRow): string {
  const y = g.y(row.index);
  const colour = rowColour(row.type);
  const dash = row.inferred ? ' stroke-dasharray="7 4"' : '';
  const base = row.qualified ? 0.6 : 1;
  const out: string[] = [];
  // Widths change where the count does.
  const cuts = row.counts.length ? row.counts.map((c) => ({ at: c.at, w: countWidth(c.values) })) : [{ at: row.start.min, w: 3 }];
  const widthAt = (t: number) => {
    let w = cuts[0].w;
    for (const c of cuts) if (c.at <= t) w = c.w;
    return w;
  };
  const pieces = (from: number, to: number, opacity: number) => {
    const edges = [from, ...cuts.map((c) => c.at).filter((t) => t > from && t < to), to];
    for (let i = 0; i + 1 < edges.length; i++) out.push(stroke(g.x(edges[i]), g.x(edges[i + 1]), y, widthAt(edges[i]), colour, dash, opacity * base));
  };
  const fade = (from: number, to: number, rising: boolean) => {
    if (to <= from) return;
    const step = (to - from) / FADE.length;
    FADE.forEach((o, i) => {
      const k = rising ? i : FADE.length - 1 - i;
      pieces(from + step * i, from + step * (i + 1), FADE[k] ?? o);
    });
  };
  fade(row.start.min, row.start.max, true);
  pieces(row.start.max, row.end.min, 1);
  fade(row.end.min, row.end.max, false);
  // Open bounds: a short arrow says the line goes on beyond the period.
  if (row.openEnd) out.push(`<path d="M${n(g.x(row.end.max) - 6)} ${n(y - 4)}L${n(g.x(row.end.max))} ${n(y)}L${n(g.x(row.end.max) - 6)} ${n(y + 4)}" fill="none" stroke="${colour}" stroke-width="1.5"/>`);
  const label = (x: number, text: string, size: number, fill: string, weight = '') =>
    `<text x="${n(x)}" y="${n(y - 6)}" font-size="${size}" fill="${fill}"${weight ? ` font-weight="${weight}"` : ''} font-family="${FONT}">${esc(text)}</text>`;
  // The name at the start; when it would run past the period's end, before the start (the row is
  // this line's alone, so that side is free).
  const nameW = row.name.length * 12 * 0.6;
  const late = g.x(row.start.min) + 2 + nameW > g.width && g.x(row.start.min) - 4 - nameW >= 0;
  if (row.start.min > flow.period.min)
    out.push(late ? label(g.x(row.start.min) - 4, row.name, 12, INK, '600').replace('<text ', '<text text-anchor="end" ') : label(g.x(row.start.min) + 2, row.name, 12, INK, '600'));
  for (const r of row.names.slice(1)) {
    out.push(`<line x1="${n(g.x(r.at))}" y1="${n(y - 5)}" x2="${n(g.x(r.at))}" y2="${n(y + 5)}" stroke="${INK}" stroke-width="1.5"/>`);
    out.push(label(g.x(r.at) + 3, `→ ${r.name}`, 12, INK, '600'));
  }
  // Counts where they change, each clear of the one before (a crowded one is in the title).
  let free = row.start.min > flow.period.min && !late ? g.x(row.start.min) + nameW + 10 : -Infinity;
  row.counts.forEach((c, i) => {
    const prev = row.counts[i - 1];
    if (prev && countText(prev.values) === countText(c.values)) return;
    const text = `${c.qualifier === 'approx' ? 'c. ' : c.qualifier === 'min' ? '≥ ' : c.qualifier === 'max' ? '≤ ' : ''}${countText(c.values)}`;
    const x = Math.max(g.x(c.at) + 2, i === 0 ? free : -Infinity);
    if (x < free) return;
    out.push(label(x, text, 11, MUTED));
    free = x + text.length * 11 * 0.6 + 6;
  });
  return out.join('');
}

/** A row's name in the label column, indented by depth, with its type's colour as a tick. */
export function gutterSvg(g: FlowGeometry, row: FlowRow): string {
  const y = g.y(row.index);
  const x = 10 + row.depth * g.indent;
  const fold = row.folded ? ` (+${formatNumber(row.folded)})` : '';
  const text = fitText(row.name, g.gutter - x - 16 - fold.length * 7, 12) + fold;
  return (
    `<rect x="${n(x - 7)}" y="${n(y - 8)}" width="3" height="10" fill="${rowColour(row.type)}"/>` +
    `<text x="${n(x)}" y="${n(y + 1)}" font-size="12" fill="${INK}" font-family="${FONT}"${row.inferred ? ' font-style="italic"' : ''}>${esc(text)}</text>`
  );
}

/**
 * A connector at its date: an S-curve from the input's line to the output's. Re-parenting is
 * grey; splits, merges, renames and creations in the accent colour, with their kind as a word.
 */
export function connectorPath(g: FlowGeometry, c: FlowConnector): string {
  // At the middle of a vague date (where both lines are fading), else at the date.
  const x1 = g.x((c.at.min + c.at.max) / 2) - 6;
  const x2 = x1 + 18;
  const y1 = g.y(c.from);
  const y2 = g.y(c.to);
  return `M${n(x1)} ${n(y1)}C${n(x2)} ${n(y1)} ${n(x1)} ${n(y2)} ${n(x2)} ${n(y2)}`;
}

export function connectorSvg(g: FlowGeometry, c: FlowConnector, title?: string): string {
  const lineage = c.kind !== 'move';
  const colour = lineage ? ACCENT : MOVE;
  const dash = c.inferred ? ' stroke-dasharray="5 3"' : '';
  const t = title ? `<title>${esc(title)}</title>` : '';
  return `<path d="${connectorPath(g, c)}" fill="none" stroke="${colour}" stroke-width="${lineage ? 2 : 1.5}"${dash} stroke-opacity="${lineage ? 0.9 : 0.7}">${t}</path>`;
}

/** An event's mark: a tick (or a bar over a coarse date) in the axis band and a faint rule down the rows. */
export function eventSvg(g: FlowGeometry, e: FlowEvent, height: number, top: number): string {
  const x1 = g.x(e.at.min);
  const x2 = Math.max(g.x(e.at.max), x1 + 3);
  const structural = e.kind !== 'rule-change';
  const colour = structural ? ACCENT : MUTED;
  // A coarse date is a thin bar over its span, with a mark where it begins.
  return (
    `<rect x="${n(x1)}" y="${n(top + 2)}" width="${n(x2 - x1)}" height="4" fill="${colour}" fill-opacity="0.35"/>` +
    `<path d="M${n(x1)} ${n(top - 2)}L${n(x1 + 5)} ${n(top + 4)}L${n(x1)} ${n(top + 10)}L${n(x1 - 5)} ${n(top + 4)}Z" fill="${colour}" fill-opacity="${structural ? 0.9 : 0.6}"/>` +
    (structural ? `<line x1="${n(x1)}" y1="${n(top + 10)}" x2="${n(x1)}" y2="${n(top + 10 + height)}" stroke="${colour}" stroke-width="1" stroke-dasharray="2 4" stroke-opacity="0.4"/>` : '')
  );
}

/** Years (and months when there is room) along the top; `bottom` is the axis band's lower edge. */
export function axisSvg(g: FlowGeometry, flow: Flow, bottom: number): string {
  const out: string[] = [];
  for (const t of timeTicks(flow.period, g.pxPerYear)) {
    const x = g.x(t.at);
    out.push(`<line x1="${n(x)}" y1="${n(bottom - (t.major ? 16 : 6))}" x2="${n(x)}" y2="${n(bottom)}" stroke="${t.major ? INK : MUTED}" stroke-width="1"/>`);
    if (t.label) out.push(`<text x="${n(x + 3)}" y="${n(bottom - (t.major ? 20 : 9))}" font-size="${t.major ? 13 : 11}" fill="${t.major ? INK : MUTED}"${t.major ? ' font-weight="600"' : ''} font-family="${FONT}">${t.label}</text>`);
  }
  out.push(`<line x1="0" y1="${n(bottom)}" x2="${g.width}" y2="${n(bottom)}" stroke="#d9d6ce" stroke-width="1"/>`);
  return out.join('');
}

/** Faint rules at each year across the rows. */
export function gridSvg(g: FlowGeometry, flow: Flow, top: number, height: number): string {
  return timeTicks(flow.period, g.pxPerYear)
    .filter((t) => t.major)
    .map((t) => `<line x1="${n(g.x(t.at))}" y1="${n(top)}" x2="${n(g.x(t.at))}" y2="${n(top + height)}" stroke="#d9d6ce" stroke-width="1"/>`)
    .join('');
}

export interface FlowSvgOptions extends GeometryOptions {
  title?: string;
  /** The current date, drawn as a vertical line. */
  at?: number;
  /** Resolves an event id to its title. */
  eventTitle?: (id: string) => string | undefined;
}

/** The whole flow as one SVG document with vector text: label column, axis, event marks, lines and connectors. */
export function flowSvg(flow: Flow, o: FlowSvgOptions = {}): string {
  const g = flowGeometry(flow, o);
  const titleOf = o.eventTitle ?? (() => undefined);
  const top = g.axis;
  const rowsH = flow.rows.length * g.rowHeight + 8;
  const width = g.gutter + g.width;
  const height = top + rowsH + (o.title ? 28 : 0);
  const head = o.title ? 28 : 0;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`);
  out.push(`<title>${esc(o.title ?? 'Flow of the hierarchy over time')}</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="${PAPER}"/>`);
  if (o.title) out.push(`<text x="10" y="20" font-size="15" font-weight="600" fill="${INK}">${esc(o.title)}</text>`);
  out.push(`<g transform="translate(${g.gutter} ${head})">`);
  out.push(gridSvg(g, flow, top, rowsH));
  out.push(axisSvg(g, flow, top - 10));
  for (const e of flow.events) out.push(`<g class="event" data-event="${esc(e.id)}"><title>${esc(`${formatDate(e.date)}: ${e.title}`)}</title>${eventSvg(g, e, rowsH, top - 9)}</g>`);
  out.push(`<g transform="translate(0 ${top})">`);
  for (const r of flow.rows) out.push(`<g class="row" data-organ="${esc(r.organ)}" data-row="${r.index}"><title>${esc(rowTitle(r, titleOf))}</title>${rowSvg(g, flow, r)}</g>`);
  for (const c of flow.connectors) out.push(connectorSvg(g, c, c.event ? titleOf(c.event) : undefined));
  out.push('</g>');
  if (o.at !== undefined) out.push(`<line x1="${n(g.x(o.at))}" y1="${top - 10}" x2="${n(g.x(o.at))}" y2="${n(top + rowsH)}" stroke="${ACCENT}" stroke-width="2"/>`);
  out.push('</g>');
  out.push(`<g transform="translate(0 ${head + top})">`);
  for (const r of flow.rows) out.push(`<g class="label" data-organ="${esc(r.organ)}">${gutterSvg(g, r)}</g>`);
  out.push('</g>');
  out.push(`<line x1="${g.gutter - 0.5}" y1="${head}" x2="${g.gutter - 0.5}" y2="${height}" stroke="#d9d6ce"/>`);
  out.push('</svg>');
  return out.join('\n');
}
