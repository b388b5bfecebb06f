import type { Span } from './road';
import { at } from './sticky';

/** A gate or entrance (2号门, 3口, 一号门); 门面, 门店, 门市 and 门诊 are shops and clinics, not gates. */
const GATE = /(?:\d{1,3}|[一二三四五六七八九十]{1,3})号?(?:门|口)(?![面店市诊])/y;

export function matchGate(text: string, i: number): Span | null {
  const m = at(GATE, text, i);
  return m ? { start: i, end: i + m[0].length } : null;
}
