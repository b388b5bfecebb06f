/**
 * What an outlet row is: a staffed outlet (支行, 分行, 营业部, 分理处...), a specialised centre
 * (信用卡中心, 小企业信贷中心: licensed, but no counter open to the public), a self-service site
 * (自助银行, ATM, a list's "（汇总）" rows, nameless machine rows), or an office of a non-bank
 * (基金, 人寿, 信托, a finance company...). Only a staffed outlet is a place to sign a loan.
 */
export type OutletKind = 'staffed' | 'centre' | 'self_service' | 'non_bank';
export const OUTLET_KINDS = ['staffed', 'centre', 'self_service', 'non_bank'] as const satisfies readonly OutletKind[];

/** The level of a licensed office, from 机构编码 and the name: a counter, a head or branch office. */
export type OfficeLevel = 'counter' | 'office' | 'centre' | 'non_bank';

const SELF_SERVICE = /自助|ATM|atm|自动柜员|离行式|（汇总）|\(汇总\)|存取款一体机|取款机/;
const NON_BANK = /基金|人寿|信托|保险|证券|租赁|理财|资产管理|消费金融|有限公司|有限责任公司/;
const STAFFED = /支行|分行|营业部|营业室|分理处|储蓄所|营业所|信用社|总行|网点/;
const CENTRE = /信用卡(?:中心|分中心)|小企业信贷中心|小微企业信贷中心|信贷工厂|专营机构|金融中心(?:分中心)?$|消费金融中心|票据(?:营业部|中心)|资金营运中心|私人银行部|贵金属/;

export function classifyOutlet(name: string): OutletKind {
  const n = name.trim();
  if (n === '') return 'self_service';
  if (SELF_SERVICE.test(n)) return 'self_service';
  // 交银施罗德基金管理有限公司北京分公司 is not a bank outlet, though its name has 分公司.
  if (NON_BANK.test(n) && !/(银行|信用社|信用合作).*(支行|分行|营业部|营业室|分理处|储蓄所|营业所|信用社)/.test(n)) return 'non_bank';
  if (CENTRE.test(n)) return 'centre';
  if (STAFFED.test(n)) return 'staffed';
  // A bare place name in a bank's own list (滨湖, 政务区) is one of its outlets.
  return 'staffed';
}

const NON_BANK_LETTERS = /^[LKMNXJZPQ]/;

/** Whether 机构编码's first letter is that of a non-bank (finance, trust, leasing, auto or consumer finance…). */
export const isNonBankCode = (code: string | null): boolean => !!code && NON_BANK_LETTERS.test(code);
// The sixth character of 机构编码: the level of the office.
const LEVEL_BY_CODE: Record<string, OfficeLevel> = {
  H: 'office', L: 'office', B: 'office', K: 'counter', N: 'counter',
  S: 'counter', U: 'counter', A: 'counter', V: 'counter', T: 'counter',
  X: 'centre', G: 'centre',
};

/** The level of a licensed office: the code says, the name overrules where it is plainer. */
export function licenceLevel(code: string | null, name: string): OfficeLevel {
  if (isNonBankCode(code)) return 'non_bank';
  if (CENTRE.test(name)) return 'centre';
  const byCode = code && code.length >= 6 ? LEVEL_BY_CODE[code[5]] : undefined;
  if (byCode) return byCode;
  if (/(?:总行|分行|联合社|联社)$/.test(name)) return 'office';
  return classifyOutlet(name) === 'non_bank' && !/银行|信用/.test(name) ? 'non_bank' : 'counter';
}

export function kindOfLevel(level: OfficeLevel): OutletKind {
  return level === 'non_bank' ? 'non_bank' : level === 'centre' ? 'centre' : 'staffed';
}
