import type { Span } from './road';
import { at } from './sticky';

/** A house number written straight before another number (12号1803): the 12号, so that 1803 can be the room. */
const HOUSE = /\d{1,4}号(?=\d)/y;

export function matchHouse(text: string, i: number): Span | null {
  const m = at(HOUSE, text, i);
  return m ? { start: i, end: i + m[0].length } : null;
}
