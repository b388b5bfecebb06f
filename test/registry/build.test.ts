import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildRegistry, type BuildReport } from '../../lib/registry/build';
import { openRegistry } from '../../lib/registry/registry';

const FIXTURES = path.resolve(__dirname, '../../data/fixtures/registry');
let dir: string;
let report: BuildReport;
let db: Database.Database;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-build-'));
  report = await buildRegistry({ manifest: path.join(FIXTURES, 'manifest.json'), out: path.join(dir, 'fixtures.sqlite') });
  db = new Database(report.out, { readonly: true });
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const source = (file: string) => report.sources.find((s) => s.file === file)!;
const outlet = (name: string) => db.prepare('SELECT * FROM outlets WHERE name = ?').get(name) as Record<string, unknown>;

describe('the import report, per source', () => {
  test('an outlet list: rows read, imported, merged duplicates, unplaced, skipped and why', () => {
    expect(source('outlets.csv')).toMatchObject({ rowsRead: 8, imported: 6, merged: 1, unplaced: 1, skipped: 1, format: 'outlet-list' });
    expect(source('outlets.csv').skippedRows).toEqual([{ row: 5, reason: 'no address' }]);
    expect(source('outlets.csv').kinds).toEqual({ staffed: 4, centre: 0, self_service: 1, non_bank: 1 });
  });

  test('licence records in CSV, with the previous address kept', () => {
    expect(source('licences.csv')).toMatchObject({ format: 'licence', imported: 2, skipped: 0 });
    const id = outlet('中国建设银行股份有限公司深圳样板支行').id;
    const addresses = db.prepare('SELECT current, address FROM addresses WHERE outlet_id = ? ORDER BY current DESC').all(id);
    expect(addresses).toEqual([
      { current: 1, address: '广东省深圳市福田区样板路9号样板中心2楼' },
      { current: 0, address: '广东省深圳市福田区旧址路1号' },
    ]);
    expect(JSON.parse(outlet('中国建设银行股份有限公司深圳样板支行').licence as string)).toMatchObject({ code: 'B0004B244030901', serial: '00000901' });
  });

  test('licence records in XLSX: every institution is kept, and a row with no address is kept and counted', () => {
    expect(source('licences.xlsx')).toMatchObject({ format: 'licence', rowsRead: 3, imported: 3, skipped: 0, noAddress: 1 });
    // An institution outside the bank dictionary is its own bank, by its legal name.
    expect(db.prepare("SELECT bank FROM outlets WHERE name = '某某咨询服务有限公司'").get()).toEqual({ bank: '某某咨询服务' });
  });

  test('a malformed file: the bad rows are reported and the good ones kept', () => {
    const s = source('malformed.csv');
    expect(s).toMatchObject({ imported: 2, skipped: 2 });
    expect(s.skippedRows[0]).toMatchObject({ row: 3, reason: expect.stringContaining('unreadable line') });
    expect(s.skippedRows[1]).toEqual({ row: 4, reason: 'no address' });
  });

  test('a missing file is an error of its source; the others are still imported', () => {
    expect(source('missing.csv').error).toMatch(/ENOENT|no such file/);
    expect(report.outlets).toBe(6 + 2 + 3 + 2);
  });
});

describe('each outlet', () => {
  test('is classified: staffed, self-service site, non-bank office', () => {
    expect(outlet('交通银行深圳示例支行').kind).toBe('staffed');
    expect(outlet('交通银行示例自助银行').kind).toBe('self_service');
    expect(outlet('交银示例基金管理有限公司深圳分公司').kind).toBe('non_bank');
  });

  test('is placed by its address, by the city in its name, or by its neighbours; else kept unplaced', () => {
    expect(outlet('交通银行深圳示例支行')).toMatchObject({ city_code: '4403', district_code: '440303', placed_by: 'address' });
    // 朝阳区 is in Beijing and in Changchun: the name says Beijing.
    expect(outlet('交通银行北京朝阳示例支行')).toMatchObject({ city_code: '1101', district_code: '110105', placed_by: 'name' });
    expect(outlet('交通银行演示支行')).toMatchObject({ city_code: '4403', placed_by: 'coordinates' });
    expect(outlet('交通银行无名支行')).toMatchObject({ city_code: null, placed_by: null });
  });

  test('has its address parsed once, into parts', () => {
    const a = db.prepare('SELECT road, road_num, building, floors FROM addresses WHERE address = ?').get('罗湖区示例路1号示例大厦首层');
    expect(a).toEqual({ road: '示例路', road_num: 1, building: '示例大厦', floors: '[1]' });
  });

  test('has its position converted to WGS-84 from the declared system', () => {
    const o = outlet('交通银行深圳示例支行');
    // GCJ-02 lies a few hundred metres off WGS-84 in Shenzhen.
    expect(Math.abs((o.lng as number) - 114.1247)).toBeGreaterThan(0.001);
    expect(Math.abs((o.lng as number) - 114.1247)).toBeLessThan(0.01);
    expect(o.approximate).toBe(0);
    const x = outlet('杭州样板街支行') ?? (db.prepare("SELECT * FROM outlets WHERE name LIKE '%样板街支行'").get() as Record<string, unknown>);
    expect(x.lng).toBeCloseTo(120.1601, 4); // declared WGS-84: kept
  });
});

describe('the registry as a whole', () => {
  test('records coverage: which banks, which regions, complete or not, and how many outlets each holds', () => {
    const rows = db.prepare('SELECT bank, region_code, complete, outlets FROM coverage ORDER BY source_id, bank, region_code').all();
    expect(rows).toEqual([
      { bank: '交通银行', region_code: '', complete: 1, outlets: 6 },
      { bank: '*', region_code: '4403', complete: 1, outlets: 2 },
      { bank: '中国工商银行', region_code: '4403', complete: 1, outlets: 1 },
      { bank: '中国建设银行', region_code: '4403', complete: 1, outlets: 1 },
      { bank: '*', region_code: '3301', complete: 1, outlets: 3 },
      // One of them has no address: placed by its source's region, and counted.
      { bank: '中国工商银行', region_code: '3301', complete: 1, outlets: 2 },
      { bank: '交通银行', region_code: '4403', complete: 1, outlets: 2 },
    ]);
  });

  test('carries a version: the as-of date and a content hash, the same for the same content', async () => {
    expect(report.version).toMatch(/^2026-01-01\.[0-9a-f]{12}$/);
    const again = await buildRegistry({ manifest: path.join(FIXTURES, 'manifest.json'), out: path.join(dir, 'again.sqlite') });
    expect(again.version).toBe(report.version);
  });

  test('opens read-only', () => {
    const r = openRegistry(report.out);
    expect(() => r.db.prepare("INSERT INTO meta VALUES ('x', 'y')").run()).toThrow();
    expect(r.info.version).toBe(report.version);
  });

  test('an unknown coordinate system keeps positions as given and marks them approximate', async () => {
    const m = path.join(dir, 'unknown-crs.json');
    fs.writeFileSync(m, JSON.stringify({ asOf: '2026-01-01', crs: 'unknown: not stated', sources: [{ file: path.join(FIXTURES, 'outlets.csv'), bank: '交通银行', region: '全国' }] }));
    const r = await buildRegistry({ manifest: m, out: path.join(dir, 'unknown.sqlite') });
    const d = new Database(r.out, { readonly: true });
    const o = d.prepare("SELECT lng, approximate FROM outlets WHERE name = '交通银行深圳示例支行'").get() as { lng: number; approximate: number };
    d.close();
    expect(o).toEqual({ lng: 114.1247, approximate: 1 });
    expect(r.sources[0]).toMatchObject({ approximate: true });
  });

  test('a bad manifest is refused with the reason, and leaves no file behind', async () => {
    const m = path.join(dir, 'bad.json');
    fs.writeFileSync(m, JSON.stringify({ asOf: 'yesterday', sources: [] }));
    const out = path.join(dir, 'bad.sqlite');
    await expect(buildRegistry({ manifest: m, out })).rejects.toThrow(/asOf is a date.*sources: a manifest lists at least one source/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
