/** Where a story step looks: the focused organs (with what is under them) and the highlighted ones. */
import type { Core } from 'cytoscape';
import type { ViewTree } from '../../layout/view.ts';
import type { StoryStep } from '../../model/types.ts';

export interface Camera {
  zoom: number;
  pan: { x: number; y: number };
}

/** Above this zoom labels are large enough; more would only crop. */
const MAX_ZOOM = 2.2;
/** A set of organs drawn below this zoom is too small to read; a tighter set is tried. */
const READABLE = 0.45;

/**
 * The camera for a step on a canvas of the given size: the focus organs with their children and
 * the highlighted organs (below `top` pixels kept clear for the date); failing a readable zoom, the focus and highlighted organs alone; failing
 * that, the focus alone. Without a focus, the whole chart (or the highlighted organs).
 */
export function stepCamera(cy: Core, tree: ViewTree, step: StoryStep, size = { w: cy.width(), h: cy.height() }, pad = 36, top = 0): Camera | undefined {
  const focus = (step.focus ?? []).filter((id) => tree.organs.has(id));
  const highlight = (step.highlight ?? []).filter((id) => tree.organs.has(id));
  const withKids = focus.flatMap((id) => [id, ...(tree.children.get(id) ?? [])]);
  const candidates = focus.length ? [[...withKids, ...highlight], [...focus, ...highlight], focus] : [[...tree.organs.keys()]];
  let best: Camera | undefined;
  for (const ids of candidates) {
    const eles = cy.collection(ids.map((id) => cy.getElementById(id)).filter((e) => e.nonempty()) as never);
    if (eles.empty()) continue;
    const bb = eles.boundingBox({ includeLabels: false } as never);
    const h = size.h - top;
    const zoom = Math.min(MAX_ZOOM, (size.w - 2 * pad) / Math.max(bb.w, 1), (h - 2 * pad) / Math.max(bb.h, 1));
    best = { zoom, pan: { x: size.w / 2 - ((bb.x1 + bb.x2) / 2) * zoom, y: top + h / 2 - ((bb.y1 + bb.y2) / 2) * zoom } };
    if (zoom >= READABLE) return best;
  }
  return best;
}
