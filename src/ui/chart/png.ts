/**
 * The chart as a PNG, drawn by Cytoscape's own renderer with the scale capped so that the canvas
 * stays within what the browser can allocate. The chart's `png` method uses it; other components
 * ask the chart. (The SVG is ./chart-svg.ts, loaded when first asked for.)
 */
import type { Core } from 'cytoscape';

/** Canvas limits: a side and an area Chromium, Firefox and Safari all allocate without a blank result. */
export const PNG_MAX_SIDE = 16_384;
export const PNG_MAX_AREA = 8_192 * 8_192;

export interface PngOptions {
  /** Pixels per chart unit (before the device's pixel ratio); capped so the image fits the limits. */
  scale?: number;
  /** The whole chart (default) or only the part in view. */
  full?: boolean;
  /** Background colour; default the chart's paper. */
  bg?: string;
}

/** The scale that `viewPng` will use: the one asked for, or less if the canvas would be too big. */
export function pngScale(cy: Core, { scale = 2, full = true }: PngOptions = {}): number {
  const bb = cy.elements().boundingBox();
  const w = full ? bb.w : cy.width();
  const h = full ? bb.h : cy.height();
  const ratio = (globalThis.devicePixelRatio as number | undefined) ?? 1;
  if (!(w > 0 && h > 0)) return scale;
  // Cytoscape multiplies the scale by the device pixel ratio.
  const most = Math.min(PNG_MAX_SIDE / (w * ratio), PNG_MAX_SIDE / (h * ratio), Math.sqrt(PNG_MAX_AREA / (w * h)) / ratio);
  return Math.max(0.01, Math.min(scale, most * 0.98));
}

/** The chart as a PNG Blob, drawn by Cytoscape at the given (capped) scale. */
export function viewPng(cy: Core, options: PngOptions = {}): Blob {
  const scale = pngScale(cy, options);
  return cy.png({ full: options.full ?? true, scale, bg: options.bg ?? '#fbfaf7', output: 'blob' }) as unknown as Blob;
}

/** The scale `viewPng` will use, and the picture's size in pixels (before the device's pixel ratio). */
export function pngSizeOf(cy: Core, options: PngOptions): { scale: number; w: number; h: number } {
  const bb = options.full === false ? { w: cy.width(), h: cy.height() } : cy.elements().boundingBox();
  return { scale: pngScale(cy, options), w: bb.w, h: bb.h };
}
