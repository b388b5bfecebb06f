import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { OutletKind } from './kind';
import { SCHEMA_VERSION } from './schema';

/**
 * A built registry, opened read-only. Every query the check needs is a prepared statement made
 * once; the file is opened once per process (see openRegistry) and never written.
 */

export interface OutletAddress {
  addressId: number;
  current: boolean;
  address: string;
  road: string | null;
  roadNum: number | null;
  roadNums: number[];
  roadNo: string | null;
  crossRoad: string | null;
  building: string | null;
  buildingKey: string | null;
  buildingNo: string | null;
  floors: number[];
  floorLabels: string[];
  room: string | null;
  cityCode: string | null;
  districtCode: string | null;
}

export interface Outlet {
  id: number;
  bank: string;
  name: string;
  kind: OutletKind;
  phone: string | null;
  branchKey: string | null;
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  lat: number | null;
  lng: number | null;
  approximate: boolean;
  source: { id: number; file: string; row: number; asOf: string; format: string };
  licence: Record<string, string | null> | null;
}

export interface OutletAt extends Outlet {
  at: OutletAddress;
}

export interface SourceInfo {
  id: number;
  file: string;
  bank: string;
  bankLabel: string;
  region: string;
  regionCode: string;
  note: string | null;
  format: string;
  crs: string;
  approximate: boolean;
  asOf: string;
  report: unknown;
}

export interface RegistryInfo {
  path: string;
  version: string;
  asOf: string;
  builtAt: string;
  title: string;
  demo: boolean;
  outlets: number;
  sources: SourceInfo[];
}

interface Row {
  [k: string]: unknown;
}

const OUTLET_COLUMNS = `o.id, o.bank, o.name, o.kind, o.phone, o.branch_key, o.province_code, o.city_code, o.district_code,
  o.lat, o.lng, o.approximate, o.source_id, o.source_row, o.licence`;
const ADDRESS_COLUMNS = `a.id AS a_id, a.current AS a_current, a.address AS a_address, a.road AS a_road, a.road_num AS a_road_num,
  a.road_nums AS a_road_nums, a.road_no AS a_road_no, a.cross_road AS a_cross_road, a.building AS a_building,
  a.building_key AS a_building_key, a.building_no AS a_building_no, a.floors AS a_floors, a.floor_labels AS a_floor_labels,
  a.room AS a_room, a.city_code AS a_city_code, a.district_code AS a_district_code`;

export class Registry {
  readonly info: RegistryInfo;
  private readonly sources: Map<number, SourceInfo>;
  private readonly q;

  constructor(readonly db: Database.Database, file: string) {
    const meta = Object.fromEntries((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    const sources = (db.prepare('SELECT * FROM sources ORDER BY id').all() as Row[]).map(
      (r): SourceInfo => ({
        id: r.id as number,
        file: r.file as string,
        bank: r.bank as string,
        bankLabel: r.bank_label as string,
        region: r.region as string,
        regionCode: r.region_code as string,
        note: (r.note as string | null) ?? null,
        format: r.format as string,
        crs: r.crs as string,
        approximate: !!r.approximate,
        asOf: r.as_of as string,
        report: JSON.parse(r.report as string),
      }),
    );
    this.sources = new Map(sources.map((s) => [s.id, s]));
    this.info = {
      path: file,
      version: meta.version,
      asOf: meta.asOf,
      builtAt: meta.builtAt,
      title: meta.title ?? '',
      demo: meta.demo === '1',
      outlets: Number(meta.outlets),
      sources,
    };
    const join = `SELECT ${OUTLET_COLUMNS}, ${ADDRESS_COLUMNS} FROM addresses a JOIN outlets o ON o.id = a.outlet_id`;
    this.q = {
      byNumInCity: db.prepare(`SELECT ${OUTLET_COLUMNS}, ${ADDRESS_COLUMNS} FROM road_numbers n JOIN addresses a ON a.id = n.address_id JOIN outlets o ON o.id = a.outlet_id WHERE n.num = ? AND (n.city_code = ? OR n.city_code IS NULL)`),
      byNum: db.prepare(`SELECT ${OUTLET_COLUMNS}, ${ADDRESS_COLUMNS} FROM road_numbers n JOIN addresses a ON a.id = n.address_id JOIN outlets o ON o.id = a.outlet_id WHERE n.num = ?`),
      byBuildingKey: db.prepare(`${join} WHERE a.building_key = ? AND (? IS NULL OR a.city_code = ? OR a.city_code IS NULL)`),
      byBuildingFts: db.prepare(`${join} WHERE a.id IN (SELECT rowid FROM building_fts WHERE building_fts MATCH ? LIMIT 200) AND (? IS NULL OR a.city_code = ? OR a.city_code IS NULL)`),
      // (As a union of index lookups: an OR across the two columns read every address.)
      byCross: db.prepare(
        `${join} WHERE a.id IN (SELECT id FROM addresses WHERE road IN (?, ?) AND cross_road IS NOT NULL UNION SELECT id FROM addresses WHERE cross_road IN (?, ?))
         AND (? IS NULL OR a.city_code = ?) ORDER BY a.id`,
      ),
      byRoad: db.prepare(`${join} WHERE a.road = ? AND (? IS NULL OR a.city_code = ?) AND a.current = 1 LIMIT 50`),
      ofBankInCity: db.prepare(`${join} WHERE o.bank = ? AND o.city_code = ? AND a.current = 1`),
      staffedOfBankInCity: db.prepare(`${join} WHERE o.bank = ? AND o.city_code = ? AND a.current = 1 AND o.kind = 'staffed' LIMIT ?`),
      // Driven by the R*Tree: only the outlets inside the box are read.
      near: db.prepare(
        `SELECT ${OUTLET_COLUMNS}, ${ADDRESS_COLUMNS} FROM outlet_rtree r JOIN outlets o ON o.id = r.id JOIN addresses a ON a.outlet_id = o.id AND a.current = 1
         WHERE r.max_lat >= ? AND r.min_lat <= ? AND r.max_lng >= ? AND r.min_lng <= ? AND (? IS NULL OR r.bank = ?) LIMIT 200`,
      ),
      centroidOfDistrict: db.prepare('SELECT avg(lat) AS lat, avg(lng) AS lng, count(*) AS n FROM outlets WHERE district_code = ? AND lat IS NOT NULL'),
      centroidOfCity: db.prepare('SELECT avg(lat) AS lat, avg(lng) AS lng, count(*) AS n FROM outlets WHERE city_code = ? AND lat IS NOT NULL'),
      coverageOf: db.prepare('SELECT bank, region_code, region, source_id FROM coverage'),
      outlet: db.prepare(`${join} WHERE o.id = ? AND a.current = 1`),
    };
  }

  private toOutletAt = (r: Row): OutletAt => {
    const source = this.sources.get(r.source_id as number)!;
    return {
      id: r.id as number,
      bank: r.bank as string,
      name: r.name as string,
      kind: r.kind as OutletKind,
      phone: (r.phone as string | null) ?? null,
      branchKey: (r.branch_key as string | null) ?? null,
      provinceCode: (r.province_code as string | null) ?? null,
      cityCode: (r.city_code as string | null) ?? null,
      districtCode: (r.district_code as string | null) ?? null,
      lat: (r.lat as number | null) ?? null,
      lng: (r.lng as number | null) ?? null,
      approximate: !!r.approximate,
      source: { id: source.id, file: source.file, row: r.source_row as number, asOf: source.asOf, format: source.format },
      licence: r.licence ? JSON.parse(r.licence as string) : null,
      at: {
        addressId: r.a_id as number,
        current: !!r.a_current,
        address: r.a_address as string,
        road: (r.a_road as string | null) ?? null,
        roadNum: (r.a_road_num as number | null) ?? null,
        roadNums: r.a_road_nums ? JSON.parse(r.a_road_nums as string) : r.a_road_num !== null ? [r.a_road_num as number] : [],
        roadNo: (r.a_road_no as string | null) ?? null,
        crossRoad: (r.a_cross_road as string | null) ?? null,
        building: (r.a_building as string | null) ?? null,
        buildingKey: (r.a_building_key as string | null) ?? null,
        buildingNo: (r.a_building_no as string | null) ?? null,
        floors: JSON.parse(r.a_floors as string),
        floorLabels: JSON.parse(r.a_floor_labels as string),
        room: (r.a_room as string | null) ?? null,
        cityCode: (r.a_city_code as string | null) ?? null,
        districtCode: (r.a_district_code as string | null) ?? null,
      },
    };
  };

  /** Addresses with this house number (any of a list like 185、187号), in this city when known. */
  byRoadNumber(num: number, cityCode: string | null): OutletAt[] {
    const rows = (cityCode ? this.q.byNumInCity.all(num, cityCode) : this.q.byNum.all(num)) as Row[];
    return rows.map(this.toOutletAt);
  }

  /** Addresses in a building whose key is this one exactly. */
  byBuildingKey(key: string, cityCode: string | null): OutletAt[] {
    return (this.q.byBuildingKey.all(key, cityCode, cityCode) as Row[]).map(this.toOutletAt);
  }

  /** Addresses in a building whose key contains this one (three characters or more). */
  byBuildingContaining(key: string, cityCode: string | null): OutletAt[] {
    if (key.length < 3) return [];
    const phrase = `"${key.replace(/"/g, '""')}"`;
    return (this.q.byBuildingFts.all(phrase, cityCode, cityCode) as Row[]).map(this.toOutletAt);
  }

  /** Addresses at an intersection that either road names (the caller compares the roads). */
  byIntersection(road: string, cross: string, cityCode: string | null): OutletAt[] {
    return (this.q.byCross.all(road, cross, road, cross, cityCode, cityCode) as Row[]).map(this.toOutletAt);
  }

  onRoad(road: string, cityCode: string | null): OutletAt[] {
    return (this.q.byRoad.all(road, cityCode, cityCode) as Row[]).map(this.toOutletAt);
  }

  ofBankInCity(bank: string, cityCode: string): OutletAt[] {
    return (this.q.ofBankInCity.all(bank, cityCode) as Row[]).map(this.toOutletAt);
  }

  /** The first `limit` staffed outlets of a bank in a city, in the order ofBankInCity gives them (a big city holds a thousand). */
  staffedOfBankInCity(bank: string, cityCode: string, limit: number): OutletAt[] {
    return (this.q.staffedOfBankInCity.all(bank, cityCode, limit) as Row[]).map(this.toOutletAt);
  }

  /** Staffed outlets (of one bank, when given) within a box around a point (degrees). */
  near(lat: number, lng: number, radiusDeg: number, bank: string | null = null): OutletAt[] {
    return (this.q.near.all(lat - radiusDeg, lat + radiusDeg, lng - radiusDeg, lng + radiusDeg, bank, bank) as Row[]).map(this.toOutletAt);
  }

  private centroids = new Map<string, { lat: number; lng: number } | null>();

  /** The middle of the outlets in a district or city: where to centre a map with nothing better. */
  centroid(code: string, level: 'district' | 'city'): { lat: number; lng: number } | null {
    const key = `${level}:${code}`;
    if (!this.centroids.has(key)) {
      const r = (level === 'district' ? this.q.centroidOfDistrict : this.q.centroidOfCity).get(code) as { lat: number | null; lng: number | null; n: number };
      this.centroids.set(key, r.n > 0 && r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null);
    }
    return this.centroids.get(key)!;
  }

  outlet(id: number): OutletAt | null {
    const r = this.q.outlet.get(id) as Row | undefined;
    return r ? this.toOutletAt(r) : null;
  }

  private coverageRows: { bank: string; regionCode: string; region: string; sourceId: number }[] | undefined;

  coverage(): { bank: string; regionCode: string; region: string; sourceId: number }[] {
    this.coverageRows ??= (this.q.coverageOf.all() as Row[]).map((r) => ({
      bank: r.bank as string,
      regionCode: r.region_code as string,
      region: r.region as string,
      sourceId: r.source_id as number,
    }));
    return this.coverageRows;
  }

  /**
   * Worked examples made from this registry's own outlets: a registered outlet's address, an
   * office upstairs in the same building, and a message with no address.
   */
  examples(): { verdict: string; text: string }[] {
    const row = this.db
      .prepare(
        `SELECT o.bank, a.address FROM outlets o JOIN addresses a ON a.outlet_id = o.id AND a.current = 1
         WHERE o.kind = 'staffed' AND a.road_num IS NOT NULL AND a.floors = '[]' AND a.room IS NULL AND a.building_key IS NOT NULL AND o.city_code IS NOT NULL
         ORDER BY o.id LIMIT 1`,
      )
      .get() as { bank: string; address: string } | undefined;
    const out = [];
    if (row) {
      out.push({ verdict: 'registered_branch', text: `${row.bank} ${row.address}` });
      out.push({ verdict: 'office_floor', text: `我是${row.bank}的信贷经理，请到${row.address}18楼1803室签合同` });
    }
    out.push({ verdict: 'insufficient', text: '您好，您的贷款额度已审批通过，请尽快联系王经理办理' });
    return out;
  }

  /** Cities with registered outlets, by bank: where the registry has anything to say. */
  coverageMap(): { cityCode: string; lat: number; lng: number; outlets: number; banks: string[] }[] {
    const rows = this.db
      .prepare("SELECT city_code, avg(lat) AS lat, avg(lng) AS lng, count(*) AS n, group_concat(DISTINCT bank) AS banks FROM outlets WHERE city_code IS NOT NULL AND lat IS NOT NULL AND kind = 'staffed' GROUP BY city_code")
      .all() as { city_code: string; lat: number; lng: number; n: number; banks: string }[];
    return rows.map((r) => ({ cityCode: r.city_code, lat: r.lat, lng: r.lng, outlets: r.n, banks: r.banks.split(',') }));
  }

  source(id: number): SourceInfo | undefined {
    return this.sources.get(id);
  }
}

/** The schema a registry file was built with (0 when it is no registry of ours). */
export function schemaOf(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return Number((db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value ?? 0);
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

const open = new Map<string, { registry: Registry; mtimeMs: number; ino: number }>();

/**
 * The registry at this path, opened read-only once per process. When the file is replaced (a
 * new registry renamed over the old one), the next call opens the new file: swapping a
 * registry needs no restart.
 */
export function openRegistry(file: string): Registry {
  const st = fs.statSync(file);
  const cached = open.get(file);
  if (cached && cached.mtimeMs === st.mtimeMs && cached.ino === st.ino) return cached.registry;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('query_only = ON');
  const schema = Number((db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value ?? 0);
  if (schema !== SCHEMA_VERSION) {
    db.close();
    throw new Error(`${file} was built by another version of registry:build (schema ${schema}, this one reads ${SCHEMA_VERSION}): build it again`);
  }
  const registry = new Registry(db, file);
  open.set(file, { registry, mtimeMs: st.mtimeMs, ino: st.ino });
  // The old connection keeps the old file's data until nobody uses it; close it a bit later.
  if (cached) setTimeout(() => cached.registry.db.close(), 5000).unref?.();
  return registry;
}
