/**
 * Components the first chart does not need, loaded on first use: the shell renders their tags
 * as usual and calls `need(tag)`; the element upgrades when its code arrives (Lit keeps the
 * properties set before that). `soon()` loads the rest once the first chart is drawn, so that a
 * header menu is ready by the time a user reaches for it.
 */
const loaders = {
  'apparat-presentation': () => import('./presentation/apparat-presentation.ts'),
  'apparat-speaker': () => import('./presentation/apparat-speaker.ts'),
  'apparat-flow': () => import('./flow/apparat-flow.ts'),
  'apparat-story-builder': () => import('./story-builder/apparat-story-builder.ts'),
} satisfies Record<string, () => Promise<unknown>>;

export type LazyTag = keyof typeof loaders;

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

/** Loads every lazy component when the page is idle (after the first chart). */
let scheduled = false;
export function soon(): void {
  if (scheduled) return;
  scheduled = true;
  const idle = (globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => void }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
  idle(
    () => {
      (Object.keys(loaders) as LazyTag[]).forEach((t) => void need(t));
      void import('./io/apparat-export-menu.ts').then((m) => m.loadExporters());
    },
    { timeout: 2000 },
  );
}
