/** The chart as SVG text, by the render core's writer (src/render/svg.ts); a chunk of its own, loaded when an SVG is first asked for. */
import type { Core } from 'cytoscape';
import { viewSvg, type SvgOptions } from '../../render/svg.ts';

/** The chart as SVG text (`inView`: only the part in view). */
export function chartSvg(cy: Core, { inView, ...rest }: SvgOptions & { inView?: boolean }): string {
  return viewSvg(cy, inView ? { box: cy.extent(), padding: 0, ...rest } : rest);
}
