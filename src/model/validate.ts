/**
 * Validation shared by the CLI and the app: first the JSON Schema (shape), then the meaning.
 * Every issue names its place as a path into the file (`organs[3].exists[0].start`) and says what
 * is wrong in plain words. The rules are listed, one line each, in the README.
 */
import { Validator } from '@cfworker/json-schema';
import schema from '../../graphs/schema.json' with { type: 'json' };
import { bounds, checkDate, formatDate, isoDay, parseDate, presence, type Bounds } from './dates.ts';
import { DATE_ATTRIBUTES, MEASURES, PERSON_ATTRIBUTES, type Graph } from './types.ts';

export type Severity = 'error' | 'warning';

export interface Issue {
  severity: Severity;
  /** The rule broken, as listed in the README. */
  rule: string;
  /** The path into the file: `organs[3].exists[0].start`; '' for the whole file. */
  path: string;
  message: string;
  file?: string;
  line?: number;
}

const schemaValidator = new Validator(schema as object, '7', false);

type Path = (string | number)[];

export function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

const SCHEMA_NOISE = new Set(['properties', 'items', '$ref', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'propertyNames']);

function schemaIssues(data: unknown): Issue[] {
  return schemaIssuesWith(schemaValidator, data);
}

/** The issues a JSON Schema finds, in plain words, one per place. */
export function schemaIssuesWith(validator: Validator, data: unknown): Issue[] {
  let result: ReturnType<Validator['validate']>;
  try {
    result = validator.validate(data);
  } catch {
    // Only data that did not come from JSON (an undefined or a function) gets here.
    return [{ severity: 'error', rule: 'schema', path: '', message: 'the data holds values JSON cannot hold (undefined or functions)' }];
  }
  if (result.valid) return [];
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const e of result.errors) {
    if (SCHEMA_NOISE.has(e.keyword)) continue;
    const parts = e.instanceLocation.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapePointer);
    const path: Path = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const message = schemaMessage(e.keyword, e.error, path);
    const key = `${pathText(path)}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ severity: 'error', rule: 'schema', path: pathText(path), message });
  }
  return issues;
}

function unescapePointer(p: string): string {
  return decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~');
}

const article = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

function schemaMessage(keyword: string, error: string, path: Path): string {
  const field = path.length ? `"${path[path.length - 1]}"` : 'the file';
  const quoted = /"([^"]+)"/.exec(error)?.[1];
  switch (keyword) {
    case 'required':
      return `the field "${quoted}" is missing`;
    case 'false':
      return `${field} is not a field of the apparat format (check its spelling)`;
    case 'enum':
      return `${field} must be one of ${error.replace(/^.*\[(.*)\].*$/s, '$1').replace(/"/g, '').replace(/,/g, ', ')}`;
    case 'const':
      return path[path.length - 1] === 'kind' ? `${field} must be "story" in a story file` : `${field} must be 1 (the format version)`;
    case 'type':
      return `${field} has the wrong kind of value: ${error.replace(/^Instance type "(\w+)" is invalid\. Expected "(\w+)"\.?$/, (_, is: string, want: string) => `it is ${article(is)}, it should be ${article(want)}`)}`;
    case 'minItems':
      return `${field} must not be empty`;
    case 'minLength':
      return `${field} must not be empty`;
    case 'maxLength':
      return `${field} is too long`;
    case 'pattern':
      return path.includes('lines')
        ? `${field} must be a line number or a range of lines, like 7242-7260`
        : `${field} must be an id of letters, digits and - _ . : without spaces`;
    default:
      return `${field}: ${error}`;
  }
}

export interface ValidateOptions {
  /** Ids of the graphs a drill-down link may name; unchecked when absent. */
  knownGraphs?: ReadonlySet<string>;
}

/** All issues of one parsed graph file. */
export function validateGraph(data: unknown, options: ValidateOptions = {}): Issue[] {
  const issues = schemaIssues(data);
  // The meaning is only checked on a file of the right shape: it would otherwise repeat the schema's complaints.
  if (issues.length) return issues;
  return meaningIssues(data as Graph, options);
}

function meaningIssues(g: Graph, options: ValidateOptions): Issue[] {
  const issues: Issue[] = [];
  const error = (rule: string, path: Path, message: string) => issues.push({ severity: 'error', rule, path: pathText(path), message });
  const warn = (rule: string, path: Path, message: string) => issues.push({ severity: 'warning', rule, path: pathText(path), message });

  // Dates first: every later rule needs them.
  let datesOk = true;
  const checkAt = (value: unknown, path: Path) => {
    if (value === undefined) return;
    const problem = checkDate(value);
    if (problem) {
      datesOk = false;
      error('date', path, problem);
    }
  };
  const checkInterval = (i: { start?: string; end?: string }, path: Path) => {
    checkAt(i.start, [...path, 'start']);
    checkAt(i.end, [...path, 'end']);
    if (checkDate(i.start ?? '..') || checkDate(i.end ?? '..')) return;
    const b = bounds(i);
    if (b.endMax < b.startMin) {
      datesOk = false;
      error('interval-order', path, `ends (${formatDate(i.end)}) before it starts (${formatDate(i.start)})`);
    }
  };
  if (g.period) checkInterval(g.period, ['period']);
  g.organs.forEach((o, i) => {
    o.names.forEach((n, j) => checkInterval(n, ['organs', i, 'names', j]));
    o.exists.forEach((e, j) => checkInterval(e, ['organs', i, 'exists', j]));
  });
  g.edges.forEach((e, i) => checkInterval(e, ['edges', i]));
  g.events?.forEach((e, i) => checkAt(e.date, ['events', i, 'date']));
  g.figures?.forEach((f, i) => checkAt(f.date, ['figures', i, 'date']));
  g.posts?.forEach((p, i) => checkInterval(p, ['posts', i]));
  g.people?.forEach((p, i) =>
    p.attributes?.forEach((a, j) => {
      checkAt(a.date, ['people', i, 'attributes', j, 'date']);
      // A date attribute's value is a date, so that "joined in 1917?" stays as vague as the source.
      if (DATE_ATTRIBUTES.includes(a.attribute)) {
        const problem = checkDate(a.value);
        if (problem) error('date', ['people', i, 'attributes', j, 'value'], `the ${a.attribute} of "${p.id}" must be an EDTF date (1917, 1917?, [1917,1918]): ${problem}`);
      }
    }),
  );

  // Ids: unique within their kind, and every reference resolves.
  const organIndex = new Map<string, number>();
  g.organs.forEach((o, i) => {
    if (organIndex.has(o.id)) error('duplicate-id', ['organs', i, 'id'], `the organ id "${o.id}" is used twice (first at organs[${organIndex.get(o.id)}])`);
    else organIndex.set(o.id, i);
  });
  const unique = (list: { id: string }[] | undefined, kind: string, what: string) => {
    const seen = new Map<string, number>();
    list?.forEach((x, i) => {
      if (seen.has(x.id)) error('duplicate-id', [kind, i, 'id'], `the ${what} id "${x.id}" is used twice (first at ${kind}[${seen.get(x.id)}])`);
      else seen.set(x.id, i);
    });
    return seen;
  };
  unique(g.events, 'events', 'event');
  const personIndex = unique(g.people, 'people', 'person');
  unique(g.stories, 'stories', 'story');

  const organLabel = (id: string) => `"${id}"`;
  const knownOrgan = (id: string, path: Path, role: string) => {
    if (organIndex.has(id)) return true;
    error('unknown-id', path, `${role} ${organLabel(id)} is not an organ of this graph`);
    return false;
  };
  const usedSources = new Set<string>();
  const checkSources = (refs: string[] | undefined, path: Path) =>
    refs?.forEach((r, i) => {
      usedSources.add(r);
      if (!(r in g.sources) || !Object.prototype.hasOwnProperty.call(g.sources, r))
        error('unknown-source', [...path, 'sources', i], `the source "${r}" is not listed in "sources"`);
    });
  g.organs.forEach((o, i) => {
    checkSources(o.sources, ['organs', i]);
    if (o.sources.length === 0) warn('no-source', ['organs', i, 'sources'], `the organ "${o.id}" cites no source`);
    o.names.forEach((n, j) => checkSources(n.sources, ['organs', i, 'names', j]));
    o.exists.forEach((e, j) => checkSources(e.sources, ['organs', i, 'exists', j]));
    if (o.type === 'unit' && !o.typeLabel) warn('unit-label', ['organs', i], `the organ "${o.id}" is of type "unit" but has no typeLabel to say what kind of unit`);
    if (o.countedIn !== undefined && knownOrgan(o.countedIn, ['organs', i, 'countedIn'], 'the counted group')) {
      const group = g.organs[organIndex.get(o.countedIn)!];
      if (!group.counted || group.type !== o.type)
        error('counted-in', ['organs', i, 'countedIn'], `"${o.countedIn}" is not a counted group of ${o.type}s, so "${o.id}" cannot be counted in it`);
    }
    if (o.link !== undefined && options.knownGraphs && !options.knownGraphs.has(o.link))
      error('missing-link', ['organs', i, 'link'], `the drill-down link names the graph "${o.link}", which is not among the graphs loaded`);
  });
  const edgesOk: boolean[] = g.edges.map((e, i) => {
    checkSources(e.sources, ['edges', i]);
    const a = knownOrgan(e.child, ['edges', i, 'child'], 'the child');
    const b = knownOrgan(e.parent, ['edges', i, 'parent'], 'the parent');
    if (a && e.child === e.parent) error('cycle', ['edges', i], `the organ "${e.child}" is its own parent`);
    return a && b && e.child !== e.parent;
  });
  g.events?.forEach((e, i) => {
    checkSources(e.sources, ['events', i]);
    e.inputs.forEach((id, j) => knownOrgan(id, ['events', i, 'inputs', j], 'the input'));
    e.outputs.forEach((id, j) => knownOrgan(id, ['events', i, 'outputs', j], 'the output'));
    if (e.inputs.length + e.outputs.length === 0) error('event-empty', ['events', i], `the event "${e.id}" names no inputs and no outputs`);
  });
  // An unusual measure is warned about once, where it is first used: a table of shares (Table 6-12) may use it a dozen times.
  const unusual = new Map<string, { first: number; uses: number }>();
  g.figures?.forEach((f, i) => {
    checkSources(f.sources, ['figures', i]);
    knownOrgan(f.organ, ['figures', i, 'organ'], 'the figure is about');
    if (!(MEASURES as readonly string[]).includes(f.measure)) {
      const u = unusual.get(f.measure);
      if (u) u.uses += 1;
      else unusual.set(f.measure, { first: i, uses: 1 });
    }
  });
  for (const [measure, { first, uses }] of unusual)
    warn('unknown-measure', ['figures', first, 'measure'], `"${measure}" is not one of the usual measures (${MEASURES.join(', ')})${uses > 1 ? `; ${uses} figures use it` : ''}`);
  g.people?.forEach((p, i) => {
    checkSources(p.sources, ['people', i]);
    p.attributes?.forEach((a, j) => {
      checkSources(a.sources, ['people', i, 'attributes', j]);
      if (!(PERSON_ATTRIBUTES as readonly string[]).includes(a.attribute))
        warn('unknown-attribute', ['people', i, 'attributes', j, 'attribute'], `"${a.attribute}" is not one of the usual attributes of a person (${PERSON_ATTRIBUTES.join(', ')})`);
    });
  });
  g.posts?.forEach((p, i) => {
    checkSources(p.sources, ['posts', i]);
    knownOrgan(p.organ, ['posts', i, 'organ'], 'the post is in');
    if (!personIndex.has(p.person)) error('unknown-id', ['posts', i, 'person'], `the person "${p.person}" is not listed in "people"`);
  });
  // An inference without its reasoning is a guess the reader cannot weigh.
  const reasoned = (x: { certainty?: string; note?: string }, path: Path, what: string) => {
    if (x.certainty === 'inferred' && !x.note?.trim())
      error('inferred-without-note', path, `${what} is marked "inferred" but has no "note" saying the reasoning: add a note, or remove "certainty" if the source states it`);
  };
  g.organs.forEach((o, i) => {
    o.names.forEach((n, j) => reasoned(n, ['organs', i, 'names', j], `the name "${n.name}"`));
    o.exists.forEach((e, j) => reasoned(e, ['organs', i, 'exists', j], `a lifetime of "${o.id}"`));
  });
  g.edges.forEach((e, i) => reasoned(e, ['edges', i], `the placement of "${e.child}" under "${e.parent}"`));
  g.posts?.forEach((p, i) => reasoned(p, ['posts', i], `the post "${p.post}" of "${p.person}"`));
  g.people?.forEach((p, i) => p.attributes?.forEach((a, j) => reasoned(a, ['people', i, 'attributes', j], `the ${a.attribute} of "${p.id}"`)));
  for (const id of Object.keys(g.sources))
    if (!usedSources.has(id)) warn('unused-source', ['sources', id], `the source "${id}" is never cited`);

  if (!datesOk) return issues;

  // Time: lifetimes, parents, cycles, events, figures and posts against the intervals.
  const life = new Map<string, Bounds[]>();
  g.organs.forEach((o) => life.set(o.id, o.exists.map((e) => bounds(e))));
  const mayExist = (id: string, b: Bounds) => (life.get(id) ?? []).some((l) => l.startMin <= b.endMax && l.endMax >= b.startMin);
  const within = (id: string, b: Bounds) => (life.get(id) ?? []).some((l) => l.startMin <= b.startMax && l.endMax >= b.endMin);
  const span = (i: { start?: string; end?: string }) => `${formatDate(i.start)} – ${formatDate(i.end)}`;

  const edgesByChild = new Map<string, number[]>();
  g.edges.forEach((e, i) => {
    if (!edgesOk[i]) return;
    const list = edgesByChild.get(e.child) ?? [];
    list.push(i);
    edgesByChild.set(e.child, list);
    const b = bounds(e);
    for (const [who, role] of [[e.child, 'child'], [e.parent, 'parent']] as const) {
      if (!within(who, b))
        error('edge-outside-life', ['edges', i], `the subordination of "${e.child}" under "${e.parent}" (${span(e)}) lies outside the lifetime of the ${role} "${who}"`);
    }
  });

  for (const [child, list] of edgesByChild) {
    const sorted = list.map((i) => ({ i, b: bounds(g.edges[i]) })).sort((x, y) => x.b.startMin - y.b.startMin);
    for (let k = 0; k < sorted.length; k++) {
      for (let m = k + 1; m < sorted.length; m++) {
        const [x, y] = [sorted[k], sorted[m]];
        if (y.b.startMin > x.b.endMax) break;
        // A handover inside the vague span of a date is allowed: the later edge wins there.
        if (x.b.endMin <= y.b.startMax) continue;
        const [ex, ey] = [g.edges[x.i], g.edges[y.i]];
        error('two-parents', ['edges', y.i], `"${child}" would have two parents at once: "${ex.parent}" (${span(ex)}, edges[${x.i}]) and "${ey.parent}" (${span(ey)})`);
      }
    }
  }

  cycleIssues(g, edgesOk).forEach((msg) => error('cycle', msg.path, msg.message));

  g.events?.forEach((e, i) => {
    const d = parseDate(e.date);
    const at: Bounds = { startMin: d.min, startMax: d.max, endMin: d.min, endMax: d.max, qualified: false };
    const touches = (x: number, y: number) => x <= d.max && y >= d.min;
    e.inputs.forEach((id, j) => {
      if (!organIndex.has(id)) return;
      if (!mayExist(id, at)) error('event-mismatch', ['events', i, 'inputs', j], `the input "${id}" does not exist at the event's date (${formatDate(e.date)})`);
      else if (['abolish', 'split', 'merge'].includes(e.kind) && !e.outputs.includes(id) && !(life.get(id) ?? []).some((l) => touches(l.endMin, l.endMax)))
        error('event-mismatch', ['events', i, 'inputs', j], `a ${e.kind} at ${formatDate(e.date)} ends "${id}", but none of its lifetimes ends then`);
    });
    e.outputs.forEach((id, j) => {
      if (!organIndex.has(id)) return;
      if (!mayExist(id, at)) error('event-mismatch', ['events', i, 'outputs', j], `the output "${id}" does not exist at the event's date (${formatDate(e.date)})`);
      else if (['create', 'split', 'merge'].includes(e.kind) && !e.inputs.includes(id) && !(life.get(id) ?? []).some((l) => touches(l.startMin, l.startMax)))
        error('event-mismatch', ['events', i, 'outputs', j], `a ${e.kind} at ${formatDate(e.date)} creates "${id}", but none of its lifetimes starts then`);
    });
  });

  g.figures?.forEach((f, i) => {
    if (!organIndex.has(f.organ)) return;
    const d = parseDate(f.date);
    const b: Bounds = { startMin: d.min, startMax: d.max, endMin: d.min, endMax: d.max, qualified: false };
    if (!mayExist(f.organ, b)) error('figure-outside-life', ['figures', i], `a figure for "${f.organ}" is dated ${formatDate(f.date)}, when it did not exist`);
  });
  g.posts?.forEach((p, i) => {
    if (!organIndex.has(p.organ)) return;
    if (!mayExist(p.organ, bounds(p))) error('post-outside-life', ['posts', i], `the post "${p.post}" in "${p.organ}" (${span(p)}) lies outside the organ's lifetime`);
  });
  g.organs.forEach((o, i) => {
    if (!o.counted) return;
    if (!g.figures?.some((f) => f.organ === o.id && f.measure === 'count'))
      warn('counted-without-count', ['organs', i], `the counted group "${o.id}" has no "count" figure, so nothing says how many organs it stands for`);
  });
  return issues;
}

/**
 * Organs on (or below) a cycle when time is ignored: only among them can a cycle form at some date.
 * Kahn's algorithm peels off organs that are nobody's parent until only cycles and their subtrees remain.
 */
function staticCycleMembers(g: Graph, edgesOk: boolean[]): Set<string> {
  const childrenCount = new Map<string, number>();
  const parentsOf = new Map<string, string[]>();
  g.edges.forEach((e, i) => {
    if (!edgesOk[i]) return;
    childrenCount.set(e.parent, (childrenCount.get(e.parent) ?? 0) + 1);
    childrenCount.set(e.child, childrenCount.get(e.child) ?? 0);
    parentsOf.set(e.child, [...(parentsOf.get(e.child) ?? []), e.parent]);
  });
  const leaves = [...childrenCount].filter(([, n]) => n === 0).map(([id]) => id);
  while (leaves.length) {
    const id = leaves.pop()!;
    childrenCount.delete(id);
    for (const p of parentsOf.get(id) ?? []) {
      const n = childrenCount.get(p);
      if (n === undefined) continue;
      childrenCount.set(p, n - 1);
      if (n - 1 === 0) leaves.push(p);
    }
  }
  return new Set(childrenCount.keys());
}

/** When a cycle begins, in words: an edge with no start date holds from the beginning (its instant is -Infinity, which no Date can hold). */
function whenFrom(t: number): string {
  return Number.isFinite(t) ? `at ${isoDay(t)}` : 'from the beginning (these edges have no start date)';
}

/**
 * A cycle at any date: follow parent links at every instant where the set of edges changes.
 * Those instants are the edges' starts; between two of them nothing new appears.
 */
function cycleIssues(g: Graph, edgesOk: boolean[]): { path: Path; message: string }[] {
  const onStaticCycle = staticCycleMembers(g, edgesOk);
  if (onStaticCycle.size === 0) return [];
  const edges = g.edges.map((e, i) => ({ e, i, b: bounds(e) })).filter((x) => edgesOk[x.i] && onStaticCycle.has(x.e.child));
  const instants = [...new Set(edges.map((x) => x.b.startMin))].sort((a, b) => a - b);
  const found = new Map<string, { path: Path; message: string }>();
  for (const t of instants) {
    const at = { edtf: '', min: t, max: t, precision: 'day' as const, uncertain: false, approximate: false };
    const parentOf = new Map<string, { parent: string; i: number; start: number }>();
    for (const x of edges) {
      if (presence(x.b, at) === 0) continue;
      const had = parentOf.get(x.e.child);
      if (!had || x.b.startMin > had.start) parentOf.set(x.e.child, { parent: x.e.parent, i: x.i, start: x.b.startMin });
    }
    const done = new Set<string>();
    for (const start of parentOf.keys()) {
      const trail: string[] = [];
      let id: string | undefined = start;
      while (id !== undefined && !done.has(id) && !trail.includes(id)) {
        trail.push(id);
        id = parentOf.get(id)?.parent;
      }
      if (id !== undefined && trail.includes(id)) {
        const loop = trail.slice(trail.indexOf(id));
        const key = [...loop].sort().join('>');
        if (!found.has(key)) {
          const edge = parentOf.get(id)!.i;
          found.set(key, { path: ['edges', edge], message: `a cycle of subordination ${whenFrom(t)}: ${[...loop, id].join(' → ')}` });
        }
      }
      trail.forEach((x) => done.add(x));
    }
  }
  return [...found.values()];
}
