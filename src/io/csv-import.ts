/**
 * Reading CSV into a graph: the folder of tables apparat writes (nodes.csv, edges.csv, names,
 * lifetimes, events, figures, people, posts, sources, stories), or one table of a hierarchy.
 */
import type { Edge, Existence, Graph, Name, Organ, PersonAttribute, Source, Story, StoryStep } from '../model/types.ts';
import type { Issue } from '../model/validate.ts';
import { ITEM_TABLES, readRow, STORY_TABLE, type NodeRow, type TableSpec } from './csv-columns.ts';
import { dates, listOrUndefined, mark, pick, readTable, set, type Table, type TableRow } from './csv-table.ts';
import type { CsvFileName } from './csv.ts';
import { finishImport, foreignType, idFromFile, importedSource, Origins, readError, splitList, type ImportResult } from './interchange.ts';

/**
 * One table, one organ per row: `id`, `label` (or `name`), `type`, `parent`, `start`, `end`,
 * `source`; optional `type_label`, `aliases`, `note`. A type outside apparat's vocabulary becomes
 * type `unit` with that word as its label. Another row with the same id adds a lifetime (and a
 * name, and a parent, for that time). A source is a citation in words; rows without one cite
 * "imported from <file>".
 */
export function importCsvHierarchy(text: string, file: string): ImportResult {
  const issues: Issue[] = [];
  const t = readTable(text, file, issues);
  const origins = new Origins(file);
  const idCol = pick(t, 'id', 'identifier', 'key');
  if (!idCol && t.columns.length && !issues.length) issues.push(readError(file, `no "id" column (the columns are ${t.columns.join(', ')})`, 1, 'header row', 'csv'));
  if (issues.some((i) => i.severity === 'error')) return { issues };
  const labelCol = pick(t, 'label', 'name', 'title');
  const sourceCol = pick(t, 'source', 'sources', 'citation');
  const parentCol = pick(t, 'parent', 'parent_id', 'parentid', 'under');
  const g: Graph = { apparat: 1, id: idFromFile(file), title: file.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, ''), sources: {}, organs: [], edges: [] };
  const byId = new Map<string, { organ: Organ; labels: { name: string; start?: string; end?: string }[] }>();
  const sourceIds = new Map<string, string>();
  const sourceFor = (citation: string) => {
    let id = sourceIds.get(citation);
    if (!id) {
      id = `s${sourceIds.size + 1}`;
      sourceIds.set(citation, id);
      g.sources[id] = { citation };
    }
    return id;
  };
  let usedImported = false;
  for (const row of t.rows) {
    const id = row.get(idCol!)?.trim();
    if (!id) {
      issues.push(readError(file, 'the row has no id', row.line, `column "${idCol}"`, 'csv'));
      continue;
    }
    let entry = byId.get(id);
    const i = entry ? g.organs.indexOf(entry.organ) : g.organs.length;
    if (!entry) {
      const organ: Organ = { id, ...foreignType(row.get('type'), row.get('type_label') ?? row.get('typeLabel')), names: [], exists: [], sources: [] };
      set(organ, 'aliases', listOrUndefined(row.get('aliases')));
      set(organ, 'note', row.get('note'));
      entry = { organ, labels: [] };
      byId.set(id, entry);
      g.organs.push(organ);
      mark(origins, `organs[${i}]`, t, row, { id: idCol!, type: 'type', typeLabel: 'type_label', aliases: 'aliases', note: 'note' });
    }
    const { organ } = entry;
    const life = dates<Existence>({}, row);
    mark(origins, `organs[${i}].exists[${organ.exists.length}]`, t, row, { start: 'start', end: 'end' });
    organ.exists.push(life);
    entry.labels.push({ name: row.get(labelCol ?? 'label')?.trim() || id, ...life });
    for (const citation of splitList(sourceCol ? row.get(sourceCol) : undefined).map((s) => s.trim()).filter(Boolean)) {
      const sid = sourceFor(citation);
      if (!organ.sources.includes(sid)) organ.sources.push(sid);
    }
    const parent = parentCol ? row.get(parentCol)?.trim() : undefined;
    if (parent) {
      mark(origins, `edges[${g.edges.length}]`, t, row, { parent: parentCol!, child: idCol!, start: 'start', end: 'end' });
      g.edges.push(dates<Edge>({ child: id, parent }, row));
    }
  }
  for (const { organ, labels } of byId.values()) {
    const distinct = new Set(labels.map((l) => l.name));
    organ.names = distinct.size === 1 ? [{ name: labels[0].name }] : labels.map((l) => ({ ...l }) as Name);
    const i = g.organs.indexOf(organ);
    organ.names.forEach((_, j) => origins.set(`organs[${i}].names[${j}]`, { ...origins.find(`organs[${i}].exists[${j}]`)!, where: `column "${labelCol ?? 'label'}"` }));
    if (organ.sources.length === 0) {
      organ.sources.push('imported');
      usedImported = true;
    }
    // Where the rows of one organ give edges for its lifetimes, every edge carries its row's source.
  }
  if (usedImported) {
    const { id, source } = importedSource(file);
    g.sources[id] = source;
  }
  if (issues.some((i) => i.severity === 'error')) return { issues };
  return finishImport(g, origins, issues);
}

export function importCsvFolder(files: Record<string, string>, lower: Map<string, string>, name: string): ImportResult {
  const issues: Issue[] = [];
  const base = name.replace(/[\\/]+$/, '');
  const table = (f: CsvFileName): Table | undefined => {
    const key = lower.get(f);
    return key === undefined ? undefined : readTable(files[key], `${base}/${f}`, issues);
  };
  const origins = new Origins(`${base}/nodes.csv`);
  const need = (t: Table, row: TableRow, column: string, what: string): string => {
    const v = row.get(column);
    if (v === undefined) issues.push(readError(t.file, `${what} is missing`, row.line, `column "${column}"`, 'csv'));
    return v ?? '';
  };

  const read = <T extends object>(spec: TableSpec, t: Table, row: TableRow) => readRow<T>(spec, row, (m, column) => issues.push(readError(t.file, m, row.line, `column "${column}"`, 'csv')));

  const gt = table('graph.csv');
  const g0 = gt?.rows[0];
  const g: Graph = { apparat: 1, id: idFromFile(base), title: idFromFile(base), sources: {}, organs: [], edges: [] };
  if (gt && g0) {
    const { item, fields } = read<Partial<Graph>>(ITEM_TABLES['graph.csv'], gt, g0);
    mark(origins, '', gt, g0, fields);
    const v = g0.get('apparat');
    if (v !== undefined && v !== '1') issues.push(readError(gt.file, `apparat must be 1 (the format version), not "${v}"`, g0.line, 'column "apparat"', 'csv'));
    Object.assign(g, item);
  }

  const st = table('sources.csv');
  for (const row of st?.rows ?? []) {
    const id = need(st!, row, 'id', 'the source id');
    const { item, fields } = read<Source>(ITEM_TABLES['sources.csv'], st!, row);
    mark(origins, `sources.${id}`, st!, row, fields);
    g.sources[id] = item;
  }

  const nt = table('nodes.csv')!;
  if (!nt.has('Id') && nt.columns.length) issues.push(readError(nt.file, `no "Id" column (the columns are ${nt.columns.join(', ')})`, 1, 'header row', 'csv'));
  const organIndex = new Map<string, number>();
  // Without a sources column, every organ cites "imported from <folder>".
  const usedImported = !nt.has('sources') && nt.rows.length > 0;
  for (const row of nt.rows) {
    const i = g.organs.length;
    const { item, fields } = read<NodeRow>(ITEM_TABLES['nodes.csv'], nt, row);
    const { id, label, type, typeLabel, start, end, sources, ...rest } = item;
    const organ: Organ = { id, ...foreignType(type, typeLabel), names: [{ name: label ?? id }], exists: [dates<Existence>({}, row)], sources: sources ?? ['imported'], ...rest };
    const { label: name, start: s0, end: e0, ...own } = fields;
    mark(origins, `organs[${i}]`, nt, row, own);
    mark(origins, `organs[${i}].exists[0]`, nt, row, { start: s0, end: e0 });
    mark(origins, `organs[${i}].names[0]`, nt, row, { name });
    if (!organIndex.has(id)) organIndex.set(id, i);
    g.organs.push(organ);
  }
  const forOrgan = (t: Table, row: TableRow): { organ: Organ; i: number } | undefined => {
    const id = need(t, row, 'organ', 'the organ');
    const i = organIndex.get(id);
    if (i === undefined) {
      if (id) issues.push(readError(t.file, `"${id}" is not an organ of nodes.csv`, row.line, 'column "organ"', 'unknown-id'));
      return undefined;
    }
    return { organ: g.organs[i], i };
  };

  // Names and lifetimes: rows of their tables replace what nodes.csv says of their organ.
  for (const [name, key] of [['names.csv', 'names'], ['exists.csv', 'exists']] as const) {
    const t = table(name);
    const replaced = new Set<Organ>();
    for (const row of t?.rows ?? []) {
      const hit = forOrgan(t!, row);
      if (!hit) continue;
      if (!replaced.has(hit.organ)) {
        replaced.add(hit.organ);
        hit.organ[key] = [];
      }
      const { item, fields } = read<Name & Existence>(ITEM_TABLES[name], t!, row);
      mark(origins, `organs[${hit.i}].${key}[${hit.organ[key].length}]`, t!, row, fields);
      (hit.organ[key] as object[]).push(item);
    }
  }

  const et = table('edges.csv');
  for (const row of et?.rows ?? []) {
    const { item, fields } = read<Edge>(ITEM_TABLES['edges.csv'], et!, row);
    mark(origins, `edges[${g.edges.length}]`, et!, row, fields);
    g.edges.push(item);
  }

  for (const [name, key] of [['events.csv', 'events'], ['figures.csv', 'figures'], ['people.csv', 'people'], ['posts.csv', 'posts']] as const) {
    const t = table(name);
    if (!t?.rows.length) continue;
    const list: object[] = [];
    for (const row of t.rows) {
      const { item, fields } = read<object>(ITEM_TABLES[name], t, row);
      mark(origins, `${key}[${list.length}]`, t, row, fields);
      list.push(item);
    }
    (g as unknown as Record<string, object[]>)[key] = list;
  }

  // A person's attributes: rows after the person's id, in people.csv's order.
  const at = table('attributes.csv');
  for (const row of at?.rows ?? []) {
    const id = need(at!, row, 'person', 'the person');
    const i = (g.people ?? []).findIndex((p) => p.id === id);
    if (i < 0) {
      if (id) issues.push(readError(at!.file, `"${id}" is not a person of people.csv`, row.line, 'column "person"', 'unknown-id'));
      continue;
    }
    const person = g.people![i];
    const { item, fields } = readRow<PersonAttribute>(ITEM_TABLES['attributes.csv'], row, (m, column) => issues.push(readError(at!.file, m, row.line, `column "${column}"`, 'csv')));
    person.attributes ??= [];
    mark(origins, `people[${i}].attributes[${person.attributes.length}]`, at!, row, fields);
    person.attributes.push(item);
  }

  const sT = table('stories.csv');
  if (sT?.rows.length) g.stories = [];
  for (const row of sT?.rows ?? []) {
    const head = read<Story>(STORY_TABLE.story, sT!, row);
    let story: Story | undefined = g.stories!.find((s) => s.id === head.item.id);
    if (!story) {
      story = { ...head.item, steps: [] };
      mark(origins, `stories[${g.stories!.length}]`, sT!, row, head.fields);
      g.stories!.push(story);
    }
    // A row without a step, a caption or a date is a story without steps.
    if (row.get('step') === undefined && row.get('caption') === undefined && row.get('at') === undefined) continue;
    const { item, fields } = read<StoryStep>(STORY_TABLE.step, sT!, row);
    mark(origins, `stories[${g.stories!.indexOf(story)}].steps[${story.steps.length}]`, sT!, row, fields);
    story.steps.push(item);
  }

  if (usedImported) {
    const { id, source } = importedSource(base);
    g.sources[id] = source;
  }
  if (issues.some((i) => i.severity === 'error')) return { issues };
  return finishImport(g, origins, issues);
}

