/**
 * Chinese numerals, read only where a part of the address has been recognised (a floor,
 * a building number): 五一大道 and 万达广场 are names, not numbers.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Characters that can appear in a Chinese numeral, for building patterns. */
export const CN_NUM_CHARS = '零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟廿';

/** Pattern source for one number written in Arabic digits or Chinese numerals. */
export const NUM = `(?:\\d+|[${CN_NUM_CHARS}]+)`;

/**
 * Value of a Chinese numeral: positional (十八 = 18, 一百零五 = 105, 廿三 = 23) or a digit
 * sequence (一八〇三 = 1803). Null when the text is not a numeral.
 */
export function chineseToNumber(s: string): number | null {
  if (s.length === 0) return null;
  let hasUnit = false;
  for (const c of s) {
    if (c in UNITS || c === '廿') hasUnit = true;
    else if (!(c in DIGITS)) return null;
  }
  if (!hasUnit) {
    // 一八〇三 reads digit by digit; 一一 is no way to write 11 (十一 is).
    if (s.length < 3 && !/[零〇]/.test(s)) return s.length === 1 ? DIGITS[s] : null;
    let v = 0;
    for (const c of s) v = v * 10 + DIGITS[c];
    return v;
  }
  // 十八 may open with its unit; 百四 and 千二 may not (colloquial for 140 and 1200).
  if (/^[百佰千仟]/.test(s)) return null;
  let total = 0;
  let digit = -1;
  for (const c of s) {
    if (c === '廿') {
      total += 20;
      digit = -1;
    } else if (c in UNITS) {
      total += (digit < 0 ? 1 : digit) * UNITS[c];
      digit = -1;
    } else {
      const d = DIGITS[c];
      // 一百零五: the zero only marks a gap.
      if (d === 0) digit = -1;
      else if (digit >= 0) return null; // 二三十 is not a number
      else digit = d;
    }
  }
  if (digit >= 0) total += digit;
  return total;
}

/** A number written either way: "18" → 18, "十八" → 18. */
export function toNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number.parseInt(s, 10);
  return chineseToNumber(s);
}
