/**
 * <apparat-legend>: what the chart's shapes, colours and marks mean — only the types drawn.
 * Properties: `types` (drawn types), `counted`, `vague`, `conflict`, `linked`, `inferred` (whether any is drawn).
 */
import { LitElement, css, html, nothing, svg } from 'lit';
import { INFERRED_LINK, MARKS, type MarkStyle } from '../../render/marks.ts';
import { FAMILIES, FAMILY_ORDER, shapePath, typeLabel, typeStyle } from '../../render/organ-style.ts';

/** A mark's swatch: a box in its colour. */
const swatch = (m: MarkStyle, opacity: number) =>
  html`<li><svg width="28" height="16" aria-hidden="true"><rect x="1" y="1" width="26" height="14" rx="4" fill=${m.colour} opacity=${opacity}/></svg>${m.label}</li>`;

export class ApparatLegend extends LitElement {
  static properties = {
    types: { attribute: false },
    counted: { type: Boolean },
    vague: { type: Boolean },
    conflict: { type: Boolean },
    linked: { type: Boolean },
    inferred: { type: Boolean },
    event: { type: Boolean },
    found: { type: Boolean },
    collapsed: { type: Boolean, reflect: true },
  };
  declare types: string[];
  declare counted: boolean;
  declare vague: boolean;
  declare conflict: boolean;
  declare linked: boolean;
  declare inferred: boolean;
  declare event: boolean;
  declare found: boolean;
  declare collapsed: boolean;

  static styles = css`
    :host {
      display: block;
      font-size: 0.74rem;
      background: rgb(255 255 255 / 0.94);
      border: 1px solid var(--line, #d9d6ce);
      border-radius: 8px;
      padding: 0.45rem 0.7rem 0.5rem;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.06);
      max-width: 27rem;
    }
    h2 {
      margin: 0;
      font-size: 0.7rem;
      text-transform: uppercase;
      letter-spacing: 0.08em;
      color: var(--muted, #5b6475);
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    button {
      font: inherit;
      border: none;
      background: none;
      color: var(--muted, #5b6475);
      cursor: pointer;
      padding: 0 2px;
    }
    button:focus-visible {
      outline: 2.5px solid var(--focus, #2c6fb7);
    }
    ul {
      list-style: none;
      margin: 0.3rem 0 0;
      padding: 0;
      display: grid;
      grid-template-columns: auto auto;
      gap: 1px 12px;
    }
    li {
      display: flex;
      align-items: center;
      gap: 7px;
    }
    svg {
      flex: none;
    }
    .marks {
      grid-template-columns: auto;
      border-top: 1px solid #ebe7df;
      margin-top: 0.35rem;
      padding-top: 0.3rem;
    }
  `;

  constructor() {
    super();
    this.types = [];
    this.counted = this.vague = this.conflict = this.linked = this.inferred = this.event = this.found = this.collapsed = false;
  }

  connectedCallback(): void {
    super.connectedCallback();
    // On short screens the legend starts folded (one click opens it), to leave the chart clear.
    if (window.innerHeight < 960) this.collapsed = true;
  }

  render() {
    const sorted = [...this.types].sort(
      (a, b) => FAMILY_ORDER.indexOf(typeStyle(a).family) - FAMILY_ORDER.indexOf(typeStyle(b).family),
    );
    const sw = (t: string) => {
      const s = typeStyle(t);
      const f = FAMILIES[s.family];
      return svg`<svg width="28" height="16" aria-hidden="true"><path d=${shapePath(s.shape)} fill=${f.fill} stroke=${f.border} stroke-width="1.5"/></svg>`;
    };
    return html`<h2>
        <span id="legend-title">Legend</span>
        <button type="button" aria-expanded=${this.collapsed ? 'false' : 'true'} aria-controls="legend-body" @click=${() => (this.collapsed = !this.collapsed)}>
          ${this.collapsed ? 'show' : 'hide'}
        </button>
      </h2>
      ${this.collapsed
        ? nothing
        : html`<div id="legend-body">
            <ul aria-labelledby="legend-title">
              ${sorted.map((t) => html`<li>${sw(t)}${typeLabel(t)}</li>`)}
            </ul>
            <ul class="marks" aria-label="Marks">
              ${this.counted
                ? html`<li><svg width="28" height="18" aria-hidden="true"><rect x="7" y="5" width="19" height="11" rx="2" fill="#e1ecdb" stroke="#4f7d43"/><rect x="4" y="3" width="19" height="11" rx="2" fill="#e1ecdb" stroke="#4f7d43"/><rect x="1" y="1" width="19" height="11" rx="2" fill="#e1ecdb" stroke="#4f7d43"/></svg>A counted group, with its count</li>`
                : nothing}
              ${this.vague
                ? html`<li><svg width="28" height="16" aria-hidden="true"><rect x="1" y="1" width="26" height="14" rx="3" fill="#fff" stroke="#5b6475" stroke-width="1.6" stroke-dasharray="3 2"/></svg>Perhaps there (vague dates)</li>`
                : nothing}
              ${this.inferred
                ? html`<li class="inferred"><svg width="28" height="16" aria-hidden="true"><path d="M2 8H26" stroke=${INFERRED_LINK.colour} stroke-width="1.8" stroke-dasharray=${INFERRED_LINK.dash.join(' ')}/></svg>${INFERRED_LINK.label}</li>`
                : nothing}
              ${this.conflict
                ? html`<li><svg width="28" height="16" aria-hidden="true"><rect x="3" y="3" width="22" height="10" rx="2" fill="#fff" stroke="#5b6475"/><rect x="0.5" y="0.5" width="27" height="15" rx="4" fill="none" stroke=${MARKS.conflict.colour} stroke-width="1.6" stroke-dasharray="1.5 1.5"/></svg>${MARKS.conflict.label}</li>`
                : nothing}
              ${this.event
                ? html`${swatch(MARKS.eventInput, 0.45)}${swatch(MARKS.eventOutput, 0.45)}`
                : nothing}
              ${this.found ? swatch(MARKS.found, 0.6) : nothing}
              ${this.linked ? html`<li><svg width="28" height="18" viewBox="-5 0 28 18" aria-hidden="true"><circle cx="9" cy="9" r="8" fill="white" stroke="#1d2330" stroke-width="1.3"/><path d="M5.5 5.5l6.5 6.5M12.5 7v5.5H7" fill="none" stroke="#1d2330" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></svg>Has its own chart (double-click)</li>` : nothing}
            </ul>
          </div>`}`;
  }
}

customElements.define('apparat-legend', ApparatLegend);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-legend': ApparatLegend;
  }
}
