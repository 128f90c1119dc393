/**
 * `apparat build`: a user's folder of graphs becomes a static site. The site is served by a plain
 * node:http server on 127.0.0.1 (not Vite) and opened in Debian's Chromium: the user's graph is
 * there, the bundled Leningrad graphs are not. Bad input writes nothing and says where it is wrong.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { run } from '../../src/cli/main.ts';
import { serveStatic } from './static-server.ts';

const browserPath = chromiumPath();

function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('build: bad input writes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apparat-build-bad-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a graph with an error is reported at its line, and no site is written', () => {
    const graph = JSON.parse(readFileSync('test/fixtures/publish/ministry-of-fish.json', 'utf8'));
    graph.edges[0].parent = 'nowhere';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(graph, null, 2));
    const r = cli('build', join(dir, 'broken.json'), '--out', join(dir, 'site'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.json:\d+: error: edges\[0\]\.parent/);
    expect(existsSync(join(dir, 'site'))).toBe(false);
  });

  test('no --out, or an out folder holding other things, is a usage error', () => {
    expect(cli('build', 'test/fixtures/publish').code).toBe(2);
    writeFileSync(join(dir, 'precious.txt'), 'keep me');
    const r = cli('build', 'test/fixtures/publish', '--out', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not empty');
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
  });
});

describe.runIf(browserPath)('build: a user graph published as a static site', () => {
  const out = mkdtempSync(join(tmpdir(), 'apparat-site-'));
  let server: Server;
  let origin = '';
  let browser: Browser;
  let built: ReturnType<typeof cli>;

  beforeAll(async () => {
    built = cli('build', 'test/fixtures/publish', '--out', out);
    ({ server, origin } = await serveStatic(out));
    browser = await chromium.launch({ executablePath: browserPath!, args: CHROMIUM_ARGS, headless: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    rmSync(out, { recursive: true, force: true });
  });

  test('the site holds the given graph and lists it in graphs/index.json', () => {
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'graphs/index.json'), 'utf8'))).toEqual({ files: ['ministry-of-fish.json', 'stories/fleet-tour.json'] });
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  test('opened in Chromium: the user graph is shown, the bundled graphs are absent', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${origin}/`);
    await expect.poll(() => page.locator('apparat-app h1').first().textContent(), { timeout: 30_000 }).toBe('Ministry of Fisheries, 1950-1960');
    const options = await page.locator('apparat-app select[aria-label="Graph"] option').allTextContents();
    expect(options).toEqual(['Ministry of Fisheries, 1950-1960']);
    await page.locator('apparat-chart canvas').first().waitFor({ timeout: 20_000 });
    // Asking for a bundled graph by its id finds nothing of it.
    await page.goto(`${origin}/?graph=leningrad-region`);
    await page.locator('apparat-app select[aria-label="Graph"]').waitFor({ timeout: 30_000 });
    const shown = await page.evaluate(() => document.querySelector('apparat-app')?.shadowRoot?.textContent ?? '');
    expect(shown).toContain('Ministry of Fisheries');
    expect(shown).not.toMatch(/Leningrad/);
    // The story given is there too, presented from the site.
    await page.goto(`${origin}/?story=fleet-tour&step=1`);
    await page.locator('apparat-presentation').waitFor({ timeout: 30_000 });
    const presented = () => page.evaluate(() => document.querySelector('apparat-app')?.shadowRoot?.querySelector('apparat-presentation')?.shadowRoot?.textContent ?? '');
    await expect.poll(presented, { timeout: 20_000 }).toContain('Fleet Department');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
