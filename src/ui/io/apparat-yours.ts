/**
 * <apparat-yours>: the header's "Yours" menu: the graphs and stories the user opened, kept in
 * this browser's IndexedDB, each with a button to show it and one to remove it, and "Remove all".
 * Sends `yours-open` {id}, `yours-remove` {key} and `yours-clear` once the storage is changed.
 *
 * Properties: `items` (the user's stored items), `current` (the graph shown).
 */
import { emit } from '../shared/events.ts';
import { html, nothing } from 'lit';
import { clearYours, removeYours } from '../storage/graphs-db.ts';
import { HeaderMenu } from '../shared/header-menu.ts';
import { menuStyles } from '../shared/menu-styles.ts';
import type { YourItem } from './yours.ts';

export class ApparatYours extends HeaderMenu {
  static properties = {
    items: { attribute: false },
    current: {},
    confirming: { state: true },
    problem: { state: true },
  };
  declare items: YourItem[] | undefined;
  declare current: string | undefined;
  declare confirming: boolean;
  declare problem: string | undefined;

  static styles = menuStyles;

  constructor() {
    super();
    this.confirming = false;
  }

  protected closed(): void {
    this.confirming = false;
  }


  private async removeItem(item: YourItem): Promise<void> {
    try {
      await removeYours(item.key);
      this.problem = undefined;
    } catch (e) {
      this.problem = `It could not be removed from this browser's storage: ${e instanceof Error ? e.message : String(e)}`;
    }
    emit(this, 'yours-remove', { key: item.key });
    if ((this.items?.length ?? 0) <= 1) this.close();
  }

  private async clear(): Promise<void> {
    try {
      await clearYours();
      this.problem = undefined;
    } catch (e) {
      this.problem = `This browser's storage could not be cleared: ${e instanceof Error ? e.message : String(e)}`;
    }
    emit(this, 'yours-clear', {});
    this.close();
  }

  render() {
    const items = this.items ?? [];
    if (!items.length && !this.problem) return nothing;
    return html`<div @keydown=${this.onMenuKey}>
      <button type="button" class="toggle" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="yours" @click=${() => (this.open ? this.close() : (this.open = true))}>
        Yours (${items.length})
      </button>
      ${this.open
        ? html`<div id="yours" class="menu" role="group" aria-label="Your graphs and stories">
            <h2>Your graphs and stories</h2>
            <ul>
              ${items.map(
                (it) => html`<li data-key=${it.key}>
                  <span class="what">
                    <span class="t">${it.title}</span>
                    <span class="f">${it.kind === 'story' ? 'story' : `${(it.organs ?? 0).toLocaleString('en-GB')} organs`} · ${it.file} · opened ${new Date(it.saved).toLocaleDateString('en-GB')}${it.sessionOnly ? ' · this session only: not kept after a reload' : ''}</span>
                  </span>
                  ${it.kind === 'graph'
                    ? html`<button type="button" class="act" ?disabled=${it.id === this.current} aria-label=${`Show ${it.title}`} @click=${() => (emit(this, 'yours-open', { id: it.id }), this.close())}>Show</button>`
                    : nothing}
                  <button type="button" class="act danger" aria-label=${`Remove ${it.title}`} @click=${() => this.removeItem(it)}>Remove</button>
                </li>`,
              )}
            </ul>
            <p class="muted">Kept in this browser (IndexedDB) until you remove them; never uploaded. Removing one here does not touch your file.</p>
            ${this.problem ? html`<p class="note" role="alert">${this.problem}</p>` : nothing}
            <div class="row">
              ${this.confirming
                ? html`<span>Remove all ${items.length} from this browser?</span>
                    <button type="button" class="act danger confirm" @click=${() => this.clear()}>Yes, remove all</button>
                    <button type="button" class="act" @click=${() => (this.confirming = false)}>Keep them</button>`
                : html`<button type="button" class="act danger clear" @click=${() => (this.confirming = true)}>Remove all</button>`}
            </div>
          </div>`
        : nothing}
    </div>`;
  }
}

customElements.define('apparat-yours', ApparatYours);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-yours': ApparatYours;
  }
}
