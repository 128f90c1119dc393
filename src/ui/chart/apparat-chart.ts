/**
 * <apparat-chart>: the org chart, a Cytoscape.js canvas over a view tree.
 *
 * Properties: `tree` (what to draw), `marks` (compare marks), `eventInputs`/`eventOutputs`,
 * `selected`, `found` (search hits), `fitKey` (a new value refits the view), `motion` (animate date steps).
 * Events: `organ-select` {id}, `organ-open` {id} (double click), `chart-rendered`.
 *
 * A new tree is laid out with the tidy-tree layout (a preset layout for Cytoscape) and the
 * change is animated: organs that appear fade in, those that go fade out, the others glide.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { LitElement, html } from 'lit';
import { cssProps } from '../shared/css-props.ts';
import { tidyTree, TIDY_DEFAULTS, type TidyLayout } from '../../layout/tidy.ts';
import type { Mark, ViewTree } from '../../layout/view.ts';
import { formatFigures } from '../shared/figures.ts';
import { formatNumber, typeLabel } from '../shared/organ-style.ts';
import { dataClasses, GHOST_OFFSET, GHOSTS, nodeData, routeData, STYLE } from './elements.ts';
import { chartStyles } from './styles.ts';

// Edges are hidden while organs glide, so Cytoscape's overlap warnings are noise.
cytoscape.warnings(false);

const H = TIDY_DEFAULTS.nodeHeight;
/** Above this many changed organs, a date step jumps instead of animating. */
const ANIMATE_MAX = 1500;
const DURATION = 420;
/** Element operations per synchronous apply; bigger changes are sliced across frames. */
const SLICE = 1200;

function dataSignature(d: Record<string, unknown>): string {
  return `${d.label}|${d.shape}|${d.fill}|${d.vague}|${d.conflict}|${d.organ}|${d.linked}`;
}

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
  /** What a screen reader says after a move by keyboard. */
  declare spoken: string;
  /** The organ under the pointer: its full name, shown above it. */
  declare hover: { x: number; y: number; name: string; detail: string } | undefined;

  static styles = chartStyles;

  private cy?: Core;
  private layout?: TidyLayout;
  private lastFitKey?: string;
  private rendered = false;
  /** What Cytoscape holds: node positions and data signatures, edge route signatures. */
  private mirror = new Map<string, { x: number; y: number; sig: string }>();
  private edgeMirror = new Map<string, string>();
  private queue: (() => void)[] = [];
  private batchOpen = false;
  /** The user has panned or zoomed since the last automatic fit. */
  private userMoved = false;
  private drawPending = false;
  private edgeTimer?: number;
  private classCache = new WeakMap<object, string>();
  /** Time spent in the last `draw` (layout and Cytoscape updates), for benchmarks. */
  lastDrawMs = 0;

  constructor() {
    super();
    this.motion = true;
    this.insetBottom = 0;
    this.prescribed = false;
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
    const cur = this.selected && t.organs.has(this.selected) ? this.selected : undefined;
    let next: string | undefined;
    const siblings = (id: string) => {
      const p = t.parent.get(id);
      return p === undefined ? t.roots : (t.children.get(p) ?? []);
    };
    switch (e.key) {
      case 'ArrowUp':
        next = cur ? t.parent.get(cur) : t.roots[0];
        break;
      case 'ArrowDown':
        next = cur ? t.children.get(cur)?.[0] : t.roots[0];
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        if (!cur) next = t.roots[0];
        else {
          const list = siblings(cur);
          next = list[list.indexOf(cur) + (e.key === 'ArrowLeft' ? -1 : 1)];
        }
        break;
      }
      case 'Home':
        next = t.roots[0];
        break;
      case 'Enter':
        if (cur) this.dispatchEvent(new CustomEvent('organ-open', { detail: { id: cur }, bubbles: true, composed: true }));
        e.preventDefault();
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
    if (!next) return;
    const o = t.organs.get(next)!;
    const kids = t.children.get(next)?.length ?? 0;
    this.spoken = `${o.name}, ${typeLabel(o.type, o.typeLabel)}${o.vague ? ', perhaps' : ''}${kids ? `, over ${kids}` : ''}${o.link ? ', has its own chart' : ''}`;
    this.dispatchEvent(new CustomEvent('organ-select', { detail: { id: next }, bubbles: true, composed: true }));
  };

  firstUpdated(): void {
    const container = this.renderRoot.querySelector('#cy') as HTMLElement;
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.05,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autounselectify: true,
      autoungrabify: true,
    });
    this.cy.on('tap', 'node', (e) => {
      const id = (e.target as NodeSingular).data('organ') as string | undefined;
      if (id) this.dispatchEvent(new CustomEvent('organ-select', { detail: { id }, bubbles: true, composed: true }));
    });
    this.cy.on('dbltap', 'node', (e) => {
      const id = (e.target as NodeSingular).data('organ') as string | undefined;
      if (id) this.dispatchEvent(new CustomEvent('organ-open', { detail: { id }, bubbles: true, composed: true }));
    });
    this.cy.on('dragpan scrollzoom pinchzoom', () => {
      this.userMoved = true;
      this.hover = undefined;
    });
    this.cy.on('mouseover', 'node', (e) => {
      const id = (e.target as NodeSingular).data('organ') as string | undefined;
      const o = id ? this.tree?.organs.get(id) : undefined;
      if (!o) return;
      const bb = (e.target as NodeSingular).renderedBoundingBox({ includeLabels: false });
      const figs = [...o.figures].map(([m, l]) => `${m} ${formatFigures(l)}`).join(' · ');
      this.hover = {
        x: (bb.x1 + bb.x2) / 2,
        y: bb.y1 - 6,
        name: o.name,
        detail: [typeLabel(o.type, o.typeLabel), o.vague ? 'perhaps there' : '', figs].filter(Boolean).join(' · '),
      };
    });
    this.cy.on('mouseout', 'node', () => (this.hover = undefined));
    new ResizeObserver(() => this.cy?.resize()).observe(container);
  }

  updated(changed: Map<string, unknown>): void {
    if (!this.cy) return;
    if (changed.has('tree')) this.scheduleDraw();
    else if (this.drawPending) return;
    else if (changed.has('insetBottom') && !this.userMoved && !this.queue.length) this.fitReadable();
    else if (['marks', 'eventInputs', 'eventOutputs', 'selected', 'found'].some((k) => changed.has(k))) this.restyle();
    if (changed.has('selected') && this.selected && !this.drawPending) this.reveal(this.selected);
  }

  /**
   * Draws in the next animation frame: the rest of the page (the date, the outline) paints first,
   * and several changes within one frame (a fast drag) make one draw. The first draw is at once.
   */
  private scheduleDraw(): void {
    if (this.mirror.size === 0 && !this.drawPending) {
      this.draw();
      return;
    }
    if (this.drawPending) return;
    this.drawPending = true;
    requestAnimationFrame(() => {
      this.drawPending = false;
      this.draw();
      if (this.selected) this.reveal(this.selected);
    });
  }

  /** Resolves when the chart shows the current tree (a scheduled draw and all its slices done). */
  async drawn(): Promise<void> {
    while (this.drawPending || this.queue.length) await new Promise((r) => requestAnimationFrame(r));
  }

  /**
   * Lays out the tree and brings the canvas to it. What Cytoscape holds is mirrored here, so the
   * change is worked out in plain JavaScript; small changes are applied at once (animated), large
   * ones in slices of `SLICE` elements per frame, so that no frame is blocked for long and a
   * newer date simply replaces what is still queued.
   */
  private draw(): void {
    const cy = this.cy!;
    const tree = this.tree;
    const t0 = performance.now();
    this.queue = [];
    if (!tree) {
      cy.elements().remove();
      this.mirror.clear();
      this.edgeMirror.clear();
      return;
    }
    const layout = tidyTree({ roots: tree.roots, children: (id) => tree.children.get(id) });
    this.layout = layout;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const fresh = this.mirror.size === 0 || this.fitKey !== this.lastFitKey;

    const wanted = new Set<string>();
    const addNodes: ElementDefinition[] = [];
    const moves: { id: string; x: number; y: number }[] = [];
    const updates: { id: string; data: Record<string, unknown>; sig: string }[] = [];
    for (const [id, o] of tree.organs) {
      const p = layout.positions.get(id)!;
      const folded = tree.folded.get(id) ?? 0;
      const ghosts = o.counted ? GHOSTS : 0;
      for (let ghost = ghosts; ghost >= 0; ghost--) {
        const nid = ghost ? `${id}::s${ghost}` : id;
        const x = p.x + ghost * GHOST_OFFSET;
        const y = p.y + ghost * GHOST_OFFSET;
        wanted.add(nid);
        const data = nodeData(o, folded, ghost, this.prescribed);
        const sig = dataSignature(data);
        const had = this.mirror.get(nid);
        if (!had) addNodes.push({ group: 'nodes', data: { id: nid, ...data }, position: { x, y } });
        else {
          if (had.sig !== sig) updates.push({ id: nid, data, sig });
          if (had.x !== x || had.y !== y) moves.push({ id: nid, x, y });
        }
      }
    }
    const wantedEdges = new Map<string, Record<string, unknown>>();
    const addEdges: ElementDefinition[] = [];
    const edgeUpdates: { id: string; data: Record<string, unknown>; sig: string }[] = [];
    for (const [child, parent] of tree.parent) {
      const id = `${parent}->${child}`;
      const data = routeData(layout.positions.get(parent)!, layout.positions.get(child)!, layout.routes.get(child) ?? []);
      wantedEdges.set(id, data);
      const sig = `${data.sw}|${data.sd}`;
      const had = this.edgeMirror.get(id);
      if (had === undefined) addEdges.push({ group: 'edges', data: { id, source: parent, target: child, ...data } });
      else if (had !== sig) edgeUpdates.push({ id, data, sig });
    }
    const goneNodes = [...this.mirror.keys()].filter((id) => !wanted.has(id));
    const goneEdges = [...this.edgeMirror.keys()].filter((id) => !wantedEdges.has(id));
    const changes = addNodes.length + goneNodes.length + moves.length;
    const total = changes + updates.length + addEdges.length + goneEdges.length + edgeUpdates.length;
    const animate = this.motion && !reduced && !fresh && changes <= ANIMATE_MAX;

    // Operations in a safe order: edges go, nodes go, nodes come, edges come, then the rest.
    const ops: (() => void)[] = [];
    const byId = (id: string) => cy.getElementById(id);
    // Removal goes by collections: Cytoscape removes a collection in one pass, but one element
    // at a time costs a pass each.
    const collect = (ids: string[]) => cy.collection(ids.map((id) => byId(id)[0]).filter(Boolean) as never);
    for (let i = 0; i < goneEdges.length; i += 500) {
      const chunk = goneEdges.slice(i, i + 500);
      ops.push(() => {
        collect(chunk).remove();
        for (const id of chunk) this.edgeMirror.delete(id);
      });
    }
    for (let i = 0; i < goneNodes.length; i += 500) {
      const chunk = goneNodes.slice(i, i + 500);
      ops.push(() => {
        const nodes = collect(chunk);
        const edges = nodes.connectedEdges();
        edges.forEach((e) => {
          this.edgeMirror.delete(e.id());
        });
        edges.remove();
        for (const id of chunk) this.mirror.delete(id);
        if (animate) {
          nodes.addClass('leaving');
          nodes.animate({ style: { opacity: 0 } }, { duration: DURATION * 0.6, queue: false, complete: () => nodes.remove() });
        } else nodes.remove();
      });
    }
    const sigOf = new Map(updates.map((u) => [u.id, u.sig]));
    for (let i = 0; i < addNodes.length; i += 200) {
      const chunk = addNodes.slice(i, i + 200);
      ops.push(() => {
        const old = collect(chunk.map((def) => def.data.id as string));
        if (old.nonempty()) old.stop(true).remove();
        const added = cy.add(chunk);
        for (const def of chunk) {
          const d = def.data as Record<string, unknown>;
          const pos = def.position!;
          // A node that leaves and comes back within one step is re-added by id.
          this.mirror.set(d.id as string, { x: pos.x, y: pos.y, sig: sigOf.get(d.id as string) ?? dataSignature(d) });
        }
        if (animate) {
          added.style('opacity', 0);
          added.animate({ style: { opacity: 1 } }, { duration: DURATION, easing: 'ease-in-cubic', queue: false, complete: () => added.removeStyle('opacity') });
        }
      });
    }
    for (const u of updates)
      ops.push(() => {
        byId(u.id).data(u.data);
        const m = this.mirror.get(u.id);
        if (m) m.sig = u.sig;
      });
    for (const m of moves)
      ops.push(() => {
        const n = byId(m.id);
        if (animate) n.stop(true, false).animate({ position: { x: m.x, y: m.y } }, { duration: DURATION, easing: 'ease-in-out-cubic', queue: false });
        else n.position({ x: m.x, y: m.y });
        const mm = this.mirror.get(m.id);
        if (mm) {
          mm.x = m.x;
          mm.y = m.y;
        }
      });
    for (let i = 0; i < addEdges.length; i += 200) {
      const chunk = addEdges.slice(i, i + 200);
      ops.push(() => {
        cy.add(chunk.filter((e) => this.mirror.has(e.data.source as string) && this.mirror.has(e.data.target as string)));
        for (const e of chunk) this.edgeMirror.set(e.data.id as string, `${e.data.sw}|${e.data.sd}`);
      });
    }
    for (const u of edgeUpdates)
      ops.push(() => {
        byId(u.id).data(u.data);
        this.edgeMirror.set(u.id, u.sig);
      });

    const finish = () => {
      this.restyle();
      if (!animate) {
        window.clearTimeout(this.edgeTimer);
        cy.edges().removeStyle('opacity');
      }
      if (animate) {
        // Edge routes are drawn for the new positions: hide them while the organs glide.
        const edges = cy.edges();
        edges.style('opacity', 0);
        window.clearTimeout(this.edgeTimer);
        this.edgeTimer = window.setTimeout(() => {
          const shown = cy.edges();
          shown.animate({ style: { opacity: 1 } }, { duration: 180, queue: false, complete: () => shown.removeStyle('opacity') });
        }, DURATION);
      }
      if (fresh) {
        this.lastFitKey = this.fitKey;
        this.fitReadable();
      }
      if (!this.rendered) {
        this.rendered = true;
        cy.one('render', () => {
          performance.mark('apparat:first-chart');
          this.dispatchEvent(new CustomEvent('chart-rendered', { bubbles: true, composed: true }));
        });
      }
      this.dispatchEvent(new CustomEvent('chart-drawn', { detail: { changes: total }, bubbles: true, composed: true }));
    };

    if (total <= SLICE || animate) {
      cy.batch(() => ops.forEach((op) => op()));
      if (this.batchOpen) {
        // A sliced draw this one replaced left its batch open.
        this.batchOpen = false;
        cy.endBatch();
      }
      finish();
    } else {
      // Large steps: apply in slices of about 8 ms, one per frame, inside one Cytoscape batch
      // that spans the frames, so the canvas shows the old picture until the new one is
      // complete and is drawn once. A newer draw replaces what is still queued.
      const queue = ops;
      this.queue = queue;
      if (!this.batchOpen) {
        cy.startBatch();
        this.batchOpen = true;
      }
      let i = 0;
      const slice = () => {
        if (this.queue !== queue) return;
        const start = performance.now();
        while (i < queue.length && performance.now() - start < 8) queue[i++]();
        if (i < queue.length) requestAnimationFrame(slice);
        else {
          this.queue = [];
          this.batchOpen = false;
          cy.endBatch();
          finish();
        }
      };
      requestAnimationFrame(slice);
    }
    this.lastDrawMs = performance.now() - t0;
  }

  /** Sets the classes that marks, selection and search give. */
  private restyle(): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const id = (n.data('organ') as string | undefined) ?? n.id().split('::')[0];
        const marks = this.marks?.get(id) ?? [];
        const classes = dataClasses(n.data());
        for (const m of marks) classes.push(`mark-${m}`);
        if (this.eventInputs?.has(id)) classes.push('ev-in');
        if (this.eventOutputs?.has(id)) classes.push('ev-out');
        if (this.found?.has(id) && !n.data('ghost')) classes.push('match');
        if (this.selected === id && !n.data('ghost')) classes.push('chosen');
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
    const cy = this.cy;
    this.userMoved = false;
    if (!cy || !this.layout || cy.nodes().length === 0) return;
    const { minX, maxX, minY, maxY } = this.layout.bounds;
    const w = cy.width();
    const h = cy.height();
    if (!w || !h) return;
    const pad = 32;
    const inset = Math.min(this.insetBottom, h / 3);
    const zoom = Math.min(1.1, (w - 2 * pad) / (maxX - minX), (h - 2 * pad - inset) / (maxY - minY));
    const readable = 0.8;
    if (zoom >= readable) {
      cy.zoom(zoom);
      cy.pan({ x: w / 2 - ((minX + maxX) / 2) * zoom, y: (h - inset) / 2 - ((minY + maxY) / 2) * zoom });
    } else {
      // Too big to read whole: show the top, centred on the first root.
      const root = this.tree?.roots[0];
      const p = root ? this.layout.positions.get(root)! : { x: (minX + maxX) / 2, y: minY };
      const z = Math.max(readable, Math.min(1, (h - 2 * pad) / (maxY - minY)));
      cy.zoom(z);
      cy.pan({ x: w / 2 - p.x * z, y: pad + H / 2 * z - p.y * z + 8 });
    }
  }

  fit(): void {
    this.cy?.animate({ fit: { eles: this.cy.nodes(), padding: 24 } }, { duration: 250 });
  }

  zoomBy(f: number): void {
    const cy = this.cy;
    if (!cy) return;
    cy.zoom({ level: Math.max(cy.minZoom(), Math.min(cy.maxZoom(), cy.zoom() * f)), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** Pans so that the organ is in view (without changing the zoom when it is legible). */
  reveal(id: string): void {
    const cy = this.cy;
    const node = cy?.getElementById(id);
    if (!cy || !node || node.empty()) return;
    const p = node.renderedPosition();
    const margin = 40;
    const inside = p.x > margin && p.y > margin && p.x < cy.width() - margin && p.y < cy.height() - margin;
    if (inside && cy.zoom() >= 0.5) return;
    // Revealing is a deliberate view: a later automatic refit must not undo it.
    this.userMoved = true;
    const zoom = Math.max(cy.zoom(), 0.75);
    cy.animate({ zoom, center: { eles: node } }, { duration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300 });
  }

  /** Where an organ's node is drawn, in page pixels (for tests and tooltips). */
  nodeBox(id: string): DOMRect | undefined {
    const node = this.cy?.getElementById(id);
    if (!node || node.empty()) return undefined;
    const bb = node.renderedBoundingBox({ includeLabels: false });
    const r = this.renderRoot.querySelector('#cy')!.getBoundingClientRect();
    return new DOMRect(r.left + bb.x1, r.top + bb.y1, bb.w, bb.h);
  }

  /** Ids of the organs drawn (not stack ghosts), for tests. */
  drawnIds(): string[] {
    return this.cy ? this.cy.nodes().filter((n) => !n.data('ghost') && !n.hasClass('leaving')).map((n) => n.id()) : [];
  }

  /** The chart as a PNG data URL. */
  png(): string | undefined {
    return this.cy?.png({ full: true, scale: 1.5, bg: '#fbfaf7' });
  }

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
