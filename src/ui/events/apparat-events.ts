/**
 * <apparat-events>: the restructurings in date order. Choosing one jumps to its date and marks its
 * inputs and outputs on the chart. Properties: `model`, `events`, `current`. Events: `event-choose` {id}.
 * Method: `scrollToCurrent()` (it also does so itself when `current` changes).
 */
import { emit } from '../shared/events.ts';
import { LitElement, css, html, nothing } from 'lit';
import { MARKS } from '../../render/marks.ts';
import { cssProps } from '../shared/css-props.ts';
import { formatDate } from '../../model/dates.ts';
import { nameAt, type Model } from '../../model/model.ts';
import type { ChangeEvent } from '../../model/types.ts';
import { panelBase } from '../shared/panel-styles.ts';
import { sourceItem, sourceStyles } from '../shared/sources.ts';

export class ApparatEvents extends LitElement {
  static properties = { model: { attribute: false }, events: { attribute: false }, current: { type: String } };
  declare model: Model | undefined;
  declare events: ChangeEvent[];
  declare current: string | undefined;

  static styles = [
    sourceStyles,
    panelBase,
    css`
      ol.events > li {
        padding: 0.25rem 0 0.45rem 0.9rem;
      }
      ol.events > li::before {
        top: 0.6rem;
        border-color: #8a3a44;
      }
      ol.events > li.current::before {
        background: #8a3a44;
      }
      .choose {
        border: none;
        background: none;
        padding: 0;
        text-align: left;
        color: inherit;
        display: block;
        width: 100%;
      }
      .choose .date {
        display: block;
        font-size: 0.75rem;
        color: var(--muted, #5b6475);
        font-variant-numeric: tabular-nums;
      }
      .choose .title {
        font-weight: 500;
      }
      li.current .title {
        font-weight: 700;
      }
      .kind {
        font-size: 0.7rem;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: #8a3a44;
        margin-left: 0.3rem;
      }
      .card {
        margin-top: 0.4rem;
        padding: 0.6rem 0.7rem;
        background: #fff;
        border: 1px solid var(--line, #d9d6ce);
        border-radius: 8px;
      }
      .io {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.6rem;
      }
      .io h4 {
        margin: 0.4rem 0 0.2rem;
        font-size: 0.75rem;
        display: flex;
        align-items: center;
        gap: 5px;
      }
      .io h4::before {
        content: '';
        width: 10px;
        height: 10px;
        border-radius: 3px;
        background: var(--c);
        opacity: 0.7;
      }
      /* Bullets of their own: a wrapped name (an inline-block button) keeps its bullet on its first line. */
      .io ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .io li {
        position: relative;
        padding-left: 0.9rem;
      }
      .io li::before {
        content: '•';
        position: absolute;
        left: 0.15rem;
        top: 0;
        color: var(--muted, #5b6475);
      }
      .sources ol {
        font-size: 0.8rem;
      }
    `,
  ];

  constructor() {
    super();
    this.events = [];
  }

  private scrolledTo?: string;

  /** Scrolls the current event into view (once per event, so the reader can scroll away). */
  scrollToCurrent(): void {
    if (!this.current || this.current === this.scrolledTo) return;
    const li = this.renderRoot.querySelector('li.current');
    if (!li) return;
    this.scrolledTo = this.current;
    // Only the panel that holds the list scrolls (scrollIntoView would scroll the page too, on a phone away from the chart).
    const box = this.parentElement;
    if (!box) return;
    const r = li.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const by = r.top < b.top ? r.top - b.top - 8 : r.bottom > b.bottom ? Math.min(r.bottom - b.bottom + 8, r.top - b.top - 8) : 0;
    if (by) box.scrollBy({ top: by, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }

  protected updated(): void {
    this.scrollToCurrent();
  }


  render() {
    const m = this.model;
    if (!m) return nothing;
    if (!this.events.length) return html`<p class="hint">This graph records no restructuring events.</p>`;
    const organ = (id: string, at: string) =>
      html`<li><button type="button" class="link" @click=${() => emit(this, 'organ-go', { id, at })}>${m.organs.has(id) ? nameAt(m, id, undefined) : id}</button></li>`;
    return html`<ol class="events rail" aria-label="Restructuring events">
      ${this.events.map(
        (e) => html`<li class=${e.id === this.current ? 'current' : ''}>
          <button type="button" class="choose" aria-current=${e.id === this.current ? 'true' : 'false'} @click=${() => emit(this, 'event-choose', { id: e.id })}>
            <span class="date">${formatDate(e.date)}<span class="kind">${e.kind}</span></span>
            <span class="title">${e.title}</span>
          </button>
          ${e.id === this.current
            ? html`<div class="card">
                <p>${e.description}</p>
                <div class="io">
                  ${e.inputs.length ? html`<div><h4 style=${cssProps({ '--c': MARKS.eventInput.colour })}>Before (inputs)</h4><ul>${e.inputs.map((id) => organ(id, e.date))}</ul></div>` : nothing}
                  ${e.outputs.length ? html`<div><h4 style=${cssProps({ '--c': MARKS.eventOutput.colour })}>After (outputs)</h4><ul>${e.outputs.map((id) => organ(id, e.date))}</ul></div>` : nothing}
                </div>
                <div class="sources"><h3>Sources</h3><ol>${e.sources.map((s) => sourceItem(m.graph.sources[s], s))}</ol></div>
              </div>`
            : nothing}
        </li>`,
      )}
    </ol>`;
  }
}

customElements.define('apparat-events', ApparatEvents);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-events': ApparatEvents;
  }
}
