import { describe, expect, test } from 'vitest';
import { matchHouse } from '../../lib/parse/house';

// [text, position, what is taken there (null: nothing)]
const CASES: [string, number, string | null][] = [
  ['12号1803', 0, '12号'],
  ['大道88号1201', 2, '88号'],
  ['12号楼', 0, null],
  ['12号', 0, null],
  ['12345号1', 0, null],
];

describe('matchHouse', () => {
  test.each(CASES)('%s at %i → %s', (text, i, taken) => {
    const s = matchHouse(text, i);
    expect(s === null ? null : text.slice(s.start, s.end)).toBe(taken);
    if (s) expect(s.start).toBe(i);
  });
});
