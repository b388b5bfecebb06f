import { bankGroupOf } from '../banks';
import type { CoverageRow, Registry } from '../registry/registry';
import type { Claim } from './claim';

/**
 * What the registry's sources hold of the claimed bank (or, with no bank named, of every
 * bank) in the area of the address. Only complete coverage (a bank's own list of all its
 * outlets there) turns "no outlet here" into "not registered"; a partial export (the licence
 * registry holds about 45% of licences) says how many it holds, and never "not registered".
 */
export type Coverage =
  | { kind: 'complete' }
  | { kind: 'partial'; held: number; cityKey: string | null }
  | { kind: 'none' };

function inArea(row: CoverageRow, province: string | null, cityKey: string | null, districtCode: string | null): boolean {
  const rc = row.regionCode;
  if (rc === '') return true;
  if (rc.length === 2) return province === rc;
  if (rc.length === 4) return cityKey === rc;
  return districtCode === rc || cityKey === rc;
}

/**
 * Every row that can be in the area (inArea still decides): those of the whole country, the
 * province, the city and the district, read by region code rather than by a pass over all
 * rows (the licence registry has 8,142, and a text with no bank named would read them all).
 */
function areaRows(registry: Registry, province: string | null, cityKey: string | null, districtCode: string | null): CoverageRow[] {
  const codes = [...new Set(['', province, cityKey, districtCode].filter((x): x is string => x !== null))];
  return codes.flatMap((code) => registry.coverageIn(code));
}

export function coverageOf(registry: Registry, c: Claim, cityKey: string | null, districtCode: string | null): Coverage {
  const province = c.provinceCode ?? (cityKey ? cityKey.slice(0, 2) : null);
  const bankOk = (row: CoverageRow) =>
    row.bank === '*' || (c.bank !== null && (row.bank === c.bank || (c.bankIsGeneric && !!c.bankGroup && bankGroupOf(row.bank) === c.bankGroup)));
  const rows = areaRows(registry, province, cityKey, districtCode).filter((row) => bankOk(row) && inArea(row, province, cityKey, districtCode));
  if (rows.some((r) => r.complete)) return { kind: 'complete' };
  if (!rows.length) return { kind: 'none' };
  // How many licences in use the registry holds there: of the named bank in its city, or of
  // every bank in the city when none is named.
  const held = cityKey
    ? registry.coverageIn(cityKey).filter((r) => !r.complete && r.bank !== '*' && (c.bank === null || bankOk(r))).reduce((n, r) => n + r.outlets, 0)
    : 0;
  return { kind: 'partial', held, cityKey };
}

