/** The chart's words and ways without the DOM: which organ a key leads to, and what to say of an organ. */
import type { ViewTree } from '../../layout/view.ts';
import { formatFigures } from '../../render/figures.ts';
import { typeLabel } from '../../render/organ-style.ts';

/**
 * The organ an arrow key leads to from `current`: up to the parent, down to the first child, left
 * and right among siblings, Home to the first root (from nowhere, any arrow goes there). Undefined
 * when there is none that way; null when the key is not a walking key.
 */
export function walk(tree: ViewTree, current: string | undefined, key: string): string | undefined | null {
  const cur = current && tree.organs.has(current) ? current : undefined;
  const first = tree.roots[0];
  switch (key) {
    case 'ArrowUp':
      return cur ? tree.parent.get(cur) : first;
    case 'ArrowDown':
      return cur ? tree.children.get(cur)?.[0] : first;
    case 'ArrowLeft':
    case 'ArrowRight': {
      if (!cur) return first;
      const p = tree.parent.get(cur);
      const siblings = p === undefined ? tree.roots : (tree.children.get(p) ?? []);
      return siblings[siblings.indexOf(cur) + (key === 'ArrowLeft' ? -1 : 1)];
    }
    case 'Home':
      return first;
    default:
      return null;
  }
}

/** What a screen reader says on arriving at an organ. */
export function spokenOrgan(tree: ViewTree, id: string): string {
  const o = tree.organs.get(id)!;
  const kids = tree.children.get(id)?.length ?? 0;
  return `${o.name}, ${typeLabel(o.type, o.typeLabel)}${o.vague ? ', perhaps' : ''}${kids ? `, over ${kids}` : ''}${o.link ? ', has its own chart' : ''}`;
}

/** The tooltip of an organ under the pointer: its full name, type, certainty and figures. */
export function hoverText(tree: ViewTree, id: string): { name: string; detail: string } | undefined {
  const o = tree.organs.get(id);
  if (!o) return undefined;
  const figs = [...o.figures].map(([m, l]) => `${m} ${formatFigures(l)}`).join(' · ');
  return { name: o.name, detail: [typeLabel(o.type, o.typeLabel), o.vague ? 'perhaps there' : '', figs].filter(Boolean).join(' · ') };
}

/**
 * What a key on the focused chart does: Enter opens the selected organ, arrows select another
 * (with what a screen reader says). Keys it uses are kept from the page.
 */
export function chartKey(e: KeyboardEvent, t: ViewTree, selected: string | undefined): { open?: string; select?: string; spoken: string } | undefined {
  if (!t.organs.size) return undefined;
  if (e.key === 'Enter') {
    e.preventDefault();
    return selected && t.organs.has(selected) ? { open: selected, spoken: '' } : undefined;
  }
  const next = walk(t, selected, e.key);
  if (next === null) return undefined;
  e.preventDefault();
  e.stopPropagation();
  return next ? { select: next, spoken: spokenOrgan(t, next) } : undefined;
}
