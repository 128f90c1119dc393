/**
 * Where the chart's camera looks (fitting, zooming, revealing), over a canvas of a given size or
 * a Cytoscape core. The core itself is made in ./core.ts, which alone loads Cytoscape.
 */
import type { Core } from 'cytoscape';
import type { TidyLayout } from '../../layout/tidy.ts';
import type { ViewTree } from '../../layout/view.ts';
import { frame, inView, mostThatFit, TIGHT, touchesView, union, type Box, type Camera, type Insets, type Size } from '../../render/camera.ts';
import { SMALL_FONT } from '../../render/elements.ts';

/** The smallest label drawn in the explorer, in px. */
export const MIN_LABEL = 11;
/** The least zoom at which every label is at least MIN_LABEL px. */
export const READABLE = MIN_LABEL / SMALL_FONT;

export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The boxes of the organs among `ids` that the layout places, in order, in model units: where they
 * will stand once the layout is applied (a glide may still be under way, and a large chart's
 * Cytoscape holds only its window). `boxes`: src/render/window.ts `organBoxes`.
 */
export function layoutBoxes(boxes: ReadonlyMap<string, Box>, ids: readonly string[]): Box[] {
  return ids.flatMap((id) => boxes.get(id) ?? []);
}

/** The canvas's size, and where its camera looks now. */
export const size = (cy: Core): Size => ({ width: cy.width(), height: cy.height() });
export const cameraOf = (cy: Core): Camera => ({ zoom: cy.zoom(), pan: cy.pan() });

/** A camera that frames the boxes at a zoom that keeps every label legible (see render/camera.ts). */
export function legibleFrame(view: Size, boxes: Box[], insets: Insets, maxLabel?: number, padding = 28): Camera | undefined {
  if (!view.width || !view.height) return undefined;
  return frame(boxes, view, { fontSize: SMALL_FONT, minLabel: MIN_LABEL, maxLabel: maxLabel ?? 16, insets, padding });
}

/** Whether the boxes fit the view at a legible zoom. */
export function fitsLegibly(view: Size, boxes: Box[], insets: Insets): boolean {
  const u = union(boxes);
  const cam = legibleFrame(view, boxes, insets);
  return Boolean(u && cam && inView(u, cam, view, insets));
}

/**
 * The camera for the whole layout when it fits legibly; otherwise one on `primary` (the
 * selection, the change, the top of the tree) at the least legible zoom.
 */
export function wholeOrPrimary(view: Size, layout: TidyLayout, organs: ReadonlyMap<string, Box>, primary: string[], insets: Insets, alignTop = false): Camera | undefined {
  const { minX, maxX, minY, maxY } = layout.bounds;
  const whole = { x1: minX, y1: minY, x2: maxX, y2: maxY };
  const boxes = layoutBoxes(organs, primary);
  const all = [whole];
  if (fitsLegibly(view, all, insets) || !boxes.length) return legibleFrame(view, all, insets);
  const u = union(boxes)!;
  const cam = legibleFrame(view, [u], insets, MIN_LABEL);
  // The top of the tree stands at the top of the view, not in its middle.
  if (cam && alignTop) cam.pan.y = (insets.top ?? 0) + 28 - u.y1 * cam.zoom;
  return cam;
}

/**
 * Where the camera looks by itself: following a change (`follow`: the first group of organs that
 * fits legibly, else as much of the second (the outputs) as the least legible zoom shows), else the whole when it fits legibly,
 * else the selection (`selected`) or the top of the tree.
 */
export function aimAt(view: Size, layout: TidyLayout, organs: ReadonlyMap<string, Box>, tree: ViewTree, follow: string[][] | undefined, selected: string | undefined, insets: Insets): Camera | undefined {
  if (!organs.size) return undefined;
  if (follow) {
    const groups = follow.map((g) => layoutBoxes(organs, g)).filter((g) => g.length);
    const fits = groups.find((g) => fitsLegibly(view, g, insets));
    if (fits) return legibleFrame(view, fits, insets);
    // None fits with the usual margin: the first output whole with as many of the others as one
    // legible view holds, the margin narrowed to TIGHT (src/ui/app/step-folds.ts folds to that room).
    const most = groups[1] ?? groups[0];
    if (most) return legibleFrame(view, mostThatFit(most, view, { fontSize: SMALL_FONT, minLabel: MIN_LABEL, insets, padding: TIGHT }), insets, MIN_LABEL, TIGHT);
  }
  const root = tree.roots[0];
  if (selected && tree.organs.has(selected)) return wholeOrPrimary(view, layout, organs, [selected], insets);
  return wholeOrPrimary(view, layout, organs, root ? [root, ...(tree.children.get(root) ?? [])] : [], insets, true);
}

/** The rendered font sizes (px) of the labels drawn at least partly inside the viewport (less its insets). */
export function labelSizesInView(cy: Core, insets: Insets): number[] {
  const cam = cameraOf(cy);
  const view = size(cy);
  const out: number[] = [];
  cy.nodes().forEach((n) => {
    if (!n.data('label') || n.hasClass('leaving')) return;
    const bb = n.boundingBox({ includeLabels: false } as never);
    if (touchesView(bb, cam, view, insets)) out.push(parseFloat(String(n.style('font-size'))) * cam.zoom);
  });
  return out;
}

/** Moves the camera, gliding (`glide`: true for the chart's own glide, or a duration in ms) unless motion is reduced or it is 0. */
export function moveTo(cy: Core, cam: Camera, glide: boolean | number): void {
  cy.stop(true);
  const duration = glide === true ? 420 : glide || 0;
  if (duration && !reducedMotion()) cy.animate({ zoom: cam.zoom, pan: cam.pan }, { duration, easing: 'ease-in-out-cubic' });
  else cy.viewport(cam);
}

/** Zooms by a factor about the centre, within the core's limits. */
export function zoomBy(cy: Core, f: number): void {
  cy.zoom({ level: Math.max(cy.minZoom(), Math.min(cy.maxZoom(), cy.zoom() * f)), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

/** Pans so that an organ (its model box) is in view (without changing the zoom when it is legible); false when it already is, or is not laid out. */
export function reveal(cy: Core, box: Box | undefined): boolean {
  if (!box) return false;
  const zoom = cy.zoom();
  const pan = cy.pan();
  const x = ((box.x1 + box.x2) / 2) * zoom + pan.x;
  const y = ((box.y1 + box.y2) / 2) * zoom + pan.y;
  const margin = 40;
  const inside = x > margin && y > margin && x < cy.width() - margin && y < cy.height() - margin;
  if (inside && zoom >= READABLE) return false;
  const z = Math.max(zoom, READABLE);
  const to = { zoom: z, pan: { x: cy.width() / 2 - ((box.x1 + box.x2) / 2) * z, y: cy.height() / 2 - ((box.y1 + box.y2) / 2) * z } };
  cy.animate(to, { duration: reducedMotion() ? 0 : 300 });
  return true;
}

/** The box of the drawn nodes among `ids` as Cytoscape draws them (borders included), in chart coordinates (undefined when none is drawn). */
export function boxOf(cy: Core, ids: string[]): Box | undefined {
  const eles = cy.collection(ids.map((id) => cy.getElementById(id)).filter((e) => e.nonempty()) as never);
  return eles.empty() ? undefined : eles.boundingBox({ includeLabels: false } as never);
}
