import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { formatIssue, loadGraphSet } from './src/io/graph-file.ts';
import { PREFERRED_GRAPH } from './src/model/opening.ts';

const root = import.meta.dirname;

/**
 * The build validates the bundled graphs and stories exactly as the CLI does, and stops on any
 * error: the built app then trusts them and loads no validator before its first chart
 * (src/io/bundled.ts).
 */
function checkBundledGraphs(): Plugin {
  return {
    name: 'apparat-check-bundled-graphs',
    apply: 'build',
    // Tells the page (src/io/bundled.ts) that its bundled files were checked.
    config: () => ({ define: { 'import.meta.env.APPARAT_GRAPHS_CHECKED': 'true' } }),
    buildStart() {
      const dir = (d: string) =>
        readdirSync(join(root, d))
          .filter((f) => f.endsWith('.json') && !f.endsWith('schema.json'))
          .map((f) => ({ file: `${d}/${f}`, text: readFileSync(join(root, d, f), 'utf8') }));
      const errors = loadGraphSet([...dir('graphs'), ...dir('graphs/stories')]).flatMap((l) => l.issues.filter((i) => i.severity === 'error'));
      if (errors.length) this.error(`the bundled graphs do not validate (run \`npm run apparat -- validate graphs/…\`):\n${errors.map(formatIssue).join('\n')}`);
    },
  };
}

/**
 * The entry (src/main.ts) is small and imports the app dynamically, so that the graphs start to
 * load first; this preloads the app's code and the graph the default URL shows from index.html,
 * so that they load while the page is parsed (not only once the entry runs); the other graphs
 * follow once that one is in.
 */
function preloadApp(): Plugin {
  return {
    name: 'apparat-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return;
        const app = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/ui/app/apparat-app.ts'));
        if (!app || app.type !== 'chunk') return;
        const files = new Set<string>();
        const add = (name: string) => {
          if (files.has(name)) return;
          files.add(name);
          const c = bundle[name];
          if (c?.type === 'chunk') c.imports.forEach(add);
        };
        add(app.fileName);
        // The graph the default URL shows (src/io/bundled.ts fetches it before the others), after the code.
        for (const c of Object.values(bundle)) if (c.type === 'chunk' && (c.facadeModuleId ?? '').endsWith(`/graphs/${PREFERRED_GRAPH}.json?raw`)) files.add(c.fileName);
        return [...files].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  // Relative paths: dist/ runs from any folder or static host, offline.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  plugins: [checkBundledGraphs(), preloadApp()],
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  server: { host: '127.0.0.1' },
});
