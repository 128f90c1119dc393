/**
 * The explorer's keyboard shortcuts (when the focus is not in a text field): which key does what,
 * and doing it. The presentation's keys are in src/ui/presentation/keys.ts.
 */
import type { ApparatChart } from '../chart/apparat-chart.ts';
import type { Explorer } from './explorer.ts';

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

/** What the shortcuts act on. */
export interface KeyTargets {
  explorer: Explorer;
  chart?: ApparatChart | null;
  timeline?: { step(delta: number): void; toggle(): void } | null;
  search?: HTMLElement | null;
  outline?: HTMLElement | null;
}

/** Does what a key press asks; true when it did something (the key is then used up). */
export function runExplorerKey(e: KeyboardEvent, t: KeyTargets): boolean {
  const action = explorerAction(e);
  const x = t.explorer;
  const v = x.view;
  switch (action) {
    case 'previous-event':
    case 'next-event':
      // Event by event in stepping order (the timeline's buttons do the same through event-choose).
      x.stepEvent(action === 'next-event' ? 1 : -1);
      return true;
    case 'play':
      t.timeline?.toggle();
      return true;
    case 'search':
      t.search?.focus();
      return true;
    case 'outline':
      t.outline?.focus();
      return true;
    case 'fit':
      t.chart?.fit();
      return true;
    case 'zoom-in':
    case 'zoom-out':
      t.chart?.zoomBy(action === 'zoom-in' ? 1.25 : 0.8);
      return true;
    case 'collapse':
      if (!v.select) return false;
      x.toggle(v.select, x.isFolded(v.select));
      return true;
    case 'focus':
      if (!v.select) return false;
      x.setFocus(v.focus === v.select ? undefined : v.select);
      return true;
    case 'clear':
      return x.clear();
    default:
      return false;
  }
}
