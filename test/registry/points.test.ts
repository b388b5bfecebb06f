import { describe, expect, test } from 'vitest';
import { ensureBuiltIn } from '../../lib/registry/locator';
import { columnsOf, pack, pointIndex, unpack, type PointRow } from '../../lib/registry/points';
import { openRegistry } from '../../lib/registry/registry';

const pt = (id: number, lat: number, lng: number, group = 'A'): PointRow => [id, Math.fround(lat), Math.fround(lat), Math.fround(lng), Math.fround(lng), group, lat, lng];

describe('pointIndex', () => {
  const index = pointIndex(columnsOf([pt(1, 30, 120), pt(2, 30.001, 120.001), pt(3, 30.01, 120), pt(4, 30.002, 120, 'B'), pt(5, 29.9, 120), pt(6, 30, 120.3), pt(7, 30, 120)]));
  test.each([
    { what: 'closest first, ties by id', at: [30, 120, 0.005, null, 10], ids: [1, 7, 2, 4] },
    { what: 'one group only', at: [30, 120, 0.005, 'B', 10], ids: [4] },
    { what: 'at most limit', at: [30, 120, 0.005, 'A', 2], ids: [1, 7] },
    { what: 'the box edge counts (north)', at: [30, 120, 0.0101, 'A', 10], ids: [1, 7, 2, 3] },
    { what: 'a bigger box reaches south and east', at: [30, 120, 0.4, 'A', 10], ids: [1, 7, 2, 3, 5, 6] },
    { what: 'an unknown group has none', at: [30, 120, 1, 'C', 10], ids: [] },
    { what: 'nothing in an empty box', at: [10, 10, 0.1, null, 10], ids: [] },
  ] as { what: string; at: [number, number, number, string | null, number]; ids: number[] }[])('$what', ({ at, ids }) => {
    expect(index.within(...at).map((p) => p.id)).toEqual(ids);
  });
  test('packed and read back, the same points with their groups and coordinates', () => {
    const c = columnsOf([pt(3, 30.01, 120, 'B'), pt(1, 30, 120.5, '中国农业发展银行')]);
    const back = pointIndex(unpack(new Map(pack(c))));
    expect(back.within(30, 120, 1, null, 10)).toEqual([
      { id: 3, group: 'B', lat: 30.01, lng: 120 },
      { id: 1, group: '中国农业发展银行', lat: 30, lng: 120.5 },
    ]);
    expect(() => unpack(new Map(pack(c).filter(([n]) => n !== 'box')))).toThrow(/box/);
  });
  test('a box that is not a point is found from above and below', () => {
    const tall = pointIndex(columnsOf([[9, 29, 31, 119, 121, 'A', 30, 120], pt(10, 32, 120)]));
    expect(tall.within(30, 120, 0.01, null, 10).map((p) => p.id)).toEqual([9]);
    expect(tall.within(28.995, 120, 0.01, null, 10).map((p) => p.id)).toEqual([9]);
  });
});

// The SQL it replaces: the R*Tree's box, closest first by the same measure, then id.
const OLD = `SELECT r.id FROM (
  SELECT id, (min_lat - ?) * (min_lat - ?) + (min_lng - ?) * (min_lng - ?) AS d2 FROM outlet_rtree
  WHERE max_lat >= ? AND min_lat <= ? AND max_lng >= ? AND min_lng <= ? AND (? IS NULL OR bank = ?) ORDER BY d2, id LIMIT ?) r`;

describe('Registry.pointsNear on the licence registry gives what the R*Tree query gave', () => {
  test('400 boxes around outlets, of one bank and of all, at every radius the check uses', async () => {
    const registry = openRegistry(await ensureBuiltIn('licences'));
    const old = registry.db.prepare(OLD).pluck();
    const sample = registry.db.prepare('SELECT min_lat AS lat, min_lng AS lng, bank FROM outlet_rtree WHERE id % 251 = 0 LIMIT 80').all() as { lat: number; lng: number; bank: string }[];
    expect(sample.length).toBe(80);
    let compared = 0;
    for (const [i, s] of sample.entries()) {
      // Beside the outlet, not on it, so that distances are not all zero.
      const lat = s.lat + 0.003;
      const lng = s.lng - 0.002;
      for (const radius of [0.005, 0.015, 0.045, 0.135, 0.4]) {
        const bank = i % 4 === 0 ? null : s.bank;
        const limit = bank === null ? 200 : 12;
        const want = old.all(lat, lat, lng, lng, lat - radius, lat + radius, lng - radius, lng + radius, bank, bank, limit) as number[];
        const got = registry.pointsNear(lat, lng, radius, bank, limit).map((p) => p.id);
        expect(got, `${lat},${lng} r=${radius} ${bank}`).toEqual(want);
        compared += want.length;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  }, 120_000);
});
