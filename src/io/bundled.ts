/**
 * The graphs bundled in graphs/, each file its own chunk. A built app trusts them: the build
 * validates graphs/ exactly as the CLI does and stops on any error (vite.config.ts), so the page
 * only parses them and loads no validator before the first chart. The dev server (and the tests
 * run on it) validates them on the page, as raw text, with line numbers.
 */
import type { LoadedGraph } from './graph-file.ts';
import type { Graph, StoryFile } from '../model/types.ts';

const files = import.meta.glob(['../../graphs/*.json', '../../graphs/stories/*.json', '!../../graphs/*schema.json'], { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

const fileName = (path: string) => path.replace(/^(\.\.\/)+/, '');

export const bundledFileNames = Object.keys(files).map(fileName);

/** True in a built app, whose build validated graphs/ (vite.config.ts defines it). */
const checkedByBuild = (import.meta.env as { APPARAT_GRAPHS_CHECKED?: boolean }).APPARAT_GRAPHS_CHECKED === true;

let texts: Promise<{ file: string; text: string }[]> | undefined;

/** Starts fetching every bundled file (main.ts calls it before the app's code loads). */
export function fetchBundled(): Promise<{ file: string; text: string }[]> {
  texts ??= Promise.all(Object.entries(files).map(async ([path, load]) => ({ file: fileName(path), text: await load() })));
  return texts;
}

/** Loads every bundled graph and story together (drill-down links resolve across them). */
export async function loadBundled(): Promise<LoadedGraph[]> {
  const all = await fetchBundled();
  if (!checkedByBuild) {
    const { loadGraphSet } = await import('./graph-file.ts');
    return loadGraphSet(all);
  }
  return all.map(({ file, text }) => {
    const data = JSON.parse(text) as Graph | StoryFile;
    return (data as { kind?: unknown }).kind === 'story' ? { file, story: data as StoryFile, issues: [] } : { file, graph: data as Graph, issues: [] };
  });
}
