/** A source as the panels cite it: citation, the primary source its footnote gives, thesis lines, quotation. */
import { css, html, nothing } from 'lit';
import type { Source } from '../../model/types.ts';

export function sourceItem(s: Source | undefined, id: string) {
  if (!s) return html`<li>${id}</li>`;
  return html`<li>
    <cite>${s.citation}</cite>${s.primary ? html`<span class="primary">, citing ${s.primary}</span>` : nothing}
    ${s.lines ? html`<span class="lines">thesis lines ${s.lines}</span>` : nothing}
    ${s.quote ? html`<blockquote>“${s.quote}”</blockquote>` : nothing}
    ${s.note ? html`<p class="note">${s.note}</p>` : nothing}
  </li>`;
}

export const sourceStyles = css`
  .sources ol {
    padding-left: 1.2rem;
    margin: 0;
  }
  .sources li {
    margin-bottom: 0.5rem;
  }
  cite {
    font-style: normal;
    font-weight: 600;
  }
  .lines {
    display: block;
    font-size: 0.75rem;
    color: var(--muted, #5b6475);
  }
  blockquote {
    margin: 0.25rem 0 0;
    padding-left: 0.6rem;
    border-left: 3px solid #e2ddd3;
    color: #3b4252;
    font-style: italic;
  }
`;
