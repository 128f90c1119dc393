/**
 * The chart's overview: a small picture of the whole tree in a corner with the part in view
 * outlined, shown when the whole does not fit the view legibly. A click or drag on it moves the
 * view there. It only repeats what the outline says, so it is hidden from screen readers.
 */
import type { Core } from 'cytoscape';
import { forEachPoint } from '../../layout/packed.ts';
import type { TidyLayout } from '../../layout/tidy.ts';
import { afterFrame } from '../shared/slices.ts';

const W = 160;
const H = 100;
const PAD = 6;

/** Model ↔ overview pixels for a layout. */
function scaleOf(layout: TidyLayout) {
  const { minX, maxX, minY, maxY } = layout.bounds;
  const s = Math.min((W - 2 * PAD) / Math.max(1, maxX - minX + 184), (H - 2 * PAD) / Math.max(1, maxY - minY + 60));
  const ox = W / 2 - ((minX + maxX) / 2) * s;
  const oy = H / 2 - ((minY + maxY) / 2) * s;
  return { s, ox, oy };
}

/** Whether the whole layout is in view (then no overview is needed). */
export function wholeInView(cy: Core, layout: TidyLayout): boolean {
  const e = cy.extent();
  const b = layout.bounds;
  return e.x1 <= b.minX - 92 && e.x2 >= b.maxX + 92 && e.y1 <= b.minY - 30 && e.y2 >= b.maxY + 30;
}

/** The nodes at the overview's scale, as pixels (device pixels at `dpr`), drawn once per layout: a large tree has thousands, and the view's outline moves over them. */
const pictures = new WeakMap<TidyLayout, { dpr: number; image: ImageData }>();
function picture(layout: TidyLayout, dpr: number): ImageData {
  const had = pictures.get(layout);
  if (had?.dpr === dpr) return had.image;
  const w = Math.round(W * dpr);
  const h = Math.round(H * dpr);
  const image = new ImageData(w, h);
  const px = new Uint32Array(image.data.buffer);
  // #8a3a44, opaque, as the bytes of one pixel (R, G, B, A) read in the platform's order.
  const bytes = new Uint8ClampedArray([0x8a, 0x3a, 0x44, 0xff]);
  const colour = new Uint32Array(bytes.buffer)[0];
  const { s, ox, oy } = scaleOf(layout);
  const side = (n: number) => Math.max(1.5, n * s) * dpr;
  const dx = side(184);
  const dy = side(54);
  forEachPoint(layout.positions, (x, y) => {
    const x0 = Math.max(0, Math.floor((ox + (x - 92) * s) * dpr));
    const y0 = Math.max(0, Math.floor((oy + (y - 27) * s) * dpr));
    const x1 = Math.min(w, Math.ceil(x0 + dx));
    const y1 = Math.min(h, Math.ceil(y0 + dy));
    for (let y = y0; y < y1; y++) px.fill(colour, y * w + x0, y * w + Math.max(x0, x1));
  });
  pictures.set(layout, { dpr, image });
  return image;
}

/** Draws the tree's nodes and the viewport's outline on the canvas. */
export function drawOverview(canvas: HTMLCanvasElement, cy: Core, layout: TidyLayout): void {
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(W * dpr)) {
    canvas.width = Math.round(W * dpr);
    canvas.height = Math.round(H * dpr);
  }
  const g = canvas.getContext('2d');
  if (!g) return;
  g.putImageData(picture(layout, dpr), 0, 0);
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  const { s, ox, oy } = scaleOf(layout);
  const e = cy.extent();
  g.strokeStyle = '#1d2330';
  g.lineWidth = 1.5;
  g.strokeRect(ox + e.x1 * s, oy + e.y1 * s, (e.x2 - e.x1) * s, (e.y2 - e.y1) * s);
}

/** Centres the view on the model point under an overview pixel. */
export function panToOverview(cy: Core, layout: TidyLayout, x: number, y: number): void {
  const { s, ox, oy } = scaleOf(layout);
  const z = cy.zoom();
  cy.stop(true);
  cy.pan({ x: cy.width() / 2 - ((x - ox) / s) * z, y: cy.height() / 2 - ((y - oy) / s) * z });
}

/** The overview of one chart: its canvas, repainted once a frame as the view moves; a click or drag moves the view. */
export class Overview {
  private frame = 0;

  constructor(
    private cy: Core,
    private canvas: HTMLCanvasElement,
    private layout: () => TidyLayout | undefined,
    moved: () => void,
  ) {
    canvas.style.width = `${W}px`;
    canvas.style.height = `${H}px`;
    canvas.hidden = true;
    const move = (e: PointerEvent) => {
      const l = this.layout();
      if (!l) return;
      const r = canvas.getBoundingClientRect();
      moved();
      panToOverview(cy, l, e.clientX - r.left, e.clientY - r.top);
    };
    canvas.addEventListener('pointerdown', move);
    canvas.addEventListener('pointermove', (e) => e.buttons && move(e));
    cy.on('viewport resize', () => this.paint());
  }

  /**
   * Repaints in the next frame; hidden while the whole is in view. A new layout's picture (a pass
   * over every organ, a few milliseconds at 10,000) is made first, in a task after a frame, so that
   * no frame carries it with the chart's own drawing.
   */
  paint(): void {
    if (this.frame) return;
    const l = this.layout();
    const dpr = window.devicePixelRatio || 1;
    if (l && pictures.get(l)?.dpr !== dpr) {
      this.frame = -1;
      void afterFrame().then(() => {
        if (this.layout() === l) picture(l, dpr);
        this.frame = 0;
        this.paint();
      });
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const l = this.layout();
      if (!l || this.cy.destroyed()) return;
      this.canvas.hidden = wholeInView(this.cy, l);
      if (!this.canvas.hidden) drawOverview(this.canvas, this.cy, l);
    });
  }
}
