/**
 * The flow view at 10,000 organs, in Debian's Chromium (run by bench/run.ts):
 *
 * - flow-10k: from setting the model on <apparat-flow> to its first frame drawn (layout of
 *   about 20,000 lines and the rows in view), median of 3;
 * - flow-10k-scroll: one scroll step of a screenful (rows in view re-rendered, until the next
 *   frame), median of 30 steps;
 * - flow-10k-zoom: one zoom step in time, median of 8;
 * - flow-10k-dom: how many row elements are in the document (virtualised: a screenful, not 20,000).
 */
import { chromium } from 'playwright';
import { createServer, type Plugin } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';

type Print = (name: string, value: number, unit: string) => void;

const root = new URL('..', import.meta.url).pathname;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/src/ui/global.css"></head>
<body style="width:1440px;height:900px;margin:0"><script type="module" src="/@id/virtual:apparat-flow-bench"></script></body></html>`;

const CODE = /* js */ `
import { syntheticGraph } from '/bench/synthetic.ts';
import { buildModel } from '/src/model/model.ts';
import '/src/ui/flow/apparat-flow.ts';

const out = (window.__flowBench = { progress: 'start' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
const model = buildModel(syntheticGraph(10000));
const firsts = [];
let el;
for (let i = 0; i < 4; i++) {
  el?.remove();
  el = document.createElement('apparat-flow');
  el.style.cssText = 'display:flex;width:1440px;height:900px';
  document.body.append(el);
  await el.updateComplete;
  await frame();
  const t = performance.now();
  el.model = model;
  el.at = '1930';
  await el.updateComplete;
  await frame();
  firsts.push(performance.now() - t);
}
out.first = median(firsts.slice(1));
out.lines = el.layout.rows.length;
const box = el.shadowRoot.querySelector('.scroller');
const scrolls = [];
const scripts = [];
for (let i = 0; i < 32; i++) {
  await frame();
  const t = performance.now();
  box.scrollTop += box.clientHeight * 0.9;
  box.dispatchEvent(new Event('scroll'));
  await el.updateComplete;
  scripts.push(performance.now() - t);
  await frame();
  scrolls.push(performance.now() - t);
}
out.script = median(scripts.slice(2));
out.scroll = median(scrolls.slice(2));
out.dom = el.shadowRoot.querySelectorAll('.row').length;
const zooms = [];
for (let i = 0; i < 8; i++) {
  const t = performance.now();
  el.zoomTime(i % 2 ? 1 / 1.5 : 1.5);
  await el.updateComplete;
  await frame();
  zooms.push(performance.now() - t);
}
out.zoom = median(zooms);
out.progress = 'done';
`;

function plugin(): Plugin {
  return {
    name: 'apparat-flow-bench',
    resolveId: (id) => (id === 'virtual:apparat-flow-bench' ? id : undefined),
    load: (id) => (id === 'virtual:apparat-flow-bench' ? CODE : undefined),
    configureServer(server) {
      server.middlewares.use('/__flow-bench.html', async (req, res) => {
        res.setHeader('content-type', 'text/html');
        res.end(await server.transformIndexHtml(req.url ?? '/__flow-bench.html', PAGE));
      });
    },
  };
}

export async function runFlow(print: Print): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath() ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const server = await createServer({ root, logLevel: 'error', plugins: [plugin()], server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => console.error('flow bench page error:', e.message));
    await page.goto(`${server.resolvedUrls!.local[0]}__flow-bench.html`);
    await page.waitForFunction(() => (window as unknown as { __flowBench?: { progress: string } }).__flowBench?.progress === 'done', undefined, { timeout: 180_000, polling: 500 });
    const r = (await page.evaluate(() => (window as unknown as { __flowBench: Record<string, number> }).__flowBench)) as Record<string, number>;
    print('flow-10k', r.first, `ms (to the first frame: layout of ${r.lines} lines and the rows in view)`);
    print('flow-10k-scroll', r.scroll, `ms (a screenful of scrolling, to the next frame; ${r.script.toFixed(1)} ms of it rendering)`);
    print('flow-10k-zoom', r.zoom, 'ms (a zoom step in time, to the next frame)');
    console.log(`flow-10k-dom: ${r.dom} rows in the document (of ${r.lines})`);
  } finally {
    await server.close();
    await browser.close();
  }
}

if (process.argv[1]?.endsWith('flow-browser.ts')) await runFlow((name, value, unit) => console.log(`${name}: ${value < 10 ? value.toFixed(3) : value.toFixed(1)} ${unit}`));
