/**
 * The graphs bundled in graphs/, as raw text so that the app validates them exactly as the CLI
 * does (with line numbers). Each file is its own chunk, loaded when first needed.
 *
 * A site written by `apparat build` (src/cli/build.ts) is built with VITE_APPARAT_SITE=1: it
 * bundles no graph and reads the list of its files from graphs/index.json at run time, so one
 * app serves whatever graphs the build was given.
 */
import { loadGraphSet, type LoadedGraph } from './graph-file.ts';

/** The list a built site reads: file names relative to graphs/ (stories under stories/). */
export interface SiteIndex {
  files: string[];
}

const site = import.meta.env.VITE_APPARAT_SITE === '1';

const files = (
  site ? {} : import.meta.glob(['../../graphs/*.json', '../../graphs/stories/*.json', '!../../graphs/*schema.json'], { query: '?raw', import: 'default' })
) as Record<string, () => Promise<string>>;

const fileName = (path: string) => path.replace(/^(\.\.\/)+/, '');

export const bundledFileNames = Object.keys(files).map(fileName);

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.text();
}

/** Where each graph's text comes from: the bundle's chunks, or a built site's graphs/index.json. */
async function loaders(): Promise<{ file: string; load: () => Promise<string> }[]> {
  if (!site) return Object.entries(files).map(([path, load]) => ({ file: fileName(path), load }));
  const index = JSON.parse(await fetchText('graphs/index.json')) as SiteIndex;
  return index.files.map((f) => ({ file: `graphs/${f}`, load: () => fetchText(`graphs/${encodeURI(f)}`) }));
}

/**
 * Loads and validates every bundled graph together (drill-down links resolve across them). A file
 * the host fails to serve is listed with its error; the others load without it.
 */
export async function loadBundled(): Promise<LoadedGraph[]> {
  const got = await Promise.all(
    (await loaders()).map(async ({ file, load }) => {
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
