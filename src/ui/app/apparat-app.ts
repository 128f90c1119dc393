/**
 * <apparat-app>: the explorer's shell. It lays out the components — chart, outline, timeline,
 * details, events, compare, search, legend, the header's menus, the presentation — and forwards
 * their events to the controller (`explorer`, ./explorer.ts), which owns the view, its URL and
 * history, the models and the actions. Keys: ./keys.ts.
 */
import { LitElement, html, nothing } from 'lit';
import { formatIssue } from '../../io/format-issue.ts';
import type { LoadedGraph } from '../../io/graph-file.ts';
import { formatDate } from '../../model/dates.ts';
import { nameAt } from '../../model/model.ts';
import type { Graph } from '../../model/types.ts';
import '../chart/apparat-chart.ts';
import type { ApparatChart } from '../chart/apparat-chart.ts';
import type { ImportDetail } from '../io/apparat-importer.ts';
import { ACCEPT as IMPORT_ACCEPT } from '../../io/format-kinds.ts';
import '../legend/apparat-legend.ts';
import '../outline/apparat-outline.ts';
import type { StoryLocation } from '../presentation/stories.ts';
import { on } from '../shared/events.ts';
import '../timeline/apparat-timeline.ts';
import type { Evidence } from '../../model/across.ts';
import { Explorer, TABS, type Derived, type Tab } from './explorer.ts';
import { runExplorerKey } from './keys.ts';
import { writeUrl } from './state.ts';
import { appStyles } from './styles.ts';
import { followGroups, readFolded, stepCaption, writeFolded } from './stepping.ts';
// Panels and menus load after the first chart (../lazy.ts).
import { need, soon } from '../lazy.ts';

/** The files that could not be loaded, and why. */
const problems = (bad: LoadedGraph[], open: boolean) =>
  html`<details class="problems" ?open=${open}>
    <summary><span role="alert">${bad.length} graph file${bad.length > 1 ? 's' : ''} could not be loaded: ${bad.map((b) => b.file).join(', ')}. The others work.</span></summary>
    ${bad.map((b) => html`<section><h2>${b.file}</h2><ul>${b.issues.filter((i) => i.severity === 'error').map((i) => html`<li><code>${formatIssue(i)}</code></li>`)}</ul></section>`)}
  </details>`;

const TAB_NAMES: Record<Tab, string> = { details: 'Details', events: 'Events', compare: 'Compare' };

export class ApparatApp extends LitElement {
  static styles = appStyles;

  /** The controller: the view, its URL and history, the models and the actions. */
  readonly explorer = new Explorer(this);

  private legendHeight = 0;
  private observedLegend?: HTMLElement;
  private captionHeight = 0;
  private observedCaption?: HTMLElement;
  /** The side panels folded away (kept in this browser). */
  private folded = readFolded();

  connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
    // What the first chart does not need loads once it is drawn (../lazy.ts).
    this.addEventListener('chart-rendered', soon, { once: true });
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
      }).observe(legend);
    }
    const caption = this.renderRoot.querySelector<HTMLElement>('.step-caption') ?? undefined;
    if (caption !== this.observedCaption) {
      this.observedCaption = caption;
      // The chart frames the change below the caption strip.
      if (caption)
        new ResizeObserver(() => {
          this.captionHeight = caption.isConnected ? caption.offsetHeight + 12 : 0;
          if (this.chart) this.chart.insetTop = this.captionHeight;
        }).observe(caption);
      else this.captionHeight = 0;
      if (this.chart) this.chart.insetTop = this.captionHeight;
    }
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
      d = x.derived();
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
      ${this.renderHeader(d, titles)}
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

  private renderHeader(d: Derived | undefined, titles: Map<string, string>) {
    const x = this.explorer;
    const v = x.view;
    const option = (g: Graph) => html`<option value=${g.id} ?selected=${g.id === v.graph}>${g.title}</option>`;
    const yours = x.valid.filter((g) => x.isYours(g.id));
    return html`<header>
      <div class="brand"><span class="mark" aria-hidden="true"></span>apparat</div>
      <label class="graph-pick">
        <span class="visually-hidden">Graph</span>
        <select aria-label="Graph" @change=${(e: Event) => x.pickGraph((e.target as HTMLSelectElement).value)}>
          ${x.valid.filter((g) => !x.isYours(g.id)).map(option)}
          ${yours.length ? html`<optgroup label="Yours">${yours.map(option)}</optgroup>` : nothing}
        </select>
      </label>
      ${v.trail.length
        ? html`<nav class="crumbs" aria-label="Drill-down">
            <ol>
              ${v.trail.map((t, i) => html`<li><button type="button" class="link" @click=${() => x.back(i)}>${titles.get(t.graph) ?? t.graph}</button></li>`)}
              <li aria-current="page">${titles.get(v.graph ?? '') ?? v.graph}</li>
            </ol>
          </nav>`
        : nothing}
      <label class="open-file">
        <input type="file" multiple accept=${IMPORT_ACCEPT} @change=${this.openFile} />
        <span>Open a graph file…</span>
      </label>
      <apparat-yours
        .items=${x.yours}
        current=${v.graph ?? ''}
        @yours-open=${on('yours-open', ({ id }) => x.pickGraph(id))}
        @yours-remove=${on('yours-remove', ({ key }) => x.forget([key]))}
        @yours-clear=${on('yours-clear', () => x.forget(x.yours.map((y) => y.key)))}
      ></apparat-yours>
      <apparat-editor
        .current=${d?.model.graph}
        @editor-show=${on('editor-show', ({ name, text }) => void this.importer().then((i) => i?.importFiles([{ name, text }])))}
      ></apparat-editor>
      <apparat-export-menu .graph=${d?.model.graph} at=${v.at ?? ''} view-title=${d ? `${d.model.graph.title}, ${formatDate(v.at)}` : ''} .chart=${() => this.chart}></apparat-export-menu>
      <apparat-present-menu .loaded=${x.loaded} @story-present=${on('story-present', ({ id }) => x.present(id))}></apparat-present-menu>
      <apparat-story-builder
        .capture=${d && v.graph && v.at ? { graph: v.graph, at: v.at, focus: v.focus, select: v.select, hide: v.hide, marked: x.found } : undefined}
        .exists=${(id: string) => !!d?.snap.organs.has(id)}
        .loaded=${x.loaded}
        @step-show=${on('step-show', ({ step }) => x.showStep(step))}
      ></apparat-story-builder>
      <apparat-search
        .model=${d?.model}
        .models=${x.models()}
        .hiddenTypes=${v.hide}
        .types=${d?.graphTypes ?? []}
        @organ-find=${on('organ-find', ({ id }) => this.find(id))}
        @person-open=${on('person-open', ({ id }) => x.openPerson(id))}
        @graph-open=${on('graph-open', ({ graph, organ, at }) => this.openIn(graph, organ, at))}
        @filters-change=${on('filters-change', ({ hide }) => x.filter(hide))}
        @search-matches=${on('search-matches', ({ ids }) => x.setFound(ids))}
      ></apparat-search>
    </header>`;
  }

  private renderExplorer(d: Derived, titles: Map<string, string>) {
    const x = this.explorer;
    const v = x.view;
    const graph = d.model.graph;
    const currentEvent = v.event ? d.events.find((e) => e.id === v.event) : undefined;
    const names = (id: string) => d.snap.organs.get(id)?.name ?? d.other?.organs.get(id)?.name ?? nameAt(d.model, id);
    const select = on('organ-select', ({ id }) => x.select(id));
    const open = on('organ-open', ({ id }) => x.open(id));
    const toggle = on('organ-toggle', ({ id, expand }) => x.toggle(id, expand));
    const showOrgan = on('organ-go', ({ id, at }) => x.showOrgan(id, at));
    const chooseEvent = on('event-choose', ({ id }) => x.chooseEvent(id));
    document.title = `${graph.title} — ${formatDate(v.at)} — apparat`;
    if (v.view === 'flow') {
      void need('apparat-flow');
      soon();
    }
    return html`
      <main class=${[this.folded.left ? 'fold-left' : '', this.folded.right ? 'fold-right' : ''].join(' ')}>
        <aside class="left" aria-labelledby="outline-title" ?hidden=${this.folded.left}>
          <h2 id="outline-title">Outline <span class="count">${d.tree.organs.size} organs${d.tree.hiddenCount ? `, ${d.tree.hiddenCount} hidden` : ''}</span></h2>
          <apparat-outline .tree=${d.tree} .marks=${d.marks} .selected=${v.select} @organ-select=${select} @organ-toggle=${toggle}></apparat-outline>
        </aside>
        <section class="centre" aria-label="Chart and timeline">
          <div class="caption">
            <h1>${graph.title}</h1>
            ${v.embed ? html`<a class="embed-open" href=${writeUrl({ ...v, embed: undefined })} target="_blank" rel="noopener">Open in apparat</a>` : nothing}
            <p>
              ${graph.kind === 'prescribed' ? html`<span class="pill">prescribed structure</span>` : nothing}
              at <strong>${formatDate(v.at)}</strong>${v.compare ? html`, compared with <strong>${formatDate(v.compare)}</strong>` : nothing}
              <span class="views" role="group" aria-label="View">
                <button type="button" aria-pressed=${v.view ? 'false' : 'true'} @click=${() => x.setView(undefined)}>Chart</button>
                <button type="button" aria-pressed=${v.view === 'flow' ? 'true' : 'false'} @click=${() => x.setView('flow')}>Flow</button>
              </span>
              ${v.focus
                ? html` · <span class="pill">focused on ${names(v.focus)} <button type="button" class="x" aria-label="Show everything" @click=${() => x.setFocus(undefined)}>×</button></span>`
                : nothing}
            </p>
          </div>
          <div class="chartbox">
            ${this.foldButton('left', 'outline')} ${this.foldButton('right', 'details and events')}
            ${v.view === 'flow'
              ? html`<apparat-flow
                  .model=${d.model}
                  at=${v.at ?? ''}
                  .hiddenTypes=${v.hide}
                  focus-organ=${v.focus ?? ''}
                  .collapsed=${v.collapse}
                  selected=${v.select ?? ''}
                  event=${v.event ?? ''}
                  @organ-go=${on('organ-go', ({ id, at }) => x.showOrgan(id, at, { view: undefined }))}
                  @event-choose=${on('event-choose', ({ id }) => x.chooseEvent(id, { view: undefined }))}
                  @date-input=${on('date-input', ({ at }) => x.setDate(at, 'replace'))}
                  @date-change=${on('date-change', ({ at }) => x.setDate(at))}
                ></apparat-flow>`
              : html`<apparat-chart
              .tree=${d.tree}
              .marks=${d.marks}
              .eventInputs=${d.eventInputs}
              .eventOutputs=${d.eventOutputs}
              .selected=${v.select}
              .found=${x.found}
              fit-key=${`${v.graph}|${v.focus ?? ''}|${v.hide.join(',')}`}
              .insetBottom=${this.legendHeight}
              .insetTop=${this.captionHeight}
              .follow=${d.step ? { key: `${v.graph}|${d.step.event.id}`, groups: followGroups(d.step) } : undefined}
              ?prescribed=${graph.kind === 'prescribed'}
              @organ-select=${select}
              @organ-open=${open}
            ></apparat-chart>`}
            ${currentEvent && !v.view ? stepCaption(currentEvent, graph) : nothing}
            ${x.notice ? html`<p class="notice" role="status">${x.notice} <button type="button" class="x" aria-label="Dismiss" @click=${() => x.update({ notice: undefined })}>×</button></p>` : nothing}
            ${d.evidence && !v.view
              ? this.noEvidence(d.evidence)
              : d.tree.organs.size === 0 && !v.view ? html`<p class="nothing">Nothing in this graph existed at ${formatDate(v.at)}. Move the timeline.</p>` : nothing}
            ${v.view
              ? nothing
              : html`<apparat-legend
              .types=${d.drawnTypes}
              ?counted=${d.legend.counted}
              ?vague=${d.legend.vague}
              ?conflict=${d.legend.conflict}
              ?linked=${d.legend.linked}
              ?inferred=${d.legend.inferred}
              ?event=${!!d.eventInputs}
              ?found=${!!x.found?.size}
            ></apparat-legend>`}
          </div>
          <apparat-timeline
            .period=${d.model.period}
            .at=${v.at ?? ''}
            .events=${d.events}
            .current=${v.event}
            .compare=${v.compare}
            @date-input=${on('date-input', ({ at }) => x.setDate(at, 'replace'))}
            @date-change=${on('date-change', ({ at, replace }) => x.setDate(at, replace ? 'replace' : 'push'))}
            @event-choose=${chooseEvent}
          ></apparat-timeline>
        </section>
        <aside class="right" ?hidden=${this.folded.right}>
          <div role="tablist" aria-label="Panels">
            ${TABS.map(
              (t) => html`<button
                role="tab"
                id="tab-${t}"
                aria-selected=${x.tab === t ? 'true' : 'false'}
                aria-controls="panel-${t}"
                tabindex=${x.tab === t ? 0 : -1}
                @click=${() => x.update({ tab: t })}
                @keydown=${this.onTabKey}
              >
                ${t === 'events' ? `Events (${d.events.length})` : TAB_NAMES[t]}
              </button>`,
            )}
          </div>
          <div class="panel" role="tabpanel" id="panel-${x.tab}" aria-labelledby="tab-${x.tab}" tabindex="0">
            ${x.tab === 'details'
              ? x.person
                ? html`<apparat-person
                    .career=${x.career()}
                    .graphTitles=${titles}
                    current=${v.graph ?? ''}
                    @graph-open=${on('graph-open', ({ graph, organ, at }) => this.openIn(graph, organ, at))}
                    @person-close=${on('person-close', () => x.closePerson())}
                  ></apparat-person>`
                : v.select
                ? html`<apparat-details
                    .model=${d.model}
                    .snap=${d.snap}
                    organ=${v.select}
                    ?folded=${v.collapse.includes(v.select)}
                    ?focused=${v.focus === v.select}
                    .graphTitles=${titles}
                    @organ-select=${select}
                    @organ-go=${showOrgan}
                    @organ-open=${open}
                    @organ-toggle=${toggle}
                    @organ-focus=${on('organ-focus', ({ id }) => x.setFocus(id))}
                    @event-choose=${chooseEvent}
                    @person-open=${on('person-open', ({ id }) => x.openPerson(id))}
                  ></apparat-details>`
                : this.overview(graph, d)
              : x.tab === 'events'
                ? html`<apparat-events .model=${d.model} .events=${d.events} .current=${v.event} @event-choose=${chooseEvent} @organ-go=${showOrgan}></apparat-events>`
                : html`<apparat-compare
                    .at=${v.at ?? ''}
                    .compare=${v.compare}
                    .diff=${d.diff}
                    .names=${names}
                    .period=${d.model.period}
                    @compare-change=${on('compare-change', ({ compare }) => x.compareWith(compare))}
                    @organ-select=${on('organ-select', ({ id }) => x.select(id, false))}
                  ></apparat-compare>`}
          </div>
        </aside>
      </main>
    `;
  }

  private foldButton(side: 'left' | 'right', what: string) {
    const folded = this.folded[side];
    const arrow = (side === 'left') !== folded ? '‹' : '›';
    return html`<button type="button" class="fold ${side}" aria-pressed=${folded ? 'true' : 'false'} aria-label=${`${folded ? 'Show' : 'Hide'} the ${what}`} title=${`${folded ? 'Show' : 'Hide'} the ${what}`} @click=${() => this.fold(side)}>${arrow}</button>`;
  }

  private overview(graph: Graph, d: Derived) {
    return html`<div class="overview">
      <h2>${graph.title}</h2>
      ${graph.description ? html`<p>${graph.description}</p>` : nothing}
      <p class="muted">${graph.organs.length} organs, ${d.events.length} events, ${Object.keys(graph.sources).length} sources. Select an organ to read about it.</p>
      ${graph.note ? html`<p class="muted">${graph.note}</p>` : nothing}
    </div>`;
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

  /** A chart without evidence at the date: the nearest dates that have some, to go to. */
  private noEvidence(e: Evidence) {
    const x = this.explorer;
    const go = (at: string, label: string) => html`<button type="button" @click=${() => x.setDate(at)}>${label} ${formatDate(at)}</button>`;
    return html`<div class="nothing no-evidence" role="status">
      <p><strong>No evidence for this period.</strong> The sources attest none of this chart's party organs in ${formatDate(x.view.at)}.</p>
      <p>${e.before ? go(e.before, '← Last evidence:') : nothing} ${e.after ? go(e.after, 'Next evidence:') : nothing}</p>
    </div>`;
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

  private onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(this.explorer.tab);
    const n = TABS.length;
    const next = { ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.explorer.update({ tab: TABS[next] });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${TABS[next]}`)?.focus());
  };

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
