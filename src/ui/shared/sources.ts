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

/** "§3.2.3, Table 3-7, citing Partrabotnik, no. 17 (thesis lines 7242-7260)": one source on one line. */
export function citationText(s: Source | undefined, id: string): string {
  if (!s) return id;
  return `${s.citation}${s.primary ? `, citing ${s.primary}` : ''}${s.lines ? ` (thesis lines ${s.lines})` : ''}`;
}

/** The sources of one claim, small, under it: each with its primary source and lines; the quotation on hover. */
export function cites(all: Record<string, Source>, ids: readonly string[] | undefined) {
  if (!ids?.length) return html`<span class="cites none">no source given</span>`;
  return html`<span class="cites">${ids.map((id) => html`<cite class="cite" title=${[citationText(all[id], id), all[id]?.quote ? `“${all[id]!.quote}”` : ''].filter(Boolean).join('\n')}>${shortCitationText(all[id], id)}</cite>`)}</span>`;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** A citation short enough to sit under a claim: section and table, the primary source clipped, the lines (all of it on hover and in the Sources list). */
export function shortCitationText(s: Source | undefined, id: string): string {
  if (!s) return id;
  const where = s.citation.split(', ').slice(0, 2).join(', ');
  return `${where}${s.primary ? `, citing ${clip(s.primary, 90)}` : ''}${s.lines ? ` (lines ${s.lines})` : ''}`;
}

/** An inferred claim: a mark and its reasoning. */
export function inferredNote(note: string | undefined) {
  return html`<span class="inferred"><strong>inferred</strong>, not stated by the source${note ? html`: <span class="reason">${note}</span>` : nothing}</span>`;
}

export const sourceStyles = css`
  .cites {
    display: block;
    font-size: 0.75rem;
    color: var(--muted, #5b6475);
  }
  .cites .cite {
    display: block;
    font-weight: normal;
  }
  .cites .cite::before {
    content: '— ';
  }
  .cites.none {
    font-style: italic;
  }
  .inferred {
    display: block;
    font-size: 0.8rem;
    color: #6b4a12;
    background: #fbf3e4;
    border-left: 3px dashed #b8862b;
    padding: 2px 6px;
    margin: 2px 0;
  }
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
