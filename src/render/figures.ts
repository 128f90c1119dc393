/** How figures that share an organ, measure and date read: a range, conditions, a conflict, or a sequence. */
import { figureInstant } from '../model/model.ts';
import type { Figure } from '../model/types.ts';
import { formatNumber, qualified } from './organ-style.ts';

/** One "at least" and one "at most": a range ("3–11"), not a conflict. */
export function isRange(figs: Figure[]): boolean {
  return figs.length === 2 && new Set(figs.map((f) => f.qualifier)).size === 2 && figs.every((f) => f.qualifier === 'min' || f.qualifier === 'max');
}

/**
 * Figures grouped by the date they hold from (the model's `figureInstant`: "1931-01" and
 * "1931-01-01" are one date, "1931" and "[1931-02..1931-12]" two), in the order given.
 */
export function byDate(figs: Figure[]): Figure[][] {
  const groups = new Map<number, Figure[]>();
  for (const f of figs) {
    const key = figureInstant(f.date);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

/** Different values for one date, unless they make a range. */
function conflictAt(figs: Figure[]): boolean {
  if (figs.length < 2 || isRange(figs)) return false;
  return figs.some((f) => f.value !== figs[0].value);
}

/**
 * Do the sources disagree? Different values of one measure for the SAME date do, unless they make
 * a range, or the graph is prescribed (rules give ranges and conditions, e.g. by the size of a
 * cell). Values for different dates are a change ("eight, later three"), not a conflict.
 */
export function disagree(figs: Figure[], prescribed = false): boolean {
  if (prescribed || figs.length < 2) return false;
  return byDate(figs).some(conflictAt);
}

function formatSameDate(figs: Figure[]): string {
  if (isRange(figs)) {
    const min = figs.find((f) => f.qualifier === 'min')!.value;
    const max = figs.find((f) => f.qualifier === 'max')!.value;
    return `${formatNumber(min)}–${formatNumber(max)}`;
  }
  return figs.map((f) => qualified(f.value, f.qualifier)).join(' | ');
}

/** "1,917 | 2,600" (one date, sources disagree), "3–11", "c. 1,500", "8 → 3" (a change over dates). */
export function formatFigures(figs: Figure[]): string {
  return byDate(figs).map(formatSameDate).join(' → ');
}
