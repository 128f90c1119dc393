/**
 * Timeline ticks that never cover one another: ticks closer than a minimum gap are spread apart
 * when a small shift suffices, and otherwise drawn as one group tick with a count. Each tick then
 * owns the strip of the track nearest to it, so a click opens the event (or group) it shows.
 */

export interface TickInput {
  id: string;
  /** Where the event's date falls on the track, px from its left end. */
  x: number;
}

export interface Tick {
  /** Where the tick is drawn, px. */
  x: number;
  /** The events it stands for, in track order: one, or several for a group tick (its count is their number). */
  ids: string[];
}

export interface TickOptions {
  /** The track's width, px: ticks stay within [0, width]. */
  width: number;
  /** The least distance between two drawn ticks, px (a finger or a pointer's reach: 24 is comfortable). */
  minGap: number;
  /** How far a tick may move from its date to make room, px (default half `minGap`). */
  maxShift?: number;
}

interface Block {
  items: TickInput[];
  /** Position of the block's first tick when spread. */
  left: number;
}

/**
 * The ticks to draw. Ticks are spread by merging neighbours that would come closer than
 * `minGap` into blocks centred on their dates (one pass, like pool-adjacent-violators); a block
 * whose ticks would move more than `maxShift` becomes one group tick at the mean of its dates.
 */
export function layoutTicks(events: readonly TickInput[], o: TickOptions): Tick[] {
  const gap = o.minGap;
  const maxShift = o.maxShift ?? gap / 2;
  const sorted = [...events].sort((a, b) => a.x - b.x);
  const mean = (items: TickInput[]) => items.reduce((s, e) => s + e.x, 0) / items.length;
  // Spread: each block places its ticks `gap` apart, centred on the mean of their dates, and
  // within the track; blocks that then come too close are merged.
  const place = (items: TickInput[]) => {
    const span = (items.length - 1) * gap;
    return Math.min(Math.max(0, o.width - span), Math.max(0, mean(items) - span / 2));
  };
  const blocks: Block[] = [];
  for (const e of sorted) {
    let b: Block = { items: [e], left: place([e]) };
    while (blocks.length) {
      const prev = blocks[blocks.length - 1];
      const prevRight = prev.left + (prev.items.length - 1) * gap;
      if (b.left - prevRight >= gap) break;
      blocks.pop();
      const items = [...prev.items, ...b.items];
      b = { items, left: place(items) };
    }
    blocks.push(b);
  }
  // A block that would move its ticks too far is a group; groups make room, so neighbours that
  // were merged only for space are split off again where they can stand alone.
  const ticks: Tick[] = [];
  for (const b of blocks) {
    const moved = Math.max(...b.items.map((e, i) => Math.abs(b.left + i * gap - e.x)));
    if (b.items.length === 1 || moved <= maxShift) b.items.forEach((e, i) => ticks.push({ x: b.left + i * gap, ids: [e.id] }));
    else ticks.push(...groups(b.items, gap, o.width));
  }
  return ticks;
}

/** Ticks too crowded to spread: runs of dates closer than `gap` as group ticks at their mean, the rest alone. */
function groups(items: TickInput[], gap: number, width: number): Tick[] {
  const out: Tick[] = [];
  let run: TickInput[] = [];
  const flush = () => {
    if (!run.length) return;
    const x = run.reduce((s, e) => s + e.x, 0) / run.length;
    out.push({ x: Math.min(width, Math.max(0, x)), ids: run.map((e) => e.id) });
    run = [];
  };
  for (const e of items) {
    if (run.length && e.x - run[run.length - 1].x >= gap) flush();
    run.push(e);
  }
  flush();
  // Two neighbouring groups may still be closer than the gap: merge them.
  for (let i = out.length - 1; i > 0; i--) {
    if (out[i].x - out[i - 1].x < gap) {
      const ids = [...out[i - 1].ids, ...out[i].ids];
      const all = items.filter((e) => ids.includes(e.id));
      out.splice(i - 1, 2, { x: all.reduce((s, e) => s + e.x, 0) / all.length, ids });
    }
  }
  return out;
}

/** The tick a pointer at `x` px opens: the nearest drawn tick within `reach` px (half the least gap: no tick then claims another's strip), if any. */
export function tickAt(ticks: readonly Tick[], x: number, reach: number): Tick | undefined {
  let best: Tick | undefined;
  for (const t of ticks) if (Math.abs(t.x - x) <= reach && (!best || Math.abs(t.x - x) < Math.abs(best.x - x))) best = t;
  return best;
}

/** The least distance between the centres of two year labels under a timeline, px ("1930" is about 30 px wide). */
export const YEAR_LABEL_GAP = 40;

/**
 * The years labelled under a timeline from `first` to `last`, `pxPerYear` apart: every year when
 * they fit, else every 2nd, 5th, 10th, 20th, 25th, 50th… (round years), so that no label covers
 * the next; none while the track's width is not known (`pxPerYear` 0), as with the ticks.
 */
export function yearLabels(first: number, last: number, pxPerYear: number): number[] {
  if (!(pxPerYear > 0)) return [];
  const nice = [1, 2, 5, 10, 20, 25, 50];
  let step = 1;
  for (let i = 1; step * pxPerYear < YEAR_LABEL_GAP; i++) step = nice[i % nice.length] * 100 ** Math.floor(i / nice.length);
  const years: number[] = [];
  for (let y = Math.ceil(first / step) * step; y <= last; y += step) years.push(y);
  return years;
}
