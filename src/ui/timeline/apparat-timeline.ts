/**
 * <apparat-timeline>: a slider over the graph's period, month by month, with a tick per
 * restructuring event, previous/next event buttons, and play/pause.
 *
 * Properties: `period` {min, max} (ms), `at` (EDTF), `events` (in date order), `current` (event id).
 * Events: `date-input` {at} while dragging, `date-change` {at, replace?} when a date is chosen,
 * `event-choose` {id} for a tick or the previous/next buttons.
 */
import { emit } from '../shared/events.ts';
import { LitElement, html, nothing, svg } from 'lit';
import { cssProps } from '../shared/css-props.ts';
import { formatDate, parseDate } from '../../model/dates.ts';
import type { ChangeEvent } from '../../model/types.ts';
import { timelineStyles } from './styles.ts';

const THUMB = 18;

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
  };
  declare period: { min: number; max: number } | undefined;
  declare at: string;
  declare events: ChangeEvent[];
  declare current: string | undefined;
  /** A second date being compared with, marked on the track. */
  declare compare: string | undefined;
  declare playing: boolean;

  static styles = timelineStyles;

  private timer?: number;

  constructor() {
    super();
    this.at = '';
    this.events = [];
    this.playing = false;
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
  }

  render() {
    const [lo, hi] = this.range;
    const years: number[] = [];
    for (let y = Math.ceil(lo / 12); y * 12 <= hi; y++) years.push(y);
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
        </div>
        <div class="date" aria-live="polite"><span class="label">Date</span><output for="slider">${when}</output></div>
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
          <div class="ticks" role="group" aria-label="Restructuring events (arrow keys move between them)" @keydown=${this.onTickKey}>
            ${this.events.map((e) => {
              const m = safeMin(e.date);
              if (m === undefined) return nothing;
              const f = this.frac(Math.max(lo, Math.min(hi, monthIndex(m))));
              return html`<button
                type="button"
                class="tick ${e.id === this.current ? 'current' : ''}"
                tabindex=${e.id === this.tickStop ? 0 : -1}
                style=${cssProps({ left: at(f) })}
                aria-label="${formatDate(e.date)}: ${e.title}"
                data-event=${e.id}
                @click=${() => this.choose(e.id)}
              ><span class="tip" role="tooltip">${formatDate(e.date)}: ${e.title}</span></button>`;
            })}
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

  /** The one tick in the tab order: the current event, or the next one after the date. */
  private get tickStop(): string | undefined {
    if (this.current) return this.current;
    return (this.neighbour(1, safeMin(this.at) ?? 0) ?? this.events.at(-1))?.id;
  }

  private onTickKey = (e: KeyboardEvent) => {
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

  play(): void {
    const [, hi] = this.range;
    if (this.index >= hi) emit(this, 'date-change', { at: monthEdtf(this.range[0]) });
    this.playing = true;
    this.timer = window.setInterval(() => {
      const next = this.index + 1;
      if (next > this.range[1]) return this.stop();
      emit(this, 'date-change', { at: monthEdtf(next), replace: true });
    }, 650);
  }

  stop(): void {
    this.playing = false;
    if (this.timer !== undefined) window.clearInterval(this.timer);
    this.timer = undefined;
  }
}

customElements.define('apparat-timeline', ApparatTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-timeline': ApparatTimeline;
  }
}
