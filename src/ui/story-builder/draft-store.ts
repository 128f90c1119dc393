/**
 * Where the story draft is kept: this browser's localStorage, shared by every tab of the app. Each
 * change is made to the draft as last kept (so an edit in one tab does not erase another tab's),
 * and other tabs' changes arrive by the `storage` event. When the storage is refused or full, or
 * the kept draft no longer reads, the draft lives on in the page and `problem` says so in words.
 */
import { DRAFT_KEY, emptyDraft, loadDraft, saveDraft, type Draft } from './build.ts';

export interface DraftProblem {
  /** What happened and what it means for the user's work, in words. */
  text: string;
  /** What to offer for download so that nothing is lost: the draft, or the unreadable text kept. */
  download: { name: string; text: string };
}

/** The page's localStorage, or undefined where the browser refuses it (some private modes throw on access). */
function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

const why = (e: unknown) => ((e instanceof Error ? e.message : String(e)) || 'unknown error').replace(/\.$/, '');
const isFull = (e: unknown) => e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');
const worthKeeping = (d: Draft) => d.steps.length > 0 || d.title !== emptyDraft().title;

export class DraftStore {
  problem: DraftProblem | undefined;

  /** The draft kept, else a new one; a kept text that no longer reads is set aside (never overwritten) and offered for download. */
  load(): Draft {
    const s = storage();
    if (!s) {
      this.problem = { text: "This browser's storage cannot be used here: the story draft stays on this page only and will not survive a reload. Download it to keep it.", download: { name: 'story-draft.json', text: '' } };
      return emptyDraft();
    }
    let raw: string | null = null;
    try {
      raw = s.getItem(DRAFT_KEY);
    } catch {
      raw = null;
    }
    const draft = loadDraft(s);
    if (raw && !draft) {
      const aside = `${DRAFT_KEY}:unreadable`;
      try {
        s.setItem(aside, raw);
        s.removeItem(DRAFT_KEY);
      } catch {
        // Left where it was: nothing is lost.
      }
      this.problem = {
        text: `The story draft kept in this browser no longer reads as a draft of this version, so a new draft is started. The old one is kept aside (“${aside}”); download it to keep it.`,
        download: { name: 'story-draft-unreadable.json', text: raw },
      };
    }
    return draft ?? emptyDraft();
  }

  /** The draft as last kept (another tab may have changed it), or `mine` when none is kept. */
  latest(mine: Draft): Draft {
    const s = storage();
    return (s && loadDraft(s)) ?? mine;
  }

  /** Keeps the draft (an empty one is removed); on failure `problem` says what happened. */
  save(d: Draft): void {
    const s = storage();
    const error = s ? saveDraft(s, worthKeeping(d) ? d : undefined) : new Error("this browser's storage cannot be used");
    const file = { name: `${d.id || 'story-draft'}.json`, text: '' };
    if (!error) {
      if (this.problem && !this.problem.download.text) this.problem = undefined;
      return;
    }
    this.problem = isFull(error)
      ? { text: "The story draft could not be kept in this browser: its storage is full. The draft is safe on this page until you close it; download it to keep it.", download: file }
      : { text: `The story draft could not be kept in this browser (${why(error)}): it stays on this page only and will not survive a reload. Download it to keep it.`, download: file };
  }

  /** Calls `changed` with the draft when another tab changes it. Returns the way to stop. */
  watch(changed: (d: Draft) => void): () => void {
    const on = (e: StorageEvent) => {
      if (e.key !== DRAFT_KEY && e.key !== null) return;
      const s = storage();
      changed((s && loadDraft(s)) ?? emptyDraft());
    };
    window.addEventListener('storage', on);
    return () => window.removeEventListener('storage', on);
  }
}
