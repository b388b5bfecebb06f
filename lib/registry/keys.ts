import { BANKS, GENERIC_BANKS } from '../banks';
import { toNumber } from '../normalize/numerals';

/**
 * The forms in which the registry and a claimed address are compared: a road's key, its
 * numbers, a building's key, a branch's core name. Kept in one place so that the importer and
 * the check cannot drift apart.
 */

/** A road as compared: no spaces or brackets. */
export function roadKey(road: string | null): string | null {
  if (!road) return null;
  const k = road.replace(/[\s()（）]/g, '');
  return k.length ? k : null;
}

/** The house numbers a road number names: 6008号 → [6008], 136-5号 → [136], 185、187号 → [185, 187]. */
export function roadNumbers(roadNo: string | null): number[] {
  if (!roadNo) return [];
  const out: number[] = [];
  for (const part of roadNo.split(/[、,和及]/)) {
    const n = /^[附甲乙]?(\d+)/.exec(part);
    // 六十七号 is 67号.
    const cn = n ? null : /^([零〇一二两三四五六七八九十百千]+)号/.exec(part);
    const v = n ? Number(n[1]) : cn ? toNumber(cn[1]) : null;
    if (v === null) break;
    out.push(v);
  }
  return out;
}

/** The sub-number of a lot (136-5号 → 5), to tell neighbouring lots apart. */
export function roadSubNumber(roadNo: string | null): number | null {
  const m = roadNo ? /^[附甲乙]?\d+[-之](\d+)/.exec(roadNo) : null;
  return m ? Number(m[1]) : null;
}

const SECTION = /(?:[东西南北中]段|[一二三四五六七八九十\d]{1,2}段|[东西南北中])$/;

/**
 * Whether two written roads are the same road: equal, or one ends the other (幸福南路 and
 * 下沙幸福南路, where a place name was glued on), or equal but for a section (红星路三段).
 */
export function roadsMatch(a: string | null, b: string | null): boolean {
  return roadMatcher(a)(b);
}

/** roadsMatch with its first road fixed, for comparing one road with many (its base worked out once). */
export function roadMatcher(a: string | null): (b: string | null) => boolean {
  if (!a) return () => false;
  const baseA = a.replace(SECTION, '');
  return (b) => {
    if (!b) return false;
    if (a === b) return true;
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    if (short.length >= 3 && long.endsWith(short)) return true;
    // (A base is what is left when a section is cut off the end: b's, if equal, begins b.)
    return baseA.length >= 2 && b.startsWith(baseA) && b.replace(SECTION, '') === baseA;
  };
}

/** A building as compared: no brackets or what they hold, no spaces, Latin in lower case. */
export function buildingKey(building: string | null): string | null {
  if (!building) return null;
  const k = building.replace(/[(（][^)）]*[)）]/g, '').replace(/[\s·._-]/g, '').toLowerCase();
  return k.length >= 2 ? k : null;
}

// Names so common that containing one proves nothing: 国际大厦 is in a hundred cities.
const GENERIC_BUILDINGS = new Set(['国际大厦', '金融大厦', '商务大厦', '商业大厦', '国贸大厦', '世贸中心', '财富广场', '财富中心', '金融中心', '商务中心', '国际广场', '国际中心', '中心大厦', '综合楼', '办公楼', '写字楼', '商业街', '购物中心']);

export function isGenericBuilding(key: string): boolean {
  return GENERIC_BUILDINGS.has(key);
}

/** Whether two buildings are the same: equal keys, or one holds the other and is no common name. */
export function buildingsMatch(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.includes(short) && !GENERIC_BUILDINGS.has(short);
}

const BANK_WORDS = [...BANKS.flatMap((b) => [b.name, ...b.aliases]), ...GENERIC_BANKS.map((g) => g.alias)].sort((x, y) => y.length - x.length);
const COMPANY = /(?:股份有限公司|有限责任公司|有限公司)/g;

/**
 * The name of a branch without its bank: 中国建设银行股份有限公司深圳福田支行 → 深圳福田支行.
 * Compared by containment, so 福田支行 matches it.
 */
export function branchKey(name: string | null): string | null {
  if (!name) return null;
  let k = name.replace(COMPANY, '').replace(/[\s()（）]/g, '');
  for (const w of BANK_WORDS) {
    if (k.startsWith(w)) {
      k = k.slice(w.length);
      break;
    }
  }
  return k.length >= 2 ? k : null;
}

/** The distinctive core of a branch name: 深圳福田支行 → 福田, 合肥分行营业部 → 合肥分行营业部. */
export function branchCore(branch: string): string {
  const m = /^(.*?)(?:支行|分理处|储蓄所|营业所)$/.exec(branch);
  return m && m[1].length >= 2 ? m[1] : branch;
}

export function branchesMatch(claimed: string | null, outletName: string | null): boolean {
  const a = branchKey(claimed);
  const b = branchKey(outletName);
  if (!a || !b) return false;
  if (a === b || b.endsWith(a) || a.endsWith(b)) return true;
  const core = branchCore(a);
  return core.length >= 2 && core !== a && b.includes(core) && /(?:支行|分理处|储蓄所|营业所)$/.test(b);
}
