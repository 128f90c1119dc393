/**
 * <apparat-importer>: opens a user's files. Files dropped anywhere on the page (or picked, via
 * `importFiles`) are read, checked and validated in a Web Worker; story steps are checked against
 * the loaded graphs here. Graphs and stories that open are kept in IndexedDB. The result goes up
 * as `files-import` {loaded, items, show, notice}: the app adds `loaded` (failures too, which
 * replace nothing) and shows `show`. Nothing is uploaded: the files never leave the machine.
 *
 * Properties: `loaded` (the files loaded now), `yours` (the user's stored items), `modelOf`.
 */
import { emit } from '../shared/events.ts';
import { LitElement, css, html, nothing } from 'lit';
import type { LoadedGraph } from '../../io/graph-file.ts';
import { ACCEPT } from '../../io/format-kinds.ts';
import type { ImportedFile } from '../../io/import-files.ts';
import { buildModel, type Model } from '../../model/model.ts';
import type { Graph, StoryFile } from '../../model/types.ts';
import type { Issue } from '../../model/validate.ts';
import { graphKey, putYours, storyKey, type Kept, type StoredItem } from '../storage/graphs-db.ts';
import { importInWorker, type FileToImport } from './import-client.ts';
import { itemOf, keyOf, type YourItem } from './yours.ts';

/** What the file picker offers: the formats of src/io/format-kinds.ts (no reader loads with it). */
export const IMPORT_ACCEPT = ACCEPT;

export interface ImportDetail {
  loaded: LoadedGraph[];
  items: YourItem[];
  /** The graph to show: the first that opened. */
  show?: string;
  /** One line on what happened, for the page. */
  notice: string;
  failed: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** What the user must know when some opened files could not be kept in the browser's storage. */
function keptNotice(stored: StoredItem[], kept: Kept[]): string {
  const lost = stored.filter((_, i) => !kept[i].lasting);
  if (!lost.length) return '';
  const why = kept.find((k): k is Extract<Kept, { lasting: false }> => !k.lasting)!;
  const names = lost.map((s) => `“${s.title}”`).join(', ');
  const cause = why.full ? "this browser's storage for apparat is full" : `this browser's storage cannot be used (${why.why})`;
  const save = lost.some((s) => s.kind === 'graph') ? ' To keep a graph, download it with Export → apparat JSON' : ' To keep a story, open its file again next time';
  return ` ${names} ${lost.length === 1 ? 'is' : 'are'} open for this session only and will not survive a reload: ${cause}.${save}${why.full ? ', or make room by removing files under Yours' : ''}.`;
}

/** The files of a drop, folders walked (a dropped folder of CSV tables opens as one graph). */
export async function droppedFiles(dt: DataTransfer): Promise<FileToImport[]> {
  const entries = [...dt.items].map((i) => (i.kind === 'file' ? i.webkitGetAsEntry?.() : null));
  if (!entries.some((e) => e?.isDirectory)) return [...dt.files].map((file) => ({ name: file.name, file }));
  const out: FileToImport[] = [];
  const walk = async (entry: FileSystemEntry, path: string, depth: number): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      out.push({ name: `${path}${file.name}`, file });
    } else if (entry.isDirectory && depth < 4) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (!batch.length) break;
        for (const e of batch) if (!e.name.startsWith('.')) await walk(e, `${path}${entry.name}/`, depth + 1);
      }
    }
  };
  for (const e of entries) if (e) await walk(e, '', 0);
  return out;
}

export class ApparatImporter extends LitElement {
  static properties = {
    loaded: { attribute: false },
    yours: { attribute: false },
    modelOf: { attribute: false },
    dragging: { state: true },
    busy: { state: true },
  };
  declare loaded: LoadedGraph[] | undefined;
  declare yours: YourItem[] | undefined;
  declare modelOf: ((id: string) => Model | undefined) | undefined;
  declare dragging: boolean;
  /** What is being read, while it is. */
  declare busy: string | undefined;

  constructor() {
    super();
    this.dragging = false;
  }

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('dragenter', this.onDragOver);
    window.addEventListener('dragover', this.onDragOver);
    window.addEventListener('dragleave', this.onDragLeave);
    window.addEventListener('drop', this.onDrop);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('dragenter', this.onDragOver);
    window.removeEventListener('dragover', this.onDragOver);
    window.removeEventListener('dragleave', this.onDragLeave);
    window.removeEventListener('drop', this.onDrop);
  }

  private onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  };

  private onDragLeave = (e: DragEvent) => {
    // Only when the pointer leaves the window.
    if (e.relatedTarget === null && (e.clientX <= 0 || e.clientY <= 0 || e.clientX >= innerWidth || e.clientY >= innerHeight)) this.dragging = false;
  };

  private onDrop = async (e: DragEvent) => {
    this.dragging = false;
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    const files = await droppedFiles(e.dataTransfer);
    if (files.length) await this.importFiles(files);
  };

  /** Opens files: read, checked and validated off the page's thread; stored when they open. */
  async importFiles(files: FileToImport[]): Promise<ImportDetail> {
    const total = files.reduce((n, f) => n + (f.file?.size ?? f.text?.length ?? 0), 0);
    this.busy = `Reading ${files.length === 1 ? files[0].name : plural(files.length, 'file')} (${size(total)})…`;
    const loaded = this.loaded ?? [];
    const yours = new Set((this.yours ?? []).map((y) => y.key));
    const valid = loaded.flatMap((l) => (l.graph ? [l.graph.id] : []));
    const reserved = loaded.flatMap((l) => (l.graph && !yours.has(keyOf(l)) ? [l.graph.id] : []));
    let results: ImportedFile[];
    try {
      results = await importInWorker(files, { known: valid, reserved });
    } catch (e) {
      results = files.map((f) => ({ file: f.name, format: 'unknown', issues: [{ severity: 'error', rule: 'read', path: '', file: f.name, message: `the import stopped before this file was read: ${e instanceof Error ? e.message : String(e)}. Nothing you had open was replaced; open the file again to retry` }] }));
    }
    const detail = await this.finish(results);
    this.busy = undefined;
    emit(this, 'files-import', detail);
    return detail;
  }

  /** Checks stories against the graphs, keeps what opened, and says what happened. */
  private async finish(results: ImportedFile[]): Promise<ImportDetail> {
    // The validators load with the first import, not with the page.
    const [{ locateIssues }, { storyIssues }] = await Promise.all([import('../../io/graph-file.ts'), import('../../model/story.ts')]);
    const fresh = new Map<string, Graph>();
    for (const r of results) if (r.graph) fresh.set(r.graph.id, r.graph);
    const models = new Map<string, Model>();
    const modelOf = (id: string): Model | undefined => {
      const g = fresh.get(id);
      if (!g) return this.modelOf?.(id);
      if (!models.has(id)) models.set(id, buildModel(g));
      return models.get(id);
    };
    const out: LoadedGraph[] = [];
    for (const r of results) {
      let issues = r.issues;
      if (r.story !== undefined) {
        const story = r.story as StoryFile;
        issues = [...issues, ...locateIssues(r.storyText ?? '', r.file, storyIssues(story, [], modelOf))];
        const ok = !issues.some((i) => i.severity === 'error');
        out.push({ file: r.file, story: ok ? story : undefined, issues });
      } else if (r.graph) {
        const g = r.graph;
        const storyProblems: Issue[] = (g.stories ?? []).flatMap((s, i) => storyIssues(s, ['stories', i], modelOf, g.id).map((x) => ({ ...x, file: r.file })));
        issues = [...issues, ...storyProblems];
        const ok = !issues.some((i) => i.severity === 'error');
        out.push({ file: r.file, graph: ok ? g : undefined, issues });
      } else out.push({ file: r.file, issues: issues.length ? issues : [{ severity: 'error', rule: 'read', path: '', file: r.file, message: 'the file holds no graph' }] });
    }

    const opened = out.filter((l) => l.graph || l.story);
    const saved = Date.now();
    const stored: StoredItem[] = opened.map((l) =>
      l.graph
        ? { key: graphKey(l.graph.id), kind: 'graph', id: l.graph.id, title: l.graph.title, file: l.file, saved, graph: l.graph }
        : { key: storyKey(l.story!.id), kind: 'story', id: l.story!.id, title: l.story!.title, file: l.file, saved, story: l.story },
    );
    const kept = keptNotice(stored, await Promise.all(stored.map((s) => putYours(s))));

    const failed = out.filter((l) => !l.graph && !l.story);
    const warnings = opened.reduce((n, l) => n + l.issues.filter((i) => i.severity === 'warning').length, 0);
    const renamed = opened.flatMap((l) => l.issues.filter((i) => i.rule === 'duplicate-graph' && i.severity === 'warning'));
    const parts: string[] = [];
    for (const l of opened) parts.push(l.graph ? `Opened ${l.file}: “${l.graph.title}”, ${plural(l.graph.organs.length, 'organ')}.` : `Opened the story “${l.story!.title}” (${l.file}): it is in the Present menu.`);
    if (renamed.length) parts.push(...renamed.map((i) => `Note: ${i.message}.`));
    if (warnings - renamed.length > 0) parts.push(`${plural(warnings - renamed.length, 'warning')} (run the CLI's validate for the list).`);
    if (failed.length) parts.push(`${failed.map((f) => f.file).join(', ')} could not be opened: see the problems above. Nothing you had open was replaced.`);
    return {
      loaded: out,
      items: stored.map(itemOf),
      show: opened.find((l) => l.graph)?.graph?.id,
      notice: parts.join(' ') + kept,
      failed: failed.length,
    };
  }

  render() {
    return html`${this.dragging
      ? html`<div class="drop" aria-hidden="true">
          <div class="card">
            <strong>Drop to open</strong>
            <span>a graph or story (.json), CSV tables or a CSV folder, GEXF, GraphML, or a .zip of them.</span>
            <span class="muted">The files stay on this computer: nothing is uploaded.</span>
          </div>
        </div>`
      : nothing}
    ${this.busy ? html`<p class="busy" role="status">${this.busy}</p>` : nothing}`;
  }

  static styles = css`
    .drop {
      position: fixed;
      inset: 0;
      z-index: 100;
      background: rgb(29 35 48 / 0.35);
      display: grid;
      place-items: center;
      pointer-events: none;
    }
    .card {
      background: #fff;
      border: 3px dashed #3d6791;
      border-radius: 14px;
      padding: 1.5rem 2rem;
      max-width: 30rem;
      display: grid;
      gap: 0.4rem;
      text-align: center;
      font-size: 1rem;
    }
    .card strong {
      font-size: 1.3rem;
    }
    .muted {
      color: var(--muted, #5b6475);
      font-size: 0.9rem;
    }
    .busy {
      position: fixed;
      z-index: 90;
      bottom: 1rem;
      left: 50%;
      transform: translateX(-50%);
      margin: 0;
      padding: 0.5rem 1rem;
      background: #1d2330;
      color: #fff;
      border-radius: 8px;
      font-size: 0.9rem;
    }
  `;
}

customElements.define('apparat-importer', ApparatImporter);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-importer': ApparatImporter;
  }
}

