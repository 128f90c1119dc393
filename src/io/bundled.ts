/**
 * The graphs bundled in graphs/, each file its own chunk. A built app trusts them: the build
 * validates graphs/ exactly as the CLI does and stops on any error (vite.config.ts), so the page
 * only parses them and loads no validator before the first chart. The dev server (and the tests
 * run on it) validates them on the page, as raw text, with line numbers.
 *
 * A site written by `apparat build` (src/cli/build.ts) is built with VITE_APPARAT_SITE=1: it
 * bundles no graph and reads the list of its files from graphs/index.json at run time, so one
 * app serves whatever graphs the build was given (validated on the page, as the user's own).
 */
import type { LoadedGraph } from './graph-file.ts';
import type { Graph, StoryFile } from '../model/types.ts';
import { PREFERRED_GRAPH } from '../model/opening.ts';

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

/** True in a built app, whose build validated graphs/ (vite.config.ts defines it). */
const checkedByBuild = !site && (import.meta.env as { APPARAT_GRAPHS_CHECKED?: boolean }).APPARAT_GRAPHS_CHECKED === true;

type Fetched = { file: string; text: string } | { file: string; error: string };
let list: Promise<{ file: string; load: () => Promise<string> }[]> | undefined;
let fetchedFirst: Promise<Fetched | undefined> | undefined;
let fetched: Promise<Fetched[]> | undefined;

const fetchOne = async ({ file, load }: { file: string; load: () => Promise<string> }): Promise<Fetched> => {
  try {
    return { file, text: await load() };
  } catch (e) {
    return { file, error: e instanceof Error ? e.message : String(e) };
  }
};

/**
 * The file of the graph the first chart shows, in a built app whose URL shows a graph (not a
 * story): the URL's `graph`, or the preferred one. It is fetched alone first, so that the first
 * chart does not wait for every other file, nor share the page with their loading.
 */
function firstFile(): string | undefined {
  if (!checkedByBuild || typeof location === 'undefined') return undefined;
  const query = new URLSearchParams(location.search);
  if (query.has('story')) return undefined;
  const file = `graphs/${query.get('graph') ?? PREFERRED_GRAPH}.json`;
  return bundledFileNames.includes(file) ? file : undefined;
}

/** Starts fetching the graph the first chart shows (main.ts calls it before the app's code loads); when there is none, every file. */
export function fetchFirst(): void {
  if (fetchedFirst) return;
  list = loaders();
  fetchedFirst = list.then((l) => {
    const wanted = firstFile();
    const head = wanted ? l.find((x) => x.file === wanted) : undefined;
    return head ? fetchOne(head) : undefined;
  });
  void fetchedFirst.then((got) => {
    if (!got) void fetchAll();
  });
}

/** Fetches every bundled file (the first one's fetch is reused); a file that fails keeps its error. */
function fetchAll(): Promise<Fetched[]> {
  fetchFirst();
  fetched ??= Promise.all([list!, fetchedFirst!]).then(([l, got]) => Promise.all(l.map((x) => (got && x.file === got.file ? got : fetchOne(x)))));
  return fetched;
}

/**
 * The graph the first chart shows, parsed as soon as it is in (a built app only: see
 * `firstFile`); undefined when there is no such graph or it failed, and then `loadBundled`
 * brings everything.
 */
export async function loadFirstBundled(): Promise<LoadedGraph | undefined> {
  fetchFirst();
  const got = await fetchedFirst;
  if (!got || 'error' in got) return undefined;
  if (!firstParsed) {
    firstParsed = parsed(got.file, got.text);
    performance.mark('apparat:first-graph');
  }
  return firstParsed.graph ? firstParsed : undefined;
}

/** The first graph once parsed, kept so that `loadBundled` gives the same object (and the model built for it is reused). */
let firstParsed: LoadedGraph | undefined;

function parsed(file: string, text: string): LoadedGraph {
  const data = JSON.parse(text) as Graph | StoryFile;
  return (data as { kind?: unknown }).kind === 'story' ? { file, story: data as StoryFile, issues: [] } : { file, graph: data as Graph, issues: [] };
}

/**
 * Loads every bundled graph and story together (drill-down links resolve across them). A file the
 * host fails to serve is listed with its error; the others load without it.
 */
export async function loadBundled(): Promise<LoadedGraph[]> {
  const got = await fetchAll();
  const texts = got.flatMap((g) => ('text' in g ? [g] : []));
  const failed: LoadedGraph[] = got.flatMap((g) =>
    'error' in g
      ? [{ file: g.file, issues: [{ severity: 'error' as const, rule: 'fetch', path: '', file: g.file, message: `the file could not be fetched from the site (${g.error}); reload the page to try again` }] }]
      : [],
  );
  if (!checkedByBuild || failed.length) {
    const { loadGraphSet } = await import('./graph-file.ts');
    const ids = failed.map((f) => f.file.replace(/^.*\//, '').replace(/\.json$/, ''));
    return [...loadGraphSet(texts, ids), ...failed];
  }
  return texts.map(({ file, text }) => (firstParsed?.file === file ? firstParsed : parsed(file, text)));
}
