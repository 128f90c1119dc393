import { expect, test } from 'vitest';
import { bundled } from './data/load.ts';
test('every bundled graph validates', () => {
  expect(bundled().size).toBeGreaterThan(0);
});
