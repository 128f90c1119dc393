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

/** A built site's graphs: the files graphs/index.json names, fetched beside the page. */
async function siteTexts(): Promise<{ file: string; text: string }[]> {
  const index = JSON.parse(await fetchText('graphs/index.json')) as SiteIndex;
  return Promise.all(index.files.map(async (f) => ({ file: `graphs/${f}`, text: await fetchText(`graphs/${encodeURI(f)}`) })));
}

/** Loads and validates every bundled graph together (drill-down links resolve across them). */
export async function loadBundled(): Promise<LoadedGraph[]> {
  const texts = site ? await siteTexts() : await Promise.all(Object.entries(files).map(async ([path, load]) => ({ file: fileName(path), text: await load() })));
  return loadGraphSet(texts);
}
