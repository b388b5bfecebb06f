import type { Registry } from '../registry/registry';
import type { Candidates, Fitted } from './candidates';
import type { Precision } from './result';

/**
 * Step 5 of the check, locate: where the address is, for the map and for the nearest
 * outlets. The outlet that decided the verdict, else the outlets along the same road, else
 * the middle of the district or city; nowhere when the text gives no address.
 */

export interface Location {
  point: { lat: number; lng: number } | null;
  precision: Precision;
}

const NOWHERE: Location = { point: null, precision: null };

function alongRoad(found: Candidates): { lat: number; lng: number } | null {
  const pos = found.onRoad.flatMap(({ o }) => (o.lat !== null && o.lng !== null ? [{ lat: o.lat, lng: o.lng }] : []));
  if (!pos.length) return null;
  return { lat: pos.reduce((s, p) => s + p.lat, 0) / pos.length, lng: pos.reduce((s, p) => s + p.lng, 0) / pos.length };
}

export function locate(registry: Registry, found: Candidates, decidedBy: Fitted | undefined): Location {
  if (!found.checkable) return NOWHERE;
  const o = decidedBy?.o;
  if (o && o.lat !== null && o.lng !== null) return { point: { lat: o.lat, lng: o.lng }, precision: 'outlet' };
  const road = alongRoad(found);
  if (road) return { point: road, precision: 'road' };
  const district = found.districtCode ? registry.centroid(found.districtCode, 'district') : null;
  if (district) return { point: district, precision: 'district' };
  const city = found.cityKey ? registry.centroid(found.cityKey, 'city') : null;
  if (city) return { point: city, precision: 'city' };
  return NOWHERE;
}
