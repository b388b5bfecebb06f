import { describe, expect, test } from 'vitest';
import { chineseToNumber, toNumber } from '../../lib/normalize/numerals';

describe('chineseToNumber', () => {
  test.each([
    ['一', 1], ['十', 10], ['十八', 18], ['二十', 20], ['二十三', 23], ['三十六', 36], ['一百', 100],
    ['一百零五', 105], ['一百二十', 120], ['两', 2], ['廿三', 23], ['一八〇三', 1803], ['〇', 0], ['贰拾', 20],
  ])('%s → %i', (s, n) => {
    expect(chineseToNumber(s)).toBe(n);
  });

  test.each(['', '五一大道', '万', '二三十', '百四', 'abc'])('%s is not a number', (s) => {
    expect(chineseToNumber(s)).toBeNull();
  });

  test('toNumber reads both ways', () => {
    expect(toNumber('18')).toBe(18);
    expect(toNumber('十八')).toBe(18);
    expect(toNumber('x')).toBeNull();
  });
});
