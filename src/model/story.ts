/**
 * Stories: ordered presentation steps, each a view of a graph at a date with a caption and a
 * citation. They live in files of their own (graphs/stories/*.json) or inside a graph file, and
 * are checked against the graphs they show.
 */
import { Validator } from '@cfworker/json-schema';
import storySchema from '../../graphs/story.schema.json' with { type: 'json' };
import { checkDate, formatDate, parseDate } from './dates.ts';
import { at, organPresence, type Model } from './model.ts';
import type { Story, StoryFile } from './types.ts';
import { pathText, schemaIssuesWith, type Issue } from './validate.ts';

const storyValidator = new Validator(storySchema as object, '7', false);

/** Is this parsed file a story file rather than a graph? */
export function isStoryFile(data: unknown): data is StoryFile {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'story';
}

/** The shape of a story file (its schema). */
export function storyFileShapeIssues(data: unknown): Issue[] {
  return schemaIssuesWith(storyValidator, data);
}

/**
 * The meaning of a story: each step's graph is known, its dates are valid, and the organs it
 * focuses on or highlights exist in that graph at the step's date.
 */
export function storyIssues(story: Story, base: (string | number)[], graphs: (id: string) => Model | undefined, defaultGraph?: string): Issue[] {
  const issues: Issue[] = [];
  const error = (rule: string, path: (string | number)[], message: string) => issues.push({ severity: 'error', rule, path: pathText(path), message });
  story.steps.forEach((step, i) => {
    const here = [...base, 'steps', i];
    const graphId = step.graph ?? defaultGraph;
    if (graphId === undefined) return error('story-graph', here, `step ${i + 1} does not say which graph it shows`);
    const model = graphs(graphId);
    if (!model) return error('story-graph', [...here, 'graph'], `step ${i + 1} shows the graph "${graphId}", which is not among the graphs loaded (or does not validate)`);
    let datesOk = true;
    for (const key of ['at', 'to'] as const) {
      const problem = step[key] === undefined ? undefined : checkDate(step[key]);
      if (problem) {
        datesOk = false;
        error('date', [...here, key], problem);
      }
    }
    if (!datesOk) return;
    if (step.to !== undefined && parseDate(step.to).max < parseDate(step.at).min)
      error('interval-order', [...here, 'to'], `step ${i + 1} animates backwards, from ${formatDate(step.at)} to ${formatDate(step.to)}`);
    const dates = [step.at, ...(step.to ? [step.to] : [])];
    for (const key of ['focus', 'highlight'] as const) {
      step[key]?.forEach((id, j) => {
        if (!model.organs.has(id)) return error('unknown-id', [...here, key, j], `"${id}" is not an organ of the graph "${graphId}"`);
        if (!dates.some((d) => organPresence(model, id, at(d)) > 0))
          error('story-organ-absent', [...here, key, j], `"${id}" does not exist in "${graphId}" at ${dates.map(formatDate).join(' or ')}, so step ${i + 1} cannot show it`);
      });
    }
  });
  return issues;
}
