import { describe, expect, test } from 'vitest';
import { matchCell } from '../../lib/parse/cell';

// [text, position, what is taken there (null: nothing)]
const CASES: [string, number, string | null][] = [
  ['3单元1201', 0, '3单元'],
  ['二单元', 0, '二单元'],
  ['3甲单元', 0, '3甲单元'],
  ['12-3单元', 0, '12-3单元'],
  ['2梯', 0, '2梯'],
  ['5排8号', 0, '5排'],
  ['3组', 0, '3组'],
  ['12号3单元', 3, '3单元'],
  ['1803室', 0, null],
  ['单元', 0, null],
];

describe('matchCell', () => {
  test.each(CASES)('%s at %i → %s', (text, i, taken) => {
    const s = matchCell(text, i);
    expect(s === null ? null : text.slice(s.start, s.end)).toBe(taken);
    if (s) expect(s.start).toBe(i);
  });
});
