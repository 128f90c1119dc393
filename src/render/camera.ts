/**
 * Where the chart looks: a zoom and pan that frame the nodes that matter at a readable size.
 * Pure arithmetic in Cytoscape's model: a model point p is drawn at `p * zoom + pan` (px).
 *
 * Legibility first: a label of `fontSize` model units is drawn `fontSize * zoom` px tall, so the
 * zoom never goes below `minLabel / fontSize` (11 px in the explorer, 20 px on a 1920×1080 stage).
 * When the boxes cannot all fit at that zoom, the view keeps the most important box whole and
 * shows as much of the others as it can, rather than shrinking into illegibility.
 */
import type { ViewTree } from '../layout/view.ts';
import { STYLE } from './stylesheet.ts';

/** An axis-aligned box in model units (or px, for rendered boxes). */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Px along each side of the viewport covered by something else (a caption, a legend, a toolbar). */
export interface Insets {
  top?: number;
  right?: number;
  bottom?: number;
  left?: number;
}

export interface Camera {
  zoom: number;
  pan: { x: number; y: number };
}

export interface FrameOptions {
  /** The label font size in model units. */
  fontSize: number;
  /** The smallest label to draw, in px: 11 in the explorer, 20 on the stage. */
  minLabel: number;
  /** The largest label worth zooming to, in px (default twice `minLabel`): a lone box is not blown up. */
  maxLabel?: number;
  insets?: Insets;
  /** Px kept clear around the framed boxes (default 24). */
  padding?: number;
  /** Index in `boxes` of the one that matters most (the selection, the event's first output); default 0. */
  primary?: number;
}

/** The smallest box holding all the boxes (undefined for none). */
export function union(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const u = { ...boxes[0] };
  for (const b of boxes) {
    u.x1 = Math.min(u.x1, b.x1);
    u.y1 = Math.min(u.y1, b.y1);
    u.x2 = Math.max(u.x2, b.x2);
    u.y2 = Math.max(u.y2, b.y2);
  }
  return u;
}

/** The part of the viewport not covered by insets, in px. */
export function visibleArea(viewport: Size, insets: Insets = {}): Box {
  return { x1: insets.left ?? 0, y1: insets.top ?? 0, x2: viewport.width - (insets.right ?? 0), y2: viewport.height - (insets.bottom ?? 0) };
}

/** A model box as drawn, in px. */
export function rendered(box: Box, camera: Camera): Box {
  const { zoom, pan } = camera;
  return { x1: box.x1 * zoom + pan.x, y1: box.y1 * zoom + pan.y, x2: box.x2 * zoom + pan.x, y2: box.y2 * zoom + pan.y };
}

/**
 * The camera that frames the boxes: centred on them at the zoom that fits them, within
 * [minLabel, maxLabel] / fontSize; when they do not fit at the smallest readable zoom, at that zoom
 * with the primary box whole in view and the view moved as far towards the others' centre as that allows.
 */
export function frame(boxes: readonly Box[], viewport: Size, o: FrameOptions): Camera | undefined {
  const all = union(boxes);
  if (!all) return undefined;
  const pad = o.padding ?? 24;
  const area = visibleArea(viewport, o.insets);
  const w = Math.max(1, area.x2 - area.x1 - 2 * pad);
  const h = Math.max(1, area.y2 - area.y1 - 2 * pad);
  const minZoom = o.minLabel / o.fontSize;
  const maxZoom = Math.max(minZoom, (o.maxLabel ?? 2 * o.minLabel) / o.fontSize);
  const fit = Math.min(w / Math.max(all.x2 - all.x1, 1e-9), h / Math.max(all.y2 - all.y1, 1e-9));
  const zoom = Math.min(maxZoom, Math.max(minZoom, fit));
  let cx = (all.x1 + all.x2) / 2;
  let cy = (all.y1 + all.y2) / 2;
  if (fit < minZoom) {
    // Keep the primary box whole: the centre may move only as far as its edges allow.
    const p = boxes[o.primary ?? 0] ?? boxes[0];
    const keep = (c: number, lo: number, hi: number, half: number) => {
      const from = hi - half;
      const to = lo + half;
      return from > to ? (lo + hi) / 2 : Math.min(to, Math.max(from, c));
    };
    cx = keep(cx, p.x1, p.x2, w / 2 / zoom);
    cy = keep(cy, p.y1, p.y2, h / 2 / zoom);
  }
  return { zoom, pan: { x: (area.x1 + area.x2) / 2 - cx * zoom, y: (area.y1 + area.y2) / 2 - cy * zoom } };
}

/** The least margin (px) the explorer's camera keeps around a change it frames: 12 px beyond the marks' halos (up to 9 model units). */
export const TIGHT = 21;

/**
 * When the boxes cannot all be framed legibly: the primary box (index `primary`, default 0) with as
 * many of the others as one view at the least legible zoom can hold with it. Returns their boxes.
 */
export function mostThatFit(boxes: readonly Box[], viewport: Size, o: FrameOptions): Box[] {
  const p = boxes[o.primary ?? 0];
  if (!p) return [];
  const pad = o.padding ?? 24;
  const area = visibleArea(viewport, o.insets);
  const zoom = o.minLabel / o.fontSize;
  const w = (area.x2 - area.x1 - 2 * pad) / zoom;
  const h = (area.y2 - area.y1 - 2 * pad) / zoom;
  // Views worth trying: their left (top) edge at a box's left (top), or as far as keeps the primary in.
  const lefts = [p.x2 - w, ...boxes.map((b) => b.x1)].filter((x) => x <= p.x1 && x + w >= p.x2);
  const tops = [p.y2 - h, ...boxes.map((b) => b.y1)].filter((y) => y <= p.y1 && y + h >= p.y2);
  let best: Box[] = [p];
  for (const x of lefts)
    for (const y of tops) {
      const held = boxes.filter((b) => b === p || (b.x1 >= x && b.x2 <= x + w && b.y1 >= y && b.y2 <= y + h));
      if (held.length > best.length) best = [p, ...held.filter((b) => b !== p)];
    }
  return best;
}

/** Whether the model box is drawn wholly inside the viewport (less its insets). */
export function inView(box: Box, camera: Camera, viewport: Size, insets?: Insets): boolean {
  const r = rendered(box, camera);
  const a = visibleArea(viewport, insets);
  const e = 0.5; // half a pixel of rounding
  return r.x1 >= a.x1 - e && r.y1 >= a.y1 - e && r.x2 <= a.x2 + e && r.y2 <= a.y2 + e;
}

/** Whether any of the model box is drawn inside the viewport (less its insets). */
export function touchesView(box: Box, camera: Camera, viewport: Size, insets?: Insets): boolean {
  const r = rendered(box, camera);
  const a = visibleArea(viewport, insets);
  return r.x2 > a.x1 && r.x1 < a.x2 && r.y2 > a.y1 && r.y1 < a.y2;
}

/** The smallest label drawn in view, in px: the least font size among the nodes in view, times the zoom. */
export function smallestLabelInView(nodes: Iterable<{ box: Box; fontSize: number }>, camera: Camera, viewport: Size, insets?: Insets): number | undefined {
  let least: number | undefined;
  for (const n of nodes) {
    if (!touchesView(n.box, camera, viewport, insets)) continue;
    const px = n.fontSize * camera.zoom;
    if (least === undefined || px < least) least = px;
  }
  return least;
}

// --- Framing a story step (the presentation) ---------------------------------------------

/** What to frame: organs to focus on (with their children) and organs to keep in view. */
export interface Framing {
  focus?: string[];
  highlight?: string[];
}

/** The smallest label on a 1920×1080 stage, px. */
export const STAGE_MIN_LABEL = 20;
/**
 * The least label on a stage whose chart is `width` px wide: 20 px on a 1920×1080 stage (a chart of
 * 1,200 px or more), less on a smaller screen seen from nearer, down to 12 px on a phone.
 */
export function stageMinLabel(width: number): number {
  return Math.max(12, Math.min(STAGE_MIN_LABEL, (STAGE_MIN_LABEL * width) / 1200));
}

/** The label size a stage prefers, px: a framing that fits at this size is drawn no smaller. */
export const STAGE_LABEL = 24;

/** The least label font size of the chart's stylesheet, in model units (what the zoom must lift to `minLabel`). */
export const CHART_FONT = Math.min(
  ...(STYLE as { style?: Record<string, unknown> }[]).flatMap((r) => (typeof r.style?.['font-size'] === 'number' ? [r.style['font-size'] as number] : [])),
);

/**
 * The organs a framing puts in view, most important first: the focus organs with their children
 * and the highlighted organs; then the focus and highlighted organs alone. Without a focus, the
 * highlighted organs; without either, every organ.
 */
export function framingSets(tree: ViewTree, framing: Framing): string[][] {
  const focus = (framing.focus ?? []).filter((id) => tree.organs.has(id));
  const highlight = (framing.highlight ?? []).filter((id) => tree.organs.has(id) && !focus.includes(id));
  const withKids = [...new Set(focus.flatMap((id) => [id, ...(tree.children.get(id) ?? [])]))].filter((id) => !highlight.includes(id));
  if (focus.length) return [[...withKids, ...highlight], [...focus, ...highlight]];
  if (highlight.length) return [highlight];
  return [[...tree.organs.keys()]];
}

/**
 * The camera for a story step on a canvas of `size` px, with `top` px covered by the caption:
 * the first of `framingSets` that fits whole at labels of at least `minLabel` px (by default
 * `stageMinLabel` of the canvas's width: 20 px on a 1920×1080 stage; 24 px when it fits
 * at that), drawn by `frame` (so never smaller than `minLabel`); when none fits, the focus and
 * highlighted organs at `minLabel` with the focus kept whole. `boxOf` gives the model box of each
 * drawn organ (undefined when it is not drawn).
 */
export function frameCamera(
  tree: ViewTree,
  framing: Framing,
  boxOf: (ids: string[]) => Box | undefined,
  size: { w: number; h: number },
  pad = 36,
  top = 0,
  minLabel = stageMinLabel(size.w),
): Camera | undefined {
  const viewport = { width: size.w, height: size.h };
  const o: FrameOptions = { fontSize: CHART_FONT, minLabel, maxLabel: Math.max(minLabel, STAGE_LABEL) * 1.25, insets: { top }, padding: pad };
  const sets = framingSets(tree, framing);
  let fallback: Camera | undefined;
  for (const ids of sets) {
    const boxes = ids.flatMap((id) => boxOf([id]) ?? []);
    if (!boxes.length) continue;
    const cam = frame(boxes, viewport, o);
    if (!cam) continue;
    if (boxes.every((b) => inView(b, cam, viewport, o.insets))) return cam;
    fallback ??= cam;
  }
  // Nothing fits whole: the focus and highlighted organs at the least legible zoom, the focus whole
  // and the view as far towards the others as that allows.
  const main = sets[sets.length - 1];
  const boxes = main.flatMap((id) => boxOf([id]) ?? []);
  return (boxes.length ? frame(boxes, viewport, o) : undefined) ?? fallback;
}
