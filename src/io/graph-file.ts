/**
 * Reading a graph file: JSON text in, a validated graph or located issues out. Shared by the CLI
 * and the app, so both say the same thing about the same file.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { validateGraph, type Issue } from '../model/validate.ts';
import type { Graph } from '../model/types.ts';

export interface LoadedGraph {
  file: string;
  graph?: Graph;
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

/** Validates parsed data and adds file names and line numbers to its issues. */
export function locateIssues(text: string, file: string, issues: Issue[]): Issue[] {
  if (issues.length === 0) return issues;
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
  const issues = locateIssues(text, file, validateGraph(parsed.data, { knownGraphs }));
  const ok = !issues.some((i) => i.severity === 'error');
  return { file, graph: ok ? (parsed.data as Graph) : undefined, issues };
}

/**
 * Loads a set of graph files together: drill-down links are checked against the set, and a
 * graph id used by two files is an error in the second.
 */
export function loadGraphSet(files: { file: string; text: string }[]): LoadedGraph[] {
  const ids = new Map<string, string>();
  const parsed = files.map(({ file, text }) => {
    const p = parseJson(text, file);
    const id = (p.data as { id?: unknown } | undefined)?.id;
    return { file, text, p, id: typeof id === 'string' ? id : undefined };
  });
  for (const x of parsed) if (x.id && !ids.has(x.id)) ids.set(x.id, x.file);
  const known = new Set(ids.keys());
  return parsed.map(({ file, text, p, id }) => {
    if (p.issues.length) return { file, issues: p.issues };
    const issues = validateGraph(p.data, { knownGraphs: known });
    if (id && ids.get(id) !== file)
      issues.unshift({ severity: 'error', rule: 'duplicate-graph', path: 'id', message: `the graph id "${id}" is already used by ${ids.get(id)}` });
    const located = locateIssues(text, file, issues);
    const ok = !located.some((i) => i.severity === 'error');
    return { file, graph: ok ? (p.data as Graph) : undefined, issues: located };
  });
}

/** One line per issue: `file:line: error: path: message`. */
export function formatIssue(i: Issue): string {
  const where = [i.file, i.line].filter((x) => x !== undefined).join(':');
  return `${where ? `${where}: ` : ''}${i.severity}: ${i.path ? `${i.path}: ` : ''}${i.message} [${i.rule}]`;
}
