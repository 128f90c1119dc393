/** What the chart's canvas can tell about what it draws, for the chart's public query methods. */
import type { Core } from 'cytoscape';

/** Where an organ's node is drawn, in page pixels (`container`: the canvas's element). */
export function nodeBox(cy: Core, id: string, container: Element): DOMRect | undefined {
  const node = cy.getElementById(id);
  if (node.empty()) return undefined;
  const bb = node.renderedBoundingBox({ includeLabels: false });
  const r = container.getBoundingClientRect();
  return new DOMRect(r.left + bb.x1, r.top + bb.y1, bb.w, bb.h);
}

/** The height in px at which an organ's label is drawn now: its font size times the zoom (undefined when not drawn). */
export function labelPx(cy: Core, id: string): number | undefined {
  const node = cy.getElementById(id);
  if (node.empty()) return undefined;
  return Number.parseFloat(String(node.style('font-size'))) * cy.zoom();
}

/** Ids of the organs drawn (not stack ghosts, not leaving). */
export function drawnIds(cy: Core): string[] {
  return cy.nodes().filter((n) => !n.data('ghost') && !n.hasClass('leaving')).map((n) => n.id());
}
