import { describe, expect, test } from 'vitest';
import { ensureBuiltIn } from '../../lib/registry/locator';
import { openRegistry } from '../../lib/registry/registry';

// Registry.onRoad reads a road's addresses in one city from the index (road, city, cross road).
// What it must give is what it gave when the city was checked row by row: the road's current
// addresses of outlets in use, in that city, the first 50 in the order of the cross road (none
// first), then of the address.
describe('Registry.onRoad on the licence registry', () => {
  test('the busiest roads and a sample of others, in their cities and in none', async () => {
    const registry = openRegistry(await ensureBuiltIn('licences'));
    type R = { id: number; road: string; city: string | null; cross: string | null };
    const rows = registry.db
      .prepare("SELECT a.id, a.road, a.city_code AS city, a.cross_road AS cross FROM addresses a JOIN outlets o ON o.id = a.outlet_id WHERE a.road IS NOT NULL AND a.current = 1 AND o.state = 'in_use'")
      .all() as R[];
    const byRoad = new Map<string, R[]>();
    for (const r of rows) byRoad.set(r.road, [...(byRoad.get(r.road) ?? []), r]);
    const roads = [...byRoad.keys()].sort((a, b) => byRoad.get(b)!.length - byRoad.get(a)!.length);
    const sample = [...roads.slice(0, 25), ...roads.filter((_, i) => i % 997 === 0)];
    const order = (a: R, b: R) => (a.cross === b.cross ? a.id - b.id : a.cross === null ? -1 : b.cross === null ? 1 : a.cross < b.cross ? -1 : 1);
    let compared = 0;
    for (const road of sample) {
      const all = byRoad.get(road)!;
      const cities = [null, ...new Set(all.map((r) => r.city).filter((c): c is string => c !== null))].slice(0, 6);
      for (const city of cities) {
        const want = all.filter((r) => city === null || r.city === city).sort(order).slice(0, 50).map((r) => r.id);
        expect(registry.onRoad(road, city).map((o) => o.at.addressId), `${road} in ${city}`).toEqual(want);
        compared += want.length;
      }
    }
    expect(byRoad.get('人民路')!.length).toBeGreaterThan(50);
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});

// Registry.byBuildingContaining: the buildings whose key contains the text, in the city (or with
// no city), at most 200. The city is applied before the cap: the country's first 200 matches of
// a common name must not crowd out the city's own.
describe('Registry.byBuildingContaining on the licence registry', () => {
  test('common names: every match in the city, as a scan of the keys finds them', async () => {
    const registry = openRegistry(await ensureBuiltIn('licences'));
    const common = registry.db
      .prepare('SELECT building_key AS k, count(*) AS n FROM addresses WHERE length(building_key) >= 3 GROUP BY building_key ORDER BY n DESC LIMIT 40')
      .all() as { k: string; n: number }[];
    const scan = registry.db.prepare("SELECT a.id FROM addresses a WHERE instr(a.building_key, ?) > 0 AND (a.city_code = ? OR a.city_code IS NULL) ORDER BY a.id LIMIT 200").pluck();
    const citiesOf = registry.db.prepare("SELECT DISTINCT city_code FROM addresses WHERE instr(building_key, ?) > 0 AND city_code IS NOT NULL LIMIT 8").pluck();
    const words = ['商住楼', '商贸城', '综合楼', ...common.map((c) => c.k)];
    let overCap = 0;
    for (const word of words) {
      const all = registry.db.prepare('SELECT count(*) FROM addresses WHERE instr(building_key, ?) > 0').pluck().get(word) as number;
      if (all > 200) overCap++;
      for (const city of citiesOf.all(word) as string[]) {
        expect(registry.byBuildingContaining(word, city).map((o) => o.at.addressId), `${word} in ${city}`).toEqual(scan.all(word, city));
      }
    }
    expect(overCap).toBeGreaterThan(0); // (some word is in more than 200 buildings of the country)
  }, 120_000);
});
