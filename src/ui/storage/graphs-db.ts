/**
 * The user's own graphs and stories, kept in this browser's IndexedDB (they can be megabytes) so
 * that they survive a reload. Nothing leaves the machine. `clearYours` removes them all.
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

export const graphKey = (id: string) => `graph:${id}`;
export const storyKey = (id: string) => `story:${id}`;

/** Everything kept, oldest first. */
export async function listYours(): Promise<StoredItem[]> {
  const all = (await run<StoredItem[]>('readonly', (s) => s.getAll() as IDBRequest<StoredItem[]>)) ?? [];
  return all.sort((a, b) => a.saved - b.saved);
}

export async function putYours(item: StoredItem): Promise<void> {
  await run('readwrite', (s) => s.put(item));
}

export async function removeYours(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}

export async function clearYours(): Promise<void> {
  await run('readwrite', (s) => s.clear());
}
