/**
 * <apparat-app>: the explorer's shell. It lays out the components — chart, outline, timeline,
 * details, events, compare, search, legend, the header's menus, the presentation — and forwards
 * their events to the controller (`explorer`, ./explorer.ts), which owns the view, its URL and
 * history, the models and the actions. Its regions are drawn by ./header.ts, ./centre.ts
 * (chart or flow, overlays, timeline) and ./panels.ts (outline, tabs); keys: ./keys.ts.
 */
import { LitElement, html, nothing } from 'lit';
import { formatIssue } from '../../io/format-issue.ts';
import type { LoadedGraph } from '../../io/graph-file.ts';
import { formatDate } from '../../model/dates.ts';
import '../chart/apparat-chart.ts';
import type { ApparatChart } from '../chart/apparat-chart.ts';
import type { ImportDetail } from '../io/apparat-importer.ts';
import '../legend/apparat-legend.ts';
import type { StoryLocation } from '../presentation/story-url.ts';
import { on } from '../shared/events.ts';
import '../timeline/apparat-timeline.ts';
import { centreTemplate } from './centre.ts';
import { Explorer, type Derived } from './explorer.ts';
import { headerTemplate } from './header.ts';
import { runExplorerKey } from './keys.ts';
import { appStyles } from './styles.ts';
import { outlineTemplate, panelsTemplate, tabKeys } from './panels.ts';
import { region } from './region.ts';
import { readFolded, writeFolded } from './stepping.ts';
// Panels and menus load after the first chart (../lazy.ts).
import { need, soon } from '../lazy.ts';

/** The files that could not be loaded, and why. */
const problems = (bad: LoadedGraph[], open: boolean) =>
  html`<details class="problems" ?open=${open}>
    <summary><span role="alert">${bad.length} graph file${bad.length > 1 ? 's' : ''} could not be loaded: ${bad.map((b) => b.file).join(', ')}. The others work.</span></summary>
    ${bad.map((b) => html`<section><h2>${b.file}</h2><ul>${b.issues.filter((i) => i.severity === 'error').map((i) => html`<li><code>${formatIssue(i)}</code></li>`)}</ul></section>`)}
  </details>`;

export class ApparatApp extends LitElement {
  static styles = appStyles;

  /** The controller: the view, its URL and history, the models and the actions. */
  readonly explorer = new Explorer(this);

  private legendHeight = 0;
  private observedLegend?: HTMLElement;
  private captionHeight = 0;
  private observedCaption?: HTMLElement;
  private observedChart?: HTMLElement;
  /** The side panels folded away (kept in this browser). */
  private folded = readFolded();
  /**
   * The outline and the tabbed panels are drawn once the first chart is on the screen (the frame
   * after it): their DOM would hold the chart back. Their places are laid out from the start, so
   * the chart has its size at once.
   */
  private panelsShown = false;

  connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
    // What the first chart does not need loads once Cytoscape has drawn it, in the place of its
    // picture (or could not): the other graphs (the flow view, which has no chart, asks for them
    // itself), the panels and menus (../lazy.ts); the outline and the panels are drawn in the frame after.
    const rest = () => requestAnimationFrame(() => {
      this.explorer.loadOthers();
      soon();
      this.showPanels();
    });
    this.addEventListener('chart-rendered', rest, { once: true });
    this.addEventListener('chart-failed', rest, { once: true });
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKey);
  }

  get chart(): ApparatChart | null {
    return this.renderRoot.querySelector('apparat-chart');
  }

  willUpdate(): void {
    // ?embed: the chart and the timeline alone, filling the frame (styles.ts, :host([embed])).
    this.toggleAttribute('embed', !!this.explorer.view.embed);
  }

  updated(): void {
    const legend = this.renderRoot.querySelector('apparat-legend');
    if (legend && legend !== this.observedLegend) {
      this.observedLegend = legend;
      // The chart keeps the legend's corner clear when it fits itself.
      new ResizeObserver(() => {
        this.legendHeight = legend.offsetHeight + 16;
        const chart = this.chart;
        if (chart) chart.insetBottom = this.legendHeight;
        this.measureRoom();
      }).observe(legend);
    }
    const chart = this.chart;
    if (chart && chart !== this.observedChart) {
      this.observedChart = chart;
      new ResizeObserver(this.measureRoom).observe(chart);
    }
    const caption = this.renderRoot.querySelector<HTMLElement>('.step-caption') ?? undefined;
    if (caption !== this.observedCaption) {
      this.observedCaption = caption;
      // The chart frames the change below the caption strip.
      if (caption)
        new ResizeObserver(() => {
          this.captionHeight = caption.isConnected ? caption.offsetHeight + 12 : 0;
          if (this.chart) this.chart.insetTop = this.captionHeight;
          this.measureRoom();
        }).observe(caption);
      else this.captionHeight = 0;
      if (this.chart) this.chart.insetTop = this.captionHeight;
    }
  }

  /** Tells the explorer the chart's room, to fold an event's surroundings to it (./step-folds.ts). */
  private measureRoom = () => {
    const c = this.chart;
    if (c?.clientHeight) this.explorer.setRoom(c.clientWidth, c.clientHeight - Math.min(this.legendHeight, c.clientHeight / 3), this.captionHeight);
  };

  private showPanels(): void {
    if (this.panelsShown) return;
    this.panelsShown = true;
    this.requestUpdate();
  }

  /** Folds a side panel away, or unfolds it. */
  private fold(side: 'left' | 'right'): void {
    this.folded = { ...this.folded, [side]: !this.folded[side] };
    writeFolded(this.folded);
    this.requestUpdate();
  }

  render() {
    const x = this.explorer;
    if (x.failure) return html`<div class="fatal" role="alert"><h1>apparat</h1><p>${x.failure}</p></div>`;
    if (!x.loaded) return html`<p class="loading" role="status">Loading the graphs…</p>`;
    if (x.presenting) {
      void need(x.presenting.speaker ? 'apparat-speaker' : 'apparat-presentation');
      return this.renderStory(x.presenting);
    }
    let d: Derived | undefined;
    try {
      d = x.shown();
    } catch (e) {
      return html`<div class="fatal" role="alert"><h1>apparat</h1><p>This view could not be drawn: ${e instanceof Error ? e.message : String(e)}</p>
        <p><a href="?">Start again</a></p></div>`;
    }
    const v = x.view;
    const bad = x.loaded.filter((l) => l.issues.some((i) => i.severity === 'error'));
    const current = x.loaded.find((l) => l.graph?.id === v.graph);
    const failedCurrent = !current ? x.loaded.find((l) => !l.graph && l.file.endsWith(`/${v.graph}.json`)) : undefined;
    const titles = new Map(x.valid.map((g) => [g.id, g.title]));
    if (v.embed) return d ? this.renderExplorer(d, titles) : html`<main class="empty"><p>This graph could not be shown.</p></main>`;
    return html`
      ${headerTemplate(x, d, titles, {
        openFile: this.openFile,
        showText: (name, text) => void this.importer().then((i) => i?.importFiles([{ name, text }])),
        chart: () => this.chart,
        find: (id) => this.find(id),
        openIn: (graph, organ, at) => this.openIn(graph, organ, at),
      })}
      <apparat-importer .loaded=${x.loaded} .yours=${x.yours} .modelOf=${(id: string) => x.modelOf(id)} @files-import=${on('files-import', (detail) => void this.imported(detail))}></apparat-importer>
      ${bad.length ? problems(bad, !!failedCurrent || !d) : nothing}
      ${d
        ? this.renderExplorer(d, titles)
        : html`<main class="empty">
            <p>
              ${failedCurrent
                ? `${failedCurrent.file} could not be loaded: its problems are listed above. Choose another graph.`
                : x.valid.length
                  ? 'Choose a graph.'
                  : 'No graph could be loaded; the problems are listed above.'}
            </p>
          </main>`}
    `;
  }

  private renderExplorer(d: Derived, titles: Map<string, string>) {
    const x = this.explorer;
    const v = x.view;
    document.title = `${d.model.graph.title} — ${formatDate(v.at)} — apparat`;
    if (v.view === 'flow') {
      void need('apparat-flow');
      x.loadOthers();
      soon();
      // No chart to wait for.
      this.panelsShown = true;
    }
    const r = region(x, d, titles, (graph, organ, at) => this.openIn(graph, organ, at));
    const frame = { folded: this.folded, fold: (side: 'left' | 'right') => this.fold(side), legendHeight: this.legendHeight, captionHeight: this.captionHeight };
    return html`
      <main class=${[this.folded.left ? 'fold-left' : '', this.folded.right ? 'fold-right' : ''].join(' ')}>
        ${this.panelsShown ? outlineTemplate(r, this.folded.left) : html`<aside class="left" ?hidden=${this.folded.left}></aside>`} ${centreTemplate(r, frame)}
        ${this.panelsShown ? panelsTemplate(r, this.folded.right, this.onTabKey) : html`<aside class="right" ?hidden=${this.folded.right}></aside>`}
      </main>
    `;
  }

  private renderStory(p: StoryLocation) {
    const x = this.explorer;
    return p.speaker
      ? html`<apparat-speaker .loaded=${x.loaded} story=${p.story} step=${p.step} @story-step=${on('story-step', ({ step }) => x.stepStory(step))}></apparat-speaker>`
      : html`<apparat-presentation
          .loaded=${x.loaded}
          story=${p.story}
          step=${p.step}
          @story-step=${on('story-step', ({ step }) => x.stepStory(step))}
          @presentation-exit=${on('presentation-exit', (view) => x.leaveStory(view))}
        ></apparat-presentation>`;
  }

  /** Another graph (or this one) at a date with an organ selected, then brought into view. */
  private openIn(graph: string, organ: string | undefined, at: string): void {
    this.explorer.openIn(graph, organ, at);
    if (organ) void this.updateComplete.then(() => this.chart?.reveal(organ));
  }

  /** Search: the organ selected (at a date when it existed), then brought into view. */
  private find(id: string): void {
    this.explorer.find(id);
    void this.updateComplete.then(() => this.chart?.reveal(id));
  }

  /** The importer, once its code is in (it loads after the first chart). */
  private async importer() {
    await need('apparat-importer');
    return this.renderRoot.querySelector('apparat-importer');
  }

  /** A user's own files (also dropped anywhere on the page): validated like the bundled ones; their problems are listed if they fail. */
  private openFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) await (await this.importer())?.importFiles(files.map((file) => ({ name: file.name, file })));
  };

  /** Opened files join the loaded ones; when some failed, their problems are shown open. */
  private async imported(detail: ImportDetail): Promise<void> {
    this.explorer.imported(detail);
    if (!detail.failed) return;
    await this.updateComplete;
    const problems = this.renderRoot.querySelector<HTMLDetailsElement>('.problems');
    if (problems) problems.open = true;
  }

  private onTabKey = tabKeys(this.explorer, (tab) => void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus()));

  /** Keyboard shortcuts (./keys.ts), when the focus is not in a text field. */
  private onKey = (e: KeyboardEvent) => {
    const $ = <K extends keyof HTMLElementTagNameMap>(tag: K) => this.renderRoot.querySelector(tag);
    const used = runExplorerKey(e, { explorer: this.explorer, chart: this.chart, timeline: $('apparat-timeline'), search: $('apparat-search'), outline: $('apparat-outline') });
    if (used) e.preventDefault();
  };
}

customElements.define('apparat-app', ApparatApp);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-app': ApparatApp;
  }
}
