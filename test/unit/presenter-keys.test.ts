import { expect, test } from 'vitest';
import { presenterAction } from '../../src/ui/presentation/keys.ts';

const key = (key: string, shiftKey = false) => presenterAction({ key, shiftKey });

test("a clicker's keys and the presenter's letters mean the same in the stage and the speaker view", () => {
  expect(['ArrowRight', 'PageDown', ' ', 'n'].map((k) => key(k))).toEqual(['next', 'next', 'next', 'next']);
  expect(['ArrowLeft', 'PageUp', 'p'].map((k) => key(k))).toEqual(['previous', 'previous', 'previous']);
  expect(key(' ', true)).toBe('previous');
  expect([key('Home'), key('End'), key('F'), key('b'), key('S'), key('Escape')]).toEqual(['first', 'last', 'fullscreen', 'black', 'speaker', 'leave']);
  expect(key('x')).toBeUndefined();
});
