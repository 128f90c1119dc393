/**
 * The chart's camera: where it looks by itself (its intent: fit the top, Fit, or follow a change)
 * and whether the user has taken it over since. <apparat-chart> owns one; the geometry is
 * ./viewport.ts and src/render/camera.ts.
 */
import type { Core } from 'cytoscape';
import type { TidyLayout } from '../../layout/tidy.ts';
import type { ViewTree } from '../../layout/view.ts';
import { frameCamera, union, type Box, type Camera, type Framing, type Insets, type Size } from '../../render/camera.ts';
import { aimAt, boxOf, labelSizesInView, layoutBoxes, moveTo, reveal } from './viewport.ts';

/** What the camera needs of the chart at the moment it moves. */
export interface CameraScene {
  /** Undefined while the chart has no core (its first picture is drawn without one: ./picture.ts). */
  cy: Core | undefined;
  /** The canvas's size in px. */
  view: Size;
  tree: ViewTree | undefined;
  layout: TidyLayout | undefined;
  /** Each laid-out organ's box (src/render/window.ts `organBoxes`): the camera aims at the layout, not at what Cytoscape holds. */
  boxes: ReadonlyMap<string, Box> | undefined;
  follow: { key: string; groups: string[][] } | undefined;
  selected: string | undefined;
  insets: Insets;
}

/** How `frame` moves: keeping `top` pixels clear, `pad` around, over `duration` ms (0 jumps). */
export interface FrameOptions {
  duration?: number;
  top?: number;
  pad?: number;
}

export class ChartCamera {
  /** The user has panned or zoomed since the last automatic fit. */
  userMoved = false;
  /** What the camera last did by itself, done again when the insets change: fit the top, Fit, or follow. */
  intent: 'auto' | 'fit' | 'follow' = 'auto';
  private followed?: string;

  /** `scene`: the chart as it is now. */
  constructor(private readonly scene: () => CameraScene) {}

  /** Points the camera as its intent says (./viewport.ts `aimAt`). */
  aim(glide: boolean): void {
    const cy = this.scene().cy;
    const cam = cy && this.aimed();
    if (cy && cam) moveTo(cy, cam, glide);
  }

  /** Where the camera's intent points it now. */
  private aimed(intent = this.intent): Camera | undefined {
    const { view, layout, boxes, tree, follow, selected, insets } = this.scene();
    return layout && boxes && tree ? aimAt(view, layout, boxes, tree, intent === 'follow' ? follow?.groups : undefined, intent === 'fit' ? selected : undefined, insets) : undefined;
  }

  /** Where `afterDraw` will point the camera (undefined: it stays), for a large chart to choose its window first. */
  afterDrawTarget(fresh: boolean): Camera | undefined {
    const follow = this.scene().follow;
    if (follow && follow.key !== this.followed) return this.aimed('follow');
    return fresh ? this.aimed('auto') : undefined;
  }

  /** After a draw: follows a new change (gliding unless the chart was drawn afresh, or `glide` is false), else fits a fresh chart. */
  afterDraw(fresh: boolean, glide = !fresh): void {
    const follow = this.scene().follow;
    const isNew = follow && follow.key !== this.followed;
    this.followed = follow?.key;
    if (isNew) {
      this.intent = 'follow';
      this.userMoved = false;
      this.aim(glide);
    } else if (fresh) this.fitReadable();
  }

  /** Fits the whole chart, but never so small that labels are unreadable: then shows the top. */
  fitReadable(): void {
    this.userMoved = false;
    this.intent = 'auto';
    this.aim(false);
  }

  /** Fit (F): the whole at a legible zoom, or, when it cannot be read whole, the change or the selection. */
  fit(): void {
    this.userMoved = false;
    this.intent = this.scene().follow ? 'follow' : 'fit';
    this.aim(true);
  }

  /** The rendered font sizes (px) of the labels drawn at least partly inside the viewport (less the overlays). */
  labelsInView(): number[] {
    const { cy, insets } = this.scene();
    return cy ? labelSizesInView(cy, insets) : [];
  }

  /** Pans so that the organ is in view (without changing the zoom when it is legible). */
  reveal(id: string): void {
    const { cy, boxes } = this.scene();
    // Revealing is a deliberate view: a later automatic refit must not undo it.
    if (cy && reveal(cy, boxes?.get(id))) this.userMoved = true;
  }

  /** Points the camera at a framing (see src/render/camera.ts); false when nothing of it is drawn. */
  frame(framing: Framing, { duration = 0, top = 0, pad = 36 }: FrameOptions = {}): boolean {
    const { cy, tree, boxes } = this.scene();
    if (!cy || !tree || !boxes) return false;
    // As drawn (a marked organ's thick border included); from the layout when a large chart's window does not hold it.
    const cam = frameCamera(tree, framing, (ids) => boxOf(cy, ids) ?? union(layoutBoxes(boxes, ids)), { w: cy.width(), h: cy.height() }, pad, top);
    if (cam) moveTo(cy, cam, duration);
    this.userMoved ||= Boolean(cam);
    return Boolean(cam);
  }
}
