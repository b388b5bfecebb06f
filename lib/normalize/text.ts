import { toSimplified } from './simplified';

/**
 * A normalized copy of a text that remembers where every character came from, so that
 * every part the parser finds can be highlighted in the text the user actually typed.
 */
export interface NormText {
  /** The text as given. */
  readonly source: string;
  /** Half-width, simplified, with spaces, dashes and brackets made uniform. */
  readonly text: string;
  /** starts[i] / ends[i]: the range of `source` that normalized char i came from. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** Stands for one unreadable character: "[UNK]" in tokenized corpora, or U+FFFD from broken UTF-8. */
export const UNKNOWN_CHAR = '\uFFFD';
const UNK_TOKEN = '[UNK]';

const DASHES = new Set([
  '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D',
  '~', '\u301C', '\uFF5E', '\u2053',
]);
const OPENERS = new Set(['【', '〔', '［', '[', '｛', '{', '〈', '《', '「', '『', '〖']);
const CLOSERS = new Set(['】', '〕', '］', ']', '｝', '}', '〉', '》', '」', '』', '〗']);
// Zero-width characters and soft hyphens carry nothing and break matching.
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060\uFEFF]/;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u3000' || c === '\u00A0' || c === '\f' || c === '\v';
}

function isDigit(c: string | undefined): boolean {
  return !!c && c >= '0' && c <= '9';
}

function isAsciiAlnum(c: string | undefined): boolean {
  if (!c) return false;
  const x = c.charCodeAt(0);
  return (x >= 48 && x <= 57) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122);
}

/** NFKC of one code point, with a fast path for the ranges NFKC leaves alone. */
function foldWidth(ch: string): string {
  const x = ch.charCodeAt(0);
  if (x < 0x7f || (x >= 0x4e00 && x <= 0x9fff)) return ch;
  if (x >= 0xff01 && x <= 0xff5e) return String.fromCharCode(x - 0xfee0);
  return ch.normalize('NFKC');
}

function mapPunct(c: string): string {
  if (DASHES.has(c)) return '-';
  if (OPENERS.has(c)) return '(';
  if (CLOSERS.has(c)) return ')';
  return c;
}

/**
 * Normalize a text for parsing: full-width to half-width (NFKC), dashes to '-', brackets to
 * '()', whitespace dropped between Chinese characters (kept as one space only where it
 * separates two runs of Latin letters or digits, and line breaks kept as one '\n'),
 * traditional characters to simplified.
 * Chinese numerals are left alone: they are read only inside recognised parts.
 */
export function normalize(source: string): NormText {
  const out: Written = { chars: [], starts: [], ends: [], pendingSpace: -1 };
  const n = source.length;
  let i = 0;
  while (i < n) {
    const code = source.charCodeAt(i);
    // Fast path: Chinese characters and ASCII letters and digits pass unchanged.
    if (out.pendingSpace < 0 && ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a))) {
      out.chars.push(source[i]);
      out.starts.push(i);
      out.ends.push(i + 1);
      i += 1;
      continue;
    }
    i = readChar(out, source, i, code);
  }
  fixTypedMarks(out);
  const { chars, starts, ends } = out;
  while (chars.length && chars[chars.length - 1] === '\n') {
    chars.pop();
    starts.pop();
    ends.pop();
  }
  const text = toSimplified(chars.join(''));
  return { source, text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The normalized text as it is written: characters, where each came from, a whitespace run not yet decided. */
interface Written {
  chars: string[];
  starts: number[];
  ends: number[];
  /** Source index of a whitespace run not yet decided, or -1. */
  pendingSpace: number;
}

/** Write c, from source range [s, e); a pending space first, where it separates two Latin or digit runs. */
function emit(out: Written, c: string, s: number, e: number) {
  if (out.pendingSpace >= 0) {
    if (isAsciiAlnum(out.chars[out.chars.length - 1]) && isAsciiAlnum(c)) {
      out.chars.push(' ');
      out.starts.push(out.pendingSpace);
      out.ends.push(out.pendingSpace + 1);
    }
    out.pendingSpace = -1;
  }
  // One entry per UTF-16 code unit, so that text indexes and starts/ends stay aligned.
  for (let k = 0; k < c.length; k++) {
    out.chars.push(c[k]);
    out.starts.push(s);
    out.ends.push(e);
  }
}

/** Write the character at i (any but the fast path's); returns where the next one starts. */
function readChar(out: Written, source: string, i: number, code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return readSurrogate(out, source, i, code);
  const ch = source[i];
  if (ch === '[' && source.startsWith(UNK_TOKEN, i)) {
    emit(out, UNKNOWN_CHAR, i, i + UNK_TOKEN.length);
    return i + UNK_TOKEN.length;
  }
  // A line break separates the lines of a message: kept, as one '\n'.
  if (ch === '\n' || ch === '\r' || ch === '\u2028') {
    out.pendingSpace = -1;
    if (out.chars.length > 0 && out.chars[out.chars.length - 1] !== '\n') emit(out, '\n', i, i + 1);
    return i + 1;
  }
  if (isSpace(ch)) {
    if (out.pendingSpace < 0 && out.chars.length > 0 && out.chars[out.chars.length - 1] !== '\n') out.pendingSpace = i;
    return i + 1;
  }
  if (code < 0x20 || code === 0x7f || INVISIBLE.test(ch)) return i + 1;
  const folded = foldWidth(ch);
  if (folded.length === 1) emitFolded(out, folded, i);
  else for (const f of folded) emitFolded(out, f, i);
  return i + 1;
}

/** Surrogate pairs stay together; a lone surrogate is unreadable. */
function readSurrogate(out: Written, source: string, i: number, code: number): number {
  const next = source.charCodeAt(i + 1);
  if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
    const folded = source.slice(i, i + 2).normalize('NFKC');
    if (folded.length === 2) emit(out, folded, i, i + 2);
    else for (const f of folded) emit(out, mapPunct(f), i, i + 2);
    return i + 2;
  }
  emit(out, UNKNOWN_CHAR, i, i + 1);
  return i + 1;
}

/** One character of a width-folded source character at i: a space to decide later, or written. */
function emitFolded(out: Written, f: string, i: number) {
  if (!isSpace(f)) emit(out, mapPunct(f), i, i + 1);
  else if (out.pendingSpace < 0 && out.chars.length > 0) out.pendingSpace = i;
}

/** Marks typed another way between digits: 107# → 107号, 12一7 / 3_6 → 12-7 / 3-6, 108--7 → 108-7. */
function fixTypedMarks({ chars, starts, ends }: Written) {
  // 107#: a # after a number is 号 typed another way.
  for (let k = 1; k < chars.length; k++) if (chars[k] === '#' && isDigit(chars[k - 1])) chars[k] = '号';
  // 12一7一944 and 3_6_2101: a 一 or _ between digits is a dash typed another way.
  for (let k = 1; k < chars.length - 1; k++) {
    if ((chars[k] === '一' || chars[k] === '_') && isDigit(chars[k - 1]) && isDigit(chars[k + 1])) chars[k] = '-';
  }
  // 108--7-905: a doubled dash between digits is one dash.
  for (let k = 1; k < chars.length - 2; k++) {
    if (chars[k] === '-' && chars[k + 1] === '-' && isDigit(chars[k - 1]) && isDigit(chars[k + 2])) {
      chars.splice(k + 1, 1);
      starts.splice(k + 1, 1);
      ends[k] = ends[k + 1];
      ends.splice(k + 1, 1);
    }
  }
}

/** The source range a normalized range [start, end) came from. */
export function sourceSpan(nt: NormText, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < nt.starts.length ? nt.starts[start] : nt.source.length;
    return [at, at];
  }
  return [nt.starts[start], nt.ends[end - 1]];
}

/**
 * The value of a normalized range as it is reported: normalized text, except that an
 * unreadable character is shown as the source wrote it ("[UNK]" stays "[UNK]").
 */
export function valueOf(nt: NormText, start: number, end: number): string {
  const slice = nt.text.slice(start, end);
  if (!slice.includes(UNKNOWN_CHAR)) return slice;
  let out = '';
  for (let k = start; k < end; k++) {
    const c = nt.text[k];
    out += c === UNKNOWN_CHAR ? nt.source.slice(nt.starts[k], nt.ends[k]) : c;
  }
  return out;
}
