/** Where the explorer opens: the graph shown when none is asked for, a date inside its period, and, when none is asked for, a month worth seeing. */
import { isoDay, parseDate, type DateSpan } from './dates.ts';
import { at as atDate, type Model } from './model.ts';
import { certainCount } from './snapshot.ts';

/** The graph shown when the URL names none (if it is loaded): the whole regional hierarchy. */
export const PREFERRED_GRAPH = 'leningrad-region';

/** A date inside the graph's period: one outside it (or unreadable) moves to the nearest end's month. */
export function clampDate(model: Model, at: string): string {
  try {
    const d = parseDate(at);
    if (d.max < model.period.min) return isoDay(model.period.min).slice(0, 7);
    if (d.min > model.period.max) return isoDay(model.period.max).slice(0, 7);
    return at;
  } catch {
    return isoDay(model.period.min).slice(0, 7);
  }
}

/**
 * A date worth opening at: the first month with the most organs that certainly existed then
 * (`count`: how many did at a date; by default counted without building a snapshot).
 */
export function defaultDate(model: Model, count: (at: DateSpan) => number = (d) => certainCount(model, d)): string {
  const d0 = new Date(model.period.min);
  const d1 = new Date(model.period.max);
  const months = (d1.getUTCFullYear() - d0.getUTCFullYear()) * 12 + d1.getUTCMonth() - d0.getUTCMonth();
  const step = Math.max(1, Math.ceil(months / 60));
  let best = '';
  let bestN = -1;
  for (let i = 0; i <= months; i += step) {
    const d = new Date(Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth() + i, 1));
    const edtf = isoDay(d.getTime()).slice(0, 7);
    const n = count(atDate(edtf));
    if (n > bestN) {
      bestN = n;
      best = edtf;
    }
  }
  return best || isoDay(model.period.min).slice(0, 7);
}
