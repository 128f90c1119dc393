/** The flow's table twin (for keyboards and screen readers) and its PNG, for <apparat-flow>. */
import { html, nothing } from 'lit';
import { flowTable, type Flow } from '../../layout/flow.ts';
import { formatDate, formatInterval, isoDay } from '../../model/dates.ts';
import type { Model } from '../../model/model.ts';
import { PNG_MAX_AREA, PNG_MAX_SIDE } from '../chart/png.ts';

const month = (t: number) => isoDay(t).slice(0, 7);

/** One row per line of the flow: organ, parent, from, to, and the events that began and ended it. */
export function flowTableView(model: Model, f: Flow) {
  const rows = flowTable(model, f);
  return html`<div class="table-wrap">
    <table>
      <caption>
        ${model.graph.title}, ${formatInterval({ start: month(f.period.min), end: month(f.period.max) })}: ${rows.length} lines in the flow's order (depth-first under the parent of the moment)
      </caption>
      <thead>
        <tr><th scope="col">Organ</th><th scope="col">Parent</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Event</th></tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr data-organ=${r.organ}>
            <th scope="row">${r.name}${r.renames.length ? html` <span class="muted">(then ${r.renames.join(', ')})</span>` : nothing}</th>
            <td>${r.parent || html`<span class="muted">none</span>`}</td>
            <td>${r.from && r.from !== '..' ? formatDate(r.from) : html`<span class="muted">before the period</span>`}</td>
            <td>${r.to && r.to !== '..' ? formatDate(r.to) : html`<span class="muted">after the period</span>`}</td>
            <td>${[r.began ? `began: ${r.began}` : '', r.ended ? `ended: ${r.ended}` : ''].filter(Boolean).join('; ')}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** An SVG document as a PNG at `scale`, capped so that the canvas can be allocated. */
export async function svgToPng(text: string, scale = 2): Promise<Blob> {
  const w = Number(/width="(\d+)"/.exec(text)?.[1] ?? 1);
  const h = Number(/height="(\d+)"/.exec(text)?.[1] ?? 1);
  const s = Math.max(0.05, Math.min(scale, PNG_MAX_SIDE / w, PNG_MAX_SIDE / h, Math.sqrt(PNG_MAX_AREA / (w * h))));
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * s);
    canvas.height = Math.round(h * s);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(s, s);
    ctx.drawImage(img, 0, 0, w, h);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
