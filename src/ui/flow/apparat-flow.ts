/**
 * <apparat-flow>: the whole period at a glance (src/layout/flow.ts): time left to right, each
 * organ a line under its parent of the moment, moves, splits and merges as connectors, events as
 * marks, the current date as a line to drag. Rows are virtualised (only those in view are drawn),
 * so 10,000 organs stay smooth; time and depth zoom instead of shrinking the labels.
 *
 * Properties: `model`, `at` (EDTF), `hiddenTypes` (types), `focusOrgan` (show only its subtree), `collapsed` (organs),
 * `selected` (organ), `event` (event id).
 * Events: `organ-go` {id, at} (a line clicked or Enter: open the chart at that date with it
 * selected), `event-choose` {id} (an event's mark), `date-input` {at} while the date line is
 * dragged and `date-change` {at} when it is let go or moved by keys.
 * Methods: `svgText()`, `pngBlob(scale)`, `exportSvg()`, `exportPng()`, `revealOrgan(id)`.
 * Keys: + and − zoom in time; on a line ↑ ↓ Home End PageUp PageDown move, → ← follow the organ to its next or previous
 * row (a move, a split), Enter opens; on the event marks ← → move, Enter opens; on the date
 * handle ← → a month, PageUp PageDown a year.
 */
import { emit } from '../shared/events.ts';
import { LitElement, html, nothing, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import { flowLayout, xTime, type Flow, type FlowRow } from '../../layout/flow.ts';
import { formatDate, isoDay, parseDate } from '../../model/dates.ts';
import type { Model } from '../../model/model.ts';
import { axisSvg, connectorSvg, eventSvg, flowGeometry, flowSvg, gridSvg, gutterSvg, rowSvg, rowTitle, type FlowGeometry } from '../../render/flow-svg.ts';
import { cssProps } from '../shared/css-props.ts';
import { download } from '../shared/download.ts';
import { flowTableView, svgToPng } from './table.ts';
import { flowStyles } from './styles.ts';

const OVERSCAN = 8;
const AXIS = 44;
const ZOOM = 1.5;
/** Connectors that only cross the view (neither end in it) are drawn up to this many. */
const CROSSING_MAX = 300;

const month = (t: number) => isoDay(t).slice(0, 7);
const safeMin = (edtf: string | undefined) => {
  try {
    return edtf ? parseDate(edtf).min : undefined;
  } catch {
    return undefined;
  }
};

export class ApparatFlow extends LitElement {
  static properties = {
    model: { attribute: false },
    at: { type: String },
    hiddenTypes: { attribute: false },
    focusOrgan: { type: String, attribute: 'focus-organ' },
    collapsed: { attribute: false },
    selected: { type: String },
    event: { type: String },
    pxPerYear: { state: true },
    maxDepth: { state: true },
    table: { state: true },
    scrollTop: { state: true },
    viewHeight: { state: true },
    activeRow: { state: true },
    activeEvent: { state: true },
    tip: { state: true },
    dragAt: { state: true },
  };
  declare model: Model | undefined;
  declare at: string;
  declare hiddenTypes: readonly string[];
  declare focusOrgan: string | undefined;
  declare collapsed: readonly string[];
  declare selected: string | undefined;
  declare event: string | undefined;
  declare pxPerYear: number | undefined;
  declare maxDepth: number | undefined;
  declare table: boolean;
  declare scrollTop: number;
  declare viewHeight: number;
  declare activeRow: number;
  declare activeEvent: number;
  declare tip: { text: string; x: number; y: number } | undefined;
  /** The date line's position while it is dragged (ms). */
  declare dragAt: number | undefined;

  static styles = flowStyles;

  private flow?: Flow;
  private titles = new Map<string, string>();
  private focusAfter?: string;
  private viewWidth = 1000;

  constructor() {
    super();
    this.at = '';
    this.hiddenTypes = [];
    this.collapsed = [];
    this.table = false;
    this.scrollTop = 0;
    this.viewHeight = 600;
    this.activeRow = 0;
    this.activeEvent = 0;
  }

  /** The layout drawn now (for tests and the app). */
  get layout(): Flow | undefined {
    return this.flow;
  }

  willUpdate(changed: Map<string, unknown>): void {
    if (!this.model) return (this.flow = undefined);
    if (['model', 'hiddenTypes', 'focusOrgan', 'collapsed', 'maxDepth'].some((k) => changed.has(k)) || !this.flow) {
      this.flow = flowLayout(this.model, { hidden: new Set(this.hiddenTypes), collapsed: new Set(this.collapsed), focus: this.focusOrgan, maxDepth: this.maxDepth });
      this.titles = new Map((this.model.graph.events ?? []).map((e) => [e.id, e.title]));
      this.activeRow = Math.min(this.activeRow, Math.max(0, this.flow.rows.length - 1));
      this.activeEvent = Math.min(this.activeEvent, Math.max(0, this.flow.events.length - 1));
    }
    if (changed.has('model')) this.pxPerYear = undefined;
    if (this.pxPerYear === undefined) this.pxPerYear = this.fitPx();
    if (changed.has('selected') && this.selected) void this.updateComplete.then(() => this.revealOrgan(this.selected!, false));
  }

  /** Fits the period to the width in view, but never below 60 px a year (it scrolls instead). */
  private fitPx(): number {
    const f = this.flow;
    if (!f) return 160;
    const years = (f.period.max - f.period.min) / (365.2425 * 86_400_000);
    return Math.max(60, Math.min(2000, (this.viewWidth - 260 - 40 - 160) / Math.max(0.5, years)));
  }

  firstUpdated(): void {
    // + and − zoom in time wherever the focus is in the flow (before the explorer's chart keys see them).
    this.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || (e.composedPath()[0] as HTMLElement).tagName === 'SELECT') return;
      const factor = e.key === '+' || e.key === '=' ? ZOOM : e.key === '-' ? 1 / ZOOM : undefined;
      if (factor === undefined) return;
      e.preventDefault();
      this.zoomTime(factor);
    });
    new ResizeObserver(() => {
      const box = this.scroller;
      if (!box) return;
      this.viewHeight = box.clientHeight || 600;
      const first = this.viewWidth === 1000;
      this.viewWidth = box.clientWidth || 1000;
      if (first) this.pxPerYear = this.fitPx();
    }).observe(this);
  }

  updated(): void {
    if (this.focusAfter) {
      (this.renderRoot.querySelector(this.focusAfter) as SVGElement | null)?.focus();
      this.focusAfter = undefined;
    }
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector('.scroller');
  }

  private get geometry(): FlowGeometry {
    return flowGeometry(this.flow!, { pxPerYear: this.pxPerYear });
  }

  private get atMs(): number | undefined {
    return this.dragAt ?? safeMin(this.at);
  }

  // --- Public actions ------------------------------------------------------------------------

  /** Scrolls an organ's row (the one at the current date, else its first) into view, and makes it the active row. */
  revealOrgan(id: string, focus = true): void {
    const f = this.flow;
    const rows = f?.rowsOf.get(id);
    if (!f || !rows?.length) return;
    const t = this.atMs ?? f.period.min;
    const row = rows.find((r) => f.rows[r].start.min <= t && f.rows[r].end.max >= t) ?? rows[0];
    this.activeRow = row;
    this.scrollToRow(row);
    if (focus) this.focusAfter = `.row[data-row="${row}"]`;
  }

  /** The whole flow (every row, at this zoom) as an SVG document with vector text. */
  svgText(): string {
    if (!this.flow || !this.model) return '';
    return flowSvg(this.flow, { pxPerYear: this.pxPerYear, title: `${this.model.graph.title}: the hierarchy over time`, at: this.atMs, eventTitle: (id) => this.titles.get(id) });
  }

  /** The whole flow as a PNG, drawn from the SVG at `scale` (capped so the canvas can be allocated). */
  pngBlob(scale = 2): Promise<Blob> {
    return svgToPng(this.svgText(), scale);
  }

  exportSvg(): void {
    download(this.svgText(), `${this.model?.graph.id ?? 'graph'}-flow.svg`, 'image/svg+xml');
  }

  async exportPng(): Promise<void> {
    download(await this.pngBlob(), `${this.model?.graph.id ?? 'graph'}-flow.png`, 'image/png');
  }

  // --- Events up -----------------------------------------------------------------------------


  /** Opens a row: at the date pointed at, or the current date, kept within when the organ certainly existed on this row. */
  private openRow(row: FlowRow, t?: number): void {
    const lo = row.start.max;
    const hi = Math.max(lo, row.end.min);
    const want = t ?? this.atMs ?? lo;
    const when = Math.min(hi, Math.max(lo, want));
    emit(this, 'organ-go', { id: row.organ, at: isoDay(when) });
  }

  // --- Rendering -----------------------------------------------------------------------------

  render() {
    const f = this.flow;
    if (!f || !this.model) return html`<p class="empty">No graph.</p>`;
    const g = this.geometry;
    const levels = Array.from({ length: f.depth + (this.maxDepth !== undefined ? 1 : 0) }, (_, i) => i);
    return html`
      <div class="bar" role="toolbar" aria-label="Flow view">
        <span class="group" role="group" aria-label="Time">
          <button type="button" aria-label="Zoom out in time" @click=${() => this.zoomTime(1 / ZOOM)}>−</button>
          <button type="button" aria-label="Zoom in in time" @click=${() => this.zoomTime(ZOOM)}>+</button>
          <button type="button" @click=${() => (this.pxPerYear = this.fitPx())}>Fit period</button>
        </span>
        <label class="group"
          >Depth
          <select aria-label="Depth shown" @change=${(e: Event) => this.setDepth((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.maxDepth === undefined}>all levels</option>
            ${levels.map((d) => html`<option value=${d} ?selected=${this.maxDepth === d}>${d + 1} level${d ? 's' : ''}</option>`)}
          </select></label
        >
        <span class="muted">${f.rows.length} lines${f.hiddenCount ? `, ${f.hiddenCount} hidden` : ''}</span>
        <span class="sep"></span>
        <button type="button" aria-pressed=${this.table ? 'true' : 'false'} @click=${() => (this.table = !this.table)}>Table</button>
        <button type="button" @click=${() => this.exportSvg()}>SVG</button>
        <button type="button" @click=${() => void this.exportPng()}>PNG</button>
      </div>
      ${this.table ? flowTableView(this.model, f) : this.renderFlow(f, g)}
      ${this.tip ? html`<div class="tip" role="tooltip" style=${cssProps({ left: `${this.tip.x}px`, top: `${this.tip.y}px` })}>${this.tip.text}</div>` : nothing}
    `;
  }

  private renderFlow(f: Flow, g: FlowGeometry) {
    const total = f.rows.length;
    const rowsTop = Math.max(0, this.scrollTop - AXIS);
    const first = Math.max(0, Math.floor(rowsTop / g.rowHeight) - OVERSCAN);
    const last = Math.min(total, Math.ceil((rowsTop + this.viewHeight) / g.rowHeight) + OVERSCAN);
    const visible = f.rows.slice(first, last);
    const active = f.rows[this.activeRow];
    // The active row is always drawn, so that the keyboard focus is never lost.
    if (active && (active.index < first || active.index >= last)) visible.push(active);
    const height = total * g.rowHeight + 8;
    const bandTop = first * g.rowHeight;
    const bandH = (last - first) * g.rowHeight;
    const ends = f.connectors.filter((c) => (c.from >= first && c.from < last) || (c.to >= first && c.to < last));
    const crossing = f.connectors.filter((c) => Math.min(c.from, c.to) < first && Math.max(c.from, c.to) >= last);
    const connectors = crossing.length <= CROSSING_MAX ? [...ends, ...crossing] : ends;
    const at = this.atMs;
    const atX = at !== undefined && at >= f.period.min && at <= f.period.max ? g.x(at) : undefined;
    const marked = new Set<number>();
    const ev = this.event ? f.events.find((e) => e.id === this.event) : undefined;
    for (const r of ev?.rows ?? []) marked.add(r);
    if (total === 0) return html`<p class="empty">Nothing to draw: every line is hidden by the filters.</p>`;
    return html`<div class="scroller" @scroll=${this.onScroll} @wheel=${this.onWheel}>
      <div class="grid" style=${cssProps({ gridTemplateColumns: `${g.gutter}px ${g.width}px`, gridTemplateRows: `${AXIS}px ${height}px` })}>
        <svg class="corner" width=${g.gutter} height=${AXIS} aria-hidden="true">
          ${svg`<text x="10" y="${AXIS - 12}" font-size="12" fill="#5b6475">Organ, by depth</text>`}
        </svg>
        <svg class="axis" width=${g.width} height=${AXIS} role="group" aria-label="Time scale and events">
          ${unsafeSVG(axisSvg(g, f, AXIS - 10))}
          ${f.events.map((e, i) => {
            const x = g.x(e.at.min);
            return svg`<g class="event" data-event=${e.id} role="button" tabindex=${i === this.activeEvent ? 0 : -1}
                aria-label=${`${formatDate(e.date)}: ${e.title}`} aria-pressed=${e.id === this.event ? 'true' : 'false'}
                @click=${() => emit(this, 'event-choose', { id: e.id })} @keydown=${(k: KeyboardEvent) => this.onEventKey(k, i)}
                @pointerenter=${(p: PointerEvent) => this.showTip(`${formatDate(e.date)}: ${e.title}`, p.clientX, p.clientY)}
                @pointerleave=${this.hideTip} @focus=${(fe: FocusEvent) => this.tipFor(fe, `${formatDate(e.date)}: ${e.title}`)} @blur=${this.hideTip}>
              <rect class="hit" x=${x - 6} y=${AXIS - 22} width="12" height="16" fill="transparent"></rect>
              ${unsafeSVG(eventSvg(g, e, 0, AXIS - 18))}</g>`;
          })}
          ${atX !== undefined
            ? svg`<g class="handle" role="slider" tabindex="0" aria-label="Date shown" aria-valuetext=${formatDate(this.dragAt !== undefined ? month(this.dragAt) : this.at)}
                aria-valuemin=${new Date(f.period.min).getUTCFullYear()} aria-valuemax=${new Date(f.period.max).getUTCFullYear()} aria-valuenow=${new Date(at!).getUTCFullYear()}
                @keydown=${this.onDateKey} @pointerdown=${this.onDragStart}>
                <circle cx=${atX} cy=${AXIS - 10} r="7" fill="#8a3a44" stroke="#fff" stroke-width="2"></circle></g>`
            : nothing}
        </svg>
        <svg class="gutter" width=${g.gutter} height=${height} aria-hidden="true">
          ${repeat(visible, (r) => r.index, (r) => svg`<g class="label" data-organ=${r.organ}>${unsafeSVG(gutterSvg(g, r))}</g>`)}
        </svg>
        <svg class="plot" width=${g.width} height=${height} role="group" aria-label="Lines of the organs over time; the arrow keys move between them">
          ${unsafeSVG(gridSvg(g, f, bandTop, bandH))}
          ${f.events.map((e) => unsafeSVG(`<line x1="${g.x(e.at.min)}" y1="${bandTop}" x2="${g.x(e.at.min)}" y2="${bandTop + bandH}" stroke="${e.id === this.event ? '#8a3a44' : '#5b6475'}" stroke-width="1" stroke-dasharray="2 4" stroke-opacity="${e.id === this.event ? 0.9 : 0.25}"/>`))}
          ${repeat(visible, (r) => r.index, (r) => this.renderRow(g, f, r, r.organ === this.selected || marked.has(r.index)))}
          ${connectors.map((c) => unsafeSVG(connectorSvg(g, c, c.event ? this.titles.get(c.event) : undefined)))}
          ${atX !== undefined ? svg`<line class="dateline" x1=${atX} y1=${bandTop} x2=${atX} y2=${bandTop + bandH} stroke="#8a3a44" stroke-width="2" @pointerdown=${this.onDragStart}></line>` : nothing}
        </svg>
      </div>
    </div>`;
  }

  private renderRow(g: FlowGeometry, f: Flow, r: FlowRow, marked: boolean) {
    const y = g.y(r.index);
    const x1 = g.x(r.start.min);
    const x2 = Math.max(g.x(r.end.max), x1 + 4);
    const title = rowTitle(r, (id) => this.titles.get(id));
    return svg`<g class="row" data-organ=${r.organ} data-row=${r.index} role="button" aria-label=${title} aria-pressed=${r.organ === this.selected ? 'true' : 'false'}
        tabindex=${r.index === this.activeRow ? 0 : -1}
        @click=${(e: MouseEvent) => this.onRowClick(e, r)} @keydown=${(e: KeyboardEvent) => this.onRowKey(e, r)}
        @pointerenter=${(e: PointerEvent) => this.showTip(title, e.clientX, e.clientY)} @pointerleave=${this.hideTip}
        @focus=${(e: FocusEvent) => this.tipFor(e, title)} @blur=${this.hideTip}>
      ${marked ? svg`<rect x=${x1 - 4} y=${y - g.rowHeight * 0.68 + 1} width=${x2 - x1 + 8} height=${g.rowHeight - 2} rx="3" fill="#f1d9a7" fill-opacity="0.7"></rect>` : nothing}
      <rect class="hit" x=${x1 - 2} y=${y - 9} width=${x2 - x1 + 4} height="16" rx="3" fill="transparent"></rect>
      ${unsafeSVG(rowSvg(g, f, r))}
    </g>`;
  }

  // --- Interaction ---------------------------------------------------------------------------

  private onScroll = (e: Event) => {
    this.scrollTop = (e.target as HTMLElement).scrollTop;
    this.tip = undefined;
  };

  /** Ctrl (or ⌘) with the wheel zooms in time around the pointer; the wheel alone scrolls. */
  private onWheel = (e: WheelEvent) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    const box = this.scroller!;
    const px = e.clientX - box.getBoundingClientRect().left + box.scrollLeft - this.geometry.gutter;
    this.zoomTime(e.deltaY < 0 ? 1.2 : 1 / 1.2, px);
  };

  /** Zooms in time keeping the instant at `px` (by default the middle of the view) where it is. */
  zoomTime(factor: number, px?: number): void {
    const box = this.scroller;
    const f = this.flow;
    if (!f || !box) return;
    const g = this.geometry;
    const anchorPx = px ?? box.scrollLeft + (box.clientWidth - g.gutter) / 2;
    const t = xTime(f.period, g.pxPerYear, 12)(anchorPx);
    const next = Math.max(40, Math.min(6000, g.pxPerYear * factor));
    this.pxPerYear = next;
    void this.updateComplete.then(() => {
      const g2 = this.geometry;
      box.scrollLeft = Math.max(0, g2.x(t) - (anchorPx - box.scrollLeft));
    });
  }

  private setDepth(v: string): void {
    this.maxDepth = v === '' ? undefined : Number(v);
  }

  private scrollToRow(i: number): void {
    const box = this.scroller;
    if (!box) return;
    const g = this.geometry;
    const top = AXIS + i * g.rowHeight;
    if (top - AXIS < box.scrollTop) box.scrollTop = top - AXIS;
    else if (top + g.rowHeight > box.scrollTop + box.clientHeight) box.scrollTop = top + g.rowHeight - box.clientHeight + 4;
    const r = this.flow!.rows[i];
    const x = g.gutter + g.x(r.start.min);
    if (x - 40 < box.scrollLeft + g.gutter || x > box.scrollLeft + box.clientWidth) box.scrollLeft = Math.max(0, x - g.gutter - 40);
    this.scrollTop = box.scrollTop;
  }

  private onRowClick(e: MouseEvent, r: FlowRow): void {
    const svgEl = (e.currentTarget as SVGGElement).ownerSVGElement!;
    const x = e.clientX - svgEl.getBoundingClientRect().left;
    this.activeRow = r.index;
    this.openRow(r, xTime(this.flow!.period, this.geometry.pxPerYear, 12)(x));
  }

  private onRowKey(e: KeyboardEvent, r: FlowRow): void {
    const f = this.flow!;
    const page = Math.max(1, Math.floor(this.viewHeight / this.geometry.rowHeight) - 2);
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowDown': next = r.index + 1; break;
      case 'ArrowUp': next = r.index - 1; break;
      case 'PageDown': next = r.index + page; break;
      case 'PageUp': next = r.index - page; break;
      case 'Home': next = 0; break;
      case 'End': next = f.rows.length - 1; break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        // Follow the organ: its next (previous) row, or where a connector from (to) this row leads.
        const forward = e.key === 'ArrowRight';
        const own = f.rowsOf.get(r.organ) ?? [];
        const k = own.indexOf(r.index) + (forward ? 1 : -1);
        const link = f.connectors.find((c) => (forward ? c.from === r.index : c.to === r.index));
        next = own[k] ?? (link ? (forward ? link.to : link.from) : undefined);
        if (next === undefined) return;
        break;
      }
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.openRow(r);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
    next = Math.max(0, Math.min(f.rows.length - 1, next));
    this.activeRow = next;
    this.scrollToRow(next);
    this.focusAfter = `.row[data-row="${next}"]`;
  }

  private onEventKey(e: KeyboardEvent, i: number): void {
    const n = this.flow!.events.length;
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = Math.min(n - 1, i + 1);
    else if (e.key === 'ArrowLeft') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      emit(this, 'event-choose', { id: this.flow!.events[i].id });
      return;
    } else return;
    e.preventDefault();
    e.stopPropagation();
    this.activeEvent = next;
    this.focusAfter = `.event[data-event="${CSS.escape(this.flow!.events[next].id)}"]`;
  }

  private onDateKey = (e: KeyboardEvent) => {
    const f = this.flow!;
    const steps: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowUp: 1, ArrowDown: -1, PageUp: 12, PageDown: -12 };
    const d = new Date(this.atMs ?? f.period.min);
    let t: number;
    if (e.key in steps) t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + steps[e.key], 1);
    else if (e.key === 'Home') t = f.period.min;
    else if (e.key === 'End') t = f.period.max;
    else return;
    e.preventDefault();
    e.stopPropagation();
    t = Math.max(f.period.min, Math.min(f.period.max, t));
    emit(this, 'date-change', { at: month(t) });
  };

  private onDragStart = (e: PointerEvent) => {
    const target = e.currentTarget as Element;
    const svgEl = (target as SVGElement).ownerSVGElement!;
    const f = this.flow!;
    const toTime = (clientX: number) => {
      const t = xTime(f.period, this.geometry.pxPerYear, 12)(clientX - svgEl.getBoundingClientRect().left);
      return Math.max(f.period.min, Math.min(f.period.max, t));
    };
    (target as Element).setPointerCapture?.(e.pointerId);
    e.preventDefault();
    const move = (m: PointerEvent) => {
      this.dragAt = toTime(m.clientX);
      emit(this, 'date-input', { at: month(this.dragAt) });
    };
    const up = (u: PointerEvent) => {
      target.removeEventListener('pointermove', move as EventListener);
      target.removeEventListener('pointerup', up as EventListener);
      target.removeEventListener('pointercancel', up as EventListener);
      const t = toTime(u.clientX);
      this.dragAt = undefined;
      emit(this, 'date-change', { at: month(t) });
    };
    target.addEventListener('pointermove', move as EventListener);
    target.addEventListener('pointerup', up as EventListener);
    target.addEventListener('pointercancel', up as EventListener);
  };

  private showTip(text: string, clientX: number, clientY: number): void {
    const box = this.getBoundingClientRect();
    this.tip = { text, x: Math.min(box.width - 300, clientX - box.left + 12), y: clientY - box.top + 16 };
  }

  private tipFor(e: FocusEvent, text: string): void {
    const r = (e.currentTarget as Element).getBoundingClientRect();
    this.showTip(text, r.left, r.top + 10);
  }

  private hideTip = () => {
    this.tip = undefined;
  };
}

customElements.define('apparat-flow', ApparatFlow);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-flow': ApparatFlow;
  }
}
