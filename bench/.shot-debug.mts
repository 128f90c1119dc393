import { chromium } from 'playwright';
import { createServer } from 'vite';
import { CHROMIUM_ARGS } from '/work/wt-change/scripts/chromium.mjs';
const root = '/work/wt-change';
const server = await createServer({ root, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const url = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const [q, w, h, name] = process.argv.slice(2);
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('pageerror', (e) => console.log('ERR', e.message));
await page.goto(url + q);
await page.waitForFunction(() => performance.getEntriesByName('apparat:first-chart').length > 0, undefined, { timeout: 120_000 });
for (const t of [1500, 5000]) {
  await page.waitForTimeout(t);
  await page.screenshot({ path: `/tmp/change/${name}-${t}.png` });
}
const info = await page.evaluate(`(() => { const app = document.querySelector('apparat-app'); const c = app.shadowRoot.querySelector('apparat-chart'); const cy = c.core; return JSON.stringify({ n: cy.nodes().length, zoom: cy.zoom(), pan: cy.pan(), folded: [...app.explorer.derived().tree.folded.entries()], pos: cy.nodes().slice(0, 8).map((n) => [n.id(), Math.round(n.position().x), Math.round(n.position().y)]) }); })()`);
console.log(info);
await browser.close();
await server.close();
