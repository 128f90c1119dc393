/**
 * <apparat-speaker>: the speaker view, in a window of its own (`?story=<id>&step=<n>&view=speaker`):
 * the step counter, a timer and the clock, the current step's caption, citation and notes, and
 * the next step's caption. It follows the stage and steps it (BroadcastChannel, both ways); the
 * presentation keys work here too.
 *
 * Properties: `loaded`, `story` (its id), `step` (1-based).
 */
import { LitElement, css, html, nothing } from 'lit';
import type { LoadedGraph } from '../../io/graph-file.ts';
import { formatDate } from '../../model/dates.ts';
import { renderCaption } from './caption.ts';
import { openChannel, type PresentationChannel } from './channel.ts';
import { presenterAction } from './keys.ts';
import { storiesOf, type StoryEntry } from './stories.ts';
import { emit } from '../shared/events.ts';

const two = (n: number) => String(n).padStart(2, '0');

export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  return h ? `${h}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${two(Math.floor(s / 60))}:${two(s % 60)}`;
}

export class ApparatSpeaker extends LitElement {
  static properties = {
    loaded: { attribute: false },
    story: { type: String },
    step: { type: Number },
    black: { state: true },
    connected: { state: true },
    now: { state: true },
  };
  declare loaded: LoadedGraph[] | undefined;
  declare story: string;
  declare step: number;
  declare black: boolean;
  /** A stage has answered. */
  declare connected: boolean;
  declare now: number;

  private channel?: PresentationChannel;
  private started = Date.now();
  private paused?: number;
  private ticker?: number;

  constructor() {
    super();
    this.step = 1;
    this.black = false;
    this.connected = false;
    this.now = Date.now();
  }

  get entry(): StoryEntry | undefined {
    return storiesOf(this.loaded ?? []).find((s) => s.id === this.story);
  }

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey, true);
    this.channel = openChannel((m) => {
      if (m.story !== this.story) return;
      if (m.type === 'step') {
        this.connected = true;
        this.black = m.black;
        this.setStep(m.step);
      } else if (m.type === 'black') this.black = m.black;
    });
    this.channel.post({ type: 'hello', story: this.story });
    this.ticker = window.setInterval(() => (this.now = Date.now()), 1000);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey, true);
    this.channel?.close();
    clearInterval(this.ticker);
  }

  private setStep(n: number): void {
    const count = this.entry?.steps.length ?? 1;
    this.step = Math.max(1, Math.min(count, n));
    emit(this, 'story-step', { step: this.step });
    if (this.entry) document.title = `Speaker view ${this.step} / ${count} — ${this.entry.title}`;
  }

  /** Moves here and asks the stage to follow. */
  go(n: number): void {
    this.setStep(n);
    this.channel?.post({ type: 'go', story: this.story, step: this.step });
  }

  private toggleBlack(): void {
    this.black = !this.black;
    this.channel?.post({ type: 'black', story: this.story, black: this.black });
  }

  private toggleTimer(): void {
    if (this.paused !== undefined) {
      this.started += Date.now() - this.paused;
      this.paused = undefined;
    } else this.paused = Date.now();
    this.now = Date.now();
  }

  private resetTimer(): void {
    this.started = Date.now();
    if (this.paused !== undefined) this.paused = this.started;
    this.now = Date.now();
  }

  private onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target?.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
    const count = this.entry?.steps.length ?? 1;
    switch (presenterAction(e)) {
      case 'next':
        this.go(this.step + 1);
        break;
      case 'previous':
        this.go(this.step - 1);
        break;
      case 'first':
        this.go(1);
        break;
      case 'last':
        this.go(count);
        break;
      case 'black':
        this.toggleBlack();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  render() {
    const entry = this.entry;
    if (!entry) return html`<p class="missing" role="alert">There is no story “${this.story}” among the loaded files.</p>`;
    const count = entry.steps.length;
    const step = entry.steps[this.step - 1];
    const next = entry.steps[this.step];
    const elapsed = (this.paused ?? this.now) - this.started;
    const clock = new Date(this.now);
    return html`
      <header>
        <h1>${entry.title}</h1>
        <span class="counter" aria-label=${`Step ${this.step} of ${count}`}>${this.step} / ${count}</span>
        <span class="timer" role="timer" aria-label="Time since the speaker view opened">${formatElapsed(elapsed)}</span>
        <button type="button" @click=${() => this.toggleTimer()}>${this.paused !== undefined ? 'Resume' : 'Pause'}</button>
        <button type="button" @click=${() => this.resetTimer()}>Reset</button>
        <span class="clock">${two(clock.getHours())}:${two(clock.getMinutes())}</span>
      </header>
      <p class="status" role="status">
        ${this.connected ? 'In step with the presentation.' : 'Waiting for the presentation window (keys here still step through the story).'}
        ${this.black ? html`<strong>The screen is black (B).</strong>` : nothing}
      </p>
      <main tabindex="0">
        <section class="now" aria-labelledby="now-h">
          <h2 id="now-h">Now <span>${this.loaded?.find((l) => l.graph?.id === step.graph)?.graph?.title ?? step.graph} · ${step.to ? `${formatDate(step.at)} → ${formatDate(step.to)}` : formatDate(step.at)}</span></h2>
          <div class="caption current">${renderCaption(step.caption)}</div>
          <p class="citation"><span class="src">Source</span> ${step.citation}</p>
          <h2>Notes</h2>
          <div class="notes">${step.notes ? renderCaption(step.notes) : html`<p class="muted">No notes for this step.</p>`}</div>
        </section>
        <section class="next" aria-labelledby="next-h">
          <h2 id="next-h">Next</h2>
          ${next ? html`<div class="caption upcoming">${renderCaption(next.caption)}</div>` : html`<p class="muted upcoming">The end of the story.</p>`}
        </section>
      </main>
      <nav aria-label="Steps">
        <button type="button" @click=${() => this.go(this.step - 1)} ?disabled=${this.step <= 1}>← Previous</button>
        <button type="button" @click=${() => this.go(this.step + 1)} ?disabled=${this.step >= count}>Next →</button>
        <button type="button" @click=${() => this.toggleBlack()}>${this.black ? 'Show the screen' : 'Black screen'}</button>
      </nav>
    `;
  }

  static styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: 100;
      display: grid;
      grid-template-rows: auto auto 1fr auto;
      background: #15181f;
      color: #f7f4ee;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
      font-size: 18px;
    }
    header {
      display: flex;
      align-items: center;
      gap: 1rem;
      padding: 0.8rem 1.2rem;
      border-bottom: 1px solid #3a3f4b;
      flex-wrap: wrap;
    }
    h1 {
      font-size: 1.05rem;
      margin: 0 auto 0 0;
      font-weight: 600;
      color: #d6d0c4;
    }
    .counter,
    .timer,
    .clock {
      font-variant-numeric: tabular-nums;
      font-weight: 700;
    }
    .counter {
      font-size: 2rem;
    }
    .timer {
      font-size: 2rem;
      color: #ffd27a;
    }
    .clock {
      font-size: 1.3rem;
      color: #c9c3b6;
    }
    .status {
      margin: 0;
      padding: 0.4rem 1.2rem;
      font-size: 0.9rem;
      color: #c9c3b6;
    }
    .status strong {
      color: #ff9a9a;
      margin-left: 0.5rem;
    }
    main {
      display: grid;
      grid-template-columns: 3fr 2fr;
      gap: 1.6rem;
      padding: 0.6rem 1.2rem;
      min-height: 0;
      overflow: auto;
    }
    h2 {
      font-size: 0.85rem;
      text-transform: uppercase;
      letter-spacing: 0.09em;
      color: #ffd27a;
      margin: 0.6rem 0 0.4rem;
    }
    h2 span {
      text-transform: none;
      letter-spacing: 0;
      color: #c9c3b6;
      font-weight: 400;
      margin-left: 0.4rem;
    }
    .caption.current {
      font-size: 1.35rem;
      line-height: 1.4;
    }
    .caption p,
    .notes p {
      margin: 0 0 0.6em;
    }
    .caption strong {
      color: #ffd27a;
    }
    .citation {
      color: #d6d0c4;
      font-size: 0.95rem;
    }
    .src {
      text-transform: uppercase;
      letter-spacing: 0.08em;
      font-size: 0.75em;
      font-weight: 700;
      color: #ffd27a;
      margin-right: 0.3em;
    }
    .notes {
      font-size: 1.15rem;
      line-height: 1.5;
      background: #1f232c;
      border-radius: 8px;
      padding: 0.8rem 1rem;
    }
    .next .caption {
      color: #c9c3b6;
      font-size: 1.1rem;
      line-height: 1.4;
    }
    .muted {
      color: #a8a297;
    }
    nav {
      display: flex;
      gap: 0.6rem;
      padding: 0.8rem 1.2rem;
      border-top: 1px solid #3a3f4b;
    }
    button {
      font: inherit;
      font-size: 1rem;
      padding: 0.45rem 1rem;
      border-radius: 7px;
      border: 1px solid #5a6070;
      background: #262b36;
      color: #f7f4ee;
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.4;
    }
    button:focus-visible {
      outline: 3px solid #7fb0ff;
      outline-offset: 2px;
    }
    .missing {
      padding: 2rem;
    }
  `;
}

customElements.define('apparat-speaker', ApparatSpeaker);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-speaker': ApparatSpeaker;
  }
}
