/**
 * GraphML (yEd, Gephi, Cytoscape, NetworkX): `<key>` declarations, nodes with `start`/`end` as ISO
 * days and the exact EDTF beside them, directed edges parent → child, and the graph-level record in
 * a graph `<data>`. Nodes carry yEd's label graphics so that yEd shows their names.
 */
import type { Element } from '@xmldom/xmldom';
import type { Edge, Existence, Graph, Name } from '../model/types.ts';
import type { Issue } from '../model/validate.ts';
import { EDGE_ATTRS, ForeignAttributes, isNone, KNOWN_EDGE_TITLES, KNOWN_NODE_TITLES, NODE_ATTRS, organFromAttributes, overlapOfLives } from './attributes.ts';
import { snapshotRows } from './snapshot-rows.ts';
import {
  citations,
  finishImport,
  firstDay,
  foreignDate,
  idFromFile,
  parseJsonValue,
  withDates,
  graphRecord,
  importedSource,
  joinList,
  lastDay,
  mergeExtra,
  Origins,
  readError,
  splitList,
  type GraphRecord,
  type ImportResult,
} from './interchange.ts';
import { attr, child, children, descendants, lineOfElement, parseXml, XmlWriter } from './xml.ts';

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const YED_NS = 'http://www.yworks.com/xml/graphml';

type KeyType = 'string' | 'boolean' | 'double';

function key(w: XmlWriter, forWhat: 'graph' | 'node' | 'edge', id: string, type: KeyType = 'string'): void {
  w.add(w.root, 'key', { id: `${forWhat[0]}-${id}`, for: forWhat, 'attr.name': id, 'attr.type': type });
}

function data(w: XmlWriter, el: Element, forWhat: 'graph' | 'node' | 'edge', id: string, value: string | number | boolean | undefined): void {
  if (value !== undefined) w.add(el, 'data', { key: `${forWhat[0]}-${id}` }, String(value));
}

function newDocument(): XmlWriter {
  return new XmlWriter(GRAPHML_NS, 'graphml', {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xmlns:y': YED_NS,
    'xsi:schemaLocation': `${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`,
  });
}

function yedLabel(w: XmlWriter, node: Element, label: string): void {
  const d = w.add(node, 'data', { key: 'node-graphics' });
  const shape = w.add(d, 'y:ShapeNode', {}, undefined, YED_NS);
  w.add(shape, 'y:NodeLabel', {}, label, YED_NS);
}

/** The whole graph: every organ and subordination with its time, the rest in the graph's `apparat` data. */
export function exportGraphml(g: Graph): string {
  const w = newDocument();
  for (const id of ['title', 'description', 'apparat']) key(w, 'graph', id);
  key(w, 'node', 'label');
  for (const a of NODE_ATTRS) key(w, 'node', a.id, a.type);
  key(w, 'node', 'start');
  key(w, 'node', 'end');
  key(w, 'node', 'figures');
  key(w, 'node', 'holders');
  w.add(w.root, 'key', { id: 'node-graphics', for: 'node', 'yfiles.type': 'nodegraphics' });
  for (const a of EDGE_ATTRS) key(w, 'edge', a.id, a.type);
  key(w, 'edge', 'start');
  key(w, 'edge', 'end');

  const graphEl = w.add(w.root, 'graph', { id: g.id, edgedefault: 'directed' });
  data(w, graphEl, 'graph', 'title', g.title);
  data(w, graphEl, 'graph', 'description', g.description);
  data(w, graphEl, 'graph', 'apparat', JSON.stringify(graphRecord(g)));
  const people = new Map((g.people ?? []).map((p) => [p.id, p.name]));
  for (const o of g.organs) {
    const node = w.add(graphEl, 'node', { id: o.id });
    const label = o.names[0]?.name ?? o.id;
    data(w, node, 'node', 'label', label);
    for (const a of NODE_ATTRS) data(w, node, 'node', a.id, a.get(o, g));
    data(w, node, 'node', 'start', firstDay(o.exists[0]?.start));
    data(w, node, 'node', 'end', lastDay(o.exists[o.exists.length - 1]?.end));
    const figures = (g.figures ?? []).filter((f) => f.organ === o.id).map((f) => `${f.measure} ${f.qualifier ? `${f.qualifier} ` : ''}${f.value} (${f.date})`);
    data(w, node, 'node', 'figures', figures.length ? figures.join(' | ') : undefined);
    const holders = (g.posts ?? []).filter((p) => p.organ === o.id).map((p) => `${p.post}: ${people.get(p.person) ?? p.person} (${p.start ?? '..'}/${p.end ?? '..'})`);
    data(w, node, 'node', 'holders', holders.length ? holders.join(' | ') : undefined);
    yedLabel(w, node, label);
  }
  g.edges.forEach((e, i) => {
    const edge = w.add(graphEl, 'edge', { id: `e${i}`, source: e.parent, target: e.child });
    for (const a of EDGE_ATTRS) data(w, edge, 'edge', a.id, a.get(e, g));
    data(w, edge, 'edge', 'start', firstDay(e.start));
    data(w, edge, 'edge', 'end', lastDay(e.end));
  });
  return w.toString();
}

/** The hierarchy at one date, as a static graph. */
export function exportGraphmlAt(g: Graph, date: string): string {
  const w = newDocument();
  const rows = snapshotRows(g, date);
  const measures = [...new Set(rows.flatMap((r) => [...r.values.keys()]))];
  for (const id of ['title', 'at']) key(w, 'graph', id);
  const strings = ['label', 'type', 'typeLabel', 'link', 'parent', 'holders', 'figures', 'sources', 'citations'];
  for (const id of strings) key(w, 'node', id);
  key(w, 'node', 'vague', 'boolean');
  key(w, 'node', 'counted', 'boolean');
  key(w, 'node', 'depth', 'double');
  for (const m of measures) key(w, 'node', `figure:${m}`, 'double');
  w.add(w.root, 'key', { id: 'node-graphics', for: 'node', 'yfiles.type': 'nodegraphics' });
  const graphEl = w.add(w.root, 'graph', { id: g.id, edgedefault: 'directed' });
  data(w, graphEl, 'graph', 'title', g.title);
  data(w, graphEl, 'graph', 'at', date);
  for (const r of rows) {
    const node = w.add(graphEl, 'node', { id: r.id });
    const put = (id: string, v: string | number | boolean | undefined) => data(w, node, 'node', id, v === '' ? undefined : v);
    put('label', r.name);
    put('type', r.type);
    put('typeLabel', r.typeLabel);
    put('link', r.link);
    put('parent', r.parent);
    put('holders', r.holders);
    put('figures', r.figures);
    put('sources', joinList(r.sources));
    put('citations', citations(g, r.sources));
    put('vague', r.vague);
    put('counted', r.counted);
    put('depth', r.depth);
    for (const m of measures) put(`figure:${m}`, r.values.get(m));
    yedLabel(w, node, r.name);
  }
  let i = 0;
  for (const r of rows) if (r.parent) w.add(graphEl, 'edge', { id: `e${i++}`, source: r.parent, target: r.id });
  return w.toString();
}

// ---------------------------------------------------------------------------------------------
// Reading

interface Key {
  name: string;
  yfiles?: string;
}

/** The `<data>` of an element, by key name (lower-case). */
function dataOf(el: Element, keys: Map<string, Key>): Map<string, { text: string; el: Element }> {
  const out = new Map<string, { text: string; el: Element }>();
  for (const d of children(el, 'data')) {
    const k = keys.get(attr(d, 'key') ?? '');
    const name = (k?.name ?? attr(d, 'key') ?? '').toLowerCase();
    if (k?.yfiles === 'nodegraphics') {
      const label = descendants(d, 'NodeLabel')[0];
      if (label && !out.has('#yed-label')) out.set('#yed-label', { text: label.textContent ?? '', el: d });
      continue;
    }
    if (k?.yfiles) continue; // yEd's geometry and styles: drawing, not data
    if (!out.has(name)) out.set(name, { text: d.textContent ?? '', el: d });
  }
  return out;
}

/**
 * Reads GraphML into an apparat graph and validates it. A file apparat wrote comes back whole;
 * another (yEd, Gephi, a script) gives organs of type `unit` (or its `type` data), named by its
 * `label`/`name` data or yEd's label, living from `start` to `end` when it has them, each citing
 * "imported from <file>"; edges are read source over target.
 */
export function importGraphml(text: string, file: string): ImportResult {
  const { root, issues } = parseXml(text, file, 'graphml');
  if (!root) return { issues };
  const graphEl = child(root, 'graph');
  if (!graphEl) return { issues: [readError(file, 'the file has no <graph> element', lineOfElement(root))] };
  const origins = new Origins(file);
  const keys = new Map<string, Key>();
  for (const k of children(root, 'key')) keys.set(attr(k, 'id') ?? '', { name: attr(k, 'attr.name') ?? attr(k, 'id') ?? '', yfiles: attr(k, 'yfiles.type') });

  const gd = dataOf(graphEl, keys);
  let record: GraphRecord | undefined;
  const rec = gd.get('apparat');
  if (rec) {
    record = parseJsonValue<GraphRecord>(rec.text, 'apparat graph record', file, lineOfElement(rec.el), '<data key="g-apparat">', issues);
    if (issues.length) return { issues };
    for (const k of Object.keys(record ?? {})) origins.set(k, { file, line: lineOfElement(rec.el), where: '<data key="g-apparat">' });
  }
  const title = gd.get('title')?.text.trim() || idFromFile(file);
  const g: Graph = record
    ? ({ ...record, apparat: 1, organs: [], edges: [] } as Graph)
    : { apparat: 1, id: idFromFile(file), title, sources: {}, organs: [], edges: [] };
  if (!record && gd.get('description')?.text.trim()) g.description = gd.get('description')!.text.trim();
  let usedImported = false;

  // Nodes, those in a node's own <graph> too: yEd's groups and folders hold their members so.
  const nodeEls: { el: Element; enclosing?: string }[] = [];
  const edgeEls: Element[] = [];
  const walk = (graph: Element, enclosing?: string) => {
    edgeEls.push(...children(graph, 'edge'));
    for (const el of children(graph, 'node')) {
      nodeEls.push({ el, enclosing });
      for (const inner of children(el, 'graph')) walk(inner, attr(el, 'id'));
    }
  };
  walk(graphEl);
  const apparatFile = Boolean(record) || nodeEls.some(({ el }) => dataOf(el, keys).has('exists'));
  const foreign = new ForeignAttributes(KNOWN_NODE_TITLES);
  const nested: { child: string; parent: string; el: Element; where: string }[] = [];
  nodeEls.forEach(({ el, enclosing }, i) => {
    const id = attr(el, 'id') ?? '';
    const line = lineOfElement(el);
    const where = `<node id="${id}">`;
    origins.set(`organs[${i}]`, { file, line, where });
    const d = dataOf(el, keys);
    foreign.see([...d].filter(([k, v]) => !k.startsWith('#') && v.text.trim() !== '').map(([k]) => k));
    const get = (n: string) => d.get(n.toLowerCase())?.text;
    const has = (n: string) => d.has(n.toLowerCase());
    const jsonOf = <T>(n: string): T | undefined => {
      const t = get(n);
      return t === undefined || isNone(t) ? undefined : parseJsonValue<T>(t, `data "${n}" of node "${id}"`, file, line, where, issues);
    };
    const label = get('label') ?? get('name') ?? d.get('#yed-label')?.text;
    const names = jsonOf<Name[]>('names') ?? [{ name: label?.trim() || id }];
    const span = withDates({}, { start: foreignDate(get('start')), end: foreignDate(get('end')) });
    const exists = jsonOf<Existence[]>('exists') ?? [span];
    const notes = { error: (m: string) => issues.push(readError(file, m, line, where)), warn: (m: string) => issues.push({ ...readError(file, m, line, where, 'foreign'), severity: 'warning' as const }) };
    const shown = get('label') ?? d.get('#yed-label')?.text;
    const { organ, imported } = organFromAttributes(id, names, exists, { get, has }, apparatFile, notes, shown);
    const aliases = jsonOf<string[]>('aliases');
    if (aliases !== undefined) organ.aliases = aliases;
    usedImported ||= imported;
    g.organs.push(organ);
    if (enclosing !== undefined) nested.push({ child: id, parent: enclosing, el, where: `${where} inside <node id="${enclosing}">` });
  });
  if (issues.some((x) => x.severity === 'error')) return { issues };
  issues.push(...foreign.warning(file, 'node'));

  const byId = new Map(g.organs.map((o) => [o.id, o]));
  const addEdge = (edge: Edge, line: number | undefined, where: string) => origins.addEdge(g, edge, line, where);
  for (const p of nested) addEdge(withDates({ child: p.child, parent: p.parent }, overlapOfLives(byId.get(p.child), byId.get(p.parent))), lineOfElement(p.el), p.where);
  if (nested.length && edgeEls.length)
    issues.push({
      ...readError(file, `the file gives a hierarchy twice: ${nested.length} nodes are inside groups or folders, and there are ${edgeEls.length} edges; the nesting is taken as the hierarchy, and the edges are left out`, lineOfElement(edgeEls[0]), '<edge>', 'hierarchy'),
      severity: 'warning',
    });
  const foreignEdge = new ForeignAttributes(KNOWN_EDGE_TITLES);
  for (const el of nested.length ? [] : edgeEls) {
    const d = dataOf(el, keys);
    foreignEdge.see([...d].filter(([k, v]) => !k.startsWith('#') && v.text.trim() !== '').map(([k]) => k));
    const get = (n: string) => d.get(n.toLowerCase())?.text;
    const parent = attr(el, 'source') ?? '';
    const childId = attr(el, 'target') ?? '';
    const where = `<edge${attr(el, 'id') ? ` id="${attr(el, 'id')}"` : ''} source="${parent}" target="${childId}">`;
    const edge: Edge = { child: childId, parent };
    const sources = splitList(get('sources')).filter((x) => x.trim() !== '');
    if (sources.length) edge.sources = sources;
    if (d.has('note')) edge.note = get('note');
    mergeExtra(edge, get('extra'), (m) => issues.push(readError(file, m, lineOfElement(el), where)));
    // apparat's exact EDTF first (a tool that dropped the record keeps it); else start/end days; else both lives.
    const interval =
      d.has('startedtf') || d.has('endedtf')
        ? { start: get('startEdtf'), end: get('endEdtf') }
        : d.has('start') || d.has('end')
          ? { start: foreignDate(get('start')), end: foreignDate(get('end')) }
          : overlapOfLives(byId.get(childId), byId.get(parent));
    addEdge(withDates(edge, interval), lineOfElement(el), where);
  }
  issues.push(...foreignEdge.warning(file, 'edge'));
  if (usedImported) {
    const { id, source } = importedSource(file);
    g.sources[id] = source;
  }
  return finishImport(g, origins, issues as Issue[]);
}
