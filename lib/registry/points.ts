/**
 * The outlets' map points in memory, for "the closest outlets of this bank". SQLite's R*Tree
 * cannot filter by bank inside the tree: a bank with one outlet per county (中国农业发展银行)
 * read every outlet of a city's box, five boxes over, 20 ms for one check. Here each bank's
 * points (and all of them together) are sorted by latitude: a box is a binary search to its
 * band, then a scan of the band alone.
 *
 * The points are the R*Tree's own (float32 corners, as SQLite stores them), and the order is
 * the one the R*Tree query gave: squared distance in degrees from the box's lower corner, then
 * id. The build stores them packed (pack/unpack), so that a process reads 100,000 points in a
 * few milliseconds instead of scanning the tree for half a second.
 */

/** One point as read: id, the R*Tree's box (min/max latitude, min/max longitude), its group (the bank), and the outlet's own coordinates. */
export type PointRow = [id: number, minLat: number, maxLat: number, minLng: number, maxLng: number, group: string, lat: number, lng: number];

/** A point found: its id, group (the bank) and coordinates (double precision, for the distance shown). */
export interface Point {
  id: number;
  group: string;
  lat: number;
  lng: number;
}

/** The points column by column, by upper latitude then id. */
export interface PointColumns {
  ids: Int32Array;
  /** minLat, maxLat, minLng, maxLng of each point. */
  box: Float64Array;
  /** lat, lng of each point. */
  at: Float64Array;
  /** Each point's group, as an index into groups. */
  group: Int32Array;
  groups: string[];
}

const byUpperLatitude = (a: PointRow, b: PointRow) => a[2] - b[2] || a[0] - b[0];

export function columnsOf(input: readonly PointRow[]): PointColumns {
  const rows = [...input].sort(byUpperLatitude);
  const groups = [...new Set(rows.map((r) => r[5]))];
  const index = new Map(groups.map((g, i) => [g, i]));
  const c: PointColumns = { ids: new Int32Array(rows.length), box: new Float64Array(rows.length * 4), at: new Float64Array(rows.length * 2), group: new Int32Array(rows.length), groups };
  rows.forEach((r, i) => {
    c.ids[i] = r[0];
    c.box.set([r[1], r[2], r[3], r[4]], i * 4);
    c.at.set([r[6], r[7]], i * 2);
    c.group[i] = index.get(r[5])!;
  });
  return c;
}

/** The columns as named blobs, to store; unpack reads them back. */
export function pack(c: PointColumns): [name: string, data: Buffer][] {
  const bytes = (a: Int32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return [['ids', bytes(c.ids)], ['box', bytes(c.box)], ['at', bytes(c.at)], ['group', bytes(c.group)], ['groups', Buffer.from(JSON.stringify(c.groups))]];
}

export function unpack(parts: ReadonlyMap<string, Buffer>): PointColumns {
  const part = (name: string) => {
    const b = parts.get(name);
    if (!b) throw new Error(`the registry's points lack ${name}`);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); // (a copy, aligned)
  };
  const c: PointColumns = { ids: new Int32Array(part('ids')), box: new Float64Array(part('box')), at: new Float64Array(part('at')), group: new Int32Array(part('group')), groups: JSON.parse(parts.get('groups')?.toString('utf8') ?? '[]') };
  const n = c.ids.length;
  if (c.box.length !== n * 4 || c.at.length !== n * 2 || c.group.length !== n) throw new Error("the registry's points do not agree in length");
  return c;
}

interface Band {
  /** Positions in the columns, by upper latitude then id. */
  at: Int32Array;
  /** Their upper latitudes, in the same order (what the binary search reads). */
  maxLat: Float64Array;
  /** The tallest box's height: past north plus this, no box reaches down into the square. */
  tallest: number;
}

function bandOf(c: PointColumns, at: Int32Array): Band {
  let tallest = 0;
  const maxLat = new Float64Array(at.length);
  at.forEach((i, k) => {
    maxLat[k] = c.box[i * 4 + 1];
    tallest = Math.max(tallest, c.box[i * 4 + 1] - c.box[i * 4]);
  });
  return { at, maxLat, tallest };
}

/** The first position whose upper latitude is at least `lat`. */
function firstReaching(maxLat: Float64Array, lat: number): number {
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

export function pointIndex(c: PointColumns): PointIndex {
  const members: number[][] = c.groups.map(() => []);
  c.group.forEach((g, i) => members[g].push(i));
  const all = bandOf(c, Int32Array.from(c.ids.keys()));
  const groups = new Map(c.groups.map((g, k) => [g, bandOf(c, Int32Array.from(members[k]))]));
  return {
    within(lat, lng, radius, group, limit) {
      const band = group === null ? all : groups.get(group);
      if (!band || limit <= 0) return [];
      const [south, north, west, east] = [lat - radius, lat + radius, lng - radius, lng + radius];
      const stop = north + band.tallest;
      const hits: { i: number; d2: number }[] = [];
      for (let k = firstReaching(band.maxLat, south); k < band.at.length && band.maxLat[k] <= stop; k++) {
        const i = band.at[k];
        const minLat = c.box[i * 4];
        const minLng = c.box[i * 4 + 2];
        const maxLng = c.box[i * 4 + 3];
        if (minLat > north || maxLng < west || minLng > east) continue;
        hits.push({ i, d2: (minLat - lat) * (minLat - lat) + (minLng - lng) * (minLng - lng) });
      }
      hits.sort((a, b) => a.d2 - b.d2 || c.ids[a.i] - c.ids[b.i]);
      return hits.slice(0, limit).map(({ i }) => ({ id: c.ids[i], group: c.groups[c.group[i]], lat: c.at[i * 2], lng: c.at[i * 2 + 1] }));
    },
  };
}
