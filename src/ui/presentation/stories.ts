/**
 * The stories the app can present (story files and stories inside graphs) and what a step draws
 * (folded to fit a stage). No DOM. A step's URL and the models' cache are ./story-url.ts, which the
 * explorer needs before the first chart and this does not.
 */
import type { LoadedGraph } from '../../io/graph-file.ts';
import { arrangements, foldAround, pathTo, roomFit, shapes } from '../../render/fold.ts';
import { viewTree, type ViewTree } from '../../layout/view.ts';
import { CHART_FONT, STAGE_MIN_LABEL, stageMinLabel } from '../../render/camera.ts';
import { isoDay, parseDate } from '../../model/dates.ts';
import { at as atDate, type Model } from '../../model/model.ts';
import { snapshot } from '../../model/snapshot.ts';
import type { Story, StoryStep } from '../../model/types.ts';

/** A story with every step's graph filled in. */
export interface StoryEntry extends Story {
  steps: (StoryStep & { graph: string })[];
  /** Where it came from: a story file, or the graph it is part of. */
  source: string;
}

/** Every valid story among the loaded files, story files first, in file order. */
export function storiesOf(loaded: readonly LoadedGraph[]): StoryEntry[] {
  const out: StoryEntry[] = [];
  const ids = new Set<string>();
  const add = (s: Story, graph: string | undefined, source: string) => {
    if (ids.has(s.id)) return;
    const steps = s.steps.map((st) => ({ ...st, graph: st.graph ?? graph ?? '' }));
    if (steps.some((st) => !st.graph)) return;
    ids.add(s.id);
    out.push({ id: s.id, title: s.title, description: s.description, steps, source });
  };
  for (const l of loaded) if (l.story) add(l.story, undefined, l.file);
  for (const l of loaded) for (const s of l.graph?.stories ?? []) add(s, l.graph!.id, l.file);
  return out;
}

/** The room a stage gives the chart, px: its size less the caption over it and the padding. */
export interface Room {
  width: number;
  height: number;
}

/**
 * What a step draws at one of its dates: the snapshot with the step's hidden types left out. Given
 * the `room` of a stage, it makes sure the step's focus and highlighted organs fit it at labels of
 * at least `stageMinLabel` (20 px on a 1920×1080 stage): when they do not, it folds (shows as collapsed summaries) first the subtrees that
 * hold none of them, then the children of the highlighted organs, then those of the focus. What the
 * step is about stays drawn, with the path to it; the rest is summarised, never shrunk.
 */
export function stepTree(model: Model, step: StoryStep, date: string, room?: Room): ViewTree {
  const snap = snapshot(model, atDate(date));
  const hidden = new Set(step.hide ?? []);
  const plain = viewTree(snap, { hidden });
  if (!room) return plain;
  const focus = (step.focus ?? []).filter((id) => plain.organs.has(id));
  const framed = [...new Set([...focus, ...(step.highlight ?? [])])].filter((id) => plain.organs.has(id));
  if (!framed.length) return plain;
  // A stage-sized chart (a 1,920 px screen less the caption column) is framed for 20 px labels,
  // even when it is narrower than the 1,200 px that stageMinLabel scales from.
  const minLabel = room.width >= 960 ? STAGE_MIN_LABEL : stageMinLabel(room.width);
  // The camera frames the organs with the ring that marks them on a stage (its underlay and border).
  const zoom = minLabel / CHART_FONT;
  const stage = { width: room.width, height: room.height, zoom, padding: STAGE_RING * zoom };
  const fitOf = (tree: ViewTree) => roomFit(tree, framed, stage);
  let best = { tree: plain, fit: fitOf(plain) };
  if (best.fit >= 1) return plain;
  // The strict ancestors of the framed organs: the path that must stay unfolded.
  const path = pathTo(plain, framed);
  const parents = [...plain.children.keys()].filter((id) => (plain.children.get(id) ?? []).length > 0);
  const keep = [
    new Set([...path, ...framed]), // fold the subtrees that hold nothing framed
    new Set([...path, ...focus]), // and the highlighted organs' children
    path, // and the focus's children
  ];
  const trees = [
    plain,
    ...keep.map((open) => viewTree(snap, { hidden, collapsed: new Set(parents.filter((id) => !open.has(id))) })),
    foldAround(snap, { hidden }, plain, framed), // and, along the path, what leads to nothing framed
  ];
  // The first fold (its grids of leaves in the layout's shape, squarer, or wider) that fits, drawn
  // closer (rows wrapped, levels nearer) only when none fits without; failing that, the
  // one that comes closest (folding can also make a wide row of subtrees a tall column of leaves).
  for (const a of arrangements(stage))
    for (const tree of trees)
      for (const shaped of shapes(tree, a)) {
        const fit = fitOf(shaped);
        if (fit >= 1) return shaped;
        if (fit > best.fit) best = { tree: shaped, fit };
      }
  return best.tree;
}

/** Model units the stage's mark of a highlighted organ reaches beyond its box (underlay 9, border 3: src/render/marks.ts). */
const STAGE_RING = 12;

const MAX_FRAMES = 10;

/**
 * The dates a step passes through: `at`, then each month between `at` and `to` where what is
 * drawn changes, then `to` (at most 10 frames in all). A step without `to` is one frame.
 */
export function stepFrames(model: Model, step: StoryStep): string[] {
  if (!step.to || step.to === step.at) return [step.at];
  let from: number;
  let until: number;
  try {
    from = parseDate(step.at).max;
    until = parseDate(step.to).min;
  } catch {
    return [step.at, step.to];
  }
  const frames = [step.at];
  let last = signature(model, step, step.at);
  // The first month that begins after `at` is over.
  const d = new Date(from);
  let month = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  if (month.getTime() <= from) month = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  while (month.getTime() < until) {
    const edtf = isoDay(month.getTime()).slice(0, 7);
    if (parseDate(edtf).max >= until) break;
    const sig = signature(model, step, edtf);
    if (sig !== last) {
      frames.push(edtf);
      last = sig;
    }
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
  }
  frames.push(step.to);
  if (frames.length <= MAX_FRAMES) return frames;
  // Keep the first and the last, and evenly spaced changes between them.
  const inner = frames.slice(1, -1);
  const keep = Array.from({ length: MAX_FRAMES - 2 }, (_, i) => inner[Math.round((i * (inner.length - 1)) / (MAX_FRAMES - 3))]);
  return [frames[0], ...new Set(keep), frames[frames.length - 1]];
}

function signature(model: Model, step: StoryStep, date: string): string {
  const t = stepTree(model, step, date);
  return [...t.parent].map(([c, p]) => `${c}<${p}`).concat(t.roots).sort().join('|');
}
