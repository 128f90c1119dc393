/**
 * The apparat command line: `npm run -s apparat -- <command> [...]`.
 * Exit codes: 0 success, 1 invalid data, 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { formatIssue, type LoadedGraph } from '../io/graph-file.ts';
import { checkDate, formatDate, formatInterval } from '../model/dates.ts';
import { diff } from '../model/diff.ts';
import { eventsInOrder, lineage } from '../model/lineage.ts';
import { at, buildModel, nameAt, type Model } from '../model/model.ts';
import { attributeText, figureRows, postRows, stats } from '../model/queries.ts';
import type { PersonAttribute } from '../model/types.ts';
import { depthFirst, snapshot } from '../model/snapshot.ts';
import { justAfter, type EventStep } from '../model/steps.ts';
import { runBuild } from './build.ts';
import { expand, loadFiles, resolveGraphPath, UsageError } from './files.ts';
import { runExport, runImport } from './interchange.ts';

export const USAGE = `apparat: explore a time-versioned hierarchy

usage: npm run -s apparat -- <command> [options]

commands:
  validate <file|dir>...                    check graph files (default: graphs/)
  snapshot <graph> --at <date>              organs at a date: id, name, type, parent, figures, holders, sources
  snapshot <graph> --after <event>          organs just after an event (its outputs there, what it ended gone), what left and arrived
  stats <graph> --at <date>                 organs per type (a counted group counts as its count)
  figures <graph> [--at <date>] [--organ <id>]   every sourced number
  people <graph> [--at <date>]              who held which post in which organ, when, and the source; what the sources say of each person (social origin, party entry)
  events <graph>                            the restructurings in stepping order
  lineage <graph> <organ>                   predecessors and successors through splits, merges, renames
  diff <graph> --from <date> --to <date>    organs added, removed, re-parented, renamed; figures changed
  export <graph> --format svg|flow|gexf|graphml|csv|json [--at <date>] [--out <path>]
                                            the chart at a date as SVG (needs --at), the whole period as a flow (SVG), or the graph for Gephi, yEd, spreadsheets; CSV needs --out <folder>
  import --from csv|gexf|graphml <file|folder> [--out <file.json>]
                                            a CSV, GEXF or GraphML file as apparat JSON, or what is wrong with it
  build <file|dir>... --out <folder>        a static site of the explorer holding exactly these graphs and stories

<graph> is a file path or the id of a graph in graphs/. Dates are EDTF: 1932-06-21, 1930-07,
1932-22 (summer 1932), 1930?, 1930~. Add --json for JSON output.`;

interface Output {
  json: boolean;
  out: (s: string) => void;
}

function requireDate(value: string | undefined, option: string): string {
  if (value === undefined) throw new UsageError(`${option} <date> is required`);
  const problem = checkDate(value);
  if (problem) throw new UsageError(`${option}: ${problem}`);
  return value;
}

function loadModel(arg: string | undefined, o: Output): { model?: Model; loaded: LoadedGraph } {
  if (!arg) throw new UsageError('name a graph: a file path or a graph id');
  const [loaded] = loadFiles([resolveGraphPath(arg)]);
  if (!loaded.graph) {
    if (o.json) o.out(JSON.stringify({ file: loaded.file, issues: loaded.issues }, null, 2));
    else loaded.issues.forEach((i) => o.out(formatIssue(i)));
    return { loaded };
  }
  return { model: buildModel(loaded.graph), loaded };
}

const fmt = (n: number) => n.toLocaleString('en-GB');
const fig = (v: number, q?: string) => `${q === 'approx' ? 'about ' : q === 'min' ? 'at least ' : q === 'max' ? 'at most ' : ''}${fmt(v)}`;
const src = (refs: string[] | undefined, m: Model) => (refs ?? []).map((r) => m.graph.sources[r]?.citation ?? r).join('; ');

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        at: { type: 'string' },
        after: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        organ: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    err(`apparat: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const o: Output = { json: values.json === true, out };
  if (values.help || !command) {
    (command ? out : err)(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    switch (command) {
      case 'validate':
        return validate(rest.length ? rest : ['graphs'], o);
      case 'snapshot':
      case 'stats': {
        if (command === 'snapshot' && values.after !== undefined) return snapshotAfter(rest[0], values.after, values.at, o);
        const date = requireDate(values.at, '--at');
        const { model } = loadModel(rest[0], o);
        if (!model) return 1;
        return command === 'snapshot' ? printSnapshot(model, date, o) : printStats(model, date, o);
      }
      case 'figures': {
        const date = values.at === undefined ? undefined : requireDate(values.at, '--at');
        const { model } = loadModel(rest[0], o);
        if (!model) return 1;
        if (values.organ && !model.organs.has(values.organ)) throw new UsageError(`no organ "${values.organ}" in ${model.graph.id}`);
        const rows = figureRows(model, { at: date ? at(date) : undefined, organ: values.organ });
        if (o.json) out(JSON.stringify(rows.map((r) => ({ ...r, sourceCitations: r.sources.map((s) => model.graph.sources[s]) })), null, 2));
        else for (const r of rows) out(`${formatDate(r.date)}\t${r.organName}\t${r.measure}\t${fig(r.value, r.qualifier)}\t${src(r.sources, model)}${r.note ? `\t(${r.note})` : ''}`);
        return 0;
      }
      case 'people': {
        const date = values.at === undefined ? undefined : requireDate(values.at, '--at');
        const { model } = loadModel(rest[0], o);
        if (!model) return 1;
        const rows = postRows(model, date ? at(date) : undefined);
        // Without a date, people the graph lists with attributes but no post are rows too (with empty post columns).
        const unposted = date ? [] : [...model.people.values()].filter((p) => p.attributes?.length && !rows.some((r) => r.person === p.id));
        if (o.json) out(JSON.stringify([...rows, ...unposted.map((p) => ({ person: p.id, personName: p.name, personAttributes: p.attributes }))], null, 2));
        else {
          for (const r of rows) out(`${r.personName}\t${r.post}\t${r.organName}\t${formatInterval(r)}\t${src(r.sources, model)}${attributesText(r.personAttributes, model)}`);
          for (const p of unposted) out(`${p.name}\t\t\t\t${attributesText(p.attributes ?? [], model)}`);
        }
        return 0;
      }
      case 'events': {
        const { model } = loadModel(rest[0], o);
        if (!model) return 1;
        const events = eventsInOrder(model.graph);
        if (o.json) out(JSON.stringify(events, null, 2));
        else for (const e of events) out(`${formatDate(e.date)}\t${e.kind}\t${e.title}\t${src(e.sources, model)}`);
        return 0;
      }
      case 'lineage': {
        const { model } = loadModel(rest[0], o);
        if (!model) return 1;
        const organ = rest[1];
        if (!organ) throw new UsageError('lineage needs an organ id: lineage <graph> <organ>');
        if (!model.organs.has(organ)) throw new UsageError(`no organ "${organ}" in ${model.graph.id}`);
        const l = lineage(model.graph, organ);
        if (o.json) out(JSON.stringify(l, null, 2));
        else {
          out(`${nameAt(model, organ)} (${organ})`);
          for (const [title, list] of [['predecessors', l.predecessors], ['successors', l.successors]] as const) {
            out(`${title}:${list.length ? '' : ' none'}`);
            for (const s of list) out(`${'  '.repeat(s.depth)}${nameAt(model, s.organ)} (${s.organ})\t${s.kind}, ${formatDate(s.date)}\t[${s.event}]`);
          }
        }
        return 0;
      }
      case 'diff': {
        const from = requireDate(values.from, '--from');
        const to = requireDate(values.to, '--to');
        const { model } = loadModel(rest[0], o);
        if (!model) return 1;
        return printDiff(model, from, to, o);
      }
      case 'build':
        return runBuild(rest, values.out, out, err);
      case 'export':
      case 'import':
        return (command === 'export' ? runExport : runImport)(rest, values, out, err);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`apparat: ${e.message}\n(npm run -s apparat -- --help lists the commands)`);
      return 2;
    }
    err(`apparat: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}

function validate(paths: string[], o: Output): number {
  const results = loadFiles(expand(paths));
  if (results.length === 0) throw new UsageError(`no graph files in ${paths.join(' ')}`);
  const errors = results.reduce((n, r) => n + r.issues.filter((i) => i.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.issues.filter((i) => i.severity === 'warning').length, 0);
  const valid = (r: LoadedGraph) => r.graph !== undefined || r.story !== undefined;
  if (o.json) o.out(JSON.stringify({ files: results.map((r) => ({ file: r.file, valid: valid(r), issues: r.issues })), errors, warnings }, null, 2));
  else {
    for (const r of results) {
      for (const i of r.issues) o.out(formatIssue(i));
      if (r.graph) o.out(`${r.file}: ok (${r.graph.organs.length} organs)`);
      if (r.story) o.out(`${r.file}: ok (a story of ${r.story.steps.length} steps)`);
    }
    o.out(`${results.length} file${results.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  }
  return errors > 0 ? 1 : 0;
}

function snapshotAfter(graph: string | undefined, event: string, date: string | undefined, o: Output): number {
  if (date !== undefined) throw new UsageError('give --at <date> or --after <event>, not both');
  const { model } = loadModel(graph, o);
  if (!model) return 1;
  const step = justAfter(model, event);
  if (!step) throw new UsageError(`no event "${event}" in ${model.graph.id} (npm run -s apparat -- events ${model.graph.id} lists them)`);
  return printSnapshot(model, step.event.date, o, step);
}

function printSnapshot(model: Model, date: string, o: Output, step?: EventStep): number {
  const snap = step?.snapshot ?? snapshot(model, at(date));
  const rows = depthFirst(snap).map(({ id, depth }) => {
    const s = snap.organs.get(id)!;
    return {
      id,
      name: s.name,
      type: s.type,
      typeLabel: s.typeLabel,
      parent: s.parent ?? null,
      parentCertainty: s.parentCertainty,
      parentNote: s.parentNote,
      parentSources: s.parentSources,
      depth,
      vague: s.vague,
      counted: s.counted,
      link: s.link,
      figures: Object.fromEntries([...s.figures].map(([m, list]) => [m, list.map((f) => ({ value: f.value, qualifier: f.qualifier, date: f.date, sources: f.sources, note: f.note }))])),
      holders: s.holders,
      sources: s.sources,
    };
  });
  const after = step && { event: step.event.id, title: step.event.title, date: step.event.date, step: step.index + 1, instant: step.at.edtf, left: step.left, arrived: step.arrived, ended: step.ended };
  if (o.json) {
    o.out(JSON.stringify({ graph: model.graph.id, at: date, ...(after && { after }), organs: rows }, null, 2));
    return 0;
  }
  if (after) o.out(`${model.graph.title}, just after ${after.title} (${formatDate(date)}, step ${after.step}): ${rows.length} organs${stepLine(model, 'left', after.left)}${stepLine(model, 'arrived', after.arrived)}`);
  else o.out(`${model.graph.title}, at ${formatDate(date)}: ${rows.length} organs`);
  for (const r of rows) {
    const figs = Object.entries(r.figures)
      .map(([m, list]) => `${m} ${list.map((f) => `${fig(f.value, f.qualifier)} (${formatDate(f.date)})`).join(' | ')}`)
      .join('; ');
    const holders = r.holders.map((h) => `${h.post}: ${h.personName}`).join('; ');
    o.out(
      `${'  '.repeat(r.depth)}${r.name}${r.vague ? ' (?)' : ''}  [${r.id}, ${r.typeLabel ?? r.type}${r.parent ? ` under ${r.parent}${r.parentCertainty === 'inferred' ? ' (inferred)' : ''}` : ''}]` +
        (figs ? `  ${figs}` : '') +
        (holders ? `  — ${holders}` : '') +
        (r.sources.length ? `  {${src(r.sources, model)}}` : ''),
    );
  }
  return 0;
}

/** A person's attributes as one tab-led column: "social origin: worker; party entry: 1917 {Table 6-6}", sources once per group. */
function attributesText(list: PersonAttribute[], m: Model): string {
  if (!list.length) return '';
  const groups = new Map<string, string[]>();
  for (const a of list) {
    const key = src(a.sources, m);
    groups.set(key, [...(groups.get(key) ?? []), attributeText(a)]);
  }
  return `\t${[...groups].map(([sources, texts]) => `${texts.join('; ')}${sources ? ` {${sources}}` : ''}`).join('; ')}`;
}

const stepLine = (m: Model, what: string, ids: string[]) => (ids.length ? `\n${what}: ${ids.map((id) => `${nameAt(m, id)} (${id})`).join(', ')}` : '');

function printStats(model: Model, date: string, o: Output): number {
  const rows = stats(snapshot(model, at(date)));
  if (o.json) {
    o.out(JSON.stringify({ graph: model.graph.id, at: date, types: rows }, null, 2));
    return 0;
  }
  o.out(`${model.graph.title}, at ${formatDate(date)}`);
  for (const r of rows) {
    const total = r.min === r.max ? fmt(r.min) : `${fmt(r.min)}–${fmt(r.max)}`;
    const groups = r.counted.map((c) => `${c.name}: ${c.counts.length ? c.counts.map(fmt).join(' or ') : 'no count'}`).join('; ');
    o.out(`${r.type}\t${total}${groups ? `\t(${r.single ? `${r.single} named; ` : ''}${groups})` : ''}`);
  }
  return 0;
}

function printDiff(model: Model, from: string, to: string, o: Output): number {
  const a = snapshot(model, at(from));
  const b = snapshot(model, at(to));
  const d = diff(a, b);
  if (o.json) {
    o.out(JSON.stringify({ graph: model.graph.id, from, to, ...d }, null, 2));
    return 0;
  }
  const name = (id: string) => `${nameAt(model, id, b.organs.has(id) ? b.at : a.at)} (${id})`;
  o.out(`${model.graph.title}: ${formatDate(from)} → ${formatDate(to)}`);
  for (const x of d.added) o.out(`+ added\t${name(x.id)}${x.parent ? ` under ${x.parent}` : ''}`);
  for (const id of d.removed) o.out(`- removed\t${name(id)}`);
  for (const r of d.reparented) o.out(`> re-parented\t${name(r.id)}: ${r.from ?? '(root)'} → ${r.to ?? '(root)'}`);
  for (const r of d.renamed) o.out(`~ renamed\t${r.id}: ${r.from} → ${r.to}`);
  for (const f of d.figures) o.out(`# ${f.measure}\t${name(f.id)}: ${f.from.map(fmt).join(' | ') || '—'} → ${f.to.map(fmt).join(' | ') || '—'}`);
  return 0;
}

// Run when executed directly (not when imported by tests).
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.exitCode = run(process.argv.slice(2), (s) => console.log(s), (s) => console.error(s));
}
