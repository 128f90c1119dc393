/** The small counts of chapter 3 for factories without a chart of their own (lines 6133-6186, 7719-7851). */
import { describe, expect, it } from 'vitest';
import { stats } from '../../../src/model/queries.ts';
import { model, snap, valuesAt } from './load.ts';

const ID = 'leningrad-factory-cells';
const count = (date: string, id: string) => stats(snap(ID, date)).flatMap((s) => s.counted).find((c) => c.id === id)?.counts;

describe('chapter 3: cells of the factories the thesis mentions once', () => {
  it('August 1931: 16 shift cells at the Tyre factory and ten at Promtekhnik, both in the Narvskii raion', () => {
    expect(count('1931-08', 'tyre-factory-shift-cells')).toEqual([16]);
    expect(count('1931-08', 'promtekhnik-shift-cells')).toEqual([10]);
    const s = snap(ID, '1931-08');
    expect(s.organs.get('tyre-factory-party-organisation')?.parent).toBe('raikom-narvskii');
    expect(s.organs.get('tyre-factory-shift-cells')?.parent).toBe('tyre-factory-party-organisation');
  });
  it("March 1932: no shift cells at the Mart' works", () => {
    expect(count('1932-03', 'marti-shift-cells')).toEqual([0]);
  });
  it('the October textile factory: 11 workshop cells to eight, 50 party units to 21 (summer 1932)', () => {
    expect([count('1932-07', 'october-textile-workshop-cells'), count('1932-08', 'october-textile-workshop-cells')]).toEqual([[11], [8]]);
    expect([count('1932-07', 'october-textile-party-units'), count('1932-08', 'october-textile-party-units')]).toEqual([[50], [21]]);
  });
  it('the Rubber factory: 64 cells before the reorganisation, 30 by the July 1932 meeting', () => {
    expect(valuesAt(ID, 'rubber-factory-cells', 'count', '[..1932-06]')).toEqual([64]);
    expect(count('1932-06', 'rubber-factory-cells')).toEqual([64]);
    expect(count('1932-07', 'rubber-factory-cells')).toEqual([30]);
  });
  it("the Tyre factory is not merged with Krasnyi treugol'nik's, which the thesis does not say it is", () => {
    expect(model('factory-krasnyi-treugolnik').organs.has('tyre-factory-party-organisation')).toBe(false);
    expect(model(ID).organs.get('tyre-factory-party-organisation')?.note).toMatch(/does not say/);
  });
  it("Krasnyi putilovets' steam workshop, August 1931: five shifts, five to six party units each, so 25 to 30 (line 6322)", () => {
    expect(count('1931-08', 'kp-steam-workshop-shifts')).toEqual([5]);
    expect(count('1931-08', 'kp-steam-workshop-party-units')).toEqual([25, 30]);
    expect(model(ID).organs.get('kp-steam-workshop')?.link).toBe('factory-krasnyi-putilovets');
  });
});
