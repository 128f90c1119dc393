/** Finding and reading graph files for the CLI. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGraphSet, type LoadedGraph } from '../io/graph-file.ts';

export const GRAPHS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../graphs');

/** Graph files: the JSON beside the schemas (schema.json, story.schema.json), not the schemas. */
const isGraphFile = (name: string) => name.endsWith('.json') && !name.endsWith('schema.json') && !name.startsWith('.');

export class UsageError extends Error {}

/** Expands files and folders into graph and story files (a folder: its *.json files and those of its stories/ folder). */
export function expand(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) if (isGraphFile(name)) out.push(join(p, name));
      const stories = join(p, 'stories');
      if (existsSync(stories) && statSync(stories).isDirectory())
        for (const name of readdirSync(stories).sort()) if (isGraphFile(name)) out.push(join(stories, name));
    } else out.push(p);
  }
  return out;
}

/** The folders whose graphs a file is checked with: its own, and for a story in stories/, the graphs above. */
function neighbourhood(file: string): string[] {
  const dir = dirname(file);
  return basename(dir) === 'stories' ? [dir, dirname(dir)] : [dir];
}

/**
 * Loads files together with the graphs beside them, so that drill-down links resolve. Returns
 * the requested files' results only.
 */
export function loadFiles(files: string[]): LoadedGraph[] {
  const wanted = new Set(files.map((f) => resolve(f)));
  const all = new Set(wanted);
  for (const f of files) for (const sibling of expand(neighbourhood(f))) all.add(resolve(sibling));
  const list = [...all].map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const cwd = process.cwd();
  const rel = (f: string) => (f.startsWith(cwd + '/') ? f.slice(cwd.length + 1) : f);
  return loadGraphSet(list.map((x) => ({ file: rel(x.file), text: x.text })))
    .filter((r) => wanted.has(resolve(r.file)));
}

/** A graph argument: a path, or the id of a graph in graphs/. */
export function resolveGraphPath(arg: string): string {
  if (existsSync(arg) && statSync(arg).isFile()) return arg;
  for (const file of expand([GRAPHS_DIR])) {
    if (basename(file, '.json') === arg) return file;
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as { id?: string }).id === arg) return file;
    } catch {
      /* an unreadable neighbour is not this graph */
    }
  }
  throw new UsageError(`no graph "${arg}": give a file path or the id of a graph in graphs/`);
}
