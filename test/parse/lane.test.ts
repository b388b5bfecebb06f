import { describe, expect, test } from 'vitest';
import { matchLane } from '../../lib/parse/lane';

// [text, position, what is taken there (null: nothing)]
const CASES: [string, number, string | null][] = [
  ['1199弄3号', 0, '1199弄'],
  ['路88弄', 1, '88弄'],
  ['12345弄', 0, null],
  ['弄堂', 0, null],
];

describe('matchLane', () => {
  test.each(CASES)('%s at %i → %s', (text, i, taken) => {
    const s = matchLane(text, i);
    expect(s === null ? null : text.slice(s.start, s.end)).toBe(taken);
    if (s) expect(s.start).toBe(i);
  });
});
