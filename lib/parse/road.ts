import { toNumber } from '../normalize/numerals';

/**
 * Road and road number: 深南大道6008号, 民族大道136-5号, 红星路三段1号, 苏州大道东265号,
 * 柳营路669弄, 北辛安南路15号院, a list of numbers 经纬街305、307号; an intersection (宿松路与黟县路交口) has two roads and no
 * number. 沧海路963楼上 is number 963 ("upstairs of 963"), not floor 963.
 */
export interface Span {
  start: number;
  end: number;
}

export interface RoadMatch {
  road: Span;
  roadNo: Span | null;
  /** The house number after a lane: 669弄14号. */
  houseNo: Span | null;
  crossRoad: Span | null;
  /** Where the text after the road (and its number) begins. */
  end: number;
}

const SUFFIXES = ['大道', '大街', '大路', '公路', '环路', '胡同', '路', '街', '巷', '道', '里', '条'];
// Words that end a stretch of text before a road name: a road starts after them.
const AREA_WORDS = /(?:新城|开发区|园区|工业园|工业区|新区|小区|市场|商城|广场|街道|社区|镇|乡|村|片区|校区)/g;
const NAME_CHAR = /[\u4e00-\u9fa5\dA-Za-z\uFFFD]/;
// A road's name never holds a floor word or the words that lead into an address (到, 在, 请).
const STOP_CHAR = /[号楼层室栋幢座弄区到至请的在]/;
const MAX_NAME = 10;

const NUMBER_AFTER = /^((?:[东西南北中]段|[一二三四五六七八九十\d]{1,2}段|[东西南北中](?=[附甲乙]?\d))?)((?:附|甲|乙)?)(\d{1,5}(?:[-之~]\d{1,4})?(?:(?:、|[,，]\s?)\d{1,5}(?:[-之~]\d{1,4})?(?=[、,，\d]*号))*)(号院|号(?!楼(?![上下]))|號|弄|番地)?((?:附|之)(?:\d{1,3}|[一二三四五六七八九十])号?)?/;
// 长江中路六十七号: a number in Chinese numerals, which only 号 makes a road number.
const CN_NUMBER_AFTER = /^((?:[东西南北中]段)?)([零〇一二两三四五六七八九十百千]{1,8})(号(?!楼(?![上下])))/;
// What may follow a number written without 号 for it still to be the road number.
const BARE_NUMBER_OK = /^(?:$|[\u4e00-\u9fa5(,])/;
const BARE_NUMBER_NOT = /^(?:楼(?![上下])|层|栋|幢|座|单元|室|房|户|米|号|弄|F|f|区|门|期|#)/;
const CROSS = /^(?:与|和|及|、|\/)([\u4e00-\u9fa5\d]{1,10}?(?:大道|大街|路|街|巷|道))(?:交叉路口|交叉口|交汇处|交界处|交汇口|交口|路口|口)?/;
const HOUSE_AFTER_LANE = /^\d{1,4}号(?![楼院门])/;

function suffixLength(text: string, k: number): number {
  for (const s of SUFFIXES) if (text.startsWith(s, k)) return s.length;
  return 1;
}

function roadSuffixAt(text: string, k: number): string | null {
  for (const s of SUFFIXES) {
    if (!text.startsWith(s, k)) continue;
    const next = text[k + s.length];
    const prev = text[k - 1];
    if (s === '街' && next === '道') return null; // 街道 is a street office
    if (s === '道' && (prev === '街' || prev === '通' || prev === '车' || prev === '隧' || prev === '渠' || prev === '步' || prev === '航' || prev === '知')) return null;
    // 公园里, 公寓里: "inside", not a lane.
    if (s === '里' && /[园寓区院城场店里]/.test(prev ?? '')) return null;
    if (s === '道' || s === '里' || s === '条') {
      // 道, 里 and 条 end a road name only when a number follows: 鹭江道8号, 平安里3号, 东四十条100号.
      if (!/^[东西南北中]?[附甲乙]?\d/.test(text.slice(k + 1, k + 4))) return null;
    }
    if (s === '路' && next === '口' && !/\d/.test(text[k + 2] ?? '')) return null; // 路口
    return s;
  }
  return null;
}

/** Extend a road name to the left from its suffix at k; null when no name stands there. */
function nameStart(text: string, k: number, from: number, blocked: (p: number) => boolean): number | null {
  let s = k;
  while (s > from && k - s < MAX_NAME) {
    const c = text[s - 1];
    if (!NAME_CHAR.test(c) || blocked(s - 1)) break;
    // 三号路, 10号大街: a number right before the suffix is the road's own.
    if (STOP_CHAR.test(c) && !(c === '号' && s === k && /[\d一二三四五六七八九十]/.test(text[s - 2] ?? ''))) break;
    // 与, 和, 及 join two roads (宿松路与黟县路) but also begin names (和平路).
    if (/[与和及或]/.test(c) && /[路街道巷环]/.test(text[s - 2] ?? '')) break;
    // 铜陵北路交口西南角站前路: an intersection ends what came before.
    if (c === '口' && /[交路]/.test(text[s - 2] ?? '')) break;
    // 97号门9街: a numbered gate ends what came before (建国门外大街 keeps its 门).
    if (c === '门' && /[\d号]/.test(text[s - 2] ?? '')) break;
    s--;
  }
  // A road's name starts with a word, not a number: in 九楼4537四街 the street is no road.
  while (s < k && /\d/.test(text[s])) s++;
  // Keep the road's own name: 珠江新城华夏路 → 华夏路.
  AREA_WORDS.lastIndex = 0;
  let m: RegExpExecArray | null;
  const whole = text.slice(s, k);
  let cut = s;
  while ((m = AREA_WORDS.exec(whole))) {
    const after = s + m.index + m[0].length;
    // After a town, one character names a street (店埠镇新街).
    if (k - after >= 2 || (k - after === 1 && /[镇乡]$/.test(m[0]))) cut = after;
  }
  // 碧桂园4街, 箱包市场11街: a numbered aisle inside a compound or a market, not a road.
  if (/(?:园|苑|城|场|中心|小区|村|区|市场|大厦)\d+$/.test(whole)) return null;
  const name = text.slice(cut, k);
  // One character names a road only when it is no numeral (中街 yes, 四街 no); a lone
  // direction (东街, 南大街) only when a number follows.
  const numbered = /^[东西南北中]?\d/.test(text.slice(k + suffixLength(text, k), k + suffixLength(text, k) + 2));
  if (name.length < 2 && !(name.length === 1 && /[\u4e00-\u9fa5]/.test(name) && !/[一二三四五六七八九十沿]/.test(name) && (!/[东西南北中]/.test(name) || numbered))) return null;
  // 四街, 10街 are aisles, not roads; 八一路, 五四路, 五一大道 are roads.
  if (!/[^\d一二三四五六七八九十百零〇]/.test(name) && (/\d/.test(name) || name.length < 2 || text[k] === '街')) return null;
  return cut;
}

/**
 * Find the road of an address in [from, to): the first road followed by a number, else the
 * first road. `blocked(p)` marks positions already taken (a bank's name).
 */
export function matchRoad(text: string, from: number, to: number, blocked: (p: number) => boolean = () => false): RoadMatch | null {
  let firstBare: RoadMatch | null = null;
  for (let k = from + 1; k < to; k++) {
    if (blocked(k)) continue;
    const suffix = roadSuffixAt(text, k);
    if (!suffix) continue;
    const start = nameStart(text, k, from, blocked);
    if (start === null) continue;
    let roadEnd = k + suffix.length;
    const rest = text.slice(roadEnd, Math.min(to, roadEnd + 24));
    const cn = CN_NUMBER_AFTER.exec(rest);
    if (cn && toNumber(cn[2]) !== null) {
      const numStart = roadEnd + cn[1].length;
      const numEnd = numStart + cn[2].length + cn[3].length;
      return { road: { start, end: roadEnd + cn[1].length }, roadNo: { start: numStart, end: numEnd }, houseNo: null, crossRoad: null, end: numEnd };
    }
    const n = NUMBER_AFTER.exec(rest);
    if (n) {
      const [whole, section, prefix, digits, unit, extra] = n;
      roadEnd += section.length;
      // 张杨路639-2014: number 639, then room 2014 (136-5号 keeps its dash: it has 号).
      let digitsUsed = digits;
      if (!unit && /-/.test(digits)) {
        const [first, second] = digits.split('-');
        if (second.length >= 3) digitsUsed = first;
      }
      const numStart = roadEnd;
      const numEnd = roadEnd + prefix.length + digitsUsed.length + (unit?.length ?? 0) + (extra?.length ?? 0);
      const after = digitsUsed !== digits ? '' : text.slice(numEnd, Math.min(to, numEnd + 3));
      let ok = !!unit;
      if (!unit) {
        // 沧海路963楼上: the number of the house whose upper floor is meant.
        if (/^楼[上下]/.test(after)) ok = true;
        else ok = !BARE_NUMBER_NOT.test(after) && BARE_NUMBER_OK.test(after) && digits.length >= 1;
        // A bare number that is only a section (三段) was taken as section above.
      }
      if (ok && whole.length > section.length) {
        const road = { start, end: roadEnd };
        const roadNo = { start: numStart, end: numEnd };
        let end = numEnd;
        let houseNo: Span | null = null;
        if (unit === '弄') {
          const h = HOUSE_AFTER_LANE.exec(text.slice(end, to));
          if (h) {
            houseNo = { start: end, end: end + h[0].length };
            end = houseNo.end;
          }
        }
        return { road, roadNo, houseNo, crossRoad: null, end };
      }
    }
    if (!firstBare) {
      const road = { start, end: roadEnd };
      let end = roadEnd;
      let crossRoad: Span | null = null;
      const c = CROSS.exec(text.slice(roadEnd, to));
      if (c) {
        const cs = roadEnd + c[0].indexOf(c[1]);
        crossRoad = { start: cs, end: cs + c[1].length };
        end = roadEnd + c[0].length;
      }
      firstBare = { road, roadNo: null, houseNo: null, crossRoad, end };
      if (crossRoad) k = end - 1;
    }
  }
  return firstBare;
}
