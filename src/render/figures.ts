/** How figures that share an organ, measure and date read: a range, conditions, or a conflict. */
import type { Figure } from '../model/types.ts';
import { formatNumber, qualified } from './organ-style.ts';

/** One "at least" and one "at most": a range ("3–11"), not a conflict. */
export function isRange(figs: Figure[]): boolean {
  return figs.length === 2 && new Set(figs.map((f) => f.qualifier)).size === 2 && figs.every((f) => f.qualifier === 'min' || f.qualifier === 'max');
}

/**
 * Do the sources disagree? Different values of one measure at one date do, unless they make a
 * range, or the graph is prescribed (rules give ranges and conditions, e.g. by the size of a cell).
 */
export function disagree(figs: Figure[], prescribed = false): boolean {
  if (prescribed || figs.length < 2 || isRange(figs)) return false;
  for (let i = 1; i < figs.length; i++) if (figs[i].value !== figs[0].value) return true;
  return false;
}

/** "1,917 | 2,600", "3–11", "c. 1,500". */
export function formatFigures(figs: Figure[]): string {
  if (isRange(figs)) {
    const min = figs.find((f) => f.qualifier === 'min')!.value;
    const max = figs.find((f) => f.qualifier === 'max')!.value;
    return `${formatNumber(min)}–${formatNumber(max)}`;
  }
  return figs.map((f) => qualified(f.value, f.qualifier)).join(' | ');
}
