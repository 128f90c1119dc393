/**
 * <apparat-person>: one person's career across every loaded graph — each post, its organ, dates,
 * certainty and sources, in date order — with a way to each post's graph at its date.
 *
 * Properties: `career` (from `personCareer`, src/model/across.ts), `graphTitles`, `current` (the
 * graph shown, whose posts open in place).
 * Events: `graph-open` {graph, organ, at}, `person-close`.
 */
import { LitElement, css, html, nothing } from 'lit';
import { formatDate, formatInterval } from '../../model/dates.ts';
import type { Career, CareerAttribute, CareerPost } from '../../model/across.ts';
import { attributeLabel, attributeValue } from '../../model/queries.ts';
import type { Source } from '../../model/types.ts';
import { emit } from '../shared/events.ts';
import { panelBase } from '../shared/panel-styles.ts';
import { citationText, inferredNote, shortCitationText, sourceStyles } from '../shared/sources.ts';

/** A claim's citations, short, each with its full text and quote on hover (a post's or an attribute's: `citations[i]` is `sources[i]`). */
const citeList = ({ citations, sources }: { citations: Source[]; sources: string[] }) =>
  citations.map((c, i) => html`<cite class="cite" title=${[citationText(c, sources[i]), c.quote ? `“${c.quote}”` : ''].filter(Boolean).join('\n')}>${shortCitationText(c, sources[i])}</cite>`);

export class ApparatPerson extends LitElement {
  static properties = {
    career: { attribute: false },
    graphTitles: { attribute: false },
    current: { type: String },
  };
  declare career: Career | undefined;
  declare graphTitles: Map<string, string> | undefined;
  declare current: string;

  static styles = [
    sourceStyles,
    panelBase,
    css`
      .kicker {
        font-size: 0.72rem;
        text-transform: uppercase;
        letter-spacing: 0.08em;
        color: var(--muted, #5b6475);
        margin: 0;
      }
      .aliases {
        color: var(--muted, #5b6475);
        margin: 0 0 0.5rem;
      }
      ol.career > li {
        padding: 0.1rem 0 0.7rem 0.8rem;
      }
      ol.career > li::before {
        top: 0.45rem;
      }
      ol.career > li.inferred-post::before {
        border-style: dashed;
      }
      .when {
        display: block;
        font-variant-numeric: tabular-nums;
        color: var(--muted, #5b6475);
        font-size: 0.8rem;
      }
      .graph {
        font-size: 0.8rem;
      }
      .note {
        display: block;
        font-size: 0.8rem;
        color: #3b4252;
      }
      button.link {
        text-align: left;
      }
      button.close {
        border: 1px solid var(--line, #d9d6ce);
        background: #fff;
        border-radius: 6px;
        padding: 2px 8px;
        float: right;
      }
      button:focus-visible {
        outline: 2.5px solid var(--focus, #2c6fb7);
        outline-offset: 1px;
      }
      .cites .cite {
        font-style: normal;
      }
      dl.attributes {
        margin: 0 0 0.5rem;
      }
      dl.attributes dt {
        font-weight: 600;
        margin-top: 0.3rem;
      }
      dl.attributes dd {
        margin: 0;
      }
    `,
  ];

  constructor() {
    super();
    this.current = '';
  }

  private post(p: CareerPost) {
    const title = this.graphTitles?.get(p.graph) ?? p.graph;
    return html`<li class=${p.certainty === 'inferred' ? 'inferred-post' : ''}>
      <strong>${p.post}</strong>, ${p.organName}
      <span class="when">${p.start || p.end ? formatInterval(p) : 'dates not given by the source'}</span>
      ${p.certainty === 'inferred' ? inferredNote(p.note) : p.note ? html`<span class="note">${p.note}</span>` : nothing}
      <span class="cites">${p.citations.length ? citeList(p) : html`<span class="none">no source given</span>`}</span>
      <button type="button" class="link graph" @click=${() => emit(this, 'graph-open', { graph: p.graph, organ: p.organ, at: p.at })}>
        ${p.graph === this.current ? 'Show in this chart' : `Open ${title}`} at ${formatDate(p.at)}
      </button>
    </li>`;
  }

  /** One attribute: its value (a date attribute as a date), when the source records it, inference and sources. */
  private attribute(a: CareerAttribute) {
    return html`<dt>${attributeLabel(a.attribute)}${a.date ? html` <span class="when">(${formatDate(a.date)})</span>` : nothing}</dt>
      <dd>
        ${attributeValue(a)}
        ${a.certainty === 'inferred' ? inferredNote(a.note) : a.note ? html`<span class="note">${a.note}</span>` : nothing}
        <span class="cites">${citeList(a)}</span>
      </dd>`;
  }

  render() {
    const c = this.career;
    if (!c) return html`<p class="hint">No loaded graph lists this person.</p>`;
    const graphs = c.graphs.map((g) => this.graphTitles?.get(g) ?? g);
    return html`<article aria-labelledby="person-name">
      <button type="button" class="close" @click=${() => emit(this, 'person-close', {})}>Close</button>
      <p class="kicker">Person</p>
      <h2 id="person-name">${c.name}</h2>
      ${c.aliases.length ? html`<p class="aliases">Also: ${c.aliases.join('; ')}</p>` : nothing}
      ${c.attributes.length ? html`<h3>About</h3><dl class="attributes">${c.attributes.map((a) => this.attribute(a))}</dl>` : nothing}
      <p class="muted">${c.posts.length} post${c.posts.length === 1 ? '' : 's'} in ${graphs.join(', ')}.</p>
      <h3>Career</h3>
      <ol class="career rail" aria-label="Posts in date order">
        ${c.posts.map((p) => this.post(p))}
      </ol>
    </article>`;
  }
}

customElements.define('apparat-person', ApparatPerson);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-person': ApparatPerson;
  }
}
