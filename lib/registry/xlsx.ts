import fs from 'node:fs';
import { Unzip, UnzipInflate, UnzipPassThrough, strFromU8 } from 'fflate';

/**
 * The first sheet of an XLSX file as a table of cells (strings, numbers, booleans or null),
 * read with caps: the bytes decompressed (a zip bomb stops at the cap, it never reaches
 * memory whole) and the rows. Rows and cells without the optional `r` attribute follow the
 * one before, as the format says. Only what a source needs is read: shared strings, inline
 * strings, numbers, booleans; no styles, so a date stored as a number stays a number.
 */

export interface XlsxLimits {
  /** Bytes decompressed, all parts together. */
  maxBytes: number;
  maxRows: number;
}

export const XLSX_LIMITS: XlsxLimits = { maxBytes: 200 * 1024 * 1024, maxRows: 1_000_000 };

export class XlsxLimitError extends Error {}

/** Compressed bytes pushed at a time: DEFLATE expands at most about 1,032 times, so 16 KB in is at most 17 MB out. */
const CHUNK = 16 * 1024;
const WANTED = /^xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/;

function unzipParts(buf: Uint8Array, maxBytes: number): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array[]>();
  let total = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (!WANTED.test(file.name)) return;
    const chunks: Uint8Array[] = [];
    parts.set(file.name, chunks);
    file.ondata = (err, data) => {
      if (failure) return;
      if (err) {
        failure = err;
        return;
      }
      total += data.length;
      if (total > maxBytes) {
        failure = new XlsxLimitError(`the XLSX file expands to more than ${Math.round(maxBytes / 1024 / 1024)} MB: refused (a damaged file or a zip bomb)`);
        file.terminate();
        return;
      }
      chunks.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < buf.length && !failure; at += CHUNK) unzip.push(buf.subarray(at, at + CHUNK), at + CHUNK >= buf.length);
  } catch (err) {
    throw new Error(`not a readable XLSX file: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (failure) throw failure;
  const out = new Map<string, Uint8Array>();
  for (const [name, chunks] of parts) out.set(name, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  return out;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlText(s: string): string {
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
        return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return ENTITY[e] ?? m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** The text of a string item: every <t> run, phonetic runs (<rPh>) left out. */
function runsText(xml: string): string {
  let s = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) s += xmlText(m[1] ?? '');
  return s;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) => runsText(m[1] ?? ''));
}

/** Column letters to a 0-based index: A → 0, AA → 26. */
function columnIndex(ref: string): number | null {
  const m = /^([A-Z]{1,3})\d*$/i.exec(ref);
  if (!m) return null;
  let n = 0;
  for (const ch of m[1].toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function firstSheetPath(parts: Map<string, string>): string {
  const workbook = parts.get('xl/workbook.xml') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const sheet = /<sheet\b[^>]*>/.exec(workbook)?.[0];
  const id = sheet ? /\sr:id="([^"]*)"/.exec(sheet)?.[1] : null;
  if (id) {
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (attr(m[0], 'Id') !== id) continue;
      const target = (attr(m[0], 'Target') ?? '').replace(/^\/?xl\//, '').replace(/^\//, '');
      const p = `xl/${target}`;
      if (parts.has(p)) return p;
    }
  }
  const any = [...parts.keys()].filter((k) => k.startsWith('xl/worksheets/')).sort()[0];
  if (!any) throw new Error('not a readable XLSX file: it holds no worksheet');
  return any;
}

export type Cell = string | number | boolean | null;

export function readXlsxBuffer(buf: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Cell[][] {
  const raw = unzipParts(buf, limits.maxBytes);
  const parts = new Map([...raw].map(([k, v]) => [k, strFromU8(v)]));
  const strings = sharedStrings(parts.get('xl/sharedStrings.xml'));
  const sheet = parts.get(firstSheetPath(parts)) ?? '';
  const rows: Cell[][] = [];
  let rowNo = 0;
  for (const m of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attr(m[1], 'r'));
    rowNo = Number.isInteger(r) && r > rowNo ? r : rowNo + 1;
    if (rowNo > limits.maxRows) throw new XlsxLimitError(`the XLSX sheet has more than ${limits.maxRows} rows: refused`);
    const cells: Cell[] = [];
    let col = -1;
    for (const c of (m[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(c[1], 'r');
      const at = ref ? columnIndex(ref) : null;
      col = at !== null && at > col ? at : col + 1;
      if (col > 16383) break;
      const type = attr(c[1], 't') ?? 'n';
      const body = c[2] ?? '';
      const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: Cell = null;
      if (type === 'inlineStr') value = runsText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (v === undefined) value = null;
      else if (type === 's') value = strings[Number(v)] ?? null;
      else if (type === 'b') value = v.trim() === '1';
      else if (type === 'str' || type === 'e' || type === 'd') value = xmlText(v);
      else {
        const n = Number(v);
        value = Number.isFinite(n) ? n : xmlText(v);
      }
      if (value === '') value = null;
      while (cells.length < col) cells.push(null);
      cells[col] = value;
    }
    while (rows.length < rowNo - 1) rows.push([]);
    rows[rowNo - 1] = cells;
  }
  // Trailing empty rows say nothing.
  while (rows.length && rows[rows.length - 1].every((c) => c === null)) rows.pop();
  return rows;
}

export function readXlsx(file: string, limits: XlsxLimits = XLSX_LIMITS): Cell[][] {
  const size = fs.statSync(file).size;
  // A compressed file is never larger than what it expands to (bar a few headers).
  if (size > limits.maxBytes) throw new XlsxLimitError(`the XLSX file is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB: refused`);
  return readXlsxBuffer(fs.readFileSync(file), limits);
}
