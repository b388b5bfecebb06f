import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import gcoord from 'gcoord';
import { canonicalBankOf } from '../banks';
import { parse, type ParseResult } from '../parse';
import { cityFromName, cityKeyOf, lineage, type Division } from '../parse/divisions';
import { loadCentroids, type Centroids } from './centroids';
import { cleanSourceAddress } from './clean';
import { combineSources } from './combine';
import { DICTIONARY_NAMES, institutionOf, legalNameOf, shortFormsOf, type Institution } from './institution';
import { buildingKey, branchKey, roadNumbers } from './keys';
import { classifyOutlet, kindOfLevel, licenceLevel, type OfficeLevel, type OutletKind } from './kind';
import { isMove, mergeLicences, type LicenceRow, type LicenceState } from './licences';
import { loadManifest, recogniseCrs, type LoadedManifest, type ManifestSource } from './manifest';
import type { PositionCounts } from './coords';
import { columnsOf, pack, type PointRow } from './points';
import { DDL, INDEXES, SCHEMA_VERSION } from './schema';
import { readSource, type RawRow, type RowProblem, type SourceFormat } from './sources';
import { letSignalsIn, trackTemp, untrackTemp } from './temp-files';

/**
 * registry:build — read a manifest of sources, parse every outlet's address once with the same
 * parser the check uses, place each outlet in its city and district, convert its position to
 * WGS-84, record coverage and a version, and write one SQLite file (atomically: a reader never
 * sees half a registry).
 */

export interface SourceReport {
  file: string;
  bank: string;
  bankLabel: string;
  region: string;
  format: SourceFormat | null;
  crs: string;
  approximate: boolean;
  rowsRead: number;
  imported: number;
  merged: number;
  unplaced: number;
  skipped: number;
  /** Licences merged into the same licence (机构编码) of another file; counted in merged too. */
  mergedAcross?: number;
  /** Rows kept with no address: they still name their institution and region. */
  noAddress: number;
  kinds: Record<OutletKind, number>;
  placedBy: Record<string, number>;
  /** The first skipped rows and why, for the report. */
  skippedRows: RowProblem[];
  unplacedRows: number[];
  /** Rows whose position was out of range (dropped) or swapped (put right). */
  positions?: PositionCounts;
  error?: string;
}

export interface BuildReport {
  out: string;
  version: string;
  asOf: string;
  demo: boolean;
  outlets: number;
  sources: SourceReport[];
  seconds: number;
  /** Why the build was not written over `out` (see guard.ts); absent when it was. */
  refused?: string[];
}

interface Placement {
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  placedBy: 'address' | 'name' | 'region' | 'coordinates' | null;
}

interface Region {
  text: string;
  code: string; // '' for the whole country
  cityCode: string | null;
  provinceCode: string | null;
}

interface PendingOutlet {
  sourceIndex: number;
  row: RawRow;
  bank: string;
  kind: OutletKind;
  state: LicenceState;
  level: OfficeLevel | null;
  institution: Institution | null;
  parsed: ParseResult;
  /** The previous address, when it is another place (a move). */
  previous: ParseResult | null;
  previousText: string | null;
  cleaned: string;
  placement: Placement;
  lat: number | null;
  lng: number | null;
  /** How precise the position is: the outlet's own, or the centre of its town, district or city. */
  precision: 'outlet' | 'town' | 'district' | 'city' | null;
  licence: Record<string, string> | null;
  merged: number[];
  isLicence: boolean;
  name: string;
  cityCode: string | null;
  /** Rows of other sources that are this same outlet. */
  alsoFrom: { sourceIndex: number; row: number }[];
  /** The position is the outlet's own, in a known coordinate system. */
  positionKnown: boolean;
}

const EVERY_BANK = /^(?:\*|全部银行|所有银行|全部|all)$/i;
const NATIONWIDE = /^(?:全国|中国|全国范围|nationwide|china)$/i;

function resolveRegion(text: string): Region {
  if (NATIONWIDE.test(text.trim())) return { text, code: '', cityCode: null, provinceCode: null };
  const place = parse(text).place;
  const d = place.district ?? place.city ?? place.province;
  if (!d) throw new Error(`region "${text}" names no division we know`);
  return { text, code: d.code, cityCode: place.city?.code ?? null, provinceCode: place.province?.code ?? d.provinceCode };
}

const fromDivision = (d: Division, by: Placement['placedBy']): Placement => {
  const l = lineage(d);
  return { provinceCode: l.province?.code ?? d.provinceCode, cityCode: cityKeyOf(d), districtCode: l.district?.code ?? null, placedBy: by };
};

function placeOutlet(parsed: ParseResult, name: string, region: Region): Placement {
  const place = parsed.place;
  if (place.district && !place.former) return fromDivision(place.district, 'address');
  // A name's city counts only where the source's own region agrees (站前路支行 of a Hefei list).
  const fromName = cityFromName(branchKey(name));
  const nameCity = fromName && (!region.cityCode || fromName.code === region.cityCode) && (!region.provinceCode || fromName.provinceCode === region.provinceCode) ? fromName : null;
  const cityHint = place.city?.code ?? nameCity?.code ?? region.cityCode;
  // An ambiguous or renamed district (朝阳区; 江干区 → 上城区 / 钱塘区) decided by the city.
  if (place.candidates.length) {
    const inCity = cityHint ? place.candidates.filter((d) => d.cityCode === cityHint) : place.candidates;
    if (inCity.length === 1) return fromDivision(inCity[0], place.city ? 'address' : nameCity ? 'name' : 'region');
    const cities = new Set(inCity.map((d) => d.cityCode));
    if (cities.size === 1 && inCity[0]) {
      const p = fromDivision(inCity[0], place.city ? 'address' : nameCity ? 'name' : 'region');
      return { ...p, districtCode: null };
    }
  }
  if (place.city) return fromDivision(place.city, 'address');
  // A city directly under its province (济源市, 石河子市) is written where a district would be.
  if (place.candidates.length === 1 && !place.candidates[0].cityCode) return fromDivision(place.candidates[0], 'address');
  if (nameCity) return fromDivision(nameCity, 'name');
  if (region.cityCode) return { provinceCode: region.provinceCode, cityCode: region.cityCode, districtCode: null, placedBy: 'region' };
  return { provinceCode: place.province?.code ?? null, cityCode: null, districtCode: null, placedBy: null };
}

function toWgs84(lng: number, lat: number, crs: ReturnType<typeof recogniseCrs>): [number, number] {
  if (crs === 'bd09') return gcoord.transform([lng, lat], gcoord.BD09, gcoord.WGS84) as [number, number];
  if (crs === 'gcj02') return gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return [lng, lat];
}

/** Place outlets that text could not place by the city of the placed outlets around them. */
function placeByNeighbours(all: PendingOutlet[]): void {
  const cell = (lat: number, lng: number) => `${Math.floor(lat * 10)}:${Math.floor(lng * 10)}`;
  const grid = new Map<string, PendingOutlet[]>();
  for (const o of all) {
    if (o.placement.cityCode && o.lat !== null && o.lng !== null) {
      const k = cell(o.lat, o.lng);
      const list = grid.get(k);
      if (list) list.push(o);
      else grid.set(k, [o]);
    }
  }
  for (const o of all) {
    if (o.placement.cityCode || o.lat === null || o.lng === null) continue;
    const votes = new Map<string, { n: number; province: string | null }>();
    const la = Math.floor(o.lat * 10);
    const lo = Math.floor(o.lng * 10);
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        for (const p of grid.get(`${la + dy}:${lo + dx}`) ?? []) {
          const d = Math.hypot(p.lat! - o.lat, p.lng! - o.lng);
          if (d > 0.2) continue; // about 20 km
          const v = votes.get(p.placement.cityCode!) ?? { n: 0, province: p.placement.provinceCode };
          v.n++;
          votes.set(p.placement.cityCode!, v);
        }
      }
    }
    const ranked = [...votes].sort((a, b) => b[1].n - a[1].n);
    // Only a clear majority places an outlet; a border gives none.
    if (ranked.length && ranked[0][1].n >= 2 && (ranked.length === 1 || ranked[0][1].n >= 3 * ranked[1][1].n)) {
      o.placement = { provinceCode: ranked[0][1].province, cityCode: ranked[0][0], districtCode: null, placedBy: 'coordinates' };
    }
  }
}

const emptyKinds = (): Record<OutletKind, number> => ({ staffed: 0, centre: 0, self_service: 0, non_bank: 0 });

export type SourceMeta = { source: ManifestSource; bank: string; region: Region; crs: string; known: ReturnType<typeof recogniseCrs>; asOf: string; format: SourceFormat | null; complete: boolean; state: LicenceState };

export interface ReadSource {
  meta: SourceMeta;
  report: SourceReport;
  rows: RawRow[];
}

function newReport(source: ManifestSource, bank: string, crs: string, known: boolean): SourceReport {
  return {
    file: source.file, bank, bankLabel: source.bank, region: source.region, format: source.format ?? null,
    crs, approximate: !known, rowsRead: 0, imported: 0, merged: 0, unplaced: 0, skipped: 0, noAddress: 0,
    kinds: emptyKinds(), placedBy: {}, skippedRows: [], unplacedRows: [],
  };
}

/** Every source's rows, read and checked; a source that cannot be read says why in its report. */
export async function readSources(manifest: LoadedManifest): Promise<ReadSource[]> {
  const out: ReadSource[] = [];
  for (const source of manifest.sources) {
    const declaredCrs = source.crs ?? manifest.crs ?? 'unknown';
    const known = recogniseCrs(declaredCrs);
    const bank = EVERY_BANK.test(source.bank.trim()) ? '*' : canonicalBankOf(source.bank)?.name ?? source.bank.trim();
    const report = newReport(source, bank, known ?? declaredCrs, !!known);
    const complete = (source.coverage ?? manifest.coverage ?? 'complete') === 'complete';
    const state: LicenceState = source.state === 'exited' ? 'exited' : 'in_use';
    const meta: SourceMeta = { source, bank, region: { text: source.region, code: '', cityCode: null, provinceCode: null }, crs: report.crs, known, asOf: source.asOf ?? manifest.asOf, format: null, complete, state };
    const entry: ReadSource = { meta, report, rows: [] };
    out.push(entry);
    try {
      meta.region = resolveRegion(source.region);
      const read = await readSource(path.resolve(manifest.dir, source.file), source.format);
      report.format = meta.format = read.format;
      report.rowsRead = read.rows.length + read.skipped.length;
      report.skipped = read.skipped.length;
      report.skippedRows = read.skipped.slice(0, 20);
      report.positions = read.positions;
      entry.rows = read.rows;
    } catch (err) {
      report.error = err instanceof Error ? err.message : String(err);
    }
  }
  return out;
}

/** 机构所在地 ("广西壮族自治区-南宁市", "北京市", "重庆市-两江") as a place: its city where it names one. */
// A few hundred areas stand for a hundred thousand licences: each is read once.
const locations = new Map<string, { cityCode: string | null; provinceCode: string | null } | null>();

function locationOf(location: string | null | undefined): { cityCode: string | null; provinceCode: string | null } | null {
  if (!location) return null;
  if (!locations.has(location)) locations.set(location, readLocation(location));
  return locations.get(location)!;
}

function readLocation(location: string): { cityCode: string | null; provinceCode: string | null } | null {
  const place = parse(location.replace(/-/g, '')).place;
  const d = place.city ?? place.district;
  if (d) return { cityCode: cityKeyOf(d), provinceCode: place.province?.code ?? d.provinceCode };
  return place.province ? { cityCode: null, provinceCode: place.province.code } : null;
}

/** One row made ready to write: its bank, kind, parsed address, place and position. */
function prepare(r: ReadSource, sourceIndex: number, row: RawRow, state: LicenceState, centroids: Centroids | null): PendingOutlet {
  const { meta } = r;
  const isLicence = meta.format === 'licence';
  const inst = isLicence && meta.bank === '*' ? institutionOf(row.name, row.licence?.code ?? null) : null;
  const bank = inst ? inst.name : meta.bank === '*' ? canonicalBankOf(row.name)?.name ?? legalNameOf(row.name) : meta.bank;
  const level = isLicence ? licenceLevel(row.licence?.code ?? null, row.name) : null;
  const kind = level ? kindOfLevel(level) : classifyOutlet(row.name);
  const cleaned = cleanSourceAddress(row.address);
  // What the name, the licence's own area or the source says of the city keeps bare names
  // honest: 共和新路 in a Shanghai branch's address is a road, not 共和县.
  const fromName = cityFromName(branchKey(row.name));
  const nameCity = fromName && (!meta.region.cityCode || fromName.code === meta.region.cityCode) ? fromName : null;
  const located = locationOf(row.licence?.location);
  const context = nameCity
    ? { cityCode: nameCity.code, provinceCode: nameCity.provinceCode }
    : located ?? { cityCode: meta.region.cityCode, provinceCode: meta.region.provinceCode };
  const parsed = parse(cleaned, { context });
  const prevText = row.previous?.address ?? row.previousAddress;
  const prevParsed = prevText ? parse(cleanSourceAddress(prevText), { context }) : null;
  // A previous record is history of a move only when it names another place.
  const previous = prevParsed && (!isLicence || isMove(parsed, prevParsed)) ? prevParsed : null;
  let placement = placeOutlet(parsed, row.name, meta.region);
  if (!placement.cityCode && located?.cityCode) placement = { provinceCode: located.provinceCode, cityCode: located.cityCode, districtCode: null, placedBy: 'region' };
  let lat: number | null = null;
  let lng: number | null = null;
  let precision: PendingOutlet['precision'] = null;
  if (row.lat !== null && row.lng !== null) {
    [lng, lat] = toWgs84(row.lng, row.lat, meta.known);
    precision = 'outlet';
  } else if (centroids) {
    const at = placeByDivision(centroids, parsed, placement);
    if (at) [lat, lng, precision] = at;
  }
  const licence = row.licence ? licenceJson(row, inst, level, state) : null;
  return {
    sourceIndex, row, bank, kind, state, level, institution: inst, parsed, previous, previousText: previous ? cleanSourceAddress(prevText!) : null, cleaned, placement, lat, lng, precision, licence, merged: [],
    isLicence, name: row.name, cityCode: placement.cityCode, alsoFrom: [], positionKnown: precision === 'outlet' && !!meta.known,
  };
}

/** The most precise division centroid the address names: its town, district or city. */
function placeByDivision(c: Centroids, p: ParseResult, placement: Placement): [number, number, 'town' | 'district' | 'city'] | null {
  const district = p.place.district?.code ?? placement.districtCode;
  if (district && p.extra.town) {
    const t = c.ofTown(district, p.extra.town);
    if (t) return [t[0], t[1], 'town'];
  }
  const d = district ? c.ofDivision(district) : null;
  if (d) return [d[0], d[1], 'district'];
  const city = placement.cityCode ? c.ofDivision(placement.cityCode) : null;
  return city ? [city[0], city[1], 'city'] : null;
}

/** The licence fields a result cites, without the empty ones. */
function licenceJson(row: RawRow, inst: Institution | null, level: OfficeLevel | null, state: LicenceState): Record<string, string> {
  const l = row.licence!;
  const out: Record<string, string | null> = {
    code: l.code, serial: l.serial, issuedAt: l.issuedAt, approvedAt: l.approvedAt, authority: l.authority,
    shortName: l.shortName ? l.shortName.replace(/^简称[:：]/, '') : null, location: l.location, exitedAt: state === 'exited' ? l.exitedAt : null,
    level, institution: inst?.legalName ?? null,
    previousSerial: row.previous?.serial ?? null,
    previousName: row.previous?.name && row.previous.name !== row.name ? row.previous.name : null,
  };
  return Object.fromEntries(Object.entries(out).filter((e): e is [string, string] => !!e[1]));
}

/** The licence records of every licence source, in use or withdrawn. */
export function licenceRowsOf(sources: ReadSource[]): LicenceRow[] {
  const out: LicenceRow[] = [];
  for (const [i, s] of sources.entries()) {
    if (s.meta.format !== 'licence') continue;
    for (const row of s.rows) out.push({ sourceIndex: i, row, state: s.meta.state === 'exited' || row.licence?.exitedAt ? 'exited' : 'in_use' });
  }
  return out;
}

/** Rows of every source, licences merged by code, in the order they are written. */
function collect(sources: ReadSource[], centroids: Centroids | null): PendingOutlet[] {
  const pending: PendingOutlet[] = [];
  const licences = licenceRowsOf(sources);
  for (const [i, s] of sources.entries()) {
    if (s.meta.format === 'licence') continue;
    const seen = new Map<string, PendingOutlet>();
    for (const row of s.rows) {
      const o = prepare(s, i, row, 'in_use', centroids);
      const dupKey = `${o.bank}|${o.kind}|${row.name}|${o.cleaned}`;
      const twin = seen.get(dupKey);
      if (twin) {
        twin.merged.push(row.row);
        s.report.merged++;
        continue;
      }
      seen.set(dupKey, o);
      pending.push(o);
    }
  }
  const { kept, mergedBySource } = mergeLicences(licences);
  for (const [i, n] of mergedBySource) {
    sources[i].report.merged += n;
    sources[i].report.mergedAcross = (sources[i].report.mergedAcross ?? 0) + n;
  }
  for (const l of kept) pending.push(prepare(sources[l.sourceIndex], l.sourceIndex, l.row, l.state, centroids));
  return pending;
}

/**
 * Build a registry. `refuse` looks at the finished report before the file is put in place: any
 * reason it gives leaves `out` as it was (all or nothing, see guard.ts).
 */
export async function buildRegistry(opts: { manifest: string; out: string; refuse?: (report: BuildReport) => string[] }): Promise<BuildReport> {
  const t0 = Date.now();
  const manifest: LoadedManifest = loadManifest(opts.manifest);
  const sources = await readSources(manifest);
  const centroids = manifest.divisions ? tryCentroids(path.resolve(manifest.dir, manifest.divisions)) : null;
  // The same outlet in a bank's list and in the licence records is one outlet.
  const pending = combineSources(collect(sources, centroids), (o) => sources[o.sourceIndex].report.merged++);
  placeByNeighbours(pending);
  const out = path.resolve(opts.out);
  const written = await writeRegistry(out, manifest, sources, pending);
  const report: BuildReport = { out, version: written.version, asOf: manifest.asOf, demo: !!manifest.demo, outlets: written.outlets, sources: sources.map((s) => s.report), seconds: (Date.now() - t0) / 1000 };
  const refused = opts.refuse?.(report) ?? [];
  written.finish(refused.length === 0);
  return refused.length ? { ...report, refused } : report;
}

function tryCentroids(file: string): Centroids | null {
  try {
    return loadCentroids(file);
  } catch {
    return null;
  }
}

interface CoverageRow {
  bank: string;
  regionCode: string;
  region: string;
  sourceIndex: number;
  complete: boolean;
  outlets: number;
}

/**
 * What the registry holds, per bank and region: each source's own bank and region, and for a
 * source of every bank, each institution in each city with its count of licences in use. The
 * same bank, region and completeness from several files is one row, its counts added.
 */
function coverageRows(sources: ReadSource[], pending: PendingOutlet[]): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  const add = (r: CoverageRow) => {
    const k = `${r.bank}|${r.regionCode}|${r.complete ? 1 : 0}`;
    const have = rows.get(k);
    if (have) have.outlets += r.outlets;
    else rows.set(k, { ...r });
  };
  const held = new Map<number, number>();
  for (const o of pending) if (o.state === 'in_use') held.set(o.sourceIndex, (held.get(o.sourceIndex) ?? 0) + 1);
  for (const [i, s] of sources.entries()) {
    if (s.report.error || s.meta.state === 'exited') continue;
    add({ bank: s.meta.bank, regionCode: s.meta.region.code, region: s.meta.region.text, sourceIndex: i, complete: s.meta.complete, outlets: held.get(i) ?? 0 });
  }
  for (const o of pending) {
    const s = sources[o.sourceIndex];
    if (s.meta.bank !== '*' || o.state !== 'in_use' || o.kind === 'non_bank' || !o.placement.cityCode) continue;
    add({ bank: o.bank, regionCode: o.placement.cityCode, region: o.placement.cityCode, sourceIndex: o.sourceIndex, complete: s.meta.complete, outlets: 1 });
  }
  return [...rows.values()].sort((a, b) => a.bank.localeCompare(b.bank) || a.regionCode.localeCompare(b.regionCode) || Number(a.complete) - Number(b.complete));
}

/** The institutions of the licence records, with the short forms that name only one of them. */
function institutionRows(pending: PendingOutlet[]): { name: string; legalName: string; codePrefix: string | null; group: string; aliases: string[]; outlets: number }[] {
  const by = new Map<string, { inst: Institution; shortNames: Set<string>; outlets: number }>();
  for (const o of pending) {
    if (!o.institution || o.kind === 'non_bank') continue;
    let e = by.get(o.institution.name);
    if (!e) by.set(o.institution.name, (e = { inst: o.institution, shortNames: new Set(), outlets: 0 }));
    if (o.state === 'in_use') e.outlets++;
    const sn = o.row.licence?.shortName;
    if (sn && e.shortNames.size < 50) e.shortNames.add(sn);
  }
  const owners = new Map<string, Set<string>>();
  const forms = new Map<string, string[]>();
  for (const [name, e] of by) {
    if (DICTIONARY_NAMES.has(name)) continue; // the dictionary's banks have their aliases already
    const f = shortFormsOf(e.inst.legalName, [...e.shortNames]).filter((a) => !DICTIONARY_NAMES.has(a));
    forms.set(name, f);
    for (const a of [name, ...f]) {
      let s = owners.get(a);
      if (!s) owners.set(a, (s = new Set()));
      s.add(name);
    }
  }
  return [...by.entries()]
    .map(([name, e]) => ({
      name, legalName: e.inst.legalName, codePrefix: e.inst.codePrefix, group: e.inst.group,
      aliases: (forms.get(name) ?? []).filter((a) => owners.get(a)?.size === 1).sort(),
      outlets: e.outlets,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Write the registry to a temporary file beside the target; `finish(true)` renames it over the
 * target (readers see old or new, whole), `finish(false)` removes it.
 */
async function writeRegistry(out: string, manifest: LoadedManifest, sources: ReadSource[], pending: PendingOutlet[]): Promise<{ version: string; outlets: number; finish: (keep: boolean) => void }> {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  trackTemp(tmp);
  const db = new Database(tmp);
  try {
    db.exec(DDL);
    // The version names the content, not the files it came in: the snapshot of an export
    // and the export itself give the same version.
    const hash = createHash('sha256');
    const outlets = db.transaction(() => writeRows(db, hash, sources, pending))();
    await letSignalsIn();
    writePoints(db);
    db.exec(INDEXES);
    const digest = hash.digest('hex').slice(0, 12);
    const version = `${manifest.asOf}.${digest}`;
    const metaRows: Record<string, string> = {
      schema: String(SCHEMA_VERSION), version, contentHash: digest, asOf: manifest.asOf, builtAt: new Date().toISOString(),
      title: manifest.title ?? '', demo: manifest.demo ? '1' : '0', outlets: String(outlets),
      coverage: sources.some((s) => !s.meta.complete && !s.report.error) ? 'partial' : 'complete',
    };
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (const [k, v] of Object.entries(metaRows)) meta.run(k, v);
    })();
    db.exec('ANALYZE; VACUUM;');
    db.close();
    await letSignalsIn();
    const finish = (keep: boolean) => {
      if (keep) fs.renameSync(tmp, out);
      else fs.rmSync(tmp, { force: true });
      untrackTemp(tmp);
    };
    return { version, outlets, finish };
  } catch (err) {
    untrackTemp(tmp);
    try {
      db.close();
    } catch {
      /* already closed */
    }
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** The R*Tree's points as SQLite stored them (float32 corners), packed for the check (points.ts). */
function writePoints(db: Database.Database): void {
  const rows = db.prepare('SELECT r.id, r.min_lat, r.max_lat, r.min_lng, r.max_lng, r.bank, o.lat, o.lng FROM outlet_rtree r JOIN outlets o ON o.id = r.id').raw().all() as PointRow[];
  const insert = db.prepare('INSERT INTO points (part, data) VALUES (?, ?)');
  db.transaction(() => {
    for (const [name, data] of pack(columnsOf(rows))) insert.run(name, data);
  })();
}

function writeRows(db: Database.Database, hash: ReturnType<typeof createHash>, sources: ReadSource[], pending: PendingOutlet[]): number {
  const insertSource = db.prepare('INSERT INTO sources (id, file, bank, bank_label, region, region_code, note, format, crs, approximate, as_of, report) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)');
  const insertCoverage = db.prepare('INSERT INTO coverage (bank, region_code, region, source_id, complete, outlets) VALUES (?,?,?,?,?,?)');
  const insertInstitution = db.prepare('INSERT INTO institutions (name, legal_name, code_prefix, grp, aliases, outlets) VALUES (?,?,?,?,?,?)');
  const insertOutlet = db.prepare(
    `INSERT INTO outlets (id, bank, name, kind, state, phone, branch_key, province_code, city_code, district_code, placed_by, lat, lng, precision, approximate, source_id, source_row, merged_rows, licence)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insertAddress = db.prepare(
    `INSERT INTO addresses (id, outlet_id, current, address, road, road_num, road_nums, road_no, cross_road, building, building_key, building_no, floors, floor_labels, room, city_code, district_code)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insertFts = db.prepare('INSERT INTO building_fts (rowid, building_key) VALUES (?, ?)');
  const insertNumber = db.prepare('INSERT INTO road_numbers (num, address_id, city_code, road) VALUES (?, ?, ?, ?)');
  const insertRtree = db.prepare('INSERT INTO outlet_rtree (id, min_lat, max_lat, min_lng, max_lng, bank) VALUES (?,?,?,?,?,?)');

  let addressId = 0;
  const addAddress = (oid: number, current: boolean, text: string, p: ParseResult, placement: Placement) => {
    const id = ++addressId;
    const nums = roadNumbers(p.roadNo);
    const bkey = buildingKey(p.building);
    const cityCode = p.place.city?.code ?? placement.cityCode;
    insertAddress.run(
      id, oid, current ? 1 : 0, text, p.road, nums[0] ?? null, nums.length > 1 ? JSON.stringify(nums) : null, p.roadNo,
      p.extra.crossRoad, p.building, bkey, p.buildingNo, JSON.stringify(p.floors), JSON.stringify(p.floorLabels), p.room,
      cityCode, p.place.district?.code ?? placement.districtCode,
    );
    for (const n of new Set(nums)) insertNumber.run(n, id, cityCode, p.road);
    if (bkey) insertFts.run(id, bkey);
    hash.update(`${oid}|${current ? 1 : 0}|${text}\n`);
  };

  for (const [i, s] of sources.entries()) {
    const m = s.meta;
    insertSource.run(i + 1, m.source.file, m.bank, m.source.bank, m.source.region, m.region.code, m.source.note ?? null, s.report.format ?? 'unknown', m.crs, m.known ? 0 : 1, m.asOf, '{}');
  }
  for (const c of coverageRows(sources, pending)) {
    insertCoverage.run(c.bank, c.regionCode, c.region, c.sourceIndex + 1, c.complete ? 1 : 0, c.outlets);
    hash.update(`coverage|${c.bank}|${c.regionCode}|${c.complete ? 1 : 0}|${c.outlets}|${sources[c.sourceIndex].meta.asOf}\n`);
  }
  for (const inst of institutionRows(pending)) {
    insertInstitution.run(inst.name, inst.legalName, inst.codePrefix, inst.group, JSON.stringify(inst.aliases), inst.outlets);
    hash.update(`institution|${inst.name}|${inst.aliases.join(',')}\n`);
  }
  let outletId = 0;
  for (const o of pending) {
    const r = sources[o.sourceIndex].report;
    const id = ++outletId;
    const approximate = !o.positionKnown;
    const licence = o.licence ? JSON.stringify(o.licence) : null;
    insertOutlet.run(
      id, o.bank, o.row.name || '(无名称)', o.kind, o.state, o.row.phone, branchKey(o.row.name), o.placement.provinceCode, o.placement.cityCode,
      o.placement.districtCode, o.placement.placedBy, o.lat, o.lng, o.precision, approximate ? 1 : 0, o.sourceIndex + 1, o.row.row,
      o.merged.length || o.alsoFrom.length ? JSON.stringify({ rows: o.merged, alsoFrom: o.alsoFrom.map((a) => ({ file: sources[a.sourceIndex].meta.source.file, row: a.row })) }) : null, licence,
    );
    // A division's centre is where we drew it, not what the registry says: not in the version.
    const at = o.precision === 'outlet' ? `${o.lat}|${o.lng}` : '';
    hash.update(`${id}|${o.bank}|${o.row.name}|${o.kind}|${o.state}|${at}|${licence}\n`);
    addAddress(id, true, o.cleaned, o.parsed, o.placement);
    if (o.previous && o.previousText) addAddress(id, false, o.previousText, o.previous, o.placement);
    if (o.lat !== null && o.lng !== null && o.kind === 'staffed' && o.state === 'in_use') insertRtree.run(id, o.lat, o.lat, o.lng, o.lng, o.bank);
    r.imported++;
    r.kinds[o.kind]++;
    if (!o.row.address) r.noAddress++;
    const by = o.placement.placedBy ?? 'unplaced';
    r.placedBy[by] = (r.placedBy[by] ?? 0) + 1;
    if (!o.placement.cityCode) {
      r.unplaced++;
      if (r.unplacedRows.length < 20) r.unplacedRows.push(o.row.row);
    }
  }
  const updateReport = db.prepare('UPDATE sources SET report = ? WHERE id = ?');
  for (const [i, s] of sources.entries()) updateReport.run(JSON.stringify(s.report), i + 1);
  return outletId;
}

/** The import report as people read it. */
export function formatReport(r: BuildReport): string {
  const lines = [`registry ${r.out}`, `  version ${r.version} (as of ${r.asOf})${r.demo ? ', DEMO data' : ''}: ${r.outlets} outlets in ${r.seconds.toFixed(1)} s`];
  for (const s of r.sources) {
    lines.push(`source ${s.file} (${s.bank === '*' ? 'every bank' : s.bank}, ${s.region}, ${s.format ?? 'unread'}, crs ${s.crs}${s.approximate ? ': kept as given, positions approximate' : ''})`);
    if (s.error) {
      lines.push(`  ERROR: ${s.error}`);
      continue;
    }
    lines.push(`  rows read ${s.rowsRead}, imported ${s.imported}, merged duplicates ${s.merged}, unplaced ${s.unplaced}, skipped ${s.skipped}${s.noAddress ? `, kept without an address ${s.noAddress}` : ''}`);
    if (s.positions?.outOfRange || s.positions?.swapped) lines.push(`  positions: ${s.positions.outOfRange} out of range (dropped), ${s.positions.swapped} with longitude and latitude swapped (put right)`);
    lines.push(`  kinds: staffed ${s.kinds.staffed}, specialised centre ${s.kinds.centre}, self-service ${s.kinds.self_service}, non-bank office ${s.kinds.non_bank}; placed by ${Object.entries(s.placedBy).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    for (const k of s.skippedRows) lines.push(`  skipped row ${k.row}: ${k.reason}`);
    if (s.skipped > s.skippedRows.length) lines.push(`  … and ${s.skipped - s.skippedRows.length} more skipped`);
    if (s.unplacedRows.length) lines.push(`  unplaced rows (kept, no city): ${s.unplacedRows.join(', ')}${s.unplaced > s.unplacedRows.length ? ', …' : ''}`);
  }
  const sum = (k: 'rowsRead' | 'imported' | 'merged' | 'unplaced' | 'skipped') => r.sources.reduce((n, s) => n + s[k], 0);
  const read = sum('rowsRead');
  if (r.refused) lines.push(`NOT WRITTEN: ${r.out} was left as it was, because`, ...r.refused.map((x) => `  - ${x}`));
  lines.push(`total: rows read ${read}, imported ${sum('imported')}, merged ${sum('merged')}, unplaced ${sum('unplaced')}, skipped ${sum('skipped')} (${read ? ((100 * sum('skipped')) / read).toFixed(2) : '0.00'}%)`);
  return lines.join('\n');
}
