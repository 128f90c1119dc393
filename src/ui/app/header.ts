/** The shell's header: the graph picker, drill-down crumbs, files, the menus (edit, export, present, build a story) and search. */
import { html, nothing } from 'lit';
import { formatDate } from '../../model/dates.ts';
import type { Graph } from '../../model/types.ts';
import type { ApparatChart } from '../chart/apparat-chart.ts';
import { ACCEPT as IMPORT_ACCEPT } from '../../io/format-kinds.ts';
import { on } from '../shared/events.ts';
import type { Derived, Explorer } from './explorer.ts';

/** What the header asks of the shell. */
export interface HeaderActions {
  /** The file input's change: the chosen files are imported. */
  openFile(e: Event): void;
  /** A text from the editor shown as an imported file. */
  showText(name: string, text: string): void;
  chart(): ApparatChart | null;
  /** Search: the organ selected, then brought into view. */
  find(id: string): void;
  openIn(graph: string, organ: string | undefined, at: string): void;
}

export function headerTemplate(x: Explorer, d: Derived | undefined, titles: Map<string, string>, a: HeaderActions) {
  const v = x.view;
  const option = (g: Graph) => html`<option value=${g.id} ?selected=${g.id === v.graph}>${g.title}</option>`;
  const yours = x.valid.filter((g) => x.isYours(g.id));
  return html`<header>
    <div class="brand"><span class="mark" aria-hidden="true"></span>apparat</div>
    <label class="graph-pick">
      <span class="visually-hidden">Graph</span>
      <select aria-label="Graph" @change=${(e: Event) => x.pickGraph((e.target as HTMLSelectElement).value)}>
        ${x.valid.filter((g) => !x.isYours(g.id)).map(option)}
        ${yours.length ? html`<optgroup label="Yours">${yours.map(option)}</optgroup>` : nothing}
      </select>
    </label>
    ${v.trail.length
      ? html`<nav class="crumbs" aria-label="Drill-down">
          <ol>
            ${v.trail.map((t, i) => html`<li><button type="button" class="link" @click=${() => x.back(i)}>${titles.get(t.graph) ?? t.graph}</button></li>`)}
            <li aria-current="page">${titles.get(v.graph ?? '') ?? v.graph}</li>
          </ol>
        </nav>`
      : nothing}
    <label class="open-file">
      <input type="file" multiple accept=${IMPORT_ACCEPT} @change=${a.openFile} />
      <span>Open a graph file…</span>
    </label>
    <apparat-yours
      .items=${x.yours}
      current=${v.graph ?? ''}
      @yours-open=${on('yours-open', ({ id }) => x.pickGraph(id))}
      @yours-remove=${on('yours-remove', ({ key }) => x.forget([key]))}
      @yours-clear=${on('yours-clear', () => x.forget(x.yours.map((y) => y.key)))}
    ></apparat-yours>
    <apparat-editor .current=${d?.model.graph} @editor-show=${on('editor-show', ({ name, text }) => a.showText(name, text))}></apparat-editor>
    <apparat-export-menu .graph=${d?.model.graph} at=${v.at ?? ''} view-title=${d ? `${d.model.graph.title}, ${formatDate(v.at)}` : ''} .chart=${a.chart}></apparat-export-menu>
    <apparat-present-menu .loaded=${x.loaded} @story-present=${on('story-present', ({ id }) => x.present(id))}></apparat-present-menu>
    <apparat-story-builder
      .capture=${d && v.graph && v.at ? { graph: v.graph, at: v.at, focus: v.focus, select: v.select, hide: v.hide, marked: x.found } : undefined}
      .exists=${(id: string) => !!d?.snap.organs.has(id)}
      .loaded=${x.loaded}
      @step-show=${on('step-show', ({ step }) => x.showStep(step))}
    ></apparat-story-builder>
    <apparat-search
      .model=${d?.model}
      .models=${() => x.models()}
      .hiddenTypes=${v.hide}
      .types=${d?.graphTypes ?? []}
      @organ-find=${on('organ-find', ({ id }) => a.find(id))}
      @person-open=${on('person-open', ({ id }) => x.openPerson(id))}
      @graph-open=${on('graph-open', ({ graph, organ, at }) => a.openIn(graph, organ, at))}
      @filters-change=${on('filters-change', ({ hide }) => x.filter(hide))}
      @search-matches=${on('search-matches', ({ ids }) => x.setFound(ids))}
    ></apparat-search>
  </header>`;
}
