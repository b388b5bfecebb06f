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
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let pendingSpace = -1; // source index of a whitespace run not yet decided

  const emit = (c: string, s: number, e: number) => {
    if (pendingSpace >= 0) {
      if (isAsciiAlnum(chars[chars.length - 1]) && isAsciiAlnum(c)) {
        chars.push(' ');
        starts.push(pendingSpace);
        ends.push(pendingSpace + 1);
      }
      pendingSpace = -1;
    }
    // One entry per UTF-16 code unit, so that text indexes and starts/ends stay aligned.
    for (let k = 0; k < c.length; k++) {
      chars.push(c[k]);
      starts.push(s);
      ends.push(e);
    }
  };

  let i = 0;
  const n = source.length;
  while (i < n) {
    const code = source.charCodeAt(i);
    // Fast path: Chinese characters and ASCII letters and digits pass unchanged.
    if (pendingSpace < 0 && ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a))) {
      chars.push(source[i]);
      starts.push(i);
      ends.push(i + 1);
      i += 1;
      continue;
    }
    // Surrogate pairs stay together; a lone surrogate is unreadable.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = source.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const pair = source.slice(i, i + 2);
        const folded = pair.normalize('NFKC');
        if (folded.length === 2) emit(folded, i, i + 2);
        else for (const f of folded) emit(mapPunct(f), i, i + 2);
        i += 2;
        continue;
      }
      emit(UNKNOWN_CHAR, i, i + 1);
      i += 1;
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      emit(UNKNOWN_CHAR, i, i + 1);
      i += 1;
      continue;
    }
    const ch = source[i];
    if (ch === '[' && source.startsWith(UNK_TOKEN, i)) {
      emit(UNKNOWN_CHAR, i, i + UNK_TOKEN.length);
      i += UNK_TOKEN.length;
      continue;
    }
    // A line break separates the lines of a message: kept, as one '\n'.
    if (ch === '\n' || ch === '\r' || ch === '\u2028') {
      pendingSpace = -1;
      if (chars.length > 0 && chars[chars.length - 1] !== '\n') emit('\n', i, i + 1);
      i += 1;
      continue;
    }
    if (isSpace(ch)) {
      if (pendingSpace < 0 && chars.length > 0 && chars[chars.length - 1] !== '\n') pendingSpace = i;
      i += 1;
      continue;
    }
    if (code < 0x20 || code === 0x7f || INVISIBLE.test(ch)) {
      i += 1;
      continue;
    }
    const folded = foldWidth(ch);
    if (folded.length === 1) {
      if (isSpace(folded)) {
        if (pendingSpace < 0 && chars.length > 0) pendingSpace = i;
      } else emit(mapPunct(folded), i, i + 1);
    } else {
      for (const f of folded) {
        if (isSpace(f)) {
          if (pendingSpace < 0 && chars.length > 0) pendingSpace = i;
        } else emit(mapPunct(f), i, i + 1);
      }
    }
    i += 1;
  }

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
  while (chars.length && chars[chars.length - 1] === '\n') {
    chars.pop();
    starts.pop();
    ends.pop();
  }
  const text = toSimplified(chars.join(''));
  return { source, text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
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
