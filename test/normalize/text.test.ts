import { describe, expect, test } from 'vitest';
import { normalize, sourceSpan, valueOf } from '../../lib/normalize/text';

describe('normalize', () => {
  test.each([
    ['full-width digits and letters', '科苑路１５号Ａ栋１８／Ｆ', '科苑路15号A栋18/F'],
    ['spaces between Chinese are dropped', '福华一路 1 号 首层', '福华一路1号首层'],
    ['a space between two Latin or digit runs stays', '18/F 1803室', '18/F 1803室'],
    ['ideographic space', '深南大道\u30006008号', '深南大道6008号'],
    ['dashes become one kind', '1—2层 136－5号 1～2楼', '1-2层136-5号1-2楼'],
    ['brackets become round', '【福田支行】（首层）', '(福田支行)(首层)'],
    ['traditional to simplified', '廣州市天河區體育西路189號城建大廈二十三樓', '广州市天河区体育西路189号城建大厦二十三楼'],
    ['names that OpenCC would misread stay', '陕西省咸阳市乾县', '陕西省咸阳市乾县'],
    ['Chinese numerals are not converted', '五一大道 万达广场', '五一大道万达广场'],
    ['a 一 between digits is a dash', '12一7一944', '12-7-944'],
    ['a doubled dash between digits is one', '108--7-905', '108-7-905'],
    ['zero-width characters vanish', '深南\u200b大道', '深南大道'],
    ['an unreadable token becomes one character', '[UNK]城县', '\uFFFD城县'],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  test('every normalized character points back into the source', () => {
    const src = '科苑路　１５号 （Ａ栋） 18 / F';
    const nt = normalize(src);
    expect(nt.starts.length).toBe(nt.text.length);
    for (let i = 0; i < nt.text.length; i++) {
      expect(nt.starts[i]).toBeGreaterThanOrEqual(0);
      expect(nt.ends[i]).toBeLessThanOrEqual(src.length);
      expect(nt.ends[i]).toBeGreaterThan(nt.starts[i]);
    }
  });

  test('a span maps back to the characters the user typed', () => {
    const src = '深南大道 ６００８ 号';
    const nt = normalize(src);
    const k = nt.text.indexOf('6008号');
    const [s, e] = sourceSpan(nt, k, k + 5);
    expect(src.slice(s, e)).toBe('６００８ 号');
  });

  test('values show an unreadable character as it was written', () => {
    const nt = normalize('[UNK]城县');
    expect(valueOf(nt, 0, nt.text.length)).toBe('[UNK]城县');
  });

  test('lone surrogates and control characters do not break it', () => {
    const nt = normalize('a\uD800b\u0001c\u0000');
    expect(nt.text).toBe('a\uFFFDbc');
  });
});
