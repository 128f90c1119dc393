/**
 * <apparat-search>: find an organ by any name, alias or person (a combobox) in this chart, people
 * and organs in every loaded graph, and filter the chart by type.
 * Properties: `model`, `models` (a function giving every loaded graph's model, asked only when a search reaches other graphs), `hiddenTypes` (types not drawn), `types` (types in the graph).
 * Events: `organ-find` {id}, `person-open` {id}, `graph-open` {graph, organ, at}, `filters-change` {hide: string[]},
 * `search-matches` {ids} (this chart's organs found).
 */
import { visuallyHidden } from '../shared/visually-hidden.ts';
import { emit } from '../shared/events.ts';
import { LitElement, css, html, nothing } from 'lit';
import { cssProps } from '../shared/css-props.ts';
import { keepOnScreen } from '../shared/on-screen.ts';
import type { Model } from '../../model/model.ts';
import { searchOrgans, type SearchHit } from '../../model/search.ts';
import { searchAcross, type CrossHit } from '../../model/across.ts';
import { formatDate } from '../../model/dates.ts';

/** One option of the list: an organ of this chart, a person, or an organ of another graph. */
type Option = { kind: 'here'; hit: SearchHit } | { kind: 'across'; hit: CrossHit };

/** How many people and other graphs' organs the list offers below this chart's. */
const ACROSS_LIMIT = 12;
import { FAMILIES, FAMILY_ORDER, typeLabel, typeStyle, typesOfFamily } from '../../render/organ-style.ts';

export class ApparatSearch extends LitElement {
  static properties = {
    model: { attribute: false },
    models: { attribute: false },
    hiddenTypes: { attribute: false },
    types: { attribute: false },
    query: { state: true },
    hits: { state: true },
    active: { state: true },
    open: { state: true },
  };
  declare model: Model | undefined;
  /** Every loaded graph's model; a function, so that the models are built only when a search needs them. */
  declare models: () => Model[];
  declare hiddenTypes: string[];
  declare types: string[];
  declare query: string;
  declare hits: SearchHit[];
  /** People (once each) and organs of the other graphs. */
  private across: CrossHit[] = [];
  declare active: number;
  declare open: boolean;

  static styles = [visuallyHidden, css`
    :host {
      display: flex;
      gap: 8px;
      align-items: center;
      font-size: 0.9rem;
      position: relative;
    }
    .box {
      position: relative;
    }
    input[type='search'] {
      font: inherit;
      width: 17rem;
      padding: 6px 10px;
      border: 1px solid var(--line, #d9d6ce);
      border-radius: 7px;
      background: #fff;
    }
    input:focus-visible,
    button:focus-visible,
    summary:focus-visible,
    [role='option'].active {
      outline: 2.5px solid var(--focus, #2c6fb7);
      outline-offset: 1px;
    }
    [role='listbox'] {
      position: absolute;
      top: calc(100% + 4px);
      right: 0;
      width: min(28rem, calc(100vw - 16px));
      translate: var(--shift, 0px) 0;
      max-height: 22rem;
      overflow: auto;
      margin: 0;
      padding: 4px;
      list-style: none;
      background: #fff;
      border: 1px solid var(--line, #d9d6ce);
      border-radius: 8px;
      box-shadow: 0 8px 24px rgb(0 0 0 / 0.12);
      z-index: 20;
    }
    [role='option'] {
      padding: 5px 8px;
      border-radius: 5px;
      cursor: pointer;
      display: flex;
      flex-direction: column;
    }
    [role='option']:hover,
    [role='option'].active {
      background: #f1eee8;
    }
    .via {
      font-size: 0.76rem;
      color: var(--muted, #5b6475);
    }
    .group {
      padding: 6px 8px 2px;
      font-size: 0.72rem;
      text-transform: uppercase;
      letter-spacing: 0.08em;
      color: var(--muted, #5b6475);
      border-top: 1px solid #ebe7df;
      margin-top: 4px;
    }
    .none {
      padding: 6px 8px;
      color: var(--muted, #5b6475);
    }
    details {
      position: relative;
    }
    summary {
      cursor: pointer;
      list-style: none;
      padding: 6px 10px;
      border: 1px solid var(--line, #d9d6ce);
      border-radius: 7px;
      background: #fff;
      user-select: none;
    }
    summary::-webkit-details-marker {
      display: none;
    }
    .panel {
      position: absolute;
      top: calc(100% + 4px);
      right: 0;
      width: min(22rem, calc(100vw - 16px));
      box-sizing: border-box;
      translate: var(--shift, 0px) 0;
      max-height: 70vh;
      overflow: auto;
      background: #fff;
      border: 1px solid var(--line, #d9d6ce);
      border-radius: 8px;
      box-shadow: 0 8px 24px rgb(0 0 0 / 0.12);
      padding: 0.6rem 0.8rem;
      z-index: 20;
    }
    .quick {
      display: flex;
      gap: 6px;
      flex-wrap: wrap;
      margin-bottom: 0.4rem;
    }
    .quick button {
      font: inherit;
      font-size: 0.8rem;
      border: 1px solid var(--line, #d9d6ce);
      border-radius: 6px;
      background: #faf9f6;
      padding: 3px 8px;
      cursor: pointer;
    }
    fieldset {
      border: none;
      margin: 0.3rem 0 0;
      padding: 0;
    }
    legend {
      font-size: 0.72rem;
      text-transform: uppercase;
      letter-spacing: 0.08em;
      color: var(--muted, #5b6475);
      padding: 0;
      display: flex;
      gap: 6px;
      align-items: center;
    }
    .sw {
      width: 10px;
      height: 10px;
      border-radius: 3px;
      border: 1.5px solid;
      display: inline-block;
    }
    label {
      display: block;
      padding: 1px 0;
    }
    .count {
      font-size: 0.75rem;
      background: #8a3a44;
      color: #fff;
      border-radius: 999px;
      padding: 0 6px;
      margin-left: 4px;
    }
  `];

  constructor() {
    super();
    this.hiddenTypes = [];
    this.models = () => [];
    this.types = [];
    this.query = '';
    this.hits = [];
    this.active = -1;
    this.open = false;
  }


  private get options(): Option[] {
    return [...this.hits.map((hit) => ({ kind: 'here' as const, hit })), ...this.across.map((hit) => ({ kind: 'across' as const, hit }))];
  }

  /** People and organs of other graphs that match, best first; a person once, however many graphs list them. */
  private searchOthers(query: string): CrossHit[] {
    const here = this.model?.graph.id;
    const people = new Set<string>();
    const out: CrossHit[] = [];
    for (const h of searchAcross(this.models(), query, 60)) {
      if (h.kind === 'organ' && h.graph === here) continue;
      if (h.kind === 'person') {
        if (people.has(h.id)) continue;
        people.add(h.id);
      }
      out.push(h);
    }
    // People first: a name asked for is most often a person.
    return [...out.filter((h) => h.kind === 'person'), ...out.filter((h) => h.kind === 'organ')].slice(0, ACROSS_LIMIT);
  }

  private onInput(e: Event) {
    this.query = (e.target as HTMLInputElement).value;
    this.hits = this.model ? searchOrgans(this.model, this.query, 30) : [];
    this.across = this.searchOthers(this.query);
    this.active = this.hits.length + this.across.length ? 0 : -1;
    this.open = this.query.trim() !== '';
    emit(this, 'search-matches', { ids: this.hits.map((h) => h.id) });
  }

  private choose(option: Option) {
    this.open = false;
    if (option.kind === 'here') emit(this, 'organ-find', { id: option.hit.id });
    else if (option.hit.kind === 'person') emit(this, 'person-open', { id: option.hit.id });
    else emit(this, 'graph-open', { graph: option.hit.graph, organ: option.hit.id, at: option.hit.at });
  }

  private onKey(e: KeyboardEvent) {
    const n = this.hits.length + this.across.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!n) return;
      e.preventDefault();
      this.open = true;
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : -1) + n) % n;
      this.updateComplete.then(() => this.renderRoot.querySelector('[role="option"].active')?.scrollIntoView({ block: 'nearest' }));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = this.options[this.active];
      if (option) this.choose(option);
    } else if (e.key === 'Escape') {
      if (this.open) {
        e.stopPropagation();
        this.open = false;
      } else if (this.query) {
        this.query = '';
        (e.target as HTMLInputElement).value = '';
        this.hits = [];
        this.across = [];
        emit(this, 'search-matches', { ids: [] });
      }
    }
  }

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resize', this.onResize);
    // Esc closes an open Types panel wherever the focus is (before the explorer's Esc clears the view).
    window.addEventListener('keydown', this.onTypesKey, true);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.onResize);
    window.removeEventListener('keydown', this.onTypesKey, true);
  }

  private onResize = () => this.placePopups();

  protected updated(): void {
    this.placePopups();
  }

  /** The results and the Types panel open anchored right; in a narrow window they are kept on screen. */
  private placePopups(): void {
    keepOnScreen(this.renderRoot.querySelector<HTMLElement>('[role="listbox"]'));
    const details = this.renderRoot.querySelector('details');
    if (details?.open) keepOnScreen(this.renderRoot.querySelector<HTMLElement>('.panel'));
  }

  /** Whether the Types panel is open. */
  get typesOpen(): boolean {
    return Boolean(this.renderRoot.querySelector('details')?.open);
  }

  /** Closes the Types panel (Esc), and gives the focus back to its button when it was inside. */
  closeTypes(): void {
    const details = this.renderRoot.querySelector('details');
    if (!details?.open) return;
    const inside = details.matches(':focus-within');
    details.open = false;
    if (inside) details.querySelector('summary')?.focus();
  }

  private onTypesKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !this.typesOpen) return;
    e.preventDefault();
    e.stopPropagation();
    this.closeTypes();
  };

  /** Moves focus to the search box. */
  focus(): void {
    (this.renderRoot.querySelector('input[type="search"]') as HTMLInputElement | null)?.focus();
  }

  private setHidden(hide: string[]) {
    emit(this, 'filters-change', { hide: [...new Set(hide)].filter((t) => this.types.includes(t)) });
  }

  private renderOption(o: Option, i: number) {
    const title = (g: string) => this.models().find((m) => m.graph.id === g)?.graph.title ?? g;
    let via: string;
    if (o.kind === 'here') {
      const organ = this.model!.organs.get(o.hit.id)!;
      via = `${typeLabel(organ.type, organ.typeLabel)}${o.hit.via !== 'name' ? ` · ${o.hit.via}: ${o.hit.text}` : ''}`;
    } else if (o.hit.kind === 'person') via = 'Person · every post, in every graph';
    else via = `In ${title(o.hit.graph)}, at ${formatDate(o.hit.at)}${o.hit.via !== 'name' ? ` · ${o.hit.via}: ${o.hit.text}` : ''}`;
    return html`<li
      role="option"
      id="hit-${i}"
      class=${i === this.active ? 'active' : ''}
      aria-selected=${i === this.active ? 'true' : 'false'}
      data-kind=${o.kind === 'here' ? 'here' : o.hit.kind === 'person' ? 'person' : 'other'}
      @mousedown=${(e: Event) => e.preventDefault()}
      @click=${() => this.choose(o)}
    >
      <span>${o.hit.name}</span>
      <span class="via">${via}</span>
    </li>`;
  }

  private renderList() {
    const options = this.options;
    const here = this.hits.length;
    return html`<ul role="listbox" id="results" aria-label="Organs and people found">
      ${options.length === 0 ? html`<li class="none" role="presentation">Nothing found</li>` : nothing}
      ${options.map((o, i) => html`${i === here && here > 0 ? html`<li class="group" role="presentation">People and other charts</li>` : nothing}${this.renderOption(o, i)}`)}
    </ul>`;
  }

  render() {
    const families = FAMILY_ORDER.map((f) => ({ f, types: this.types.filter((t) => typeStyle(t).family === f) })).filter((x) => x.types.length);
    const hidden = new Set(this.hiddenTypes);
    const cellTypes = typesOfFamily('cell') as string[];
    return html`
      <div class="box">
        <input
          type="search"
          role="combobox"
          aria-label="Find an organ by name, alias or person"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="results"
          aria-autocomplete="list"
          aria-activedescendant=${this.open && this.active >= 0 ? `hit-${this.active}` : ''}
          placeholder="Find an organ, alias or person  ( / )"
          .value=${this.query}
          @input=${this.onInput}
          @keydown=${this.onKey}
          @focus=${() => (this.open = this.query.trim() !== '')}
          @blur=${() => setTimeout(() => (this.open = false), 150)}
        />
        ${this.open ? this.renderList() : nothing}
      </div>
      <details @toggle=${() => this.placePopups()}>
        <summary><span class="visually-hidden">Filter by </span>Types${hidden.size ? html`<span class="count">${hidden.size} hidden</span>` : nothing}</summary>
        <div class="panel">
          <div class="quick">
            <button type="button" @click=${() => this.setHidden([])}>Show all</button>
            <button type="button" @click=${() => this.setHidden(typesOfFamily('apparatus'))}>Hide the apparatus</button>
            <button type="button" @click=${() => this.setHidden(this.types.filter((t) => !cellTypes.includes(t)))}>Only cells</button>
          </div>
          ${families.map(
            ({ f, types }) => html`<fieldset>
              <legend><span class="sw" style=${cssProps({ background: FAMILIES[f].fill, borderColor: FAMILIES[f].border })}></span>${FAMILIES[f].label}</legend>
              ${types.map(
                (t) => html`<label><input
                    type="checkbox"
                    .checked=${!hidden.has(t)}
                    @change=${(e: Event) => this.setHidden((e.target as HTMLInputElement).checked ? this.hiddenTypes.filter((x) => x !== t) : [...this.hiddenTypes, t])}
                  />
                  ${typeLabel(t)}</label>`,
              )}
            </fieldset>`,
          )}
        </div>
      </details>
    `;
  }
}

customElements.define('apparat-search', ApparatSearch);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-search': ApparatSearch;
  }
}
