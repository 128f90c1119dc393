/**
 * <apparat-details>: everything known about one organ — type, names over time, when it existed,
 * parents and children at the date, figures (conflicts side by side), people, sources, lineage
 * and the events that touched it.
 *
 * Properties: `model`, `snap` (the snapshot at the current date), `organ` (id), `folded`, `focused`.
 * Every claim carries its sources: lifetimes, names, the parent link (with its certainty and, when
 * inferred, the reasoning), each figure, each post.
 * Events: `organ-select` {id}, `organ-go` {id, at}, `organ-open` {id}, `organ-toggle` {id, expand},
 * `organ-focus` {id | undefined}, `event-choose` {id}, `person-open` {id}.
 */
import { emit } from '../shared/events.ts';
import { LitElement, html, nothing } from 'lit';
import { cssProps } from '../shared/css-props.ts';
import { compareDates, formatDate, formatInterval } from '../../model/dates.ts';
import { eventsOf, lineage } from '../../model/lineage.ts';
import type { Model } from '../../model/model.ts';
import { ancestors, type Snapshot } from '../../model/snapshot.ts';
import { attributeText } from '../../model/queries.ts';
import type { Figure } from '../../model/types.ts';
import { FAMILIES, qualified, typeLabel, typeStyle } from '../../render/organ-style.ts';
import { figureChart } from './figure-chart.ts';
import { byDate as groupByDate, disagree, formatFigures, isRange } from '../../render/figures.ts';
import { cites, inferredNote, sourceItem } from '../shared/sources.ts';
import { detailsStyles } from './styles.ts';

export class ApparatDetails extends LitElement {
  static properties = {
    model: { attribute: false },
    snap: { attribute: false },
    organ: { type: String },
    folded: { type: Boolean },
    focused: { type: Boolean },
    graphTitles: { attribute: false },
  };
  declare model: Model | undefined;
  declare snap: Snapshot | undefined;
  declare organ: string | undefined;
  declare folded: boolean;
  declare focused: boolean;
  declare graphTitles: Map<string, string> | undefined;

  static styles = detailsStyles;


  private organLink(id: string, at?: string) {
    const m = this.model!;
    const name = this.snap?.organs.get(id)?.name ?? m.organs.get(id)?.names.at(-1)?.name ?? id;
    return html`<button type="button" class="link" @click=${() => (at ? emit(this, 'organ-go', { id, at }) : emit(this, 'organ-select', { id }))}>${name}</button>`;
  }

  /** What the sources say of a post's holder (social origin, party entry): the claims of one source together, under it. */
  private personAttributes(person: string) {
    const list = this.model?.people.get(person)?.attributes ?? [];
    const bySources = new Map<string, { sources: string[]; texts: string[] }>();
    for (const a of list) {
      const key = a.sources.join('|');
      const group = bySources.get(key) ?? { sources: a.sources, texts: [] };
      group.texts.push(attributeText(a));
      bySources.set(key, group);
    }
    return list.length
      ? html`<ul class="plain attributes" aria-label="About ${this.model!.people.get(person)!.name}">
          ${[...bySources.values()].map((g) => html`<li class="attribute">${g.texts.join('; ')}${this.claimCites(g.sources)}</li>`)}
        </ul>`
      : nothing;
  }

  /** A claim's own sources; one without them rests on the organ's, listed at the end. */
  private claimCites(ids: string[] | undefined) {
    return ids?.length ? cites(this.model!.graph.sources, ids) : html`<span class="cites">— the organ's sources, below</span>`;
  }

  /** One figure with its own source and primary source (several for one date each keep theirs). */
  private figureValue(f: Figure, several: boolean) {
    return html`<span class="fig ${several ? 'several' : ''}"><span class="value">${qualified(f.value, f.qualifier)}</span>${f.note ? html` <span class="fignote" title=${f.note} aria-label=${`Note: ${f.note}`} role="note">note</span>` : nothing}${cites(this.model!.graph.sources, f.sources)}</span>`;
  }

  render() {
    const m = this.model;
    const id = this.organ;
    const organ = id ? m?.organs.get(id) : undefined;
    if (!m || !id || !organ) return html`<p class="hint">Select an organ in the chart or the outline to read what the sources say about it.</p>`;
    const here = this.snap?.organs.get(id);
    const s = typeStyle(organ.type);
    const fam = FAMILIES[s.family];
    const chain = here && this.snap ? ancestors(this.snap, id) : [];
    const kids = this.snap?.children.get(id) ?? [];
    const lin = lineage(m.graph, id);
    const events = eventsOf(m.graph, id);
    const posts = (m.postsByOrgan.get(id) ?? []).map((t) => t.item).sort((a, b) => compareDates(a.start ?? '..', b.start ?? '..'));
    const figures = m.figures.get(id);
    // Every source a claim below cites, in full: the organ's, its names' and lifetimes', its placement's, its figures' and posts'.
    const sourceIds = [
      ...new Set([
        ...organ.sources,
        ...organ.names.flatMap((n) => n.sources ?? []),
        ...organ.exists.flatMap((e) => e.sources ?? []),
        ...(here?.parentSources ?? []),
        ...[...(figures?.values() ?? [])].flatMap((l) => l.flatMap((d) => d.figure.sources)),
        ...posts.flatMap((p) => p.sources),
      ]),
    ];
    const allSources = m.graph.sources;
    const sourceOrder = Object.keys(allSources);
    const name = here?.name ?? organ.names.at(-1)?.name ?? id;
    const prescribed = m.graph.kind === 'prescribed';
    return html`
      <article aria-labelledby="organ-name">
        <header>
          <span class="type" style=${cssProps({ '--fill': fam.fill, '--border': fam.border, '--text': fam.text })}>${typeLabel(organ.type, organ.typeLabel)}</span>
          <h2 id="organ-name">${name}</h2>
          ${!here ? html`<p class="badge absent">Not present at this date</p>` : nothing}
          ${here?.vague ? html`<p class="badge vague">May not have existed at this date (its dates are vague)</p>` : nothing}
          ${organ.counted ? html`<p class="badge counted">A counted group: it stands for as many organs as its count says.</p>` : nothing}
          <div class="actions">
            ${organ.link
              ? html`<button type="button" class="primary" @click=${() => emit(this, 'organ-open', { id })}>Open its chart: ${this.graphTitles?.get(organ.link) ?? organ.link} ↘</button>`
              : nothing}
            ${here && (kids.length || this.folded)
              ? html`<button type="button" @click=${() => emit(this, 'organ-toggle', { id, expand: this.folded })}>${this.folded ? 'Expand subtree' : 'Collapse subtree'}</button>`
              : nothing}
            ${here
              ? html`<button type="button" @click=${() => emit(this, 'organ-focus', { id: this.focused ? undefined : id })}>${this.focused ? 'Show everything' : 'Focus on this subtree'}</button>`
              : nothing}
          </div>
        </header>

        <section>
          <h3>Existed</h3>
          <ul class="plain claims">
            ${organ.exists.map(
              (e) => html`<li class="lifetime">${formatInterval(e)}${e.certainty === 'inferred' ? inferredNote(e.note) : e.note ? html` <span class="note">— ${e.note}</span>` : nothing}${this.claimCites(e.sources)}</li>`,
            )}
          </ul>
          ${organ.names.length > 1 || organ.aliases?.length || organ.names.some((n) => n.certainty === 'inferred' || n.sources?.length)
            ? html`<h3>Names</h3>
                <ul class="plain claims">
                  ${organ.names.map(
                    (n) => html`<li class="name">${n.name} <span class="when">${formatInterval(n)}</span>${n.certainty === 'inferred' ? inferredNote(n.note) : nothing}${this.claimCites(n.sources)}</li>`,
                  )}
                </ul>
                ${organ.aliases?.length ? html`<p class="aliases">Also: ${organ.aliases.join('; ')}</p>` : nothing}`
            : nothing}
          ${organ.note ? html`<p class="note">${organ.note}</p>` : nothing}
        </section>

        ${here
          ? html`<section>
              <h3>Under</h3>
              ${chain.length
                ? html`<ol class="chain">${[...chain].reverse().map((p) => html`<li>${this.organLink(p)}</li>`)}</ol>
                    <div class="placement placement-${here!.parentCertainty}">
                      ${here!.parentCertainty === 'inferred'
                        ? html`<p class="sub">The link to ${this.organLink(chain[0])} is drawn dashed:</p>${inferredNote(here!.parentNote)}`
                        : html`<p class="sub">Under ${this.organLink(chain[0])}: stated by the source.${here!.parentNote ? html` <span class="note">${here!.parentNote}</span>` : nothing}</p>`}
                      ${cites(allSources, here!.parentSources)}
                    </div>`
                : html`<p class="muted">Nothing above it in this chart at this date.</p>`}
              ${kids.length
                ? html`<h3>Over (${kids.length})</h3>
                    <ul class="kids">${kids.map((k) => html`<li>${this.organLink(k)}</li>`)}</ul>`
                : nothing}
            </section>`
          : nothing}

        ${figures?.size
          ? html`<section>
              <h3>Figures</h3>
              ${[...figures].map(([measure, list]) => {
                const rows = groupByDate(list.map((d) => d.figure));
                return html`<figure class="measure">
                  <figcaption>${measure}</figcaption>
                  ${figureChart(measure, list.map((d) => d.figure), m.period, (s) => Math.max(0, sourceOrder.indexOf(s)))}
                  <table>
                    <tbody>
                      ${rows.map((figs) => {
                        const conflict = disagree(figs, prescribed);
                        return html`<tr class=${conflict ? 'conflict' : ''}>
                          <th scope="row">${formatDate(figs[0].date)}</th>
                          <td>
                            ${isRange(figs)
                              ? html`${formatFigures(figs)}${cites(allSources, [...new Set(figs.flatMap((f) => f.sources))])}`
                              : figs.map((f) => this.figureValue(f, figs.length > 1))}
                            ${conflict ? html`<span class="warn">sources disagree</span>` : nothing}
                            ${prescribed && figs.length > 1 && !isRange(figs) ? html`<span class="cond">conditions differ (see notes)</span>` : nothing}
                          </td>
                        </tr>`;
                      })}
                    </tbody>
                  </table>
                </figure>`;
              })}
            </section>`
          : nothing}

        ${posts.length
          ? html`<section>
              <h3>People</h3>
              <ul class="plain">
                ${posts.map(
                  (p) => html`<li class="post">
                    <button type="button" class="link person" title="Every post of this person, in every graph" @click=${() => emit(this, 'person-open', { id: p.person })}>${m.people.get(p.person)?.name ?? p.person}</button>, ${p.post}
                    <span class="when">${formatInterval(p)}</span>
                    ${p.certainty === 'inferred' ? inferredNote(p.note) : p.note ? html`<span class="note">${p.note}</span>` : nothing}
                    ${cites(allSources, p.sources)}
                    ${this.personAttributes(p.person)}
                  </li>`,
                )}
              </ul>
            </section>`
          : nothing}

        ${lin.predecessors.length || lin.successors.length
          ? html`<section>
              <h3>Lineage</h3>
              ${lin.predecessors.length
                ? html`<p class="sub">Came from</p>
                    <ul class="plain">${lin.predecessors.map((l) => html`<li>${this.organLink(l.organ, l.date)} <span class="when">${l.kind}, ${formatDate(l.date)}</span></li>`)}</ul>`
                : nothing}
              ${lin.successors.length
                ? html`<p class="sub">Went on as</p>
                    <ul class="plain">${lin.successors.map((l) => html`<li>${this.organLink(l.organ, l.date)} <span class="when">${l.kind}, ${formatDate(l.date)}</span></li>`)}</ul>`
                : nothing}
            </section>`
          : nothing}

        ${events.length
          ? html`<section>
              <h3>Events</h3>
              <ul class="plain">
                ${events.map((e) => html`<li><button type="button" class="link" @click=${() => emit(this, 'event-choose', { id: e.id })}>${e.title}</button> <span class="when">${formatDate(e.date)}</span></li>`)}
              </ul>
            </section>`
          : nothing}

        <section class="sources">
          <h3>Sources</h3>
          <ol>
            ${sourceIds.map((sid) => sourceItem(allSources[sid], sid))}
          </ol>
        </section>
      </article>
    `;
  }
}


customElements.define('apparat-details', ApparatDetails);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-details': ApparatDetails;
  }
}
