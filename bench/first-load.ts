/**
 * The first load of the built app: `first-render` (navigation to the first drawn chart: its
 * picture, src/ui/chart/picture.ts) and `first-interactive` (Cytoscape's chart in its place) at
 * some URLs, and what code the page fetched before each (`bundle-gzip`). Used by bench/browser.ts;
 * `tsx bench/first-load.ts <dist>` measures an already built dist/.
 *
 * The page is watched through the DevTools protocol, one expression every 100 ms, not with
 * Playwright's waitForFunction: that injects Playwright's own script into the page, whose
 * compiling cost the page's first chart 150–200 ms on this machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright';
import { preview } from 'vite';

const root = new URL('..', import.meta.url).pathname;

export interface FirstLoad {
  /** Median of the runs, ms from navigation to the first drawn chart. */
  ms: number;
  /** Median of the runs, ms from navigation to Cytoscape's chart (pan, zoom, click). */
  interactiveMs: number;
  /** When the graph shown was in (ms; all the bundled graphs, if it did not come first), median. */
  graphsMs: number;
  /** The JS and CSS the page fetched before the first chart, gzipped (bytes), and their names. */
  codeGzip: number;
  code: string[];
  /** The same, before the chart was interactive. */
  interactiveGzip: number;
  errors: string[];
}

/** A chunk holding a bundled graph or story (data, not code): named after its file. */
export function isGraphChunk(chunk: string): boolean {
  const names = new Set(
    [...readdirSync(join(root, 'graphs')), ...readdirSync(join(root, 'graphs', 'stories'))].filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')),
  );
  return names.has(chunk.replace(/-[\w-]{8}\.(js|css)$/, ''));
}

const gz = (outDir: string, name: string) => gzipSync(readFileSync(join(outDir, 'assets', name)), { level: 9 }).length;

export async function firstLoad(browser: Browser, outDir: string, query: string, runs = 3, isData: (file: string) => boolean = () => false): Promise<FirstLoad> {
  const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls!.local[0];
  try {
    const times: number[] = [];
    const interactive: number[] = [];
    const graphs: number[] = [];
    let code: string[] = [];
    let codeInteractive: string[] = [];
    const errors: string[] = [];
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await ctx.newPage();
      const fetched: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('response', (r) => {
        const m = /\/assets\/([^/?]+\.(?:js|css))$/.exec(new URL(r.url()).pathname);
        if (m) fetched.push(m[1]);
      });
      const cdp = await ctx.newCDPSession(page);
      const read = async <T>(expression: string): Promise<T> => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value as T;
      await page.goto(url + query, { waitUntil: 'commit' });
      const deadline = Date.now() + 60_000;
      while (!(await read<boolean>("performance.getEntriesByName('apparat:chart-interactive').length > 0"))) {
        if (Date.now() > deadline) throw new Error(`${query || 'the default URL'}: no interactive chart within 60 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const marks = JSON.parse(
        await read<string>(`JSON.stringify((() => {
          const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
          // What had been fetched by a moment.
          const before = (t) => performance.getEntriesByType('resource').filter((r) => r.startTime < t).map((r) => new URL(r.name).pathname.split('/').pop());
          return {
            first: at('apparat:first-chart'),
            interactive: at('apparat:chart-interactive'),
            // The graph shown, when it came before the others; else all of them.
            graphs: at('apparat:first-graph') ?? at('apparat:graphs-loaded') ?? null,
            before: before(at('apparat:first-chart')),
            beforeInteractive: before(at('apparat:chart-interactive')),
          };
        })())`),
      ) as { first: number; interactive: number; graphs: number | null; before: string[]; beforeInteractive: string[] };
      times.push(marks.first);
      interactive.push(marks.interactive);
      graphs.push(marks.graphs ?? NaN);
      if (i === 0) {
        code = fetched.filter((f) => marks.before.includes(f) && !isData(f));
        codeInteractive = fetched.filter((f) => marks.beforeInteractive.includes(f) && !isData(f));
      }
      await ctx.close();
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const gzipOf = (files: string[]) => files.reduce((n, f) => n + gz(outDir, f), 0);
    return { ms: med(times), interactiveMs: med(interactive), graphsMs: med(graphs), codeGzip: gzipOf(code), code, interactiveGzip: gzipOf(codeInteractive), errors };
  } finally {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

if (process.argv[1]?.endsWith('first-load.ts')) {
  const { chromium } = await import('playwright');
  const { CHROMIUM_ARGS, chromiumPath } = await import('../scripts/chromium.mjs');
  const browser = await chromium.launch({ executablePath: chromiumPath() ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    for (const q of ['', '?graph=leningrad-region&at=1931-06&select=obkom']) {
      const r = await firstLoad(browser, process.argv[2], q, 3, isGraphChunk);
      console.log(JSON.stringify({ query: q, ...r, codeGzip: (r.codeGzip / 1024).toFixed(1) + ' kB', interactiveGzip: (r.interactiveGzip / 1024).toFixed(1) + ' kB' }));
    }
  } finally {
    await browser.close();
  }
}
