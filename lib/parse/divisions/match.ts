import { cityGluedToRoad } from './loose';
import { divisionIndex, type Division, type Level, type NameEntry } from './index';
import { namesIn, type NameMatch } from './trie';

/** A division as written in the text, with the divisions it may name. */
export interface DivisionHit {
  start: number;
  end: number;
  level: Level;
  entries: NameEntry[];
}

export interface DivisionMatch {
  province: DivisionHit | null;
  city: DivisionHit | null;
  district: DivisionHit | null;
  /** Development zones and new areas (高新区, 滨湖新区), which are not divisions. */
  zone: { start: number; end: number } | null;
  /** Street office, town or township (街道, 镇, 乡). */
  town: { start: number; end: number } | null;
  /** Where the divisions end and the street part begins. */
  end: number;
}

const RANK: Record<Level, number> = { province: 0, city: 1, district: 2 };
const KIND_RANK = { full: 0, alias: 1, historic: 2, short: 3 } as const;

// After a bare name (杭州, 中山), what shows it is part of a road or a place instead.
const NAME_CONTINUES = /^(?:[东西南北中]?(?:路|街|大街|大道|道|巷|胡同|弄|里|公路|环路)|[东西南北中]?[一二三四五六七八九十\d]+[路街巷]|大厦|大楼|广场|中心|花园|公园|小区|银行|支行|分行|商场|市场|宾馆|酒店|饭店|机场|火车站|汽车站|医院|大学|学院|中学|小学|公司|湾|新区|开发区|高新区|经开区|工业园|园区|镇|乡|街道)/;
const ROAD_SOON = /^[\u4e00-\u9fa5]{1,2}(?:路|街(?!道)|大道|大街)/;
const ROAD_AFTER = /^[东西南北中]?(?:路|街(?!道)|大街|大道|大路|巷|胡同)/;
const SEPARATORS = /[\s,;:.、。()\-_/|·]/;
const TOWN = /[\u4e00-\u9fa5]{1,8}?(?:街道办事处|街道办|街道|镇|乡|苏木)(?![路街巷道])/y;
const ZONE = /[\u4e00-\u9fa5]{0,10}?(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新技术产业园区|高新区|经开区|开发区|工业园区|产业园区|保税区|综合保税区|政务区|新站区|新区|试验区|示范区)/y;

const FILLER_START = /[省自市nNuU]/;
const FILLER = /^(?:省直辖县级行政区划|自治区直辖县级行政区划|省直辖县级行政区|自治区直辖|省直辖|市辖区|null|undefined)/i;

/** Whether a division, or one of its children, is already read. */
function isAccepted(m: DivisionMatch, d: Division): boolean {
  const hits = [m.province, m.city, m.district].filter((h): h is DivisionHit => !!h);
  return hits.some((h) =>
    h.entries.some((e) => {
      const x = e.division;
      if (x.code === d.code) return true;
      if (d.level === 'province') return x.provinceCode === d.code;
      if (d.level === 'city') return x.level === 'district' && x.cityCode === d.code;
      return false;
    }),
  );
}

function consistent(d: Division, province: DivisionHit | null, city: DivisionHit | null): boolean {
  if (province && !province.entries.some((e) => e.division.code === d.provinceCode)) return false;
  if (city && d.level === 'district') {
    if (!city.entries.some((e) => e.division.cityCode === d.cityCode)) return false;
  }
  return true;
}

function consistentEntry(e: NameEntry, province: DivisionHit | null, city: DivisionHit | null): boolean {
  if (consistent(e.division, province, city)) return true;
  return !!e.successors?.some((s) => consistent(s, province, city));
}

/** Every division name the text spells from p (at most to), longest first (see trie.ts). */
function namesAt(text: string, p: number, to: number): NameMatch[] {
  return namesIn(divisionIndex().trie, text, p, to);
}

/**
 * Read the divisions at the head of an address: province, city, district in that order, any
 * of them left out, repeated or written short, then a street office or town and a
 * development zone. Stops at the first word that is none of these.
 *
 * `skip(p)` returns where to continue when p is inside a span already taken (a bank name).
 */
/**
 * Where an address is known to be from outside its text (a bank's outlet list for one city,
 * a branch named 交通银行上海…支行): a bare name that contradicts it is part of a street name
 * (共和新路 in Shanghai is not 共和县).
 */
export interface PlaceContext {
  provinceCode?: string | null;
  cityCode?: string | null;
}

export function matchDivisions(
  text: string,
  from: number,
  to: number,
  skip: (p: number) => number = (p) => p,
  context: PlaceContext = {},
): DivisionMatch {
  const idx = divisionIndex();
  const out: DivisionMatch = { province: null, city: null, district: null, zone: null, town: null, end: from };
  let p = from;
  let lastRank = -1;
  const atStart = () => out.province === null && out.city === null && out.district === null;

  for (;;) {
    let q = p;
    for (;;) {
      const r = skip(q);
      if (r !== q) q = r;
      else if (q < to && SEPARATORS.test(text[q])) q++;
      else break;
    }
    if (q >= to) break;
    // "中国" before a province adds nothing; after divisions it starts a second, complete
    // address (a form that kept an old one in front): the second is the one meant.
    if (text.startsWith('中国', q) && !/^中国(?:银行|工商|农业|建设|邮政|光大|民生)/.test(text.slice(q, q + 6))) {
      if (!atStart() && startsProvince(text, q + 2)) {
        out.province = out.city = out.district = out.town = out.zone = null;
        lastRank = -1;
      }
      if (atStart()) {
        p = q + 2;
        continue;
      }
    }

    // Words some systems put between divisions: 省直辖县级行政区划, 市辖区, null.
    const filler = FILLER_START.test(text[q]) ? FILLER.exec(text.slice(q, q + 12)) : null;
    if (filler) {
      p = q + filler[0].length;
      continue;
    }

    let accepted: DivisionHit | null = null;
    let redundant = 0;
    for (const { len, entries } of namesAt(text, q, to)) {
      if (accepted || redundant) break;
      const after = text.slice(q + len, q + len + 4);
      // 义乌市场 is a market, not 义乌市.
      if (text[q + len - 1] === '市' && after.startsWith('场')) continue;
      // 鄞县大道, 南京路: a division's name that starts a road's name.
      if (ROAD_AFTER.test(after) && !startsSuffixedDivision(text, q + len, to)) continue;
      const written = text.slice(q, q + len);
      const suffixed = /[省市区县旗州盟]$/.test(written);
      // A historic name written without its suffix (江干) is as weak as any bare name.
      const rank = (e: NameEntry) => (e.kind === 'historic' && !suffixed ? KIND_RANK.short : KIND_RANK[e.kind]);
      const bareOk = (e: NameEntry) => {
        if (rank(e) !== KIND_RANK.short) return true;
        // 台州路桥区: what follows may look like a road but be the next division.
        if (NAME_CONTINUES.test(after) && !startsSuffixedDivision(text, q + len, to)) return false;
        if (!outsideContext(e.division, context)) return false;
        if (out.province || out.city) return true;
        // A bare name needs a parent written before it, or must open the address, and then
        // not begin a road's name (共和新路, 钱塘江路 are roads).
        if (!(atStart() && (q === firstContent(text, from, skip) || q === out.town?.end))) return false;
        return !ROAD_SOON.test(after) || startsSuffixedDivision(text, q + len, to) || cityGluedToRoad(e.division, after);
      };
      // Written again, or a parent written after its child (杭州浙江杭州西湖区): nothing new.
      const repeat = entries.find((e) => isAccepted(out, e.division) && bareOk(e));
      if (repeat) {
        redundant = len;
        // A clearer spelling of the same district replaces the first (富阳市 … 富阳区).
        if (out.district && repeat.division.level === 'district' && rank(repeat) < Math.min(...out.district.entries.map(rank))) {
          out.district = { start: q, end: q + len, level: 'district', entries: [repeat] };
        }
        break;
      }
      let viable = entries.filter((e) => RANK[e.division.level] > lastRank && consistentEntry(e, out.province, out.city) && bareOk(e));
      // A name written in full under the wrong parent (南京市梁溪区, 河南省商洛市) still names
      // that division: people get the parent wrong more often than the place itself.
      if (viable.length === 0 && suffixed && (out.city || out.province)) {
        const full = entries.filter((e) => RANK[e.division.level] > lastRank && (e.kind === 'full' || e.kind === 'historic'));
        const closer = full.filter((e) => consistentEntry(e, out.province, null));
        viable = closer.length ? closer : full;
      }
      if (viable.length === 0) continue;
      // Prefer the most explicit reading, then the highest level not yet seen.
      const best = Math.min(...viable.map(rank));
      let chosen = viable.filter((e) => rank(e) === best);
      const topRank = Math.min(...chosen.map((e) => RANK[e.division.level]));
      chosen = chosen.filter((e) => RANK[e.division.level] === topRank);
      // A bare name with no parent that could be anywhere (新华, 和平) is not a reading.
      if (best === KIND_RANK.short && !(out.province || out.city) && new Set(chosen.map((e) => e.division.code)).size > 2) continue;
      accepted = { start: q, end: q + len, level: chosen[0].division.level, entries: chosen };
    }
    if (redundant) {
      p = q + redundant;
      out.end = p;
      continue;
    }
    if (accepted) {
      if (accepted.level === 'province') out.province = accepted;
      else if (accepted.level === 'city') out.city = accepted;
      else out.district = accepted;
      // A municipality is written once but is both province and city.
      if (accepted.level === 'province' && /^(11|12|31|50|81|82)$/.test(accepted.entries[0].division.code) && accepted.entries.length === 1) {
        const cityCode = `${accepted.entries[0].division.code}01`;
        const city = idx.byCode.get(cityCode);
        if (city) {
          out.city = { start: q, end: accepted.end, level: 'city', entries: [{ division: city, kind: 'full' }] };
        }
      }
      lastRank = RANK[accepted.level];
      p = accepted.end;
      out.end = p;
      continue;
    }
    if (!out.town) {
      TOWN.lastIndex = q;
      const t = TOWN.exec(text);
      const town = t && q + t[0].length <= to ? t : null;
      // A town opening the address only counts when divisions follow (伦教街道佛山市顺德区…).
      if (town && (!atStart() || startsDivision(text, q + town[0].length, to))) {
        out.town = { start: q, end: q + town[0].length };
        p = out.town.end;
        out.end = p;
        continue;
      }
    }
    if (!out.zone) {
      ZONE.lastIndex = q;
      const z = ZONE.exec(text);
      const zone = z && q + z[0].length <= to ? z : null;
      if (zone && zone[0].length >= 3) {
        out.zone = { start: q, end: q + zone[0].length };
        p = out.zone.end;
        out.end = p;
        continue;
      }
    }
    break;
  }
  return out;
}

/** Whether a province's full name (浙江省, 上海市) starts at p. */
function startsProvince(text: string, p: number): boolean {
  return namesAt(text, p, Math.min(text.length, p + 8)).some((m) => m.entries.some((e) => e.kind === 'full' && e.division.level === 'province'));
}

/** Whether a division written with its suffix (路桥区, 宁波市) starts at p. */
function startsSuffixedDivision(text: string, p: number, to: number): boolean {
  return namesAt(text, p, to).some((m) => /[省市区县旗州盟]$/.test(text.slice(p, p + m.len)) && m.entries.some((e) => e.kind !== 'short'));
}

/** Whether a division agrees with what is known of the place from elsewhere. */
function outsideContext(d: Division, context: PlaceContext): boolean {
  if (context.provinceCode && d.provinceCode !== context.provinceCode) return false;
  if (context.cityCode && d.level === 'district' && d.cityCode && d.cityCode !== context.cityCode) return false;
  if (context.cityCode && d.level === 'city' && d.code !== context.cityCode) return false;
  return true;
}

/** Whether a division's name starts at p. */
function startsDivision(text: string, p: number, to: number): boolean {
  return namesAt(text, p, to).length > 0;
}

function firstContent(text: string, from: number, skip: (p: number) => number): number {
  let q = from;
  for (;;) {
    const r = skip(q);
    if (r !== q) q = r;
    else if (q < text.length && SEPARATORS.test(text[q])) q++;
    else return q;
  }
}

/** Everything the written divisions say, as today's divisions. */
export interface ResolvedPlace {
  province: Division | null;
  city: Division | null;
  district: Division | null;
  /** Today's districts the written district may mean, when it is ambiguous or was split. */
  candidates: Division[];
  /** The written district no longer exists under that name. */
  former: { name: string; year?: number } | null;
}

export function resolvePlace(m: DivisionMatch): ResolvedPlace {
  const idx = divisionIndex();
  const uniq = (ds: Division[]) => [...new Map(ds.map((d) => [d.code, d])).values()];
  let candidates: Division[] = [];
  let former: ResolvedPlace['former'] = null;
  if (m.district) {
    for (const e of m.district.entries) {
      if (e.successors && e.successors.length) {
        candidates.push(...e.successors);
        former = { name: e.formerName ?? e.division.name };
      } else candidates.push(e.division);
    }
    candidates = uniq(candidates).filter((d) => consistent(d, m.province, m.city) || !m.city);
  }
  const district = candidates.length === 1 ? candidates[0] : null;
  const cityCodes = new Set(candidates.map((d) => d.cityCode).filter((c): c is string => !!c));
  let city: Division | null = null;
  if (m.city && new Set(m.city.entries.map((e) => e.division.code)).size === 1) {
    const e = m.city.entries[0];
    city = e.successors?.length === 1 ? e.successors[0] : e.division;
  } else if (cityCodes.size === 1) city = idx.byCode.get([...cityCodes][0]) ?? null;
  let province: Division | null = null;
  const provinceCodes = new Set<string>();
  if (m.province) for (const e of m.province.entries) provinceCodes.add(e.division.code);
  else if (city) provinceCodes.add(city.provinceCode);
  else for (const d of candidates) provinceCodes.add(d.provinceCode);
  if (provinceCodes.size === 1) province = idx.byCode.get([...provinceCodes][0]) ?? null;
  return { province, city, district, candidates: district && !former ? [] : candidates, former };
}

/**
 * Where the first division written in full (浙江省, 合肥市, 惠城区) stands in [from, to): in a
 * message, the address starts there, after whatever led into it (请携带身份证原件到…).
 */
export function firstDivisionAt(text: string, from: number, to: number, skip: (p: number) => number = (p) => p): number {
  for (let p = from; p < to; p++) {
    const q = skip(p);
    if (q !== p) {
      p = q - 1;
      continue;
    }
    for (const m of namesAt(text, p, to)) {
      const written = text.slice(p, p + m.len);
      if (/[省市区县旗]$/.test(written) && m.entries.some((e) => e.kind !== 'short') && !(written.endsWith('市') && text[p + m.len] === '场')) return p;
    }
  }
  return -1;
}
