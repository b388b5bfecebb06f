import { describe, expect, test } from 'vitest';
import { matchZone } from '../../lib/parse/zone';

// [text, position, what is taken there (null: nothing)]
const CASES: [string, number, string | null][] = [
  ['B区3栋', 0, 'B区'],
  ['二期', 0, '二期'],
  ['3号院', 0, '3号院'],
  ['12号区', 0, '12号区'],
  ['A街区', 0, 'A街区'],
  ['B区域', 0, null],
  ['区', 0, null],
];

describe('matchZone', () => {
  test.each(CASES)('%s at %i → %s', (text, i, taken) => {
    const s = matchZone(text, i);
    expect(s === null ? null : text.slice(s.start, s.end)).toBe(taken);
    if (s) expect(s.start).toBe(i);
  });
});
