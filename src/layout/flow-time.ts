/** The flow's time scale: instants to x and back, and the ticks of years and months. Pure. */
import type { Span } from './flow.ts';

export interface Tick {
  at: number;
  label: string;
  /** A year (major) or a month. */
  major: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const YEAR_MS = 365.2425 * 86_400_000;

/**
 * Ticks for a time scale of `pxPerYear`: every year, and months when a month is wide enough for
 * its label (else quarters, unlabelled, when a quarter is at least 12 px).
 */
export function timeTicks(period: Span, pxPerYear: number): Tick[] {
  const out: Tick[] = [];
  const d0 = new Date(period.min);
  const y0 = d0.getUTCFullYear();
  const y1 = new Date(period.max).getUTCFullYear();
  const monthPx = pxPerYear / 12;
  const step = monthPx >= 30 ? 1 : monthPx * 3 >= 12 ? 3 : 12;
  for (let y = y0; y <= y1 + 1; y++)
    for (let m = 0; m < 12; m += step) {
      const at = Date.UTC(y, m, 1);
      if (at < period.min || at > period.max) continue;
      out.push({ at, major: m === 0, label: m === 0 ? String(y) : step === 1 ? MONTHS[m] : '' });
    }
  return out;
}

/** The x of an instant on a scale starting at `x0`. */
export function timeX(period: Span, pxPerYear: number, x0 = 0): (t: number) => number {
  return (t) => x0 + ((t - period.min) / YEAR_MS) * pxPerYear;
}

/** The inverse: the instant at x. */
export function xTime(period: Span, pxPerYear: number, x0 = 0): (x: number) => number {
  return (x) => period.min + ((x - x0) / pxPerYear) * YEAR_MS;
}

