import type { Span } from './road';
import { at } from './sticky';

/** A distance (200米, 3公里, 300m): how far, never a floor or a room. */
const DISTANCE = /\d+(?:米|公里|千米|km|m)(?![A-Za-z])/iy;

export function matchDistance(text: string, i: number): Span | null {
  const m = at(DISTANCE, text, i);
  return m ? { start: i, end: i + m[0].length } : null;
}
