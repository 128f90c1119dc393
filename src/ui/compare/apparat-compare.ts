/**
 * <apparat-compare>: compare the current date with another. Its legend explains the marks on the
 * chart; its lists name what was added, removed, re-parented and renamed.
 * Properties: `at`, `compare`, `diff`, `names` (id → name), `period`. Events: `compare-change` {compare?}, `organ-select` {id}.
 */
import { emit } from '../shared/events.ts';
import { LitElement, css, html, nothing } from 'lit';
import { cssProps } from '../shared/css-props.ts';
import type { Diff } from '../../model/diff.ts';
import { compareDates, formatDate, isoDay } from '../../model/dates.ts';
import { panelBase } from '../shared/panel-styles.ts';
import { COMPARE_MARKS } from '../../render/marks.ts';


export class ApparatCompare extends LitElement {
  static properties = {
    at: { type: String },
    compare: { type: String },
    diff: { attribute: false },
    names: { attribute: false },
    period: { attribute: false },
  };
  declare at: string;
  declare compare: string | undefined;
  declare diff: Diff | undefined;
  declare names: (id: string) => string;
  declare period: { min: number; max: number } | undefined;

  static styles = [
    panelBase,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: end;
      }
      label {
        display: flex;
        flex-direction: column;
        font-size: 0.78rem;
        color: var(--muted, #5b6475);
      }
      input,
      form button {
        font: inherit;
        padding: 4px 8px;
        border: 1px solid var(--line, #d9d6ce);
        border-radius: 6px;
        background: #fff;
      }
      input:focus-visible {
        outline: 2.5px solid var(--focus, #2c6fb7);
        outline-offset: 1px;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 0.9rem;
        margin: 0.8rem 0 0.2rem;
        padding: 0;
        list-style: none;
      }
      .legend li {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .sw {
        width: 18px;
        height: 11px;
        border-radius: 3px;
        box-sizing: border-box;
      }
      .n {
        font-variant-numeric: tabular-nums;
        color: var(--muted, #5b6475);
      }
      /* Bullets of their own: a wrapped name (an inline-block button) keeps its bullet on its first line. */
      ul.changes {
        margin: 0;
        padding: 0;
        list-style: none;
        max-height: 14rem;
        overflow: auto;
      }
      ul.changes li {
        position: relative;
        padding-left: 1.1rem;
      }
      ul.changes li::before {
        content: '•';
        position: absolute;
        left: 0.3rem;
        top: 0;
        color: var(--muted, #5b6475);
      }
      .arrow {
        color: var(--muted, #5b6475);
      }
    `,
  ];

  constructor() {
    super();
    this.at = '';
    this.names = (id) => id;
  }


  private submit(e: Event) {
    e.preventDefault();
    const v = (this.renderRoot.querySelector('input') as HTMLInputElement).value;
    emit(this, 'compare-change', { compare: v || undefined });
  }

  render() {
    const d = this.diff;
    const month = (ms?: number) => (ms === undefined ? undefined : isoDay(ms).slice(0, 7));
    const item = (id: string, extra?: unknown) =>
      html`<li><button type="button" class="link" @click=${() => emit(this, 'organ-select', { id })}>${this.names(id)}</button>${extra ?? nothing}</li>`;
    const [from, to] = this.compare && compareDates(this.compare, this.at) < 0 ? [this.compare, this.at] : [this.at, this.compare];
    return html`
      <form @submit=${this.submit}>
        <label>Compare ${formatDate(this.at)} with
          <input type="month" name="compare" .value=${this.compare?.slice(0, 7) ?? ''} min=${month(this.period?.min) ?? ''} max=${month(this.period?.max) ?? ''} aria-label="Date to compare with" @change=${this.submit} />
        </label>
        ${this.compare ? html`<button type="button" @click=${() => emit(this, 'compare-change', { compare: undefined })}>Stop comparing</button>` : nothing}
      </form>
      ${this.compare && d
        ? html`
            <p class="muted">From ${formatDate(from)} to ${formatDate(to)}. The chart shows both dates' organs, marked:</p>
            <ul class="legend" aria-label="Compare legend">
              ${(Object.keys(COMPARE_MARKS) as (keyof typeof COMPARE_MARKS)[]).map((k) => {
                const n = k === 'added' ? d.added.length : k === 'removed' ? d.removed.length : k === 'reparented' ? d.reparented.length : d.renamed.length;
                return html`<li><span class="sw" style=${cssProps(COMPARE_MARKS[k].css)}></span>${COMPARE_MARKS[k].label} <span class="n">${n}</span></li>`;
              })}
            </ul>
            ${d.added.length ? html`<h3>Added</h3><ul class="changes added">${d.added.map((a) => item(a.id))}</ul>` : nothing}
            ${d.removed.length ? html`<h3>Removed</h3><ul class="changes removed">${d.removed.map((id) => item(id))}</ul>` : nothing}
            ${d.reparented.length
              ? html`<h3>Re-parented</h3><ul class="changes">${d.reparented.map((r) => item(r.id, html` <span class="arrow">${r.from ? this.names(r.from) : 'top'} → ${r.to ? this.names(r.to) : 'top'}</span>`))}</ul>`
              : nothing}
            ${d.renamed.length ? html`<h3>Renamed</h3><ul class="changes">${d.renamed.map((r) => item(r.id, html` <span class="arrow">${r.from} → ${r.to}</span>`))}</ul>` : nothing}
            ${!d.added.length && !d.removed.length && !d.reparented.length && !d.renamed.length ? html`<p>No organ changed between these dates.</p>` : nothing}
          `
        : html`<p class="hint">Choose a second date to see which organs were added, removed, re-parented and renamed between the two.</p>`}
    `;
  }
}

customElements.define('apparat-compare', ApparatCompare);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-compare': ApparatCompare;
  }
}
