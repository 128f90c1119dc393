/** A story step's URL (`?story=<id>&step=<n>`, 1-based), and the one cache of graphs' models. No DOM. */
import { buildModel, type Model } from '../../model/model.ts';
import type { Graph } from '../../model/types.ts';

export interface StoryLocation {
  story: string;
  /** 1-based. */
  step: number;
  /** The speaker view rather than the stage. */
  speaker: boolean;
}

/** `?story=<id>&step=<n>` (and `&view=speaker`), or undefined when the URL is not a story's. */
export function readStoryUrl(search: string): StoryLocation | undefined {
  const p = new URLSearchParams(search);
  const story = p.get('story');
  if (!story) return undefined;
  const n = Number.parseInt(p.get('step') ?? '1', 10);
  return { story, step: Number.isFinite(n) && n >= 1 ? n : 1, speaker: p.get('view') === 'speaker' };
}

export function storyUrl(story: string, step: number, speaker = false): string {
  const p = new URLSearchParams({ story, step: String(step) });
  if (speaker) p.set('view', 'speaker');
  return `?${p.toString()}`;
}

const models = new WeakMap<Graph, Model>();

/** The model of a graph, built once per graph object. */
export function modelFor(graph: Graph): Model {
  let m = models.get(graph);
  if (!m) {
    m = buildModel(graph);
    models.set(graph, m);
  }
  return m;
}
