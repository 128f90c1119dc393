/**
 * The graphs bundled in graphs/, as raw text so that the app validates them exactly as the CLI
 * does (with line numbers). Each file is its own chunk, loaded when first needed.
 */
import { loadGraphSet, type LoadedGraph } from './graph-file.ts';

const files = import.meta.glob(['../../graphs/*.json', '../../graphs/stories/*.json', '!../../graphs/*schema.json'], { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

const fileName = (path: string) => path.replace(/^(\.\.\/)+/, '');

export const bundledFileNames = Object.keys(files).map(fileName);

/** Loads and validates every bundled graph together (drill-down links resolve across them). */
export async function loadBundled(): Promise<LoadedGraph[]> {
  const texts = await Promise.all(Object.entries(files).map(async ([path, load]) => ({ file: fileName(path), text: await load() })));
  return loadGraphSet(texts);
}
