import { LitElement, css, html } from 'lit';
import { loadBundled } from '../../io/bundled.ts';
import { formatIssue, type LoadedGraph } from '../../io/graph-file.ts';

/** The app shell: lists the bundled graphs (the explorer fills this in). */
export class ApparatApp extends LitElement {
  static properties = { graphs: { state: true } };
  declare graphs: LoadedGraph[] | undefined;

  static styles = css`
    :host { display: block; padding: 1.5rem; max-width: 60rem; margin: auto; }
    .error { color: #a4262c; white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 0.85rem; }
  `;

  connectedCallback(): void {
    super.connectedCallback();
    void loadBundled().then((g) => (this.graphs = g));
  }

  render() {
    if (!this.graphs) return html`<p>Loading the graphs…</p>`;
    return html`
      <h1>apparat</h1>
      <ul>
        ${this.graphs.map(
          (g) => html`<li>
            ${g.graph ? html`<strong>${g.graph.title}</strong> (${g.graph.organs.length} organs)` : html`<strong>${g.file}</strong>`}
            ${g.issues.filter((i) => i.severity === 'error').length
              ? html`<div class="error">${g.issues.map((i) => formatIssue(i)).join('\n')}</div>`
              : ''}
          </li>`,
        )}
      </ul>
    `;
  }
}
customElements.define('apparat-app', ApparatApp);
