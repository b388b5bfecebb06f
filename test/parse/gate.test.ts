import { describe, expect, test } from 'vitest';
import { matchGate } from '../../lib/parse/gate';

// [text, position, what is taken there (null: nothing)]
const CASES: [string, number, string | null][] = [
  ['2号门', 0, '2号门'],
  ['一号门', 0, '一号门'],
  ['3口', 0, '3口'],
  ['1门面', 0, null],
  ['2号店', 0, null],
  ['5门市', 0, null],
  ['3门诊', 0, null],
  ['东门', 0, null],
];

describe('matchGate', () => {
  test.each(CASES)('%s at %i → %s', (text, i, taken) => {
    const s = matchGate(text, i);
    expect(s === null ? null : text.slice(s.start, s.end)).toBe(taken);
    if (s) expect(s.start).toBe(i);
  });
});
