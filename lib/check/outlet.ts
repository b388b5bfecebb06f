import { divisionIndex } from '../parse/divisions';
import type { OutletAt } from '../registry/registry';
import type { MatchedOutlet } from './result';

/** A division's name from its code (440304 → 福田区), or null. */
export const divisionName = (code: string | null): string | null => (code ? divisionIndex().byCode.get(code)?.name ?? null : null);

/** A registered outlet as the answer shows it, with its district and city by name. */
export function toMatched(o: OutletAt, relation: MatchedOutlet['relation'], distanceKm?: number): MatchedOutlet {
  return {
    id: o.id,
    bank: o.bank,
    name: o.name,
    address: o.at.address,
    floors: o.at.floors,
    kind: o.kind,
    source: { file: o.source.file, row: o.source.row, asOf: o.source.asOf },
    relation,
    district: divisionName(o.at.districtCode ?? o.districtCode),
    city: divisionName(o.cityCode),
    lat: o.lat,
    lng: o.lng,
    approximate: o.approximate,
    precision: o.precision,
    licence: o.licence
      ? { code: o.licence.code ?? null, serial: o.licence.serial ?? null, issuedAt: o.licence.issuedAt ?? null, authority: o.licence.authority ?? null, exitedAt: o.licence.exitedAt ?? null }
      : null,
    alsoIn: o.alsoIn,
    ...(distanceKm !== undefined ? { distanceKm: Math.round(distanceKm * 10) / 10 } : {}),
  };
}
