/** Where a camera looks: the zoom and pan that frame a set of organs on a canvas, without the DOM. */
import type { ViewTree } from '../layout/view.ts';

export interface Camera {
  zoom: number;
  pan: { x: number; y: number };
}

/** A box in chart coordinates. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What to frame: organs to focus on (with their children) and organs to keep in view. */
export interface Framing {
  focus?: string[];
  highlight?: string[];
}

/** Above this zoom labels are large enough; more would only crop. */
const MAX_ZOOM = 2.2;
/** A set of organs drawn below this zoom is too small to read; a tighter set is tried. */
const READABLE = 0.45;

/**
 * The camera for a framing on a canvas of the given size: the focus organs with their children and
 * the highlighted organs (below `top` pixels kept clear); failing a readable zoom, the focus and
 * highlighted organs alone; failing that, the focus alone. Without a focus, the whole chart.
 * `boxOf` gives the box of the drawn organs among `ids` (undefined when none is drawn).
 */
export function frameCamera(tree: ViewTree, framing: Framing, boxOf: (ids: string[]) => Box | undefined, size: { w: number; h: number }, pad = 36, top = 0): Camera | undefined {
  const focus = (framing.focus ?? []).filter((id) => tree.organs.has(id));
  const highlight = (framing.highlight ?? []).filter((id) => tree.organs.has(id));
  const withKids = focus.flatMap((id) => [id, ...(tree.children.get(id) ?? [])]);
  const candidates = focus.length ? [[...withKids, ...highlight], [...focus, ...highlight], focus] : [[...tree.organs.keys()]];
  let best: Camera | undefined;
  for (const ids of candidates) {
    const bb = boxOf(ids);
    if (!bb) continue;
    const h = size.h - top;
    const zoom = Math.min(MAX_ZOOM, (size.w - 2 * pad) / Math.max(bb.x2 - bb.x1, 1), (h - 2 * pad) / Math.max(bb.y2 - bb.y1, 1));
    best = { zoom, pan: { x: size.w / 2 - ((bb.x1 + bb.x2) / 2) * zoom, y: top + h / 2 - ((bb.y1 + bb.y2) / 2) * zoom } };
    if (zoom >= READABLE) return best;
  }
  return best;
}
