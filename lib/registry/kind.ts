/**
 * What an outlet row is: a staffed outlet (支行, 分行, 营业部, 分理处...), a self-service site
 * (自助银行, ATM, a list's "（汇总）" rows, nameless machine rows), or an office of a non-bank
 * subsidiary (基金, 人寿, 信托...). Only a staffed outlet is a place to sign a loan.
 */
export type OutletKind = 'staffed' | 'self_service' | 'non_bank';

const SELF_SERVICE = /自助|ATM|atm|自动柜员|离行式|（汇总）|\(汇总\)|存取款一体机|取款机/;
const NON_BANK = /基金|人寿|信托|保险|证券|租赁|理财|资产管理|消费金融|有限公司|有限责任公司/;
const STAFFED = /支行|分行|营业部|营业室|分理处|储蓄所|营业所|信用社|总行|网点/;

export function classifyOutlet(name: string): OutletKind {
  const n = name.trim();
  if (n === '') return 'self_service';
  if (SELF_SERVICE.test(n)) return 'self_service';
  // 交银施罗德基金管理有限公司北京分公司 is not a bank outlet, though its name has 分公司.
  if (NON_BANK.test(n) && !/(银行|信用社|信用合作).*(支行|分行|营业部|营业室|分理处|储蓄所|营业所|信用社)/.test(n)) return 'non_bank';
  if (STAFFED.test(n)) return 'staffed';
  // A bare place name in a bank's own list (滨湖, 政务区) is one of its outlets.
  return 'staffed';
}
