import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { OutletKind } from './kind';
import { pointIndex, type Point, type PointIndex, unpack } from './points';
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
  /** in_use, or exited: the licence was withdrawn (机构退出) and the outlet is closed. */
  state: 'in_use' | 'exited';
  phone: string | null;
  branchKey: string | null;
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  lat: number | null;
  lng: number | null;
  /** outlet: its own position; town, district, city: the centre of that division. */
  precision: 'outlet' | 'town' | 'district' | 'city' | null;
  approximate: boolean;
  source: { id: number; file: string; row: number; asOf: string; format: string };
  licence: LicenceInfo | null;
  /** Other sources' rows that are this same outlet (a bank's list beside the licence record). */
  alsoIn: { file: string; row: number }[];
}

/** What a licence record says of itself (金融许可证), for citing. */
export interface LicenceInfo {
  code?: string;
  serial?: string;
  issuedAt?: string;
  approvedAt?: string;
  authority?: string;
  shortName?: string;
  location?: string;
  exitedAt?: string;
  level?: string;
  institution?: string;
  previousSerial?: string;
  previousName?: string;
}

export interface CoverageRow {
  bank: string;
  regionCode: string;
  region: string;
  sourceId: number;
  /** Every outlet of the bank there (a bank's own list), or only some (a partial export). */
  complete: boolean;
  outlets: number;
}

export interface InstitutionInfo {
  name: string;
  legalName: string;
  codePrefix: string | null;
  group: string;
  aliases: string[];
  outlets: number;
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
  /** partial when any source holds only some of the outlets of its banks and regions. */
  coverage: 'complete' | 'partial';
  sources: SourceInfo[];
}

interface Row {
  [k: string]: unknown;
}

// The columns every outlet read selects, in this order. Rows are read as arrays (.raw()), not
// as objects keyed by column name: better-sqlite3 building a 34-key object per row cost about
// half of a one-row read (13.2 µs against 7.3 µs, measured on this machine).
const OUTLET_AT = [
  'o.id', 'o.bank', 'o.name', 'o.kind', 'o.state', 'o.phone', 'o.branch_key', 'o.province_code', 'o.city_code', 'o.district_code',
  'o.lat', 'o.lng', 'o.precision', 'o.approximate', 'o.source_id', 'o.source_row', 'o.merged_rows', 'o.licence',
  'a.id', 'a.current', 'a.address', 'a.road', 'a.road_num', 'a.road_nums', 'a.road_no', 'a.cross_road', 'a.building',
  'a.building_key', 'a.building_no', 'a.floors', 'a.floor_labels', 'a.room', 'a.city_code', 'a.district_code',
] as const;
const COL = Object.fromEntries(OUTLET_AT.map((c, i) => [c, i])) as { [K in (typeof OUTLET_AT)[number]]: number };
const OUTLET_AT_COLUMNS = OUTLET_AT.join(', ');
type RawRow = unknown[];

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
      coverage: meta.coverage === 'partial' ? 'partial' : 'complete',
      sources,
    };
    const join = `SELECT ${OUTLET_AT_COLUMNS} FROM addresses a JOIN outlets o ON o.id = a.outlet_id`;
    // (Every statement that reads outlets reads OUTLET_AT, as arrays: toOutletAt.)
    const rows = (sql: string) => db.prepare(sql).raw();
    this.q = {
      byNumInCity: rows(`SELECT ${OUTLET_AT_COLUMNS} FROM road_numbers n JOIN addresses a ON a.id = n.address_id JOIN outlets o ON o.id = a.outlet_id WHERE n.num = ? AND (n.city_code = ? OR n.city_code IS NULL)`),
      byNum: rows(`SELECT ${OUTLET_AT_COLUMNS} FROM road_numbers n JOIN addresses a ON a.id = n.address_id JOIN outlets o ON o.id = a.outlet_id WHERE n.num = ?`),
      // The same rows, only their address and road: a number is on many roads, and most rows are dropped.
      // (Two searches of the one index, which holds both columns: written with OR, SQLite also
      // read each row back from the table, a page apiece, and took 1.5 times as long, measured.)
      roadsOfNumInCity: db.prepare(
        `SELECT address_id AS id, road FROM road_numbers WHERE num = ? AND city_code = ? UNION ALL SELECT address_id, road FROM road_numbers WHERE num = ? AND city_code IS NULL`,
      ),
      roadsOfNum: db.prepare(`SELECT address_id AS id, road FROM road_numbers WHERE num = ?`),
      byAddress: rows(`${join} WHERE a.id = ?`),
      byBuildingKey: rows(`${join} WHERE a.building_key = ? AND (? IS NULL OR a.city_code = ? OR a.city_code IS NULL)`),
      // (The city is applied before the cap of 200, not after: 商住楼 is in 292 buildings, and the
      // first 200 of the country could leave out the one in the city asked about.)
      byBuildingFts: rows(`${join} WHERE a.id IN (SELECT rowid FROM building_fts WHERE building_fts MATCH ?) AND (? IS NULL OR a.city_code = ? OR a.city_code IS NULL) ORDER BY a.id LIMIT 200`),
      // Two indexed look-ups (by road, by cross road), not one scan of every intersection.
      byCross: rows(
        `${join} WHERE a.id IN (SELECT id FROM addresses WHERE road IN (?, ?) AND cross_road IS NOT NULL UNION SELECT id FROM addresses WHERE cross_road IN (?, ?))
         AND (? IS NULL OR a.city_code = ?) ORDER BY a.id`,
      ),
      // (The first 50 in the order of the cross road, then of the address, as before there was a city in the index.)
      byRoadInCity: rows(`${join} WHERE a.road = ? AND a.city_code = ? AND a.current = 1 AND o.state = 'in_use' ORDER BY a.cross_road, a.id LIMIT 50`),
      byRoad: rows(`${join} WHERE a.road = ? AND a.current = 1 AND o.state = 'in_use' ORDER BY a.cross_road, a.id LIMIT 50`),
      ofBankInCity: rows(`${join} WHERE o.bank = ? AND o.city_code = ? AND a.current = 1 AND o.state = 'in_use'`),
      staffedOfBankInCity: rows(`${join} WHERE o.bank = ? AND o.city_code = ? AND a.current = 1 AND o.kind = 'staffed' AND o.state = 'in_use' LIMIT ?`),
      // The map points, read once (points.ts): the R*Tree's own corners, and each outlet's bank.
      points: db.prepare('SELECT part, data FROM points').raw(),
      centroidOfDistrict: db.prepare('SELECT avg(lat) AS lat, avg(lng) AS lng, count(*) AS n FROM outlets WHERE district_code = ? AND lat IS NOT NULL'),
      centroidOfCity: db.prepare('SELECT avg(lat) AS lat, avg(lng) AS lng, count(*) AS n FROM outlets WHERE city_code = ? AND lat IS NOT NULL'),
      coverageOf: db.prepare('SELECT bank, region_code, region, source_id, complete, outlets FROM coverage'),
      outlet: rows(`${join} WHERE o.id = ? AND a.current = 1`),
      institutions: db.prepare('SELECT name, legal_name, code_prefix, grp, aliases, outlets FROM institutions'),
    };
  }

  private toOutletAt = (r: RawRow): OutletAt => {
    // licence JSON is read as written by the importer (lib/registry/build.ts).
    const source = this.sources.get(r[COL['o.source_id']] as number)!;
    const roadNums = r[COL['a.road_nums']] as string | null;
    const roadNum = r[COL['a.road_num']] as number | null;
    const licence = r[COL['o.licence']] as string | null;
    return {
      id: r[COL['o.id']] as number,
      bank: r[COL['o.bank']] as string,
      name: r[COL['o.name']] as string,
      kind: r[COL['o.kind']] as OutletKind,
      state: r[COL['o.state']] === 'exited' ? 'exited' : 'in_use',
      phone: (r[COL['o.phone']] as string | null) ?? null,
      branchKey: (r[COL['o.branch_key']] as string | null) ?? null,
      provinceCode: (r[COL['o.province_code']] as string | null) ?? null,
      cityCode: (r[COL['o.city_code']] as string | null) ?? null,
      districtCode: (r[COL['o.district_code']] as string | null) ?? null,
      lat: (r[COL['o.lat']] as number | null) ?? null,
      lng: (r[COL['o.lng']] as number | null) ?? null,
      precision: (r[COL['o.precision']] as Outlet['precision']) ?? null,
      approximate: !!r[COL['o.approximate']],
      source: { id: source.id, file: source.file, row: r[COL['o.source_row']] as number, asOf: source.asOf, format: source.format },
      licence: licence ? (JSON.parse(licence) as LicenceInfo) : null,
      alsoIn: alsoInOf(r[COL['o.merged_rows']] as string | null),
      at: {
        addressId: r[COL['a.id']] as number,
        current: !!r[COL['a.current']],
        address: r[COL['a.address']] as string,
        road: (r[COL['a.road']] as string | null) ?? null,
        roadNums: roadNums ? JSON.parse(roadNums) : roadNum !== null ? [roadNum] : [],
        roadNo: (r[COL['a.road_no']] as string | null) ?? null,
        crossRoad: (r[COL['a.cross_road']] as string | null) ?? null,
        building: (r[COL['a.building']] as string | null) ?? null,
        buildingKey: (r[COL['a.building_key']] as string | null) ?? null,
        buildingNo: (r[COL['a.building_no']] as string | null) ?? null,
        floors: JSON.parse(r[COL['a.floors']] as string),
        floorLabels: JSON.parse(r[COL['a.floor_labels']] as string),
        room: (r[COL['a.room']] as string | null) ?? null,
        cityCode: (r[COL['a.city_code']] as string | null) ?? null,
        districtCode: (r[COL['a.district_code']] as string | null) ?? null,
      },
    };
  };

  /** Addresses with this house number (any of a list like 185、187号), in this city when known. */
  byRoadNumber(num: number, cityCode: string | null, onRoad?: (road: string | null) => boolean): OutletAt[] {
    if (!onRoad) return ((cityCode ? this.q.byNumInCity.all(num, cityCode) : this.q.byNum.all(num)) as RawRow[]).map(this.toOutletAt);
    // A number is on many roads: the caller keeps its road's rows, and only those are read in full.
    const roads = (cityCode ? this.q.roadsOfNumInCity.all(num, cityCode, num) : this.q.roadsOfNum.all(num)) as { id: number; road: string | null }[];
    return roads.filter((r) => onRoad(r.road)).flatMap((r) => (this.q.byAddress.all(r.id) as RawRow[]).map(this.toOutletAt));
  }

  /** Addresses in a building whose key is this one exactly. */
  byBuildingKey(key: string, cityCode: string | null): OutletAt[] {
    return (this.q.byBuildingKey.all(key, cityCode, cityCode) as RawRow[]).map(this.toOutletAt);
  }

  /** Addresses in a building whose key contains this one (three characters or more). */
  byBuildingContaining(key: string, cityCode: string | null): OutletAt[] {
    if (key.length < 3) return [];
    const phrase = `"${key.replace(/"/g, '""')}"`;
    return (this.q.byBuildingFts.all(phrase, cityCode, cityCode) as RawRow[]).map(this.toOutletAt);
  }

  /** Addresses at an intersection that either road names (the caller compares the roads). */
  byIntersection(road: string, cross: string, cityCode: string | null): OutletAt[] {
    return (this.q.byCross.all(road, cross, road, cross, cityCode, cityCode) as RawRow[]).map(this.toOutletAt);
  }

  onRoad(road: string, cityCode: string | null): OutletAt[] {
    return ((cityCode ? this.q.byRoadInCity.all(road, cityCode) : this.q.byRoad.all(road)) as RawRow[]).map(this.toOutletAt);
  }

  ofBankInCity(bank: string, cityCode: string): OutletAt[] {
    return (this.q.ofBankInCity.all(bank, cityCode) as RawRow[]).map(this.toOutletAt);
  }

  /** The first `limit` staffed outlets of a bank in a city, in the order ofBankInCity gives them (a big city holds a thousand). */
  staffedOfBankInCity(bank: string, cityCode: string, limit: number): OutletAt[] {
    return (this.q.staffedOfBankInCity.all(bank, cityCode, limit) as RawRow[]).map(this.toOutletAt);
  }

  /**
   * The staffed outlets in use (of one bank, when given) within a box around a point (degrees),
   * closest first: ids, banks and coordinates only, from memory (points.ts); outlet(id) reads one.
   */
  pointsNear(lat: number, lng: number, radiusDeg: number, bank: string | null = null, limit = 200): Point[] {
    this.pointsIndex ??= pointIndex(unpack(new Map(this.q.points.all() as [string, Buffer][])));
    return this.pointsIndex.within(lat, lng, radiusDeg, bank, limit);
  }

  private pointsIndex: PointIndex | undefined;

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
    const r = this.q.outlet.get(id) as RawRow | undefined;
    return r ? this.toOutletAt(r) : null;
  }

  private coverageRows: CoverageRow[] | undefined;

  coverage(): CoverageRow[] {
    this.coverageRows ??= (this.q.coverageOf.all() as Row[]).map((r) => ({
      bank: r.bank as string,
      regionCode: r.region_code as string,
      region: r.region as string,
      sourceId: r.source_id as number,
      complete: !!r.complete,
      outlets: r.outlets as number,
    }));
    return this.coverageRows;
  }

  private coverageByRegion: Map<string, CoverageRow[]> | undefined;

  /** The coverage rows of one region (a province, city or district code; '' for the whole country). */
  coverageIn(regionCode: string): CoverageRow[] {
    this.coverageByRegion ??= groupBy(this.coverage(), (r) => r.regionCode);
    return this.coverageByRegion.get(regionCode) ?? [];
  }

  private institutionList: InstitutionInfo[] | undefined;
  private aliasIndex: { byAlias: Map<string, InstitutionInfo>; byHead: Map<string, { alias: string; institution: InstitutionInfo }[]>; head: number } | undefined;

  /** The institutions of the licence records beyond the bank dictionary. */
  institutions(): InstitutionInfo[] {
    this.institutionList ??= (this.q.institutions.all() as Row[]).map((r) => ({
      name: r.name as string,
      legalName: r.legal_name as string,
      codePrefix: (r.code_prefix as string | null) ?? null,
      group: r.grp as string,
      aliases: JSON.parse(r.aliases as string) as string[],
      outlets: r.outlets as number,
    }));
    return this.institutionList;
  }

  /** The institution a name or alias stands for (旺苍农商行 → 四川旺苍农村商业银行). */
  institution(nameOrAlias: string): InstitutionInfo | undefined {
    return this.institutionIndex().byAlias.get(nameOrAlias);
  }

  /**
   * The first institution of the registry named in a text, by its name or an alias, the
   * longest at each position: where a message names a bank the dictionary does not know.
   */
  findInstitution(text: string): { institution: InstitutionInfo; start: number; end: number } | null {
    const { byHead, head } = this.institutionIndex();
    // Leftmost first, and there the longest: the aliases that begin with the next `head` characters, longest first.
    for (let i = 0; i + head <= text.length; i++) {
      const alias = byHead.get(text.slice(i, i + head))?.find((a) => text.startsWith(a.alias, i));
      if (alias) return { institution: alias.institution, start: i, end: i + alias.alias.length };
    }
    return null;
  }

  private institutionIndex() {
    if (!this.aliasIndex) {
      const byAlias = new Map<string, InstitutionInfo>();
      for (const inst of this.institutions()) for (const a of [inst.name, ...inst.aliases]) byAlias.set(a, inst);
      const head = Math.max(1, Math.min(2, ...[...byAlias.keys()].map((k) => k.length)));
      const byHead = groupBy([...byAlias].map(([alias, institution]) => ({ alias, institution })), (a) => a.alias.slice(0, head));
      for (const list of byHead.values()) list.sort((a, b) => b.alias.length - a.alias.length);
      this.aliasIndex = { byAlias, byHead, head };
    }
    return this.aliasIndex;
  }

  /**
   * A staffed outlet whose current address has a road number and a building but no floor or
   * room: the home page's worked examples are made from it.
   */
  exampleOutlet(): { bank: string; address: string } | null {
    return this.exampleOutlets(1)[0] ?? null;
  }

  /**
   * Counters in use of the named banks (else of any), one per bank, whose licensed address
   * gives a road, a number and a building and no floor: addresses an example can be made of.
   */
  exampleOutlets(n: number, banks: string[] = []): { bank: string; address: string }[] {
    const q = this.db.prepare(
      `SELECT o.bank, a.address FROM outlets o JOIN addresses a ON a.outlet_id = o.id AND a.current = 1
       WHERE o.kind = 'staffed' AND o.state = 'in_use' AND (? IS NULL OR o.bank = ?) AND a.road_num IS NOT NULL AND a.floors = '[]' AND a.room IS NULL
         AND a.building_key IS NOT NULL AND o.city_code IS NOT NULL AND a.address NOT GLOB '*[、,，(（]*'
       ORDER BY o.id LIMIT 5`,
    );
    const out: { bank: string; address: string }[] = [];
    for (const bank of banks.length ? banks : [null]) {
      for (const row of q.all(bank, bank) as { bank: string; address: string }[]) {
        if (out.length >= n) return out;
        if (!out.some((x) => x.bank === row.bank && banks.length)) out.push(row);
      }
    }
    return out.slice(0, n);
  }

  /** Each city with staffed outlets placed on the map: the middle of them, and how many. */
  staffedCities(): { cityCode: string; lat: number; lng: number; outlets: number }[] {
    return this.db
      .prepare("SELECT city_code AS cityCode, avg(lat) AS lat, avg(lng) AS lng, count(*) AS outlets FROM outlets WHERE city_code IS NOT NULL AND lat IS NOT NULL AND kind = 'staffed' GROUP BY city_code")
      .all() as { cityCode: string; lat: number; lng: number; outlets: number }[];
  }
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** merged_rows holds { rows, alsoFrom }: the duplicates merged in, and other sources' rows of the same outlet. */
function alsoInOf(json: string | null): { file: string; row: number }[] {
  if (!json) return [];
  const v = JSON.parse(json) as { alsoFrom?: { file: string; row: number }[] } | number[];
  return Array.isArray(v) ? [] : v.alsoFrom ?? [];
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
  let schema: number;
  try {
    db.pragma('query_only = ON');
    // The read lock is taken once and kept, not taken and dropped around every statement: in
    // SQLite's default mode each read began with 4 fcntl locks, 3 stats of the journal and a
    // read of the header (measured with strace), 5–6 µs a statement here, about 50 µs of a
    // check. Only readers share this file (a new registry is renamed over it, never written in
    // place), and other readers still read it: a read-only connection holds a shared lock.
    db.pragma('locking_mode = EXCLUSIVE');
    schema = Number((db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value ?? 0);
  } catch (err) {
    db.close(); // a junk file: no handle left open on every retry
    throw err;
  }
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
