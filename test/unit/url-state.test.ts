import { expect, test } from 'vitest';
import { readUrl, writeUrl } from '../../src/ui/app/state.ts';

test('the view survives a round trip through the URL', () => {
  const view = {
    graph: 'leningrad-region',
    at: '1932-22',
    select: 'kp-party-committee',
    compare: '1929-06',
    event: 'gorkom-created',
    hide: ['bureau', 'sector'],
    collapse: ['obkom'],
    focus: 'gorkom',
    trail: [{ graph: 'leningrad-region', organ: 'kirov-kollektiv' }],
  };
  const url = writeUrl(view);
  expect(url).toContain('graph=leningrad-region');
  expect(url).toContain('hide=bureau,sector');
  expect(readUrl(url)).toEqual(view);
});

test('bad dates are dropped, missing lists are empty', () => {
  const v = readUrl('?graph=x&at=not-a-date&compare=1930~');
  expect(v.at).toBeUndefined();
  expect(v.compare).toBe('1930~');
  expect(v.hide).toEqual([]);
  expect(v.trail).toEqual([]);
});
