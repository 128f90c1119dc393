/**
 * Standing on an event, the chart folds what holds none of the change when the change cannot be
 * read whole in the chart's room (src/render/fold.ts): this keeps the room the app measured and the
 * organs the user has unfolded again on this event (forgotten when the event changes).
 */
import { viewTree, type UnionTree, type ViewFilters, type ViewTree } from '../../layout/view.ts';
import type { EventStep } from '../../model/steps.ts';
import type { Snapshot } from '../../model/snapshot.ts';
import { foldToFit, type Room } from '../../render/fold.ts';
import { TIGHT } from '../../render/camera.ts';
import { SMALL_FONT } from '../../render/elements.ts';
import { followGroups } from './stepping.ts';


/** Px the caption strip over the chart takes while it is being measured (it shows on an event). */
const CAPTION = 72;

export class StepFolds {
  /** The chart's size in px, less what overlays cover; unknown until the app measures it. */
  private room?: { width: number; height: number; caption: number };
  private event?: string;
  /** Organs the user unfolded while standing on `event`. */
  readonly unfolded = new Set<string>();
  /** Organs folded by the step (not by the user) in the tree last made. */
  private folds = new Set<string>();

  /** Sets the room; true when it changed enough to fold differently. */
  setRoom(width: number, height: number, caption: number): boolean {
    const r = { width: Math.round(width / 8) * 8, height: Math.round(height / 8) * 8, caption: Math.round(caption / 8) * 8 };
    const old = this.room;
    if (old && old.width === r.width && old.height === r.height && old.caption === r.caption) return false;
    this.room = r;
    return true;
  }

  /** What the memo of the view depends on here. */
  key(): string {
    return `${this.room?.width}x${this.room?.height}-${this.room?.caption}|${[...this.unfolded].join(',')}`;
  }

  /** The view tree of a step: folded to fit the change in the room, unless it fits already. */
  tree(base: Snapshot | UnionTree, filters: ViewFilters, step: EventStep | undefined): ViewTree {
    if (step?.event.id !== this.event) {
      this.event = step?.event.id;
      this.unfolded.clear();
    }
    if (!step || !this.room) {
      this.folds = new Set();
      return viewTree(base, filters);
    }
    const room: Room = { width: this.room.width, height: this.room.height - (this.room.caption || CAPTION), zoom: 11 / SMALL_FONT, padding: TIGHT };
    const tree = foldToFit(base, filters, followGroups(step), room, { open: this.unfolded });
    this.folds = new Set([...tree.folded.keys()].filter((id) => !filters.collapsed?.has(id)));
    return tree;
  }

  /** Whether the step folded this organ (the user did not). */
  folded(id: string): boolean {
    return this.folds.has(id);
  }
}
