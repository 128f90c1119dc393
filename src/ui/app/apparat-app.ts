/**
 * <apparat-app>: the explorer. Holds the view state (mirrored in the URL), loads and validates the
 * bundled graphs, derives the snapshot and view tree, and passes them down to the chart, outline,
 * timeline, details, events, compare and search components; their events come back up here.
 */
import { LitElement, html, nothing } from 'lit';
import { loadBundled } from '../../io/bundled.ts';
import { formatIssue, type LoadedGraph } from '../../io/graph-file.ts';
import { diffMarks, unionTree, viewTree, type Mark, type ViewTree } from '../../layout/view.ts';
import { compareDates, formatDate, isoDay, parseDate } from '../../model/dates.ts';
import { diff, type Diff } from '../../model/diff.ts';
import { eventsInOrder } from '../../model/lineage.ts';
import { at as atDate, buildModel, nameAt, type Model } from '../../model/model.ts';
import { ancestors, snapshot, type Snapshot } from '../../model/snapshot.ts';
import type { ChangeEvent, Graph } from '../../model/types.ts';
import '../chart/apparat-chart.ts';
import '../flow/apparat-flow.ts';
import type { ApparatChart } from '../chart/apparat-chart.ts';
import '../compare/apparat-compare.ts';
import '../details/apparat-details.ts';
import '../events/apparat-events.ts';
import '../legend/apparat-legend.ts';
import '../outline/apparat-outline.ts';
import type { ApparatOutline } from '../outline/apparat-outline.ts';
import '../search/apparat-search.ts';
import type { ApparatSearch } from '../search/apparat-search.ts';
import '../timeline/apparat-timeline.ts';
import type { ApparatTimeline } from '../timeline/apparat-timeline.ts';
import { readUrl, writeUrl, type ViewState } from './state.ts';
import { appStyles } from './styles.ts';
import { disagree } from '../shared/figures.ts';
import '../presentation/apparat-presentation.ts';
import '../presentation/apparat-present-menu.ts';
import '../presentation/apparat-speaker.ts';
import { readStoryUrl, storyUrl, type StoryLocation } from '../presentation/stories.ts';
import '../story-builder/apparat-story-builder.ts';
import type { StoryStep } from '../../model/types.ts';
import '../io/apparat-importer.ts';
import { IMPORT_ACCEPT, type ApparatImporter, type ImportDetail } from '../io/apparat-importer.ts';
import '../io/apparat-export-menu.ts';
import '../io/apparat-yours.ts';
import { loadYours, mergeLoaded, withoutYours, type YourItem } from '../io/yours.ts';

type Tab = 'details' | 'events' | 'compare';

interface Derived {
  model: Model;
  events: ChangeEvent[];
  snap: Snapshot;
  other?: Snapshot;
  diff?: Diff;
  marks?: Map<string, Mark[]>;
  tree: ViewTree;
  eventInputs?: Set<string>;
  eventOutputs?: Set<string>;
  /** For the legend and the type filter. */
  drawnTypes: string[];
  graphTypes: string[];
  legend: { counted: boolean; vague: boolean; conflict: boolean; linked: boolean };
}

function clampDate(model: Model, at: string): string {
  try {
    const d = parseDate(at);
    if (d.max < model.period.min) return isoDay(model.period.min).slice(0, 7);
    if (d.min > model.period.max) return isoDay(model.period.max).slice(0, 7);
    return at;
  } catch {
    return isoDay(model.period.min).slice(0, 7);
  }
}

/** A date worth opening at: the first month with the most organs that certainly existed then. */
export function defaultDate(model: Model): string {
  const d0 = new Date(model.period.min);
  const d1 = new Date(model.period.max);
  const months = (d1.getUTCFullYear() - d0.getUTCFullYear()) * 12 + d1.getUTCMonth() - d0.getUTCMonth();
  const step = Math.max(1, Math.ceil(months / 60));
  let best = '';
  let bestN = -1;
  for (let i = 0; i <= months; i += step) {
    const d = new Date(Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth() + i, 1));
    const edtf = isoDay(d.getTime()).slice(0, 7);
    let n = 0;
    for (const o of snapshot(model, atDate(edtf)).organs.values()) if (!o.vague) n++;
    if (n > bestN) {
      bestN = n;
      best = edtf;
    }
  }
  return best || isoDay(model.period.min).slice(0, 7);
}

export class ApparatApp extends LitElement {
  static properties = {
    loaded: { state: true },
    view: { state: true },
    tab: { state: true },
    found: { state: true },
    failure: { state: true },
    notice: { state: true },
    presenting: { state: true },
    yours: { state: true },
  };
  declare loaded: LoadedGraph[] | undefined;
  declare view: ViewState;
  declare tab: Tab;
  declare found: Set<string> | undefined;
  declare failure: string | undefined;
  /** A passing message (a drill-down that cannot open). */
  declare notice: string | undefined;
  /** A story being presented (`?story=<id>&step=<n>`), or its speaker view. */
  declare presenting: StoryLocation | undefined;
  /** The user's own graphs and stories, kept in this browser (src/ui/io, src/ui/storage). */
  declare yours: YourItem[];

  static styles = appStyles;

  private models = new Map<string, Model>();
  private legendHeight = 0;
  private observedLegend?: HTMLElement;
  private derived?: Derived;
  private derivedKey = '';

  constructor() {
    super();
    this.view = readUrl(location.search);
    this.presenting = readStoryUrl(location.search);
    this.yours = [];
    this.tab = this.view.compare ? 'compare' : this.view.event && !this.view.select ? 'events' : 'details';
  }

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPop);
    document.addEventListener('keydown', this.onKey);
    if (!this.loaded)
      loadBundled()
        .then(async (g) => {
          const yours = await loadYours(g);
          performance.mark('apparat:graphs-loaded');
          this.yours = yours.items;
          this.setGraphs([...g, ...yours.loaded]);
          if (yours.problem) this.notice = yours.problem;
        })
        .catch((e: unknown) => (this.failure = `The bundled graphs could not be loaded: ${e instanceof Error ? e.message : String(e)}`));
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPop);
    document.removeEventListener('keydown', this.onKey);
  }

  /** Replaces the loaded graphs (the bundled ones, or a user's); keeps the URL's view when it fits. */
  setGraphs(loaded: LoadedGraph[]): void {
    this.models.clear();
    this.loaded = loaded;
    this.view = this.resolve(this.view);
    // A story's URL stays as it is: the presentation owns it.
    this.entryUrl = this.presenting ? location.search : writeUrl(this.view);
    history.replaceState(null, '', this.entryUrl);
  }

  /** Adds one graph (already validated) to those loaded, and shows it. */
  addGraph(graph: Graph, file = `${graph.id}.json`): void {
    const rest = (this.loaded ?? []).filter((l) => l.graph?.id !== graph.id);
    this.loaded = [...rest, { file, graph, issues: [] }];
    this.models.delete(graph.id);
    this.go({ graph: graph.id, at: undefined, select: undefined, compare: undefined, event: undefined, focus: undefined, hide: [], collapse: [], trail: [] });
  }

  private get valid(): Graph[] {
    return (this.loaded ?? []).flatMap((l) => (l.graph ? [l.graph] : []));
  }

  private modelOf(id: string | undefined): Model | undefined {
    if (!id) return undefined;
    let m = this.models.get(id);
    if (!m) {
      const g = this.valid.find((x) => x.id === id);
      if (!g) return undefined;
      m = buildModel(g);
      this.models.set(id, m);
    }
    return m;
  }

  /** Fills in what the URL left out: the largest valid graph, and a meaningful date. */
  private resolve(v: ViewState): ViewState {
    const next = { ...v };
    const failed = (this.loaded ?? []).some((l) => !l.graph && (l.file.endsWith(`/${v.graph}.json`) || l.file === v.graph));
    if (!next.graph || (!this.valid.some((g) => g.id === next.graph) && !failed)) {
      const largest = [...this.valid].sort((a, b) => b.organs.length - a.organs.length)[0];
      const preferred = this.valid.find((g) => g.id === 'leningrad-region') ?? largest;
      next.graph = preferred?.id;
    }
    const model = this.modelOf(next.graph);
    if (model) {
      next.at = next.at ? clampDate(model, next.at) : defaultDate(model);
      if (next.select && !model.organs.has(next.select)) next.select = undefined;
      if (next.focus && !model.organs.has(next.focus)) next.focus = undefined;
      if (next.event && !(model.graph.events ?? []).some((e) => e.id === next.event)) next.event = undefined;
    }
    return next;
  }

  /** Moves to a new view: `push` for deliberate steps, `replace` while dragging or playing. */
  go(change: Partial<ViewState>, mode: 'push' | 'replace' = 'push'): void {
    const next = this.resolve({ ...this.view, ...change });
    this.view = next;
    const url = writeUrl(next);
    if (mode === 'replace') {
      if (url !== location.search) history.replaceState(null, '', url);
    } else if (url !== this.entryUrl) {
      // A drag replaced this entry on its way; the entry keeps where the drag began.
      if (location.search !== this.entryUrl) history.replaceState(null, '', this.entryUrl);
      history.pushState(null, '', url);
      this.entryUrl = url;
    } else if (location.search !== url) history.replaceState(null, '', url);
  }

  /** The URL the current history entry was made for (a drag or playback replaces it on the way). */
  private entryUrl = '';

  updated(): void {
    const legend = this.renderRoot.querySelector('apparat-legend') as HTMLElement | null;
    if (legend && legend !== this.observedLegend) {
      this.observedLegend = legend;
      // The chart keeps the legend's corner clear when it fits itself.
      new ResizeObserver(() => {
        this.legendHeight = legend.offsetHeight + 16;
        const chart = this.chart;
        if (chart) chart.insetBottom = this.legendHeight;
      }).observe(legend);
    }
  }

  private onPop = () => {
    this.entryUrl = location.search;
    this.presenting = readStoryUrl(location.search);
    this.view = this.resolve(readUrl(location.search));
  };

  private derive(): Derived | undefined {
    const v = this.view;
    const model = this.modelOf(v.graph);
    if (!model || !v.at) return undefined;
    const key = JSON.stringify([v.graph, v.at, v.compare, v.event, v.hide, v.collapse, v.focus]);
    if (this.derived && key === this.derivedKey) return this.derived;
    const events = eventsInOrder(model.graph);
    const snap = snapshot(model, atDate(v.at));
    let other: Snapshot | undefined;
    let d: Diff | undefined;
    let marks: Map<string, Mark[]> | undefined;
    let base: Parameters<typeof viewTree>[0] = snap;
    if (v.compare) {
      other = snapshot(model, atDate(v.compare));
      const earlierFirst = compareDates(v.compare, v.at) <= 0;
      d = earlierFirst ? diff(other, snap) : diff(snap, other);
      marks = diffMarks(d);
      base = unionTree(snap, other, model.order);
    }
    const tree = viewTree(base, { hidden: new Set(v.hide), collapsed: new Set(v.collapse), focus: v.focus });
    const ev = v.event ? events.find((e) => e.id === v.event) : undefined;
    const types = new Set<string>();
    const legend = { counted: false, vague: false, conflict: false, linked: false };
    for (const o of tree.organs.values()) {
      types.add(o.type);
      if (o.counted) legend.counted = true;
      if (o.vague) legend.vague = true;
      if (o.link) legend.linked = true;
      if (!legend.conflict && model.graph.kind !== 'prescribed') for (const l of o.figures.values()) if (disagree(l)) legend.conflict = true;
    }
    const prev = this.derived?.model === model ? this.derived.graphTypes : undefined;
    this.derived = {
      drawnTypes: [...types],
      graphTypes: prev ?? [...new Set(model.graph.organs.map((o) => o.type))],
      legend,
      model,
      events,
      snap,
      other,
      diff: d,
      marks,
      tree,
      eventInputs: ev ? new Set(ev.inputs) : undefined,
      eventOutputs: ev ? new Set(ev.outputs) : undefined,
    };
    this.derivedKey = key;
    return this.derived;
  }

  render() {
    if (this.failure) return html`<div class="fatal" role="alert"><h1>apparat</h1><p>${this.failure}</p></div>`;
    if (!this.loaded) return html`<p class="loading" role="status">Loading the graphs…</p>`;
    if (this.presenting) return this.renderStory(this.presenting);
    let d: Derived | undefined;
    try {
      d = this.derive();
    } catch (e) {
      return html`<div class="fatal" role="alert"><h1>apparat</h1><p>This view could not be drawn: ${e instanceof Error ? e.message : String(e)}</p>
        <p><a href="?">Start again</a></p></div>`;
    }
    const v = this.view;
    const bad = this.loaded.filter((l) => l.issues.some((i) => i.severity === 'error'));
    const current = this.loaded.find((l) => l.graph?.id === v.graph);
    const failedCurrent = !current ? this.loaded.find((l) => !l.graph && l.file.endsWith(`/${v.graph}.json`)) : undefined;
    const titles = new Map(this.valid.map((g) => [g.id, g.title]));
    return html`
      <header>
        <div class="brand"><span class="mark" aria-hidden="true"></span>apparat</div>
        <label class="graph-pick">
          <span class="visually-hidden">Graph</span>
          <select aria-label="Graph" @change=${(e: Event) => this.pickGraph((e.target as HTMLSelectElement).value)}>
            ${this.valid.filter((g) => !this.isYours(g.id)).map((g) => html`<option value=${g.id} ?selected=${g.id === v.graph}>${g.title}</option>`)}
            ${this.valid.some((g) => this.isYours(g.id))
              ? html`<optgroup label="Yours">
                  ${this.valid.filter((g) => this.isYours(g.id)).map((g) => html`<option value=${g.id} ?selected=${g.id === v.graph}>${g.title}</option>`)}
                </optgroup>`
              : nothing}
          </select>
        </label>
        ${v.trail.length
          ? html`<nav class="crumbs" aria-label="Drill-down">
              <ol>
                ${v.trail.map(
                  (t, i) => html`<li><button type="button" class="link" @click=${() => this.back(i)}>${titles.get(t.graph) ?? t.graph}</button></li>`,
                )}
                <li aria-current="page">${titles.get(v.graph ?? '') ?? v.graph}</li>
              </ol>
            </nav>`
          : nothing}
        <label class="open-file">
          <input type="file" multiple accept=${IMPORT_ACCEPT} @change=${this.openFile} />
          <span>Open a graph file…</span>
        </label>
        <apparat-yours
          .items=${this.yours}
          current=${v.graph ?? ''}
          @yours-open=${(e: CustomEvent) => this.pickGraph(e.detail.id)}
          @yours-remove=${(e: CustomEvent) => this.forget([e.detail.key])}
          @yours-clear=${() => this.forget(this.yours.map((y) => y.key))}
        ></apparat-yours>
        <apparat-export-menu
          .graph=${d?.model.graph}
          at=${v.at ?? ''}
          view-title=${d ? `${d.model.graph.title}, ${formatDate(v.at)}` : ''}
          .core=${() => this.chart?.core}
        ></apparat-export-menu>
        <apparat-present-menu .loaded=${this.loaded} @story-present=${(e: CustomEvent) => this.present(e.detail.id)}></apparat-present-menu>
        <apparat-story-builder
          .capture=${d && v.graph && v.at ? { graph: v.graph, at: v.at, focus: v.focus, select: v.select, hide: v.hide, marked: this.found } : undefined}
          .exists=${(id: string) => !!d?.snap.organs.has(id)}
          .loaded=${this.loaded}
          @step-show=${(e: CustomEvent) => this.showStep(e.detail.step)}
        ></apparat-story-builder>
        <apparat-search
          .model=${d?.model}
          .hiddenTypes=${v.hide}
          .types=${d?.graphTypes ?? []}
          @organ-find=${(e: CustomEvent) => this.find(e.detail.id)}
          @filters-change=${(e: CustomEvent) => this.go({ hide: e.detail.hide })}
          @search-matches=${(e: CustomEvent) => (this.found = e.detail.ids.length ? new Set(e.detail.ids) : undefined)}
        ></apparat-search>
      </header>
      <apparat-importer .loaded=${this.loaded} .yours=${this.yours} .modelOf=${(id: string) => this.modelOf(id)} @files-import=${this.imported}></apparat-importer>
      ${bad.length
        ? html`<details class="problems" ?open=${!!failedCurrent || !d}>
            <summary role="alert">${bad.length} graph file${bad.length > 1 ? 's' : ''} could not be loaded: ${bad.map((b) => b.file).join(', ')}. The others work.</summary>
            ${bad.map(
              (b) => html`<section>
                <h2>${b.file}</h2>
                <ul>
                  ${b.issues.filter((i) => i.severity === 'error').map((i) => html`<li><code>${formatIssue(i)}</code></li>`)}
                </ul>
              </section>`,
            )}
          </details>`
        : nothing}
      ${d
        ? this.renderExplorer(d, titles)
        : html`<main class="empty">
            <p>
              ${failedCurrent
                ? `${failedCurrent.file} could not be loaded: its problems are listed above. Choose another graph.`
                : this.valid.length
                  ? 'Choose a graph.'
                  : 'No graph could be loaded; the problems are listed above.'}
            </p>
          </main>`}
    `;
  }

  private renderExplorer(d: Derived, titles: Map<string, string>) {
    const v = this.view;
    const graph = d.model.graph;
    const selectedHere = v.select && d.snap.organs.has(v.select);
    const currentEvent = v.event ? d.events.find((e) => e.id === v.event) : undefined;
    const names = (id: string) => d.snap.organs.get(id)?.name ?? d.other?.organs.get(id)?.name ?? nameAt(d.model, id);
    document.title = `${graph.title} — ${formatDate(v.at)} — apparat`;
    return html`
      <main>
        <aside class="left" aria-labelledby="outline-title">
          <h2 id="outline-title">Outline <span class="count">${d.tree.organs.size} organs${d.tree.hiddenCount ? `, ${d.tree.hiddenCount} hidden` : ''}</span></h2>
          <apparat-outline
            .tree=${d.tree}
            .marks=${d.marks}
            .selected=${v.select}
            @organ-select=${(e: CustomEvent) => this.select(e.detail.id)}
            @organ-toggle=${(e: CustomEvent) => this.toggle(e.detail.id, e.detail.expand)}
          ></apparat-outline>
        </aside>
        <section class="centre" aria-label="Chart and timeline">
          <div class="caption">
            <h1>${graph.title}</h1>
            <p>
              ${graph.kind === 'prescribed' ? html`<span class="pill">prescribed structure</span>` : nothing}
              at <strong>${formatDate(v.at)}</strong>${v.compare ? html`, compared with <strong>${formatDate(v.compare)}</strong>` : nothing}
              ${currentEvent ? html` · <span class="pill ev">${currentEvent.title}</span>` : nothing}
              <span class="views" role="group" aria-label="View">
                <button type="button" aria-pressed=${v.view ? 'false' : 'true'} @click=${() => this.go({ view: undefined })}>Chart</button>
                <button type="button" aria-pressed=${v.view === 'flow' ? 'true' : 'false'} @click=${() => this.go({ view: 'flow' })}>Flow</button>
              </span>
              ${v.focus
                ? html` · <span class="pill">focused on ${names(v.focus)} <button type="button" class="x" aria-label="Show everything" @click=${() => this.go({ focus: undefined })}>×</button></span>`
                : nothing}
            </p>
          </div>
          <div class="chartbox">
            ${v.view === 'flow'
              ? html`<apparat-flow
                  .model=${d.model}
                  at=${v.at ?? ''}
                  .hiddenTypes=${v.hide}
                  focus-organ=${v.focus ?? ''}
                  .collapsed=${v.collapse}
                  selected=${v.select ?? ''}
                  event=${v.event ?? ''}
                  @organ-go=${(e: CustomEvent) => this.goOrgan(e.detail.id, e.detail.at, { view: undefined })}
                  @event-choose=${(e: CustomEvent) => this.chooseEvent(e.detail.id, { view: undefined })}
                  @date-input=${(e: CustomEvent) => this.go({ at: e.detail.at, event: undefined }, 'replace')}
                  @date-change=${(e: CustomEvent) => this.go({ at: e.detail.at, event: undefined })}
                ></apparat-flow>`
              : html`<apparat-chart
                .tree=${d.tree}
                .marks=${d.marks}
                .eventInputs=${d.eventInputs}
                .eventOutputs=${d.eventOutputs}
                .selected=${v.select}
                .found=${this.found}
                fit-key=${`${v.graph}|${v.focus ?? ''}|${v.hide.join(',')}`}
                .insetBottom=${this.legendHeight}
                ?prescribed=${graph.kind === 'prescribed'}
                @organ-select=${(e: CustomEvent) => this.select(e.detail.id)}
                @organ-open=${(e: CustomEvent) => this.open(e.detail.id)}
              ></apparat-chart>`}
            ${this.notice ? html`<p class="notice" role="status">${this.notice} <button type="button" class="x" aria-label="Dismiss" @click=${() => (this.notice = undefined)}>×</button></p>` : nothing}
            ${d.tree.organs.size === 0 && !v.view ? html`<p class="nothing">Nothing in this graph existed at ${formatDate(v.at)}. Move the timeline.</p>` : nothing}
            ${v.view
              ? nothing
              : html`<apparat-legend
                  .types=${d.drawnTypes}
                  ?counted=${d.legend.counted}
                  ?vague=${d.legend.vague}
                  ?conflict=${d.legend.conflict}
                  ?linked=${d.legend.linked}
                  ?event=${!!d.eventInputs}
                  ?found=${!!this.found?.size}
                ></apparat-legend>`}
          </div>
          <apparat-timeline
            .period=${d.model.period}
            .at=${v.at ?? ''}
            .events=${d.events}
            .current=${v.event}
            .compare=${v.compare}
            @date-input=${(e: CustomEvent) => this.go({ at: e.detail.at, event: undefined }, 'replace')}
            @date-change=${(e: CustomEvent) => this.go({ at: e.detail.at, event: undefined }, e.detail.replace ? 'replace' : 'push')}
            @event-choose=${(e: CustomEvent) => this.chooseEvent(e.detail.id)}
          ></apparat-timeline>
        </section>
        <aside class="right">
          <div role="tablist" aria-label="Panels">
            ${(['details', 'events', 'compare'] as Tab[]).map(
              (t) => html`<button
                role="tab"
                id="tab-${t}"
                aria-selected=${this.tab === t ? 'true' : 'false'}
                aria-controls="panel-${t}"
                tabindex=${this.tab === t ? 0 : -1}
                @click=${() => (this.tab = t)}
                @keydown=${this.onTabKey}
              >
                ${t === 'details' ? 'Details' : t === 'events' ? `Events (${d.events.length})` : 'Compare'}
              </button>`,
            )}
          </div>
          <div class="panel" role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}" tabindex="0">
            ${this.tab === 'details'
              ? v.select
                ? html`<apparat-details
                    .model=${d.model}
                    .snap=${d.snap}
                    organ=${v.select}
                    ?folded=${v.collapse.includes(v.select)}
                    ?focused=${v.focus === v.select}
                    .graphTitles=${titles}
                    @organ-select=${(e: CustomEvent) => this.select(e.detail.id)}
                    @organ-go=${(e: CustomEvent) => this.goOrgan(e.detail.id, e.detail.at)}
                    @organ-open=${(e: CustomEvent) => this.open(e.detail.id)}
                    @organ-toggle=${(e: CustomEvent) => this.toggle(e.detail.id, e.detail.expand)}
                    @organ-focus=${(e: CustomEvent) => this.go({ focus: e.detail.id })}
                    @event-choose=${(e: CustomEvent) => this.chooseEvent(e.detail.id)}
                  ></apparat-details>`
                : this.overview(graph, d)
              : this.tab === 'events'
                ? html`<apparat-events
                    .model=${d.model}
                    .events=${d.events}
                    .current=${v.event}
                    @event-choose=${(e: CustomEvent) => this.chooseEvent(e.detail.id)}
                    @organ-go=${(e: CustomEvent) => this.goOrgan(e.detail.id, e.detail.at)}
                  ></apparat-events>`
                : html`<apparat-compare
                    .at=${v.at ?? ''}
                    .compare=${v.compare}
                    .diff=${d.diff}
                    .names=${names}
                    .period=${d.model.period}
                    @compare-change=${(e: CustomEvent) => this.go({ compare: e.detail.compare })}
                    @organ-select=${(e: CustomEvent) => this.select(e.detail.id, false)}
                  ></apparat-compare>`}
            ${v.select && !selectedHere && this.tab === 'details' ? nothing : nothing}
          </div>
        </aside>
      </main>
    `;
  }

  /** A user's own files (also dropped anywhere on the page): validated like the bundled ones; their problems are listed if they fail. */
  private openFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) await this.importer?.importFiles(files.map((file) => ({ name: file.name, file })));
  };

  get importer(): ApparatImporter | null {
    return this.renderRoot.querySelector('apparat-importer');
  }

  private isYours(id: string): boolean {
    return this.yours.some((y) => y.key === `graph:${id}`);
  }

  /** Opened files join the loaded ones (a failure replaces nothing); the first graph that opened is shown. */
  private imported = async (e: CustomEvent<ImportDetail>) => {
    const { loaded, items, show, notice, failed } = e.detail;
    for (const l of loaded) if (l.graph) this.models.delete(l.graph.id);
    this.derivedKey = '';
    const keys = new Set(items.map((i) => i.key));
    this.yours = [...this.yours.filter((y) => !keys.has(y.key)), ...items];
    this.loaded = mergeLoaded(this.loaded ?? [], loaded);
    this.notice = notice;
    if (show) this.go({ graph: show, at: undefined, select: undefined, compare: undefined, event: undefined, focus: undefined, hide: [], collapse: [], trail: [] });
    if (failed) {
      await this.updateComplete;
      const problems = this.renderRoot.querySelector('.problems') as HTMLDetailsElement | null;
      if (problems) problems.open = true;
    }
  };

  /** Removes some of the user's graphs and stories (already gone from storage); a removed graph in view gives way to another. */
  private forget(keys: string[]): void {
    let loaded = this.loaded ?? [];
    for (const k of keys) loaded = withoutYours(loaded, k);
    this.yours = this.yours.filter((y) => !keys.includes(y.key));
    const shown = this.view.graph;
    this.loaded = loaded;
    for (const k of keys) if (k.startsWith('graph:')) this.models.delete(k.slice(6));
    this.derivedKey = '';
    if (shown && keys.includes(`graph:${shown}`)) this.go({ graph: undefined, at: undefined, select: undefined, compare: undefined, event: undefined, focus: undefined, hide: [], collapse: [], trail: [] });
    else this.requestUpdate();
  }

  private overview(graph: Graph, d: Derived) {
    return html`<div class="overview">
      <h2>${graph.title}</h2>
      ${graph.description ? html`<p>${graph.description}</p>` : nothing}
      <p class="muted">${graph.organs.length} organs, ${d.events.length} events, ${Object.keys(graph.sources).length} sources. Select an organ to read about it.</p>
      ${graph.note ? html`<p class="muted">${graph.note}</p>` : nothing}
    </div>`;
  }

  // --- Presentation (src/ui/presentation, src/ui/story-builder) ---------------------------

  private renderStory(p: StoryLocation) {
    return p.speaker
      ? html`<apparat-speaker .loaded=${this.loaded} story=${p.story} step=${p.step}></apparat-speaker>`
      : html`<apparat-presentation .loaded=${this.loaded} story=${p.story} step=${p.step} @presentation-exit=${(e: CustomEvent) => this.leaveStory(e.detail)}></apparat-presentation>`;
  }

  /** Starts presenting a story at its first step. */
  present(id: string): void {
    const url = storyUrl(id, 1);
    history.pushState(null, '', url);
    this.entryUrl = url;
    this.presenting = { story: id, step: 1, speaker: false };
  }

  /** Leaves the presentation for the explorer, showing the view of the step it was at. */
  private leaveStory(view: Partial<ViewState>): void {
    this.entryUrl = location.search;
    this.presenting = undefined;
    this.go({ compare: undefined, event: undefined, focus: undefined, collapse: [], trail: [], ...view });
  }

  /** Shows a draft step's view in the explorer. */
  private showStep(step: StoryStep & { graph: string }): void {
    this.go({ graph: step.graph, at: step.at, hide: step.hide ?? [], select: step.focus?.[0] ?? step.highlight?.[0], focus: undefined, compare: undefined, event: undefined, collapse: [], trail: [] });
  }

  // --- Actions -----------------------------------------------------------------------------

  private pickGraph(id: string): void {
    this.go({ graph: id, select: undefined, compare: undefined, event: undefined, focus: undefined, hide: [], collapse: [], trail: [] });
  }

  select(id: string, switchTab = true): void {
    if (switchTab) this.tab = 'details';
    this.go({ select: id }, 'push');
  }

  /** Shows an organ at a date (lineage, event inputs and outputs). */
  private goOrgan(id: string, at: string, change: Partial<ViewState> = {}): void {
    this.tab = 'details';
    this.go({ select: id, at, event: undefined, ...this.reveal(id, at), ...change });
  }

  /** What must change for an organ to be drawn: its type shown, its ancestors unfolded, no focus elsewhere. */
  private reveal(id: string, at: string): Partial<ViewState> {
    const model = this.modelOf(this.view.graph)!;
    const snap = snapshot(model, atDate(at));
    const chain = ancestors(snap, id);
    const change: Partial<ViewState> = {};
    const type = model.organs.get(id)?.type;
    if (type && this.view.hide.includes(type)) change.hide = this.view.hide.filter((t) => t !== type);
    const folded = this.view.collapse.filter((c) => chain.includes(c));
    if (folded.length) change.collapse = this.view.collapse.filter((c) => !chain.includes(c));
    if (this.view.focus && this.view.focus !== id && !chain.includes(this.view.focus)) change.focus = undefined;
    return change;
  }

  /** Search: select the organ, moving to a date when it existed if it did not exist at this one. */
  find(id: string): void {
    const model = this.modelOf(this.view.graph);
    if (!model) return;
    let at = this.view.at!;
    if (!snapshot(model, atDate(at)).organs.has(id)) {
      const spans = model.graph.organs.find((o) => o.id === id)?.exists ?? [];
      const start = spans.map((s) => s.start).find((s) => s && s !== '..');
      const end = spans.map((s) => s.end).find((s) => s && s !== '..');
      at = start ?? end ?? at;
    }
    this.tab = 'details';
    this.go({ select: id, at, ...this.reveal(id, at) });
    void this.updateComplete.then(() => this.chart?.reveal(id));
  }

  private toggle(id: string, expand: boolean): void {
    const set = new Set(this.view.collapse);
    if (expand) set.delete(id);
    else set.add(id);
    this.go({ collapse: [...set] });
  }

  private chooseEvent(id: string, change: Partial<ViewState> = {}): void {
    const model = this.modelOf(this.view.graph);
    const e = model?.graph.events?.find((x) => x.id === id);
    if (!e) return;
    this.tab = 'events';
    this.go({ event: id, at: e.date, ...change });
  }

  /** Drill-down: open the organ's own graph at the same date. */
  private open(id: string): void {
    const model = this.modelOf(this.view.graph);
    const link = model?.organs.get(id)?.link;
    if (!link) return this.toggle(id, this.view.collapse.includes(id));
    if (!this.valid.some((g) => g.id === link)) {
      this.notice = `The chart "${link}" is not loaded (see the problems above).`;
      return;
    }
    const trail = [...this.view.trail, { graph: this.view.graph!, organ: id }];
    this.tab = 'details';
    this.go({ graph: link, trail, select: undefined, compare: undefined, event: undefined, focus: undefined, hide: [], collapse: [] });
  }

  private back(i: number): void {
    const t = this.view.trail[i];
    this.go({ graph: t.graph, select: t.organ || undefined, trail: this.view.trail.slice(0, i), compare: undefined, event: undefined, focus: undefined, hide: [], collapse: [] });
  }

  get chart(): ApparatChart | null {
    return this.renderRoot.querySelector('apparat-chart');
  }

  private onTabKey = (e: KeyboardEvent) => {
    const tabs: Tab[] = ['details', 'events', 'compare'];
    const i = tabs.indexOf(this.tab);
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i + tabs.length - 1) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    this.tab = tabs[next];
    void this.updateComplete.then(() => (this.renderRoot.querySelector(`#tab-${this.tab}`) as HTMLElement | null)?.focus());
  };

  /** Keyboard shortcuts, when the focus is not in a text field. */
  private onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const path = e.composedPath();
    const target = path[0] as HTMLElement | undefined;
    const tag = target?.tagName;
    const typing = tag === 'INPUT' && (target as HTMLInputElement).type !== 'range' && (target as HTMLInputElement).type !== 'checkbox';
    if (typing || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable) return;
    const timeline = this.renderRoot.querySelector('apparat-timeline') as ApparatTimeline | null;
    const onSlider = tag === 'INPUT';
    const v = this.view;
    switch (e.key) {
      case '[':
        timeline?.step(-1);
        break;
      case ']':
        timeline?.step(1);
        break;
      case 'PageUp':
        if (onSlider) return;
        timeline?.step(-1);
        break;
      case 'PageDown':
        if (onSlider) return;
        timeline?.step(1);
        break;
      case 'p':
      case 'P':
        timeline?.toggle();
        break;
      case '/':
        (this.renderRoot.querySelector('apparat-search') as ApparatSearch | null)?.focus();
        break;
      case 'o':
        (this.renderRoot.querySelector('apparat-outline') as ApparatOutline | null)?.focus();
        break;
      case 'f':
        this.chart?.fit();
        break;
      case '+':
      case '=':
        this.chart?.zoomBy(1.25);
        break;
      case '-':
        this.chart?.zoomBy(0.8);
        break;
      case 'c':
        if (!v.select) return;
        this.toggle(v.select, v.collapse.includes(v.select));
        break;
      case 'z':
        if (!v.select) return;
        this.go({ focus: v.focus === v.select ? undefined : v.select });
        break;
      case 'Escape':
        if (v.event || v.compare) this.go({ event: undefined, compare: undefined });
        else if (v.select) this.go({ select: undefined });
        else return;
        break;
      default:
        return;
    }
    e.preventDefault();
  };
}

customElements.define('apparat-app', ApparatApp);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-app': ApparatApp;
  }
}
