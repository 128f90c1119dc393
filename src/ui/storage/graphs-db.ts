/**
 * The user's own graphs and stories, kept in this browser's IndexedDB (they can be megabytes) so
 * that they survive a reload. Nothing leaves the machine. `clearYours` removes them all.
 *
 * When IndexedDB cannot be opened (some private modes) or a save fails (the quota is full), the
 * item is kept in this page's memory instead: it stays for the session, and the caller is told
 * why it will not survive a reload (`Kept`).
 */
import type { Graph, StoryFile } from '../../model/types.ts';

const DB = 'apparat';
const STORE = 'yours';
const VERSION = 1;

export interface StoredItem {
  /** `graph:<id>` or `story:<id>`. */
  key: string;
  kind: 'graph' | 'story';
  id: string;
  title: string;
  /** The file it was opened from. */
  file: string;
  /** When it was opened, in ms since 1970. */
  saved: number;
  graph?: Graph;
  story?: StoryFile;
}

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('this browser keeps no IndexedDB'));
    const req = indexedDB.open(DB, VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab deleting or upgrading the database: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  }).catch((e: unknown) => {
    opening = undefined;
    throw e;
  });
  return opening;
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  return new Promise<T | undefined>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req ? req.result : undefined);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (is the disk full?)'));
  });
}

/** Items kept for this page only, because the browser's storage would not take them. */
const session = new Map<string, StoredItem>();

/** Where a saved item went: into the browser's storage, or (with the reason) only this page's memory. */
export type Kept = { lasting: true } | { lasting: false; full: boolean; why: string };

const message = (e: unknown) => ((e instanceof Error ? e.message : String(e)) || 'unknown error').replace(/\.$/, '');
/** A full quota, however the browser names it. */
export const isQuotaError = (e: unknown) => e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');

export const graphKey = (id: string) => `graph:${id}`;
export const storyKey = (id: string) => `story:${id}`;

/** Everything kept (in storage, and for this session only), oldest first; `unavailable`: why the storage could not be read. */
export async function readYours(): Promise<{ items: StoredItem[]; unavailable?: string }> {
  let stored: StoredItem[] = [];
  let unavailable: string | undefined;
  try {
    stored = (await run<StoredItem[]>('readonly', (s) => s.getAll() as IDBRequest<StoredItem[]>)) ?? [];
  } catch (e) {
    unavailable = message(e);
  }
  const items = [...stored.filter((s) => !session.has(s.key)), ...session.values()];
  return { items: items.sort((a, b) => a.saved - b.saved), unavailable };
}

/** Everything kept, oldest first. */
export async function listYours(): Promise<StoredItem[]> {
  return (await readYours()).items;
}

/** Keeps an item: in storage when it can, else in this page's memory (and says why). */
export async function putYours(item: StoredItem): Promise<Kept> {
  try {
    await run('readwrite', (s) => s.put(item));
    session.delete(item.key);
    return { lasting: true };
  } catch (e) {
    session.set(item.key, item);
    return { lasting: false, full: isQuotaError(e), why: message(e) };
  }
}

/** Whether an item is kept for this session only. */
export const sessionOnly = (key: string) => session.has(key);

export async function removeYours(key: string): Promise<void> {
  const wasSession = session.delete(key);
  try {
    await run('readwrite', (s) => s.delete(key));
  } catch (e) {
    if (!wasSession) throw e;
  }
}

export async function clearYours(): Promise<void> {
  const had = session.size;
  session.clear();
  try {
    await run('readwrite', (s) => s.clear());
  } catch (e) {
    if (!had) throw e;
  }
}
