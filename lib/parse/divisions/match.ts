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
 * Where an address is known to be from outside its text (a bank's outlet list for one city,
 * a branch named 交通银行上海…支行): a bare name that contradicts it is part of a street name
 * (共和新路 in Shanghai is not 共和县).
 */
export interface PlaceContext {
  provinceCode?: string | null;
  cityCode?: string | null;
}

/** What matchDivisions reads from: the text, the range, the spans taken and the known place. */
interface Reading {
  text: string;
  from: number;
  to: number;
  skip: (p: number) => number;
  context: PlaceContext;
}

/**
 * Read the divisions at the head of an address: province, city, district in that order, any
 * of them left out, repeated or written short, then a street office or town and a
 * development zone. Stops at the first word that is none of these.
 *
 * `skip(p)` returns where to continue when p is inside a span already taken (a bank name).
 */
export function matchDivisions(
  text: string,
  from: number,
  to: number,
  skip: (p: number) => number = (p) => p,
  context: PlaceContext = {},
): DivisionMatch {
  const r: Reading = { text, from, to, skip, context };
  const out: DivisionMatch = { province: null, city: null, district: null, zone: null, town: null, end: from };
  let p = from;
  let lastRank = -1;
  for (;;) {
    const q = skipSeparators(text, p, to, skip);
    if (q >= to) break;
    // "中国" before a province adds nothing; after divisions it starts a second, complete
    // address (a form that kept an old one in front): the second is the one meant.
    if (startsChina(text, q)) {
      if (!atStart(out) && startsProvince(text, q + 2)) {
        out.province = out.city = out.district = out.town = out.zone = null;
        lastRank = -1;
      }
      if (atStart(out)) {
        p = q + 2;
        continue;
      }
    }
    const filler = fillerAt(text, q);
    if (filler) {
      p = q + filler;
      continue;
    }
    const name = readName(r, out, lastRank, q);
    if (name?.repeat) {
      if (name.clearer) out.district = name.clearer;
      p = out.end = q + name.repeat;
      continue;
    }
    if (name?.hit) {
      Object.assign(out, placedBy(name.hit));
      lastRank = RANK[name.hit.level];
      p = out.end = name.hit.end;
      continue;
    }
    const town = out.town ? null : townAt(text, q, to, atStart(out));
    if (town) {
      out.town = town;
      p = out.end = town.end;
      continue;
    }
    const zone = out.zone ? null : zoneAt(text, q, to);
    if (zone) {
      out.zone = zone;
      p = out.end = zone.end;
      continue;
    }
    break;
  }
  return out;
}

/** The first position from q that is neither a separator nor inside a span taken. */
function skipSeparators(text: string, q: number, limit: number, skip: (p: number) => number): number {
  for (;;) {
    const r = skip(q);
    if (r !== q) q = r;
    else if (q < limit && SEPARATORS.test(text[q])) q++;
    else return q;
  }
}

/** Whether nothing has been read yet. */
function atStart(m: DivisionMatch): boolean {
  return m.province === null && m.city === null && m.district === null;
}

/** 中国 as a country, not as the start of a bank's name (中国银行, 中国工商…). */
function startsChina(text: string, q: number): boolean {
  return text.startsWith('中国', q) && !/^中国(?:银行|工商|农业|建设|邮政|光大|民生)/.test(text.slice(q, q + 6));
}

/** The length of a word some systems put between divisions (省直辖县级行政区划, 市辖区, null), or 0. */
function fillerAt(text: string, q: number): number {
  const filler = FILLER_START.test(text[q]) ? FILLER.exec(text.slice(q, q + 12)) : null;
  return filler ? filler[0].length : 0;
}

/**
 * A division name read at q: a new division (`hit`), or one already read written again
 * (`repeat`, its length; `clearer`, a clearer spelling of the district read). Null for none.
 */
type NameRead = { hit: DivisionHit; repeat?: undefined; clearer?: undefined } | { hit?: undefined; repeat: number; clearer: DivisionHit | null };

/** The longest name at q that reads as a division here. */
function readName(r: Reading, out: DivisionMatch, lastRank: number, q: number): NameRead | null {
  for (const { len, entries } of namesAt(r.text, q, r.to)) {
    const written: Written = {
      q,
      len,
      after: r.text.slice(q + len, q + len + 4),
      suffixed: /[省市区县旗州盟]$/.test(r.text.slice(q, q + len)),
    };
    const read = readNameOf(r, out, lastRank, written, entries);
    if (read) return read;
  }
  return null;
}

/** A name found in the text: where, how long, the few characters after it, and whether it ends in a suffix. */
interface Written {
  q: number;
  len: number;
  after: string;
  suffixed: boolean;
}

function readNameOf(r: Reading, out: DivisionMatch, lastRank: number, w: Written, entries: NameEntry[]): NameRead | null {
  const { text, to } = r;
  // 义乌市场 is a market, not 义乌市.
  if (text[w.q + w.len - 1] === '市' && w.after.startsWith('场')) return null;
  // 鄞县大道, 南京路: a division's name that starts a road's name.
  if (ROAD_AFTER.test(w.after) && !startsSuffixedDivision(text, w.q + w.len, to)) return null;
  // Written again, or a parent written after its child (杭州浙江杭州西湖区): nothing new.
  const repeat = entries.find((e) => isAccepted(out, e.division) && bareOk(r, out, w, e));
  if (repeat) return { repeat: w.len, clearer: clearerDistrict(out, w, repeat) };
  const viable = viableEntries(r, out, lastRank, w, entries);
  const chosen = viable.length ? chosenEntries(out, w, viable) : null;
  return chosen ? { hit: { start: w.q, end: w.q + w.len, level: chosen[0].division.level, entries: chosen } } : null;
}

/** How explicit a reading is; a historic name written without its suffix (江干) is as weak as any bare name. */
function rankOf(e: NameEntry, w: Written): number {
  return e.kind === 'historic' && !w.suffixed ? KIND_RANK.short : KIND_RANK[e.kind];
}

/** Whether a reading may stand here; only bare names (杭州, 中山) have to show it. */
function bareOk(r: Reading, out: DivisionMatch, w: Written, e: NameEntry): boolean {
  if (rankOf(e, w) !== KIND_RANK.short) return true;
  const { text, to } = r;
  // 台州路桥区: what follows may look like a road but be the next division.
  if (NAME_CONTINUES.test(w.after) && !startsSuffixedDivision(text, w.q + w.len, to)) return false;
  if (!outsideContext(e.division, r.context)) return false;
  if (out.province || out.city) return true;
  // A bare name needs a parent written before it, or must open the address, and then
  // not begin a road's name (共和新路, 钱塘江路 are roads).
  if (!(atStart(out) && (w.q === firstContent(text, r.from, r.skip) || w.q === out.town?.end))) return false;
  return !ROAD_SOON.test(w.after) || startsSuffixedDivision(text, w.q + w.len, to) || cityGluedToRoad(e.division, w.after);
}

/** A clearer spelling of the same district replaces the first (富阳市 … 富阳区). */
function clearerDistrict(out: DivisionMatch, w: Written, repeat: NameEntry): DivisionHit | null {
  if (!out.district || repeat.division.level !== 'district') return null;
  if (rankOf(repeat, w) >= Math.min(...out.district.entries.map((e) => rankOf(e, w)))) return null;
  return { start: w.q, end: w.q + w.len, level: 'district', entries: [repeat] };
}

/** The readings below what is read so far and consistent with it. */
function viableEntries(r: Reading, out: DivisionMatch, lastRank: number, w: Written, entries: NameEntry[]): NameEntry[] {
  const viable = entries.filter((e) => RANK[e.division.level] > lastRank && consistentEntry(e, out.province, out.city) && bareOk(r, out, w, e));
  if (viable.length > 0 || !w.suffixed || !(out.city || out.province)) return viable;
  // A name written in full under the wrong parent (南京市梁溪区, 河南省商洛市) still names
  // that division: people get the parent wrong more often than the place itself.
  const full = entries.filter((e) => RANK[e.division.level] > lastRank && (e.kind === 'full' || e.kind === 'historic'));
  const closer = full.filter((e) => consistentEntry(e, out.province, null));
  return closer.length ? closer : full;
}

/**
 * The most explicit readings, then those of the highest level not yet seen; null for a bare
 * name with no parent that could be anywhere (新华, 和平), which is not a reading.
 */
function chosenEntries(out: DivisionMatch, w: Written, viable: NameEntry[]): NameEntry[] | null {
  const best = Math.min(...viable.map((e) => rankOf(e, w)));
  const explicit = viable.filter((e) => rankOf(e, w) === best);
  const topRank = Math.min(...explicit.map((e) => RANK[e.division.level]));
  const chosen = explicit.filter((e) => RANK[e.division.level] === topRank);
  if (best === KIND_RANK.short && !(out.province || out.city) && new Set(chosen.map((e) => e.division.code)).size > 2) return null;
  return chosen;
}

/** The fields a new division sets; a municipality is written once but is both province and city. */
function placedBy(hit: DivisionHit): Partial<DivisionMatch> {
  if (hit.level !== 'province') return hit.level === 'city' ? { city: hit } : { district: hit };
  const only = hit.entries.length === 1 ? hit.entries[0].division : null;
  const city = only && /^(11|12|31|50|81|82)$/.test(only.code) ? divisionIndex().byCode.get(`${only.code}01`) : undefined;
  return city ? { province: hit, city: { start: hit.start, end: hit.end, level: 'city', entries: [{ division: city, kind: 'full' }] } } : { province: hit };
}

/** A street office or town at q; one opening the address only counts when divisions follow (伦教街道佛山市顺德区…). */
function townAt(text: string, q: number, to: number, opening: boolean): { start: number; end: number } | null {
  TOWN.lastIndex = q;
  const t = TOWN.exec(text);
  if (!t || q + t[0].length > to) return null;
  return !opening || startsDivision(text, q + t[0].length, to) ? { start: q, end: q + t[0].length } : null;
}

/** A development zone or new area of three characters or more at q. */
function zoneAt(text: string, q: number, to: number): { start: number; end: number } | null {
  ZONE.lastIndex = q;
  const z = ZONE.exec(text);
  return z && q + z[0].length <= to && z[0].length >= 3 ? { start: q, end: q + z[0].length } : null;
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

/** Where the address's content starts: past separators and spans taken. */
function firstContent(text: string, from: number, skip: (p: number) => number): number {
  return skipSeparators(text, from, text.length, skip);
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
