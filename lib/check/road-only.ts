import { bankGroupOf } from '../banks';
import type { OutletAt, Registry } from '../registry/registry';
import type { Claim } from './claim';

/**
 * A road with no number and no building is no address ("交通银行 合肥市庐阳区长江中路 请到三楼"):
 * the answer is `insufficient`, and it lists the claimed bank's staffed outlets along that road
 * so that the person can ask which one is meant. Only where the city is known, or the road is
 * rare enough that few outlets stand on it anywhere.
 */
export const MAX_ALONG_ROAD = 5;

export function outletsAlongRoad(registry: Registry, c: Claim): OutletAt[] {
  // Called only when the claim is not checkable: any "building" read is no building.
  if (!c.road || c.roadNums.length || c.cross || !c.bank) return [];
  const mine = (o: OutletAt) =>
    o.kind === 'staffed' && o.at.current && (c.bankIsGeneric ? !!c.bankGroup && bankGroupOf(o.bank) === c.bankGroup : o.bank === c.bank);
  const seen = new Set<number>();
  const list = registry.onRoad(c.road, c.cityKey).filter((o) => mine(o) && !seen.has(o.id) && !!seen.add(o.id));
  if (!c.cityKey && list.length > MAX_ALONG_ROAD) return [];
  return list.slice(0, MAX_ALONG_ROAD);
}
