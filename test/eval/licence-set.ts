import fs from 'node:fs';
import path from 'node:path';
import { BANKS } from '../../lib/banks';
import { legalNameOf, shortFormsOf } from '../../lib/registry/institution';
import { SHARED_DATA } from './corpus';
import { rng } from './rng';

/**
 * A dev set of messages on the regulator's licence registry, written at run time from the
 * export in ../shared/data/licences (read in place, never stored here). The addresses come
 * from the records; the expected verdict of each message follows from how it was made and
 * from the raw records (which road numbers any licence stands at), never from the checker.
 */

export const LICENCE_DIR = path.join(SHARED_DATA, 'licences');

export function licenceDataPresent(): boolean {
  return fs.existsSync(path.join(LICENCE_DIR, 'manifest.json'));
}

export type LicenceCategory = 'genuine' | 'genuine_upper_floor' | 'office_floor' | 'other_bank' | 'withdrawn' | 'moved' | 'absent' | 'no_address';

export const LICENCE_EXPECTED: Record<LicenceCategory, string> = {
  genuine: 'registered_branch',
  genuine_upper_floor: 'registered_branch',
  office_floor: 'office_floor',
  other_bank: 'bank_mismatch',
  withdrawn: 'not_registered',
  moved: 'not_registered',
  // The export holds about 45% of licences: a missing one proves nothing.
  absent: 'not_covered',
  no_address: 'insufficient',
};

export interface LicenceCase {
  category: LicenceCategory;
  expected: string;
  text: string;
  from: string;
}

interface Rec {
  file: string;
  row: number;
  code: string;
  name: string;
  address: string;
  location: string;
  shortName: string;
  prevName: string;
  prevAddress: string;
  exited: boolean;
}

async function readRecords(): Promise<Rec[]> {
  const { readSheet } = await import('read-excel-file/node');
  const manifest = JSON.parse(fs.readFileSync(path.join(LICENCE_DIR, 'manifest.json'), 'utf8')) as { sources: { file: string; state?: string }[] };
  const out: Rec[] = [];
  for (const s of manifest.sources) {
    if (s.state === 'recent') continue; // every row is also in the newest file
    const rows = (await readSheet(path.join(LICENCE_DIR, s.file))) as unknown[][];
    const h = rows[0].map((c) => String(c ?? '').trim());
    const col = (r: unknown[], k: string) => String(r[h.indexOf(k)] ?? '').trim();
    rows.slice(1).forEach((r, i) => {
      out.push({
        file: s.file, row: i + 2, code: col(r, '机构编码'), name: col(r, '机构名称'), address: col(r, '机构地址'), location: col(r, '机构所在地'),
        shortName: col(r, '机构简称'), prevName: col(r, '前机构名称'), prevAddress: col(r, '前机构地址'), exited: s.state === 'exited',
      });
    });
  }
  return out;
}

// A road and its number as a person would write them; the key of a street address.
const STREET = /([\u4e00-\u9fa5]{2,6}?(?:路|街|大道|大街))(\d{1,4})(?:[-—－~、]\d{1,4})?号/;
const FLOOR_WORD = /(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:层|楼|F)|首层|首楼|底层|底楼|底商|裙楼|夹层|地下|负一/;
const UPPER_FLOOR = /(?:^|[^\d])([2-9]|1\d|2\d)(?:层|楼)(?![\d号])/;
const UNITS = /[室房铺间]|[A-Za-z]|\d{3,}$|（|\(|、|，|,|；|;|？|\?|-.*-|之|附|甲|乙|号楼/;
const COUNTER = /支行|分理处|营业所|储蓄所|信用社|分社|营业部|分行/;
const CENTRE_OR_NON_BANK = /信用卡|中心|专营|财务|信托|租赁|金融公司|资产|理财|汽车|消费/;

const cityOf = (loc: string) => loc.split('-').pop()!.replace(/市$/, '');
// By province, not by 机构所在地: the regulator's area is not always the address's city.
const keyOf = (r: Rec, address = r.address) => {
  const m = STREET.exec(address);
  return m ? `${r.location.split('-')[0]}|${m[1].slice(-2)}|${Number(m[2])}` : null;
};
// Every number an address stands at: 兴宁北路191、193、195号 is at 191, 193 and 195.
const keysOf = (r: Rec, address: string): string[] =>
  [...address.matchAll(/([\u4e00-\u9fa5]{2,6}?(?:路|街|大道|大街))((?:\d{1,4}[-—－~、,，]?\s?)+)号/g)].flatMap((m) =>
    [...m[2].matchAll(/\d{1,4}/g)].map((n) => `${r.location.split('-')[0]}|${m[1].slice(-2)}|${Number(n[0])}`),
  );

const pick = <T>(list: readonly T[], r: () => number): T => list[Math.floor(r() * list.length)];

/** How the message names the bank: the dictionary's aliases, or the short forms of the name. */
function bankWords(name: string, shortName: string, r: () => number): string {
  const legal = legalNameOf(name);
  const bank = BANKS.find((b) => b.name === legal);
  const words = bank ? [bank.name, ...bank.aliases.filter((a) => !/^[A-Z]+$/.test(a))] : [legal, ...shortFormsOf(legal, shortName ? [shortName] : []).filter((s) => /银行|农商行|信用社/.test(s))];
  return pick(words, r);
}

const FULL = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The address as someone retypes it: the province dropped, the city added, digits full-width, spaces. */
function retype(address: string, location: string, r: () => number): string {
  let a = address;
  const x = r();
  if (x < 0.25) a = a.replace(/^[\u4e00-\u9fa5]{2,3}(?:省|自治区|壮族自治区|回族自治区|维吾尔自治区)/, '');
  else if (x < 0.4 && !/[省市县]/.test(a.slice(0, 6))) a = `${cityOf(location)}${a}`;
  const y = r();
  if (y < 0.15) a = FULL(a);
  else if (y < 0.3) a = a.replace(/(\d+号)/, ' $1 ');
  return a.trim();
}

const SEND = [
  (b: string, a: string) => `您好，我是${b}信贷部的小李，您的经营贷已经批了，明天上午带身份证到${a}签合同`,
  (b: string, a: string) => `【${b}】请于工作日9:00-16:30前往${a}办理面签手续。`,
  (b: string, a: string) => `${b}\n地址：${a}\n到了打我电话`,
  (b: string, a: string) => `哥，${b}那边约好了，${a}，下午两点前到😊`,
  (b: string, a: string) => `签约地址：${a}（${b}）`,
  (b: string, a: string) => `${b}客户经理：您好！放款前需本人到${a}核实资料，谢谢配合`,
  (b: string, a: string) => `${a} ${b}`,
  (b: string, a: string) => `麻烦您明早到${b}，具体位置是${a}，进门说找王经理就行`,
];

const NO_ADDRESS = [
  '您好，您的信用贷款已预审通过，额度30万，请添加客服微信了解详情',
  '【温馨提示】您的贷款申请资料已收到，工作人员将在24小时内与您联系',
  '明天带上身份证户口本结婚证，到了给我发个定位',
  '我们是银行合作的正规机构，内部渠道，征信花了也能做',
  '您好，需要先交3%的服务费才能放款，请转到对公账户',
  '张先生，您的额度即将失效，请尽快回复办理',
  '你到了吗？在楼下等你，我马上下来',
  '请提供一下短信验证码，我们这边帮您激活额度',
  '银行这边审批通过了，明天过来签个字就行',
  '客服热线请拨打4008888888，工作日9点到18点',
];

const FLOOR_CLAIMS = ['18楼1803室', '12层1206', '9楼', '十六楼1602室', '23F', '15层1508号', '7楼706室', '写字楼21层2105'];

export async function buildLicenceSet(perCategory = 60, seed = 20261201): Promise<LicenceCase[]> {
  const r = rng(seed);
  const recs = await readRecords();
  const inUse = recs.filter((x) => !x.exited);
  // Every street key any licence stands at (in use or withdrawn), and the in-use ones alone.
  const anyAt = new Map<string, Rec[]>();
  const inUseAt = new Map<string, Rec[]>();
  for (const x of recs) {
    for (const a of [x.address, x.prevAddress]) {
      for (const k of a ? keysOf(x, a) : []) {
        (anyAt.get(k) ?? anyAt.set(k, []).get(k)!).push(x);
        if (!x.exited && a === x.address) (inUseAt.get(k) ?? inUseAt.set(k, []).get(k)!).push(x);
      }
    }
  }
  const roadNumbers = new Map<string, Set<number>>();
  for (const k of anyAt.keys()) {
    const [loc, road, num] = k.split('|');
    const rk = `${loc}|${road}`;
    (roadNumbers.get(rk) ?? roadNumbers.set(rk, new Set()).get(rk)!).add(Number(num));
  }
  // Counters whose address one could send: a road and number, nothing doubtful, alone at its number.
  const sendable = (x: Rec) => !!x.address && COUNTER.test(x.name) && !CENTRE_OR_NON_BANK.test(x.name) && STREET.test(x.address) && !UNITS.test(x.address.replace(STREET, '')) && !/[？?]/.test(x.address + x.name);
  const alone = (x: Rec) => (anyAt.get(keyOf(x)!) ?? []).length === 1;
  const counters = inUse.filter((x) => sendable(x) && alone(x));
  const streetLevel = counters.filter((x) => !FLOOR_WORD.test(x.address));
  const upper = counters.filter((x) => UPPER_FLOOR.test(x.address.replace(STREET, '')));

  const out: LicenceCase[] = [];
  const add = (category: LicenceCategory, text: string, x: Rec) => out.push({ category, expected: LICENCE_EXPECTED[category], text, from: `${x.file} row ${x.row}` });
  const sample = <T>(list: T[], n: number) => Array.from({ length: Math.min(n, list.length) }, () => list[Math.floor(r() * list.length)]);

  for (const x of sample(streetLevel, perCategory)) add('genuine', pick(SEND, r)(bankWords(x.name, x.shortName, r), retype(x.address, x.location, r)), x);
  for (const x of sample(upper, perCategory)) add('genuine_upper_floor', pick(SEND, r)(bankWords(x.name, x.shortName, r), retype(x.address, x.location, r)), x);
  for (const x of sample(streetLevel, perCategory)) add('office_floor', pick(SEND, r)(bankWords(x.name, x.shortName, r), `${retype(x.address, x.location, r)}${pick(FLOOR_CLAIMS, r)}`), x);
  // Another bank named at a counter's address: one of the large banks that has no licence there.
  const big = BANKS.filter((b) => b.group === 'state' || b.group === 'joint-stock');
  for (const x of sample(streetLevel, perCategory)) {
    const own = legalNameOf(x.name);
    const other = pick(big.filter((b) => b.name !== own), r);
    add('other_bank', pick(SEND, r)(pick([other.name, ...other.aliases.filter((a) => !/^[A-Z]+$/.test(a))], r), retype(x.address, x.location, r)), x);
  }
  // A withdrawn licence at a street address where no licence in use stands.
  const withdrawn = recs.filter((x) => x.exited && sendable(x) && !inUseAt.has(keyOf(x)!) && !FLOOR_WORD.test(x.address));
  for (const x of sample(withdrawn, perCategory)) add('withdrawn', pick(SEND, r)(bankWords(x.name, x.shortName, r), retype(x.address, x.location, r)), x);
  // The previous address of a licence that moved to another road or number, where none is now.
  const moved = inUse.filter((x) => {
    if (!x.prevAddress || !COUNTER.test(x.name) || CENTRE_OR_NON_BANK.test(x.name) || (x.prevName && legalNameOf(x.prevName) !== legalNameOf(x.name))) return false;
    // A move is a definite change of road or number: both addresses name one.
    const was = keyOf(x, x.prevAddress);
    const now = keyOf(x);
    return !!was && !!now && was !== now && !inUseAt.has(was) && !UNITS.test(x.prevAddress.replace(STREET, '')) && !FLOOR_WORD.test(x.prevAddress) && !/[？?]/.test(x.prevAddress);
  });
  for (const x of sample(moved, perCategory)) add('moved', pick(SEND, r)(bankWords(x.name, x.shortName, r), retype(x.prevAddress, x.location, r)), x);
  // A number on a real road at which no licence stands at all, named with a bank that is there.
  for (const x of sample(streetLevel, perCategory)) {
    const m = STREET.exec(x.address)!;
    const used = roadNumbers.get(`${x.location.split('-')[0]}|${m[1].slice(-2)}`) ?? new Set<number>();
    // Clear of every number there by more than ten: not inside a registered range (47-57号).
    let n = Number(m[2]) + 12;
    while ([...used].some((u) => Math.abs(u - n) <= 10)) n += 7;
    // Only the road and the new number: a building named after it would be the outlet's own.
    const address = `${x.address.slice(0, m.index)}${m[1]}${n}号`;
    add('absent', pick(SEND, r)(bankWords(x.name, x.shortName, r), retype(address, x.location, r)), x);
  }
  for (let i = 0; i < perCategory; i++) out.push({ category: 'no_address', expected: 'insufficient', text: pick(NO_ADDRESS, r), from: 'template' });
  return out;
}
