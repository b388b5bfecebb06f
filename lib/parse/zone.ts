import type { Span } from './road';
import { at } from './sticky';

/** A zone or phase of an estate (B区, 二期, 3号院); 区域 is a word, not a zone. */
const ZONE = /(?:[A-Za-z\d]{1,3}|[一二三四五六七八九十]{1,2})(?:区|期|号院|号区|街区)(?!域)/y;

export function matchZone(text: string, i: number): Span | null {
  const m = at(ZONE, text, i);
  return m ? { start: i, end: i + m[0].length } : null;
}
