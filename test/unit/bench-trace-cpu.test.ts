/**
 * The bench's date-step-10k-cpu (bench/trace-cpu.ts): each step's frame interval with the most
 * main-thread CPU, from the events Chromium writes to a trace (RunTask with wall `dur` and CPU
 * `tdur`, ProxyMain::BeginMainFrame, a user-timing mark per step).
 */
import { describe, expect, test } from 'vitest';
import { stepCpuFigures, worstFramePerStep, type TraceEvent } from '../../bench/trace-cpu.ts';

const pid = 7;
const main = 1;
const worker = 2;
const ms = 1000;
const names: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ts: 0, pid, tid: main, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, pid, tid: worker, args: { name: 'DedicatedWorker thread' } },
];
const mark = (at: number): TraceEvent => ({ name: 'apparat-step', ph: 'I', ts: at * ms, pid, tid: main });
const task = (at: number, wall: number, cpu: number, tid = main): TraceEvent => ({ name: 'RunTask', ph: 'X', ts: at * ms, dur: wall * ms, tdur: cpu * ms, pid, tid });
/** A frame's main-thread update, inside a task of its own. */
const frame = (at: number, wall: number, cpu: number): TraceEvent[] => [task(at, wall, cpu), { name: 'ProxyMain::BeginMainFrame', ph: 'X', ts: at * ms, dur: wall * ms, tdur: cpu * ms, pid, tid: main }];

describe('the worst frame interval of each step, in main-thread CPU time', () => {
  const events = [
    ...names,
    mark(0),
    ...frame(2, 4, 4),
    // A slice of 5 ms CPU that waited 10 ms for a core, then a frame of 6: one interval, 11 ms of CPU, 21 of wall-clock time.
    task(7, 15, 5),
    ...frame(23, 6, 6),
    // A nested task is counted in the one around it: 6 and the frame's 3, not 12.
    task(40, 6, 6),
    task(41, 3, 3),
    ...frame(50, 3, 3),
    // The worker's tasks are not the page's.
    task(60, 30, 30, worker),
    mark(100),
    ...frame(102, 3, 3),
    task(106, 7, 7),
    ...frame(118, 2, 2),
  ];

  test('sums the CPU of the tasks between two frames and the frame, apart from the time they waited', () => {
    const steps = worstFramePerStep(events, 'apparat-step');
    expect(steps).toEqual([
      { cpu: 11, wall: 21 },
      { cpu: 9, wall: 9 },
    ]);
  });

  test('a step ends where the next begins, so no frame counts twice', () => {
    const steps = worstFramePerStep(events, 'apparat-step', 5000);
    expect(steps[0].cpu).toBe(11);
    expect(steps[1].cpu).toBe(9);
  });

  test('medians over the steps, with the worst of all', () => {
    const figures = stepCpuFigures([
      { cpu: 11, wall: 21 },
      { cpu: 9, wall: 9 },
      { cpu: 14, wall: 30 },
    ]);
    expect(figures).toEqual({ cpu: 11, worst: 14, wall: 21 });
  });

  test('a trace without the marks has no steps', () => {
    expect(worstFramePerStep(names, 'apparat-step')).toEqual([]);
  });
});
