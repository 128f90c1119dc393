/**
 * <apparat-presentation>: a story on a stage — the chart large, the caption and its citation in
 * type that reads from the back of a room, a step counter, and a URL per step
 * (`?story=<id>&step=<n>`). Keys: → Space PageDown next; ← PageUp previous; Home, End; F full
 * screen; B (or .) black screen; S speaker view; Esc leaves. A speaker view in another window
 * stays in step through a BroadcastChannel. Printing gives a handout, one step per page.
 *
 * Properties: `loaded` (the loaded files), `story` (its id), `step` (1-based).
 * Events: `story-step` {step} (the explorer writes the URL and history, and passes the step back),
 * `presentation-exit` {graph, at, select}: the step's graph, date and focus to continue with in the explorer
 * (which keeps its own filters: the story's hidden types are the story's).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { emit } from '../shared/events.ts';
import { cssProps } from '../shared/css-props.ts';
import type { LoadedGraph } from '../../io/graph-file.ts';
import type { ViewTree } from '../../layout/view.ts';
import { formatDate } from '../../model/dates.ts';
import type { Model } from '../../model/model.ts';
import '../chart/apparat-chart.ts';
import type { ApparatChart } from '../chart/apparat-chart.ts';
import { download } from '../shared/download.ts';
import { renderCaption } from './caption.ts';
import { openChannel, type PresentationChannel } from './channel.ts';
import { presenterAction } from './keys.ts';
import { stepFrames, stepTree, storiesOf, type Room, type StoryEntry } from './stories.ts';
import { modelFor, storyUrl } from './story-url.ts';
import { presentationStyles } from './styles.ts';

/** How long each date of an animated step (`at` → `to`) is shown. */
const FRAME_MS = 1100;
/** The chart's own transition (organs glide, fade in and out). */
const GLIDE_MS = 460;
/** The camera's move to a step's organs. */
const AIM_MS = 550;
/** Px the camera keeps clear around a step's organs. */
const PAD = 28;

export interface HandoutPage {
  n: number;
  svg?: string;
}

export class ApparatPresentation extends LitElement {
  static properties = {
    loaded: { attribute: false },
    story: { type: String },
    step: { type: Number },
    black: { type: Boolean, reflect: true },
    frame: { state: true },
    full: { state: true },
    handout: { state: true },
    idle: { type: Boolean, reflect: true },
  };
  declare loaded: LoadedGraph[] | undefined;
  declare story: string;
  /** The step shown, 1-based. */
  declare step: number;
  declare black: boolean;
  /** The date the chart shows now (it moves from `at` to `to` in an animated step). */
  declare frame: string | undefined;
  declare full: boolean;
  /** The handout's chart pictures (SVG text), one per step, drawn in the background. */
  declare handout: (string | undefined)[];
  /** No pointer movement for a while: the controls fade out. */
  declare idle: boolean;

  static styles = presentationStyles;

  private channel?: PresentationChannel;
  private run = 0;
  private idleTimer?: number;
  private handoutRun?: Promise<void>;
  private speaker: Window | null = null;

  constructor() {
    super();
    this.step = 1;
    this.black = false;
    this.full = false;
    this.handout = [];
    this.idle = false;
  }

  get entry(): StoryEntry | undefined {
    return storiesOf(this.loaded ?? []).find((s) => s.id === this.story);
  }

  private modelOf(id: string): Model | undefined {
    const g = this.loaded?.find((l) => l.graph?.id === id)?.graph;
    return g ? modelFor(g) : undefined;
  }

  get chart(): ApparatChart | null {
    return this.renderRoot.querySelector('apparat-chart.stage-chart');
  }

  connectedCallback(): void {
    super.connectedCallback();
    // Capture on window: the presentation's keys reach it before the explorer's shortcuts.
    window.addEventListener('keydown', this.onKey, true);
    document.addEventListener('fullscreenchange', this.onFullscreen);
    window.addEventListener('pointermove', this.onPointer);
    window.addEventListener('resize', this.onResize);
    this.channel = openChannel((m) => {
      if (m.story !== this.story) return;
      if (m.type === 'go') this.go(m.step);
      else if (m.type === 'black') this.black = m.black;
      else if (m.type === 'hello') this.announce();
    });
    this.onPointer();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey, true);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    window.removeEventListener('pointermove', this.onPointer);
    window.removeEventListener('resize', this.onResize);
    this.channel?.close();
    this.run++;
    clearTimeout(this.idleTimer);
  }

  /** The step count of the story. */
  get count(): number {
    return this.entry?.steps.length ?? 0;
  }

  /** Goes to step `n` (clamped); sends `story-step`, and the explorer makes a history entry. */
  go(n: number): void {
    const count = this.count;
    if (!count) return;
    const next = Math.max(1, Math.min(count, Math.round(n)));
    if (next === this.step) return;
    this.step = next;
    emit(this, 'story-step', { step: next });
  }

  next(): void {
    this.go(this.step + 1);
  }

  previous(): void {
    this.go(this.step - 1);
  }

  toggleBlack(): void {
    this.black = !this.black;
    this.channel?.post({ type: 'black', story: this.story, black: this.black });
  }

  async toggleFullscreen(): Promise<void> {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen();
    } catch {
      // Not allowed without a user gesture (a link opened the presentation): F works then.
    }
  }

  /** Opens the speaker view in a window of its own (notes, next step, timer). */
  openSpeaker(): Window | null {
    const url = `${location.pathname}${storyUrl(this.story, this.step, true)}`;
    if (this.speaker && !this.speaker.closed) {
      this.speaker.focus();
      return this.speaker;
    }
    this.speaker = window.open(url, 'apparat-speaker', 'popup,width=1100,height=760');
    return this.speaker;
  }

  exit(): void {
    this.run++;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    const step = this.entry?.steps[this.step - 1];
    emit(this, 'presentation-exit', step ? { graph: step.graph, at: this.frame ?? step.to ?? step.at, select: step.focus?.[0] } : {});
  }

  private announce(): void {
    this.channel?.post({ type: 'step', story: this.story, step: this.step, count: this.count, black: this.black });
  }

  private onFullscreen = () => {
    this.full = Boolean(document.fullscreenElement);
  };

  private onPointer = () => {
    this.idle = false;
    clearTimeout(this.idleTimer);
    this.idleTimer = window.setTimeout(() => (this.idle = true), 2500);
  };

  private onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    // A button of the stage's own controls keeps Space and Enter.
    const onButton = target?.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter');
    const action = onButton ? undefined : presenterAction(e);
    switch (action) {
      case 'next':
        this.next();
        break;
      case 'previous':
        this.previous();
        break;
      case 'first':
        this.go(1);
        break;
      case 'last':
        this.go(this.count);
        break;
      case 'fullscreen':
        void this.toggleFullscreen();
        break;
      case 'black':
        this.toggleBlack();
        break;
      case 'speaker':
        this.openSpeaker();
        break;
      case 'leave':
        if (this.black) this.toggleBlack();
        else this.exit();
        break;
    }
    // No key reaches the explorer underneath while presenting (Tab still moves the focus).
    if (e.key !== 'Tab') e.stopPropagation();
    if (action) e.preventDefault();
  };

  protected willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('step') || changed.has('story') || changed.has('loaded')) && this.entry) {
      this.step = Math.max(1, Math.min(this.count, this.step));
    }
  }

  protected updated(changed: PropertyValues<this>): void {
    this.fitWords();
    if (changed.has('step') || changed.has('story') || changed.has('loaded')) {
      const step = this.entry?.steps[this.step - 1];
      if (step) {
        document.title = `${this.step} / ${this.count} — ${this.entry!.title} — apparat`;
        void Promise.resolve().then(() => this.play());
        this.announce();
        if (!this.handoutRun) this.handoutRun = this.drawHandout();
      }
    }
  }

  /**
   * Long captions shrink (down to 60 %) until the caption and its citation fit the panel, so the
   * citation is never scrolled out of sight.
   */
  private fitWords(): void {
    const words = this.renderRoot.querySelector('.words') as HTMLElement | null;
    if (!words) return;
    let fit = 1;
    // On a phone the caption scrolls rather than shrinking below what reads in the hand.
    const least = matchMedia('(max-width: 700px)').matches ? 0.85 : 0.6;
    words.style.setProperty('--fit', '1');
    while (fit > least && words.scrollHeight > words.clientHeight + 1) {
      fit = Math.round((fit - 0.05) * 100) / 100;
      words.style.setProperty('--fit', String(fit));
    }
  }

  private onResize = () => this.fitWords();

  /** Shows the current step: its dates in turn (an animated step), then the camera on its focus. */
  private async play(): Promise<void> {
    const run = ++this.run;
    const step = this.entry?.steps[this.step - 1];
    const model = step && this.modelOf(step.graph);
    if (!step || !model) return;
    const frames = stepFrames(model, step);
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const shown = reduced ? frames.slice(-1) : frames;
    for (let i = 0; i < shown.length; i++) {
      if (run !== this.run) return;
      this.frame = shown[i];
      this.currentTree = stepTree(model, step, shown[i], this.room());
      this.requestUpdate();
      await this.updateComplete;
      const chart = this.chart;
      if (!chart) return;
      await chart.drawn();
      if (i === 0) {
        await wait(reduced ? 0 : GLIDE_MS);
        if (run !== this.run) return;
        this.aim(chart, step, reduced ? 0 : AIM_MS);
      }
      if (i < shown.length - 1) await wait(FRAME_MS);
    }
    if (shown.length > 1) {
      await wait(GLIDE_MS);
      if (run === this.run && this.chart) this.aim(this.chart, step, AIM_MS);
    }
    // The step is shown when the chart and its camera have come to rest, however long a busy
    // machine takes: a frame for the glide to start, then the chart's own settled signal.
    await new Promise((r) => requestAnimationFrame(r));
    await this.chart?.drawn();
    if (run === this.run) emit(this, 'step-shown', { step: this.step }, { bubbles: false });
  }

  private currentTree?: ViewTree;

  /** Px at the top of the chart that the caption over it (graph and date) covers: kept clear when framing. */
  private captionInset(): number {
    const when = this.renderRoot.querySelector('.when') as HTMLElement | null;
    return when ? when.offsetTop + when.offsetHeight + 8 : 0;
  }

  /** The room the chart gives a step's organs, px (less the caption and the camera's padding). */
  private room(): Room | undefined {
    const chart = this.chart;
    if (!chart || !chart.clientWidth || !chart.clientHeight) return undefined;
    return { width: chart.clientWidth - 2 * PAD, height: chart.clientHeight - this.captionInset() - 2 * PAD };
  }

  private aim(chart: ApparatChart, step: StoryEntry['steps'][number], duration: number): void {
    chart.frame(step, { duration, top: this.captionInset(), pad: PAD });
  }

  /** Resolves when the current step has been shown (its animation and camera done). */
  async shown(): Promise<void> {
    await new Promise<void>((resolve) => this.addEventListener('step-shown', () => resolve(), { once: true }));
  }

  /**
   * The handout's pictures: each step drawn at its last date on a hidden chart, the camera on its
   * focus, written as SVG. Done once in the background; `handoutReady` waits for it.
   */
  private async drawHandout(): Promise<void> {
    const entry = this.entry;
    if (!entry) return;
    await wait(600);
    this.handout = entry.steps.map(() => undefined);
    for (let i = 0; i < entry.steps.length; i++) {
      const step = entry.steps[i];
      const model = this.modelOf(step.graph);
      await this.updateComplete;
      const renderer = this.renderRoot.querySelector('apparat-chart.renderer') as ApparatChart | null;
      if (!model || !renderer) continue;
      const tree = stepTree(model, step, step.to ?? step.at, { width: 1280 - 2 * PAD, height: 760 - 2 * PAD });
      renderer.fitKey = `handout-${i}`;
      renderer.found = new Set(step.highlight ?? []);
      renderer.tree = tree;
      await renderer.updateComplete;
      await renderer.drawn();
      renderer.frame(step);
      const svg = await renderer.svg({ title: `Step ${i + 1}: ${entry.title}`, inView: true });
      this.handout = this.handout.map((s, j) => (j === i ? svg : s));
      await wait(30);
    }
  }

  /** Resolves when every handout page has its picture. */
  async handoutReady(): Promise<void> {
    if (!this.handoutRun) this.handoutRun = this.drawHandout();
    await this.handoutRun;
  }

  /** Prints the handout once its pictures are drawn. */
  async printHandout(): Promise<void> {
    await this.handoutReady();
    await this.updateComplete;
    window.print();
  }

  private fileBase(): string {
    return `${this.story}-step-${this.step}`;
  }

  exportPng(): void {
    const png = this.chart?.png({ scale: 2, full: false });
    if (png) download(png, `${this.fileBase()}.png`);
  }

  async exportSvg(): Promise<void> {
    const svg = await this.chart?.svg({ inView: true, title: this.entry?.steps[this.step - 1]?.caption });
    if (svg) download(svg, `${this.fileBase()}.svg`, 'image/svg+xml');
  }

  render() {
    const entry = this.entry;
    if (!entry)
      return html`<div class="stage missing" role="alert">
        <p>There is no story “${this.story}” among the loaded files.</p>
        <button type="button" @click=${() => this.exit()}>Back to the explorer</button>
      </div>`;
    const step = entry.steps[this.step - 1];
    const model = this.modelOf(step.graph);
    const graphTitle = model?.graph.title ?? step.graph;
    const date = this.frame ?? step.at;
    return html`
      <div class="stage" role="region" aria-roledescription="presentation" aria-label=${entry.title}>
        <section class="view" aria-label="Chart">
          <div class="when">
            <span class="graph">${graphTitle}</span>
            <span class="date" aria-live="polite">${formatDate(date)}</span>
            ${step.to ? html`<span class="span">${formatDate(step.at)} → ${formatDate(step.to)}</span>` : nothing}
          </div>
          <apparat-chart
            class="stage-chart"
            stage
            .tree=${this.currentTree}
            .found=${new Set(step.highlight ?? [])}
            fit-key=${`${step.graph}|${(step.hide ?? []).join(',')}`}
          ></apparat-chart>
          ${!model ? html`<p class="nothing">The graph “${step.graph}” is not loaded.</p>` : nothing}
        </section>
        <section class="words" aria-label="Caption">
          <div class="top">
            <span class="title">${entry.title}</span>
            <span class="counter" aria-label=${`Step ${this.step} of ${this.count}`}>${this.step} / ${this.count}</span>
          </div>
          <div class="caption" aria-live="polite">${renderCaption(step.caption)}</div>
          <p class="citation"><span class="src">Source</span> ${step.citation}</p>
          <div class="progress" aria-hidden="true"><span style=${cssProps({ width: `${(this.step / this.count) * 100}%` })}></span></div>
        </section>
        <nav class="controls" aria-label="Presentation">
          <button type="button" @click=${() => this.previous()} ?disabled=${this.step <= 1} aria-label="Previous step" title="Previous (←)">←</button>
          <button type="button" @click=${() => this.next()} ?disabled=${this.step >= this.count} aria-label="Next step" title="Next (→, Space)">→</button>
          <button type="button" @click=${() => this.toggleFullscreen()} title="Full screen (F)">${this.full ? 'Leave full screen' : 'Full screen'}</button>
          <button type="button" @click=${() => this.openSpeaker()} title="Speaker view (S)">Speaker view</button>
          <button type="button" @click=${() => this.exportPng()} title="This step as a PNG image">PNG</button>
          <button type="button" @click=${() => this.exportSvg()} title="This step as an SVG drawing">SVG</button>
          <button type="button" @click=${() => this.printHandout()} title="Print a handout: one step per page">Handout</button>
          <button type="button" @click=${() => this.exit()} title="Back to the explorer (Esc)">Exit</button>
          ${!this.full ? html`<span class="hint">F full screen · → next · S speaker view · Esc exit</span>` : nothing}
        </nav>
        <div class="black" aria-hidden=${this.black ? 'false' : 'true'} @click=${() => this.toggleBlack()}></div>
      </div>
      <apparat-chart class="renderer" stage aria-hidden="true" inert .motion=${false}></apparat-chart>
      <section class="handout" aria-label="Handout">
        ${entry.steps.map(
          (s, i) => html`<article class="page">
            <header>
              <span>${entry.title}</span>
              <span>${i + 1} / ${entry.steps.length}</span>
            </header>
            <h2>${this.modelOf(s.graph)?.graph.title ?? s.graph}, ${s.to ? html`${formatDate(s.at)} → ${formatDate(s.to)}` : formatDate(s.at)}</h2>
            ${this.handout[i]
              ? html`<img class="picture" alt=${`The chart of step ${i + 1}`} src=${`data:image/svg+xml;charset=utf-8,${encodeURIComponent(this.handout[i]!)}`} />`
              : html`<p class="picture pending">The chart of this step is being drawn.</p>`}
            <div class="caption">${renderCaption(s.caption)}</div>
            <p class="citation"><span class="src">Source</span> ${s.citation}</p>
          </article>`,
        )}
      </section>
    `;
  }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

customElements.define('apparat-presentation', ApparatPresentation);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-presentation': ApparatPresentation;
  }
}
