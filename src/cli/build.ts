/**
 * `apparat build <file|dir>... --out <folder>`: a static site of the explorer holding exactly the
 * given graphs and stories. The files are validated together first (a drill-down link must reach
 * a graph that is given); then the app is built with VITE_APPARAT_SITE=1, which bundles no graph
 * and reads graphs/index.json at run time (src/io/bundled.ts), and the files are copied beside it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue, loadGraphSet } from '../io/graph-file.ts';
import type { SiteIndex } from '../io/bundled.ts';
import { expand, UsageError } from './files.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** An out folder we may empty: absent, empty, or a site this command wrote before. */
function safeToWrite(out: string): boolean {
  if (!existsSync(out)) return true;
  if (!statSync(out).isDirectory()) return false;
  return readdirSync(out).length === 0 || existsSync(join(out, 'graphs', 'index.json'));
}

export function runBuild(paths: string[], outDir: string | undefined, out: (s: string) => void, err: (s: string) => void): number {
  if (paths.length === 0) throw new UsageError('name the graphs and stories to publish: build <file|dir>... --out <folder>');
  if (!outDir) throw new UsageError('build needs --out <folder>: where to write the site');
  const out_ = resolve(outDir);
  if (!safeToWrite(out_)) throw new UsageError(`${outDir} is not empty and holds no earlier apparat site (graphs/index.json); give a new or empty folder`);

  const files = expand(paths);
  if (files.length === 0) throw new UsageError(`no graph files in ${paths.join(' ')}`);
  const cwd = process.cwd();
  const rel = (f: string) => (resolve(f).startsWith(cwd + '/') ? resolve(f).slice(cwd.length + 1) : f);
  const texts = files.map((f) => ({ file: rel(f), text: readFileSync(f, 'utf8') }));
  // Only these files: a link to a graph that is not given fails here, not on the published site.
  const loaded = loadGraphSet(texts);
  const errors = loaded.flatMap((r) => r.issues.filter((i) => i.severity === 'error'));
  if (errors.length) {
    loaded.forEach((r) => r.issues.forEach((i) => err(formatIssue(i))));
    err(`apparat: nothing written: ${errors.length} error${errors.length === 1 ? '' : 's'} in the files given`);
    return 1;
  }

  // Site names: graphs/<name>.json, stories under graphs/stories/.
  const names = loaded.map((r) => (r.story ? `stories/${basename(r.file)}` : basename(r.file)));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new UsageError(`two files are named ${twice}; rename one (the site keeps file names)`);

  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out_, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, VITE_APPARAT_SITE: '1' },
  });
  if (built.status !== 0) {
    err(`apparat: building the app failed:\n${built.stderr || built.stdout}`);
    return 1;
  }
  mkdirSync(join(out_, 'graphs', 'stories'), { recursive: true });
  texts.forEach((t, i) => writeFileSync(join(out_, 'graphs', names[i]), t.text));
  const index: SiteIndex = { files: names };
  writeFileSync(join(out_, 'graphs', 'index.json'), JSON.stringify(index, null, 2) + '\n');
  for (const [i, r] of loaded.entries()) out(`${names[i]}: ${r.graph ? `${r.graph.title} (${r.graph.organs.length} organs)` : `a story of ${r.story?.steps.length} steps`}`);
  out(`wrote ${outDir}: open index.html through any static server (e.g. npx vite preview --outDir ${outDir}, or python3 -m http.server)`);
  return 0;
}
