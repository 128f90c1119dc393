/**
 * The chart's Cytoscape core. This module alone loads Cytoscape: <apparat-chart> imports it after
 * its first picture is on the screen (./picture.ts), so that the first chart does not wait for
 * Cytoscape's code to load and compile.
 */
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { chartStyle } from '../../render/stylesheet.ts';
import { guardStyleCache } from './style-cache.ts';

// Edges are hidden while organs glide, so Cytoscape's overlap warnings are noise.
cytoscape.warnings(false);

/** What a user does on the canvas: tap or double-tap an organ, pan or zoom, point at an organ or away. */
export interface CanvasHandlers {
  tap(organ: string): void;
  doubleTap(organ: string): void;
  moved(): void;
  pointAt(organ: string, box: { x1: number; x2: number; y1: number }): void;
  pointAway(): void;
}

/**
 * Cytoscape's canvas renderer also keeps layer textures: the whole graph drawn into a few large
 * canvases, built in the first frame and again in one frame a quarter of a second after any
 * change, at a cost that grows with the graph's extent (a large chart's window, whose line to a
 * child far along a bus spans tens of thousands of units, made frames of 100–250 ms). The chart
 * draws without them: each element from its own cached texture, and only those in view, which is
 * the same picture. The renderer's internals are feature-checked, so a Cytoscape without them
 * draws as before.
 */
function withoutLayerTextures(cy: Core): void {
  const layers = (cy as unknown as { renderer?: () => { data?: { lyrTxrCache?: { getLayers?: unknown } } } | undefined }).renderer?.()?.data?.lyrTxrCache;
  if (layers && typeof layers.getLayers === 'function') layers.getLayers = () => null;
}

/** How far into a frame Cytoscape may go on refining its textures (ms since the frame began). */
const REFINE_UNTIL = 6;
/** How far it goes by its own constants: 90 % of a frame at 60 fps. */
const CYTOSCAPE_REFINES_UNTIL = 0.9 * (1000 / 60);

type FrameCallback = { fn: (willDraw: boolean, frameStart: number) => void; priority: number };
type RendererInternals = { beforeRenderCallbacks?: FrameCallback[]; beforeRenderPriorities?: { eleTxrDeq?: number; lyrTxrDeq?: number } };

/**
 * After a draw, Cytoscape refines its element textures in the next frames' callbacks until 90 %
 * of the frame's time since it began (its `deq*` constants, not options). With the browser's
 * style, paint and commit after it, those frames took 18–22 ms here. The refinement is told
 * its frame began earlier, so that it stops REFINE_UNTIL ms into the frame and goes on in the
 * frames after. Feature-checked like `withoutLayerTextures`.
 */
function refineTexturesBriefly(cy: Core): void {
  const r = (cy as unknown as { renderer?: () => RendererInternals | undefined }).renderer?.();
  const p = r?.beforeRenderPriorities;
  if (!p || !Array.isArray(r.beforeRenderCallbacks)) return;
  for (const cb of r.beforeRenderCallbacks) {
    if (cb.priority !== p.eleTxrDeq && cb.priority !== p.lyrTxrDeq) continue;
    const refine = cb.fn;
    cb.fn = (willDraw, frameStart) => refine(willDraw, frameStart - (CYTOSCAPE_REFINES_UNTIL - REFINE_UNTIL));
  }
}

/** A Cytoscape core in `container` with the chart's stylesheet (`stage`: marks for a room). */
export function createCore(container: HTMLElement, stage: boolean, on: CanvasHandlers): Core {
  const cy = cytoscape({
    container,
    style: chartStyle(stage),
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autounselectify: true,
    autoungrabify: true,
  });
  withoutLayerTextures(cy);
  refineTexturesBriefly(cy);
  guardStyleCache(cy);
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
