/**
 * The built app under its Content-Security-Policy (index.html): `vite build` into a temporary
 * folder, served by a static server on 127.0.0.1, driven by Playwright in Debian's Chromium. It
 * records `securitypolicyviolation` events, console errors and every request while a user opens
 * a graph, selects an organ, exports PNG, SVG and CSV, drops a file (parsed in the worker) and
 * drills down: no violation, no error, no request to another origin.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { serveStatic } from './static-server.ts';

const browserPath = chromiumPath();

describe.runIf(browserPath)('the built app under its Content-Security-Policy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apparat-dist-'));
  let server: Server;
  let origin = '';
  let browser: Browser;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`vite build failed: ${built.stderr}`);
    ({ server, origin } = await serveStatic(dir));
    browser = await chromium.launch({ executablePath: browserPath!, args: CHROMIUM_ARGS, headless: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  test('the policy is in the built index.html, strict', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|\*/);
    // No relaxation at all: components style through the CSSOM (styleMap), not style attributes.
    expect(csp).not.toContain('unsafe-inline');
    // No inline script in the page.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  test('using it: no violation, no console error, every request to 127.0.0.1', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(() => {
      const list: string[] = [];
      (window as unknown as { violations: string[] }).violations = list;
      document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

    await page.goto(`${origin}/?graph=leningrad-region&at=1931-06&select=obkom`);
    await page.waitForFunction(() => performance.getEntriesByName('apparat:graphs-loaded').length > 0, undefined, { timeout: 20_000 });
    await page.locator('apparat-chart canvas').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(800);

    // Export: PNG, SVG and CSV (a .zip).
    await page.locator('apparat-export-menu button.toggle').click();
    for (const kind of ['png', 'svg', 'csv']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`apparat-export-menu [data-export="${kind}"]`).click()]);
      expect(download.suggestedFilename()).toMatch(/^leningrad-region/);
    }
    await page.keyboard.press('Escape');

    // A file dropped: read in the worker, kept in IndexedDB, shown.
    await page.evaluate(() => {
      const csv = 'id,label,type,parent,start,end,source\nmin,Ministry,ministry,,1950,1990,Report\ndept,Department,department,min,1950,1970,Report\n';
      const dt = new DataTransfer();
      dt.items.add(new File([csv], 'ministry.csv', { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForURL(/graph=ministry/, { timeout: 15_000 });
    // A drill-down graph, another date, and back.
    await page.goto(`${origin}/?graph=factory-krasnyi-putilovets&at=1932`);
    await page.locator('apparat-chart canvas').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(800);
    await page.goBack();
    await page.waitForTimeout(500);
    // A story presented.
    await page.goto(`${origin}/?story=okrugs-to-raions&step=1`);
    await page.locator('apparat-presentation').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(800);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(800);

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
    expect(foreign).toEqual([]);
    // The dropped file was read by the import worker.
    expect(requests.some((u) => /\/assets\/worker-[\w-]+\.js$/.test(u))).toBe(true);
    await context.close();
  }, 90_000);
  // The built app fetches the graph its URL shows before the others (src/io/bundled.ts): that graph
  // is drawn, and every other bundled graph still joins the picker.
  test('a link to one graph shows it, and every bundled graph follows into the picker', { timeout: 60_000 }, async () => {
    const graphs = readdirSync('graphs').filter((f) => f.endsWith('.json') && !f.includes('schema')).length;
    for (const [query, title] of [['?graph=factory-kirov', 'Kirov'], ['', 'Leningrad regional party hierarchy']]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${origin}/${query}`);
      await page.locator('apparat-chart canvas').first().waitFor({ timeout: 30_000 });
      await expect.poll(() => page.locator('apparat-app h1').first().textContent(), { timeout: 30_000 }).toContain(title);
      await expect.poll(() => page.locator('.graph-pick select option').count(), { timeout: 30_000 }).toBe(graphs);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
