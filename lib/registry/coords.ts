/**
 * A source row's position, as written: longitude and latitude inside China's bounds, or none.
 * A pair given the wrong way round (31.8, 117.2) is put right; a value outside the bounds is
 * dropped. Both are counted, so that the import report says how many rows had them.
 */

export type PositionIssue = 'out_of_range' | 'swapped';

export interface PositionCounts {
  outOfRange: number;
  swapped: number;
}

const LNG: [number, number] = [73, 136];
const LAT: [number, number] = [3, 54];

const number = (raw: string | undefined): number | null => {
  if (!raw) return null;
  const v = Number.parseFloat(raw.trim().replace(/^\+/, ''));
  return Number.isFinite(v) && v !== 0 ? v : null;
};
const inside = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;

export function readPosition(lngRaw: string | undefined, latRaw: string | undefined): { lng: number | null; lat: number | null; issue: PositionIssue | null } {
  const lng = number(lngRaw);
  const lat = number(latRaw);
  // Half a position (or none) is no position: nothing to count.
  if (lng === null || lat === null) return { lng: null, lat: null, issue: null };
  if (inside(lng, LNG) && inside(lat, LAT)) return { lng, lat, issue: null };
  if (inside(lat, LNG) && inside(lng, LAT)) return { lng: lat, lat: lng, issue: 'swapped' };
  return { lng: null, lat: null, issue: 'out_of_range' };
}

export function countPosition(counts: PositionCounts, issue: PositionIssue | null): void {
  if (issue === 'swapped') counts.swapped++;
  else if (issue === 'out_of_range') counts.outOfRange++;
}
