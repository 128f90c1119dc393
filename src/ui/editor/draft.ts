/**
 * The editor's work kept in this browser (localStorage) as it goes: the graph and its undo and
 * redo states, so that a reload finds it as it was. Nothing leaves the machine.
 */
import type { History } from '../../model/edit.ts';

const KEY = 'apparat:editor-draft';
/** Undo reaches this many changes back; older states are dropped from what is kept. */
const KEPT = 100;

export function loadDraft(): History | undefined {
  try {
    const text = localStorage.getItem(KEY);
    if (!text) return undefined;
    const h = JSON.parse(text) as History;
    return h && typeof h.present === 'object' && Array.isArray(h.past) && Array.isArray(h.future) ? h : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the draft; says why when the browser refuses (storage full or off). */
export function saveDraft(h: History): string | undefined {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...h, past: h.past.slice(-KEPT), future: h.future.slice(0, KEPT) }));
    return undefined;
  } catch (e) {
    return `The draft could not be kept in this browser (${e instanceof Error ? e.message : String(e)}); download it to keep it.`;
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* nothing kept, nothing to clear */
  }
}
