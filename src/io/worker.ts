/**
 * The import worker: reads the files a user opened (File objects, or texts), unpacks .zip
 * archives, and parses and validates them off the page's thread (src/io/import-files.ts), so the
 * page keeps responding while a large file loads. Nothing here touches the network.
 */
import type { Issue } from '../model/validate.ts';
import { formatOf } from './format-kinds.ts';
import { decodeText } from './text-decoding.ts';
import { importTexts, tooBig, unzip, type ImportContext, type ImportedFile } from './import-files.ts';

export interface ImportRequest {
  id: number;
  files: { name: string; file?: Blob; text?: string }[];
  context: ImportContext;
}

export type ImportResponse = { id: number; results: ImportedFile[] } | { id: number; error: string };

/** Reads the files (refusing any past the size limit before reading it) and imports them. */
export async function runImport(req: Omit<ImportRequest, 'id'>): Promise<ImportedFile[]> {
  const texts: { name: string; text: string; issues?: Issue[] }[] = [];
  const refused: ImportedFile[] = [];
  for (const f of req.files) {
    const size = f.file?.size ?? f.text?.length ?? 0;
    const big = tooBig(f.name, size);
    const format = formatOf(f.name);
    if (big) {
      refused.push({ file: f.name, format: format === 'zip' ? 'unknown' : format, issues: [big] });
    } else if (format === 'zip') {
      const bytes = f.file ? new Uint8Array(await f.file.arrayBuffer()) : new TextEncoder().encode(f.text ?? '');
      const { files, issues } = unzip(f.name, bytes);
      if (issues.length) refused.push({ file: f.name, format: 'unknown', issues });
      else if (!files.length) refused.push({ file: f.name, format: 'unknown', issues: [{ severity: 'error', rule: 'zip', path: '', file: f.name, message: 'the archive holds no files' }] });
      texts.push(...files);
    } else if (f.text !== undefined) texts.push({ name: f.name, text: f.text });
    else texts.push({ name: f.name, ...decodeText(new Uint8Array(await f.file!.arrayBuffer()), f.name) });
  }
  return [...refused, ...importTexts(texts, req.context)];
}

// In a worker (not when imported by the page's fallback or a test), answer requests.
const scope = globalThis as unknown as { onmessage: unknown; postMessage: (m: ImportResponse) => void };
const Scope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
if (Scope && globalThis instanceof Scope) {
  scope.onmessage = async (e: MessageEvent<ImportRequest>) => {
    const { id, ...req } = e.data;
    try {
      scope.postMessage({ id, results: await runImport(req) });
    } catch (err) {
      scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  };
}
