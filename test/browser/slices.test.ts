/**
 * Sliced work (src/ui/shared/slices.ts) keeps a large date step's frames short; these check that
 * it also steps aside for the page's other work, and that it still gets done on a page that is
 * never idle.
 */
import { expect, test } from 'vitest';
import { afterFrame } from '../../src/ui/shared/slices.ts';

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

test('work that waits for a frame lets the tasks queued in that frame run first', async () => {
  await frame();
  const order: string[] = [];
  const waited = afterFrame().then(() => order.push('slice'));
  // Queued in the same frame's callbacks, after the slice's own: a timer, as an input handler or
  // another part of the page would be.
  requestAnimationFrame(() => setTimeout(() => order.push('timer'), 0));
  await waited;
  await new Promise((r) => setTimeout(r, 50));
  expect(order).toEqual(['timer', 'slice']);
});

test('work that waits for a frame still runs when the page is never idle', async () => {
  // Tasks back to back, each posted by the last: the page never has an idle period.
  const channel = new MessageChannel();
  let busy = true;
  let tasks = 0;
  channel.port1.onmessage = () => {
    tasks++;
    const end = performance.now() + 4;
    while (performance.now() < end);
    if (busy) channel.port2.postMessage(undefined);
  };
  channel.port2.postMessage(undefined);
  await afterFrame();
  busy = false;
  channel.port1.close();
  // It ran while the page was still busy (without a limit on the wait it would not run at all).
  expect(tasks).toBeGreaterThan(1);
}, 10_000);
