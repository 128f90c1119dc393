/**
 * The main thread's CPU time in each frame interval of a date step, read from a Chromium trace.
 * Wall-clock figures count the time the page's thread waits for a core: on this kind of machine
 * (2 cores, shared with the layout worker, the compositor and the display) a task of 7 ms of CPU
 * often took 15 ms. This figure is what the step asks of the thread; `date-step-10k` is what the
 * user sees.
 */

/** The fields of a trace event this reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** One step's worst frame interval: its main-thread CPU time and the wall-clock time its tasks took (ms). */
export interface StepFrame {
  cpu: number;
  wall: number;
}

/**
 * For each `mark` (a `performance.mark` at the start of a step), the frame interval within
 * `span` ms after it (and before the next mark) whose main-thread tasks took the most CPU. A frame interval runs from the end
 * of one frame's main-thread update (ProxyMain::BeginMainFrame) to the end of the next; a task
 * counts in the interval it starts in.
 */
export function worstFramePerStep(events: readonly TraceEvent[], mark: string, span = 1000): StepFrame[] {
  const marks = events.filter((e) => e.name === mark).sort((a, b) => a.ts - b.ts);
  if (!marks.length) return [];
  const { pid } = marks[0];
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid ?? marks[0].tid;
  const mine = events.filter((e) => e.pid === pid && e.tid === main && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  // Top-level tasks only: a task nested in another is counted in it.
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of mine) {
    if (e.name !== 'RunTask' || e.ts < end) continue;
    tasks.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  const frameEnds = mine.filter((e) => e.name === 'ProxyMain::BeginMainFrame').map((e) => e.ts + (e.dur ?? 0));
  return marks.map((m, k) => {
    const stop = Math.min(m.ts + span * 1000, marks[k + 1]?.ts ?? Infinity);
    const bounds = [m.ts, ...frameEnds.filter((t) => t > m.ts && t < stop), stop];
    let worst: StepFrame = { cpu: 0, wall: 0 };
    for (let i = 1; i < bounds.length; i++) {
      const inside = tasks.filter((t) => t.ts >= bounds[i - 1] && t.ts < bounds[i]);
      const cpu = inside.reduce((s, t) => s + (t.tdur ?? t.dur ?? 0), 0) / 1000;
      if (cpu > worst.cpu) worst = { cpu, wall: inside.reduce((s, t) => s + (t.dur ?? 0), 0) / 1000 };
    }
    return worst;
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median over steps of the worst frame interval's CPU time and of its wall-clock time, and the worst CPU time of all (ms). */
export function stepCpuFigures(frames: readonly StepFrame[]): { cpu: number; worst: number; wall: number } {
  return { cpu: median(frames.map((f) => f.cpu)), worst: Math.max(...frames.map((f) => f.cpu)), wall: median(frames.map((f) => f.wall)) };
}
