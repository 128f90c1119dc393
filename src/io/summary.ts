/**
 * What to say about a file that is not a hierarchy, or has many problems of one kind: a summary
 * before the detail, and the detail capped. A network of thousands of edges would otherwise give
 * hundreds of thousands of "two parents" lines (and take the validator a long time to write them).
 */
import { bounds, formatInterval } from '../model/dates.ts';
import type { Graph } from '../model/types.ts';
import type { Issue } from '../model/validate.ts';
import { suggestEdtf } from './spreadsheet-dates.ts';

/** Lines of detail shown per kind of problem; the rest are counted. */
export const DETAIL = 20;

const n = (x: number) => x.toLocaleString('en');

/**
 * Edges that give a child a second parent at once, by the validator's own rule (a handover inside
 * the vague span of a date is allowed): sorted by earliest start, an edge conflicts when an
 * earlier edge of the same child may not have ended before it has certainly begun.
 */
export function secondParents(g: Graph): Map<string, number[]> {
  const byChild = new Map<string, number[]>();
  g.edges.forEach((e, i) => {
    if (typeof e?.child !== 'string') return;
    const list = byChild.get(e.child) ?? [];
    list.push(i);
    byChild.set(e.child, list);
  });
  const out = new Map<string, number[]>();
  for (const [child, list] of byChild) {
    if (list.length < 2) continue;
    let sorted: { i: number; b: ReturnType<typeof bounds> }[];
    try {
      sorted = list.map((i) => ({ i, b: bounds(g.edges[i]) })).sort((x, y) => x.b.startMin - y.b.startMin);
    } catch {
      continue; // a bad date: the validator says so
    }
    let reach = -Infinity;
    const extra: number[] = [];
    for (const x of sorted) {
      if (reach > x.b.startMax) extra.push(x.i);
      else reach = Math.max(reach, x.b.endMin);
    }
    if (extra.length) out.set(child, extra);
  }
  return out;
}

/**
 * When many organs have more than one parent at once, the graph is a network: one summary, a few
 * examples, and the graph without those edges to validate for everything else.
 */
export function networkSummary(g: Graph, file: string): { issues: Issue[]; withoutExtra?: Graph } {
  const extra = secondParents(g);
  const count = [...extra.values()].reduce((a, l) => a + l.length, 0);
  if (count <= DETAIL) return { issues: [] };
  const summary: Issue = {
    severity: 'error',
    rule: 'not-a-hierarchy',
    path: 'edges',
    file,
    message: `${n(extra.size)} of ${n(g.organs.length)} nodes have more than one parent at once (${n(count)} edges too many): this is a network, not a hierarchy. apparat draws a hierarchy, each organ under one parent at a time; keep only the edges that mean "is under", or give the others dates that do not overlap`,
  };
  const examples: Issue[] = [...extra].slice(0, DETAIL).map(([child, list]) => {
    const parents = [...new Set(g.edges.filter((e) => e.child === child).map((e) => e.parent))];
    const shown = parents.slice(0, 5).map((p) => `"${p}"`).join(', ') + (parents.length > 5 ? ` and ${n(parents.length - 5)} more` : '');
    const first = g.edges[list[0]];
    return { severity: 'error', rule: 'two-parents', path: `edges[${list[0]}]`, file, message: `"${child}" would have ${n(parents.length)} parents at once (${formatInterval(first)}): ${shown}` };
  });
  if (extra.size > DETAIL) examples.push({ severity: 'error', rule: 'two-parents', path: 'edges', file, message: `… and ${n(extra.size - DETAIL)} more nodes with more than one parent` });
  const drop = new Set([...extra.values()].flat());
  return { issues: [summary, ...examples], withoutExtra: { ...g, edges: g.edges.filter((_, i) => !drop.has(i)) } };
}

/** At most DETAIL issues of each rule, and a line counting the rest. */
export function capDetail(issues: Issue[]): Issue[] {
  const seen = new Map<string, number>();
  const out: Issue[] = [];
  for (const i of issues) {
    const k = `${i.severity}:${i.rule}`;
    const c = (seen.get(k) ?? 0) + 1;
    seen.set(k, c);
    if (c <= DETAIL) out.push(i);
  }
  for (const [k, c] of seen) {
    if (c <= DETAIL) continue;
    const first = issues.find((i) => `${i.severity}:${i.rule}` === k)!;
    out.push({ ...first, line: undefined, path: first.path || 'graph', message: `… and ${n(c - DETAIL)} more like this [${first.rule}]` });
  }
  return out;
}

/**
 * One message per place: a cell read into two fields (a row's start is its organ's and its edge's)
 * is reported once. A date that is not EDTF says what it probably means (`01.11.1927`: 1927-11-01).
 */
export function onceEach(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const i of issues) {
    const where = i.path.replace(/ \([^)]*\)$/, '');
    const key = `${i.file}:${i.line}:${where}:${i.rule}:${i.message}`;
    if (i.line !== undefined && seen.has(key)) continue;
    seen.add(key);
    const value = i.rule === 'date' ? /^"([^"]*)"/.exec(i.message)?.[1] : undefined;
    const guess = value === undefined ? undefined : suggestEdtf(value);
    out.push(guess ? { ...i, message: `${i.message}; "${value}" probably means ${guess}` } : i);
  }
  return out;
}
