/**
 * Counts per graph file: organs, figures, posts, people (and how many carry attributes), sources.
 * `npx tsx scripts/graph-counts.ts [folder]` (default graphs/); prints a Markdown table. It reads
 * the files as they are, without validating them, so that an older folder can be counted too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';

const folder = process.argv[2] ?? 'graphs';
const files = readdirSync(folder).filter((f) => f.endsWith('.json') && !f.endsWith('schema.json')).sort();
const rows: (string | number)[][] = [];
const total = [0, 0, 0, 0, 0, 0];
for (const f of files) {
  const g = parse(readFileSync(join(folder, f), 'utf8')) as Record<string, unknown>;
  const len = (k: string) => (Array.isArray(g[k]) ? (g[k] as unknown[]).length : 0);
  const people = (Array.isArray(g.people) ? g.people : []) as { attributes?: unknown[] }[];
  const counts = [len('organs'), len('figures'), len('posts'), people.length, people.filter((p) => p.attributes?.length).length, Object.keys((g.sources as object) ?? {}).length];
  counts.forEach((n, i) => (total[i] += n));
  rows.push([String(g.id ?? f), ...counts]);
}
rows.push(['**total**', ...total]);
console.log('| graph | organs | figures | posts | people | with attributes | sources |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
