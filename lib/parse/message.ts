import type { Span } from './road';

/**
 * Finding the address in a whole SMS or WeChat message: greetings, names, phone numbers,
 * dates, times, amounts and sales talk around it. Numbers that are not part of an address
 * (13812345678, 10点30分, 28号下午, 5万) are marked so that no part of the parser reads them.
 */

const NOISE: RegExp[] = [
  /https?:\/\/[^\s\u4e00-\u9fa5]+/g, // links
  /(?<!\d)(?:\+?86-?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g, // mobile numbers
  /(?<!\d)(?:\(?0\d{2,3}\)?-?)\d{7,8}(?:-\d{1,6})?(?!\d)/g, // landlines
  /(?<!\d)(?:400|800)-?\d{3}-?\d{4}(?!\d)/g, // service numbers
  /(?<![\d-])9[56]\d{3}(?![\d号楼层室])/g, // 95533 and friends
  /(?<![\d-])(?:19|20)\d{2}[-/.年](?:0?[1-9]|1[0-2])[-/.月](?:0?[1-9]|[12]\d|3[01])(?!\d)[日号]?/g, // dates
  /(?<!\d)(?:0?[1-9]|1[0-2])月(?:0?[1-9]|[12]\d|3[01])(?!\d)[日号]?/g,
  // A day of the month (28号下午), never a house number after its road (人民北路28号，下午…).
  /(?<![\d路街道巷弄里-])(?:0?[1-9]|[12]\d|3[01])号(?=[上下中]午|晚上?|早上?|凌晨|傍晚|\(?周|\(?星期|[,，]?[上下中]午)/g,
  /(?:周|星期)[一二三四五六日天]/g,
  /(?<!\d)\d{1,2}[:：]\d{2}(?::\d{2})?/g, // times
  /(?<![\d号])(?:[0-2]?\d|[一二三四五六七八九十]{1,3})(?:点|时)(?:\d{1,2}分?|半|[一二三四五六七八九十]{1,3}分|整|钟)?/g,
  /\d+(?:\.\d+)?(?:万元|万|千元|元|块|%|个点|厘|期|个月|年|天|小时|分钟)/g, // money, rates, terms
  /[一二三四五六七八九十百千]+(?:万元|万|千元|元|个点|个月)/g,
  /(?:工号|编号|验证码|卡号|尾号|身份证号?|合同号|QQ|微信号?|vx|VX)[:：]?[A-Za-z0-9_-]+/g,
];

export function noiseSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of NOISE) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

// Sentences and clauses.
const STRONG = /[。!?;\n]/;
const WEAK = /[,，]/;

// Evidence that a clause holds an address.
const EVIDENCE: [RegExp, number][] = [
  [/[\u4e00-\u9fa5]{1,7}(?:省|市|区|县)(?![场民长委])/, 3],
  [/(?:路|街|大道|巷|道|弄)(?:[东西南北中]段?)?[甲乙附]?(?:\d+(?:[-之]\d+)?号?|[一二两三四五六七八九十百千〇零]{1,8}号)/, 4],
  [/(?:路|街|大道|巷|胡同)/, 1],
  [/(?:大厦|中心|广场|大楼|商城|写字楼|国际|花园|公寓|大院|园区|小区|商务楼|综合楼)/, 2],
  [/(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:楼|层|F)|首层|地下/, 2],
  [/\d{2,5}(?:室|房)|(?:栋|座|幢|号楼)/, 2],
  [/(?:地址|位置|位于|地点)/, 2],
  [/(?:支行|分行|营业部|分理处)/, 1],
];
// Words after which the address starts: 地址：…, 请到…, 明天下午3点到…
const CUE = /(?:变更为|更改为|改为|搬至|搬到了?|迁至|迁到|迁往|现址|新址|地址(?:是|在|为)?|地点(?:是|在)?|位置(?:是|在)?|网点|位于|坐落于|来到|前往|请到|请来|到我们|到我行|在我们|过来|[请您就直接可以天午上点件人\s](?:到|在|来|去|至)|到|至)[:：]?|[:：]/g;
// The first sure sign of the address proper (a numbered road, a building, a floor or room).
const HARD = /(?:路|街|大道|巷|道|弄)(?:[东西南北中]段?)?[甲乙附]?(?:\d+|[一二两三四五六七八九十百千〇零]{1,8}号)|大厦|中心|广场|大楼|商城|写字楼|(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:楼|层|F)|\d{2,5}(?:室|房)/;
// Words that end the address: 签约, 办理, 面签...
const TAIL = /(?:签(?:约|合同|署|订|字|单)|面签|面谈|办理|办手续|找我|等您|等你|见面|过来|来一趟|来签|谢谢|即可|详谈|咨询|联系|门口见|楼下见|见面).*$/;

function score(s: string): number {
  let v = 0;
  for (const [re, w] of EVIDENCE) if (re.test(s)) v += w;
  return v;
}

/**
 * The part of a text that holds the address. A plain address comes back whole; in a
 * message, the best-scoring clause (with its neighbours when the address runs across a
 * comma), without the words that lead into it or follow it.
 */
export function addressRegion(text: string, noise: Span[]): Span {
  const whole = { start: 0, end: text.length };
  const strong = STRONG.test(text);
  if (!strong && !WEAK.test(text) && !/[:：]/.test(text) && noise.length === 0) return whole;

  // Blank out noise so that it neither scores nor splits.
  const chars = text.split('');
  for (const n of noise) for (let k = n.start; k < n.end && k < chars.length; k++) chars[k] = ' ';
  const masked = chars.join('');

  // Clauses: split on strong and weak punctuation, remembering which.
  const clauses: { start: number; end: number; strongBefore: boolean; score: number }[] = [];
  let s = 0;
  let strongBefore = true;
  for (let i = 0; i <= masked.length; i++) {
    const c = masked[i];
    if (i === masked.length || STRONG.test(c) || WEAK.test(c)) {
      if (i > s) {
        clauses.push({ start: s, end: i, strongBefore, score: score(masked.slice(s, i)) });
      }
      strongBefore = i < masked.length && STRONG.test(c);
      s = i + 1;
    }
  }
  if (clauses.length === 0) return whole;
  let best = 0;
  for (let k = 1; k < clauses.length; k++) if (clauses[k].score > clauses[best].score) best = k;

  let start: number;
  let end: number;
  if (clauses[best].score < 3) {
    // A short line with a stray comma is still an address; a message with nothing like an
    // address in it has none, and its greetings are not read as one.
    // (Nor is a short line with nothing of an address in it: 您好，额度已批，请联系王经理.)
    if (strong || noise.length > 0 || text.length > 60 || score(masked) < 2) return { start: 0, end: 0 };
    start = 0;
    end = text.length;
  } else {
    // Extend across commas to clauses that carry on the address.
    let first = best;
    let last = best;
    while (first > 0 && !clauses[first].strongBefore && clauses[first - 1].score >= 3 && !/[.。]$/.test(masked.slice(clauses[first - 1].start, clauses[first - 1].end))) first--;
    while (last + 1 < clauses.length && !clauses[last + 1].strongBefore && clauses[last + 1].score >= 2) last++;
    start = clauses[first].start;
    end = clauses[last].end;
  }
  const head = masked.slice(start, end);

  // Cut what leads into the address: the last cue before the first sure sign of it.
  const hard = HARD.exec(head);
  const limit = hard ? hard.index : head.length;
  CUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let cut = 0;
  while ((m = CUE.exec(head))) {
    const cueEnd = m.index + m[0].length;
    if (cueEnd > limit) break;
    cut = cueEnd;
  }
  start += cut;

  const tail = TAIL.exec(masked.slice(start, end));
  // 交行门口等你，然后带你去旁边的写字楼18楼: a floor after the words that end an address is
  // still where the person is sent.
  const floorAfter = tail && /(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:楼|层|F)(?![下上])|\d{3,4}(?:室|房)/.test(tail[0].replace(/^(?:签(?:约|合同|署|订|字|单)|面签|面谈|办理)/, '').slice(0, 40));
  if (tail && tail.index > 0 && !floorAfter) end = start + tail.index;
  while (start < end && /\s/.test(masked[start])) start++;
  while (end > start && /\s/.test(masked[end - 1])) end--;
  return { start, end };
}
