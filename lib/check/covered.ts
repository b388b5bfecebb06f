import { bankGroupOf } from '../banks';
import type { Registry } from '../registry/registry';
import type { Claim } from './claim';

/**
 * Whether the registry's sources cover the claimed bank (or, with no bank named, every bank)
 * in the area of the address: only then does "no outlet here" mean "not registered".
 */
export function covers(registry: Registry, c: Claim, cityKey: string | null, districtCode: string | null): boolean {
  const bank = c.bank;
  const group = c.bank ? c.bankGroup : null;
  const province = c.provinceCode ?? (cityKey ? cityKey.slice(0, 2) : null);
  for (const row of registry.coverage()) {
    const bankOk = row.bank === '*' || (bank !== null && (row.bank === bank || (c.bankIsGeneric && !!group && bankGroupOf(row.bank) === group)));
    if (!bankOk) continue;
    const rc = row.regionCode;
    if (rc === '') return true;
    if (rc.length === 2 && province === rc) return true;
    if (rc.length === 4 && cityKey === rc) return true;
    if (rc.length === 6 && (districtCode === rc || cityKey === rc)) return true;
  }
  return false;
}
