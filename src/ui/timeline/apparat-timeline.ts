/**
 * <apparat-timeline>: a slider over the graph's period, month by month, with a tick per
 * restructuring event, previous/next event buttons, and play/pause.
 *
 * Ticks never cover one another (src/render/ticks.ts): close ones are spread a little, or drawn as
 * one group tick with a count that opens a short list of its events; a click on the track opens the
 * tick nearest to it, so a click opens the event it shows. The date beside the slider has a fixed
 * width, so the slider (and its ticks) keep their place while stepping.
 *
 * Play steps event by event in stepping order (`events` as given: src/model/steps.ts `stepOrder`),
 * pausing at each (`pause` ms, 2 s by default, shortened or lengthened by the speed control), and
 * stops after the last. With reduced motion the chart does not glide; the change is still marked.
 *
 * Properties: `period` {min, max} (ms), `at` (EDTF), `events` (in stepping order), `current` (event id).
 * Events: `date-input` {at} while dragging, `date-change` {at, replace?} when a date is chosen,
 * `event-choose` {id} for a tick, the previous/next buttons and each step of Play.
 */
import { emit } from '../shared/events.ts';
import { LitElement, html, nothing, svg } from 'lit';
import { cssProps } from '../shared/css-props.ts';
import { formatDate, parseDate } from '../../model/dates.ts';
import type { ChangeEvent } from '../../model/types.ts';
import { layoutTicks, tickAt, yearLabels, type Tick } from '../../render/ticks.ts';
import { timelineStyles } from './styles.ts';

const THUMB = 18;
/** The least distance between two drawn ticks, px: a tick is 10 px wide, so they never touch. */
const TICK_GAP = 14;
/** Play's pause at each event at 1× (ms). */
export const PLAY_PAUSE = 2000;
/** Play's speeds: the pause at each event is `PLAY_PAUSE / speed`. */
export const PLAY_SPEEDS = [0.5, 1, 2, 4] as const;
/** A date label longer than this is set smaller (on two lines if need be) within the same width. */
const LONG_DATE = 17;

const ICONS = {
  prev: 'M4 3h2v10H4zM13 3v10L6.5 8z',
  next: 'M10 3h2v10h-2zM3 3v10l6.5-5z',
  play: 'M4.5 2.5v11l9-5.5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
};
const icon = (name: keyof typeof ICONS) => html`<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">${svg`<path d=${ICONS[name]} fill="currentColor" />`}</svg>`;

function monthIndex(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}
function monthEdtf(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}
function safeMin(edtf: string): number | undefined {
  try {
    const s = parseDate(edtf);
    return Number.isFinite(s.min) ? s.min : undefined;
  } catch {
    return undefined;
  }
}


/** Where a fraction of the track lies, centred under the slider's thumb. */
const at = (f: number) => `calc(${f} * (100% - ${THUMB}px) + ${THUMB / 2}px)`;

export class ApparatTimeline extends LitElement {
  static properties = {
    period: { attribute: false },
    at: { type: String },
    events: { attribute: false },
    current: { type: String },
    compare: { type: String },
    playing: { state: true },
    speed: { type: Number },
    trackWidth: { state: true },
    openGroup: { state: true },
  };
  declare period: { min: number; max: number } | undefined;
  declare at: string;
  declare events: ChangeEvent[];
  declare current: string | undefined;
  /** A second date being compared with, marked on the track. */
  declare compare: string | undefined;
  declare playing: boolean;
  /** Play's speed: 1 pauses `PLAY_PAUSE` ms at each event, 2 half as long. */
  declare speed: number;
  /** The slider's width in px (ticks are laid out in it). */
  declare trackWidth: number;
  /** The group tick whose list of events is open (its first event's id). */
  declare openGroup: string | undefined;

  static styles = timelineStyles;

  private timer?: number;
  private resizer?: ResizeObserver;

  constructor() {
    super();
    this.at = '';
    this.events = [];
    this.playing = false;
    this.speed = 1;
    this.trackWidth = 0;
  }

  protected firstUpdated(): void {
    const track = this.renderRoot.querySelector('.track') as HTMLElement;
    this.resizer = new ResizeObserver(() => (this.trackWidth = track.clientWidth));
    this.resizer.observe(track);
    this.trackWidth = track.clientWidth;
  }

  /** The ticks as drawn: x in px from the track's left end (the thumb's centre at the first month). */
  ticks(): Tick[] {
    const [lo, hi] = this.range;
    const inner = this.innerWidth;
    const input = this.events.flatMap((e) => {
      const m = safeMin(e.date);
      return m === undefined ? [] : [{ id: e.id, x: this.frac(Math.max(lo, Math.min(hi, monthIndex(m)))) * inner }];
    });
    return layoutTicks(input, { width: inner, minGap: TICK_GAP }).map((t) => ({ ...t, x: t.x + THUMB / 2 }));
  }

  /** The track's width between the thumb's centre at the first month and at the last, px (0 until measured). */
  private get innerWidth(): number {
    return Math.max(0, this.trackWidth - THUMB);
  }

  private get range(): [number, number] {
    if (!this.period) return [0, 0];
    return [monthIndex(this.period.min), monthIndex(this.period.max)];
  }

  private get index(): number {
    const ms = safeMin(this.at);
    const [lo, hi] = this.range;
    return ms === undefined ? lo : Math.max(lo, Math.min(hi, monthIndex(ms)));
  }

  private frac(index: number): number {
    const [lo, hi] = this.range;
    return hi === lo ? 0 : (index - lo) / (hi - lo);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
    this.resizer?.disconnect();
  }

  render() {
    const [lo, hi] = this.range;
    // Year labels as far apart as they need (a century-long graph labels every tenth).
    const inner = this.innerWidth;
    const years = yearLabels(Math.ceil(lo / 12), Math.floor(hi / 12), inner && (hi > lo ? (inner * 12) / (hi - lo) : Infinity));
    const when = formatDate(this.at);
    const ms = safeMin(this.at) ?? 0;
    const prev = this.neighbour(-1, ms);
    const next = this.neighbour(1, ms);
    return html`
      <div class="row">
        <div class="buttons">
          <button type="button" class="prev" ?disabled=${!prev} @click=${() => this.step(-1)} title="Previous event ([)" aria-label="Previous event${prev ? `: ${prev.title}` : ''}">${icon('prev')}</button>
          <button type="button" class="play" @click=${() => this.toggle()} aria-pressed=${this.playing ? 'true' : 'false'} title="Play or pause (P)" aria-label=${this.playing ? 'Pause' : 'Play through the years'}>${icon(this.playing ? 'pause' : 'play')}</button>
          <button type="button" class="next" ?disabled=${!next} @click=${() => this.step(1)} title="Next event (])" aria-label="Next event${next ? `: ${next.title}` : ''}">${icon('next')}</button>
          <label class="speed" title="Play's speed: how long it stays at each event">
            <span class="visually-hidden">Play speed</span>
            <select aria-label="Play speed" @change=${(e: Event) => (this.speed = Number((e.target as HTMLSelectElement).value))}>
              ${PLAY_SPEEDS.map((v) => html`<option value=${v} ?selected=${v === this.speed}>${v}×</option>`)}
            </select>
          </label>
        </div>
        <div class="date" aria-live="polite"><span class="label">Date</span><output for="slider" class=${when.length > LONG_DATE ? 'long' : ''}>${when}</output></div>
        <div class="track">
          <input
            id="slider"
            type="range"
            min=${lo}
            max=${hi}
            step="1"
            .value=${String(this.index)}
            aria-label="Date"
            aria-valuetext=${when}
            @input=${this.onInput}
            @change=${this.onChange}
          />
          <div class="ticks" role="group" aria-label="Restructuring events (arrow keys move between them)" @keydown=${this.onTickKey} @click=${this.onTrackClick}>
            ${this.trackWidth ? this.ticks().map((t) => this.renderTick(t)) : nothing}
          </div>
          ${this.compare && safeMin(this.compare) !== undefined
            ? html`<span
                class="compare"
                style=${cssProps({ left: at(this.frac(Math.max(lo, Math.min(hi, monthIndex(safeMin(this.compare)!))))) })}
                title="Compared with ${formatDate(this.compare)}"
                aria-hidden="true"
              ></span>`
            : nothing}
          <div class="years" aria-hidden="true">
            ${years.map((y) => html`<span style=${cssProps({ left: at(this.frac(y * 12)) })}>${y}</span>`)}
          </div>
        </div>
      </div>
    `;
  }

  private renderTick(t: Tick) {
    const events = t.ids.map((id) => this.events.find((e) => e.id === id)!);
    const label = (e: ChangeEvent) => `${formatDate(e.date)}: ${e.title}`;
    const current = this.current !== undefined && t.ids.includes(this.current);
    const stop = this.tickStop !== undefined && t.ids.includes(this.tickStop);
    const pos = cssProps({ left: `${t.x}px` });
    if (events.length === 1)
      return html`<button type="button" class="tick ${current ? 'current' : ''}" tabindex=${stop ? 0 : -1} style=${pos} aria-label=${label(events[0])} data-event=${t.ids[0]}
        @click=${(e: Event) => {
          e.stopPropagation();
          this.choose(t.ids[0]);
        }}
      ><span class="tip" role="tooltip">${label(events[0])}</span></button>`;
    const open = this.openGroup === t.ids[0];
    return html`<button
        type="button"
        class="tick group ${current ? 'current' : ''}"
        tabindex=${stop ? 0 : -1}
        style=${pos}
        aria-haspopup="true"
        aria-expanded=${open ? 'true' : 'false'}
        aria-label=${`${events.length} events: ${events.map(label).join('; ')}`}
        data-events=${t.ids.join(' ')}
        @click=${(e: Event) => {
          e.stopPropagation();
          this.toggleGroup(t);
        }}
      >${events.length}${open ? nothing : html`<span class="tip" role="tooltip">${events.length} events, ${formatDate(events[0].date)} to ${formatDate(events.at(-1)!.date)}</span>`}</button
      >${open
        ? html`<ul class="group-list" role="list" style=${pos} aria-label="Events at this tick" @keydown=${this.onGroupKey}>
            ${events.map(
              (e) => html`<li><button type="button" class=${e.id === this.current ? 'current' : ''} data-event=${e.id} @click=${(ev: Event) => {
                ev.stopPropagation();
                this.openGroup = undefined;
                this.choose(e.id);
              }}><span class="when">${formatDate(e.date)}</span> ${e.title}</button></li>`,
            )}
          </ul>`
        : nothing}`;
  }

  private toggleGroup(t: Tick): void {
    this.openGroup = this.openGroup === t.ids[0] ? undefined : t.ids[0];
    if (this.openGroup) void this.updateComplete.then(() => (this.renderRoot.querySelector('.group-list button') as HTMLElement | null)?.focus());
  }

  private onGroupKey = (e: KeyboardEvent) => {
    const items = [...this.renderRoot.querySelectorAll('.group-list button')] as HTMLElement[];
    const i = items.indexOf(e.composedPath()[0] as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      const first = this.openGroup;
      this.openGroup = undefined;
      void this.updateComplete.then(() => (this.renderRoot.querySelector(`.tick.group[data-events^="${first}"]`) as HTMLElement | null)?.focus());
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  /** A click on the strip of ticks, between them: the nearest tick opens (half the least gap away at most). */
  private onTrackClick = (e: MouseEvent) => {
    const strip = e.currentTarget as HTMLElement;
    const x = e.clientX - strip.getBoundingClientRect().left;
    const t = tickAt(this.ticks(), x, TICK_GAP / 2);
    if (!t) return;
    if (t.ids.length === 1) this.choose(t.ids[0]);
    else this.toggleGroup(t);
  };

  /** The one tick in the tab order: the current event, or the next one after the date. */
  private get tickStop(): string | undefined {
    if (this.current) return this.current;
    return (this.neighbour(1, safeMin(this.at) ?? 0) ?? this.events.at(-1))?.id;
  }

  private onTickKey = (e: KeyboardEvent) => {
    if ((e.composedPath()[0] as HTMLElement).closest?.('.group-list')) return;
    const ticks = [...this.renderRoot.querySelectorAll('.tick')] as HTMLElement[];
    const i = ticks.indexOf(e.composedPath()[0] as HTMLElement);
    if (i < 0) return;
    let j: number | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') j = Math.min(ticks.length - 1, i + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') j = Math.max(0, i - 1);
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = ticks.length - 1;
    if (j === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    ticks.forEach((t, k) => (t.tabIndex = k === j ? 0 : -1));
    ticks[j].focus();
  };

  private onInput = (e: Event) => {
    const at = monthEdtf(Number((e.target as HTMLInputElement).value));
    emit(this, 'date-input', { at });
  };

  private onChange = (e: Event) => {
    const at = monthEdtf(Number((e.target as HTMLInputElement).value));
    emit(this, 'date-change', { at });
  };

  private neighbour(dir: 1 | -1, ms: number): ChangeEvent | undefined {
    const list = this.events.filter((e) => safeMin(e.date) !== undefined);
    const cur = this.current ? list.findIndex((e) => e.id === this.current) : -1;
    if (cur >= 0) return list[cur + dir];
    return dir > 0 ? list.find((e) => safeMin(e.date)! > ms) : [...list].reverse().find((e) => safeMin(e.date)! < ms);
  }

  /** Jumps to the previous (-1) or next (1) event. */
  step(dir: 1 | -1): void {
    const e = this.neighbour(dir, safeMin(this.at) ?? 0);
    if (e) this.choose(e.id);
  }

  private choose(id: string): void {
    emit(this, 'event-choose', { id });
  }

  toggle(): void {
    if (this.playing) this.stop();
    else this.play();
  }

  /**
   * Plays the events one by one from the one after the current event or date (from the first when
   * at the end), pausing at each, and stops after the last.
   */
  play(): void {
    this.stop();
    const list = this.events.filter((e) => safeMin(e.date) !== undefined);
    if (!list.length) return;
    const first = this.neighbour(1, safeMin(this.at) ?? 0) ?? list[0];
    this.playing = true;
    const show = (i: number) => {
      this.choose(list[i].id);
      if (i + 1 >= list.length) {
        // The last event stays on screen; Play is over.
        this.stop();
        return;
      }
      this.timer = window.setTimeout(() => show(i + 1), PLAY_PAUSE / this.speed);
    };
    show(list.indexOf(first));
  }

  stop(): void {
    this.playing = false;
    if (this.timer !== undefined) window.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

customElements.define('apparat-timeline', ApparatTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-timeline': ApparatTimeline;
  }
}
