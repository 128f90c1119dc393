/**
 * The user's own graphs and stories among the loaded files: what reloading brings back from
 * IndexedDB, how newly opened files join (a graph replaces the user's earlier graph of the same
 * id; a failed file never replaces anything), and what removing one leaves.
 */
import type { LoadedGraph } from '../../io/graph-file.ts';
import type { Issue } from '../../model/validate.ts';
import { readYours, sessionOnly, type StoredItem } from '../storage/graphs-db.ts';

/** What the app lists of a stored item (without the graph itself). */
export type YourItem = Omit<StoredItem, 'graph' | 'story'> & { organs?: number; /** Kept for this session only (the storage failed). */ sessionOnly?: boolean };

export const itemOf = ({ graph, story: _s, ...rest }: StoredItem): YourItem => ({ ...rest, organs: graph?.organs.length, ...(sessionOnly(rest.key) ? { sessionOnly: true } : {}) });

/** The key of a loaded file: its graph's or story's id, else (a failure) its file name. */
export function keyOf(l: LoadedGraph): string {
  if (l.graph) return `graph:${l.graph.id}`;
  if (l.story) return `story:${l.story.id}`;
  return `failed:${l.file}`;
}

/** The loaded files with newly opened ones: same keys replaced, failures of the same file name dropped when it now opens. */
export function mergeLoaded(loaded: LoadedGraph[], added: LoadedGraph[]): LoadedGraph[] {
  const keys = new Set(added.map(keyOf));
  const names = new Set(added.map((l) => l.file));
  return [...loaded.filter((l) => !keys.has(keyOf(l)) && !(!l.graph && !l.story && names.has(l.file))), ...added];
}

/** The loaded files without one of the user's (by stored key). */
export function withoutYours(loaded: LoadedGraph[], key: string): LoadedGraph[] {
  return loaded.filter((l) => keyOf(l) !== key);
}

/** The validators, loaded only when something is stored (not with the page). */
type Checks = typeof import('../../model/validate.ts') & typeof import('../../model/story.ts');

/** Why a stored item no longer opens (the format changed since it was kept), or undefined when it does. */
function storedProblem(s: StoredItem, knownGraphs: ReadonlySet<string>, { validateGraph, storyFileShapeIssues, isStoryFile }: Checks): string | undefined {
  const first = (issues: Issue[]) => issues.find((i) => i.severity === 'error');
  const shown = (i: Issue) => `${i.path ? `${i.path}: ` : ''}${i.message}`;
  if (s.kind === 'graph') {
    const bad = s.graph ? first(validateGraph(s.graph, { knownGraphs })) : { severity: 'error', rule: 'stored', path: '', message: 'no graph was kept' };
    return bad && shown(bad as Issue);
  }
  if (s.kind === 'story') {
    const bad = first(storyFileShapeIssues(s.story));
    return bad ? shown(bad) : isStoryFile(s.story) ? undefined : 'no story was kept';
  }
  return `it is neither a graph nor a story`;
}

/**
 * The user's graphs and stories kept in this browser, as loaded files; those whose id a bundled
 * graph now has are left out, and those that no longer validate are skipped, each named in
 * `problem`. An unreadable store gives nothing but the reason (the app works without it).
 * `reading`: the store's read, when it was started earlier (while the graphs load).
 */
export async function loadYours(bundled: LoadedGraph[], reading: ReturnType<typeof readYours> = readYours()): Promise<{ loaded: LoadedGraph[]; items: YourItem[]; problem?: string }> {
  try {
    const taken = new Set(bundled.map(keyOf));
    const { items: all, unavailable } = await reading;
    const kept = all.filter((s) => !taken.has(s.key));
    const checks: Checks | undefined = kept.length ? Object.assign({}, ...(await Promise.all([import('../../model/validate.ts'), import('../../model/story.ts')]))) : undefined;
    const known = new Set([...bundled.flatMap((l) => (l.graph ? [l.graph.id] : [])), ...kept.flatMap((s) => (s.kind === 'graph' ? [s.id] : []))]);
    const skipped: string[] = [];
    const stored = kept.filter((s) => {
      let why: string | undefined;
      try {
        why = storedProblem(s, known, checks!);
      } catch (e) {
        why = `it could not be checked (${e instanceof Error ? e.message : String(e)})`;
      }
      if (why) skipped.push(`“${s.title ?? s.key}” (${s.file ?? s.key}): ${why}`);
      return !why;
    });
    const problems = [
      ...(unavailable ? [`This browser's storage cannot be used (${unavailable}): graphs and stories you open stay for this session only and will not survive a reload.`] : []),
      ...(skipped.length ? [`Skipped ${skipped.length === 1 ? 'one of your stored files' : `${skipped.length} of your stored files`}, which no longer open${skipped.length === 1 ? 's' : ''} in this version: ${skipped.join('; ')}. The rest are loaded; open the file again to keep it.`] : []),
    ];
    return {
      loaded: stored.map((s) => ({ file: s.file, graph: s.graph, story: s.story, issues: [] })),
      items: stored.map(itemOf),
      problem: problems.length ? problems.join(' ') : undefined,
    };
  } catch (e) {
    return { loaded: [], items: [], problem: `Your own graphs could not be read from this browser's storage: ${e instanceof Error ? e.message : String(e)}` };
  }
}
