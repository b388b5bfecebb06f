import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPosition } from '../../lib/registry/coords';
import { readSource } from '../../lib/registry/sources';
import { readXlsxBuffer, XlsxLimitError } from '../../lib/registry/xlsx';

/** The faults of an import, one row each: what the operator gets, and that the good registry survives. */

const root = path.resolve(__dirname, '../..');
const FIXTURES = path.join(root, 'data/fixtures/registry');
const build = (args: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts/cli.mjs'), 'registry-build', ...args], { cwd: root, maxBuffer: 64 << 20 });

let dir: string;
let good: string;
let goodBytes: Buffer;
const OUTLETS = fs.readFileSync(path.join(FIXTURES, 'outlets.csv'));

function manifest(name: string, sources: { file: string; bank?: string; region?: string; format?: string }[]): string {
  const m = path.join(dir, `${name}.json`);
  fs.writeFileSync(m, JSON.stringify({ asOf: '2026-01-01', crs: 'gcj02', sources: sources.map((s) => ({ bank: '交通银行', region: '全国', ...s })) }));
  return m;
}
const file = (name: string, content: string | Buffer) => {
  fs.writeFileSync(path.join(dir, name), content);
  return name;
};

/** A minimal XLSX: the sheet's rows as given (XML), with shared strings. */
function xlsx(rowsXml: string, strings: string[] = []): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/sharedStrings.xml': strToU8(`<sst>${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rowsXml}</sheetData></worksheet>`),
  });
}

/** A zip of one sheet that inflates to `bytes` of zeros, a few hundred times smaller than that. */
async function zipBomb(bytes: number): Promise<Buffer> {
  const zlib = await import('node:zlib');
  const d = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  d.on('data', (c: Buffer) => parts.push(c));
  const zeros = Buffer.alloc(1 << 20);
  for (let n = 0; n < bytes; n += zeros.length) if (!d.write(zeros)) await new Promise((r) => d.once('drain', r));
  d.end();
  await new Promise((r) => d.on('end', r));
  const data = Buffer.concat(parts);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(bytes >>> 0, 22);
  local.writeUInt16LE(name.length, 26);
  return Buffer.concat([local, name, data]);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-guard-'));
  file('outlets.csv', OUTLETS);
  good = path.join(dir, 'good.sqlite');
  const r = build(['--manifest', manifest('good', [{ file: 'outlets.csv' }]), '--out', good]);
  expect(r.status, r.stderr.toString()).toBe(0);
  goodBytes = fs.readFileSync(good);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a failed build leaves the good registry byte for byte, exit 1', () => {
  const cases: { fault: string; sources: () => { file: string; format?: string }[]; args?: string[]; reason: RegExp }[] = [
    { fault: 'a missing source', sources: () => [{ file: 'nowhere.csv' }], reason: /source nowhere\.csv failed: ENOENT/ },
    { fault: 'one of two sources missing', sources: () => [{ file: 'outlets.csv' }, { file: 'nowhere.csv' }], reason: /source nowhere\.csv failed/ },
    { fault: 'a bad XLSX file', sources: () => [{ file: file('junk.xlsx', 'PK\u0003\u0004 this is not a zip at all') }], reason: /source junk\.xlsx failed: not a readable XLSX file/ },
    { fault: 'wrong headers', sources: () => [{ file: file('headers.csv', 'name,addr\n某支行,某路1号\n') }], reason: /source headers\.csv failed: unknown columns: name,addr/ },
    { fault: 'a source of 0 rows', sources: () => [{ file: 'outlets.csv' }, { file: file('empty-rows.csv', '网点名称,网点地址\n') }], reason: /source empty-rows\.csv gave 0 outlets, fewer than 1/ },
    { fault: 'fewer outlets than --min-outlets', sources: () => [{ file: 'outlets.csv' }], args: ['--min-outlets', '100'], reason: /would hold 6 outlets, fewer than 100/ },
    { fault: 'a source under --min-per-source', sources: () => [{ file: 'outlets.csv' }], args: ['--min-per-source', '7'], reason: /source outlets\.csv gave 6 outlets, fewer than 7/ },
    { fault: '--allow-missing, but nothing at all imported', sources: () => [{ file: 'nowhere.csv' }], args: ['--allow-missing'], reason: /would hold 0 outlets, fewer than 1/ },
  ];
  test.each(cases)('$fault', ({ fault, sources, args = [], reason }) => {
    const r = build(['--manifest', manifest(fault.replace(/\W+/g, '-'), sources()), '--out', good, ...args]);
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toMatch(reason);
    expect(r.stdout.toString()).toContain('NOT WRITTEN');
    expect(fs.readFileSync(good).equals(goodBytes)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('--allow-missing writes a partial build on purpose, and its report names the missing source', () => {
    const out = path.join(dir, 'partial.sqlite');
    const r = build(['--manifest', manifest('partial', [{ file: 'outlets.csv' }, { file: 'nowhere.csv' }]), '--out', out, '--allow-missing']);
    expect(r.status).toBe(0);
    expect(r.stdout.toString()).toMatch(/6 outlets[\s\S]*source nowhere\.csv[\s\S]*ERROR: ENOENT/);
    expect(fs.existsSync(out)).toBe(true);
  });
});

describe('--out may not be one of the inputs (exit 2, nothing touched)', () => {
  test.each([
    { what: 'the manifest itself', out: () => path.join(dir, 'self.json') },
    { what: 'a source', out: () => path.join(dir, 'outlets.csv') },
    { what: 'a source through a symbolic link', out: () => {
      const link = path.join(dir, 'link.sqlite');
      fs.rmSync(link, { force: true });
      fs.symlinkSync(path.join(dir, 'outlets.csv'), link);
      return link;
    } },
  ])('$what', ({ out }) => {
    const m = manifest('self', [{ file: 'outlets.csv' }]);
    const target = out();
    const before = fs.readFileSync(target);
    const r = build(['--manifest', m, '--out', target]);
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toContain("is one of the build's own inputs");
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });
});

describe('an interrupted build', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)('%s removes the temporary file and leaves the target', async (signal) => {
    // Enough rows that the build is still writing when the signal comes.
    const lines = ['网点名称,网点地址,电话,Longitude,Latitude'];
    for (let i = 0; i < 6000; i++) lines.push(`交通银行深圳示例${i}支行,广东省深圳市罗湖区示例路${i + 1}号示例大厦${i % 30}楼,0755-1,114.1,22.5`);
    file('big.csv', lines.join('\n'));
    const m = manifest('big', [{ file: 'big.csv' }]);
    const child = spawn(process.execPath, [path.join(root, 'scripts/cli.mjs'), 'registry-build', '--manifest', m, '--out', good], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    const tmpSeen = await new Promise<boolean>((resolve) => {
      const started = Date.now();
      const t = setInterval(() => {
        if (fs.readdirSync(dir).some((f) => f.startsWith('good.sqlite.') && f.endsWith('.tmp'))) {
          clearInterval(t);
          child.kill(signal);
          resolve(true);
        } else if (Date.now() - started > 60_000 || child.exitCode !== null) {
          clearInterval(t);
          resolve(false);
        }
      }, 2);
    });
    expect(tmpSeen).toBe(true);
    expect(await exited).toBe(signal);
    expect(stderr).toContain(`stopped by ${signal}`);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(fs.readFileSync(good).equals(goodBytes)).toBe(true);
  }, 90_000);
});

describe('XLSX: caps and rows without r', () => {
  test('a zip bomb of 1.1 GB is refused at the cap, and memory stays far from 1 GB', async () => {
    const bomb = await zipBomb(1100 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1);
    let error: unknown;
    try {
      readXlsxBuffer(bomb);
    } catch (err) {
      error = err;
    }
    clearInterval(watch);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(error).toBeInstanceOf(XlsxLimitError);
    expect(String(error)).toContain('expands to more than 200 MB');
    expect(peak - before).toBeLessThan(600 * 1024 * 1024);
  }, 60_000);

  test('a sheet of more rows than the cap is refused', () => {
    const rows = Array.from({ length: 11 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join('');
    expect(() => readXlsxBuffer(xlsx(rows), { maxBytes: 1 << 20, maxRows: 10 })).toThrow(/more than 10 rows/);
  });

  test('rows and cells without the optional r attribute follow the one before', () => {
    const rows = [
      '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c><v>114.1</v></c></row>',
      '<row><c t="inlineStr"><is><t>交通银行深圳甲支行</t></is></c><c t="inlineStr"><is><t>深圳市罗湖区甲路1号</t></is></c></row>',
      '<row r="4"><c r="B4" t="inlineStr"><is><t>只有地址</t></is></c></row>',
      '<row><c t="str"><v>A&amp;B</v></c><c/><c t="b"><v>1</v></c></row>',
    ].join('');
    expect(readXlsxBuffer(xlsx(rows, ['网点名称', '网点地址']))).toEqual([
      ['网点名称', '网点地址', 114.1],
      ['交通银行深圳甲支行', '深圳市罗湖区甲路1号'],
      [],
      [null, '只有地址'],
      ['A&B', null, true],
    ]);
  });

  test('an XLSX source without r attributes is imported', async () => {
    const rows = '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c t="inlineStr"><is><t>交通银行深圳乙支行</t></is></c><c t="inlineStr"><is><t>深圳市罗湖区乙路2号</t></is></c></row>';
    const r = await readSource(path.join(dir, file('no-r.xlsx', Buffer.from(xlsx(rows, ['网点名称', '网点地址'])))));
    expect(r.rows.map((x) => [x.row, x.name, x.address])).toEqual([[2, '交通银行深圳乙支行', '深圳市罗湖区乙路2号']]);
  });
});

describe('CSV and positions', () => {
  test('a row swallowed by a stray quote is reported as such, and the rows after it are kept', async () => {
    const csv = ['网点名称,网点地址', '交通银行甲支行,深圳市罗湖区甲路1号', '"交通银行乙支行,深圳市罗湖区乙路2号', '交通银行丙支行,深圳市罗湖区丙路3号', '交通银行丁支行,"深圳市罗湖区丁路4号"'].join('\n');
    const r = await readSource(path.join(dir, file('stray.csv', csv)));
    expect(r.skipped).toEqual([{ row: 3, reason: expect.stringContaining('stray quote: an opening " is never closed') }]);
    expect(r.rows.map((x) => x.name)).toEqual(['交通银行甲支行', '交通银行丙支行', '交通银行丁支行']);
  });

  test.each([
    { lng: '117.2', lat: '31.8', want: { lng: 117.2, lat: 31.8, issue: null } },
    { lng: '31.8', lat: '117.2', want: { lng: 117.2, lat: 31.8, issue: 'swapped' } },
    { lng: '200', lat: '31.8', want: { lng: null, lat: null, issue: 'out_of_range' } },
    { lng: '-117.2', lat: '-31.8', want: { lng: null, lat: null, issue: 'out_of_range' } },
    { lng: '117.2', lat: '', want: { lng: null, lat: null, issue: null } },
    { lng: '', lat: '', want: { lng: null, lat: null, issue: null } },
    { lng: '0', lat: '0', want: { lng: null, lat: null, issue: null } },
  ])('position $lng, $lat', ({ lng, lat, want }) => {
    expect(readPosition(lng, lat)).toEqual(want);
  });

  test('out-of-range and swapped positions are counted in the import report', () => {
    const csv = ['网点名称,网点地址,电话,Longitude,Latitude', '交通银行甲支行,深圳市罗湖区甲路1号,,114.1,22.5', '交通银行乙支行,深圳市罗湖区乙路2号,,22.5,114.1', '交通银行丙支行,深圳市罗湖区丙路3号,,514.1,22.5'].join('\n');
    file('positions.csv', csv);
    const out = path.join(dir, 'positions.sqlite');
    const r = build(['--manifest', manifest('positions', [{ file: 'positions.csv' }]), '--out', out, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout.toString()).sources[0].positions).toEqual({ outOfRange: 1, swapped: 1 });
  });
});
