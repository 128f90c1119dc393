/**
 * The first load of the built app: `first-render` (navigation to the first drawn chart) at some
 * URLs, and what code the page fetched before it (`bundle-gzip`). Used by bench/browser.ts;
 * `tsx bench/first-load.ts <dist>` measures an already built dist/.
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
  /** When the graph shown was in (ms; all the bundled graphs, if it did not come first), median. */
  graphsMs: number;
  /** The JS and CSS the page fetched before the first chart, gzipped (bytes), and their names. */
  codeGzip: number;
  code: string[];
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
    const graphs: number[] = [];
    let code: string[] = [];
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
      await page.goto(url + query);
      await page.waitForFunction(() => performance.getEntriesByName('apparat:first-chart').length > 0, undefined, { timeout: 60_000, polling: 50 });
      const marks = await page.evaluate(() => ({
        first: performance.getEntriesByName('apparat:first-chart')[0].startTime,
        // The graph shown, when it came before the others; else all of them.
        graphs: (performance.getEntriesByName('apparat:first-graph')[0] ?? performance.getEntriesByName('apparat:graphs-loaded')[0])?.startTime ?? NaN,
        // What had been fetched by the first chart.
        before: performance
          .getEntriesByType('resource')
          .filter((r) => r.startTime < performance.getEntriesByName('apparat:first-chart')[0].startTime)
          .map((r) => new URL(r.name).pathname.split('/').pop()!),
      }));
      times.push(marks.first);
      graphs.push(marks.graphs);
      if (i === 0) code = fetched.filter((f) => marks.before.includes(f) && !isData(f));
      await ctx.close();
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { ms: med(times), graphsMs: med(graphs), codeGzip: code.reduce((n, f) => n + gz(outDir, f), 0), code, errors };
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
      console.log(JSON.stringify({ query: q, ...r, codeGzip: (r.codeGzip / 1024).toFixed(1) + ' kB' }));
    }
  } finally {
    await browser.close();
  }
}
