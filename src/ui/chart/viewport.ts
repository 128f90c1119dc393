/** The chart's Cytoscape core: making one, and where its camera looks (fitting, zooming, revealing). */
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { STAGE_FOUND } from '../../render/marks.ts';
import { markRule, STYLE } from '../../render/stylesheet.ts';
import { TIDY_DEFAULTS, type TidyLayout } from '../../layout/tidy.ts';
import type { Box } from '../../render/camera.ts';

const H = TIDY_DEFAULTS.nodeHeight;
/** Below this zoom labels are too small to read. */
const READABLE = 0.8;

export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Fits the whole layout (keeping `inset` pixels at the bottom clear), but never so small that
 * labels are unreadable: then shows the top, centred on the first root.
 */
export function fitReadable(cy: Core, layout: TidyLayout, firstRoot: string | undefined, inset: number): void {
  const { minX, maxX, minY, maxY } = layout.bounds;
  const w = cy.width();
  const h = cy.height();
  if (!w || !h) return;
  const pad = 32;
  const clear = Math.min(inset, h / 3);
  const zoom = Math.min(1.1, (w - 2 * pad) / (maxX - minX), (h - 2 * pad - clear) / (maxY - minY));
  if (zoom >= READABLE) {
    cy.zoom(zoom);
    cy.pan({ x: w / 2 - ((minX + maxX) / 2) * zoom, y: (h - clear) / 2 - ((minY + maxY) / 2) * zoom });
    return;
  }
  const p = firstRoot ? layout.positions.get(firstRoot)! : { x: (minX + maxX) / 2, y: minY };
  const z = Math.max(READABLE, Math.min(1, (h - 2 * pad) / (maxY - minY)));
  cy.zoom(z);
  cy.pan({ x: w / 2 - p.x * z, y: pad + (H / 2) * z - p.y * z + 8 });
}

/** Zooms by a factor about the centre, within the core's limits. */
export function zoomBy(cy: Core, f: number): void {
  cy.zoom({ level: Math.max(cy.minZoom(), Math.min(cy.maxZoom(), cy.zoom() * f)), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

/** Pans so that a node is in view (without changing the zoom when it is legible); false when it already is, or is not drawn. */
export function reveal(cy: Core, id: string): boolean {
  const node = cy.getElementById(id);
  if (node.empty()) return false;
  const p = node.renderedPosition();
  const margin = 40;
  const inside = p.x > margin && p.y > margin && p.x < cy.width() - margin && p.y < cy.height() - margin;
  if (inside && cy.zoom() >= 0.5) return false;
  cy.animate({ zoom: Math.max(cy.zoom(), 0.75), center: { eles: node } }, { duration: reducedMotion() ? 0 : 300 });
  return true;
}

/** The box of the drawn nodes among `ids`, in chart coordinates (undefined when none is drawn). */
export function boxOf(cy: Core, ids: string[]): Box | undefined {
  const eles = cy.collection(ids.map((id) => cy.getElementById(id)).filter((e) => e.nonempty()) as never);
  return eles.empty() ? undefined : eles.boundingBox({ includeLabels: false } as never);
}

/** What a user does on the canvas: tap or double-tap an organ, pan or zoom, point at an organ or away. */
export interface CanvasHandlers {
  tap(organ: string): void;
  doubleTap(organ: string): void;
  moved(): void;
  pointAt(organ: string, box: { x1: number; x2: number; y1: number }): void;
  pointAway(): void;
}

/** A Cytoscape core in `container` with the chart's stylesheet (`stage`: marks for a room). */
export function createCore(container: HTMLElement, stage: boolean, on: CanvasHandlers): Core {
  const cy = cytoscape({
    container,
    style: stage ? [...STYLE, markRule(STAGE_FOUND)] : STYLE,
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autounselectify: true,
    autoungrabify: true,
  });
  const organ = (e: { target: unknown }) => (e.target as NodeSingular).data('organ') as string | undefined;
  const withOrgan = (f: (id: string, e: { target: unknown }) => void) => (e: { target: unknown }) => {
    const id = organ(e);
    if (id) f(id, e);
  };
  cy.on('tap', 'node', withOrgan((id) => on.tap(id)));
  cy.on('dbltap', 'node', withOrgan((id) => on.doubleTap(id)));
  cy.on('dragpan scrollzoom pinchzoom', () => on.moved());
  cy.on('mouseover', 'node', withOrgan((id, e) => on.pointAt(id, (e.target as NodeSingular).renderedBoundingBox({ includeLabels: false }))));
  cy.on('mouseout', 'node', () => on.pointAway());
  return cy;
}
