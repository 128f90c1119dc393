/**
 * <apparat-outline>: the hierarchy at the current date as an accessible tree (role="tree"),
 * the text twin of the chart. Rows are virtualised, so 10,000 organs stay cheap.
 *
 * Keys: ↑/↓ move, → expands or enters, ← collapses or goes to the parent, Home/End, Enter or
 * Space selects, a letter jumps to the next organ starting with it.
 * Properties: `tree` (a view tree), `selected`. Events: `organ-select` {id}, `organ-toggle` {id, expand}.
 */
import { emit } from '../shared/events.ts';
import { LitElement, html, nothing } from 'lit';
import { cssProps } from '../shared/css-props.ts';
import type { Mark, ViewTree } from '../../layout/view.ts';
import { FAMILIES, formatNumber, typeLabel, typeStyle } from '../../render/organ-style.ts';
import { countLabel } from '../../render/elements.ts';
import { outlineStyles } from './styles.ts';
import { WINDOW_MIN } from '../../render/window.ts';
import { holdSlices } from '../shared/slices.ts';

const ROW = 30;
/** Rows drawn beyond the view on each side, for a scroll to find them there (each row drawn costs a date step its layout). */
const OVERSCAN = 5;
/** Above this many organs a new tree's rows are drawn in a frame after the rest of the page (`scheduleUpdate`). */
const OWN_FRAME = WINDOW_MIN;

interface Row {
  id: string;
  depth: number;
  parent?: string;
  kids: number;
  folded: number;
  pos: number;
  size: number;
}

export class ApparatOutline extends LitElement {
  static properties = {
    tree: { attribute: false },
    marks: { attribute: false },
    selected: { type: String },
    active: { state: true },
    scrollTop: { state: true },
    viewHeight: { state: true },
  };
  declare tree: ViewTree | undefined;
  declare marks: Map<string, Mark[]> | undefined;
  declare selected: string | undefined;
  declare active: string | undefined;
  declare scrollTop: number;
  declare viewHeight: number;

  static styles = outlineStyles;

  private rows: Row[] = [];
  private rowIndex = new Map<string, number>();
  private flattened: ViewTree | undefined;
  private focusAfterRender = false;

  constructor() {
    super();
    this.scrollTop = 0;
    this.viewHeight = 800;
  }

  /**
   * A large tree's new rows wait for the next frame: their text and layout, with the rest of the
   * page's update after a date step, made one frame of 10–15 ms of main-thread work here. That
   * frame's interval is kept free of sliced work (`holdSlices`): a 5 ms slice before it made the
   * interval 15–23 ms of CPU in a trace.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.tree === this.flattened || (this.tree?.organs.size ?? 0) <= OWN_FRAME) return super.scheduleUpdate();
    holdSlices();
    return new Promise<void>((r) =>
      requestAnimationFrame(() => {
        super.scheduleUpdate();
        r();
      }),
    );
  }

  willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('tree')) this.flatten();
    if (changed.has('selected') && this.selected && this.rowIndex.has(this.selected)) {
      this.active = this.selected;
      this.scrollToRow(this.rowIndex.get(this.selected)!);
    }
    if (!this.active || !this.rowIndex.has(this.active)) this.active = this.rows[0]?.id;
  }

  private flatten(): void {
    const t = this.tree;
    this.flattened = t;
    const rows: Row[] = [];
    const rowIndex = new Map<string, number>();
    if (t) {
      const stack: Row[] = [];
      const push = (ids: string[], depth: number, parent?: string) => {
        for (let i = ids.length - 1; i >= 0; i--)
          stack.push({ id: ids[i], depth, parent, kids: t.children.get(ids[i])?.length ?? 0, folded: t.folded.get(ids[i]) ?? 0, pos: i + 1, size: ids.length });
      };
      push(t.roots, 1);
      while (stack.length) {
        const r = stack.pop()!;
        rowIndex.set(r.id, rows.length);
        rows.push(r);
        push(t.children.get(r.id) ?? [], r.depth + 1, r.id);
      }
    }
    this.rows = rows;
    this.rowIndex = rowIndex;
  }

  firstUpdated(): void {
    const box = this.renderRoot.querySelector('.scroller') as HTMLElement;
    new ResizeObserver(() => (this.viewHeight = box.clientHeight || 800)).observe(box);
  }

  updated(): void {
    if (this.focusAfterRender) {
      this.focusAfterRender = false;
      (this.renderRoot.querySelector(`[data-id="${CSS.escape(this.active ?? '')}"]`) as HTMLElement | null)?.focus();
    }
  }

  private scrollToRow(i: number): void {
    const box = this.renderRoot.querySelector('.scroller') as HTMLElement | null;
    if (!box) return;
    const top = i * ROW;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + ROW > box.scrollTop + box.clientHeight) box.scrollTop = top + ROW - box.clientHeight;
    this.scrollTop = box.scrollTop;
  }

  render() {
    const t = this.tree;
    const total = this.rows.length;
    const first = Math.max(0, Math.floor(this.scrollTop / ROW) - OVERSCAN);
    const last = Math.min(total, Math.ceil((this.scrollTop + this.viewHeight) / ROW) + OVERSCAN);
    const activeIdx = this.active ? (this.rowIndex.get(this.active) ?? -1) : -1;
    const visible = this.rows.slice(first, last);
    // The active row is always rendered, so that focus never gets lost.
    if (activeIdx >= 0 && (activeIdx < first || activeIdx >= last)) visible.push(this.rows[activeIdx]);
    return html`
      <div class="scroller" @scroll=${(e: Event) => (this.scrollTop = (e.target as HTMLElement).scrollTop)}>
        ${total === 0
          ? html`<p class="empty">Nothing existed at this date.</p>`
          : html`<div role="tree" aria-label="Hierarchy at the chosen date" style=${cssProps({ height: `${total * ROW}px` })} @keydown=${this.onKey}>
              ${visible.map((r) => {
                const o = t!.organs.get(r.id)!;
                const s = typeStyle(o.type);
                const fam = FAMILIES[s.family];
                const expandable = r.kids > 0 || r.folded > 0;
                const counts = o.counted ? countLabel(o) : undefined;
                const i = this.rowIndex.get(r.id)!;
                return html`<div
                  role="treeitem"
                  data-id=${r.id}
                  id="row-${i}"
                  style=${cssProps({ top: `${i * ROW}px`, paddingLeft: `${(r.depth - 1) * 16 + 6}px` })}
                  aria-level=${r.depth}
                  aria-setsize=${r.size}
                  aria-posinset=${r.pos}
                  aria-expanded=${expandable ? (r.kids > 0 ? 'true' : 'false') : nothing}
                  aria-selected=${this.selected === r.id ? 'true' : 'false'}
                  tabindex=${this.active === r.id ? 0 : -1}
                  @click=${() => this.select(r.id)}
                >
                  <span
                    class="twisty"
                    aria-hidden="true"
                    @click=${(e: Event) => {
                      e.stopPropagation();
                      if (expandable) this.toggle(r.id, r.kids === 0);
                    }}
                    >${expandable ? (r.kids > 0 ? '▾' : '▸') : ''}</span
                  >
                  <span class="swatch" style=${cssProps({ background: fam.fill, borderColor: fam.border })} aria-hidden="true"></span>
                  <span class="name ${o.vague ? 'vague' : ''}" title=${o.name}>${counts ? `${counts} ` : ''}${o.name}</span>
                  ${(this.marks?.get(r.id) ?? []).map((m) => html`<span class="tag ${m}">${m === 'reparented' ? 're-parented' : m}</span>`)}
                  <span class="meta">${o.counted ? '' : typeLabel(o.type, o.typeLabel).replace(/ \(.*\)$/, '')}${o.vague ? ' · perhaps' : ''}${r.folded ? ` · +${formatNumber(r.folded)}` : ''}</span>
                </div>`;
              })}
            </div>`}
      </div>
    `;
  }

  private select(id: string): void {
    this.active = id;
    emit(this, 'organ-select', { id });
  }

  private toggle(id: string, expand: boolean): void {
    emit(this, 'organ-toggle', { id, expand });
  }

  private moveTo(i: number): void {
    const r = this.rows[Math.max(0, Math.min(this.rows.length - 1, i))];
    if (!r) return;
    this.active = r.id;
    this.focusAfterRender = true;
    this.scrollToRow(this.rowIndex.get(r.id)!);
    this.requestUpdate();
  }

  private onKey = (e: KeyboardEvent) => {
    const i = this.active ? (this.rowIndex.get(this.active) ?? 0) : 0;
    const r = this.rows[i];
    if (!r) return;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        this.moveTo(i + 1);
        break;
      case 'ArrowUp':
        this.moveTo(i - 1);
        break;
      case 'Home':
        this.moveTo(0);
        break;
      case 'End':
        this.moveTo(this.rows.length - 1);
        break;
      case 'ArrowRight':
        if (r.folded > 0 && r.kids === 0) this.toggle(r.id, true);
        else if (r.kids > 0) this.moveTo(i + 1);
        break;
      case 'ArrowLeft':
        if (r.kids > 0) this.toggle(r.id, false);
        else if (r.parent) this.moveTo(this.rowIndex.get(r.parent)!);
        break;
      case 'Enter':
      case ' ':
        this.select(r.id);
        break;
      default:
        if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
          const k = e.key.toLowerCase();
          const n = this.rows.length;
          for (let j = 1; j <= n; j++) {
            const cand = this.rows[(i + j) % n];
            if (this.tree?.organs.get(cand.id)?.name.toLowerCase().startsWith(k)) {
              this.moveTo((i + j) % n);
              break;
            }
          }
        } else handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  /** Moves keyboard focus into the tree (at the selected or first organ). */
  focus(): void {
    this.moveTo(this.active ? (this.rowIndex.get(this.active) ?? 0) : 0);
  }
}

customElements.define('apparat-outline', ApparatOutline);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-outline': ApparatOutline;
  }
}
