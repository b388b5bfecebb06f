import { describe, expect, test } from 'vitest';
import { matchDistance } from '../../lib/parse/distance';

// [text, position, what is taken there (null: nothing)]
const CASES: [string, number, string | null][] = [
  ['200米', 0, '200米'],
  ['3公里', 0, '3公里'],
  ['2千米', 0, '2千米'],
  ['300m', 0, '300m'],
  ['5KM', 0, '5KM'],
  ['10mall', 0, null],
  ['18楼', 0, null],
];

describe('matchDistance', () => {
  test.each(CASES)('%s at %i → %s', (text, i, taken) => {
    const s = matchDistance(text, i);
    expect(s === null ? null : text.slice(s.start, s.end)).toBe(taken);
    if (s) expect(s.start).toBe(i);
  });
});
