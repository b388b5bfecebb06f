import { BANKS, GENERIC_BANKS } from '../banks';

/** A bank named in the text, and the branch named with it. */
export interface BankHit {
  /** Canonical name (中国建设银行), or a generic kind (农村商业银行). */
  bank: string | null;
  generic: boolean;
  start: number;
  end: number;
  branch: { start: number; end: number } | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ALIAS_TO_BANK = new Map<string, { name: string; generic: boolean }>();
for (const b of BANKS) {
  ALIAS_TO_BANK.set(b.name, { name: b.name, generic: false });
  for (const a of b.aliases) ALIAS_TO_BANK.set(a.toUpperCase(), { name: b.name, generic: false });
}
for (const g of GENERIC_BANKS) ALIAS_TO_BANK.set(g.alias, { name: g.name, generic: true });

// Longest first, so that 中国建设银行 wins over 建设银行 and 建行.
const ALIASES = [...ALIAS_TO_BANK.keys()].sort((a, b) => b.length - a.length);
const BANK_RE = new RegExp(
  ALIASES.map((a) => (/^[A-Z]+$/.test(a) ? `(?<![A-Za-z])${a}(?![A-Za-z])` : escape(a))).join('|'),
  'gi',
);

// A bank's name followed by one of these names a building or an institution, not the bank:
// 招商银行大厦, 中国银行大楼, 建行培训中心.
// "XX银行贷款中心" is a claim to be the bank (the regulator warns of exactly that name), so
// only words that name a place count.
const BUILDING_AFTER = /^(?:大厦|大楼|大酒店|酒店|宾馆|公寓|小区|花园|宿舍|家属院|家属楼|广场|综合楼|办公楼|科技园|园区|大院|新村|研究院|学院|培训中心|数据中心|金融中心|后援中心|中心大厦)/;

const BRANCH_SUFFIX = '(?:分行营业部|支行营业部|分行营业室|支行营业室|营业部|营业室|分理处|储蓄所|营业所|分行|支行|总行)';
const BRANCH_AFTER_BANK = new RegExp(`^[(]?([\\u4e00-\\u9fa5A-Za-z0-9]{0,14}?${BRANCH_SUFFIX})(?:[\\u4e00-\\u9fa5\\d]{1,10}?(?:支行|分理处|储蓄所|营业部|营业室))?[)]?`);
// A branch named without its bank: 到我们福田支行来. 营业部 alone is too common (证券营业部).
const BRANCH_ALONE = /[\u4e00-\u9fa5]{2,10}?(?:分行营业部|支行营业部|分理处|储蓄所|分行|支行)/g;

// Words that lead into a branch's name in a sentence: 请到我们福田支行, 建行的福田支行.
const LEAD_IN = /^.*(?:我们|我行|咱们|你们|您们|请|到|来|去|在|是|的|和|与|或|至|路|街|道|号|楼|层|室)/;

const LEAD_IN_AFTER_BANK = /^.*(?:我们|我行|咱们|你们|您们|请|到|来|去|在|是|的|和|与|或|至)/;

/** How many characters of a matched branch are the sentence leading into it. */
function leadIn(s: string, afterBank = false): number {
  const suffixAt = s.search(/(?:分行|支行|营业部|营业室|分理处|储蓄所|营业所|总行)/);
  // Right after the bank's name, a road or a 楼 is the branch's own name (解放路支行, 三牌楼支行).
  const m = (afterBank ? LEAD_IN_AFTER_BANK : LEAD_IN).exec(s.slice(0, Math.max(0, suffixAt)));
  return m ? m[0].length : 0;
}

// Words that end the sentence before a bank's own name: 请到|旺苍农商行.
const BEFORE_NAME = /^.*(?:[^\u4e00-\u9fa5]|我们|我行|咱们|你们|请|到|来|去|在|是|的|和|与|或|至|找|约|跟|向|给|办|从|叫|家|个|那边|这边)/;

/** How many characters before a kind of bank are its place (周宁县 of 周宁县信用社). */
function placePrefix(before: string): number {
  const m = BEFORE_NAME.exec(before);
  const rest = m ? before.slice(m[0].length) : before;
  return /^[\u4e00-\u9fa5]{2,8}$/.test(rest) ? rest.length : 0;
}

/**
 * Find the bank a text claims: the first bank named as a bank (not as part of a building's
 * name), with the branch named with it. A branch named alone still counts, with no bank.
 */
export function findBankMention(text: string, from = 0, to = text.length): BankHit | null {
  const region = text.slice(from, to);
  BANK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BANK_RE.exec(region))) {
    const start = from + m.index;
    const end = start + m[0].length;
    const after = text.slice(end, Math.min(to, end + 8));
    if (BUILDING_AFTER.test(after)) continue;
    const info = ALIAS_TO_BANK.get(m[0].toUpperCase()) ?? ALIAS_TO_BANK.get(m[0]);
    if (!info) continue;
    // A kind of bank is named with its place (周宁县信用社, 旺苍农商行): the place is part of
    // the bank's name, not of the address.
    const named = info.generic ? start - placePrefix(text.slice(Math.max(from, start - 8), start)) : start;
    const hit: BankHit = { bank: info.name, generic: info.generic, start: named, end, branch: null };
    const b = BRANCH_AFTER_BANK.exec(text.slice(end, to));
    if (b) {
      const open = b[0].startsWith('(') ? 1 : 0;
      const bStart = end + open;
      let bEnd = bStart + b[0].length - open;
      if (b[0].endsWith(')')) bEnd -= 1;
      // Only the branch part of "(福田支行)" is the branch; the text inside may also hold it alone.
      hit.branch = { start: bStart + leadIn(text.slice(bStart, bEnd), true), end: bEnd };
    }
    return hit;
  }
  if (!/[行处所]/.test(region)) return null;
  BRANCH_ALONE.lastIndex = 0;
  const alone = BRANCH_ALONE.exec(region);
  if (alone) {
    const start = from + alone.index + leadIn(alone[0]);
    return { bank: null, generic: false, start, end: start, branch: { start, end: from + alone.index + alone[0].length } };
  }
  return null;
}
