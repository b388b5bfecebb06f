import { branchKey, buildingKey, roadKey, roadNumbers } from './keys';
import type { ParseResult } from '../parse';

/**
 * Sources combined: a bank's own list and the licence registry often hold the same outlet.
 * It is one outlet, the licence record kept (it is the official one), with the list's row as a
 * second provenance and the list's coordinates. The same outlet is the same institution at the
 * same address key (road and number, or building), or the same branch name in the same city.
 */

export interface Combinable {
  sourceIndex: number;
  bank: string;
  isLicence: boolean;
  name: string;
  parsed: ParseResult;
  cityCode: string | null;
  lat: number | null;
  lng: number | null;
  precision: 'outlet' | 'town' | 'district' | 'city' | null;
  positionKnown: boolean;
  /** Other sources' rows that are this outlet. */
  alsoFrom: { sourceIndex: number; row: number }[];
  row: { row: number };
}

function addressKeys(p: ParseResult, city: string | null): string[] {
  const out: string[] = [];
  const road = roadKey(p.road);
  for (const n of road ? roadNumbers(p.roadNo) : []) out.push(`${city}|${road}|${n}`);
  const b = buildingKey(p.building);
  if (b && b.length >= 4) out.push(`${city}|b|${b}`);
  return out;
}

/** Merge list rows into the licence records of the same outlet; returns the rows to keep. */
export function combineSources<T extends Combinable>(pending: T[], onMerged: (merged: T) => void): T[] {
  const licences = pending.filter((o) => o.isLicence);
  if (!licences.length || licences.length === pending.length) return pending;
  const byAddress = new Map<string, T>();
  const byBranch = new Map<string, T>();
  for (const o of licences) {
    for (const k of addressKeys(o.parsed, o.cityCode)) if (!byAddress.has(`${o.bank}|${k}`)) byAddress.set(`${o.bank}|${k}`, o);
    const b = branchKey(o.name);
    if (b && o.cityCode) byBranch.set(`${o.bank}|${o.cityCode}|${b}`, o);
  }
  const kept: T[] = [];
  for (const o of pending) {
    if (o.isLicence) {
      kept.push(o);
      continue;
    }
    const b = branchKey(o.name);
    const twin =
      addressKeys(o.parsed, o.cityCode).map((k) => byAddress.get(`${o.bank}|${k}`)).find(Boolean) ??
      (b && o.cityCode ? byBranch.get(`${o.bank}|${o.cityCode}|${b}`) : undefined);
    if (!twin) {
      kept.push(o);
      continue;
    }
    twin.alsoFrom.push({ sourceIndex: o.sourceIndex, row: o.row.row });
    // The list knows where the outlet stands; the licence export does not.
    if (o.lat !== null && o.lng !== null && twin.precision !== 'outlet') {
      twin.lat = o.lat;
      twin.lng = o.lng;
      twin.precision = o.precision;
      twin.positionKnown = o.positionKnown;
    }
    onMerged(o);
  }
  return kept;
}
