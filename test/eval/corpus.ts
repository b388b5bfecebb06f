import fs from 'node:fs';
import path from 'node:path';

/**
 * The labelled address corpora beside the project (../shared/data/address-eval), read in
 * place and never copied. Gold values are derived from the annotated spans by rules written
 * here, independently of the parser, so that the parser is not graded by itself.
 */

// Beside the project by default; SHARED_DATA_DIR points elsewhere (or nowhere, to see the skips).
export const SHARED_DATA = process.env.SHARED_DATA_DIR ?? path.resolve(__dirname, '../../../shared/data');
export const EVAL_DIR = path.join(SHARED_DATA, 'address-eval');

export function evalDataPresent(): boolean {
  return fs.existsSync(path.join(EVAL_DIR, 'tricky-cases.json'));
}

export interface GoldSpan {
  label: string;
  start: number;
  end: number;
  text: string;
}

export interface CorpusLine {
  text: string;
  spans: GoldSpan[];
}

/**
 * One token per line, "<token> <label>", blank line between addresses. Labels are BIO
 * (naacl2019) or BMES (supermap-v2); supermap's tokens are word pieces ("##2" continues the
 * previous token).
 */
export function readCorpus(file: string): CorpusLine[] {
  const out: CorpusLine[] = [];
  let tokens: [string, string][] = [];
  const flush = () => {
    if (tokens.length === 0) return;
    let text = '';
    const spans: GoldSpan[] = [];
    let cur: GoldSpan | null = null;
    for (const [raw, label] of tokens) {
      const tok = raw.startsWith('##') ? raw.slice(2) : raw;
      const start = text.length;
      text += tok;
      if (label === 'O') {
        cur = null;
        continue;
      }
      const prefix = label[0];
      const name = label.slice(2).toLowerCase();
      if (prefix === 'B' || prefix === 'S' || !cur || cur.label !== name) {
        cur = { label: name, start, end: text.length, text: '' };
        spans.push(cur);
      } else cur.end = text.length;
      if (prefix === 'E' || prefix === 'S') cur = null;
    }
    for (const s of spans) s.text = text.slice(s.start, s.end);
    out.push({ text, spans });
    tokens = [];
  };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const k = line.lastIndexOf(' ');
    tokens.push([line.slice(0, k), line.slice(k + 1)]);
  }
  flush();
  return out;
}

// --- Gold conversion: written apart from the parser, on purpose. ---

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  // 十, 十八, 二十, 二十三, 一百二十: enough for floors.
  const m = /^(?:([一二两三四五六七八九])百)?(?:([一二两三四五六七八九])?十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s.length === 0) return null;
  const h = m[1] ? CN_DIGIT[m[1]] * 100 : 0;
  const t = s.includes('十') ? (m[2] ? CN_DIGIT[m[2]] : 1) * 10 : 0;
  const u = m[3] ? CN_DIGIT[m[3]] : 0;
  const v = h + t + u;
  return v > 0 ? v : null;
}

const tidy = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Whether a floor span leaves the start of its range outside ("1-" of "1-4楼"). */
function cutsRange(line: CorpusLine, s: GoldSpan): boolean {
  const before = /(\d+)-$/.exec(line.text.slice(Math.max(0, s.start - 4), s.start));
  const own = /^(\d+)/.exec(s.text);
  if (!before || !own) return false;
  const a = Number(before[1]);
  const b = Number(own[1]);
  return a < b && b - a <= 12;
}

/** Whether a span cuts a run of digits in two (a word-piece labelling slip). */
function cutsDigits(line: CorpusLine, s: GoldSpan): boolean {
  const before = line.text[s.start - 1];
  const after = line.text[s.end];
  const first = line.text[s.start];
  const last = line.text[s.end - 1];
  return (!!before && /\d/.test(before) && /\d/.test(first)) || (!!after && /\d/.test(after) && /\d/.test(last));
}

export type Gold<T> = { kind: 'none' } | { kind: 'value'; value: T } | { kind: 'noisy'; raw: string };

const N = '(\\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})';
const FLOOR_FORMS: [RegExp, (m: RegExpExecArray) => number[] | null][] = [
  [new RegExp(`^第?${N}(?:楼|层|F|/F|楼层)$`, 'i'), (m) => one(cnNumber(m[1]))],
  [/^(?:首层|首楼|底层|底楼)$/, () => [1]],
  [new RegExp(`^(?:负|地下)${N}(?:楼|层)$`), (m) => neg(cnNumber(m[1]))],
  [/^-(\d)(?:F|楼|层)$/i, (m) => neg(Number(m[1]))],
  [/^B(\d)(?:F|楼|层)?$/i, (m) => neg(Number(m[1]))],
  [/^[FL](\d{1,3})$/i, (m) => one(Number(m[1]))],
  [new RegExp(`^${N}[-~至到]${N}(?:楼|层|F)$`, 'i'), (m) => range(cnNumber(m[1]), cnNumber(m[2]))],
];
const one = (v: number | null) => (v && v > 0 ? [v] : null);
const neg = (v: number | null) => (v && v > 0 ? [-v] : null);
function range(a: number | null, b: number | null): number[] | null {
  if (!a || !b || b <= a || b - a > 12) return null;
  const out: number[] = [];
  for (let f = a; f <= b; f++) out.push(f);
  return out;
}

/** The floors a corpus line states, from its floorno span. */
export function goldFloors(line: CorpusLine): Gold<number[]> {
  const spans = line.spans.filter((s) => s.label === 'floorno');
  if (spans.length === 0) return { kind: 'none' };
  if (spans.length > 1) return { kind: 'noisy', raw: spans.map((s) => s.text).join('|') };
  const s = spans[0];
  if (cutsDigits(line, s) || cutsRange(line, s)) return { kind: 'noisy', raw: s.text };
  const t = tidy(s.text);
  for (const [re, f] of FLOOR_FORMS) {
    const m = re.exec(t);
    if (m) {
      const v = f(m);
      return v ? { kind: 'value', value: v } : { kind: 'noisy', raw: s.text };
    }
  }
  // Bare digits, 9号楼, 底商, 2单元, 二层楼, 49A楼: not a stated floor in any one reading.
  return { kind: 'noisy', raw: s.text };
}

/** The room a corpus line states: its roomno span, half-width, without 室/房. */
export function goldRoom(line: CorpusLine): Gold<string> {
  const spans = line.spans.filter((s) => s.label === 'roomno');
  if (spans.length === 0) return { kind: 'none' };
  if (spans.length > 1) return { kind: 'noisy', raw: spans.map((s) => s.text).join('|') };
  const s = spans[0];
  const t = tidy(s.text).replace(/(?:室|房)$/, '');
  if (!/[0-9A-Za-z]/.test(t) || cutsDigits(line, s)) return { kind: 'noisy', raw: s.text };
  return { kind: 'value', value: t };
}

export function goldSpanText(line: CorpusLine, label: string): string | null {
  const s = line.spans.find((x) => x.label === label);
  return s ? tidy(s.text) : null;
}
