import type { Span } from './road';

/**
 * "楼上" and its relatives: 楼上, 楼上办公室, 交行楼上, 银行楼上的信贷中心, 同一栋楼X层,
 * 坐电梯上来, 电梯到几楼. They state an upper floor even with no number, and they are never a
 * building number or a building's name (中山路100号楼上 is number 100, upstairs).
 *
 * `above: 'bank'` when the words place the office above a bank (交行楼上, 银行楼上, 网点楼上,
 * 同一栋楼): whatever floor the outlet is on, the office is another one.
 */
export interface Upstairs extends Span {
  above: 'bank' | 'building';
  words: string;
}

const BANK_WORD = '(?:[\\u4e00-\\u9fa5]{0,6}银行|工行|农行|中行|建行|交行|招行|邮储|农商行|信用社|网点|营业厅|营业部|支行|分行)';
const PATTERNS: { re: RegExp; above: Upstairs['above'] }[] = [
  // 交行楼上, 银行楼上的信贷中心, 网点楼上办公室
  { re: new RegExp(`${BANK_WORD}(?:的)?(?:正|大)?(?:楼上面|楼上|上面)(?:的)?(?:办公室|办公区|信贷中心|贷款中心|签约中心|公司)?`, 'g'), above: 'bank' },
  // 跟银行一栋楼, 和交行在一栋楼里, 就在交行这栋楼里: the bank's building, not the bank
  { re: new RegExp(`(?:跟|和|与|同)${BANK_WORD}(?:在|是)?(?:同一|一|一个|同)(?:栋|幢|座|个)(?:楼|大楼|大厦)?|${BANK_WORD}(?:这|那|所在的?)(?:栋|幢|座|个)(?:楼|大楼|大厦)(?:里|上)?`, 'g'), above: 'bank' },
  // 交行就在我们楼下, 楼下就是银行: the bank downstairs, the office above it
  { re: new RegExp(`${BANK_WORD}(?:就)?在(?:我们|我司|公司|我们公司|办公室)?(?:的)?楼下|楼下(?:就)?是${BANK_WORD}`, 'g'), above: 'bank' },
  // 同一栋楼, 同一幢, 同栋楼, 同一个楼, 同一大楼
  { re: /同(?:一)?(?:栋|幢|座|个|大)楼?(?=[\d一二三四五六七八九十第]|[,，]?(?:楼上|上楼|坐电梯|乘电梯))/g, above: 'bank' },
  { re: /同(?:一)?(?:栋|幢)楼/g, above: 'bank' },
  // 楼上, 楼上办公室; not 楼上楼下 (a whole building)
  { re: /(?<![\d一二三四五六七八九十])楼上(?!楼下)(?:的)?(?:办公室|办公区|信贷中心|贷款中心|签约中心)?/g, above: 'building' },
  // 100号楼上, 963楼上, 35号之七楼上: the house number's upper floor (the number itself stays a road number)
  { re: /(?<=\d号?|号[之附][\d一二三四五六七八九十]{1,3})楼上(?!楼下)(?:的)?(?:办公室|办公区)?/g, above: 'building' },
  // 二楼以上, 3层以上: somewhere above that floor, which is no floor stated
  { re: /(?:[\d一二两三四五六七八九十]{1,3})(?:楼|层)以上(?:的)?(?:办公室|办公区)?|楼上面|上面(?:几层|那层|的楼层)/g, above: 'building' },
  // 坐电梯上来, 乘电梯到18楼, 电梯到几楼, 上楼来
  { re: /(?:坐|乘|搭|按|做)(?:电梯|电梯上|直梯)(?:上来|上楼|上去|到|至)?|电梯(?:上来|上楼|到几楼|上到)|走楼梯上(?:来|去|楼)?|爬楼梯|(?<![马楼早晚])上楼(?![下盘村屯组])(?:来|就到|后)?|到了?(?:楼上|上面)/g, above: 'building' },
];

/** Every mention of an upper floor with no number, in text order, spans not overlapping. */
export function findUpstairs(text: string, from = 0, to = text.length): Upstairs[] {
  const found: Upstairs[] = [];
  const region = text.slice(from, to);
  for (const { re, above } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(region))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let start = from + m.index;
      const end = start + m[0].length;
      // Only the words from 楼上 (or 同…楼) on are taken: the bank's name stays the bank.
      if (above === 'bank') {
        const k = m[0].search(/(?:的)?(?:正|大)?(?:楼上|上面)|同|这|那|所在|(?:在|是)?(?:一|一个)(?:栋|幢|座|个)/);
        if (k > 0 && !m[0].startsWith('同')) start += k;
      }
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, above, words: text.slice(from + m.index, end) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The strongest claim of the mentions: above a bank wins over plain upstairs. */
export function upstairsOf(found: Upstairs[]): Upstairs['above'] | null {
  if (found.some((f) => f.above === 'bank')) return 'bank';
  return found.length ? 'building' : null;
}
