/**
 * GEXF 1.3 (Gephi): a dynamic graph whose timeline plays the organs' lives, or, for one date, a
 * static graph of the snapshot. README, "Interchange formats", lists every attribute.
 */
import type { Element } from '@xmldom/xmldom';
import { at as atDate, buildModel } from '../model/model.ts';
import { snapshot } from '../model/snapshot.ts';
import type { Edge, Existence, Graph, Name, Organ } from '../model/types.ts';
import { EDGE_ATTRS, ForeignAttributes, isNone, KNOWN_EDGE_TITLES, KNOWN_NODE_TITLES, NODE_ATTRS, organFromAttributes, overlapOfLives, type AttrType } from './attributes.ts';
import {
  citations,
  finishImport,
  firstDay,
  foreignDate,
  graphRecord,
  idFromFile,
  importedSource,
  joinList,
  lastDay,
  mergeExtra,
  Origins,
  parseJsonValue,
  readError,
  splitList,
  withDates,
  type GraphRecord,
  type ImportResult,
} from './interchange.ts';
import { snapshotRows } from './snapshot-rows.ts';
import { attr, child, children, instructions, lineOfElement, parseXml, XmlWriter } from './xml.ts';

export const GEXF_NS = 'http://gexf.net/1.3';
/** The graph-level record as JSON: `<?apparat-graph {…}?>` in <meta>; files written before carry it as an element of this namespace. */
export const RECORD_PI = 'apparat-graph';
export const APPARAT_NS = 'urn:x-apparat:graph:1';

const DAY = 86_400_000;
const dayBefore = (iso: string) => new Date(Date.parse(iso) - DAY).toISOString().slice(0, 10);

interface Span<T> {
  start?: string;
  end?: string;
  value: T;
}

/**
 * Values over time without overlaps (Gephi refuses overlapping intervals of one attribute): where
 * two overlap, the one that began later wins, as in a snapshot; on the same first day the first wins.
 */
export function nonOverlapping<T>(spans: Span<T>[]): Span<T>[] {
  const sorted = [...spans].sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
  const out: Span<T>[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.start === s.start) continue;
    if (prev && s.start !== undefined && (prev.end === undefined || prev.end >= s.start)) prev.end = dayBefore(s.start);
    out.push({ ...s });
  }
  return out.filter((s) => s.start === undefined || s.end === undefined || s.start <= s.end);
}

/** Names over time, as days. */
function nameSpans(names: Name[]): Span<string>[] {
  return nonOverlapping(names.map((n) => ({ start: firstDay(n.start), end: lastDay(n.end), value: n.name })));
}

/** Per measure, each figure from its date until the next one (or the organ's end). */
function figureSpans(g: Graph, organ: Organ): Map<string, Span<number>[]> {
  const byMeasure = new Map<string, Span<number>[]>();
  const end = lastDay(organ.exists[organ.exists.length - 1]?.end);
  for (const f of g.figures ?? []) {
    if (f.organ !== organ.id) continue;
    const list = byMeasure.get(f.measure) ?? [];
    list.push({ start: firstDay(f.date), end, value: f.value });
    byMeasure.set(f.measure, list);
  }
  for (const [m, list] of byMeasure) byMeasure.set(m, nonOverlapping(list));
  return byMeasure;
}

function declareAttributes(w: XmlWriter, graphEl: Element, cls: 'node' | 'edge', mode: 'static' | 'dynamic', specs: { id: string; title: string; type: AttrType }[]): void {
  if (specs.length === 0) return;
  const el = w.add(graphEl, 'attributes', { class: cls, mode });
  for (const s of specs) w.add(el, 'attribute', { id: s.id, title: s.title, type: s.type });
}

function addMeta(w: XmlWriter, description: string, record?: GraphRecord): void {
  const meta = w.add(w.root, 'meta');
  w.add(meta, 'creator', {}, 'apparat');
  w.add(meta, 'description', {}, description);
  // GEXF 1.3's <meta> admits no element of another namespace; a processing instruction is valid
  // anywhere. Its text is JSON in ASCII (no character reference works inside an instruction).
  if (record) w.instruction(meta, RECORD_PI, JSON.stringify(record).replace(/[^\x20-\x7e]|\?>/g, (c) => (c === '?>' ? '?\\u003e' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)));
}

/** The whole graph over time: Gephi's timeline plays it. */
export function exportGexf(g: Graph): string {
  const w = new XmlWriter(GEXF_NS, 'gexf', { version: '1.3' });
  addMeta(w, g.description ? `${g.title}. ${g.description}` : g.title, graphRecord(g));
  const graphEl = w.add(w.root, 'graph', { mode: 'dynamic', defaultedgetype: 'directed', timeformat: 'date', timerepresentation: 'interval' });

  const measures = [...new Set((g.figures ?? []).map((f) => f.measure))];
  const measureId = new Map(measures.map((m) => [m, `figure:${m}`]));
  // Static attributes in a static block (networkx and Gephi read them as plain values); names and figures, which change, in a dynamic one.
  declareAttributes(w, graphEl, 'node', 'static', NODE_ATTRS.map((a) => ({ id: a.id, title: a.id, type: a.type })));
  declareAttributes(w, graphEl, 'node', 'dynamic', [{ id: 'name', title: 'name', type: 'string' as const }, ...measures.map((m) => ({ id: measureId.get(m)!, title: m, type: 'double' as const }))]);
  declareAttributes(w, graphEl, 'edge', 'static', EDGE_ATTRS.map((a) => ({ id: a.id, title: a.id, type: a.type })));

  const nodes = w.add(graphEl, 'nodes');
  for (const o of g.organs) {
    const node = w.add(nodes, 'node', { id: o.id, label: o.names[0]?.name ?? o.id });
    const values = w.add(node, 'attvalues');
    for (const a of NODE_ATTRS) {
      const v = a.get(o, g);
      if (v !== undefined) w.add(values, 'attvalue', { for: a.id, value: v });
    }
    for (const s of nameSpans(o.names)) w.add(values, 'attvalue', { for: 'name', value: s.value, start: s.start, end: s.end });
    for (const [m, list] of figureSpans(g, o)) for (const s of list) w.add(values, 'attvalue', { for: measureId.get(m)!, value: s.value, start: s.start, end: s.end });
    addSpells(w, node, o.exists);
  }
  const edges = w.add(graphEl, 'edges');
  g.edges.forEach((e, i) => {
    const edge = w.add(edges, 'edge', { id: `e${i}`, source: e.parent, target: e.child });
    const values = w.add(edge, 'attvalues');
    for (const a of EDGE_ATTRS) {
      const v = a.get(e, g);
      if (v !== undefined) w.add(values, 'attvalue', { for: a.id, value: v });
    }
    addSpells(w, edge, [e]);
  });
  return w.toString();
}

/** Spells for intervals; none when one of them is open at both ends (it exists throughout). */
function addSpells(w: XmlWriter, el: Element, intervals: { start?: string; end?: string }[]): void {
  const spans = intervals.map((i) => ({ start: firstDay(i.start), end: lastDay(i.end) }));
  if (spans.some((s) => s.start === undefined && s.end === undefined)) return;
  const spells = w.add(el, 'spells');
  for (const s of spans) w.add(spells, 'spell', { start: s.start, end: s.end });
}

/** The hierarchy at one date, as a static graph: names, parents and figures as they stood then. */
export function exportGexfAt(g: Graph, date: string): string {
  const model = buildModel(g);
  const snap = snapshot(model, atDate(date));
  const w = new XmlWriter(GEXF_NS, 'gexf', { version: '1.3' });
  addMeta(w, `${g.title}, at ${date}`);
  const graphEl = w.add(w.root, 'graph', { mode: 'static', defaultedgetype: 'directed' });
  const measures = [...new Set([...snap.organs.values()].flatMap((o) => [...o.figures.keys()]))];
  const statics: { id: string; title: string; type: AttrType }[] = [
    { id: 'type', title: 'type', type: 'string' },
    { id: 'typeLabel', title: 'typeLabel', type: 'string' },
    { id: 'vague', title: 'vague', type: 'boolean' },
    { id: 'counted', title: 'counted', type: 'boolean' },
    { id: 'link', title: 'link', type: 'string' },
    { id: 'parent', title: 'parent', type: 'string' },
    { id: 'depth', title: 'depth', type: 'double' },
    { id: 'holders', title: 'holders', type: 'string' },
    { id: 'figures', title: 'figures', type: 'string' },
    { id: 'sources', title: 'sources', type: 'string' },
    { id: 'citations', title: 'citations', type: 'string' },
    ...measures.map((m) => ({ id: `figure:${m}`, title: m, type: 'double' as const })),
  ];
  declareAttributes(w, graphEl, 'node', 'static', statics);
  const nodes = w.add(graphEl, 'nodes');
  for (const row of snapshotRows(g, date)) {
    const node = w.add(nodes, 'node', { id: row.id, label: row.name });
    const values = w.add(node, 'attvalues');
    const put = (id: string, v: string | number | boolean | undefined) => v !== undefined && w.add(values, 'attvalue', { for: id, value: v });
    put('type', row.type);
    put('typeLabel', row.typeLabel);
    put('vague', row.vague);
    put('counted', row.counted);
    put('link', row.link);
    put('parent', row.parent);
    put('depth', row.depth);
    put('holders', row.holders || undefined);
    put('figures', row.figures || undefined);
    put('sources', joinList(row.sources));
    put('citations', citations(g, row.sources));
    measures.forEach((m) => put(`figure:${m}`, row.values.get(m)));
  }
  const edges = w.add(graphEl, 'edges');
  let i = 0;
  for (const row of snapshotRows(g, date)) if (row.parent) w.add(edges, 'edge', { id: `e${i++}`, source: row.parent, target: row.id });
  return w.toString();
}

// ---------------------------------------------------------------------------------------------
// Reading

/** An attribute's values on one node or edge, by title (lower-case): static, and dynamic with spells. */
interface Values {
  get(title: string): string | undefined;
  has(title: string): boolean;
  dynamic(title: string): { value: string; start?: string; end?: string }[];
  /** Every title with a value here. */
  titles(): string[];
}

function readValues(el: Element, titles: Map<string, string>): Values {
  const statics = new Map<string, string>();
  const dyn = new Map<string, { value: string; start?: string; end?: string }[]>();
  const box = child(el, 'attvalues');
  for (const v of box ? children(box, 'attvalue') : []) {
    const key = attr(v, 'for') ?? attr(v, 'id') ?? '';
    const title = (titles.get(key) ?? key).toLowerCase();
    const value = attr(v, 'value') ?? '';
    const start = attr(v, 'start') ?? attr(v, 'startopen');
    const end = attr(v, 'end') ?? attr(v, 'endopen');
    if (start !== undefined || end !== undefined || attr(v, 'timestamp') !== undefined) {
      const list = dyn.get(title) ?? [];
      list.push({ value, start: start ?? attr(v, 'timestamp'), end: end ?? attr(v, 'timestamp') });
      dyn.set(title, list);
    }
    if (!statics.has(title)) statics.set(title, value);
  }
  return { get: (t) => statics.get(t.toLowerCase()), has: (t) => statics.has(t.toLowerCase()), dynamic: (t) => dyn.get(t.toLowerCase()) ?? [], titles: () => [...statics.keys()] };
}

/** Intervals from `<spells>`, or the element's own start/end attributes. */
function readSpells(el: Element): { start?: string; end?: string }[] {
  const box = child(el, 'spells');
  const spells = box ? children(box, 'spell') : [];
  const list = spells.map((s) => ({ start: attr(s, 'start') ?? attr(s, 'startopen'), end: attr(s, 'end') ?? attr(s, 'endopen') }));
  if (list.length === 0 && (attr(el, 'start') !== undefined || attr(el, 'end') !== undefined)) list.push({ start: attr(el, 'start'), end: attr(el, 'end') });
  return list.map((s) => {
    const out: { start?: string; end?: string } = {};
    const a = foreignDate(s.start);
    const b = foreignDate(s.end);
    if (a !== undefined) out.start = a;
    if (b !== undefined) out.end = b;
    return out;
  });
}

/**
 * Reads GEXF (1.1–1.3, from apparat, Gephi or elsewhere) into an apparat graph and validates it.
 * A file apparat wrote comes back whole; another file's nodes become organs of type `unit`
 * (or the type an attribute `type` names), its edges subordinations (source over target), its
 * spells lifetimes, and every organ cites "imported from <file>".
 */
export function importGexf(text: string, file: string): ImportResult {
  const { root, issues } = parseXml(text, file, 'gexf');
  if (!root) return { issues };
  const graphEl = child(root, 'graph');
  if (!graphEl) return { issues: [readError(file, 'the file has no <graph> element', lineOfElement(root))] };
  const origins = new Origins(file);

  const meta = child(root, 'meta');
  const recordEl = meta ? children(meta).find((c) => c.namespaceURI === APPARAT_NS && c.localName === 'graph') : undefined;
  const pi = meta ? instructions(meta, RECORD_PI)[0] : undefined;
  const recordText = pi?.data ?? recordEl?.textContent ?? undefined;
  let record: GraphRecord | undefined;
  if (recordText !== undefined) {
    const [line, where] = pi ? [pi.line, `<?${RECORD_PI}?>`] : [lineOfElement(recordEl!), '<apparat:graph>'];
    record = parseJsonValue<GraphRecord>(recordText, 'apparat graph record', file, line, where, issues);
    if (issues.length) return { issues };
    for (const key of Object.keys(record ?? {})) origins.set(key, { file, line, where });
  }

  const titles = new Map<string, string>();
  const edgeTitles = new Map<string, string>();
  for (const box of children(graphEl, 'attributes'))
    for (const a of children(box, 'attribute')) (attr(box, 'class') === 'edge' ? edgeTitles : titles).set(attr(a, 'id') ?? '', attr(a, 'title') ?? attr(a, 'id') ?? '');

  const description = meta ? child(meta, 'description')?.textContent ?? undefined : undefined;
  const g: Graph = record
    ? ({ ...record, apparat: 1, organs: [], edges: [] } as Graph)
    : { apparat: 1, id: idFromFile(file), title: idFromFile(file), sources: {}, organs: [], edges: [] };
  // Without the record the description is all there is: a short one is the title, a long one stays the description.
  const about = description?.trim();
  if (!record && about) {
    if (about.length <= 200 && !about.includes('\n')) g.title = about;
    else g.description = about;
  }
  let usedImported = false;

  // Nodes, nested ones too: a node inside another, a `pid` and `<parents>` are subordination.
  const nodeEls: { el: Element; enclosing?: string }[] = [];
  const walk = (box: Element | undefined, enclosing?: string) => {
    for (const el of box ? children(box, 'node') : []) {
      nodeEls.push({ el, enclosing });
      walk(child(el, 'nodes'), attr(el, 'id'));
    }
  };
  walk(child(graphEl, 'nodes'));
  const apparatFile = Boolean(record) || nodeEls.some(({ el }) => readValues(el, titles).has('exists'));
  const nested: { child: string; parent: string; el: Element; where: string }[] = [];
  const foreign = new ForeignAttributes(KNOWN_NODE_TITLES);
  nodeEls.forEach(({ el, enclosing }, i) => {
    const id = attr(el, 'id') ?? '';
    const line = lineOfElement(el);
    const where = `<node id="${id}">`;
    origins.set(`organs[${i}]`, { file, line, where });
    const v = readValues(el, titles);
    foreign.see(v.titles());
    const label = attr(el, 'label');
    const jsonOf = <T>(title: string): T | undefined => {
      const t = v.get(title);
      return t === undefined || isNone(t) ? undefined : parseJsonValue<T>(t, `attribute "${title}" of node "${id}"`, file, line, where, issues);
    };
    const names = jsonOf<Name[]>('names') ?? (v.dynamic('name').length ? v.dynamic('name').map((n) => withDates({ name: n.value }, { start: foreignDate(n.start), end: foreignDate(n.end) })) : [{ name: label || id }]);
    const spells = readSpells(el);
    const exists = jsonOf<Existence[]>('exists') ?? (spells.length ? spells : [{}]);
    const notes = { error: (m: string) => issues.push(readError(file, m, line, where)), warn: (m: string) => issues.push({ ...readError(file, m, line, where, 'foreign'), severity: 'warning' as const }) };
    const { organ, imported } = organFromAttributes(id, names, exists, v, apparatFile, notes, label);
    const aliases = jsonOf<string[]>('aliases');
    if (aliases !== undefined) organ.aliases = aliases;
    usedImported ||= imported;
    g.organs.push(organ);
    const parents = new Set([enclosing, attr(el, 'pid'), ...children(child(el, 'parents') ?? el, 'parent').map((p) => attr(p, 'for'))]);
    for (const parent of parents) if (parent) nested.push({ child: id, parent, el, where: `${where}${parent === enclosing ? ` inside <node id="${parent}">` : ` (parent "${parent}")`}` });
  });
  if (issues.some((x) => x.severity === 'error')) return { issues };
  issues.push(...foreign.warning(file, 'node'));

  const byId = new Map(g.organs.map((o) => [o.id, o]));
  const edgesEl = child(graphEl, 'edges');
  const edgeEls = edgesEl ? children(edgesEl, 'edge') : [];
  const addEdge = (edge: Edge, line: number | undefined, where: string) => origins.addEdge(g, edge, line, where);
  for (const p of nested) addEdge(withDates({ child: p.child, parent: p.parent }, overlapOfLives(byId.get(p.child), byId.get(p.parent))), lineOfElement(p.el), p.where);
  if (nested.length && edgeEls.length)
    issues.push({
      ...readError(file, `the file gives a hierarchy twice: ${nested.length} nodes are nested in others (or name a parent), and there are ${edgeEls.length} edges; the nesting is taken as the hierarchy, and the edges are left out`, lineOfElement(edgesEl!), '<edges>', 'hierarchy'),
      severity: 'warning',
    });
  const foreignEdge = new ForeignAttributes(KNOWN_EDGE_TITLES);
  for (const el of nested.length ? [] : edgeEls) {
    const v = readValues(el, edgeTitles);
    foreignEdge.see(v.titles());
    const parent = attr(el, 'source') ?? '';
    const childId = attr(el, 'target') ?? '';
    const where = `<edge${attr(el, 'id') ? ` id="${attr(el, 'id')}"` : ''} source="${parent}" target="${childId}">`;
    const base: Edge = { child: childId, parent };
    const sources = splitList(v.get('sources')).filter((x) => x.trim() !== '');
    if (sources.length) base.sources = sources;
    if (v.has('note')) base.note = v.get('note');
    mergeExtra(base, v.get('extra'), (m) => issues.push(readError(file, m, lineOfElement(el), where)));
    // apparat's exact EDTF first (a tool that dropped the record keeps it); else the spells; else both lives.
    if (v.has('startEdtf') || v.has('endEdtf')) {
      addEdge(withDates(base, { start: v.get('startEdtf'), end: v.get('endEdtf') }), lineOfElement(el), where);
      continue;
    }
    const spells = readSpells(el);
    const intervals = spells.length ? spells : [overlapOfLives(byId.get(childId), byId.get(parent))];
    for (const s of intervals) addEdge(withDates({ ...base }, s), lineOfElement(el), where);
  }

  issues.push(...foreignEdge.warning(file, 'edge'));
  if (usedImported) {
    const { id, source } = importedSource(file);
    g.sources[id] = source;
  }
  return finishImport(g, origins, issues);
}
