/** Captions: the safe Markdown subset keeps paragraphs, emphasis, strong and lists; the rest is text. */
import { describe, expect, test } from 'vitest';
import { captionText, parseCaption } from '../../src/ui/presentation/markdown.ts';

describe('the caption Markdown subset', () => {
  test('plain text is one paragraph of text', () => {
    expect(parseCaption('The okrugs were abolished.')).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'The okrugs were abolished.' }] }]);
  });

  test('paragraphs, *emphasis*, **strong**, and hard breaks are kept', () => {
    expect(parseCaption('In **summer 1930** the *okrugs* went.\n\nSecond  \nline')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'In ' },
          { type: 'strong', children: [{ type: 'text', value: 'summer 1930' }] },
          { type: 'text', value: ' the ' },
          { type: 'emphasis', children: [{ type: 'text', value: 'okrugs' }] },
          { type: 'text', value: ' went.' },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', value: 'Second' }, { type: 'break' }, { type: 'text', value: 'line' }] },
    ]);
  });

  test('bulleted and numbered lists are kept, with their start', () => {
    const [ul, ol] = parseCaption('- obkom\n- gorkom\n\n3. three\n4. four');
    expect(ul).toMatchObject({ type: 'list', ordered: false, items: [[{ type: 'paragraph', children: [{ type: 'text', value: 'obkom' }] }], [{ type: 'paragraph' }]] });
    expect(ol).toMatchObject({ type: 'list', ordered: true, start: 3 });
  });

  test('raw HTML is text, exactly as typed', () => {
    const blocks = parseCaption('Before <b onclick="x()">bold</b> after\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
    expect(blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Before <b onclick="x()">bold</b> after' }] },
      { type: 'paragraph', children: [{ type: 'text', value: '<script>alert(1)</script>' }] },
      { type: 'paragraph', children: [{ type: 'text', value: '<img src=x onerror=alert(1)>' }] },
    ]);
  });

  test('links, images, headings, code, quotes and rules are not rendered: their source shows as text', () => {
    const src = ['[a link](javascript:alert(1))', '![an image](x.png)', '# A heading', '`code`', '> a quote', '***'];
    for (const s of src) {
      const blocks = parseCaption(s);
      expect(blocks, s).toHaveLength(1);
      expect(blocks[0], s).toEqual({ type: 'paragraph', children: [{ type: 'text', value: s }] });
    }
  });

  test('only allowed node types ever come out', () => {
    const allowed = new Set(['paragraph', 'list', 'text', 'emphasis', 'strong', 'break']);
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (!n || typeof n !== 'object') return;
      const o = n as Record<string, unknown>;
      if ('type' in o) expect(allowed.has(String(o.type)), String(o.type)).toBe(true);
      Object.values(o).forEach(walk);
    };
    walk(parseCaption('# h\n\n<div>x</div>\n\n- *a* [b](c) ![d](e)\n\n```\ncode\n```\n\n| t | u |\n|---|---|\n| 1 | 2 |\n\n[ref]: http://x'));
  });

  test('captionText gives the words without markup', () => {
    expect(captionText('In **1928**, *nine* okrugs:\n\n- Pskov\n- Luga')).toBe('In 1928, nine okrugs: Pskov Luga');
  });
});
