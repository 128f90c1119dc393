import { describe, expect, test } from 'vitest';
import { COMPARE_MARKS, INFERRED_LINK, MARKS, markClasses } from '../../src/render/marks.ts';
import { STYLE } from '../../src/render/stylesheet.ts';

describe('the one table of marks', () => {
  test('the stylesheet draws every mark the legend and panels name, as the table says', () => {
    const rules = new Map((STYLE as { selector: string; style: Record<string, unknown> }[]).map((r) => [r.selector, r.style]));
    for (const m of [...Object.values(COMPARE_MARKS), ...Object.values(MARKS)]) expect(rules.get(`node.${m.className}`), m.className).toEqual(m.style);
    expect(rules.get('node.ev-in')!['underlay-color']).toBe(MARKS.eventInput.colour);
    expect(rules.get('node.match')!['underlay-color']).toBe(MARKS.found.colour);
    expect(rules.get('node.mark-removed')!['border-color']).toBe(COMPARE_MARKS.removed.colour);
    // An inferred placement: a dashed edge, in the colour and dash the legend shows.
    expect(rules.get('edge[?inferred]')).toEqual(INFERRED_LINK.style);
    expect(rules.get('edge[?inferred]')!['line-style']).toBe('dashed');
    expect(rules.get('edge[?inferred]')!['line-dash-pattern']).toEqual(INFERRED_LINK.dash);
  });

  test('an organ takes its compare, event, search and selection marks; a stacked copy takes no search or selection mark', () => {
    const marking = { marks: new Map([['a', ['added' as const]]]), eventOutputs: new Set(['a']), found: new Set(['a']), selected: 'a' };
    expect(markClasses('a', false, marking)).toEqual(['mark-added', 'ev-out', 'match', 'chosen']);
    expect(markClasses('a', true, marking)).toEqual(['mark-added', 'ev-out']);
    expect(markClasses('b', false, marking)).toEqual([]);
  });
});
