import { bankGroupOf } from '../banks';
import type { Registry } from '../registry/registry';
import { outletsAlongRoad } from './road-only';
import type { Claim } from './claim';
import type { Location } from './locate';
import { toMatched } from './outlet';
import type { MatchedOutlet } from './result';
import type { Verdict } from './verdicts';

/**
 * Step 6 of the check, nearest: the named bank's staffed outlets closest to the address,
 * to go to instead; none when the address is one, or when there is no address.
 */

const NOT_WANTED: readonly Verdict[] = ['registered_branch', 'insufficient'];

/** Distance in km, flat-earth: exact enough within a city. */
function km(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const r = Math.PI / 180;
  const x = (bLng - aLng) * r * Math.cos(((aLat + bLat) / 2) * r);
  const y = (bLat - aLat) * r;
  return Math.sqrt(x * x + y * y) * 6371;
}

export function nearest(registry: Registry, c: Claim, verdict: Verdict, where: Location, cityKey: string | null, shown: readonly MatchedOutlet[]): MatchedOutlet[] {
  // A road with no number: the claimed bank's outlets along it, to ask which one (road-only.ts).
  if (verdict === 'insufficient') return outletsAlongRoad(registry, c).map((o) => toMatched(o, 'road'));
  if (!c.bank || NOT_WANTED.includes(verdict)) return [];
  const bank = c.bank;
  const ids = new Set(shown.map((m) => m.id));
  // (Both sources hold staffed outlets in use only: the bank and those already shown are left to rule out.)
  const wanted = (id: number, of: string) => !ids.has(id) && (c.bankIsGeneric ? bankGroupOf(of) === c.bankGroup : of === bank);
  const point = where.point;
  if (point) {
    // Grow the box from about 500 m until three outlets are in it.
    for (const radius of [0.005, 0.015, 0.045, 0.135, 0.4]) {
      // Of one bank, the closest few are enough (a few may be shown already); of a kind of bank, read more.
      const list = registry.pointsNear(point.lat, point.lng, radius, c.bankIsGeneric ? null : bank, c.bankIsGeneric ? 200 : ids.size + 12).filter((p) => wanted(p.id, p.group));
      if (list.length >= 3 || radius === 0.4) {
        return list
          .map((p) => ({ p, d: km(point.lat, point.lng, p.lat, p.lng) }))
          .sort((a, b) => a.d - b.d)
          .slice(0, 3)
          .flatMap(({ p, d }) => {
            const o = registry.outlet(p.id);
            return o ? [toMatched(o, 'nearby', d)] : [];
          });
      }
    }
  }
  if (cityKey && !c.bankIsGeneric) return registry.staffedOfBankInCity(bank, cityKey, ids.size + 3).filter((o) => wanted(o.id, o.bank)).slice(0, 3).map((o) => toMatched(o, 'nearby'));
  return [];
}
