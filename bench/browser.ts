/**
 * Browser benchmarks, run by bench/run.ts (`npm run bench`), in Debian's Chromium via playwright:
 *
 * - layout-10k: the tidy-tree layout of a synthetic 10,000-organ tree (median of 7 runs);
 * - layout-10k-dagre: the same tree laid out by cytoscape-dagre (once: it takes 15-25 s);
 * - layout-ratio: how many times faster the tidy tree is;
 * - date-step-10k: the worst frame of one date step in the app showing the synthetic 10,000-organ
 *   graph: the most main-thread work (ms) in any one frame from the step until its picture is
 *   drawn (median over 8 steps of a year), or the longest stretch the main thread was busy;
 *   date-step-10k-first: the first part (the new date on the timeline; at this size the snapshot
 *   and view tree follow, each after a frame, then the outline) up to the point the browser may
 *   paint; date-step-10k-chart: the chart's draw (the time its sliced job takes, in many frames);
 *   date-step-10k-complete: until the chart's last slice of Cytoscape updates is applied.
 *   Animation is not counted. date-step-10k-cpu: the same steps again under a trace, the worst
 *   frame interval in main-thread CPU time (./trace-cpu.ts), beside the wall-clock time it took.
 * - step-region: a step of the regional graph as a user takes it, `]` to the chart at rest on the
 *   event's change (median and worst over its events; the camera's glide included), and
 *   step-region-frame: to the first frame that shows the change;
 * - layout-10k-d3: d3-hierarchy's `tree` on the same tree (fixed-size boxes), a second reference;
 * - first-render: from navigation to the first drawn chart in the built app served by `vite
 *   preview` (median of 3 fresh loads), at the default URL and at a deep link (first-render-deep);
 *   the first chart is a picture painted while Cytoscape's code loads (src/ui/chart/picture.ts);
 *   first-interactive: until Cytoscape's chart has taken its place;
 * - bundle-gzip: the code (JS and CSS) the page fetched before its first chart, gzipped;
 *   data-gzip: the bundled graphs, loaded as separate chunks;
 * - page-errors: errors thrown on the bench pages; any fails the bench.
 *
 * `tsx bench/browser.ts --screenshots` instead writes the screenshots of docs/ (chart-*, compare-*,
 * factory-*, step-before, step-after, stage-*) from the built app.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { chromium, type Browser } from 'playwright';
import { build, createServer, preview, type Plugin } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.mjs';
import { firstLoad, isGraphChunk } from './first-load.ts';
import { stepCpuFigures, worstFramePerStep, type TraceEvent } from './trace-cpu.ts';

/** A deep link: a graph, a date and a selected organ. */
const DEEP_LINK = '?graph=leningrad-region&at=1931-06&select=obkom';

type Print = (name: string, value: number, unit: string) => void;

const root = new URL('..', import.meta.url).pathname;

const BENCH_PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/src/ui/global.css"></head>
<body style="width:1440px;height:900px"><script type="module" src="/@id/virtual:apparat-bench"></script></body></html>`;

/** The code the benchmark page runs; results go to window.__bench. */
const BENCH_CODE = /* js */ `
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { syntheticGraph } from '/bench/synthetic.ts';
import { tidyTree } from '/src/layout/tidy.ts';
import { hierarchy, tree as d3tree } from 'd3-hierarchy';
import '/src/ui/app/apparat-app.ts';

const out = (window.__bench = { progress: 'start' });
// Read before the app rewrites the URL with its own state.
const noDagre = new URLSearchParams(location.search).has('nodagre');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

const graph = syntheticGraph(10000);
// A synthetic 10,000-organ snapshot: each organ under its first parent.
const children = new Map();
const roots = [];
for (const o of graph.organs) if (o.id === 'o0') roots.push(o.id);
for (const e of graph.edges) {
  if (children.get('#' + e.child)) continue;
  children.set('#' + e.child, true);
  const list = children.get(e.parent) ?? [];
  list.push(e.child);
  children.set(e.parent, list);
}
const forest = { roots, children: (id) => children.get(id) };
const times = [];
for (let i = 0; i < 9; i++) {
  const t = performance.now();
  const l = tidyTree(forest);
  times.push(performance.now() - t);
  if (l.positions.size !== 10000) throw new Error('layout lost nodes: ' + l.positions.size);
}
out.layout = median(times.slice(2));
// d3-hierarchy's tree on the same tree (fixed-size boxes, no stacked leaves): a reference.
const d3times = [];
for (let i = 0; i < 9; i++) {
  const t = performance.now();
  const h = hierarchy('o0', (id) => children.get(id));
  d3tree().nodeSize([200, 100])(h);
  d3times.push(performance.now() - t);
  if (h.descendants().length !== 10000) throw new Error('d3 lost nodes');
}
out.layoutD3 = median(d3times.slice(2));
out.progress = 'layout';

// The app with the synthetic graph, stepping between dates.
const app = document.createElement('apparat-app');
document.body.append(app);
await new Promise((r) => setTimeout(r, 50));
while (!app.shadowRoot || !app.explorer.loaded) await new Promise((r) => setTimeout(r, 20));
app.explorer.addGraph(graph);
await app.updateComplete;
const chart = () => app.shadowRoot.querySelector('apparat-chart');
const outline = () => app.shadowRoot.querySelector('apparat-outline');
// The first chart is a picture until Cytoscape's code is in; the outline is drawn once it is.
await chart().drawn();
while (!outline()) await frame();
await new Promise((r) => setTimeout(r, 500));
const steps = [];
const worst = [];
const draws = [];
const totals = [];
const years = ['1925', '1926', '1927', '1928', '1929', '1930', '1931', '1932', '1933', '1934'];
let organs = 0;
let treeOrgans = 0;
// The main-thread work of each frame while a step is under way: a probe in every frame's animation
// callbacks that ends with a task posted from there, which runs once the frame's callbacks (the
// chart's slices), style, layout and paint are done; and the browser's long animation frames.
const probe = (frames) => {
  let on = true;
  const tick = () => {
    if (!on) return;
    const t = performance.now();
    requestAnimationFrame(tick);
    setTimeout(() => frames.push(performance.now() - t), 0);
  };
  requestAnimationFrame(tick);
  return () => (on = false);
};
// The longest stretch the main thread was busy (tasks and rendering alike, wherever they fall
// between frames): the gaps between the ticks of a 1 ms timer (which Chromium runs every 1–4 ms
// when the page is free), counted whole, the timer's own interval included.
const gaps = (into) => {
  let last = performance.now();
  const id = setInterval(() => {
    const now = performance.now();
    into.push(now - last);
    last = now;
  }, 1);
  return () => clearInterval(id);
};
// Long animation frames of the last step, with the scripts in them (to see what a slow frame did).
let loaf = [];
try {
  new PerformanceObserver((l) => loaf.push(...l.getEntries())).observe({ type: 'long-animation-frame', buffered: false });
} catch {}
for (const y of years) {
  await frame();
  loaf = [];
  const frames = [];
  const stop = probe(frames);
  const stretches = [];
  const stopGaps = gaps(stretches);
  const t = performance.now();
  app.explorer.go({ at: y });
  await app.updateComplete;
  await chart().updateComplete;
  await outline().updateComplete;
  const first = performance.now() - t;
  steps.push(first);
  // A large graph's new picture is worked out over the next frames (Explorer.shown).
  while (app.explorer.pending) await new Promise((r) => setTimeout(r, 0));
  await app.updateComplete;
  await chart().updateComplete;
  await chart().drawn();
  totals.push(performance.now() - t);
  // Two more frames: the last slice's picture is drawn in the frame after it.
  await frame();
  await frame();
  stop();
  stopGaps();
  // Cytoscape draws in its own animation callback, which may run before the probe's: frames over
  // 50 ms are also taken whole from the browser's long-animation-frame entries; and a task that
  // runs after the probe's own is caught by the timer's gaps.
  worst.push(Math.max(first, ...frames, ...stretches, ...loaf.map((e) => e.duration)));
  out.lastFrames = [Math.round(first), ...frames.map(Math.round)];
  (out.stepFrames ??= []).push({ year: y, first: Math.round(first), frames: frames.map(Math.round), gaps: stretches.filter((g) => g > 8).map(Math.round), long: loaf.map((e) => [Math.round(e.duration), ...e.scripts.map((s) => String(s.sourceURL).split('/').pop() + ':' + s.sourceFunctionName + ' ' + Math.round(s.duration))]) });
  out.longFrames = loaf.map((e) => ({ ms: Math.round(e.duration), render: Math.round(e.duration - (e.renderStart ? e.renderStart - e.startTime : 0)), scripts: e.scripts.map((s) => s.invoker + ' ' + String(s.sourceURL).split('/').pop() + ':' + s.sourceFunctionName + ' ' + Math.round(s.duration)) }));
  draws.push(chart().lastDrawMs);
  organs = Math.max(organs, chart().drawnIds().length);
  treeOrgans = Math.max(treeOrgans, app.explorer.derived().tree.organs.size);
  await new Promise((r) => setTimeout(r, 600));
}
out.step = median(steps.slice(2));
out.worst = median(worst.slice(2));
out.worstMax = Math.max(...worst.slice(2));
out.draw = median(draws.slice(2));
out.total = median(totals.slice(2));
out.stepOrgans = organs;
out.treeOrgans = treeOrgans;
// The same steps again while the bench records a trace (bench/trace-cpu.ts): the main thread's
// CPU time in each frame interval, which the machine's other threads do not stretch.
out.progress = 'trace-ready';
while (!window.__tracing) await new Promise((r) => setTimeout(r, 20));
for (const y of years) {
  await frame();
  performance.mark('apparat-step');
  app.explorer.go({ at: y });
  await app.updateComplete;
  while (app.explorer.pending) await new Promise((r) => setTimeout(r, 0));
  await chart().drawn();
  await new Promise((r) => setTimeout(r, 600));
}
out.progress = 'traced';
while (window.__tracing) await new Promise((r) => setTimeout(r, 20));
out.progress = 'step';

// A step of the regional graph, as a user takes it: ] pressed, to the chart at rest on the event's
// change (its glide of about 420 ms included), and to the first frame that shows the change; over
// every event in stepping order.
app.explorer.go({ graph: 'leningrad-region', at: '1927-01', event: undefined, select: undefined, compare: undefined, focus: undefined, hide: [], collapse: [] });
await app.updateComplete;
await chart().updateComplete;
await chart().drawn();
await new Promise((r) => setTimeout(r, 500));
const regionEvents = app.explorer.derived().events.length;
const settled = [];
const firstFrames = [];
for (let i = 0; i < regionEvents; i++) {
  await frame();
  let shown = 0;
  const t = performance.now();
  chart().addEventListener('chart-drawn', () => requestAnimationFrame(() => (shown = performance.now() - t)), { once: true });
  document.dispatchEvent(new KeyboardEvent('keydown', { key: ']', bubbles: true, composed: true }));
  await app.updateComplete;
  await chart().updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
  await chart().drawn();
  settled.push(performance.now() - t);
  for (let k = 0; !shown && k < 120; k++) await new Promise((r) => requestAnimationFrame(r));
  firstFrames.push(shown || settled.at(-1));
}
if (app.explorer.view.event !== app.explorer.derived().events.at(-1).id) throw new Error('the regional walk did not reach the last event');
out.region = { median: median(settled), worst: Math.max(...settled), frame: median(firstFrames), frameWorst: Math.max(...firstFrames), n: regionEvents };
out.progress = 'region';

// cytoscape-dagre on the same tree, once.
if (noDagre) { out.dagre = NaN; out.progress = 'done'; } else {
cytoscape.use(dagre);
const elements = [];
for (const o of graph.organs) elements.push({ data: { id: o.id } });
for (const [p, kids] of children) if (!p.startsWith('#')) for (const c of kids) elements.push({ data: { id: p + '>' + c, source: p, target: c } });
const cy = cytoscape({ headless: true, elements, style: [{ selector: 'node', style: { width: 184, height: 54 } }] });
const t = performance.now();
cy.layout({ name: 'dagre', rankDir: 'TB' }).run();
out.dagre = performance.now() - t;
out.progress = 'done';
}
`;

export function benchPlugin(): Plugin {
  return {
    name: 'apparat-bench-page',
    resolveId(id) {
      return id === 'virtual:apparat-bench' ? id : undefined;
    },
    load(id) {
      return id === 'virtual:apparat-bench' ? BENCH_CODE : undefined;
    },
    configureServer(server) {
      server.middlewares.use('/__bench.html', async (req, res) => {
        res.setHeader('content-type', 'text/html');
        res.end(await server.transformIndexHtml(req.url ?? '/__bench.html', BENCH_PAGE));
      });
    },
  };
}

async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath() ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

async function buildApp(outDir: string): Promise<void> {
  // As `npm run build` does: the dev server started before set NODE_ENV to development, which
  // would bundle Lit's development build.
  process.env.NODE_ENV = 'production';
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
}

function sizes(outDir: string): { code: number; data: number } {
  const dir = join(outDir, 'assets');
  let code = 0;
  let data = 0;
  const graphs = new Set(readdirSync(join(root, 'graphs')).map((f) => f.replace(/\.json$/, '')));
  for (const f of readdirSync(dir)) {
    if (!/\.(js|css)$/.test(f)) continue;
    const gz = gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
    const base = f.replace(/-[\w-]{8}\.(js|css)$/, '');
    if (graphs.has(base)) data += gz;
    else code += gz;
  }
  return { code, data };
}

export async function run(print: Print): Promise<void> {
  const browser = await launch();
  const errors: string[] = [];
  try {
    // In-page benchmarks on the dev server.
    // The production builds of the dependencies, as users get them: Lit's development build checks
    // and warns on every update.
    const server = await createServer({ root, logLevel: 'error', plugins: [benchPlugin()], resolve: { conditions: ['module', 'browser', 'production'] }, server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
    const url = server.resolvedUrls!.local[0];
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      // A page that cannot load its code (a missing dependency answers 500) stops the bench at once instead of waiting out the timeout.
      let broken: (e: Error) => void = () => {};
      const failed = new Promise<never>((_, reject) => (broken = reject));
      failed.catch(() => {});
      page.on('pageerror', (e) => {
        errors.push(e.message);
        console.error('bench page error:', e.stack ?? e.message);
        broken(new Error(`the bench page threw: ${e.message}`));
      });
      page.on('console', (m) => {
        if (m.type() !== 'error' || m.location().url.endsWith('favicon.ico')) return;
        console.error('bench page:', m.text());
        if (m.text().startsWith('Failed to load resource')) broken(new Error(`the bench page could not load its code (${m.location().url}): is node_modules up to date? Run npm ci.`));
      });
      await page.goto(`${url}__bench.html${process.env.APPARAT_BENCH_NO_DAGRE ? '?nodagre' : ''}`);
      const reach = (progress: string) =>
        Promise.race([failed, page
          .waitForFunction((p) => (window as unknown as { __bench?: { progress: string } }).__bench?.progress === p, progress, { timeout: 600_000, polling: 200 })
          .catch(async (e) => {
            throw new Error(`${e}; the page got to ${JSON.stringify(await page.evaluate(() => (window as unknown as { __bench?: unknown }).__bench))}`);
          })]);
      const setTracing = (on: boolean) => page.evaluate((v) => ((window as unknown as { __tracing: boolean }).__tracing = v), on);
      await reach('trace-ready');
      const stepLoad = loadavg().map((x) => x.toFixed(2)).join(', ');
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'cc', 'blink.user_timing'] });
      await setTracing(true);
      await reach('traced');
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
      await setTracing(false);
      const traced = worstFramePerStep(trace.traceEvents, 'apparat-step').slice(2);
      await reach('done');
      const r1 = (await page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench)) as Record<string, number>;
      print('layout-10k', r1.layout, 'ms');
      print('layout-10k-d3', r1.layoutD3, "ms (d3-hierarchy's tree on the same tree: fixed-size boxes)");
      print('date-step-10k', r1.worst, `ms (the step's worst frame of main-thread work or longest busy stretch, median of 8 steps; the worst of all ${r1.worstMax.toFixed(1)} ms; ${r1.treeOrgans} organs at a date, ${r1.stepOrgans} of them near the view and handed to Cytoscape; load average ${stepLoad})`);
      const cpu = stepCpuFigures(traced);
      print('date-step-10k-cpu', cpu.cpu, `ms (the step's worst frame interval in main-thread CPU time, median of 8 steps traced; the worst of all ${cpu.worst.toFixed(1)} ms; the same intervals' tasks took ${cpu.wall.toFixed(1)} ms of wall-clock time: the rest is the thread waiting for a core)`);
      print('date-step-10k-first', r1.step, 'ms (the first part: the new date on the timeline, before the next frame; the new picture follows in tasks of their own)');
      print('date-step-10k-chart', r1.draw, "ms (the chart's draw, from its start to the plan handed to Cytoscape: a job in slices across frames, the layout in a worker)");
      print('date-step-10k-complete', r1.total, 'ms (until the last slice is on the canvas)');
      const g = r1.region as unknown as { median: number; worst: number; frame: number; frameWorst: number; n: number };
      print('step-region', g.median, `ms median, worst ${g.worst.toFixed(0)} ms over the ${g.n} events of the regional graph at 1440×900 (] to the chart at rest on the change, its glide included)`);
      print('step-region-frame', g.frame, `ms median, worst ${g.frameWorst.toFixed(0)} ms (] to the first frame that shows the change)`);
      const r = r1;
      print('layout-10k-dagre', r.dagre, 'ms');
      print('layout-ratio', r.dagre / r.layout, 'x');
      await page.close();
    } finally {
      await server.close();
    }

    // The built app: the first chart at the default URL and at a deep link, and the code it needed.
    const outDir = join(tmpdir(), 'apparat-bench-dist');
    await buildApp(outDir);
    const { data } = sizes(outDir);
    // The machine's load (1, 5, 15 minutes) when each was measured: the figures depend on it.
    const load = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(', ')} on ${availableParallelism()} cores`;
    const plain = await firstLoad(browser, outDir, '', 3, isGraphChunk);
    const plainLoad = load();
    const deep = await firstLoad(browser, outDir, DEEP_LINK, 3, isGraphChunk);
    errors.push(...plain.errors, ...deep.errors);
    print('first-render', plain.ms, `ms (the default URL: its chart's picture; the graph shown in at ${plain.graphsMs.toFixed(0)} ms; ${plainLoad})`);
    print('first-interactive', plain.interactiveMs, "ms (the default URL: Cytoscape's chart in the picture's place, to pan, zoom and click)");
    print('first-render-deep', deep.ms, `ms (${DEEP_LINK}; interactive at ${deep.interactiveMs.toFixed(0)} ms; ${load()})`);
    print('bundle-gzip', plain.codeGzip / 1024, `kB (the code fetched before the first chart: ${plain.code.length} files; ${(plain.interactiveGzip / 1024).toFixed(1)} kB before it is interactive)`);
    print('data-gzip', data / 1024, 'kB');
  } finally {
    await browser.close();
  }
  print('page-errors', errors.length, 'errors');
  // A page error is a bug the bench found: it fails (npm run bench exits non-zero).
  if (errors.length) throw new Error(`the bench pages threw ${errors.length} errors:\n${[...new Set(errors)].join('\n')}`);
}

/** Screenshots of the chart of the region at three dates, for docs/. */
export async function screenshots(): Promise<void> {
  const outDir = join(tmpdir(), 'apparat-shots-dist');
  await buildApp(outDir);
  const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls!.local[0];
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    const shots: [string, string][] = [
      ['chart-1929', '?graph=leningrad-region&at=1929-06&select=obkom'],
      ['chart-1931', '?graph=leningrad-region&at=1931-04&event=&select='],
      ['chart-1933', '?graph=leningrad-region&at=1933-01'],
      ['compare-1929-1932', '?graph=leningrad-region&at=1932-03&compare=1929-06'],
      ['factory-krasnyi-putilovets', '?graph=factory-krasnyi-putilovets&at=1931-06'],
    ];
    for (const [name, query] of shots) {
      await page.goto(url + query);
      await page.waitForFunction(() => performance.getEntriesByName('apparat:chart-interactive').length > 0, undefined, { timeout: 30_000 });
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(root, 'docs', `${name}.png`) });
      console.log(`docs/${name}.png`);
    }
    // One event before and after (the explorer at 1,440×900), and a story step on a 1,920×1,080 stage.
    const sized: [string, string, number, number][] = [
      ['step-before', '?graph=leningrad-region&event=gorkom-elected-1931', 1440, 900],
      ['step-after', '?graph=leningrad-region&event=urban-raikoms-to-gorkom-1931', 1440, 900],
      ['stage-krasnyi-putilovets', '?story=krasnyi-putilovets-1930-32&step=6', 1920, 1080],
    ];
    for (const [name, query, width, height] of sized) {
      const p = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
      await p.goto(url + query);
      await p.waitForFunction(() => performance.getEntriesByName('apparat:chart-interactive').length > 0, undefined, { timeout: 30_000 });
      // The camera glides to the change once the chart has its room.
      await p.waitForTimeout(2500);
      await p.screenshot({ path: join(root, 'docs', `${name}.png`) });
      console.log(`docs/${name}.png`);
      await p.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

if (process.argv[1]?.endsWith('browser.ts') && process.argv.includes('--screenshots')) await screenshots();
