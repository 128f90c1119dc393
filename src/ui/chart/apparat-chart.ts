/**
 * <apparat-chart>: the org chart, a Cytoscape.js canvas over a view tree. Only this component
 * touches its Cytoscape core; others ask it through the public methods below.
 *
 * Properties: `tree` (what to draw), `marks` (compare marks), `eventInputs`/`eventOutputs`,
 * `selected`, `found` (search hits), `fitKey` (a new value refits the view), `motion` (animate
 * steps), `insetBottom` (pixels an overlay covers), `prescribed`, `stage` (marks for a room).
 * Events: `organ-select` {id}, `organ-open` {id} (double click, Enter), `chart-rendered`, `chart-drawn` {changes}.
 * Methods: `drawn()`, `fit()`, `fitReadable()`, `zoomBy(f)`, `reveal(id)`, `frame(framing, options)`,
 * `png(options)`, `pngSize(options)`, `svg(options)`, `nodeBox(id)`, `drawnIds()`; `core` only to read in tests.
 *
 * Drawing is plan and apply: a new tree is laid out with the tidy-tree layout, `planTree`
 * (src/render/plan.ts) works out the change from what the canvas holds, and `PlanApplier`
 * (./apply.ts) brings Cytoscape to it, animated or sliced across frames.
 */
import cytoscape, { type Core } from 'cytoscape';
import { LitElement, html, type PropertyValues } from 'lit';
import { tidyTree, type TidyLayout } from '../../layout/tidy.ts';
import type { Mark, ViewTree } from '../../layout/view.ts';
import { frameCamera, type Framing } from '../../render/camera.ts';
import { dataClasses, type NodeData } from '../../render/elements.ts';
import { organOfNode } from '../../render/ids.ts';
import { markClasses } from '../../render/marks.ts';
import { formatNumber } from '../../render/organ-style.ts';
import { planSize, planTree } from '../../render/plan.ts';
import { viewSvg, type SvgOptions } from '../../render/svg.ts';
import { pngScale, viewPng, type PngOptions } from './png.ts';
import { cssProps } from '../shared/css-props.ts';
import { emit } from '../shared/events.ts';
import { PlanApplier } from './apply.ts';
import { guardStyleCache } from './style-cache.ts';
import { boxOf, createCore, fitReadable, reducedMotion, reveal, zoomBy } from './viewport.ts';
import { hoverText, spokenOrgan, walk } from './walk.ts';
import { chartStyles } from './styles.ts';

// Edges are hidden while organs glide, so Cytoscape's overlap warnings are noise.
cytoscape.warnings(false);

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
  /** The graph shows rules: differing figures are ranges and conditions, not conflicts. */
  declare prescribed: boolean;
  /** On a stage: found organs are marked strongly enough to see from the back of a room. */
  declare stage: boolean;
  /** What a screen reader says after a move by keyboard. */
  declare spoken: string;
  /** The organ under the pointer: its full name, shown above it. */
  declare hover: { x: number; y: number; name: string; detail: string } | undefined;

  static styles = chartStyles;

  private cy?: Core;
  private applier?: PlanApplier;
  private layout?: TidyLayout;
  private lastFitKey?: string;
  private rendered = false;
  /** The user has panned or zoomed since the last automatic fit. */
  private userMoved = false;
  private drawPending = false;
  private resizer?: ResizeObserver;
  private classCache = new WeakMap<object, string>();
  /** Time spent in the last `draw` (layout and Cytoscape updates), for benchmarks. */
  lastDrawMs = 0;

  constructor() {
    super();
    this.motion = true;
    this.insetBottom = 0;
    this.prescribed = false;
    this.stage = false;
    this.spoken = '';
  }

  render() {
    return html`
      <div
        id="cy"
        part="canvas"
        tabindex="0"
        role="application"
        aria-roledescription="org chart"
        aria-label=${this.ariaSummary()}
        @keydown=${this.onKey}
      ></div>
      <p class="visually-hidden" aria-live="polite">${this.spoken}</p>
      ${this.hover
        ? html`<div class="tip" style=${cssProps({ left: `${this.hover.x}px`, top: `${this.hover.y}px` })} aria-hidden="true">
            <strong>${this.hover.name}</strong><span>${this.hover.detail}</span>
          </div>`
        : ''}
      <div class="tools" role="toolbar" aria-label="Chart view">
        <button type="button" @click=${() => this.zoomBy(1.25)} aria-label="Zoom in" title="Zoom in (+)">+</button>
        <button type="button" @click=${() => this.zoomBy(0.8)} aria-label="Zoom out" title="Zoom out (−)">−</button>
        <button type="button" @click=${() => this.fit()} aria-label="Fit the chart to the window" title="Fit (F)">Fit</button>
      </div>
    `;
  }

  private ariaSummary(): string {
    const n = this.tree?.organs.size ?? 0;
    return `Org chart of ${formatNumber(n)} organs. Arrow keys move between organs: up to the parent, down to the first child, left and right to siblings; Enter opens an organ's own chart. The outline beside it lists them all.`;
  }

  /** Arrow keys walk the tree: up to the parent, down to the first child, left and right among siblings. */
  private onKey = (e: KeyboardEvent) => {
    const t = this.tree;
    if (!t || !t.organs.size) return;
    if (e.key === 'Enter') {
      if (this.selected && t.organs.has(this.selected)) emit(this, 'organ-open', { id: this.selected });
      e.preventDefault();
      return;
    }
    const next = walk(t, this.selected, e.key);
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    if (!next) return;
    this.spoken = spokenOrgan(t, next);
    emit(this, 'organ-select', { id: next });
  };

  protected firstUpdated(): void {
    this.createCore();
  }

  connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the core was destroyed on disconnect; draw afresh.
    if (this.hasUpdated && !this.cy) this.createCore();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.applier?.dispose();
    this.cy?.destroy();
    this.cy = undefined;
    this.applier = undefined;
    this.drawPending = false;
    this.rendered = false;
  }

  private createCore(): void {
    guardStyleCache();
    const container = this.renderRoot.querySelector('#cy') as HTMLElement;
    const cy = createCore(container, this.stage, {
      tap: (id) => emit(this, 'organ-select', { id }),
      doubleTap: (id) => emit(this, 'organ-open', { id }),
      moved: () => {
        this.userMoved = true;
        this.hover = undefined;
      },
      pointAt: (id, bb) => {
        const text = this.tree ? hoverText(this.tree, id) : undefined;
        if (text) this.hover = { x: (bb.x1 + bb.x2) / 2, y: bb.y1 - 6, ...text };
      },
      pointAway: () => (this.hover = undefined),
    });
    this.cy = cy;
    this.applier = new PlanApplier(cy);
    this.resizer = new ResizeObserver(() => this.cy?.resize());
    this.resizer.observe(container);
    if (this.tree) this.scheduleDraw();
  }

  protected updated(changed: PropertyValues<this>): void {
    if (!this.cy) return;
    if (changed.has('tree')) this.scheduleDraw();
    else if (this.drawPending) return;
    else if (changed.has('insetBottom') && !this.userMoved && !this.applier?.busy) this.fitReadable();
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
      if (this.selected) this.reveal(this.selected);
    });
  }

  /** Resolves when the chart shows the current tree (a scheduled draw and all its slices done). */
  async drawn(): Promise<void> {
    while (this.drawPending || this.applier?.busy) await new Promise((r) => requestAnimationFrame(r));
  }

  /** Lays out the tree, plans the change from what the canvas holds, and applies it. */
  private draw(): void {
    const cy = this.cy;
    const applier = this.applier;
    if (!cy || !applier) return;
    const tree = this.tree;
    const t0 = performance.now();
    if (!tree) {
      applier.clear();
      return;
    }
    const layout = tidyTree({ roots: tree.roots, children: (id) => tree.children.get(id) });
    this.layout = layout;
    const fresh = applier.drawn.nodes.size === 0 || this.fitKey !== this.lastFitKey;
    const plan = planTree(applier.drawn, tree, layout, this.prescribed);
    const motion = this.motion && !reducedMotion() && !fresh;
    const changes = planSize(plan);
    applier.apply(plan, motion, () => {
      this.restyle();
      if (fresh) {
        this.lastFitKey = this.fitKey;
        this.fitReadable();
      }
      if (!this.rendered) {
        this.rendered = true;
        cy.one('render', () => {
          performance.mark('apparat:first-chart');
          emit(this, 'chart-rendered', undefined);
        });
      }
      emit(this, 'chart-drawn', { changes });
    });
    this.lastDrawMs = performance.now() - t0;
  }

  /** Sets the classes that marks, selection and search give. */
  private restyle(): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const id = (n.data('organ') as string | undefined) ?? organOfNode(n.id());
        const classes = [...dataClasses(n.data() as NodeData), ...markClasses(id, Boolean(n.data('ghost')), this)];
        if (n.hasClass('leaving')) classes.push('leaving');
        const cls = classes.join(' ');
        if (this.classCache.get(n) !== cls) {
          this.classCache.set(n, cls);
          n.classes(cls);
        }
      });
    });
  }

  /** Fits the whole chart, but never so small that labels are unreadable: then shows the top. */
  fitReadable(): void {
    this.userMoved = false;
    if (this.cy?.nodes().length && this.layout) fitReadable(this.cy, this.layout, this.tree?.roots[0], this.insetBottom);
  }

  /** Fits every organ in view (animated). */
  fit(): void {
    this.cy?.animate({ fit: { eles: this.cy.nodes(), padding: 24 } }, { duration: 250 });
  }

  /** Zooms by a factor about the centre. */
  zoomBy(f: number): void {
    if (this.cy) zoomBy(this.cy, f);
  }

  /** Pans so that the organ is in view (without changing the zoom when it is legible). */
  reveal(id: string): void {
    // Revealing is a deliberate view: a later automatic refit must not undo it.
    if (this.cy && reveal(this.cy, id)) this.userMoved = true;
  }

  /**
   * Points the camera at a framing (focus organs with their children, highlighted organs; see
   * src/render/camera.ts), keeping `top` pixels clear; animated over `duration` ms (0 jumps).
   * Returns false when nothing of it is drawn.
   */
  frame(framing: Framing, { duration = 0, top = 0, pad = 36 }: { duration?: number; top?: number; pad?: number } = {}): boolean {
    const cy = this.cy;
    const tree = this.tree;
    if (!cy || !tree) return false;
    const cam = frameCamera(tree, framing, (ids) => boxOf(cy, ids), { w: cy.width(), h: cy.height() }, pad, top);
    if (!cam) return false;
    this.userMoved = true;
    cy.stop();
    if (duration) cy.animate({ zoom: cam.zoom, pan: cam.pan }, { duration, easing: 'ease-in-out-cubic' });
    else cy.viewport(cam);
    return true;
  }

  /** Where an organ's node is drawn, in page pixels (for tests and tooltips). */
  nodeBox(id: string): DOMRect | undefined {
    const node = this.cy?.getElementById(id);
    if (!node || node.empty()) return undefined;
    const bb = node.renderedBoundingBox({ includeLabels: false });
    const r = this.renderRoot.querySelector('#cy')!.getBoundingClientRect();
    return new DOMRect(r.left + bb.x1, r.top + bb.y1, bb.w, bb.h);
  }

  /** Ids of the organs drawn (not stack ghosts, not leaving). */
  drawnIds(): string[] {
    return this.cy ? this.cy.nodes().filter((n) => !n.data('ghost') && !n.hasClass('leaving')).map((n) => n.id()) : [];
  }

  /** The chart as a PNG Blob (whole, or `full: false` the part in view), its scale capped to what a canvas holds. */
  png(options: PngOptions = {}): Blob | undefined {
    return this.cy ? viewPng(this.cy, options) : undefined;
  }

  /** The scale `png` will use, and the picture's size in pixels (before the device's pixel ratio). */
  pngSize(options: PngOptions = {}): { scale: number; w: number; h: number } | undefined {
    const cy = this.cy;
    if (!cy) return undefined;
    const bb = options.full === false ? { w: cy.width(), h: cy.height() } : cy.elements().boundingBox();
    return { scale: pngScale(cy, options), w: bb.w, h: bb.h };
  }

  /** The chart as SVG text (`inView`: only the part in view). */
  svg(options: SvgOptions & { inView?: boolean } = {}): string | undefined {
    const cy = this.cy;
    if (!cy) return undefined;
    const { inView, ...rest } = options;
    return viewSvg(cy, inView ? { box: cy.extent(), padding: 0, ...rest } : rest);
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
