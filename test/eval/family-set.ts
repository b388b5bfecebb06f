import * as OpenCC from 'opencc-js';
import { BANKS } from '../../lib/banks';
import { rng } from './rng';
import {
  aliasOf, BUILDING, cnNumber, FLOOR, FULL_WIDTH, NON_BANK, pick, readRows, rewrite, SELF_SERVICE, STREET, type Case, type SourceRow,
} from './verdict-set';

/**
 * Messages of the families intermediaries write (issue 11), written at run time from the real
 * outlet lists in ../shared/data/registry (never stored here): 楼上 and its relatives, several
 * places in one message (old and new address, landmarks, the district said again, a road inside
 * a branch's name, prefixes), loosely written divisions, numbers people write, a road with no
 * number, line breaks, and the intermediaries' other tells. Each in several styles: greetings,
 * emoji, full-width digits, traditional characters, line breaks. The expected verdict of each
 * message follows from how it was made, never from running the checker.
 */

export type Family =
  | 'upstairs_words'
  | 'upstairs_genuine'
  | 'old_new_address'
  | 'landmark'
  | 'district_again'
  | 'branch_road'
  | 'prefix'
  | 'loose_division'
  | 'numbers'
  | 'road_no_number'
  | 'line_breaks'
  | 'tells';

export const FAMILIES: Family[] = [
  'upstairs_words', 'upstairs_genuine', 'old_new_address', 'landmark', 'district_again', 'branch_road',
  'prefix', 'loose_division', 'numbers', 'road_no_number', 'line_breaks', 'tells',
];

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

const GREETINGS = ['', '', '您好！', '王先生您好👋 ', '早上好☀️', '亲，', '李姐，', '【温馨提示】', '尊敬的客户：', '您好😊，'];
const CLOSINGS = ['', '', '谢谢！', '🙏', '到了打我电话', '不见不散~', '，记得带身份证', '。'];

function shortName(bank: string): string {
  const b = BANKS.find((x) => x.name === bank);
  return b?.aliases.find((a) => /^[\u4e00-\u9fa5]{2}$/.test(a)) ?? bank;
}

/** Greetings, emoji, closings; sometimes the whole message in traditional characters. */
function styled(text: string, r: () => number): string {
  let t = `${pick(GREETINGS, r)}${text}${pick(CLOSINGS, r)}`;
  if (r() < 0.12) t = toTraditional(t);
  return t;
}

const LANDMARKS = ['区政府', '人民医院', '万达广场', '地铁站', '市民中心', '第一中学', '中心医院', '新华书店', '步行街', '火车站'];
const NEAR = ['对面', '旁边', '隔壁', '附近', '斜对面'];

interface Parts {
  city: string | null; // 合肥, without 市
  district: string | null; // 庐阳区
  rest: string; // the address after the divisions: 长江中路57号…
  road: string | null;
  number: string | null;
}

/** The address of a row, cut into its divisions and the rest (read from the text, not the parser). */
function partsOf(x: SourceRow): Parts {
  let a = x.address.replace(/^(?:[\u4e00-\u9fa5]{2,3}省|[\u4e00-\u9fa5]{2,5}自治区)/, '');
  let city: string | null = null;
  const cm = /^([\u4e00-\u9fa5]{2,3}?)市/.exec(a);
  if (cm) {
    city = cm[1];
    a = a.slice(cm[0].length);
  }
  let district: string | null = null;
  const dm = /^([\u4e00-\u9fa5]{1,3}?[区县])/.exec(a);
  if (dm && !/[路街道]/.test(dm[1])) {
    district = dm[1];
    a = a.slice(dm[0].length);
  }
  const rm = /^([\u4e00-\u9fa5]{2,8}?(?:路|街|大道|大街))([东西南北中]?段?\d+号)/.exec(a);
  return { city: city ?? x.city, district, rest: a, road: rm ? rm[1] : null, number: rm ? rm[2] : null };
}

function upperFloor(r: () => number): { floor: number; words: string } {
  const floor = 3 + Math.floor(r() * 25);
  const room = `${floor}${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`;
  return { floor, words: pick([`${floor}楼${room}室`, `${floor}层`, `${cnNumber(floor)}楼`, `${room}室`, `${floor}F`, `${floor}楼`], r) };
}

const sep = (addr: string, r: () => number) => (/[0-9０-９]$/.test(addr) || r() < 0.4 ? ' ' : '');

export function buildFamilySet(per = 30, seed = 20261201): Case[] {
  const r = rng(seed);
  const { rows } = readRows();
  const staffed = rows.filter(
    (x) => x.name && !SELF_SERVICE.test(x.name) && !NON_BANK.test(x.name) && (STREET.test(x.address) || BUILDING.test(x.address)) && !/[（(、。;；#,，]|-.*-|-$|银行/.test(x.address),
  );
  const streetLevel = staffed.filter((x) => !FLOOR.test(x.address) && STREET.test(x.address) && !/[室房铺]|\d{3,}$|[A-Za-z]\d*$/.test(x.address));
  const upstairsOutlets = staffed.filter((x) => {
    const m = FLOOR.exec(x.address);
    return !!m && !!m[1] && Number(m[1]) >= 3;
  });
  // Numbers every outlet of any bank stands at, so that a made-up old address stays clear.
  const streetKey = (a: string) => {
    const m = /([\u4e00-\u9fa5]{2}(?:路|街|大道|大街))[东西南北中]?段?(\d+)号/.exec(a);
    return m ? `${m[1]}${m[2]}号` : null;
  };
  const taken = new Set(rows.map((x) => streetKey(x.address)).filter(Boolean) as string[]);
  // Addresses where outlets of more than one bank stand are left out of the made-up offices:
  // the office above one bank may be beside another one's outlet.
  const banksAt = new Map<string, Set<string>>();
  for (const x of rows) {
    const k = streetKey(x.address);
    if (k) banksAt.set(k, (banksAt.get(k) ?? new Set()).add(x.bank));
  }
  const alone = (x: SourceRow) => (banksAt.get(streetKey(x.address) ?? '')?.size ?? 1) === 1;
  const street1 = streetLevel.filter(alone);

  const shuffle = <T>(list: T[]) => list.map((x) => ({ x, k: r() })).sort((a, b) => a.k - b.k).map((v) => v.x);
  const out: Case[] = [];
  const add = (family: Family, expected: string, text: string, from: SourceRow) => out.push({ category: family as never, expected, text, from: `${from.file}:${from.row}` });
  const count = (family: Family) => out.filter((c) => (c.category as string) === family).length;

  // 1. 楼上 and its relatives, at street-level outlets: offices upstairs.
  for (const x of shuffle(street1).slice(0, per)) {
    const bank = aliasOf(x.bank, r);
    const s = shortName(x.bank);
    const addr = rewrite(x.address, x.city, r);
    const text = pick([
      () => `${bank}：请到${addr}楼上办理`,
      () => `${addr}${s}楼上，到了给我电话`,
      () => `我们在${addr}，${s}楼上的信贷中心`,
      () => `${bank}客户经理：地址${addr}，到了坐电梯上来`,
      () => `${addr}，和${s}同一栋楼，电梯到几楼问前台`,
      () => `${bank}贷款部 ${addr}楼上办公室`,
      () => `明天10点${addr}，银行楼上，上楼就到`,
      () => `${bank} ${addr}，${pick(['二', '三'], r)}楼以上是我们的办公室`,
      () => `${addr}，${s}大楼上面就是`,
    ], r)();
    add('upstairs_words', 'office_floor', styled(text, r), x);
  }
  // 2. Outlets that really are upstairs, written with their floor and elevator talk.
  for (const x of shuffle(upstairsOutlets).slice(0, per)) {
    const bank = aliasOf(x.bank, r);
    const addr = rewrite(x.address, x.city, r);
    const text = pick([
      () => `${bank}网点：${addr}，坐电梯上来就到`,
      () => `到${addr}，乘电梯上楼，${bank}营业厅`,
      () => `${bank} ${addr}（电梯上楼）`,
    ], r)();
    add('upstairs_genuine', 'registered_branch', styled(text, r), x);
  }
  // 3. An old address and a new one: the new one is where the person is sent.
  const pool = shuffle(street1);
  for (let i = 0; i + 1 < pool.length && count('old_new_address') < per; i += 2) {
    const a = pool[i];
    const b = pool[i + 1];
    const bank = aliasOf(b.bank, r);
    const oldAddr = rewrite(a.address, a.city, r);
    if (r() < 0.5) {
      // moved "to" an office upstairs of a real outlet
      const newAddr = `${rewrite(b.address, b.city, r)}${sep(b.address, r)}${upperFloor(r).words}`;
      const text = pick([
        () => `${bank}通知：原地址${oldAddr}已搬迁，新地址：${newAddr}`,
        () => `我们以前在${oldAddr}，现在搬到${newAddr}了`,
        () => `${bank}：原网点${oldAddr}已不在那了，新址${newAddr}`,
      ], r)();
      add('old_new_address', 'office_floor', styled(text, r), b);
    } else {
      // moved from a made-up address to a real outlet
      const p = partsOf(b);
      if (!p.road || !p.number) continue;
      const n = Number(/\d+/.exec(p.number)![0]) + 300 + Math.floor(r() * 500);
      if (taken.has(streetKey(`${p.road}${n}号`) ?? '')) continue;
      const newAddr = rewrite(b.address, b.city, r);
      const text = pick([
        () => `${bank}提醒您：我行原地址${p.road}${n}号已搬迁，新地址：${newAddr}`,
        () => `以前在${p.road}${n}号，现在搬到${newAddr}`,
        () => `原址${p.road}${n}号，现址：${newAddr}，${bank}`,
      ], r)();
      add('old_new_address', 'registered_branch', styled(text, r), b);
    }
  }
  // 4. A landmark beside the address: context, never the address.
  for (const x of shuffle(street1).slice(0, per)) {
    const bank = aliasOf(x.bank, r);
    const addr = rewrite(x.address, x.city, r);
    const lm = `${pick(LANDMARKS, r)}${pick(NEAR, r)}`;
    const office = r() < 0.5;
    const where = office ? `${addr}${sep(addr, r)}${upperFloor(r).words}` : addr;
    const text = pick([
      () => `${bank} ${where}（${lm}）`,
      () => `地址：${where}，${lm}`,
      () => `${bank}，${where}，就在${lm}`,
    ], r)();
    add('landmark', office ? 'office_floor' : 'registered_branch', styled(text, r), x);
  }
  // 5. The district said again after the road (Hefei lists, where the district is written).
  for (const x of shuffle(street1.filter((y) => y.city === '合肥' && partsOf(y).district && partsOf(y).road))) {
    if (count('district_again') >= per) break;
    const p = partsOf(x);
    const bank = aliasOf(x.bank, r);
    const office = r() < 0.4;
    const rest = office ? `${p.rest}${sep(p.rest, r)}${upperFloor(r).words}` : p.rest;
    const text = pick([
      () => `${bank} ${rest}，${p.district}那个网点`,
      () => `到${rest}，在${p.district}这边`,
      () => `${rest}，${p.district}的${shortName(x.bank)}`,
    ], r)();
    add('district_again', office ? 'office_floor' : 'registered_branch', styled(text, r), x);
  }
  // 6. A road inside a branch's name, the street address after it.
  for (const x of shuffle(staffed.filter((y) => /(?:路|街|大道)(?:支行|分理处)$/.test(y.name) && STREET.test(y.address) && alone(y)))) {
    if (count('branch_road') >= per) break;
    const addr = rewrite(x.address, x.city, r);
    const name = x.name.startsWith(x.bank) || /^交通银行/.test(x.name) ? x.name : `${x.bank}${x.name}`;
    const office = street1.includes(x) && r() < 0.4;
    const where = office ? `${addr}${sep(addr, r)}${upperFloor(r).words}` : addr;
    const text = pick([
      () => `${name}，地址：${where}`,
      () => `我是${name}的客户经理，请到${where}`,
      () => `${name}\n${where}`,
    ], r)();
    add('branch_road', office ? 'office_floor' : 'registered_branch', styled(text, r), x);
  }
  // 7. A prefix before the address: the bank before a colon is the claimed bank.
  for (const x of shuffle(street1).slice(0, per)) {
    const bank = aliasOf(x.bank, r);
    const addr = rewrite(x.address, x.city, r);
    const office = r() < 0.6;
    const where = office ? `${addr}${sep(addr, r)}${upperFloor(r).words}` : addr;
    const text = pick([
      () => `${bank}贷款签约中心：${where}`,
      () => `【${bank}】签约地址：${where}`,
      () => `${bank}信贷部：${where}`,
      () => `${bank}个贷中心：${where}`,
      () => `签约地址：${where}（${bank}）`,
    ], r)();
    add('prefix', office ? 'office_floor' : 'registered_branch', styled(text, r), x);
  }
  // 8. Divisions written loosely: the city without 市, the district without 区.
  for (const x of shuffle(staffed.filter((y) => /^[\u4e00-\u9fa5]{2}市/.test(y.address) && alone(y)))) {
    if (count('loose_division') >= per) break;
    const p = partsOf(x);
    if (!p.city || !p.road || !p.rest.startsWith(p.road)) continue;
    // 杭州文二路: only roads that do not themselves begin like a continuation of the city's name
    if (/^[东西南北中新老大小环湾江河]/.test(p.road)) continue;
    const district = p.district && p.district.length === 3 && r() < 0.5 ? p.district.slice(0, 2) : p.district ?? '';
    const bank = aliasOf(x.bank, r);
    const office = street1.includes(x) && r() < 0.3;
    const rest = office ? `${p.rest}${sep(p.rest, r)}${upperFloor(r).words}` : p.rest;
    add('loose_division', office ? 'office_floor' : 'registered_branch', styled(`${bank} ${p.city}${district}${rest}`, r), x);
  }
  // 9. Numbers people write: 甲/附/之 numbers, numerals in names, a list of rooms then the room.
  const numbered = staffed.filter((y) => /(?:路|街|大道|大街)[东西南北中]?(?:甲|乙|附)\d+号|\d+之\d+号|\d+号附\d+号/.test(y.address) || /(?:五一|八一|五四|三里|二环|一环|三环|东四|十里)/.test(y.address));
  for (const x of shuffle(numbered).slice(0, Math.ceil(per / 2))) {
    add('numbers', 'registered_branch', styled(`${aliasOf(x.bank, r)} ${rewrite(x.address, x.city, r)}`, r), x);
  }
  // A room inside a registered range (101-105室): the same outlet.
  const ranged = rows.filter((y) => !SELF_SERVICE.test(y.name) && !NON_BANK.test(y.name) && STREET.test(y.address) && !/[、，,（(]/.test(y.address) && /(?<![\d-])(\d{3,4})[-~～－—](\d{3,4})(?:号|室)?$/.test(y.address));
  for (const x of shuffle(ranged).slice(0, Math.ceil(per / 4))) {
    const m = /(?<![\d-])(\d{3,4})[-~～－—](\d{3,4})(?:号|室)?$/.exec(x.address)!;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (m[1].length !== m[2].length || b <= a || b - a > 20) continue;
    const inside = a + Math.floor(r() * (b - a + 1));
    add('numbers', 'registered_branch', styled(`${aliasOf(x.bank, r)} ${rewrite(x.address.slice(0, m.index), x.city, r)}${inside}室`, r), x);
  }
  for (const x of shuffle(street1)) {
    if (count('numbers') >= per) break;
    const f = upperFloor(r).floor;
    const shops = `${100 + Math.floor(r() * 50)}、${151 + Math.floor(r() * 40)}号`;
    const addr = rewrite(x.address, x.city, r);
    add('numbers', 'office_floor', styled(`${aliasOf(x.bank, r)} ${addr}${shops}${f}0${1 + Math.floor(r() * 9)}室`, r), x);
  }
  // 10. A road with no number and no building: insufficient.
  for (const x of shuffle(street1)) {
    if (count('road_no_number') >= per) break;
    const p = partsOf(x);
    if (!p.road || !p.city) continue;
    const bank = aliasOf(x.bank, r);
    const text = pick([
      () => `${bank} ${p.city}市${p.district ?? ''}${p.road} 请到${cnNumber(3 + Math.floor(r() * 10))}楼`,
      () => `到${p.city}${p.road}来，${bank}信贷部，到了打电话`,
      () => `${bank}客户经理：地址${p.city}市${p.road}，上楼右转`,
    ], r)();
    add('road_no_number', 'insufficient', styled(text, r), x);
  }
  // 11. An address split over two lines.
  for (const x of shuffle(street1).slice(0, per)) {
    const p = partsOf(x);
    if (!p.road || !p.number) continue;
    const bank = aliasOf(x.bank, r);
    const office = r() < 0.5;
    const head = `${p.city ? `${p.city}市` : ''}${p.district ?? ''}`;
    const after = p.rest.slice(p.road.length);
    const floor = office ? ` ${upperFloor(r).words}` : '';
    const lines = pick([
      () => `${head}${p.road}\n${after}${floor}`,
      () => `${head}\n${p.rest}${floor}`,
      () => `${head}${p.rest}\n${floor.trim() || '一楼大厅'}`,
      () => `${head}${p.road}${p.number}\n${p.rest.slice(p.road!.length + p.number!.length) || '大楼'}${floor}`,
    ], r)();
    const text = pick([
      () => `${bank}\n${lines}`,
      () => `地址：\n${lines}\n${bank}`,
      () => `您好，${bank}客户经理\n${lines}\n到了打电话`,
    ], r)();
    add('line_breaks', office ? 'office_floor' : 'registered_branch', styled(text, r), x);
  }
  // 12. The intermediaries' other tells: signals only, the verdict is the address's.
  for (const x of shuffle(street1).slice(0, per)) {
    const bank = aliasOf(x.bank, r);
    const addr = rewrite(x.address, x.city, r);
    const office = r() < 0.5;
    const where = office ? `${addr}${sep(addr, r)}${upperFloor(r).words}` : addr;
    const phone = `${pick(['170', '171', '162', '165', '167'], r)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
    const text = pick([
      () => `${bank}王经理${phone}：您好，线上无额度，需要到线下网点签约，地址${where}`,
      () => `线上没有额度了，要到线下面签。${bank}签约中心：${where}，电话${phone}`,
      () => `${bank}：您的额度已批，请到${where}签约，有问题打${phone}`,
    ], r)();
    add('tells', office ? 'office_floor' : 'registered_branch', styled(text, r), x);
  }
  return out;
}
