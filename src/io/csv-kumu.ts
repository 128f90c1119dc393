/**
 * Kumu's pair of tables: elements (identity by `Label`, with `Type`, `Description`, and
 * Palladio-style `Start Date`/`End Date`) and connections (`From`, `To` by label, `Type`). A
 * connection is read as From over To, as an edge is read Source over Target. Labels become ids
 * (letters, digits and -); the label stays the organ's name.
 */
import type { Edge, Existence, Graph, Organ } from '../model/types.ts';
import type { Issue } from '../model/validate.ts';
import { overlapOfLives } from './attributes.ts';
import { dates, mark, pick, readTable, type Table } from './csv-table.ts';
import { finishImport, foreignType, idFromFile, importedSource, Origins, readError, type ImportResult } from './interchange.ts';

/** The elements and connections tables among the files, when they are Kumu's pair. */
export function kumuPair(files: Record<string, string>, issues: Issue[]): { elements: Table; connections: Table } | undefined {
  if (Object.keys(files).length !== 2) return undefined;
  const tables = Object.entries(files).map(([name, text]) => readTable(text, name, issues));
  const connections = tables.find((t) => t.has('From') && t.has('To'));
  const elements = tables.find((t) => t !== connections && t.has('Label'));
  return connections && elements ? { elements, connections } : undefined;
}

/** A label as an id: `Central Committee` → `central-committee`; a second of the same, `-2`. */
function idOf(label: string, taken: Set<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_.:-]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'element';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

export function importKumu({ elements, connections }: { elements: Table; connections: Table }, name: string, issues: Issue[]): ImportResult {
  const origins = new Origins(elements.file);
  const g: Graph = { apparat: 1, id: idFromFile(name), title: idFromFile(name), sources: {}, organs: [], edges: [] };
  const byLabel = new Map<string, string>();
  const taken = new Set<string>();
  for (const row of elements.rows) {
    const label = row.get('Label')?.trim();
    if (!label) {
      issues.push(readError(elements.file, 'the element has no label (Kumu identifies elements by their label)', row.line, 'column "Label"', 'csv'));
      continue;
    }
    if (byLabel.has(label)) {
      issues.push(readError(elements.file, `a second element labelled "${label}": Kumu identifies elements by their label, so connections to it would be ambiguous`, row.line, 'column "Label"', 'csv'));
      continue;
    }
    const id = idOf(label, taken);
    byLabel.set(label, id);
    const organ: Organ = { id, ...foreignType(row.get('Type'), undefined), names: [{ name: label }], exists: [dates<Existence>({}, row)], sources: ['imported'] };
    const about = row.get('Description')?.trim();
    if (about) organ.note = about;
    mark(origins, `organs[${g.organs.length}]`, elements, row, { id: 'Label', type: 'Type', note: 'Description' });
    mark(origins, `organs[${g.organs.length}].exists[0]`, elements, row, { start: 'Start Date', end: 'End Date' });
    g.organs.push(organ);
  }
  const from = pick(connections, 'From') ?? 'From';
  const to = pick(connections, 'To') ?? 'To';
  for (const row of connections.rows) {
    const [parent, child] = [row.get(from)?.trim() ?? '', row.get(to)?.trim() ?? ''];
    const missing = [parent, child].find((l) => !byLabel.has(l));
    if (missing !== undefined) {
      issues.push(readError(connections.file, `"${missing}" is not the label of an element in ${elements.file}`, row.line, `column "${missing === parent ? from : to}"`, 'unknown-id'));
      continue;
    }
    mark(origins, `edges[${g.edges.length}]`, connections, row, { parent: from, child: to, start: 'Start Date', end: 'End Date' });
    const edge = dates<Edge>({ child: byLabel.get(child)!, parent: byLabel.get(parent)! }, row);
    // A connection without dates holds while both elements exist.
    const [c, p] = [g.organs.find((o) => o.id === edge.child), g.organs.find((o) => o.id === edge.parent)];
    g.edges.push(edge.start === undefined && edge.end === undefined ? { ...edge, ...overlapOfLives(c, p) } : edge);
  }
  if (issues.some((i) => i.severity === 'error')) return { issues };
  const { id, source } = importedSource(name);
  g.sources[id] = source;
  return finishImport(g, origins, issues);
}
