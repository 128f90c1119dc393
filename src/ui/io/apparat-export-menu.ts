/**
 * <apparat-export-menu>: the header's "Export" menu. The view as a picture: PNG at a chosen scale
 * (capped at what the browser's canvas can hold, and saying so) or SVG with vector text
 * (the chart's `png` and `svg` methods). The graph as data: GEXF, GraphML, CSV tables in one .zip, or apparat
 * JSON, whole or at the date shown (src/io/). Everything is made here, in the browser.
 *
 * Properties: `graph`, `at` (the date shown), `chart` (a function giving the chart to picture),
 * `viewTitle` (a title for the picture). Sends `export-done` {file, note}.
 */
import { emit } from '../shared/events.ts';
import { html, nothing } from 'lit';
import type { ApparatChart } from '../chart/apparat-chart.ts';
import { formatDate } from '../../model/dates.ts';
import type { Graph } from '../../model/types.ts';
import type { DataFormat } from '../../io/graph-export.ts';
import { exportName } from '../../io/export-name.ts';
import { PNG_MAX_AREA, PNG_MAX_SIDE } from '../chart/png.ts';
import { download } from '../shared/download.ts';
import { HeaderMenu } from '../shared/header-menu.ts';
import { menuStyles } from '../shared/menu-styles.ts';

let exporters: typeof import('../../io/graph-export.ts') | undefined;
/** Loads the exporters (once). */
export async function loadExporters(): Promise<typeof import('../../io/graph-export.ts')> {
  exporters ??= await import('../../io/graph-export.ts');
  return exporters;
}

export const PNG_SCALES = [1, 2, 4, 8, 16] as const;
export type { DataFormat } from '../../io/graph-export.ts';
export { exportName } from '../../io/export-name.ts';

export class ApparatExportMenu extends HeaderMenu {
  static properties = {
    graph: { attribute: false },
    at: {},
    chart: { attribute: false },
    viewTitle: { attribute: 'view-title' },
    scale: { state: true },
    inView: { state: true },
    atDate: { state: true },
    note: { state: true },
  };
  declare graph: Graph | undefined;
  declare at: string | undefined;
  declare chart: (() => ApparatChart | null | undefined) | undefined;
  declare viewTitle: string | undefined;
  declare scale: number;
  declare inView: boolean;
  /** Data of the date shown rather than the whole history. */
  declare atDate: boolean;
  /** What the last export did. */
  declare note: string;

  static styles = menuStyles;

  constructor() {
    super();
    this.scale = 4;
    this.inView = false;
    this.atDate = false;
    this.note = '';
  }

  private toggle(): void {
    this.open = !this.open;
    this.note = '';
    if (this.open) void this.updateComplete.then(() => (this.renderRoot.querySelector('.menu select') as HTMLElement | null)?.focus());
  }

  /** The picture's size in pixels at a scale, and the scale that will be used. */
  pngPlan(scale = this.scale): { used: number; width: number; height: number } | undefined {
    const size = this.chart?.()?.pngSize({ scale, full: !this.inView });
    if (!size) return undefined;
    const ratio = devicePixelRatio || 1;
    return { used: size.scale, width: Math.round(size.w * size.scale * ratio), height: Math.round(size.h * size.scale * ratio) };
  }

  private base(): string {
    return this.graph && this.at ? exportName(this.graph, '', this.at).replace(/\.$/, '') : 'apparat';
  }

  private done(file: string, note: string): void {
    this.note = note;
    emit(this, 'export-done', { file, note });
  }

  exportPng(): void {
    const plan = this.pngPlan();
    const blob = this.chart?.()?.png({ scale: this.scale, full: !this.inView });
    if (!blob || !plan) return;
    const file = `${this.base()}.png`;
    download(blob, file, 'image/png');
    const capped = plan.used < this.scale - 1e-6;
    this.done(
      file,
      capped
        ? `Saved ${file}, ${plan.width.toLocaleString('en-GB')} × ${plan.height.toLocaleString('en-GB')} px: at ×${plan.used.toFixed(1)}, not ×${this.scale}, the largest picture of this chart a browser's canvas can hold (${PNG_MAX_SIDE.toLocaleString('en-GB')} px a side, ${(PNG_MAX_AREA / 1e6).toFixed(0)} million pixels). For larger prints, use SVG.`
        : `Saved ${file}, ${plan.width.toLocaleString('en-GB')} × ${plan.height.toLocaleString('en-GB')} px.`,
    );
  }

  async exportSvg(): Promise<void> {
    const svg = await this.chart?.()?.svg({ title: this.viewTitle, inView: this.inView });
    if (!svg) return;
    const file = `${this.base()}.svg`;
    download(svg, file, 'image/svg+xml');
    this.done(file, `Saved ${file} (vector; the labels are text).`);
  }

  async exportData(format: DataFormat): Promise<void> {
    if (!this.graph) return;
    const at = this.atDate ? this.at : undefined;
    try {
      // The exporters (and their XML and zip libraries) load after the first chart (../lazy.ts), or now.
      const { graphExport } = exporters ?? (await loadExporters());
      const { name, data, type } = graphExport(this.graph, format, at);
      download(data, name, type);
      this.done(name, `Saved ${name}${format === 'csv' ? ' (a folder of CSV tables; open the .zip, or drop it back here)' : ''}.`);
    } catch (e) {
      this.done('', `The export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  render() {
    if (this.open) void loadExporters();
    const plan = this.open ? this.pngPlan() : undefined;
    const capped = plan && plan.used < this.scale - 1e-6;
    return html`<div @keydown=${this.onMenuKey}>
      <button type="button" class="toggle" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="export" ?disabled=${!this.graph} @click=${() => this.toggle()}>
        Export <span aria-hidden="true">▾</span>
      </button>
      ${this.open
        ? html`<div id="export" class="menu" role="group" aria-label="Export">
            <h2>This view, as a picture</h2>
            <div class="row">
              <label>Scale
                <select aria-label="PNG scale" @change=${(e: Event) => (this.scale = Number((e.target as HTMLSelectElement).value))}>
                  ${PNG_SCALES.map((s) => html`<option value=${s} ?selected=${s === this.scale}>×${s}${s >= 4 ? ' (print)' : ''}</option>`)}
                </select>
              </label>
              <label><input type="checkbox" .checked=${this.inView} @change=${(e: Event) => (this.inView = (e.target as HTMLInputElement).checked)} /> only the part in view</label>
            </div>
            ${plan
              ? html`<p class="muted plan">${plan.width.toLocaleString('en-GB')} × ${plan.height.toLocaleString('en-GB')} px${capped
                  ? html` — <strong>capped at ×${plan.used.toFixed(1)}</strong>: a browser's canvas holds no more (${PNG_MAX_SIDE.toLocaleString('en-GB')} px a side)`
                  : nothing}</p>`
              : nothing}
            <div class="row">
              <button type="button" class="act" data-export="png" @click=${() => this.exportPng()}>PNG</button>
              <button type="button" class="act" data-export="svg" @click=${() => this.exportSvg()}>SVG</button>
            </div>
            <hr />
            <h2>This graph, as data</h2>
            <div class="row" role="radiogroup" aria-label="Which data">
              <label><input type="radio" name="when" .checked=${!this.atDate} @change=${() => (this.atDate = false)} /> whole history</label>
              <label><input type="radio" name="when" .checked=${this.atDate} @change=${() => (this.atDate = true)} /> at ${formatDate(this.at)}</label>
            </div>
            <div class="row">
              <button type="button" class="act" data-export="gexf" @click=${() => this.exportData('gexf')} title="Gephi">GEXF</button>
              <button type="button" class="act" data-export="graphml" @click=${() => this.exportData('graphml')} title="yEd, Cytoscape, NetworkX">GraphML</button>
              <button type="button" class="act" data-export="csv" @click=${() => this.exportData('csv')} title="Spreadsheets, Palladio, Kumu">CSV (.zip)</button>
              <button type="button" class="act" data-export="json" @click=${() => this.exportData('json')}>apparat JSON</button>
            </div>
            <p class="note" role="status">${this.note}</p>
          </div>`
        : nothing}
    </div>`;
  }
}

customElements.define('apparat-export-menu', ApparatExportMenu);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-export-menu': ApparatExportMenu;
  }
}
