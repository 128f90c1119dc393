/**
 * Reading CSV into a graph: the folder of tables apparat writes (nodes.csv, edges.csv, names,
 * lifetimes, events, figures, people, posts, sources, stories), or one table of a hierarchy.
 */
import type { Edge, Existence, Graph, Name, Organ, PersonAttribute, Source, Story, StoryStep } from '../model/types.ts';
import type { Issue } from '../model/validate.ts';
import { ITEM_TABLES, readRow } from './csv-columns.ts';
import { dates, listOrUndefined, mark, pick, readTable, set, truth, type Table, type TableRow } from './csv-table.ts';
import type { CsvFileName } from './csv.ts';
import { finishImport, foreignType, idFromFile, importedSource, mergeExtra, Origins, readError, splitList, type ImportResult } from './interchange.ts';

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

  const gt = table('graph.csv');
  const g0 = gt?.rows[0];
  const g: Graph = { apparat: 1, id: g0?.get('id') ?? idFromFile(base), title: g0?.get('title') ?? idFromFile(base), sources: {}, organs: [], edges: [] };
  if (gt && g0) {
    mark(origins, '', gt, g0, { id: 'id', title: 'title', description: 'description', kind: 'kind', note: 'note', 'period.start': 'period_start', 'period.end': 'period_end' });
    const v = g0.get('apparat');
    if (v !== undefined && v !== '1') issues.push(readError(gt.file, `apparat must be 1 (the format version), not "${v}"`, g0.line, 'column "apparat"', 'csv'));
    set(g, 'description', g0.get('description'));
    set(g, 'kind', g0.get('kind') as Graph['kind']);
    const period = dates({}, g0, 'period_start', 'period_end');
    if (Object.keys(period).length) g.period = period;
    set(g, 'note', g0.get('note'));
  }

  const st = table('sources.csv');
  for (const row of st?.rows ?? []) {
    const id = need(st!, row, 'id', 'the source id');
    const { item, fields } = readRow<Source>(ITEM_TABLES['sources.csv'], row, (m, column) => issues.push(readError(st!.file, m, row.line, `column "${column}"`, 'csv')));
    mark(origins, `sources.${id}`, st!, row, fields);
    g.sources[id] = item;
  }

  const nt = table('nodes.csv')!;
  const idCol = pick(nt, 'Id', 'id') ?? 'Id';
  if (!nt.has(idCol) && nt.columns.length) issues.push(readError(nt.file, `no "Id" column (the columns are ${nt.columns.join(', ')})`, 1, 'header row', 'csv'));
  const organIndex = new Map<string, number>();
  let usedImported = false;
  for (const row of nt.rows) {
    const id = need(nt, row, idCol, 'the organ id');
    const i = g.organs.length;
    const organ: Organ = { id, ...foreignType(row.get('Type'), row.get('type_label')), names: [{ name: row.get('Label') ?? id }], exists: [], sources: [] };
    const counted = truth(row.get('counted'));
    if (counted === 'bad') issues.push(readError(nt.file, `counted must be true or false, not "${row.get('counted')}"`, row.line, 'column "counted"', 'csv'));
    else set(organ, 'counted', counted);
    set(organ, 'countedIn', row.get('counted_in'));
    set(organ, 'link', row.get('link'));
    set(organ, 'aliases', listOrUndefined(row.get('aliases')));
    set(organ, 'note', row.get('note'));
    mergeExtra(organ, row.get('extra'), (m) => issues.push(readError(nt.file, m, row.line, 'column "extra"', 'csv')));
    if (nt.has('sources')) organ.sources = splitList(row.get('sources'));
    else {
      organ.sources = ['imported'];
      usedImported = true;
    }
    const life = dates<Existence>({}, row);
    organ.exists = [life];
    mark(origins, `organs[${i}]`, nt, row, { id: idCol, type: 'Type', typeLabel: 'type_label', counted: 'counted', link: 'link', aliases: 'aliases', note: 'note', sources: 'sources' });
    mark(origins, `organs[${i}].exists[0]`, nt, row, { start: 'start', end: 'end' });
    mark(origins, `organs[${i}].names[0]`, nt, row, { name: 'Label' });
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
      const { item, fields } = readRow<Name & Existence>(ITEM_TABLES[name], row, (m, column) => issues.push(readError(t!.file, m, row.line, `column "${column}"`, 'csv')));
      mark(origins, `organs[${hit.i}].${key}[${hit.organ[key].length}]`, t!, row, fields);
      (hit.organ[key] as object[]).push(item);
    }
  }

  const et = table('edges.csv');
  for (const row of et?.rows ?? []) {
    const { item, fields } = readRow<Edge>(ITEM_TABLES['edges.csv'], row, (m, column) => issues.push(readError(et!.file, m, row.line, `column "${column}"`, 'csv')));
    mark(origins, `edges[${g.edges.length}]`, et!, row, fields);
    g.edges.push(item);
  }


  for (const [name, key] of [['events.csv', 'events'], ['figures.csv', 'figures'], ['people.csv', 'people'], ['posts.csv', 'posts']] as const) {
    const t = table(name);
    if (!t?.rows.length) continue;
    const list: object[] = [];
    for (const row of t.rows) {
      const { item, fields } = readRow<object>(ITEM_TABLES[name], row, (m, column) => issues.push(readError(t.file, m, row.line, `column "${column}"`, 'csv')));
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
    const id = row.get('story') ?? '';
    let story: Story | undefined = g.stories!.find((s) => s.id === id);
    if (!story) {
      story = { id, title: row.get('title') ?? '', steps: [] };
      set(story, 'description', row.get('description'));
      mark(origins, `stories[${g.stories!.length}]`, sT!, row, { id: 'story', title: 'title' });
      g.stories!.push(story);
    }
    if (row.get('step') === undefined && row.get('caption') === undefined && row.get('at') === undefined) continue;
    const step = { at: row.get('at') ?? '', caption: row.get('caption') ?? '', citation: row.get('citation') ?? '' } as StoryStep;
    for (const k of ['graph', 'to', 'notes'] as const) set(step, k, row.get(k));
    set(step, 'focus', listOrUndefined(row.get('focus')));
    set(step, 'highlight', listOrUndefined(row.get('highlight')));
    set(step, 'hide', listOrUndefined(row.get('hide')) as StoryStep['hide']);
    const si = g.stories!.indexOf(story);
    mark(origins, `stories[${si}].steps[${story.steps.length}]`, sT!, row, { caption: 'caption', graph: 'graph', at: 'at', to: 'to' });
    story.steps.push(step);
  }

  if (usedImported) {
    const { id, source } = importedSource(base);
    g.sources[id] = source;
  }
  if (issues.some((i) => i.severity === 'error')) return { issues };
  return finishImport(g, origins, issues);
}

