/**
 * Building a story from the explorer: a view becomes a step, steps are edited, moved and removed,
 * the draft is kept in the browser's storage, checked, and written as a story file. No DOM.
 */
import { isStoryFile, storyFileShapeIssues, storyIssues } from '../../model/story.ts';
import type { Model } from '../../model/model.ts';
import type { OrganType, StoryFile, StoryStep } from '../../model/types.ts';
import type { Issue } from '../../model/validate.ts';

/** What the explorer shows, as far as a step can say it. */
export interface ViewCapture {
  graph: string;
  at: string;
  focus?: string;
  select?: string;
  hide: readonly string[];
  /** Organs marked in the chart (search matches). */
  marked?: Iterable<string>;
}

/** At most this many marked organs become a step's highlight. */
export const MAX_HIGHLIGHT = 60;

/**
 * The step for a view: its graph and date; the focused organ (else the selected one) as focus;
 * the selected and marked organs as highlight; the hidden types. Organs that do not exist at the
 * date (`exists`) are left out, so the step validates.
 */
export function stepFromView(view: ViewCapture, exists: (id: string) => boolean = () => true): StoryStep & { graph: string } {
  const focusId = view.focus ?? view.select;
  const focus = focusId && exists(focusId) ? [focusId] : [];
  const highlight = [...new Set([...(view.select ? [view.select] : []), ...(view.marked ?? [])])].filter(exists).slice(0, MAX_HIGHLIGHT);
  return {
    graph: view.graph,
    at: view.at,
    ...(focus.length ? { focus } : {}),
    ...(highlight.length ? { highlight } : {}),
    ...(view.hide.length ? { hide: [...view.hide] as OrganType[] } : {}),
    caption: '',
    citation: '',
  };
}

export interface Draft {
  id: string;
  title: string;
  description?: string;
  steps: (StoryStep & { graph: string })[];
}

export const emptyDraft = (): Draft => ({ id: 'my-story', title: 'My story', steps: [] });

/** An id from a title: lower case, words joined by hyphens. */
export function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return s || 'story';
}

/** Moves step `i` by `delta` places (a new array; unchanged at the ends). */
export function moveStep<T>(steps: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (i < 0 || i >= steps.length || j < 0 || j >= steps.length) return [...steps];
  const out = [...steps];
  const [s] = out.splice(i, 1);
  out.splice(j, 0, s);
  return out;
}

export function removeStep<T>(steps: readonly T[], i: number): T[] {
  return steps.filter((_, j) => j !== i);
}

/** The draft as a story file, in the order of the format; empty optional fields left out. */
export function toStoryFile(d: Draft): StoryFile {
  const text = (s: string | undefined) => (s ?? '').trim();
  return {
    $schema: '../story.schema.json',
    apparat: 1,
    kind: 'story',
    id: d.id.trim(),
    title: text(d.title),
    ...(text(d.description) ? { description: text(d.description) } : {}),
    steps: d.steps.map((s) => ({
      graph: s.graph,
      at: s.at,
      ...(s.to ? { to: s.to } : {}),
      ...(s.focus?.length ? { focus: s.focus } : {}),
      ...(s.highlight?.length ? { highlight: s.highlight } : {}),
      ...(s.hide?.length ? { hide: s.hide } : {}),
      caption: text(s.caption),
      citation: text(s.citation),
      ...(text(s.notes) ? { notes: text(s.notes) } : {}),
    })),
  };
}

/** The JSON text of the story file (two-space indent, a final newline). */
export function storyFileText(d: Draft): string {
  return `${JSON.stringify(toStoryFile(d), null, 2)}\n`;
}

/**
 * What stops the draft from being a valid story file, in words: the story format's own checks
 * (shape, graphs, dates, organs at their dates), with the empty captions and citations first.
 */
export function draftIssues(d: Draft, graphs: (id: string) => Model | undefined): Issue[] {
  const file = toStoryFile(d);
  const issues: Issue[] = [];
  const err = (path: string, message: string) => issues.push({ severity: 'error', rule: 'story', path, message });
  if (!file.steps.length) err('steps', 'the story has no steps yet: add a view as a step');
  file.steps.forEach((s, i) => {
    if (!s.caption) err(`steps[${i}].caption`, `step ${i + 1} has no caption`);
    if (!s.citation) err(`steps[${i}].citation`, `step ${i + 1} has no citation: say where its claim comes from`);
  });
  const shape = storyFileShapeIssues(file).filter((x) => !/steps\[\d+\]\.(caption|citation)$/.test(x.path) && !(x.path === 'steps' && !file.steps.length));
  issues.push(...shape);
  if (!shape.some((x) => x.severity === 'error') && isStoryFile(file)) issues.push(...storyIssues(file, [], graphs));
  return issues;
}

export const DRAFT_KEY = 'apparat:story-draft';

/** The draft kept in storage, or undefined when there is none (or it is not a draft). */
export function loadDraft(storage: Pick<Storage, 'getItem'>): Draft | undefined {
  try {
    const raw = storage.getItem(DRAFT_KEY);
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Draft;
    if (typeof d !== 'object' || !d || !Array.isArray(d.steps) || typeof d.title !== 'string' || typeof d.id !== 'string') return undefined;
    const steps = d.steps.filter((s) => s && typeof s.graph === 'string' && typeof s.at === 'string');
    return { ...d, steps: steps.map((s) => ({ ...s, caption: String(s.caption ?? ''), citation: String(s.citation ?? '') })) };
  } catch {
    return undefined;
  }
}

/** Keeps the draft (undefined: removes it); the error when the storage is full or refused (the draft then lives on in the page). */
export function saveDraft(storage: Pick<Storage, 'setItem' | 'removeItem'>, d: Draft | undefined): unknown {
  try {
    if (!d) storage.removeItem(DRAFT_KEY);
    else storage.setItem(DRAFT_KEY, JSON.stringify(d));
    return undefined;
  } catch (e) {
    return e ?? new Error('the storage refused it');
  }
}
