/**
 * The page's side of the import worker: one module worker, started on first use, answering one
 * request at a time by id. Where a worker cannot start, the same code runs on the page.
 */
import type { ImportContext, ImportedFile } from '../../io/import-files.ts';
import type { ImportRequest, ImportResponse } from '../../io/worker.ts';

export interface FileToImport {
  /** The name shown in messages: the file's, or its path within a dropped folder. */
  name: string;
  file?: Blob;
  text?: string;
}

let worker: Worker | undefined;
let broken = false;
let next = 1;
const pending = new Map<number, { resolve: (r: ImportedFile[]) => void; reject: (e: Error) => void }>();

function start(): Worker | undefined {
  if (worker || broken) return worker;
  try {
    worker = new Worker(new URL('../../io/worker.ts', import.meta.url), { type: 'module', name: 'apparat-import' });
    worker.onmessage = (e: MessageEvent<ImportResponse>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if ('error' in e.data) p.reject(new Error(e.data.error));
      else p.resolve(e.data.results);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      // The worker failed to start or crashed: answer what is waiting, and use the page from now on.
      broken = true;
      worker?.terminate();
      worker = undefined;
      for (const p of pending.values()) p.reject(new Error(`the import worker failed (${e.message || 'it stopped'})`));
      pending.clear();
    };
  } catch {
    broken = true;
    worker = undefined;
  }
  return worker;
}

/** Reads, checks and validates files in the worker; the graphs and issues come back. */
export async function importInWorker(files: FileToImport[], context: ImportContext): Promise<ImportedFile[]> {
  const w = start();
  if (!w) {
    const { runImport } = await import('../../io/worker.ts');
    return runImport({ files, context });
  }
  const id = next++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const req: ImportRequest = { id, files, context: { known: [...context.known], reserved: [...context.reserved] } };
    w.postMessage(req);
  });
}

/** Whether imports run in a worker (false once a worker failed to start). */
export const usesWorker = () => !!start();
