import { describe, expect, test } from 'vitest';
import { frameCamera, type Box } from '../../src/render/camera.ts';
import { COMPARE_MARKS, INFERRED_LINK, MARKS, markClasses } from '../../src/render/marks.ts';
import { STYLE } from '../../src/render/stylesheet.ts';
import type { ViewTree } from '../../src/layout/view.ts';

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

describe('frameCamera', () => {
  const tree = {
    organs: new Map([['root', {}], ['kid', {}], ['far', {}]]),
    children: new Map([['root', ['kid', 'far']]]),
  } as unknown as ViewTree;
  const boxes: Record<string, Box> = { root: { x1: 0, y1: 0, x2: 100, y2: 50 }, kid: { x1: 0, y1: 100, x2: 100, y2: 150 }, far: { x1: 5000, y1: 100, x2: 5100, y2: 150 } };
  const boxOf = (ids: string[]): Box | undefined => {
    const bs = ids.map((id) => boxes[id]).filter(Boolean);
    return bs.length ? { x1: Math.min(...bs.map((b) => b.x1)), y1: Math.min(...bs.map((b) => b.y1)), x2: Math.max(...bs.map((b) => b.x2)), y2: Math.max(...bs.map((b) => b.y2)) } : undefined;
  };

  test('a focus too wide to read with its children is framed alone, centred', () => {
    const cam = frameCamera(tree, { focus: ['root'] }, boxOf, { w: 800, h: 600 })!;
    expect(cam.zoom).toBeGreaterThan(2);
    // The focus's centre (50, 25) is at the canvas's centre.
    expect(50 * cam.zoom + cam.pan.x).toBeCloseTo(400);
    expect(25 * cam.zoom + cam.pan.y).toBeCloseTo(300);
  });

  test('a focus not in the tree frames the whole chart; nothing drawn gives no camera', () => {
    const whole = frameCamera(tree, { focus: ['gone'] }, boxOf, { w: 800, h: 600 })!;
    expect(whole.zoom).toBeCloseTo((800 - 72) / 5100);
    expect(frameCamera(tree, {}, () => undefined, { w: 800, h: 600 })).toBeUndefined();
  });
});
