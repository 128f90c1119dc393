/**
 * Reading a graph file: JSON text in, a validated graph or located issues out. Shared by the CLI
 * and the app, so both say the same thing about the same file.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { buildModel, type Model } from '../model/model.ts';
import { isStoryFile, storyFileShapeIssues, storyIssues } from '../model/story.ts';
import { validateGraph, type Issue } from '../model/validate.ts';
import type { Graph, StoryFile } from '../model/types.ts';

/** What apparat reads at most: past these a file gets a clear message, not a frozen page. */
export const LIMITS = {
  /** Characters of JSON text (about bytes for ASCII). */
  fileChars: 32 * 1024 * 1024,
  organs: 50_000,
  /** Nesting of arrays and objects; an apparat file nests about 6 deep. */
  depth: 64,
};

/** The deepest nesting of arrays and objects in JSON text, found in one pass without recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

const mb = (chars: number) => `${(chars / 1024 / 1024).toFixed(1)} MB`;

export interface LoadedGraph {
  file: string;
  /** The graph, when the file is a graph without errors. */
  graph?: Graph;
  /** The story, when the file is a story file without errors. */
  story?: StoryFile;
  issues: Issue[];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Splits a path like `organs[3].exists[0].start` back into its segments. */
function segments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/** Parses JSON text; a syntax error becomes one issue with its line and column. */
export function parseJson(text: string, file: string): { data?: unknown; issues: Issue[] } {
  const refuse = (message: string): { issues: Issue[] } => ({ issues: [{ severity: 'error', rule: 'limits', path: '', file, message }] });
  if (text.length > LIMITS.fileChars) return refuse(`the file is ${mb(text.length)}; apparat reads graph files of up to ${mb(LIMITS.fileChars)}`);
  const depth = nestingDepth(text);
  if (depth > LIMITS.depth) return refuse(`the file nests ${depth} levels deep; a graph file nests a handful of levels, and apparat reads at most ${LIMITS.depth}`);
  try {
    return { data: JSON.parse(text), issues: [] };
  } catch {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const offset = first?.offset ?? 0;
    const line = lineAt(text, offset);
    const column = offset - text.lastIndexOf('\n', offset - 1);
    const what = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'unreadable JSON';
    return {
      issues: [
        {
          severity: 'error',
          rule: 'json',
          path: '',
          file,
          line,
          message: text.trim() === '' ? 'the file is empty' : `the file is not valid JSON: ${what} at line ${line}, column ${column}`,
        },
      ],
    };
  }
}

/** Validation, after the organ-count limit (which keeps a huge file from tying up the page). */
function checkedGraph(data: unknown, knownGraphs?: ReadonlySet<string>): Issue[] {
  const organs = (data as { organs?: unknown } | null)?.organs;
  if (Array.isArray(organs) && organs.length > LIMITS.organs)
    return [{ severity: 'error', rule: 'limits', path: 'organs', message: `the graph has ${organs.length.toLocaleString('en-GB')} organs; apparat reads graphs of up to ${LIMITS.organs.toLocaleString('en-GB')}` }];
  return validateGraph(data, { knownGraphs });
}

/** Validates parsed data and adds file names and line numbers to its issues. */
export function locateIssues(text: string, file: string, issues: Issue[]): Issue[] {
  // Whole-file issues (unreadable JSON, limits) need no tree, and such a file may be too deep to parse twice.
  if (issues.every((i) => i.line !== undefined || i.path === '')) return issues.map((i) => ({ ...i, file }));
  const tree = parseTree(text);
  return issues.map((issue) => {
    let line: number | undefined;
    if (tree) {
      const segs = segments(issue.path);
      // Walk up until a node exists (a missing field is reported at its parent).
      for (let n = segs.length; n >= 0 && line === undefined; n--) {
        const node = findNodeAtLocation(tree, segs.slice(0, n));
        if (node) line = lineAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
    }
    return { ...issue, file, line: issue.line ?? line };
  });
}

export function loadGraphText(text: string, file: string, knownGraphs?: ReadonlySet<string>): LoadedGraph {
  const parsed = parseJson(text, file);
  if (parsed.issues.length) return { file, issues: parsed.issues };
  const issues = locateIssues(text, file, checkedGraph(parsed.data, knownGraphs));
  const ok = !issues.some((i) => i.severity === 'error');
  return { file, graph: ok ? (parsed.data as Graph) : undefined, issues };
}

/**
 * Loads a set of files together: graphs first (drill-down links are checked against the set, and
 * a graph id used by two files is an error in the second), then stories (story files and stories
 * inside graphs), which are checked against the graphs that validated. `unavailable`: ids of
 * graphs that exist but could not be read (a failed fetch).
 */
export function loadGraphSet(files: { file: string; text: string }[], unavailable: readonly string[] = []): LoadedGraph[] {
  const parsed = files.map(({ file, text }) => ({ file, text, ...parseJson(text, file) }));
  const ids = new Map<string, string>();
  const idOf = (data: unknown) => (typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined);
  for (const x of parsed) {
    const id = idOf(x.data);
    if (!isStoryFile(x.data) && typeof id === 'string' && !ids.has(id)) ids.set(id, x.file);
  }
  // Graphs that exist but could not be fetched: links to them are not errors in the others.
  const known = new Set([...ids.keys(), ...unavailable]);
  const results = parsed.map(({ file, text, data, issues: parseIssues }): LoadedGraph & { text: string; data?: unknown } => {
    if (parseIssues.length) return { file, text, issues: parseIssues };
    if (isStoryFile(data)) return { file, text, data, issues: storyFileShapeIssues(data) };
    const issues = checkedGraph(data, known);
    const id = idOf(data);
    if (typeof id === 'string' && ids.get(id) !== file)
      issues.unshift({ severity: 'error', rule: 'duplicate-graph', path: 'id', message: `the graph id "${id}" is already used by ${ids.get(id)}` });
    const ok = !issues.some((i) => i.severity === 'error');
    return { file, text, data, graph: ok ? (data as Graph) : undefined, issues };
  });

  const models = new Map<string, Model>();
  const model = (id: string) => {
    const graph = results.find((r) => r.graph?.id === id)?.graph;
    if (graph && !models.has(id)) models.set(id, buildModel(graph));
    return models.get(id);
  };
  return results.map(({ file, text, data, graph, issues }) => {
    if (isStoryFile(data) && !issues.some((i) => i.severity === 'error')) issues = storyIssues(data, [], model);
    else if (graph) graph.stories?.forEach((s, i) => issues.push(...storyIssues(s, ['stories', i], model, graph.id)));
    const located = locateIssues(text, file, issues);
    const ok = !located.some((i) => i.severity === 'error');
    return {
      file,
      graph: ok && !isStoryFile(data) ? (data as Graph) : undefined,
      story: ok && isStoryFile(data) ? data : undefined,
      issues: located,
    };
  });
}

export { formatIssue } from './format-issue.ts';
