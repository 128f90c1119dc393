/**
 * <apparat-chart>: the org chart, a Cytoscape.js canvas over a view tree. Only this component
 * touches its Cytoscape core; others ask it through the public methods below.
 *
 * Properties: `tree` (what to draw), `marks` (compare marks), `eventInputs`/`eventOutputs`,
 * `selected`, `found` (search hits), `fitKey` (a new value refits the view), `motion` (animate
 * steps), `insetBottom`/`insetTop` (pixels overlays cover), `follow` (a change to frame after the
 * next draw), `prescribed`, `stage` (marks for a room).
 * Events: `organ-select` {id}, `organ-open` {id} (double click, Enter), `chart-rendered` (Cytoscape's
 * first drawing: the chart can be panned and clicked), `chart-failed` {message} (Cytoscape's code
 * could not be loaded), `chart-drawn` {changes}.
 * Methods: `drawn()`, `fit()`, `fitReadable()`, `labelsInView()`, `zoomBy(f)`, `reveal(id)`, `frame(framing, options)`,
 * `png(options)`, `pngSize(options)`, `svg(options)`, `nodeBox(id)`, `labelPx(id)`, `drawnIds()`; `core` only to read in tests.
 * Until Cytoscape's code is in (./core.ts), the chart shows a picture of the same elements at the
 * same camera (./picture.ts). Drawing is plan and apply: a new tree is laid out (tidy tree),
 * `planTree` (src/render/plan.ts) works out the change from what the canvas holds, and
 * `PlanApplier` (./apply.ts) brings Cytoscape to it, across frames. Where the camera looks by
 * itself is ./camera.ts; the template around the canvas ./template.ts.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { LitElement, type PropertyValues } from 'lit';
import type { TidyLayout } from '../../layout/tidy.ts';
import type { Mark, ViewTree } from '../../layout/view.ts';
import type { Box, Framing } from '../../render/camera.ts';
import { layoutTree } from '../../render/elements.ts';
import { planSize, planTree, type Plan } from '../../render/plan.ts';
import { covers, organBoxes, organsInWindow, organsInWindowInSteps, WINDOW_MIN, windowAround } from '../../render/window.ts';
import type { SvgOptions } from '../../render/svg.ts';
import { pngSizeOf, viewPng, type PngOptions } from './png.ts';
import { emit } from '../shared/events.ts';
import { PlanApplier } from './apply.ts';
import { cameraOf, reducedMotion, size, zoomBy } from './viewport.ts';
import { paintPicture, pictureOf } from './picture.ts';
import { ChartCamera, type FrameOptions } from './camera.ts';
import { jobMinOrgans, PlanJob } from './plan-job.ts';
import { chartKey, hoverText } from './walk.ts';
import { chartStyles } from './styles.ts';
import { restyleNodes } from './restyle.ts';
import { Overview } from './overview.ts';
import { drawnIds, labelPx, nodeBox } from './query.ts';
import { chartTemplate, type Hover } from './template.ts';

/** Cytoscape and the chart's core (./core.ts): loaded once, when the first chart's picture is on the screen. */
let core: typeof import('./core.ts') | undefined;
let coreLoading: Promise<unknown> | undefined;
const loadCore = () => (coreLoading ??= import('./core.ts').then((m) => (core = m)));

export class ApparatChart extends LitElement {
  static properties = {
    tree: { attribute: false },
    marks: { attribute: false },
    eventInputs: { attribute: false },
    eventOutputs: { attribute: false },
    selected: { type: String },
    found: { attribute: false },
    fitKey: { type: String, attribute: 'fit-key' },
    motion: { type: Boolean },
    insetBottom: { type: Number, attribute: false },
    insetTop: { type: Number, attribute: false },
    follow: { attribute: false },
    prescribed: { type: Boolean },
    stage: { type: Boolean },
    spoken: { state: true },
    hover: { state: true },
  };
  declare tree: ViewTree | undefined;
  declare marks: Map<string, Mark[]> | undefined;
  declare eventInputs: Set<string> | undefined;
  declare eventOutputs: Set<string> | undefined;
  declare selected: string | undefined;
  declare found: Set<string> | undefined;
  declare fitKey: string | undefined;
  declare motion: boolean;
  /** Pixels at the bottom covered by an overlay (the legend), kept clear when fitting. */
  declare insetBottom: number;
  /** Pixels at the top covered by an overlay (the event's caption). */
  declare insetTop: number;
  /**
   * The change to follow: when its key is new, the next draw frames the first group of organs
   * that fits legibly (the event's outputs and inputs, then its outputs alone, then the first).
   */
  declare follow: { key: string; groups: string[][] } | undefined;
  /** The graph shows rules: differing figures are ranges and conditions, not conflicts. */
  declare prescribed: boolean;
  /** On a stage: found organs are marked strongly enough to see from the back of a room. */
  declare stage: boolean;
  /** What a screen reader says after a move by keyboard. */
  declare spoken: string;
  /** The organ under the pointer: its full name, shown above it. */
  declare hover: Hover | undefined;

  static styles = chartStyles;

  private cy?: Core;
  private applier?: PlanApplier;
  /** A large tree's plan, being worked out across frames (./plan-job.ts). */
  private job?: PlanJob;
  private overview?: Overview;
  private layout?: TidyLayout;
  /** Each laid-out organ's box: the camera aims at these, whatever Cytoscape holds. */
  private boxes?: ReadonlyMap<string, Box>;
  /** A large chart's window (model units): Cytoscape holds only the organs near it (src/render/window.ts). */
  private window?: Box;
  private windowPending = false;
  private lastFitKey?: string;
  /** The chart has been on the screen: its picture, or Cytoscape's drawing. */
  private rendered = false;
  /** The core's first drawing is awaited (it marks the chart interactive and takes the picture's place). */
  private cyRendered = false;
  /** Cytoscape's code is loading: the chart shows a picture (./picture.ts). */
  private picturing = !core;
  private coreAsked = false;
  private pictureFrame = false;
  /** The tree the picture's layout is of. */
  private pictured?: ViewTree;
  /** Cytoscape's code could not be loaded: what went wrong. */
  private coreFailure?: string;
  private camera = new ChartCamera(() => ({ cy: this.cy, view: this.view, tree: this.tree, layout: this.layout, boxes: this.boxes, follow: this.follow, selected: this.selected, insets: this.insets }));
  private drawPending = false;
  private resizer?: ResizeObserver;
  private classCache = new WeakMap<NodeSingular, string>();
  /** Time spent in the last `draw` (layout and Cytoscape updates), for benchmarks. */
  lastDrawMs = 0;

  constructor() {
    super();
    this.motion = true;
    this.insetBottom = 0;
    this.insetTop = 0;
    this.prescribed = false;
    this.stage = false;
    this.spoken = '';
  }

  render() {
    return chartTemplate({ organs: this.tree?.organs.size ?? 0, picture: this.picturing, failure: this.coreFailure, spoken: this.spoken, hover: this.hover, onKey: this.onKey, zoomBy: (f) => this.zoomBy(f), fit: () => this.fit() });
  }

  /** Arrow keys walk the tree (./walk.ts); Enter opens the selected organ's own chart. */
  private onKey = (e: KeyboardEvent) => {
    const to = this.tree && chartKey(e, this.tree, this.selected);
    if (to?.open) emit(this, 'organ-open', { id: to.open });
    if (to?.select) {
      this.spoken = to.spoken;
      emit(this, 'organ-select', { id: to.select });
    }
  };

  protected firstUpdated(): void {
    // Without Cytoscape's code, `updated` paints a picture first.
    if (core) this.createCore();
  }

  connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the core was destroyed on disconnect; draw afresh.
    if (this.hasUpdated && !this.cy) {
      if (core) this.createCore();
      else this.picture();
    }
  }

  /** The canvas's size in px (the container's, before there is a core). */
  private get view() {
    if (this.cy) return size(this.cy);
    const container = this.renderRoot.querySelector('#cy');
    return { width: container?.clientWidth ?? 0, height: container?.clientHeight ?? 0 };
  }

  /**
   * Before Cytoscape's code is in: paints the picture of the current tree in the next frame's
   * callbacks (the page is laid out once, with the picture in it), and loads the code once that
   * frame is on the screen.
   */
  private picture(): void {
    if (this.pictureFrame) return;
    this.pictureFrame = true;
    requestAnimationFrame(() => {
      this.pictureFrame = false;
      if (this.cy || !this.isConnected) return;
      if (this.tree && this.paintPicture(this.tree) && !this.rendered) {
        this.rendered = true;
        performance.mark('apparat:first-chart');
      }
      if (this.coreAsked) return;
      this.coreAsked = true;
      // The code compiles while the picture is on the screen.
      setTimeout(() =>
        loadCore()
          .then(() => this.isConnected && !this.cy && this.createCore())
          .catch((e: unknown) => {
            this.coreFailure = `The chart could not start its drawing code (${e instanceof Error ? e.message : String(e)}): it shows a still picture. Reload the page to try again.`;
            console.error(e);
            this.requestUpdate();
            emit(this, 'chart-failed', { message: this.coreFailure });
          }),
      );
    });
  }

  /** Paints the organs in view as Cytoscape will draw them, where its camera will look; false when there is nothing to paint. */
  private paintPicture(tree: ViewTree): boolean {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.picture');
    const view = this.view;
    if (!canvas || !view.width || !view.height) return false;
    // Marks, insets and the like repaint it with the same layout.
    if (this.pictured !== tree || !this.layout) {
      this.layout = layoutTree(tree);
      this.boxes = organBoxes(tree, this.layout);
      this.pictured = tree;
    }
    const camera = this.camera.afterDrawTarget(true);
    if (!camera) return false;
    paintPicture(canvas, pictureOf(tree, this.layout, this.boxes!, camera, view, this, this.prescribed, this.stage));
    return true;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.applier?.dispose();
    this.job?.cancel();
    this.cy?.destroy();
    this.cy = undefined;
    this.applier = undefined;
    this.drawPending = false;
    this.cyRendered = false;
  }

  private createCore(): void {
    const container = this.renderRoot.querySelector('#cy') as HTMLElement;
    const cy = core!.createCore(container, this.stage, {
      tap: (id) => emit(this, 'organ-select', { id }),
      doubleTap: (id) => emit(this, 'organ-open', { id }),
      moved: () => {
        this.camera.userMoved = true;
        this.hover = undefined;
      },
      pointAt: (id, bb) => {
        const text = this.tree ? hoverText(this.tree, id) : undefined;
        if (text) this.hover = { x: (bb.x1 + bb.x2) / 2, y: bb.y1 - 6, ...text };
      },
      pointAway: () => (this.hover = undefined),
    });
    this.cy = cy;
    cy.on('viewport', () => this.scheduleWindow());
    this.overview = new Overview(cy, this.renderRoot.querySelector('canvas.overview')!, () => this.layout, () => (this.camera.userMoved = true));
    this.applier = new PlanApplier(cy);
    this.resizer = new ResizeObserver(() => {
      this.cy?.resize();
      // A folded panel or a new window size: the camera keeps to its intent.
      if (!this.camera.userMoved && !this.applier?.busy) this.camera.aim(false);
    });
    this.resizer.observe(container);
    if (this.tree) this.scheduleDraw();
  }

  protected updated(changed: PropertyValues<this>): void {
    if (!this.cy) {
      if (this.picturing) this.picture();
      return;
    }
    if (changed.has('tree')) this.scheduleDraw();
    else if (this.drawPending) return;
    else if ((changed.has('insetBottom') || changed.has('insetTop')) && !this.camera.userMoved && !this.applier?.busy) this.camera.aim(false);
    else if ((['marks', 'eventInputs', 'eventOutputs', 'selected', 'found'] as const).some((k) => changed.has(k))) this.restyle();
    if (changed.has('selected') && this.selected && !this.drawPending) this.reveal(this.selected);
  }

  /**
   * Draws in the next animation frame: the rest of the page (the date, the outline) paints first,
   * and several changes within one frame (a fast drag) make one draw. The first draw is at once.
   */
  private scheduleDraw(): void {
    if (this.applier?.drawn.nodes.size === 0 && !this.drawPending) {
      this.draw();
      return;
    }
    if (this.drawPending) return;
    this.drawPending = true;
    requestAnimationFrame(() => {
      if (!this.drawPending) return;
      this.drawPending = false;
      this.draw();
      if (this.selected && this.camera.intent !== 'follow') this.reveal(this.selected);
    });
  }

  /** Resolves when the chart shows the current tree (a scheduled draw and all its slices done) and the camera is at rest. */
  async drawn(): Promise<void> {
    while (this.isConnected && !this.coreFailure && ((!this.cy && this.tree) || this.drawPending || this.job?.busy || this.applier?.busy || this.cy?.animated())) await new Promise((r) => requestAnimationFrame(r));
  }

  /** Lays out the tree, plans the change from what the canvas holds, and applies it. */
  private draw(): void {
    const cy = this.cy;
    const applier = this.applier;
    if (!cy || !applier) return;
    const tree = this.tree;
    const t0 = performance.now();
    // The first picture's layout, when it was of this tree (used once: the core draws from here on).
    const pictured = this.pictured === tree ? this.layout : undefined;
    this.pictured = undefined;
    this.job?.cancel();
    if (!tree) {
      applier.clear();
      return;
    }
    const windowed = tree.organs.size > WINDOW_MIN;
    if (!windowed) this.window = undefined;
    if (windowed || tree.organs.size > jobMinOrgans()) {
      // What is drawn stays put while the plan from it is worked out.
      applier.halt();
      this.job = new PlanJob(tree, applier.drawn, this.prescribed, (layout, sizes) => (windowed ? this.windowFor(tree, layout, sizes) : undefined), (layout, plan) => this.show(layout, plan, t0));
      return;
    }
    const layout = pictured ?? layoutTree(tree);
    this.show(layout, planTree(applier.drawn, tree, layout, this.prescribed), t0);
  }

  /** A large chart's window for a new layout, in steps: around where the camera will look once it is drawn (the change to follow, a fresh chart's top) or, when it stays, where it looks now. */
  private *windowFor(tree: ViewTree, layout: TidyLayout, sizes: Float64Array): Generator<void, ReadonlySet<string> | undefined> {
    this.layout = layout;
    this.boxes = organBoxes(tree, layout, sizes);
    yield;
    const cy = this.cy;
    if (!cy) return undefined;
    const camera = this.camera.afterDrawTarget(this.fresh) ?? cameraOf(cy);
    this.window = windowAround(camera, size(cy));
    return yield* organsInWindowInSteps(tree, layout, this.boxes, this.window);
  }

  /** After the camera moved: a large chart whose view has left its window takes a new one, in the next frame. */
  private scheduleWindow(): void {
    const cy = this.cy;
    if (!cy || !this.window || this.windowPending || covers(this.window, cameraOf(cy), size(cy))) return;
    this.windowPending = true;
    requestAnimationFrame(() => {
      this.windowPending = false;
      const { tree, layout, boxes, applier } = this;
      // A draw under way chooses its own window; each looks again once it is drawn (the camera may have moved on).
      if (!this.cy || !tree || !layout || !boxes || !applier || !this.window || this.drawPending || this.job?.busy || applier.busy) return;
      this.window = windowAround(cameraOf(this.cy), size(this.cy));
      const plan = planTree(applier.drawn, tree, layout, this.prescribed, organsInWindow(tree, layout, boxes, this.window));
      applier.apply(plan, false, () => {
        this.restyle();
        this.scheduleWindow();
      });
    });
  }

  /** Whether the next draw starts afresh: nothing drawn yet, or a new fit key. */
  private get fresh(): boolean {
    return this.applier?.drawn.nodes.size === 0 || this.fitKey !== this.lastFitKey;
  }

  /** Applies a draw's plan (animated or sliced) and then points the camera. */
  private show(layout: TidyLayout, plan: Plan, t0: number): void {
    const cy = this.cy;
    const applier = this.applier;
    if (!cy || !applier) return;
    if (this.layout !== layout || !this.boxes) this.boxes = this.tree ? organBoxes(this.tree, layout) : new Map();
    this.layout = layout;
    const fresh = this.fresh;
    // A large chart jumps: its window holds only what is near the camera's end, not its way there.
    const motion = this.motion && !reducedMotion() && !fresh && !this.window;
    const changes = planSize(plan);
    applier.apply(plan, motion, () => {
      this.restyle();
      if (fresh) this.lastFitKey = this.fitKey;
      this.camera.afterDraw(fresh, !fresh && !this.window);
      if (!this.cyRendered) {
        this.cyRendered = true;
        cy.one('render', () => {
          // A chart with no picture before it (Cytoscape's code was in) is first drawn now.
          if (!this.rendered) performance.mark('apparat:first-chart');
          this.rendered = true;
          performance.mark('apparat:chart-interactive');
          // Cytoscape has drawn the same organs: its canvas takes the picture's place in this frame.
          this.picturing = false;
          this.requestUpdate();
          emit(this, 'chart-rendered', undefined);
        });
      }
      emit(this, 'chart-drawn', { changes });
      this.overview?.paint();
      // The view moved while the draw was worked out: a window of its own.
      this.scheduleWindow();
    }, this.window !== undefined);
    this.lastDrawMs = performance.now() - t0;
  }

  /** Sets the classes that marks, selection and search give. */
  private restyle(): void {
    if (this.cy) restyleNodes(this.cy, this, this.classCache);
  }

  private get insets() {
    return { top: this.insetTop, bottom: Math.min(this.insetBottom, (this.cy?.height() ?? 0) / 3) };
  }

  /** Fits the whole chart, but never so small that labels are unreadable: then shows the top. */
  fitReadable(): void {
    this.camera.fitReadable();
  }

  /** Fit (F): the whole at a legible zoom, or, when it cannot be read whole, the change or the selection (the overview shows the whole). */
  fit(): void {
    this.camera.fit();
  }

  /** The rendered font sizes (px) of the labels drawn at least partly inside the viewport (less the overlays). */
  labelsInView(): number[] {
    return this.camera.labelsInView();
  }

  /** Zooms by a factor about the centre. */
  zoomBy(f: number): void {
    if (this.cy) zoomBy(this.cy, f);
  }

  /** Pans so that the organ is in view (without changing the zoom when it is legible). */
  reveal(id: string): void {
    this.camera.reveal(id);
  }

  /**
   * Points the camera at a framing (focus organs with their children, highlighted organs; see
   * src/render/camera.ts), keeping `top` pixels clear; animated over `duration` ms (0 jumps).
   * Returns false when nothing of it is drawn.
   */
  frame(framing: Framing, options: FrameOptions = {}): boolean {
    return this.camera.frame(framing, options);
  }

  /** Where an organ's node is drawn, in page pixels (for tests and tooltips). */
  nodeBox(id: string): DOMRect | undefined {
    return this.cy && nodeBox(this.cy, id, this.renderRoot.querySelector('#cy')!);
  }

  /** The height in px at which an organ's label is drawn now: its font size times the zoom (undefined when not drawn). */
  labelPx(id: string): number | undefined {
    return this.cy && labelPx(this.cy, id);
  }

  /** Ids of the organs drawn (not stack ghosts, not leaving). */
  drawnIds(): string[] {
    return this.cy ? drawnIds(this.cy) : [];
  }

  /** The chart as a PNG Blob (whole, or `full: false` the part in view), its scale capped to what a canvas holds. */
  png(options: PngOptions = {}): Blob | undefined {
    return this.whole(options.full !== false, (cy) => viewPng(cy, options));
  }

  /** The scale `png` will use, and the picture's size in pixels (before the device's pixel ratio). */
  pngSize(options: PngOptions = {}): { scale: number; w: number; h: number } | undefined {
    return this.whole(options.full !== false, (cy) => pngSizeOf(cy, options));
  }

  /** The chart as SVG text (`inView`: only the part in view). */
  async svg(options: SvgOptions & { inView?: boolean } = {}): Promise<string | undefined> {
    if (!this.cy) return undefined;
    const { chartSvg } = await import('./chart-svg.ts');
    return this.whole(!options.inView, (cy) => chartSvg(cy, options));
  }

  /**
   * Runs `f` on the core; when it needs the whole chart (`whole`) and a large chart holds only its
   * window, with every organ added for the moment (an export of thousands of organs takes a while).
   */
  private whole<T>(whole: boolean, f: (cy: Core) => T): T | undefined {
    const { cy, applier, tree, layout, boxes } = this;
    if (!cy) return undefined;
    if (!whole || !this.window || !applier || !tree || !layout || !boxes || this.job?.busy) return f(cy);
    applier.applyNow(planTree(applier.drawn, tree, layout, this.prescribed));
    this.restyle();
    try {
      return f(cy);
    } finally {
      applier.applyNow(planTree(applier.drawn, tree, layout, this.prescribed, organsInWindow(tree, layout, boxes, this.window)));
      this.restyle();
    }
  }

  /** The Cytoscape core, to read in tests; everything else asks the methods above. */
  get core(): Core | undefined {
    return this.cy;
  }
}

customElements.define('apparat-chart', ApparatChart);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-chart': ApparatChart;
  }
}
