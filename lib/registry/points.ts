/**
 * The outlets' map points in memory, for "the closest outlets of this bank". SQLite's R*Tree
 * cannot filter by bank inside the tree: a bank with one outlet per county (中国农业发展银行)
 * read every outlet of a city's box, five boxes over, 20 ms for one check. Here each bank's
 * points (and all of them together) are sorted by latitude: a box is a binary search to its
 * band, then a scan of the band alone.
 *
 * The points are the R*Tree's own (float32 corners, as SQLite stores them), and the order is
 * the one the old query gave: squared distance in degrees from the box's lower corner, then id.
 */

export interface PointRow {
  id: number;
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
  group: string;
  /** The outlet's own coordinates (double precision), for the distance shown. */
  lat: number;
  lng: number;
}

/** A point found: its id, group (the bank) and coordinates. */
export interface Point {
  id: number;
  group: string;
  lat: number;
  lng: number;
}

interface Band {
  points: Point[];
  /** The tallest box's height: past north plus this, no box reaches down into the square. */
  tallest: number;
  ids: Int32Array;
  minLat: Float32Array;
  maxLat: Float32Array;
  minLng: Float32Array;
  maxLng: Float32Array;
}

function bandOf(rows: readonly PointRow[]): Band {
  // Sorted by the box's upper latitude: the first box to reach a band is a binary search away.
  const sorted = [...rows].sort((a, b) => a.maxLat - b.maxLat || a.id - b.id);
  const band: Band = {
    points: sorted.map((r) => ({ id: r.id, group: r.group, lat: r.lat, lng: r.lng })),
    tallest: sorted.reduce((m, r) => Math.max(m, r.maxLat - r.minLat), 0),
    ids: new Int32Array(sorted.length),
    minLat: new Float32Array(sorted.length),
    maxLat: new Float32Array(sorted.length),
    minLng: new Float32Array(sorted.length),
    maxLng: new Float32Array(sorted.length),
  };
  sorted.forEach((r, i) => {
    band.ids[i] = r.id;
    band.minLat[i] = r.minLat;
    band.maxLat[i] = r.maxLat;
    band.minLng[i] = r.minLng;
    band.maxLng[i] = r.maxLng;
  });
  return band;
}

/** The first index whose upper latitude is at least `lat`. */
function firstReaching(maxLat: Float32Array, lat: number): number {
  let lo = 0;
  let hi = maxLat.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (maxLat[mid] < lat) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface PointIndex {
  /** The points (of one group, or all) whose box meets the square of `radius` degrees around (lat, lng), closest first, at most `limit`. */
  within(lat: number, lng: number, radius: number, group: string | null, limit: number): Point[];
}

export function pointIndex(rows: readonly PointRow[]): PointIndex {
  const all = bandOf(rows);
  const byGroup = new Map<string, PointRow[]>();
  for (const r of rows) (byGroup.get(r.group) ?? byGroup.set(r.group, []).get(r.group)!).push(r);
  const groups = new Map([...byGroup].map(([g, list]) => [g, bandOf(list)]));
  return {
    within(lat, lng, radius, group, limit) {
      const band = group === null ? all : groups.get(group);
      if (!band || limit <= 0) return [];
      const south = lat - radius;
      const north = lat + radius;
      const west = lng - radius;
      const east = lng + radius;
      const hits: { i: number; id: number; d2: number }[] = [];
      const stop = north + band.tallest;
      for (let i = firstReaching(band.maxLat, south); i < band.ids.length && band.maxLat[i] <= stop; i++) {
        if (band.minLat[i] > north) continue;
        if (band.maxLng[i] < west || band.minLng[i] > east) continue;
        const dLat = band.minLat[i] - lat;
        const dLng = band.minLng[i] - lng;
        hits.push({ i, id: band.ids[i], d2: dLat * dLat + dLng * dLng });
      }
      hits.sort((a, b) => a.d2 - b.d2 || a.id - b.id);
      return hits.slice(0, limit).map((h) => band.points[h.i]);
    },
  };
}
