/**
 * <apparat-story-builder>: "Add this view as a step" and the story being built — a panel where
 * each step's caption, citation and notes are edited in place, steps are moved (buttons, or
 * Alt+↑/↓ on a step) and removed, and the story is saved as a story file (checked first). The
 * draft is kept in localStorage until it is cleared (./draft-store.ts: shared by tabs; a storage
 * that fails is said in words, with the draft to download).
 *
 * Properties: `capture` (the explorer's view), `exists` (whether an organ exists at the view's
 * date), `loaded` (the loaded files, to check the story against).
 * Events: `step-show` {step}: show a step's view in the explorer. `story-saved` {name, text}.
 */
import { emit } from '../shared/events.ts';
import { LitElement, css, html, nothing } from 'lit';
import { visuallyHidden } from '../shared/visually-hidden.ts';
import type { LoadedGraph } from '../../io/graph-file.ts';
import { formatDate } from '../../model/dates.ts';
import type { Issue } from '../../model/validate.ts';
import { download } from '../shared/download.ts';
import { modelFor } from '../presentation/story-url.ts';
import { draftIssues, emptyDraft, moveStep, removeStep, slug, stepFromView, storyFileText, type Draft, type ViewCapture } from './build.ts';
import { DraftStore } from './draft-store.ts';

export class ApparatStoryBuilder extends LitElement {
  static properties = {
    capture: { attribute: false },
    exists: { attribute: false },
    loaded: { attribute: false },
    draft: { state: true },
    open: { type: Boolean, reflect: true },
    issues: { state: true },
    confirmClear: { state: true },
    said: { state: true },
    problem: { state: true },
  };
  declare capture: ViewCapture | undefined;
  declare exists: ((id: string) => boolean) | undefined;
  declare loaded: LoadedGraph[] | undefined;
  declare draft: Draft;
  declare open: boolean;
  declare issues: Issue[] | undefined;
  declare confirmClear: boolean;
  /** A passing message (a step added, the story saved). */
  declare said: string;
  /** The storage failed: what it means, and what to download (./draft-store.ts). */
  declare problem: DraftStore['problem'];
  private store = new DraftStore();
  private unwatch?: () => void;

  constructor() {
    super();
    this.draft = this.store.load();
    this.problem = this.store.problem;
    this.open = !!this.problem;
    this.confirmClear = false;
    this.said = '';
  }

  connectedCallback(): void {
    super.connectedCallback();
    // Another tab changed the draft: show its version (each change here starts from it).
    this.unwatch = this.store.watch((d) => {
      this.draft = d;
      this.issues = undefined;
    });
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
  }

  /** Changes the draft as last kept (so another tab's edits stay), and keeps it. */
  private set(change: (d: Draft) => Draft): void {
    const d = change(this.store.latest(this.draft));
    this.draft = d;
    this.issues = undefined;
    this.store.save(d);
    this.problem = this.store.problem;
  }

  private editStep(i: number, change: Record<string, string>): void {
    this.set((d) => ({ ...d, steps: d.steps.map((s, j) => (j === i ? { ...s, ...change } : s)) }));
  }

  /** Downloads what the storage could not keep: the unreadable text set aside, else the draft as it is. */
  private downloadKept(): void {
    const p = this.problem;
    if (!p) return;
    download(p.download.text || storyFileText(this.draft), p.download.text ? p.download.name : `${this.draft.id || 'story-draft'}.json`, 'application/json');
  }

  /** Adds the explorer's view as the last step, and opens the panel at it. */
  addView(): void {
    if (!this.capture) return;
    const step = stepFromView(this.capture, this.exists);
    this.set((d) => ({ ...d, steps: [...d.steps, step] }));
    this.open = true;
    this.said = `Step ${this.draft.steps.length} added: ${this.graphTitle(step.graph)}, ${formatDate(step.at)}.`;
    void this.updateComplete.then(() => {
      const boxes = this.renderRoot.querySelectorAll<HTMLTextAreaElement>('textarea.caption');
      boxes[boxes.length - 1]?.focus();
    });
  }

  private move(i: number, delta: number): void {
    const j = i + delta;
    if (j < 0 || j >= this.draft.steps.length) return;
    this.set((d) => ({ ...d, steps: moveStep(d.steps, i, delta) }));
    this.said = `Step moved to place ${j + 1}.`;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`li[data-i="${j}"]`)?.focus());
  }

  private removeAt(i: number): void {
    this.set((d) => ({ ...d, steps: removeStep(d.steps, i) }));
    this.said = `Step ${i + 1} removed.`;
  }

  private clear(): void {
    this.draft = emptyDraft();
    this.store.save(this.draft);
    this.problem = this.store.problem;
    this.confirmClear = false;
    this.issues = undefined;
    this.said = 'The draft is cleared.';
  }

  private graphTitle(id: string): string {
    return this.loaded?.find((l) => l.graph?.id === id)?.graph?.title ?? id;
  }

  /** Checks the draft; saves it as a story file when it is valid. Returns the issues. */
  save(): Issue[] {
    const graphs = (id: string) => {
      const g = this.loaded?.find((l) => l.graph?.id === id)?.graph;
      return g ? modelFor(g) : undefined;
    };
    const issues = draftIssues(this.draft, graphs).filter((i) => i.severity === 'error');
    this.issues = issues;
    if (issues.length) {
      this.said = '';
      return issues;
    }
    const text = storyFileText(this.draft);
    const name = `${this.draft.id}.json`;
    download(text, name, 'application/json');
    this.said = `Saved as ${name}. Put it in graphs/stories/ to present it from the menu.`;
    emit(this, 'story-saved', { name, text });
    return [];
  }

  private onStepKey(e: KeyboardEvent, i: number): void {
    if (e.target !== e.currentTarget) return;
    if (e.altKey && e.key === 'ArrowUp') this.move(i, -1);
    else if (e.altKey && e.key === 'ArrowDown') this.move(i, 1);
    else if (e.key === 'Delete') this.removeAt(i);
    else return;
    e.preventDefault();
  }

  render() {
    const d = this.draft;
    const n = d.steps.length;
    return html`
      <div class="bar">
        <button type="button" class="add" ?disabled=${!this.capture} @click=${() => this.addView()}>Add this view as a step</button>
        <button type="button" class="toggle" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="story-panel" @click=${() => (this.open = !this.open)}>
          Story draft${n ? ` (${n})` : ''}
        </button>
      </div>
      <p class="said visually-hidden" role="status">${this.said}</p>
      ${this.open ? this.renderPanel() : nothing}
    `;
  }

  private renderPanel() {
    const d = this.draft;
    return html`<section id="story-panel" class="panel" aria-labelledby="story-panel-title">
      <header>
        <h2 id="story-panel-title">Story draft</h2>
        <button type="button" class="x" aria-label="Close the story draft" @click=${() => (this.open = false)}>×</button>
      </header>
      ${this.problem
        ? html`<div class="issues kept-problem" role="alert">
            <p>${this.problem.text}</p>
            <button type="button" class="download-draft" @click=${() => this.downloadKept()}>${this.problem.download.text ? 'Download the old draft' : 'Download the draft'}</button>
          </div>`
        : nothing}
      <div class="meta">
        <label>Title <input type="text" .value=${d.title} @input=${(e: Event) => {
          const title = (e.target as HTMLInputElement).value;
          this.set((d) => ({ ...d, title, id: d.id === slug(d.title) || d.id === emptyDraft().id ? slug(title) : d.id }));
        }} /></label>
        <label>Id <input type="text" class="id" .value=${d.id} spellcheck="false" @input=${(e: Event) => this.set((d) => ({ ...d, id: (e.target as HTMLInputElement).value }))} /></label>
        <label>Description <textarea rows="2" .value=${d.description ?? ''} @input=${(e: Event) => this.set((d) => ({ ...d, description: (e.target as HTMLTextAreaElement).value }))}></textarea></label>
      </div>
      ${d.steps.length
        ? html`<ol class="steps" aria-label="Steps (Alt+↑ and Alt+↓ move a step)">
            ${d.steps.map(
              (s, i) => html`<li tabindex="0" data-i=${i} aria-label=${`Step ${i + 1}: ${this.graphTitle(s.graph)}, ${formatDate(s.at)}`} @keydown=${(e: KeyboardEvent) => this.onStepKey(e, i)}>
                <div class="head">
                  <span class="n">${i + 1}</span>
                  <span class="what">${this.graphTitle(s.graph)} · <strong>${formatDate(s.at)}</strong>
                    ${s.focus?.length ? html`<span class="muted"> · focus ${s.focus.join(', ')}</span>` : nothing}
                    ${s.highlight?.length ? html`<span class="muted"> · ${s.highlight.length} marked</span>` : nothing}
                    ${s.hide?.length ? html`<span class="muted"> · ${s.hide.length} types hidden</span>` : nothing}</span>
                  <span class="tools">
                    <button type="button" aria-label=${`Show step ${i + 1} in the explorer`} title="Show" @click=${() => emit(this, 'step-show', { step: s })}>Show</button>
                    <button type="button" aria-label=${`Move step ${i + 1} up`} title="Move up (Alt+↑)" ?disabled=${i === 0} @click=${() => this.move(i, -1)}>↑</button>
                    <button type="button" aria-label=${`Move step ${i + 1} down`} title="Move down (Alt+↓)" ?disabled=${i === d.steps.length - 1} @click=${() => this.move(i, 1)}>↓</button>
                    <button type="button" aria-label=${`Remove step ${i + 1}`} title="Remove" @click=${() => this.removeAt(i)}>✕</button>
                  </span>
                </div>
                <label>Caption <span class="muted">(*emphasis*, **strong**, lists)</span>
                  <textarea class="caption" rows="3" .value=${s.caption} @input=${(e: Event) => this.editStep(i, { caption: (e.target as HTMLTextAreaElement).value })}></textarea></label>
                <label>Citation <input type="text" class="citation" .value=${s.citation} @input=${(e: Event) => this.editStep(i, { citation: (e.target as HTMLInputElement).value })} /></label>
                <label>Speaker notes <textarea class="notes" rows="2" .value=${s.notes ?? ''} @input=${(e: Event) => this.editStep(i, { notes: (e.target as HTMLTextAreaElement).value })}></textarea></label>
              </li>`,
            )}
          </ol>`
        : html`<p class="empty">No steps yet. Set up a view in the explorer — graph, date, selection, search marks, hidden types — and add it with “Add this view as a step”.</p>`}
      ${this.issues?.length
        ? html`<div class="issues" role="alert">
            <p>The story cannot be saved yet:</p>
            <ul>${this.issues.map((i) => html`<li>${i.path ? html`<code>${i.path}</code>: ` : nothing}${i.message}</li>`)}</ul>
          </div>`
        : nothing}
      ${this.said ? html`<p class="note" aria-hidden="true">${this.said}</p>` : nothing}
      <footer>
        <button type="button" class="save primary" @click=${() => this.save()}>Save as story file</button>
        ${this.confirmClear
          ? html`<span class="confirm">Discard this draft?
              <button type="button" class="danger" @click=${() => this.clear()}>Discard</button>
              <button type="button" @click=${() => (this.confirmClear = false)}>Keep</button></span>`
          : html`<button type="button" class="clear" @click=${() => (this.confirmClear = true)}>Clear the draft</button>`}
      </footer>
      ${this.problem ? nothing : html`<p class="kept muted">Kept in this browser until cleared.</p>`}
    </section>`;
  }

  static styles = [
    visuallyHidden,
    css`
    :host {
      display: block;
      font-size: 0.9rem;
    }
    .bar {
      display: flex;
      gap: 6px;
    }
    button {
      font: inherit;
      padding: 4px 10px;
      border: 1px solid var(--line, #d9d6ce);
      border-radius: 7px;
      background: #fff;
      color: var(--ink, #1d2330);
      cursor: pointer;
    }
    button:hover:not(:disabled) {
      background: #f3f1ec;
    }
    button:disabled {
      opacity: 0.45;
      cursor: default;
    }
    button:focus-visible,
    li:focus-visible,
    input:focus-visible,
    textarea:focus-visible {
      outline: 2.5px solid var(--focus, #2c6fb7);
      outline-offset: 2px;
    }
    .primary {
      background: #8a3a44;
      border-color: #5f232c;
      color: #fff;
    }
    .primary:hover:not(:disabled) {
      background: #74303a;
    }
    .danger {
      border-color: #b23a3a;
      color: #b23a3a;
    }
    .panel {
      position: fixed;
      z-index: 30;
      top: 56px;
      right: 0;
      bottom: 0;
      width: min(460px, 100vw);
      background: #fff;
      border-left: 1px solid var(--line, #d9d6ce);
      box-shadow: -8px 0 24px rgb(0 0 0 / 0.08);
      display: flex;
      flex-direction: column;
      overflow: auto;
      padding: 0 1rem 1rem;
      box-sizing: border-box;
    }
    .panel header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      position: sticky;
      top: 0;
      background: #fff;
      padding: 0.7rem 0 0.4rem;
      z-index: 1;
    }
    h2 {
      margin: 0;
      font-size: 1rem;
    }
    .x {
      border: none;
      font-size: 1.3rem;
      line-height: 1;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 2px;
      font-size: 0.8rem;
      color: #3d4657;
      margin-top: 6px;
    }
    input,
    textarea {
      font: inherit;
      font-size: 0.9rem;
      padding: 5px 7px;
      border: 1px solid var(--line, #d9d6ce);
      border-radius: 6px;
      color: var(--ink, #1d2330);
      resize: vertical;
    }
    .meta {
      display: flex;
      flex-direction: column;
    }
    .steps {
      list-style: none;
      margin: 0.8rem 0 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.6rem;
    }
    li {
      border: 1px solid var(--line, #d9d6ce);
      border-radius: 9px;
      padding: 0.5rem 0.6rem 0.6rem;
      background: #fbfaf7;
    }
    .head {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
    }
    .n {
      flex: none;
      width: 1.6rem;
      height: 1.6rem;
      border-radius: 50%;
      background: #15181f;
      color: #fff;
      display: grid;
      place-items: center;
      font-weight: 700;
      font-size: 0.8rem;
    }
    .what {
      flex: 1;
      line-height: 1.35;
    }
    .tools {
      display: flex;
      gap: 3px;
      flex: none;
    }
    .tools button {
      padding: 2px 7px;
      font-size: 0.8rem;
    }
    .muted {
      color: var(--muted, #5b6475);
    }
    .empty {
      color: var(--muted, #5b6475);
      margin-top: 1rem;
    }
    .issues {
      margin-top: 0.8rem;
      border: 1px solid #b23a3a;
      background: #fdf1f0;
      border-radius: 8px;
      padding: 0.5rem 0.8rem;
      color: #6d1b1b;
    }
    .issues p {
      margin: 0 0 0.3rem;
      font-weight: 600;
    }
    .issues ul {
      margin: 0;
      padding-left: 1.1rem;
    }
    .note {
      color: #23804a;
      margin: 0.6rem 0 0;
    }
    footer {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      flex-wrap: wrap;
      margin-top: 0.9rem;
    }
    .kept {
      font-size: 0.8rem;
      margin: 0.4rem 0 0;
    }
  `,
  ];
}

customElements.define('apparat-story-builder', ApparatStoryBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-story-builder': ApparatStoryBuilder;
  }
}
