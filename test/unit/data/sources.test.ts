/** Every source of every bundled graph points into the thesis, and its quotation stands there. */
import { describe, expect, test } from 'vitest';
import { bundled, quoteFound, rangeInThesis } from './load.ts';

describe('sources point into the thesis', () => {
  for (const [id, m] of bundled()) {
    test(`${id}: every line range exists, every quotation stands near its lines`, () => {
      for (const [sid, s] of Object.entries(m.graph.sources)) {
        if (s.lines === undefined && id === 'example') continue;
        expect(rangeInThesis(s.lines), `${sid}: lines ${s.lines}`).toBe(true);
        if (!s.quote) continue;
        const { share, missing } = quoteFound(s.quote, s.lines!, 30);
        expect(share, `${sid}: missing ${missing.join(', ')}`).toBeGreaterThanOrEqual(0.7);
      }
    });

    test(`${id}: every organ, event, figure and post cites a source`, () => {
      const g = m.graph;
      for (const o of g.organs) expect(o.sources.length, o.id).toBeGreaterThan(0);
      for (const e of g.events ?? []) expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const f of g.figures ?? []) expect(f.sources.length, `${f.organ} ${f.measure}`).toBeGreaterThan(0);
      for (const p of g.posts ?? []) expect(p.sources.length, `${p.person} ${p.post}`).toBeGreaterThan(0);
    });
  }
});
