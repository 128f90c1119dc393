/**
 * The explorer's controller: the one owner of the view state, its URL form and the history, the
 * loaded graphs and their models, the derivation (snapshot, comparison, view tree), and the
 * actions a user takes. `<apparat-app>` lays out the components and forwards their events here;
 * every change re-renders the host.
 *
 * Public API
 * - state: `loaded`, `view`, `tab`, `found`, `failure`, `notice`, `presenting`, `yours`;
 *   `valid` (graphs that loaded), `modelOf(id)`, `derived()` (./derive.ts, memoised on the view),
 *   `shown()` (what the page draws: a large graph's date step lands a few frames later), `pending`.
 * - history: `go(change, 'push' | 'replace')` moves to a view (deliberate steps push, dragging and
 *   playing replace); `fresh(change)` is a view change that starts over (no selection, marks, focus,
 *   filters or trail) — add new view fields there and in state.ts.
 * - actions: `select`, `showOrgan`, `find`, `toggle`, `setFocus`, `filter`, `setDate`, `compareWith`,
 *   `chooseEvent`, `stepEvent` (`]`/`[`), `open` (drill down), `back` (the breadcrumb), `pickGraph`, `setFound`;
 *   people and other graphs: `models()`, `openPerson`, `closePerson`, `career()`, `openIn`;
 *   stories: `present`, `stepStory`, `leaveStory`, `showStep`; files: `setGraphs`, `addGraph`, `imported`, `forget`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadBundled, loadFirstBundled } from '../../io/bundled.ts';
import type { LoadedGraph } from '../../io/graph-file.ts';
import { parseDate } from '../../model/dates.ts';
import { eventsInOrder } from '../../model/lineage.ts';
import { personCareer, type Career } from '../../model/across.ts';
import { at as atDate, type Model } from '../../model/model.ts';
import { ancestors, snapshot, snapshotInSteps, type Snapshot } from '../../model/snapshot.ts';
import { clampDate, defaultDate, PREFERRED_GRAPH } from '../../model/opening.ts';
import type { ChangeEvent, Graph, StoryStep } from '../../model/types.ts';
import { WINDOW_MIN } from '../../render/window.ts';
import type { ImportDetail } from '../io/apparat-importer.ts';
import { loadYours, mergeLoaded, withoutYours, type YourItem } from '../io/yours.ts';
import { readYours } from '../storage/graphs-db.ts';
import { modelFor, readStoryUrl, storyUrl, type StoryLocation } from '../presentation/story-url.ts';
import type { ExitView } from '../shared/events.ts';
import { afterFrame, inSlices } from '../shared/slices.ts';
import { readUrl, writeUrl, type ViewState } from './state.ts';
import { StepFolds } from './step-folds.ts';
import { derive, type Derived } from './derive.ts';

export type { Derived };

/** A graph with more organs than this is stepped through time over several frames (`shown`). */
const LARGE = WINDOW_MIN;
/** Where `keyOf` puts the date, the event and the folds around it: what a step through time moves. */
const STEP_KEYS = new Set([1, 3, 7]);

export type Tab = 'details' | 'events' | 'compare';
export const TABS: Tab[] = ['details', 'events', 'compare'];

/** A view change that starts over: nothing selected, marked, focused, hidden, folded or drilled into. */
export function fresh(change: Partial<ViewState> = {}): Partial<ViewState> {
  return { select: undefined, compare: undefined, event: undefined, focus: undefined, hide: [], collapse: [], trail: [], ...change };
}

export class Explorer implements ReactiveController {
  loaded: LoadedGraph[] | undefined;
  view: ViewState;
  tab: Tab;
  /** The organs the search finds. */
  found: Set<string> | undefined;
  failure: string | undefined;
  /** A passing message (a drill-down that cannot open, a file that did not). */
  notice: string | undefined;
  /** A story being presented (`?story=<id>&step=<n>`), or its speaker view. */
  presenting: StoryLocation | undefined;
  /** The user's own graphs and stories, kept in this browser (src/ui/io, src/ui/storage). */
  yours: YourItem[] = [];
  /** A person whose career is shown in the details panel (closed when an organ is selected). */
  person: string | undefined;

  /** The URL the current history entry was made for (a drag or playback replaces it on the way). */
  private entryUrl = '';
  private memo?: { key: unknown[]; derived: Derived };
  /** A large graph's new picture is being worked out (`shown`); the page shows the last one meanwhile. */
  pending = false;
  /** The snapshot `shown` worked out ahead of the rest of the picture. */
  private dated?: { model: Model; snap: Snapshot };
  /** Standing on an event: what is folded to frame its change (./step-folds.ts). */
  readonly stepFolds = new StepFolds();

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
    this.view = readUrl(location.search);
    this.presenting = readStoryUrl(location.search);
    this.tab = this.view.compare ? 'compare' : this.view.event && !this.view.select ? 'events' : 'details';
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPop);
    // The graph the first chart shows comes first (a built app): the others, and this browser's
    // own graphs, join once its chart is on the screen (`loadOthers`); without one, at once.
    if (!this.loaded)
      loadFirstBundled()
        .then((first) => {
          if (!first) this.loadOthers();
          else if (!this.loaded) this.setGraphs([first]);
        })
        // A file the host garbled: everything loads the usual way, which says what is wrong with it.
        .catch(() => this.loadOthers());
  }

  private othersAsked = false;

  /** Loads every bundled graph and story, and this browser's own (../../io/bundled.ts, ../storage); once. */
  loadOthers(): void {
    if (this.othersAsked) return;
    this.othersAsked = true;
    // Embedded in another page, the site shows its own graphs: this browser's stored ones are not read.
    // Otherwise the store is read while the graphs load.
    const stored = this.view.embed ? undefined : readYours();
    stored?.catch(() => undefined);
    loadBundled()
      .then(async (g) => {
        const yours = stored ? await loadYours(g, stored) : { items: [], loaded: [] };
        performance.mark('apparat:graphs-loaded');
        this.yours = yours.items;
        this.setGraphs([...g, ...yours.loaded]);
        if (yours.problem) this.notice = yours.problem;
      })
      .catch((e: unknown) => this.update({ failure: `The bundled graphs could not be loaded: ${e instanceof Error ? e.message : String(e)}` }));
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPop);
  }

  /** Sets some of the controller's own state and re-renders. */
  update(change: Partial<Pick<Explorer, 'tab' | 'found' | 'failure' | 'notice' | 'person'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  get valid(): Graph[] {
    return (this.loaded ?? []).flatMap((l) => (l.graph ? [l.graph] : []));
  }

  /** The model of a loaded graph (built once per graph object). */
  modelOf(id: string | undefined): Model | undefined {
    const g = id ? this.valid.find((x) => x.id === id) : undefined;
    return g ? modelFor(g) : undefined;
  }

  // --- The view and the history -------------------------------------------------------------

  /** Fills in what the URL left out: the largest valid graph, and a meaningful date. */
  private resolve(v: ViewState): ViewState {
    const next = { ...v };
    const failed = (this.loaded ?? []).some((l) => !l.graph && (l.file.endsWith(`/${v.graph}.json`) || l.file === v.graph));
    if (!next.graph || (!this.valid.some((g) => g.id === next.graph) && !failed)) {
      const largest = [...this.valid].sort((a, b) => b.organs.length - a.organs.length)[0];
      const preferred = this.valid.find((g) => g.id === PREFERRED_GRAPH) ?? largest;
      next.graph = preferred?.id;
    }
    const model = this.modelOf(next.graph);
    if (model) {
      const event = next.event ? model.graph.events?.find((e) => e.id === next.event) : undefined;
      if (!event) next.event = undefined;
      // A link to an event alone stands at its date.
      next.at = next.at ? clampDate(model, next.at) : (event?.date ?? defaultDate(model));
      if (next.select && !model.organs.has(next.select)) next.select = undefined;
      if (next.focus && !model.organs.has(next.focus)) next.focus = undefined;
    }
    return next;
  }

  /** Moves to a new view: `push` for deliberate steps, `replace` while dragging or playing. */
  go(change: Partial<ViewState>, mode: 'push' | 'replace' = 'push'): void {
    const next = this.resolve({ ...this.view, ...change });
    this.view = next;
    // Selecting an organ closes a person's career.
    if (change.select) this.person = undefined;
    const url = writeUrl(next);
    if (mode === 'replace') {
      if (url !== location.search) history.replaceState(null, '', url);
    } else if (url !== this.entryUrl) {
      // A drag replaced this entry on its way; the entry keeps where the drag began.
      if (location.search !== this.entryUrl) history.replaceState(null, '', this.entryUrl);
      history.pushState(null, '', url);
      this.entryUrl = url;
    } else if (location.search !== url) history.replaceState(null, '', url);
    this.host.requestUpdate();
  }

  private onPop = () => {
    this.entryUrl = location.search;
    this.presenting = readStoryUrl(location.search);
    // Between a story's steps the explorer's own view (its filters) waits for the story's end.
    if (!this.presenting) this.view = this.resolve(readUrl(location.search));
    this.host.requestUpdate();
  };

  /** The snapshot, comparison and view tree of the view (./derive.ts), worked out again only when they change. */
  derived(): Derived | undefined {
    const v = this.view;
    const model = this.modelOf(v.graph);
    if (!model || !v.at) return undefined;
    const key = this.keyOf(model, v);
    if (this.memo && key.every((k, i) => k === this.memo!.key[i])) return this.memo.derived;
    const dated = this.dated?.model === model ? this.dated.snap : undefined;
    this.dated = undefined;
    const derived = derive(model, { ...v, at: v.at }, this.stepFolds, this.memo?.derived.model === model ? this.memo.derived.graphTypes : undefined, dated);
    this.memo = { key, derived };
    return derived;
  }

  /** What the derivation depends on; the places of the date, the event and its folds are `STEP_KEYS`. */
  private keyOf(model: Model, v: ViewState): unknown[] {
    return [model, v.at, v.compare, v.event, v.focus, v.hide.join(','), v.collapse.join(','), v.event && !v.compare ? this.stepFolds.key() : ''];
  }

  /**
   * What the page draws now: `derived()`, except on a date step of a large graph, where the last
   * picture stays while the new one is worked out (`workOut`): the timeline answers at once.
   */
  shown(): Derived | undefined {
    const model = this.modelOf(this.view.graph);
    const last = this.memo;
    if (!model || !last || last.key[0] !== model || model.ids.length <= LARGE) return this.derived();
    const key = this.keyOf(model, this.view);
    // Only the date or the event moved (and so the folds around it).
    if (key.some((k, i) => k !== last.key[i] && !STEP_KEYS.has(i))) return this.derived();
    if (key.every((k, i) => k === last.key[i])) return last.derived;
    if (!this.pending) void this.workOut(model);
    return last.derived;
  }

  /** A large graph's new picture after a step: its snapshot in slices, its view tree, the page, each in frames of their own. */
  private async workOut(model: Model): Promise<void> {
    this.pending = true;
    await afterFrame();
    const v = this.view;
    if (v.at && !v.event && !v.compare) {
      const snap = await inSlices(snapshotInSteps(model, atDate(v.at)));
      if (snap) this.dated = { model, snap };
    }
    await afterFrame();
    this.derived();
    await afterFrame();
    requestAnimationFrame(() => {
      this.pending = false;
      this.host.requestUpdate();
    });
  }

  // --- Actions ---------------------------------------------------------------------------------

  pickGraph(id: string): void {
    this.go(fresh({ graph: id }));
  }

  select(id: string, switchTab = true): void {
    if (switchTab) this.tab = 'details';
    this.go({ select: id });
  }

  /** Shows an organ at a date (lineage, event inputs and outputs). */
  showOrgan(id: string, at: string, change: Partial<ViewState> = {}): void {
    this.tab = 'details';
    this.go({ select: id, at, event: undefined, ...this.reveal(id, at), ...change });
  }

  /** What must change for an organ to be drawn: its type shown, its ancestors unfolded, no focus elsewhere. */
  private reveal(id: string, at: string): Partial<ViewState> {
    const model = this.modelOf(this.view.graph)!;
    const chain = ancestors(snapshot(model, atDate(at)), id);
    const change: Partial<ViewState> = {};
    const type = model.organs.get(id)?.type;
    if (type && this.view.hide.includes(type)) change.hide = this.view.hide.filter((t) => t !== type);
    if (this.view.collapse.some((c) => chain.includes(c))) change.collapse = this.view.collapse.filter((c) => !chain.includes(c));
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
  }

  /** Folds (`expand: false`) or unfolds an organ's subtree. */
  toggle(id: string, expand: boolean): void {
    const set = new Set(this.view.collapse);
    if (expand && this.stepFolds.folded(id)) this.stepFolds.unfolded.add(id);
    if (expand) set.delete(id);
    else set.add(id);
    this.go({ collapse: [...set] });
  }

  /** Whether an organ is folded, by the user or to frame the event's change. */
  isFolded(id: string): boolean {
    return this.view.collapse.includes(id) || this.stepFolds.folded(id);
  }

  /** The chart's room in px (less the legend; `caption`: the event's strip), as the app measures it. */
  setRoom(width: number, height: number, caption: number): void {
    if (this.stepFolds.setRoom(width, height, caption)) this.host.requestUpdate();
  }

  /** Focuses on an organ's subtree; none shows everything. */
  setFocus(id: string | undefined): void {
    this.go({ focus: id });
  }

  /** Hides organ types. */
  filter(hide: string[]): void {
    this.go({ hide });
  }

  /** Moves to a date (leaving the chosen event); `replace` while dragging or playing. */
  setDate(at: string, mode: 'push' | 'replace' = 'push'): void {
    this.go({ at, event: undefined }, mode);
  }

  /** Shows the chart at a date, or the flow of the whole period (`view=flow`). */
  setView(view: 'flow' | undefined): void {
    this.go({ view });
  }

  /** Compares the date shown with another (none stops comparing). */
  compareWith(compare: string | undefined): void {
    this.go({ compare });
  }

  setFound(ids: string[]): void {
    this.update({ found: ids.length ? new Set(ids) : undefined });
  }

  chooseEvent(id: string, change: Partial<ViewState> = {}): void {
    const e = this.modelOf(this.view.graph)?.graph.events?.find((x) => x.id === id);
    if (!e) return;
    this.tab = 'events';
    this.go({ event: id, at: e.date, ...change });
  }

  /** Steps to the next (1) or previous (-1) event in stepping order; from a free date, the first event after (or before) it. */
  stepEvent(dir: 1 | -1): void {
    const model = this.modelOf(this.view.graph);
    if (!model || !this.view.at) return;
    const events = eventsInOrder(model.graph);
    const cur = this.view.event ? events.findIndex((e) => e.id === this.view.event) : -1;
    let next: ChangeEvent | undefined;
    if (cur >= 0) next = events[cur + dir];
    else {
      const at = parseDate(this.view.at);
      // From a free date: forward to the first event not over before it, back to the last that is.
      next = dir > 0 ? events.find((e) => parseDate(e.date).max >= at.min) : [...events].reverse().find((e) => parseDate(e.date).max < at.min);
    }
    if (next) this.chooseEvent(next.id);
  }

  /** Drill-down: open the organ's own graph at the same date (an organ without one folds). */
  open(id: string): void {
    const link = this.modelOf(this.view.graph)?.organs.get(id)?.link;
    if (!link) return this.toggle(id, this.isFolded(id));
    if (!this.valid.some((g) => g.id === link)) return this.update({ notice: `The chart "${link}" is not loaded (see the problems above).` });
    this.tab = 'details';
    this.go(fresh({ graph: link, trail: [...this.view.trail, { graph: this.view.graph!, organ: id }] }));
  }

  /** Back along the drill-down breadcrumb to its i-th graph. */
  back(i: number): void {
    const t = this.view.trail[i];
    this.go(fresh({ graph: t.graph, select: t.organ || undefined, trail: this.view.trail.slice(0, i) }));
  }

  /** Esc: clears the event or comparison, then the selection; false when there was nothing to clear. */
  clear(): boolean {
    const v = this.view;
    if (v.event || v.compare) this.go({ event: undefined, compare: undefined });
    else if (v.select) this.go({ select: undefined });
    else return false;
    return true;
  }

  // --- People and the other graphs (src/model/across.ts) ---------------------------------------

  /** The models of every loaded graph. */
  models(): Model[] {
    return this.valid.map((g) => modelFor(g));
  }

  /** Shows a person's career across every loaded graph in the details panel. */
  openPerson(id: string): void {
    this.tab = 'details';
    this.update({ person: id });
  }

  closePerson(): void {
    this.update({ person: undefined });
  }

  /** The career of the person shown, if any. */
  career(): Career | undefined {
    return this.person ? personCareer(this.models(), this.person) : undefined;
  }

  /** Opens a loaded graph at a date, with an organ selected (a post of a career, a search hit in another graph). */
  openIn(graph: string, organ: string | undefined, at: string): void {
    if (!this.valid.some((g) => g.id === graph)) return this.update({ notice: `The chart "${graph}" is not loaded.` });
    this.tab = 'details';
    this.person = undefined;
    if (graph === this.view.graph && organ) return this.showOrgan(organ, at);
    this.go(fresh({ graph, at, select: organ }));
  }

  // --- Stories (src/ui/presentation, src/ui/story-builder) -------------------------------------

  /** Starts presenting a story at its first step. */
  present(id: string): void {
    this.presenting = { story: id, step: 1, speaker: false };
    this.entryUrl = storyUrl(id, 1);
    history.pushState(null, '', this.entryUrl);
    this.host.requestUpdate();
  }

  /** Moves the presented story to step n: a history entry on the stage, none in the speaker view. */
  stepStory(step: number): void {
    const p = this.presenting;
    if (!p || p.step === step) return;
    this.presenting = { ...p, step };
    const url = storyUrl(p.story, step, p.speaker);
    if (location.search !== url) {
      if (p.speaker) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    this.entryUrl = location.search;
    this.host.requestUpdate();
  }

  /**
   * Leaves the presentation for the explorer at the step's graph, date and focus, with the
   * explorer's own filters as they were before presenting (hidden types; folds and focus on the same graph).
   */
  leaveStory(view: ExitView): void {
    this.entryUrl = location.search;
    this.presenting = undefined;
    const v = this.view;
    const same = !view.graph || view.graph === v.graph;
    this.go(fresh({ select: v.select, hide: v.hide, ...(same ? { collapse: v.collapse, focus: v.focus } : {}), ...view }));
  }

  /** Shows a draft step's view in the explorer. */
  showStep(step: StoryStep & { graph: string }): void {
    this.go(fresh({ graph: step.graph, at: step.at, hide: step.hide ?? [], select: step.focus?.[0] ?? step.highlight?.[0] }));
  }

  // --- The loaded graphs and the user's files ---------------------------------------------------

  /** Replaces the loaded graphs (the bundled ones, or a user's); keeps the URL's view when it fits. */
  setGraphs(loaded: LoadedGraph[]): void {
    this.loaded = loaded;
    this.view = this.resolve(this.view);
    // A story's URL stays as it is.
    this.entryUrl = this.presenting ? location.search : writeUrl(this.view);
    history.replaceState(null, '', this.entryUrl);
    this.host.requestUpdate();
  }

  /** Adds one graph (already validated) to those loaded, and shows it. */
  addGraph(graph: Graph, file = `${graph.id}.json`): void {
    const rest = (this.loaded ?? []).filter((l) => l.graph?.id !== graph.id);
    this.loaded = [...rest, { file, graph, issues: [] }];
    this.go(fresh({ graph: graph.id, at: undefined }));
  }

  isYours(id: string): boolean {
    return this.yours.some((y) => y.key === `graph:${id}`);
  }

  /** Opened files join the loaded ones (a failure replaces nothing); the first graph that opened is shown. */
  imported({ loaded, items, show, notice }: ImportDetail): void {
    const keys = new Set(items.map((i) => i.key));
    this.yours = [...this.yours.filter((y) => !keys.has(y.key)), ...items];
    this.loaded = mergeLoaded(this.loaded ?? [], loaded);
    this.notice = notice;
    if (show) this.go(fresh({ graph: show, at: undefined }));
    else this.host.requestUpdate();
  }

  /** Removes some of the user's graphs and stories (already gone from storage); a removed graph in view gives way to another. */
  forget(keys: string[]): void {
    let loaded = this.loaded ?? [];
    for (const k of keys) loaded = withoutYours(loaded, k);
    this.yours = this.yours.filter((y) => !keys.includes(y.key));
    this.loaded = loaded;
    const shown = this.view.graph;
    if (shown && keys.includes(`graph:${shown}`)) this.go(fresh({ graph: undefined, at: undefined }));
    else this.host.requestUpdate();
  }
}
