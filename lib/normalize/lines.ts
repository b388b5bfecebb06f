import type { NormText } from './text';

/**
 * An address split over two lines, as chat apps and copied text do, read as one:
 * 合肥市长江中路\n57号, 合肥市庐阳区\n长江中路57号, 某大厦\n18楼1803室. A line break anywhere
 * else stays a break between sentences. The text keeps its mapping to the source, so the page
 * still shows the message with its line breaks as sent.
 */
const ROAD_END = /(?:路|街|道|巷|弄|胡同|大道|大街)$/;
const DIVISION_END = /[省市区县镇乡]$/;
const PLACE_END = /(?:号|栋|幢|座|大厦|大楼|中心|广场|商城|楼|院|园|城|\d号?[甲乙丙丁])$/;
const NUMBER_START = /^(?:[东西南北中]段?)?[\d甲乙附一二三四五六七八九十]/;
const UNIT_START = /^(?:[\dA-Za-z一二三四五六七八九十]{1,4}(?:号楼|栋|幢|座|单元|楼|层|F|f|室)|[A-Za-z]?\d{2,5}(?:室|房)?(?![\d年月日点时:：])|[东西南北中](?:塔|座|栋)|[A-Za-z]\d{0,2}座)/;
const ADDRESS_START = /^[\u4e00-\u9fa5]{1,12}?(?:路|街|大道|巷|区|县)[东西南北中]?段?[甲乙附]?(?:\d|[一二三四五六七八九十]+号)/;

// A road and its number, then the building on the next line: 演示大道88号\n示例金融大厦18楼.
const ROAD_NUMBER_END = /(?:路|街|道|巷|弄|大道|大街|胡同)[东西南北中]?段?[甲乙附]?\d+(?:[-之]\d+)?号?$/;
const BUILDING_START = /^[\u4e00-\u9fa5A-Za-z\d]{1,15}?(?:大厦|大楼|中心|广场|商城|商厦|写字楼|国际|花园|公寓|大院|园区|座|栋|幢|号楼|楼|层|室)/;

// A line that is only a floor or a room, after a line with an address in it.
const UNIT_LINE = /^(?:第?[\d一二三四五六七八九十]{1,3}(?:楼|层|F|f)|[A-Za-z]?\d{2,5}(?:室|房)?|\s)+[^\u4e00-\u9fa5\dA-Za-z\n]{0,4}(?:\n|$)/;
const ADDRESS_IN = /\d+号|大厦|大楼|中心|广场|商城|栋|座|幢|门面|商铺|铺/;

function shouldJoin(before: string, after: string, line: string): boolean {
  if (!before || !after) return false;
  if (UNIT_LINE.test(after) && ADDRESS_IN.test(line)) return true;
  if (ROAD_NUMBER_END.test(before) && BUILDING_START.test(after)) return true;
  if (ROAD_END.test(before) && NUMBER_START.test(after)) return true;
  if (/\d$/.test(before) && /^号/.test(after)) return true;
  if (/\d号$/.test(before) && /^(?:[附之]\d|[甲乙丙丁](?![\u4e00-\u9fa5]))/.test(after)) return true; // 8号\n附45-47号, 26号\n乙
  if (DIVISION_END.test(before) && ADDRESS_START.test(after)) return true;
  if (PLACE_END.test(before) && UNIT_START.test(after)) return true;
  return false;
}

export function joinSplitLines(nt: NormText): NormText {
  const { text } = nt;
  if (!text.includes('\n')) return nt;
  const drop: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    const before = text.slice(Math.max(0, i - 12), i).replace(/\s+$/, '');
    const after = text.slice(i + 1, i + 24).replace(/^\s+/, '');
    const line = text.slice(text.lastIndexOf('\n', i - 1) + 1, i);
    if (shouldJoin(before, after, line)) drop.push(i);
  }
  if (drop.length === 0) return nt;
  const dropped = new Set(drop);
  const keep = (k: number) => !dropped.has(k);
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < text.length; k++) {
    if (!keep(k)) continue;
    chars.push(text[k]);
    starts.push(nt.starts[k]);
    ends.push(nt.ends[k]);
  }
  return { source: nt.source, text: chars.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
