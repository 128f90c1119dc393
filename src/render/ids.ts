/**
 * The chart's element ids, one scheme for the chart, its plan, the SVG writer and the tests:
 * an organ's node is its own id; a counted group's stacked copies ("ghosts") are `<organ>::s<n>`;
 * the edge from a parent to a child is `<parent>-><child>`.
 */

/** The node of a counted group's n-th stacked copy (n ≥ 1); n = 0 is the organ's own node. */
export function nodeId(organ: string, ghost = 0): string {
  return ghost ? `${organ}::s${ghost}` : organ;
}

/** The organ a node id belongs to (its own node or one of its stacked copies). */
export function organOfNode(id: string): string {
  const i = id.indexOf('::');
  return i < 0 ? id : id.slice(0, i);
}

/** The edge that places `child` under `parent`. */
export function edgeId(parent: string, child: string): string {
  return `${parent}->${child}`;
}
