/**
 * `npm run bench`: one line per figure, `name: value unit`. Benchmarks, not tests: they print
 * what they measure and fail only when they cannot run.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { tidyTree } from '../src/layout/tidy.ts';
import { viewTree } from '../src/layout/view.ts';
import { eventsInOrder } from '../src/model/lineage.ts';
import { justAfter } from '../src/model/steps.ts';
import { at, buildModel, organPresence } from '../src/model/model.ts';
import { snapshot } from '../src/model/snapshot.ts';
import { validateGraph } from '../src/model/validate.ts';
import { syntheticGraph } from './synthetic.ts';
import { flowLayout } from '../src/layout/flow.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  for (let i = 0; i < 3; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const print = (name: string, value: number, unit: string) => console.log(`${name}: ${value < 10 ? value.toFixed(3) : value.toFixed(1)} ${unit}`);

const graph = syntheticGraph(10_000);
const intervals = graph.organs.reduce((n, o) => n + o.exists.length + o.names.length, 0) + graph.edges.length + (graph.figures?.length ?? 0);
const model = buildModel(graph);
const dates = ['1910', '1925-06', '1930-07-15', '1945'].map(at);

print('snapshot-10k', time(() => dates.forEach((d) => snapshot(model, d)), 20) / dates.length, 'ms');
let k = 0;
const ids = [...model.organs.keys()];
print('organ-query-10k', time(() => { for (let i = 0; i < 1000; i++) organPresence(model, ids[(k++ * 7919) % ids.length], dates[1]); }, 20), 'us');
console.log(`intervals-10k: ${intervals} intervals`);
print('build-model-10k', time(() => buildModel(graph), 5), 'ms');
print('validate-10k', time(() => validateGraph(graph), 3), 'ms');
print('flow-layout-10k', time(() => flowLayout(model), 5), `ms (the flow of the whole period: ${flowLayout(model).rows.length} lines)`);

// A step of the regional graph, the model's part: the state just after an event (and what left
// and arrived), the view tree and the tidy layout; the median over its events.
const region = buildModel(JSON.parse(readFileSync(new URL('../graphs/leningrad-region.json', import.meta.url), 'utf8')));
const steps = eventsInOrder(region.graph).map((e) => e.id);
let s = 0;
const step = () => {
  const st = justAfter(region, steps[s++ % steps.length])!;
  const tree = viewTree(st.snapshot);
  tidyTree({ roots: tree.roots, children: (id) => tree.children.get(id) });
};
print('step-region-model', time(step, steps.length * 5), 'ms');
// The same on the synthetic 10,000-organ graph, with a creation event for each of 100 organs.
const withEvents = buildModel({
  ...graph,
  events: graph.organs
    .filter((o) => o.exists[0].start !== undefined)
    .slice(0, 100)
    .map((o, i) => ({ id: `e${i}`, date: o.exists[0].start!, kind: 'create' as const, title: o.id, description: o.id, inputs: [], outputs: [o.id], sources: [] })),
});
const bigSteps = eventsInOrder(withEvents.graph).map((e) => e.id);
let b = 0;
print('step-10k-model', time(() => {
  const st = justAfter(withEvents, bigSteps[b++ % bigSteps.length])!;
  const tree = viewTree(st.snapshot);
  tidyTree({ roots: tree.roots, children: (id) => tree.children.get(id) });
}, 20), 'ms');

const browserBench = './browser.ts';
const browser = process.argv.includes('--no-browser') ? undefined : await import(browserBench).catch(() => undefined);
if (browser) await browser.run(print);
const flowBench = './flow-browser.ts';
const flow = process.argv.includes('--no-browser') ? undefined : await import(flowBench).catch(() => undefined);
if (flow) await flow.runFlow(print);
