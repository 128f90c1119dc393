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
  /** Its place in the outline. */
  index: number;
  depth: number;
  /** Its parent's place in the outline (none for a root). */
  parentRow?: number;
  kids: number;
  folded: number;
  pos: number;
  size: number;
}

/**
 * A tree's rows in outline order, a typed array per field, each row made when asked for: rows kept
 * as objects outlived the young generation's next collection after a date step, which copied all
 * of them (6,800 at the bench's 10,000 organs).
 */
class Rows {
  readonly ids: string[] = [];
  private readonly fields: Int32Array;

  constructor(capacity: number) {
    // depth, parent's index (-1: none), kids, folded, pos, size
    this.fields = new Int32Array(6 * capacity);
  }

  get length(): number {
    return this.ids.length;
  }

  add(id: string, depth: number, parent: number, kids: number, folded: number, pos: number, size: number): number {
    const i = this.ids.length;
    this.ids.push(id);
    const f = this.fields;
    const k = 6 * i;
    f[k] = depth;
    f[k + 1] = parent;
    f[k + 2] = kids;
    f[k + 3] = folded;
    f[k + 4] = pos;
    f[k + 5] = size;
    return i;
  }

  /**
   * An organ's place in the outline, if it has a row. A scan, not a map: a map of every row, made
   * at every step, outlived the next young-generation collection too; the rows asked for (the
   * active and the selected one) are found in microseconds.
   */
  indexOf(id: string): number | undefined {
    const i = this.ids.indexOf(id);
    return i < 0 ? undefined : i;
  }

  at(i: number): Row | undefined {
    if (i < 0 || i >= this.ids.length) return undefined;
    const f = this.fields;
    const k = 6 * i;
    return { id: this.ids[i], index: i, depth: f[k], parentRow: f[k + 1] >= 0 ? f[k + 1] : undefined, kids: f[k + 2], folded: f[k + 3], pos: f[k + 4], size: f[k + 5] };
  }
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

  private rows = new Rows(0);
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
    const place = changed.has('selected') && this.selected ? this.rows.indexOf(this.selected) : undefined;
    if (place !== undefined) {
      this.active = this.selected;
      this.scrollToRow(place);
    }
    if (!this.active || this.rows.indexOf(this.active) === undefined) this.active = this.rows.at(0)?.id;
  }

  private flatten(): void {
    const t = this.tree;
    this.flattened = t;
    const rows = new Rows(t?.organs.size ?? 0);
    if (t) {
      // Rows still to place: their ids, and four numbers each (depth, parent's row, place among
      // its siblings, their number). Each organ is pushed once, so the tree's size bounds them.
      const ids: string[] = [];
      const nums = new Int32Array(4 * t.organs.size);
      let top = 0;
      const push = (kids: readonly string[], depth: number, parent: number) => {
        for (let i = kids.length - 1; i >= 0; i--, top++) {
          ids[top] = kids[i];
          nums[4 * top] = depth;
          nums[4 * top + 1] = parent;
          nums[4 * top + 2] = i + 1;
          nums[4 * top + 3] = kids.length;
        }
      };
      push(t.roots, 1, -1);
      while (top > 0) {
        const id = ids[--top];
        const k = 4 * top;
        const depth = nums[k];
        const kids = t.children.get(id);
        const i = rows.add(id, depth, nums[k + 1], kids?.length ?? 0, t.folded.get(id) ?? 0, nums[k + 2], nums[k + 3]);
        if (kids) push(kids, depth + 1, i);
      }
    }
    this.rows = rows;
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
    const activeIdx = this.active ? (this.rows.indexOf(this.active) ?? -1) : -1;
    const visible: Row[] = [];
    for (let i = first; i < last; i++) visible.push(this.rows.at(i)!);
    // The active row is always rendered, so that focus never gets lost.
    if (activeIdx >= 0 && (activeIdx < first || activeIdx >= last)) visible.push(this.rows.at(activeIdx)!);
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
                const i = r.index;
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
    const r = this.rows.at(Math.max(0, Math.min(this.rows.length - 1, i)));
    if (!r) return;
    this.active = r.id;
    this.focusAfterRender = true;
    this.scrollToRow(r.index);
    this.requestUpdate();
  }

  private onKey = (e: KeyboardEvent) => {
    const i = this.active ? (this.rows.indexOf(this.active) ?? 0) : 0;
    const r = this.rows.at(i);
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
        else if (r.parentRow !== undefined) this.moveTo(r.parentRow);
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
            const cand = this.rows.ids[(i + j) % n];
            if (this.tree?.organs.get(cand)?.name.toLowerCase().startsWith(k)) {
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
    this.moveTo(this.active ? (this.rows.indexOf(this.active) ?? 0) : 0);
  }
}

customElements.define('apparat-outline', ApparatOutline);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-outline': ApparatOutline;
  }
}
