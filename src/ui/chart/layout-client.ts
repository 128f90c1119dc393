/**
 * Lays out large view trees in a module worker (src/layout/tidy-worker.ts), so that a date step
 * at thousands of organs leaves the page's frames free. When the worker cannot start or fails,
 * the layout runs on the page instead (the chart still draws) and the console says why, once.
 */
import { layoutRequest, type LayoutReply, type LayoutRequest } from '../../layout/tidy-message.ts';

type Waiting = { request: LayoutRequest; resolve: (l: LayoutReply) => void };

const defaultWorker = () => new Worker(new URL('../../layout/tidy-worker.ts', import.meta.url), { type: 'module', name: 'apparat-layout' });
let makeWorker: () => Worker = defaultWorker;
let worker: Worker | undefined;
/** Why the worker is not used (it failed once): layouts then run on the page. */
let failed: string | undefined;
const waiting = new Map<number, Waiting>();
let next = 1;

/** Where the worker comes from: for a test that makes it fail; without an argument, the real one. */
export function setLayoutWorker(make: () => Worker = defaultWorker): void {
  worker?.terminate();
  worker = undefined;
  failed = undefined;
  makeWorker = make;
}

/** Why layouts run on the page instead of the worker, or undefined while the worker serves. */
export function layoutWorkerProblem(): string | undefined {
  return failed;
}

function fail(why: string): void {
  if (!failed) console.warn(`apparat: the layout worker could not run (${why}); large charts are laid out on the page instead, which makes their date steps slower`);
  failed = why;
  worker?.terminate();
  worker = undefined;
  // Whatever was sent is laid out here.
  for (const [id, w] of waiting) {
    waiting.delete(id);
    w.resolve(layoutRequest(w.request));
  }
}

function started(): Worker | undefined {
  if (failed) return undefined;
  if (worker) return worker;
  try {
    const w = makeWorker();
    w.onmessage = (e: MessageEvent<LayoutReply>) => {
      const got = waiting.get(e.data.id);
      if (!got) return;
      waiting.delete(e.data.id);
      got.resolve(e.data);
    };
    w.onerror = (e) => {
      e.preventDefault();
      fail(e.message || 'its script did not load');
    };
    w.onmessageerror = () => fail('a message could not be read');
    worker = w;
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  return worker;
}

/** The tidy layout of a forest whose nodes have the given sizes (width, height pairs in the order of `ids`), as the worker's reply (src/layout/tidy-message.ts). */
export function layoutOff(request: Omit<LayoutRequest, 'id'>): Promise<LayoutReply> {
  return layoutOf({ ...request, id: next++ });
}

function layoutOf(request: LayoutRequest): Promise<LayoutReply> {
  return new Promise((resolve) => {
    const w = started();
    if (!w) {
      resolve(layoutRequest(request));
      return;
    }
    waiting.set(request.id, { request, resolve });
    w.postMessage(request);
  });
}
