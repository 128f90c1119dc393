/**
 * <apparat-editor>: build a graph of your own, or edit a copy of the one shown. A header button
 * opens it in a dialog: forms for sources, organs, restructurings (abolish, rename, re-parent,
 * split, merge; a creation is an organ added with its event), people, posts and figures. Each
 * change goes through src/model/edit.ts and the CLI's validation; a refused change says why at
 * its field. Undo and redo (buttons, Ctrl+Z, Ctrl+Shift+Z); the draft is kept in this browser.
 *
 * Properties: `current` (the graph shown, for "Edit a copy"). Events: `editor-show` {name, text}
 * to open the draft in the explorer.
 */
import { LitElement, html, nothing } from 'lit';
import { formatInterval } from '../../model/dates.ts';
import * as edit from '../../model/edit.ts';
import { ORGAN_TYPES, type Graph, type OrganType } from '../../model/types.ts';
import { download } from '../shared/download.ts';
import { emit } from '../shared/events.ts';
import { clearDraft, loadDraft, saveDraft } from './draft.ts';
import { area, choice, date, formProblems, text, type FieldContext } from './fields.ts';
import { editorStyles } from './styles.ts';

type FormName = 'start' | 'source' | 'organ' | 'change' | 'person' | 'post' | 'figure';
const KINDS = ['split', 'merge', 'rename', 're-parent', 'abolish'] as const;
type Kind = (typeof KINDS)[number];

const list = (v: FormDataEntryValue | null) =>
  String(v ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const str = (v: FormDataEntryValue | null) => String(v ?? '').trim();

export class ApparatEditor extends LitElement {
  static styles = editorStyles;
  static properties = {
    current: { attribute: false },
    state: { state: true },
    problems: { state: true },
    status: { state: true },
    kind: { state: true },
    dates: { state: true },
  };
  declare current: Graph | undefined;
  declare state: edit.History | undefined;
  declare problems: { form: FormName; items: edit.Problem[] } | undefined;
  declare status: string;
  declare kind: Kind;
  declare dates: Record<string, string>;

  constructor() {
    super();
    this.state = loadDraft();
    this.status = '';
    this.kind = 'split';
    this.dates = {};
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  open(): void {
    this.state = loadDraft() ?? this.state;
    this.dialog?.showModal();
  }

  render() {
    return html`<button type="button" class="opener" @click=${() => this.open()}>Editor…</button>
      <dialog aria-labelledby="editor-title" @keydown=${this.onKey}>
        <header>
          <h2 id="editor-title">${this.state ? `Editing: ${this.state.present.title}` : 'Your own graph'}</h2>
          ${this.state
            ? html`<div class="tools" role="toolbar" aria-label="Draft">
                <button type="button" ?disabled=${!this.state.past.length} @click=${() => this.step('undo')} aria-keyshortcuts="Control+Z">Undo</button>
                <button type="button" ?disabled=${!this.state.future.length} @click=${() => this.step('redo')} aria-keyshortcuts="Control+Shift+Z">Redo</button>
                <button type="button" @click=${this.download}>Download</button>
                <button type="button" @click=${this.show}>Show in the explorer</button>
                <button type="button" @click=${this.discard}>Discard draft</button>
              </div>`
            : nothing}
          <button type="button" class="close" @click=${() => this.dialog?.close()}>Close</button>
        </header>
        <p class="status" role="status">${this.status}</p>
        ${this.state ? this.renderEditing(this.state.present) : this.renderStart()}
      </dialog>`;
  }

  private ctx(form: FormName): FieldContext {
    return { form, problems: this.problems?.form === form ? this.problems.items : [], dates: this.dates, onDate: (k, v) => (this.dates = { ...this.dates, [k]: v }) };
  }

  private renderStart() {
    const c = this.ctx('start');
    return html`<section>
      <form @submit=${this.onStart} aria-labelledby="start-title">
        <h3 id="start-title">New graph</h3>
        ${text(c, 'title', 'Title', { required: true, placeholder: 'Ministry of Fisheries, 1950-1960' })}
        ${text(c, 'id', 'Id (letters, digits, dashes; made from the title when empty)')}
        ${formProblems(c, ['title', 'id'])}
        <button type="submit">New graph</button>
      </form>
      ${this.current ? html`<p><button type="button" @click=${this.copyCurrent}>Edit a copy of ${this.current.title}</button></p>` : nothing}
    </section>`;
  }

  private renderEditing(g: Graph) {
    const organs = g.organs.map((o) => ({ value: o.id, label: `${o.names[o.names.length - 1]?.name ?? o.id} (${o.id})` }));
    const sources = Object.entries(g.sources).map(([id, s]) => ({ value: id, label: `${id}: ${s.citation}` }));
    const firstSource = sources.length ? [sources[0].value] : [];
    const none = { value: '', label: '(none)' };
    const people = (g.people ?? []).map((p) => ({ value: p.id, label: p.name }));
    const o = this.ctx('organ');
    const ch = this.ctx('change');
    const s = this.ctx('source');
    const pe = this.ctx('person');
    const po = this.ctx('post');
    const fi = this.ctx('figure');
    const k = this.kind;
    return html`<div class="columns">
      <div class="forms">
        <form @submit=${this.onSource} aria-labelledby="source-title">
          <h3 id="source-title">Add a source</h3>
          ${text(s, 'citation', 'Citation', { required: true, placeholder: 'Annual report, 1955, p. 4' })} ${text(s, 'id', 'Id (made from the citation when empty)')}
          ${text(s, 'primary', 'Primary source (optional)')} ${area(s, 'quote', 'Quotation (optional)')} ${formProblems(s, ['citation', 'id'])}
          <button type="submit">Add source</button>
        </form>
        <form @submit=${this.onOrgan} aria-labelledby="organ-title">
          <h3 id="organ-title">Add an organ</h3>
          ${text(o, 'name', 'Name', { required: true })} ${text(o, 'id', 'Id (made from the name when empty)')}
          ${choice(o, 'type', 'Type', ORGAN_TYPES.map((t) => ({ value: t, label: t })), { selected: ['unit'] })}
          ${text(o, 'typeLabel', 'Your word for its type (for "unit")', { placeholder: 'ministry, department, parish' })}
          ${date(o, 'start', 'From (EDTF; empty: open)')} ${date(o, 'end', 'Until (EDTF; empty: open)')}
          ${choice(o, 'parent', 'Under', [none, ...organs])} ${text(o, 'aliases', 'Aliases (comma-separated)')} ${area(o, 'note', 'Note')}
          ${choice(o, 'sources', 'Sources', sources, { multiple: true, selected: firstSource })}
          <div class="field check"><input type="checkbox" id="organ-event" name="event" /><label for="organ-event">Record its creation as an event</label></div>
          ${formProblems(o, ['name', 'id', 'type', 'typeLabel', 'start', 'end', 'parent', 'sources', 'aliases', 'note'])}
          <button type="submit">Add organ</button>
        </form>
        <form @submit=${this.onChange} aria-labelledby="change-title">
          <h3 id="change-title">Record a restructuring</h3>
          ${choice(ch, 'kind', 'Kind', KINDS.map((x) => ({ value: x, label: x })), { selected: [k], onChange: (v) => (this.kind = v as Kind) })}
          ${date(ch, 'date', 'Date (EDTF)', true)}
          ${k === 'merge' ? choice(ch, 'organs', 'Organs merged', organs, { multiple: true }) : choice(ch, 'organ', 'Organ', organs)}
          ${k === 'rename' ? text(ch, 'name', 'New name', { required: true }) : nothing} ${k === 'merge' ? text(ch, 'name', 'Name of the merged organ', { required: true }) : nothing}
          ${k === 're-parent' ? choice(ch, 'parent', 'New parent', [none, ...organs]) : nothing}
          ${k === 'split' ? area(ch, 'into', 'New organs, one name a line', 'Each gets the type of the organ split and its parent') : nothing}
          ${k === 'split' ? choice(ch, 'childrenTo', 'Its sub-units go to', [{ value: '', label: '(none: they lose their parent)' }, { value: '0', label: 'the first new organ' }]) : nothing}
          ${text(ch, 'title', 'Title (made from the change when empty)')} ${area(ch, 'description', 'Description')}
          ${choice(ch, 'sources', 'Sources', sources, { multiple: true, selected: firstSource })}
          ${formProblems(ch, ['kind', 'date', 'organ', 'organs', 'name', 'parent', 'into', 'childrenTo', 'title', 'sources'])}
          <button type="submit">Record ${k}</button>
        </form>
        <form @submit=${this.onPerson} aria-labelledby="person-title">
          <h3 id="person-title">Add a person</h3>
          ${text(pe, 'name', 'Name', { required: true })} ${text(pe, 'id', 'Id (made from the name when empty)')} ${formProblems(pe, ['name', 'id'])}
          <button type="submit">Add person</button>
        </form>
        <form @submit=${this.onPost} aria-labelledby="post-title">
          <h3 id="post-title">Add a post</h3>
          ${choice(po, 'person', 'Person', people)} ${text(po, 'post', 'Post', { required: true, placeholder: 'head of department' })} ${choice(po, 'organ', 'In', organs)}
          ${date(po, 'start', 'From')} ${date(po, 'end', 'Until')} ${choice(po, 'sources', 'Sources', sources, { multiple: true, selected: firstSource })}
          ${formProblems(po, ['person', 'post', 'organ', 'start', 'end', 'sources'])}
          <button type="submit">Add post</button>
        </form>
        <form @submit=${this.onFigure} aria-labelledby="figure-title">
          <h3 id="figure-title">Add a figure</h3>
          ${choice(fi, 'organ', 'Organ', organs)} ${text(fi, 'measure', 'Measure', { required: true, placeholder: 'members, staff' })} ${text(fi, 'value', 'Value', { required: true })}
          ${date(fi, 'date', 'Date', true)} ${choice(fi, 'sources', 'Sources', sources, { multiple: true, selected: firstSource })}
          ${formProblems(fi, ['organ', 'measure', 'value', 'date', 'sources'])}
          <button type="submit">Add figure</button>
        </form>
      </div>
      ${this.renderSummary(g)}
    </div>`;
  }

  private renderSummary(g: Graph) {
    const parents = (id: string) =>
      g.edges
        .filter((e) => e.child === id)
        .map((e) => `${e.parent} ${formatInterval(e)}`)
        .join('; ');
    return html`<section class="summary" aria-labelledby="summary-title">
      <h3 id="summary-title">${g.title} <span class="muted">(${g.id})</span></h3>
      <h4>Organs (${g.organs.length})</h4>
      <ul class="organs">
        ${g.organs.map(
          (o) => html`<li data-organ=${o.id}>
            <strong>${o.names.map((n) => n.name).join(' → ')}</strong> <span class="muted">${o.id}, ${o.typeLabel ?? o.type}, ${o.exists.map(formatInterval).join(', ')}</span>
            ${parents(o.id) ? html`<br /><span class="muted">under ${parents(o.id)}</span>` : nothing}
          </li>`,
        )}
      </ul>
      <h4>Restructurings (${g.events?.length ?? 0})</h4>
      <ul class="events">
        ${(g.events ?? []).map((e) => html`<li data-event=${e.id}>${e.date}: ${e.title} <span class="muted">(${e.kind}: ${e.inputs.join(', ') || '—'} → ${e.outputs.join(', ') || '—'})</span></li>`)}
      </ul>
      <h4>Sources (${Object.keys(g.sources).length}), people (${g.people?.length ?? 0}), posts (${g.posts?.length ?? 0}), figures (${g.figures?.length ?? 0})</h4>
    </section>`;
  }

  /** Applies a change through the validation; a refused one leaves its problems at its fields. */
  private apply(form: FormName, change: (g: Graph) => Graph, done: string, e: SubmitEvent): void {
    const r = edit.attempt(this.state!.present, change);
    this.problems = r.problems.length ? { form, items: r.problems } : undefined;
    if (!r.graph) {
      this.status = `Not changed: ${r.problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; ')}`;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`form [aria-invalid="true"]`)?.focus());
      return;
    }
    this.commit(edit.commit(this.state!, r.graph), done);
    (e.target as HTMLFormElement).reset();
    this.dates = Object.fromEntries(Object.entries(this.dates).filter(([k]) => !k.startsWith(`${form}-`)));
  }

  private commit(h: edit.History, status: string): void {
    this.state = h;
    this.status = [status, saveDraft(h)].filter(Boolean).join(' ');
  }

  private step(way: 'undo' | 'redo'): void {
    if (!this.state) return;
    const h = edit[way](this.state);
    if (h === this.state) return;
    this.problems = undefined;
    this.commit(h, way === 'undo' ? 'Undone.' : 'Redone.');
  }

  private onKey = (e: KeyboardEvent) => {
    // The explorer's own keys (stepping, zoom) do not act behind the dialog.
    e.stopPropagation();
    const target = e.composedPath()[0] as HTMLElement;
    // In a text field, Ctrl+Z undoes typing, as everywhere.
    if (!(e.ctrlKey || e.metaKey) || /^(INPUT|TEXTAREA)$/.test(target.tagName)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' || key === 'y') {
      e.preventDefault();
      this.step(key === 'y' || e.shiftKey ? 'redo' : 'undo');
    }
  };

  private data = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = new FormData(form);
    return { d, many: (name: string) => d.getAll(name).map(String).filter(Boolean) };
  };

  private onStart = (e: SubmitEvent) => {
    const { d } = this.data(e);
    const title = str(d.get('title'));
    try {
      const g = edit.emptyGraph(str(d.get('id')) || edit.makeId(title, []), title);
      this.problems = undefined;
      this.commit(edit.history(g), `Started ${g.title}. Add a source first: every organ and change cites one.`);
    } catch (err) {
      if (!(err instanceof edit.EditError)) throw err;
      this.problems = { form: 'start', items: [{ field: err.field, message: err.message, severity: 'error' }] };
    }
  };

  private copyCurrent = () => {
    const g = structuredClone(this.current!);
    delete g.stories;
    this.commit(edit.history({ ...g, id: `${g.id}-copy`, title: `${g.title} (copy)` }), `A copy of ${g.title}, yours to edit.`);
  };

  private onSource = (e: SubmitEvent) => {
    const { d } = this.data(e);
    const citation = str(d.get('citation'));
    const id = str(d.get('id')) || edit.makeId(citation.split(/[,.;:]/)[0], Object.keys(this.state!.present.sources));
    this.apply('source', (g) => edit.addSource(g, id, { citation, primary: str(d.get('primary')) || undefined, quote: str(d.get('quote')) || undefined }), `Added source ${id}.`, e);
  };

  private onOrgan = (e: SubmitEvent) => {
    const { d, many } = this.data(e);
    const name = str(d.get('name'));
    const input: edit.OrganInput = {
      id: str(d.get('id')) || edit.makeId(name, this.state!.present.organs.map((o) => o.id)),
      type: str(d.get('type')) as OrganType,
      typeLabel: str(d.get('typeLabel')) || undefined,
      name,
      start: str(d.get('start')) || undefined,
      end: str(d.get('end')) || undefined,
      parent: str(d.get('parent')) || undefined,
      aliases: list(d.get('aliases')),
      note: str(d.get('note')) || undefined,
      sources: many('sources'),
    };
    const asEvent = d.get('event') === 'on';
    if (asEvent && !input.start) {
      this.problems = { form: 'organ', items: [{ field: 'start', message: 'a creation happens at a date: give "From"', severity: 'error' }] };
      return;
    }
    const change = asEvent ? (g: Graph) => edit.restructure(g, { kind: 'create', date: input.start!, sources: input.sources, organ: input }) : (g: Graph) => edit.addOrgan(g, input);
    this.apply('organ', change, `Added ${name}${asEvent ? ', with its creation' : ''}.`, e);
  };

  private onChange = (e: SubmitEvent) => {
    const { d, many } = this.data(e);
    const g = this.state!.present;
    const base = { date: str(d.get('date')), sources: many('sources'), title: str(d.get('title')) || undefined, description: str(d.get('description')) || undefined };
    const organ = str(d.get('organ'));
    const typeOf = (id: string) => g.organs.find((o) => o.id === id);
    let r: edit.Restructuring;
    const taken = g.organs.map((o) => o.id);
    const newOrgan = (name: string, like: string) => {
      const o = typeOf(like);
      const id = edit.makeId(name, taken);
      taken.push(id);
      return { id, name, type: o?.type ?? 'unit', typeLabel: o?.typeLabel, sources: [] } satisfies edit.OrganInput;
    };
    switch (this.kind) {
      case 'split': {
        const into = list(d.get('into')).map((n) => newOrgan(n, organ));
        r = { ...base, kind: 'split', organ, into, childrenTo: d.get('childrenTo') === '0' ? into[0]?.id : undefined };
        break;
      }
      case 'merge': {
        const organs = many('organs');
        r = { ...base, kind: 'merge', organs, into: newOrgan(str(d.get('name')), organs[0] ?? '') };
        break;
      }
      case 'rename':
        r = { ...base, kind: 'rename', organ, name: str(d.get('name')) };
        break;
      case 're-parent':
        r = { ...base, kind: 're-parent', organ, parent: str(d.get('parent')) };
        break;
      default:
        r = { ...base, kind: 'abolish', organ };
    }
    this.apply('change', (x) => edit.restructure(x, r), `Recorded the ${this.kind}.`, e);
  };

  private onPerson = (e: SubmitEvent) => {
    const { d } = this.data(e);
    const name = str(d.get('name'));
    const id = str(d.get('id')) || edit.makeId(name, (this.state!.present.people ?? []).map((p) => p.id));
    this.apply('person', (g) => edit.addPerson(g, { id, name }), `Added ${name}.`, e);
  };

  private onPost = (e: SubmitEvent) => {
    const { d, many } = this.data(e);
    const post = { organ: str(d.get('organ')), person: str(d.get('person')), post: str(d.get('post')), start: str(d.get('start')) || undefined, end: str(d.get('end')) || undefined, sources: many('sources') };
    this.apply('post', (g) => edit.addPost(g, post), `Added the post ${post.post}.`, e);
  };

  private onFigure = (e: SubmitEvent) => {
    const { d, many } = this.data(e);
    const value = Number(str(d.get('value')).replace(/[\s,]/g, ''));
    const figure = { organ: str(d.get('organ')), measure: str(d.get('measure')), value, date: str(d.get('date')), sources: many('sources') };
    this.apply('figure', (g) => edit.addFigure(g, figure), `Added the figure.`, e);
  };

  /** The draft as an apparat JSON file, as `validate` reads it. */
  get fileText(): string {
    return this.state ? `${JSON.stringify(this.state.present, null, 2)}\n` : '';
  }

  private download = () => {
    if (!this.state) return;
    download(this.fileText, `${this.state.present.id}.json`, 'application/json');
    this.status = `Downloaded ${this.state.present.id}.json.`;
  };

  private show = () => {
    if (!this.state) return;
    emit(this, 'editor-show', { name: `${this.state.present.id}.json`, text: this.fileText });
    this.dialog?.close();
  };

  private discard = () => {
    clearDraft();
    this.state = undefined;
    this.problems = undefined;
    this.status = 'The draft is discarded.';
  };
}

customElements.define('apparat-editor', ApparatEditor);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-editor': ApparatEditor;
  }
}
