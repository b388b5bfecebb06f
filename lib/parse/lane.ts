import type { Span } from './road';
import { at } from './sticky';

/** A lane number (Shanghai's 1199弄). */
const LANE = /\d{1,4}弄/y;

export function matchLane(text: string, i: number): Span | null {
  const m = at(LANE, text, i);
  return m ? { start: i, end: i + m[0].length } : null;
}
