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

/**
 * Loads and validates every bundled graph together (drill-down links resolve across them). A file
 * the host fails to serve is listed with its error; the others load without it.
 */
export async function loadBundled(): Promise<LoadedGraph[]> {
  const got = await Promise.all(
    Object.entries(files).map(async ([path, load]) => {
      const file = fileName(path);
      try {
        return { file, text: await load() };
      } catch (e) {
        return { file, error: e instanceof Error ? e.message : String(e) };
      }
    }),
  );
  const texts = got.flatMap((g) => ('text' in g && g.text !== undefined ? [{ file: g.file, text: g.text }] : []));
  const failed: LoadedGraph[] = got.flatMap((g) =>
    'error' in g && g.error !== undefined
      ? [{ file: g.file, issues: [{ severity: 'error' as const, rule: 'fetch', path: '', file: g.file, message: `the file could not be fetched from the site (${g.error}); reload the page to try again` }] }]
      : [],
  );
  const ids = failed.map((f) => f.file.replace(/^.*\//, '').replace(/\.json$/, ''));
  return [...loadGraphSet(texts, ids), ...failed];
}
