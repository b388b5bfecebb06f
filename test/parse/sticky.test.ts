import { describe, expect, test } from 'vitest';
import { at } from '../../lib/parse/sticky';

describe('at', () => {
  test.each([
    [/\d+/y, 'ab12', 2, '12'],
    [/\d+/y, 'ab12', 1, null],
    [/\d+/y, 'ab12', 0, null],
    [/b/iy, 'aB', 1, 'B'],
  ])('%s in %s at %i → %s', (re, text, i, want) => {
    expect(at(re, text, i)?.[0] ?? null).toBe(want);
  });

  test('the same expression gives the same answer wherever it was tried before', () => {
    const re = /\d/y;
    expect(at(re, '1a2', 2)?.[0]).toBe('2');
    expect(at(re, '1a2', 0)?.[0]).toBe('1');
  });
});
