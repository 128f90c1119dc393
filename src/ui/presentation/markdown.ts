/**
 * Captions: plain text or a safe subset of Markdown — paragraphs, *emphasis*, **strong**, lists
 * (and hard line breaks). The Markdown is parsed by a real CommonMark parser
 * (mdast-util-from-markdown); only the allowed node types are kept. Anything else — raw HTML,
 * links, images, headings, code, quotes — comes back as its own source text, so it shows as
 * the characters the author typed and never as markup. Pure: no DOM, no Lit.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Parent, RootContent } from 'mdast';

export type CaptionInline =
  | { type: 'text'; value: string }
  | { type: 'emphasis'; children: CaptionInline[] }
  | { type: 'strong'; children: CaptionInline[] }
  | { type: 'break' };

export type CaptionBlock =
  | { type: 'paragraph'; children: CaptionInline[] }
  | { type: 'list'; ordered: boolean; start?: number; items: CaptionBlock[][] };

/** The node types a caption may use; every other node is shown as its source text. */
export const ALLOWED_NODES = ['root', 'paragraph', 'text', 'emphasis', 'strong', 'break', 'list', 'listItem'] as const;

function source(node: Nodes, text: string): string {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s !== undefined && e !== undefined ? text.slice(s, e) : 'value' in node ? String(node.value) : '';
}

function mergeText(list: CaptionInline[]): CaptionInline[] {
  const out: CaptionInline[] = [];
  for (const n of list) {
    const last = out[out.length - 1];
    if (n.type === 'text' && last?.type === 'text') last.value += n.value;
    else out.push(n);
  }
  return out;
}

function inline(nodes: RootContent[], text: string): CaptionInline[] {
  return mergeText(
    nodes.map((n): CaptionInline => {
      switch (n.type) {
        case 'text':
          return { type: 'text', value: n.value };
        case 'emphasis':
          return { type: 'emphasis', children: inline(n.children, text) };
        case 'strong':
          return { type: 'strong', children: inline(n.children, text) };
        case 'break':
          return { type: 'break' };
        default:
          // html, link, image, inlineCode, …: the characters as typed.
          return { type: 'text', value: source(n, text) };
      }
    }),
  );
}

function blocks(nodes: RootContent[], text: string): CaptionBlock[] {
  const out: CaptionBlock[] = [];
  for (const n of nodes) {
    if (n.type === 'paragraph') out.push({ type: 'paragraph', children: inline(n.children, text) });
    else if (n.type === 'list')
      out.push({
        type: 'list',
        ordered: Boolean(n.ordered),
        ...(n.ordered && typeof n.start === 'number' && n.start !== 1 ? { start: n.start } : {}),
        items: n.children.map((item) => blocks((item as Parent).children as RootContent[], text)),
      });
    else {
      // A heading, block of HTML, code, quote, rule or definition: its source as a paragraph.
      const raw = source(n, text).trim();
      if (raw) out.push({ type: 'paragraph', children: [{ type: 'text', value: raw }] });
    }
  }
  return out;
}

/** Parses a caption into the allowed blocks. */
export function parseCaption(text: string): CaptionBlock[] {
  return blocks(fromMarkdown(text).children, text);
}

/** The caption's words without markup (for titles, speaker notes, accessible names). */
export function captionText(text: string): string {
  const words = (list: CaptionInline[]): string => list.map((n) => (n.type === 'text' ? n.value : n.type === 'break' ? ' ' : words(n.children))).join('');
  const flat = (bs: CaptionBlock[]): string[] => bs.flatMap((b) => (b.type === 'paragraph' ? [words(b.children)] : b.items.flatMap(flat)));
  return flat(parseCaption(text)).join(' ').replace(/\s+/g, ' ').trim();
}
