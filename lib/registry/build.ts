import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import gcoord from 'gcoord';
import { canonicalBankOf } from '../banks';
import { parse, type ParseResult } from '../parse';
import { cityFromName, cityKeyOf, lineage, type Division } from '../parse/divisions';
import { cleanSourceAddress } from './clean';
import { buildingKey, branchKey, roadNumbers } from './keys';
import { classifyOutlet, type OutletKind } from './kind';
import { loadManifest, recogniseCrs, type LoadedManifest, type ManifestSource } from './manifest';
import type { PositionCounts } from './coords';
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
  parsed: ParseResult;
  previous: ParseResult | null;
  cleaned: string;
  placement: Placement;
  lat: number | null;
  lng: number | null;
  merged: number[];
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

const emptyKinds = (): Record<OutletKind, number> => ({ staffed: 0, self_service: 0, non_bank: 0 });

export async function buildRegistry(opts: { manifest: string; out: string; refuse?: (report: BuildReport) => string[] }): Promise<BuildReport> {
  const t0 = Date.now();
  const manifest: LoadedManifest = loadManifest(opts.manifest);
  const reports: SourceReport[] = [];
  const pending: PendingOutlet[] = [];
  const sourceMeta: { source: ManifestSource; bank: string; region: Region; crs: string; known: ReturnType<typeof recogniseCrs>; asOf: string; format: SourceFormat | null }[] = [];

  for (const [i, source] of manifest.sources.entries()) {
    const declaredCrs = source.crs ?? manifest.crs ?? 'unknown';
    const known = recogniseCrs(declaredCrs);
    const bank = EVERY_BANK.test(source.bank.trim()) ? '*' : canonicalBankOf(source.bank)?.name ?? source.bank.trim();
    const report: SourceReport = {
      file: source.file, bank, bankLabel: source.bank, region: source.region, format: source.format ?? null,
      crs: known ?? declaredCrs, approximate: !known, rowsRead: 0, imported: 0, merged: 0, unplaced: 0, skipped: 0,
      kinds: emptyKinds(), placedBy: {}, skippedRows: [], unplacedRows: [],
    };
    reports.push(report);
    let region: Region;
    try {
      region = resolveRegion(source.region);
    } catch (err) {
      report.error = err instanceof Error ? err.message : String(err);
      sourceMeta.push({ source, bank, region: { text: source.region, code: '', cityCode: null, provinceCode: null }, crs: report.crs, known, asOf: source.asOf ?? manifest.asOf, format: null });
      continue;
    }
    sourceMeta.push({ source, bank, region, crs: report.crs, known, asOf: source.asOf ?? manifest.asOf, format: null });
    let rows;
    try {
      rows = await readSource(path.resolve(manifest.dir, source.file), source.format);
    } catch (err) {
      report.error = err instanceof Error ? err.message : String(err);
      continue;
    }
    report.format = rows.format;
    sourceMeta[i].format = rows.format;
    report.rowsRead = rows.rows.length + rows.skipped.length;
    report.skipped = rows.skipped.length;
    report.skippedRows = rows.skipped.slice(0, 20);
    report.positions = rows.positions;

    const seen = new Map<string, PendingOutlet>();
    for (const row of rows.rows) {
      // Licence records of every bank name their bank in 机构名称.
      const rowBank = bank === '*' ? canonicalBankOf(row.name)?.name ?? null : bank;
      if (!rowBank) {
        report.skipped++;
        if (report.skippedRows.length < 20) report.skippedRows.push({ row: row.row, reason: `no known bank in the name "${row.name}"` });
        continue;
      }
      const kind = classifyOutlet(row.name);
      const cleaned = cleanSourceAddress(row.address);
      const dupKey = `${rowBank}|${kind}|${row.name}|${cleaned}`;
      const twin = seen.get(dupKey);
      if (twin) {
        twin.merged.push(row.row);
        report.merged++;
        continue;
      }
      // What the name or the source says of the city keeps bare names honest: 共和新路 in a
      // Shanghai branch's address is a road, not 共和县.
      const fromName = cityFromName(branchKey(row.name));
      const nameCity = fromName && (!region.cityCode || fromName.code === region.cityCode) ? fromName : null;
      const context = nameCity ? { cityCode: nameCity.code, provinceCode: nameCity.provinceCode } : { cityCode: region.cityCode, provinceCode: region.provinceCode };
      const parsed = parse(cleaned, { context });
      const previous = row.previousAddress ? parse(cleanSourceAddress(row.previousAddress), { context }) : null;
      const placement = placeOutlet(parsed, row.name, region);
      let lat: number | null = null;
      let lng: number | null = null;
      if (row.lat !== null && row.lng !== null) [lng, lat] = toWgs84(row.lng, row.lat, known);
      const o: PendingOutlet = { sourceIndex: i, row, bank: rowBank, kind, parsed, previous, cleaned, placement, lat, lng, merged: [] };
      seen.set(dupKey, o);
      pending.push(o);
    }
  }

  placeByNeighbours(pending);

  // Write to a temporary file beside the target, then rename: readers see old or new, whole.
  const out = path.resolve(opts.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  trackTemp(tmp);
  const db = new Database(tmp);
  try {
    db.exec(DDL);
    const hash = createHash('sha256');
    const insertSource = db.prepare(
      'INSERT INTO sources (id, file, bank, bank_label, region, region_code, note, format, crs, approximate, as_of, report) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
    );
    const insertCoverage = db.prepare('INSERT INTO coverage (bank, region_code, region, source_id) VALUES (?,?,?,?)');
    const insertOutlet = db.prepare(
      `INSERT INTO outlets (id, bank, name, kind, phone, branch_key, province_code, city_code, district_code, placed_by, lat, lng, approximate, source_id, source_row, merged_rows, licence)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    const insertAddress = db.prepare(
      `INSERT INTO addresses (id, outlet_id, current, address, road, road_num, road_nums, road_no, cross_road, building, building_key, building_no, floors, floor_labels, room, city_code, district_code)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    const insertFts = db.prepare('INSERT INTO building_fts (rowid, building_key) VALUES (?, ?)');
    const insertNumber = db.prepare('INSERT INTO road_numbers (num, address_id, city_code) VALUES (?, ?, ?)');
    const insertRtree = db.prepare('INSERT INTO outlet_rtree (id, min_lat, max_lat, min_lng, max_lng, bank) VALUES (?,?,?,?,?,?)');

    let outletId = 0;
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
      for (const n of new Set(nums)) insertNumber.run(n, id, cityCode);
      if (bkey) insertFts.run(id, bkey);
      hash.update(`${oid}|${current ? 1 : 0}|${text}\n`);
    };

    db.transaction(() => {
      for (const [i, m] of sourceMeta.entries()) {
        const r = reports[i];
        insertSource.run(i + 1, m.source.file, m.bank, m.source.bank, m.source.region, m.region.code, m.source.note ?? null, r.format ?? 'unknown', m.crs, m.known ? 0 : 1, m.asOf, '{}');
        if (!r.error) insertCoverage.run(m.bank, m.region.code, m.region.text, i + 1);
        hash.update(`source|${m.source.file}|${m.bank}|${m.region.code}|${m.asOf}\n`);
      }
      for (const o of pending) {
        const r = reports[o.sourceIndex];
        const id = ++outletId;
        const approximate = !sourceMeta[o.sourceIndex].known;
        insertOutlet.run(
          id, o.bank, o.row.name || '(无名称)', o.kind, o.row.phone, branchKey(o.row.name), o.placement.provinceCode, o.placement.cityCode,
          o.placement.districtCode, o.placement.placedBy, o.lat, o.lng, approximate ? 1 : 0, o.sourceIndex + 1, o.row.row,
          o.merged.length ? JSON.stringify(o.merged) : null, o.row.licence ? JSON.stringify(o.row.licence) : null,
        );
        hash.update(`${id}|${o.bank}|${o.row.name}|${o.kind}|${o.lat}|${o.lng}\n`);
        addAddress(id, true, o.cleaned, o.parsed, o.placement);
        if (o.previous && o.row.previousAddress) addAddress(id, false, cleanSourceAddress(o.row.previousAddress), o.previous, o.placement);
        if (o.lat !== null && o.lng !== null && o.kind === 'staffed') insertRtree.run(id, o.lat, o.lat, o.lng, o.lng, o.bank);
        r.imported++;
        r.kinds[o.kind]++;
        const by = o.placement.placedBy ?? 'unplaced';
        r.placedBy[by] = (r.placedBy[by] ?? 0) + 1;
        if (!o.placement.cityCode) {
          r.unplaced++;
          if (r.unplacedRows.length < 20) r.unplacedRows.push(o.row.row);
        }
      }
      const updateReport = db.prepare('UPDATE sources SET report = ? WHERE id = ?');
      for (const [i, r] of reports.entries()) updateReport.run(JSON.stringify(r), i + 1);
    })();
    await letSignalsIn();
    db.exec(INDEXES);

    const digest = hash.digest('hex').slice(0, 12);
    const version = `${manifest.asOf}.${digest}`;
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    const metaRows: Record<string, string> = {
      schema: String(SCHEMA_VERSION),
      version,
      contentHash: digest,
      asOf: manifest.asOf,
      builtAt: new Date().toISOString(),
      title: manifest.title ?? '',
      demo: manifest.demo ? '1' : '0',
      outlets: String(outletId),
    };
    db.transaction(() => {
      for (const [k, v] of Object.entries(metaRows)) meta.run(k, v);
    })();
    db.exec('ANALYZE; VACUUM;');
    db.close();
    await letSignalsIn();
    const report: BuildReport = { out, version, asOf: manifest.asOf, demo: !!manifest.demo, outlets: outletId, sources: reports, seconds: (Date.now() - t0) / 1000 };
    const refused = opts.refuse?.(report) ?? [];
    if (refused.length) fs.rmSync(tmp, { force: true });
    else fs.renameSync(tmp, out);
    untrackTemp(tmp);
    return refused.length ? { ...report, refused } : report;
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

/** The import report as people read it. */
export function formatReport(r: BuildReport): string {
  const lines = [`registry ${r.out}`, `  version ${r.version} (as of ${r.asOf})${r.demo ? ', DEMO data' : ''}: ${r.outlets} outlets in ${r.seconds.toFixed(1)} s`];
  for (const s of r.sources) {
    lines.push(`source ${s.file} (${s.bank === '*' ? 'every bank' : s.bank}, ${s.region}, ${s.format ?? 'unread'}, crs ${s.crs}${s.approximate ? ': kept as given, positions approximate' : ''})`);
    if (s.error) {
      lines.push(`  ERROR: ${s.error}`);
      continue;
    }
    lines.push(`  rows read ${s.rowsRead}, imported ${s.imported}, merged duplicates ${s.merged}, unplaced ${s.unplaced}, skipped ${s.skipped}`);
    if (s.positions?.outOfRange || s.positions?.swapped) lines.push(`  positions: ${s.positions.outOfRange} out of range (dropped), ${s.positions.swapped} with longitude and latitude swapped (put right)`);
    lines.push(`  kinds: staffed ${s.kinds.staffed}, self-service ${s.kinds.self_service}, non-bank office ${s.kinds.non_bank}; placed by ${Object.entries(s.placedBy).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    for (const k of s.skippedRows) lines.push(`  skipped row ${k.row}: ${k.reason}`);
    if (s.skipped > s.skippedRows.length) lines.push(`  … and ${s.skipped - s.skippedRows.length} more skipped`);
    if (s.unplacedRows.length) lines.push(`  unplaced rows (kept, no city): ${s.unplacedRows.join(', ')}${s.unplaced > s.unplacedRows.length ? ', …' : ''}`);
  }
  if (r.refused) lines.push(`NOT WRITTEN: ${r.out} was left as it was, because`, ...r.refused.map((x) => `  - ${x}`));
  return lines.join('\n');
}
