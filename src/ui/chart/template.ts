/** What <apparat-chart> lays out around its canvas: the first picture, the live region, the tooltip, the overview and the zoom tools. */
import { html } from 'lit';
import { formatNumber } from '../../render/organ-style.ts';
import { cssProps } from '../shared/css-props.ts';

/** The organ under the pointer: its full name, shown above it. */
export interface Hover {
  x: number;
  y: number;
  name: string;
  detail: string;
}

/** What the chart's template shows and what its controls call. */
export interface ChartView {
  organs: number;
  /** Cytoscape's code is loading: a picture of the chart stands in (./picture.ts). */
  picture: boolean;
  /** Cytoscape's code could not be loaded: what to tell the user. */
  failure: string | undefined;
  spoken: string;
  hover: Hover | undefined;
  onKey(e: KeyboardEvent): void;
  zoomBy(f: number): void;
  fit(): void;
}

function ariaSummary(n: number): string {
  return `${formatNumber(n)} organs. Arrow keys move between organs: up to the parent, down to the first child, left and right to siblings; Enter opens an organ's own chart. The outline beside it lists them all.`;
}

export function chartTemplate(v: ChartView) {
  return html`
    <div
      id="cy"
      part="canvas"
      tabindex="0"
      role="application"
      aria-roledescription="org chart"
      aria-label="Org chart"
      aria-describedby="cy-summary"
      @keydown=${v.onKey}
    ></div>
    <!-- The changing count is here, not on #cy: Cytoscape watches its container's attributes and
         takes any change there for a resize (a measure of the page and a whole redraw). -->
    <p id="cy-summary" hidden>${ariaSummary(v.organs)}</p>
    ${v.picture ? html`<canvas class="picture" aria-hidden="true"></canvas>` : ''}
    ${v.failure ? html`<p class="failure" role="alert">${v.failure}</p>` : ''}
    <p class="visually-hidden" aria-live="polite">${v.spoken}</p>
    ${v.hover
      ? html`<div class="tip" style=${cssProps({ left: `${v.hover.x}px`, top: `${v.hover.y}px` })} aria-hidden="true">
          <strong>${v.hover.name}</strong><span>${v.hover.detail}</span>
        </div>`
      : ''}
    <canvas class="overview" hidden aria-hidden="true" title="The whole chart: click to look there"></canvas>
    <div class="tools" role="toolbar" aria-label="Chart view">
      <button type="button" @click=${() => v.zoomBy(1.25)} aria-label="Zoom in" title="Zoom in (+)">+</button>
      <button type="button" @click=${() => v.zoomBy(0.8)} aria-label="Zoom out" title="Zoom out (−)">−</button>
      <button type="button" @click=${() => v.fit()} aria-label="Fit the chart to the window" title="Fit (F)">Fit</button>
    </div>
  `;
}
