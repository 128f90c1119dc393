/**
 * The user's own graphs and stories among the loaded files: what reloading brings back from
 * IndexedDB, how newly opened files join (a graph replaces the user's earlier graph of the same
 * id; a failed file never replaces anything), and what removing one leaves.
 */
import type { LoadedGraph } from '../../io/graph-file.ts';
import { listYours, type StoredItem } from '../storage/graphs-db.ts';

/** What the app lists of a stored item (without the graph itself). */
export type YourItem = Omit<StoredItem, 'graph' | 'story'> & { organs?: number };

export const itemOf = ({ graph, story: _s, ...rest }: StoredItem): YourItem => ({ ...rest, organs: graph?.organs.length });

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

/**
 * The user's graphs and stories kept in this browser, as loaded files; those whose id a bundled
 * graph now has are left out. An unreadable store gives nothing (the app works without it).
 */
export async function loadYours(bundled: LoadedGraph[]): Promise<{ loaded: LoadedGraph[]; items: YourItem[]; problem?: string }> {
  try {
    const taken = new Set(bundled.map(keyOf));
    const stored = (await listYours()).filter((s) => !taken.has(s.key) && (s.graph ? Array.isArray(s.graph.organs) : !!s.story));
    return {
      loaded: stored.map((s) => ({ file: s.file, graph: s.graph, story: s.story, issues: [] })),
      items: stored.map(itemOf),
    };
  } catch (e) {
    return { loaded: [], items: [], problem: `Your own graphs could not be read from this browser's storage: ${e instanceof Error ? e.message : String(e)}` };
  }
}
