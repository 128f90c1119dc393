/** A small hand-drawn SVG chart of one measure over time; figures that share a date stand side by side. */
import { html, svg } from 'lit';
import { formatDate, parseDate } from '../../model/dates.ts';
import type { Figure } from '../../model/types.ts';
import { formatNumber, qualified } from '../../render/organ-style.ts';

const WIDTH = 300;
const HEIGHT = 84;
const PAD = { l: 44, r: 10, t: 8, b: 18 };
const COLOURS = ['#8a3a44', '#3d6791', '#4f7d43', '#c7791b'];

export function figureChart(measure: string, figures: Figure[], period: { min: number; max: number }, sourceIndex: (id: string) => number) {
  const dated = figures.map((f) => ({ f, t: parseDate(f.date).min }));
  const t0 = Math.min(period.min, ...dated.map((d) => d.t));
  const t1 = Math.max(period.max, ...dated.map((d) => d.t));
  const vmax = Math.max(...figures.map((f) => f.value), 1);
  const x = (t: number) => PAD.l + ((t - t0) / Math.max(1, t1 - t0)) * (WIDTH - PAD.l - PAD.r);
  const y = (v: number) => HEIGHT - PAD.b - (v / vmax) * (HEIGHT - PAD.t - PAD.b);
  const byDate = new Map<number, Figure[]>();
  for (const d of dated) byDate.set(d.t, [...(byDate.get(d.t) ?? []), d.f]);
  const dates = [...byDate.keys()].sort((a, b) => a - b);
  const line = dates.map((t) => `${x(t)},${y(byDate.get(t)![0].value)}`).join(' ');
  const y0 = new Date(t0).getUTCFullYear();
  const y1 = new Date(t1).getUTCFullYear();
  const years: number[] = [];
  for (let yr = y0 + 1; yr <= y1; yr++) years.push(yr);
  const label = `${measure} over time: ${dates.map((t) => `${formatDate(byDate.get(t)![0].date)} ${byDate.get(t)!.map((f) => qualified(f.value, f.qualifier)).join(' or ')}`).join('; ')}`;
  return html`<svg class="figchart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${label}>
    ${svg`
      <line x1=${PAD.l} x2=${WIDTH - PAD.r} y1=${HEIGHT - PAD.b} y2=${HEIGHT - PAD.b} stroke="#cfcac0" />
      <text x=${PAD.l - 6} y=${PAD.t + 8} text-anchor="end" class="axis">${formatNumber(vmax)}</text>
      <text x=${PAD.l - 6} y=${HEIGHT - PAD.b} text-anchor="end" class="axis">0</text>
      ${years.map((yr) => {
        const t = Date.UTC(yr, 0, 1);
        return svg`<line x1=${x(t)} x2=${x(t)} y1=${HEIGHT - PAD.b} y2=${HEIGHT - PAD.b + 3} stroke="#cfcac0" />
          <text x=${x(t)} y=${HEIGHT - 4} text-anchor="middle" class="axis">${yr}</text>`;
      })}
      ${dates.length > 1 ? svg`<polyline points=${line} fill="none" stroke="#9a948a" stroke-width="1.2" />` : ''}
      ${dates.flatMap((t) => {
        const list = byDate.get(t)!;
        return list.map((f, i) => {
          const dx = (i - (list.length - 1) / 2) * 8;
          const c = COLOURS[sourceIndex(f.sources[0] ?? '') % COLOURS.length];
          return svg`<g>
            ${list.length > 1 ? svg`<line x1=${x(t) + dx} x2=${x(t) + dx} y1=${HEIGHT - PAD.b} y2=${y(f.value)} stroke=${c} stroke-width="3" opacity="0.55" />` : ''}
            <circle cx=${x(t) + dx} cy=${y(f.value)} r="3.6" fill=${c} stroke="#fff" stroke-width="1">
              <title>${qualified(f.value, f.qualifier)} (${formatDate(f.date)}; ${f.sources.join(', ')})</title>
            </circle></g>`;
        });
      })}
    `}
  </svg>`;
}
