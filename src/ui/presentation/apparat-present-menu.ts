/**
 * <apparat-present-menu>: the header's "Present" button and the list of stories it opens.
 * Choosing a story asks for full screen (the click is the gesture the browser wants) and sends
 * `story-present` {id}.
 *
 * Properties: `loaded` (the loaded files; their stories are listed).
 */
import { emit } from '../shared/events.ts';
import { css, html, nothing } from 'lit';
import { HeaderMenu } from '../shared/header-menu.ts';
import { menuStyles } from '../shared/menu-styles.ts';
import type { LoadedGraph } from '../../io/graph-file.ts';
import { storiesOf } from './stories.ts';

export class ApparatPresentMenu extends HeaderMenu {
  static properties = {
    loaded: { attribute: false },
  };
  declare loaded: LoadedGraph[] | undefined;

  protected toggleSelector = 'button.present';

  private choose(id: string): void {
    this.open = false;
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    emit(this, 'story-present', { id });
  }

  render() {
    const stories = storiesOf(this.loaded ?? []);
    if (!stories.length) return nothing;
    return html`<div class="wrap" @keydown=${this.onMenuKey}>
      <button type="button" class="present" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="stories" @click=${() => (this.open = !this.open)}>
        <span aria-hidden="true">▶</span> Present
      </button>
      ${this.open
        ? html`<div id="stories" class="menu">
            <p class="hint">A story, step by step, full screen. → next, ← back, S speaker view, Esc leaves.</p>
            <ul>
              ${stories.map(
                (s) => html`<li>
                  <button type="button" class="story" data-story=${s.id} @click=${() => this.choose(s.id)}>
                    <span class="t">${s.title}</span>
                    <span class="n">${s.steps.length} steps</span>
                  </button>
                </li>`,
              )}
            </ul>
          </div>`
        : nothing}
    </div>`;
  }

  static styles = [
    menuStyles,
    css`
    .present {
      padding: 4px 12px;
      border-radius: 7px;
      border: 1px solid #5f232c;
      background: #8a3a44;
      color: #fff;
      font-weight: 600;
    }
    .present:hover {
      background: #74303a;
    }
    .menu {
      left: 0;
      right: auto;
      width: 26rem;
      padding: 0.5rem;
    }
    .hint {
      margin: 0.2rem 0.4rem 0.5rem;
      color: var(--muted, #5b6475);
      font-size: 0.8rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .story {
      display: flex;
      width: 100%;
      justify-content: space-between;
      gap: 1rem;
      text-align: left;
      border: none;
      background: none;
      padding: 0.5rem 0.6rem;
      border-radius: 7px;
    }
    .story:hover {
      background: #f3f1ec;
    }
    .t {
      font-weight: 600;
    }
    .n {
      color: var(--muted, #5b6475);
      white-space: nowrap;
    }
  `,
  ];
}

customElements.define('apparat-present-menu', ApparatPresentMenu);

declare global {
  interface HTMLElementTagNameMap {
    'apparat-present-menu': ApparatPresentMenu;
  }
}
