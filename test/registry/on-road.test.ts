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
