/**
 * WCAG AA contrast (4.5:1 for text under 18 px) of the chart's labels on their fills: every organ
 * family's text on its fill, plain, vague (the fill faded) and under each mark that fades the fill
 * or the text or changes its colour, over the chart's paper.
 */
import { describe, expect, test } from 'vitest';
import { FAMILIES } from '../../src/render/organ-style.ts';
import { COMPARE_MARKS, MARKS, STAGE_FOUND } from '../../src/render/marks.ts';
import { STYLE } from '../../src/render/stylesheet.ts';

/** The chart's paper (src/ui/chart/styles.ts) and the stage's. */
const PAPERS = ['#fbfaf7', '#ffffff'];

type RGB = [number, number, number];
const rgb = (hex: string): RGB => {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as RGB;
};
const over = (top: RGB, alpha: number, under: RGB): RGB => top.map((c, i) => c * alpha + under[i] * (1 - alpha)) as RGB;
const luminance = (c: RGB) => {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
export const contrast = (a: RGB, b: RGB) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/** A label's contrast on its node: the fill at its opacity over the paper, the text at its opacity over that. */
function labelContrast(fill: string, text: string, style: Record<string, unknown>, paper: string): number {
  const bg = over(rgb(fill), Number(style['background-opacity'] ?? 1), rgb(paper));
  const fg = over(rgb(String(style.color ?? text)), Number(style['text-opacity'] ?? 1), bg);
  return contrast(fg, bg);
}

const vague = (STYLE as { selector: string; style: Record<string, unknown> }[]).find((r) => r.selector === 'node.vague')!.style;
const states: [string, Record<string, unknown>][] = [
  ['plain', {}],
  ['vague', vague],
  ...Object.entries(COMPARE_MARKS).map(([k, m]) => [`compare ${k}`, m.style] as [string, Record<string, unknown>]),
  ...Object.entries(MARKS).map(([k, m]) => [k, m.style] as [string, Record<string, unknown>]),
  ['stage found', STAGE_FOUND.style],
];

describe('chart labels on their fills meet WCAG AA (4.5:1)', () => {
  test('the contrast function agrees with known pairs', () => {
    expect(contrast(rgb('#000000'), rgb('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrast(rgb('#777777'), rgb('#ffffff'))).toBeCloseTo(4.48, 2);
  });

  for (const [family, f] of Object.entries(FAMILIES))
    for (const [state, style] of states)
      test(`${family}, ${state}`, () => {
        for (const paper of PAPERS) expect(labelContrast(f.fill, f.text, style, paper), `on ${paper}`).toBeGreaterThanOrEqual(4.5);
      });
});
