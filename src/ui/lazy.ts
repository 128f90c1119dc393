/**
 * Components the first chart does not need, loaded on first use: the shell renders their tags
 * as usual and calls `need(tag)`; the element upgrades when its code arrives (Lit keeps the
 * properties set before that). `soon()`, called once the first chart is drawn, loads the side
 * panels and header menus at once and the rest when the page is idle, so that a panel or a menu
 * is ready by the time a user reaches for it. `ready()` resolves when all of them are in.
 */
const loaders = {
  // The side panels, the search and the header menus: loaded as soon as the first chart is drawn.
  'apparat-outline': () => import('./outline/apparat-outline.ts'),
  'apparat-details': () => import('./details/apparat-details.ts'),
  'apparat-person': () => import('./person/apparat-person.ts'),
  'apparat-events': () => import('./events/apparat-events.ts'),
  'apparat-compare': () => import('./compare/apparat-compare.ts'),
  'apparat-search': () => import('./search/apparat-search.ts'),
  'apparat-yours': () => import('./io/apparat-yours.ts'),
  'apparat-importer': () => import('./io/apparat-importer.ts'),
  'apparat-present-menu': () => import('./presentation/apparat-present-menu.ts'),
  'apparat-export-menu': () => import('./io/apparat-export-menu.ts').then((m) => m.loadExporters()),
  // The editor's form and its validator; its "Editor…" button appears when this is in.
  'apparat-editor': () => import('./editor/apparat-editor.ts'),
  // Shown on demand; loaded when the page is idle.
  'apparat-presentation': () => import('./presentation/apparat-presentation.ts'),
  'apparat-speaker': () => import('./presentation/apparat-speaker.ts'),
  'apparat-flow': () => import('./flow/apparat-flow.ts'),
  'apparat-story-builder': () => import('./story-builder/apparat-story-builder.ts'),
} satisfies Record<string, () => Promise<unknown>>;

export type LazyTag = keyof typeof loaders;

const AT_ONCE: LazyTag[] = ['apparat-outline', 'apparat-details', 'apparat-person', 'apparat-events', 'apparat-compare', 'apparat-search', 'apparat-yours', 'apparat-importer', 'apparat-present-menu', 'apparat-export-menu', 'apparat-editor'];

const loading = new Map<LazyTag, Promise<unknown>>();

/** Loads a component's code (once); resolves when its element is defined. */
export function need(tag: LazyTag): Promise<unknown> {
  let p = loading.get(tag);
  if (!p) {
    p = loaders[tag]().catch((e: unknown) => {
      // Let a later render try again (a network hiccup), and say what failed.
      loading.delete(tag);
      console.error(`apparat: the code of <${tag}> could not be loaded`, e);
    });
    loading.set(tag, p);
  }
  return p;
}

let all: Promise<unknown> | undefined;

/** Loads the panels and menus now, and every other lazy component when the page is idle (after the first chart). */
export function soon(): void {
  if (all) return;
  const idle = (globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => void }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
  const rest = new Promise<unknown>((resolve) => idle(() => resolve(Promise.all((Object.keys(loaders) as LazyTag[]).map(need))), { timeout: 2000 }));
  all = Promise.all([...AT_ONCE.map(need), rest]);
}

/** Resolves when every lazy component is loaded (after the first chart; for tests and scripts). */
export async function ready(): Promise<void> {
  while (!all) await new Promise((r) => setTimeout(r, 20));
  await all;
}
