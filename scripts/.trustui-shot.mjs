import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '/work/wt-trustui/scripts/chromium.mjs';
const [,, url, out, w = '1440', h = '900', action = ''] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto(url);
await p.waitForFunction(() => (document.querySelector('apparat-app')?.chart?.drawnIds().length ?? 0) > 0, null, { timeout: 60000 }).catch(() => {});
await p.waitForTimeout(1500);
if (action === 'gaza') {
  await p.locator('apparat-search input[type="search"]').fill('Gaza');
  await p.waitForTimeout(800);
}
if (action === 'person') {
  await p.evaluate(() => document.querySelector('apparat-app').explorer.openPerson('gaza'));
  await p.waitForTimeout(800);
}
if (action === 'placement') {
  await p.evaluate(() => document.querySelector('apparat-app').shadowRoot.querySelector('apparat-details').shadowRoot.querySelector('.placement')?.scrollIntoView({ block: 'start' }));
  await p.waitForTimeout(400);
}
await p.screenshot({ path: out });
await b.close();
