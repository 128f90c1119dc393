/**
 * The explorer's keyboard shortcuts (when the focus is not in a text field): which key does what.
 * The presentation's keys are in src/ui/presentation/keys.ts.
 */
export type ExplorerAction = 'previous-event' | 'next-event' | 'play' | 'search' | 'outline' | 'fit' | 'zoom-in' | 'zoom-out' | 'collapse' | 'focus' | 'clear';

const KEYS: Record<string, ExplorerAction> = {
  '[': 'previous-event',
  ']': 'next-event',
  PageUp: 'previous-event',
  PageDown: 'next-event',
  p: 'play',
  P: 'play',
  '/': 'search',
  o: 'outline',
  f: 'fit',
  '+': 'zoom-in',
  '=': 'zoom-in',
  '-': 'zoom-out',
  c: 'collapse',
  z: 'focus',
  Escape: 'clear',
};

/** The action of a key press, or none (a modifier held, typing in a field, PageUp/PageDown on the slider). */
export function explorerAction(e: KeyboardEvent): ExplorerAction | undefined {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const target = e.composedPath()[0] as HTMLElement | undefined;
  const tag = target?.tagName;
  const type = tag === 'INPUT' ? (target as HTMLInputElement).type : '';
  const typing = (tag === 'INPUT' && type !== 'range' && type !== 'checkbox') || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable;
  if (typing) return undefined;
  // On the slider, PageUp and PageDown move it a year.
  if (tag === 'INPUT' && (e.key === 'PageUp' || e.key === 'PageDown')) return undefined;
  return KEYS[e.key];
}
