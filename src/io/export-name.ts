/** Export file names, apart from the exporters so that the page can name files without loading them. */
import type { Graph } from '../model/types.ts';

/** The file name for a graph export: `<id>.gexf`, `<id>-at-1931-06.graphml`. */
export function exportName(graph: Graph, ext: string, at?: string): string {
  const base = at ? `${graph.id}-at-${at}` : graph.id;
  return `${base.replace(/[^A-Za-z0-9_.-]+/g, '-')}.${ext}`;
}

