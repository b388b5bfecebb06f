import fs from 'node:fs';
import gcoord from 'gcoord';
import { parse as parseCsv } from 'csv-parse/sync';

/**
 * Division centroids, to place a record that has no coordinates (the licence export has none)
 * at the most precise division its address names: its town or street, else its district,
 * else its city. Read from the Vonng/adcode CSV (GCJ-02) where an operator names it; the
 * positions come out in WGS-84 like every other position in the registry.
 */

export interface Centroids {
  /** By 6-digit district code, or 4-digit city code. */
  ofDivision(code: string): [lat: number, lng: number] | null;
  /** A town or street (镇, 乡, 街道) of a district, by the name written. */
  ofTown(districtCode: string, town: string): [lat: number, lng: number] | null;
}

const TOWN_TAIL = /(?:街道办事处|办事处|街道|镇|乡|苏木|地区)$/;
const townStem = (name: string) => name.replace(TOWN_TAIL, '');

export function loadCentroids(file: string): Centroids {
  const rows = parseCsv(fs.readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  const divisions = new Map<string, [number, number]>();
  const towns = new Map<string, Map<string, [number, number]>>();
  for (const r of rows) {
    const lng = Number.parseFloat(r.longitude);
    const lat = Number.parseFloat(r.latitude);
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || lng === 0 || lat === 0) continue;
    const [wLng, wLat] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
    const point: [number, number] = [Math.round(wLat * 1e6) / 1e6, Math.round(wLng * 1e6) / 1e6];
    const code = String(r.code ?? '');
    if (r.level === 'county') divisions.set(code.slice(0, 6), point);
    else if (r.level === 'city') divisions.set(code.slice(0, 4), point);
    else if (r.level === 'province') divisions.set(code.slice(0, 2), point);
    else if (r.level === 'town') {
      const d = code.slice(0, 6);
      let m = towns.get(d);
      if (!m) towns.set(d, (m = new Map()));
      m.set(townStem(r.name), point);
    }
  }
  return {
    ofDivision: (code) => divisions.get(code) ?? null,
    ofTown: (districtCode, town) => {
      const stem = townStem(town);
      return stem.length >= 2 ? towns.get(districtCode)?.get(stem) ?? null : null;
    },
  };
}
