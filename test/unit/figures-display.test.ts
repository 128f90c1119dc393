import { expect, test } from 'vitest';
import { disagree, formatFigures, isRange } from '../../src/render/figures.ts';
import type { Figure } from '../../src/model/types.ts';

const fig = (value: number, qualifier?: Figure['qualifier']): Figure => ({ organ: 'o', measure: 'count', value, qualifier, date: '1931-01', sources: ['s'] });

test('conflicting figures stand side by side and are flagged', () => {
  expect(formatFigures([fig(1917), fig(2600)])).toBe('1,917 | 2,600');
  expect(disagree([fig(1917), fig(2600)])).toBe(true);
  expect(disagree([fig(5), fig(5)])).toBe(false);
});

test('a min and a max make a range, not a conflict', () => {
  expect(isRange([fig(3, 'min'), fig(11, 'max')])).toBe(true);
  expect(formatFigures([fig(3, 'min'), fig(11, 'max')])).toBe('3–11');
  expect(disagree([fig(3, 'min'), fig(11, 'max')])).toBe(false);
});

test('in a prescribed graph, differing figures are conditions', () => {
  expect(disagree([fig(8, 'max'), fig(5, 'max')], true)).toBe(false);
  expect(formatFigures([fig(8, 'max'), fig(5, 'max')])).toBe('≤ 8 | ≤ 5');
  expect(formatFigures([fig(1500, 'approx')])).toBe('c. 1,500');
});

test('figures of different dates are a sequence, not a conflict', () => {
  const eight = { ...fig(8), date: '1931' };
  const three = { ...fig(3), date: '[1931-02..1931-12]' };
  expect(disagree([eight, three])).toBe(false);
  expect(formatFigures([eight, three])).toBe('8 → 3');
  expect(disagree([eight, three, { ...fig(5), date: '1931' }])).toBe(true);
  // One date at two precisions is one date: two figures for it disagree.
  expect(disagree([{ ...fig(1045), date: '1931-01-01' }, { ...fig(994), date: '1931-01' }])).toBe(true);
});
