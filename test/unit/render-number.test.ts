import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatNumber } from '../../src/render/organ-style.ts';

// The chart writes numbers by hand (no Intl on the first load); they must read exactly as en-GB's.
describe('numbers on the chart', () => {
  const intl = new Intl.NumberFormat('en-GB');

  test('counts and shares read as en-GB writes them', () => {
    expect(formatNumber(1917)).toBe('1,917');
    expect(formatNumber(9230)).toBe('9,230');
    expect(formatNumber(38.3)).toBe('38.3');
    expect(formatNumber(80000)).toBe('80,000');
    expect(formatNumber(1234567.125)).toBe('1,234,567.125');
    expect(formatNumber(0)).toBe('0');
  });

  test('any integer or decimal agrees with Intl.NumberFormat("en-GB")', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0))), (n) => {
        // The data holds at most three decimals.
        const v = Math.round(n * 1000) / 1000;
        expect(formatNumber(v)).toBe(intl.format(v).replace(/^-0$/, '0'));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
