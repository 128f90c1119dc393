/** Renders a parsed caption as Lit templates: text is always text, never HTML. */
import { html, nothing, type TemplateResult } from 'lit';
import { parseCaption, type CaptionBlock, type CaptionInline } from './markdown.ts';

function inline(nodes: CaptionInline[]): (TemplateResult | string)[] {
  return nodes.map((n) =>
    n.type === 'text' ? n.value : n.type === 'break' ? html`<br />` : n.type === 'emphasis' ? html`<em>${inline(n.children)}</em>` : html`<strong>${inline(n.children)}</strong>`,
  );
}

function block(b: CaptionBlock): TemplateResult {
  if (b.type === 'paragraph') return html`<p>${inline(b.children)}</p>`;
  const items = b.items.map((item) => html`<li>${item.map(block)}</li>`);
  return b.ordered ? html`<ol start=${b.start ?? nothing}>${items}</ol>` : html`<ul>${items}</ul>`;
}

/** A caption (plain text or the safe Markdown subset) as a template. */
export function renderCaption(text: string | undefined): TemplateResult {
  return html`${parseCaption(text ?? '').map(block)}`;
}
