import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { countPosition, readPosition, type PositionCounts } from './coords';
import { readXlsx } from './xlsx';

/**
 * Reading one source file into rows: a bank's own outlet list (网点名称,网点地址,电话,
 * Longitude,Latitude) or the regulator's licence records (机构编码 … 变更前机构信息), as CSV
 * or XLSX. Every row is checked with zod; a bad row is reported with its number and reason,
 * and the good rows are kept.
 */

/** Why a row was refused, naming each field that did not fit. */
const malformed = (e: z.ZodError) => `malformed row: ${e.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(', ')}`;

export type SourceFormat = 'outlet-list' | 'licence';

export interface LicenceFields {
  code: string | null; // 机构编码
  shortName: string | null; // 机构简称
  location: string | null; // 机构所在地
  postcode: string | null;
  issuedAt: string | null; // 发证日期
  approvedAt: string | null; // 批准成立日期
  authority: string | null; // 发证机关
  serial: string | null; // 流水号
  exitedAt: string | null; // 退出时间: a withdrawn licence
}

/** The record before a licence's last change (前流水号, 前机构编码, 前机构名称, 前机构地址). */
export interface PreviousRecord {
  serial: string | null;
  code: string | null;
  name: string | null;
  address: string | null;
}

export interface RawRow {
  /** Line of the file (CSV) or row of the sheet (XLSX), 1 = header. */
  row: number;
  name: string;
  address: string;
  phone: string | null;
  lng: number | null;
  lat: number | null;
  previousAddress: string | null;
  previous: PreviousRecord | null;
  licence: LicenceFields | null;
}

export interface RowProblem {
  row: number;
  reason: string;
}

export interface SourceRows {
  format: SourceFormat;
  rows: RawRow[];
  skipped: RowProblem[];
  /** Rows whose position was out of range (dropped) or swapped (put right). */
  positions: PositionCounts;
}

const OUTLET_HEADER = ['网点名称', '网点地址'];
const LICENCE_HEADER = ['机构编码', '机构名称', '机构地址'];

// A line break inside a cell (an address typed over two lines in the spreadsheet) is a space.
const text = z.preprocess((v) => (v === null || v === undefined ? '' : String(v).replace(/\s*[\r\n]+\s*/g, ' ').trim()), z.string());
const OutletListRow = z.object({
  网点名称: text,
  网点地址: text,
  电话: text.optional(),
  Longitude: text.optional(),
  Latitude: text.optional(),
});
const LicenceRow = z.object({
  机构编码: text.optional(),
  机构名称: text,
  机构简称: text.optional(),
  机构地址: text,
  经度: text.optional(),
  纬度: text.optional(),
  机构所在地: text.optional(),
  邮政编码: text.optional(),
  发证日期: text.optional(),
  批准成立日期: text.optional(),
  发证机关: text.optional(),
  流水号: text.optional(),
  变更前机构信息: text.optional(),
  前流水号: text.optional(),
  前机构编码: text.optional(),
  前机构名称: text.optional(),
  前机构地址: text.optional(),
  退出时间: text.optional(),
});

/** 变更前机构信息 holds the previous name and address; keep the address. */
export function previousAddressOf(info: string | undefined): string | null {
  if (!info) return null;
  const m = /(?:机构)?地址[:：]\s*([^；;|\n]+)/.exec(info);
  if (m) return m[1].trim() || null;
  // Without labels, the text is the old address itself when it looks like one.
  return /[路街道巷号楼层室]/.test(info) ? info.trim() : null;
}

function detectFormat(header: string[]): SourceFormat | null {
  const h = header.map((c) => String(c ?? '').replace(/^\uFEFF/, '').trim());
  if (LICENCE_HEADER.every((c) => h.includes(c))) return 'licence';
  if (OUTLET_HEADER.every((c) => h.includes(c))) return 'outlet-list';
  return null;
}

function toObjects(table: unknown[][], firstRow: number, lineOf?: (i: number) => number) {
  const header = (table[0] ?? []).map((c) => String(c ?? '').replace(/^\uFEFF/, '').trim());
  return {
    header,
    records: table.slice(1).map((cells, i) => ({
      row: lineOf ? lineOf(i) : firstRow + i + 1,
      cells,
      object: Object.fromEntries(header.map((h, k) => [h, cells[k] === undefined ? undefined : cells[k]])),
    })),
  };
}

async function readTable(file: string): Promise<{ table: unknown[][]; lineOf?: (i: number) => number }> {
  if (/\.xlsx$/i.test(file)) {
    return { table: readXlsx(file) };
  }
  const raw = fs.readFileSync(file);
  // The project's own snapshot of the licence export is gzipped CSV.
  const buf = /\.gz$/i.test(file) ? gunzipSync(raw, { maxOutputLength: MAX_CSV_BYTES }) : raw;
  if (buf.includes(0)) throw new Error('not a text file (it holds NUL bytes)');
  try {
    const records = parseCsv(buf, CSV_OPTIONS) as unknown as { record: string[]; info: { lines: number } }[];
    // A row of a source never holds a line break: one that does swallowed the lines after a stray quote.
    if (records.some((r) => r.record.some((c) => /[\r\n]/.test(c)))) throw new Error('stray quote');
    return { table: records.map((r) => r.record), lineOf: (i: number) => records[i + 1].info.lines };
  } catch {
    // A broken quote spoils the file for a strict reader: read line by line instead, so that
    // one bad row is reported and the others are kept.
    const lines = buf.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    const table: unknown[][] = [];
    const rowOf: number[] = [];
    lines.forEach((line, k) => {
      if (!line.trim()) return;
      try {
        const [record] = parseCsv(line, { relax_column_count: true, relax_quotes: true }) as string[][];
        table.push(record ?? []);
      } catch (err) {
        table.push([BROKEN, strayQuote(line) ?? (err instanceof Error ? err.message : String(err))]);
      }
      rowOf.push(k + 1);
    });
    return { table, lineOf: (i: number) => rowOf[i + 1] };
  }
}

/** A line whose quotes do not pair: the reader would take the lines after it as part of this row. */
const strayQuote = (line: string) => ((line.match(/"/g)?.length ?? 0) % 2 === 1 ? 'stray quote: an opening " is never closed, so this row would swallow the lines after it' : null);

/** A gzipped source may not unpack to more than this. */
const MAX_CSV_BYTES = 512 * 1024 * 1024;
const CSV_OPTIONS = { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true } as const;
/** Marks a line the CSV reader could not read at all. */
const BROKEN = '\u0000broken';

/** A row of the table with its line number, its cells, and its cells by column name. */
type SourceRecord = ReturnType<typeof toObjects>['records'][number];
/** Reads a row's position, counting those out of range or swapped. */
type ReadPosition = (lng: string | undefined, lat: string | undefined) => { lng: number | null; lat: number | null };

/** The file's format: the one declared, which its columns must not contradict, or the one they show. */
function formatOf(header: string[], declared?: SourceFormat): SourceFormat {
  const detected = detectFormat(header);
  const format = declared ?? detected;
  if (!format) throw new Error(`unknown columns: ${header.join(',')} (expected an outlet list with 网点名称,网点地址 or licence records with 机构编码,机构名称,机构地址)`);
  if (detected && detected !== format) throw new Error(`declared format ${format}, but the columns are those of ${detected}`);
  return format;
}

/** A row of a bank's outlet list, or why it was refused. */
function outletRow(r: SourceRecord, position: ReadPosition): RawRow | string {
  const p = OutletListRow.safeParse(r.object);
  if (!p.success) return malformed(p.error);
  const o = p.data;
  if (!o.网点地址) return o.网点名称 ? 'no address' : 'empty row';
  return {
    row: r.row,
    name: o.网点名称,
    address: o.网点地址,
    phone: o.电话 || null,
    ...position(o.Longitude, o.Latitude),
    previousAddress: null,
    previous: null,
    licence: null,
  };
}

type LicenceCells = z.infer<typeof LicenceRow>;

/** The record before the licence's last change, when the row names any of it. */
function previousOf(o: LicenceCells): PreviousRecord | null {
  return o.前流水号 || o.前机构编码 || o.前机构名称 || o.前机构地址
    ? { serial: o.前流水号 || null, code: o.前机构编码 || null, name: o.前机构名称 || null, address: o.前机构地址 || null }
    : null;
}

function licenceFieldsOf(o: LicenceCells): LicenceFields {
  return {
    code: o.机构编码 || null,
    shortName: o.机构简称 || null,
    location: o.机构所在地 || null,
    postcode: o.邮政编码 || null,
    issuedAt: o.发证日期 || null,
    approvedAt: o.批准成立日期 || null,
    authority: o.发证机关 || null,
    serial: o.流水号 || null,
    exitedAt: o.退出时间 || null,
  };
}

/** A row of the regulator's licence records, or why it was refused. */
function licenceRow(r: SourceRecord, position: ReadPosition): RawRow | string {
  const p = LicenceRow.safeParse(r.object);
  if (!p.success) return malformed(p.error);
  const o = p.data;
  if (!o.机构名称) return 'no name';
  // A licence without an address is kept: it still names its institution and region.
  return {
    row: r.row,
    name: o.机构名称,
    address: o.机构地址,
    phone: null,
    ...position(o.经度, o.纬度),
    previousAddress: o.前机构地址 || previousAddressOf(o.变更前机构信息),
    previous: previousOf(o),
    licence: licenceFieldsOf(o),
  };
}

export async function readSource(file: string, declared?: SourceFormat): Promise<SourceRows> {
  const { table, lineOf } = await readTable(file);
  if (table.length === 0) throw new Error('the file is empty');
  const { header, records } = toObjects(table, 1, lineOf);
  const format = formatOf(header, declared);
  const readRow = format === 'outlet-list' ? outletRow : licenceRow;

  const rows: RawRow[] = [];
  const skipped: RowProblem[] = [];
  const positions: PositionCounts = { outOfRange: 0, swapped: 0 };
  const position: ReadPosition = (lng, lat) => {
    const p = readPosition(lng, lat);
    countPosition(positions, p.issue);
    return { lng: p.lng, lat: p.lat };
  };
  for (const r of records) {
    if (r.cells[0] === BROKEN) {
      skipped.push({ row: r.row, reason: `unreadable line: ${String(r.cells[1])}` });
      continue;
    }
    if (r.cells.length < 2 && r.cells.every((c) => String(c ?? '').trim() === '')) continue;
    const read = readRow(r, position);
    if (typeof read === 'string') skipped.push({ row: r.row, reason: read });
    else rows.push(read);
  }
  return { format, rows, skipped, positions };
}
