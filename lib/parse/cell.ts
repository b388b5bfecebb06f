import type { Span } from './road';
import { at } from './sticky';

/** A unit of a residential building (3单元, 2梯, 3甲单元) or a row of a village (5排, 3组): part of the structure, never a room. */
const CELL = /(?:\d{1,3}-)?(?:[\d一二三四五六七八九十]{0,2}[甲乙丙丁东西中]|[\d一二三四五六七八九十]{1,2})(?:单元|梯)|\d{1,3}(?:排|舍|组|队)/y;

export function matchCell(text: string, i: number): Span | null {
  const m = at(CELL, text, i);
  return m ? { start: i, end: i + m[0].length } : null;
}
