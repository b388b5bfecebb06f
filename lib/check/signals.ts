/**
 * What in a message sounds like a loan intermediary rather than a bank. Reported beside the
 * verdict and never deciding it: a real bank may say 先息后本 too.
 */

import type { Signal } from './result';

export type { Signal } from './result';
import { tellSignals } from './steps';

const PHRASES: { re: RegExp; code: string; zh: string; en: string }[] = [
  { re: /白名单客户|白名单/, code: 'whitelist', zh: '“白名单客户”是中介常用的话术。', en: '"Whitelisted customer" is an intermediary\'s line.' },
  { re: /备用金/, code: 'reserve_fund', zh: '“备用金”常见于贷款中介的推销。', en: '"Reserve fund" is common in intermediaries\' sales talk.' },
  { re: /额度已批|已审批通过|已批下来|额度下来了|审批已通过/, code: 'already_approved', zh: '还没申请就说“额度已批”，是中介的说法。', en: '"Your credit line is approved" before you applied is an intermediary\'s line.' },
  { re: /先息后本/, code: 'interest_first', zh: '“先息后本”常被中介用来吸引贷款。', en: '"Interest first, principal later" is often used to lure borrowers.' },
  { re: /债务重组|债务优化|债务规划|停息挂账/, code: 'debt_restructuring', zh: '“债务重组/停息挂账”是中介收费的常见名目，银行不会通过中介办理。', en: '"Debt restructuring" is a common fee item of intermediaries; banks do not go through them.' },
  { re: /前期费用|手续费|服务费|包装费|保证金|解冻费|验资费|加急费|押金/, code: 'upfront_fee', zh: '要求先交手续费、服务费或保证金：银行放贷不收这些前期费用。', en: 'Asking for a fee or deposit up front: banks charge no such fees before a loan.' },
  { re: /走账|刷流水|过账/, code: 'pass_through', zh: '“走账”是把钱转进转出，可能让你卷入洗钱。', en: '"Passing money through your account" may involve you in money laundering.' },
  { re: /包装流水|包装资料|包装征信|做流水|征信修复|洗白征信/, code: 'fake_records', zh: '“包装流水/征信”是伪造材料，银行不会这样做。', en: '"Packaging statements or credit records" means forging documents; banks never do this.' },
  { re: /银行贷款中心|贷款中心|信贷中心/, code: 'loan_centre', zh: '监管部门提示：冒用“XX银行贷款中心”名义的多为中介。', en: 'The regulator warns: a "bank loan centre" is usually an intermediary using the name.' },
  { re: /内部渠道|内部名额|特殊通道|绿色通道/, code: 'inside_channel', zh: '“内部渠道/特殊通道”不是银行的正规流程。', en: '"Inside channel" is no part of a bank\'s procedure.' },
  { re: /(?<!(?:不要|别|勿|不能|不得|切莫)[^，。！？\n]{0,6})(?:(?:告诉|发给|提供|报给|转发|念给)(?:我|我们|客服|经理)?[^，。！？\n]{0,6}验证码|验证码[^，。！？\n]{0,6}(?:告诉|发给|提供|报给|转发))/, code: 'sms_code', zh: '要你说出短信验证码：任何人都不该问你要验证码，银行也不会。', en: 'Asking for the code in your SMS: nobody should ask you for it, banks never do.' },
  { re: /无视征信|黑户可贷|秒批|秒下款|百分百下款|包过/, code: 'guaranteed', zh: '“无视征信/包过/秒批”的承诺不可信。', en: 'Promises like "no credit check" or "guaranteed" cannot be trusted.' },
];

const MANAGER = /(?:信贷|客户|贷款|业务)?经理|信贷员|专员|主管|顾问/;
const MOBILE = /(?<!\d)1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/;
const BANK_WORD = /银行|工行|农行|中行|建行|交行|招行|邮储|农商|信用社/;
const COMPANY = /(?:[\u4e00-\u9fa5]{2,12}(?:金融服务|信息咨询|咨询服务|商务咨询|投资管理|资产管理|融资担保|信息技术|科技)?有限公司|金融服务(?:中心|外包)?|融资服务|担保公司)/;

const WORDS: Record<string, { message: string; messageEn: string }> = {
  ...Object.fromEntries(PHRASES.map((p) => [p.code, { message: p.zh, messageEn: p.en }])),
  manager_on_mobile: {
    message: '自称银行“经理”却用私人手机号联系：请只拨打银行官方客服电话核实。',
    messageEn: 'A "bank manager" calling from a personal mobile: check only through the bank\'s official number.',
  },
  bank_with_company: {
    message: '消息里银行和一家非银行公司一起出现：银行贷款不经过咨询或金融服务公司。',
    messageEn: 'A bank named together with a non-bank company: bank loans do not go through consulting or financial-service firms.',
  },
};

/** A signal known by its code alone (a share link carries codes, not the words that raised them); null for a code we do not know. */
export function signalOfCode(code: string): Signal | null {
  const w = Object.hasOwn(WORDS, code) ? WORDS[code] : undefined;
  return w ? { code, ...w, evidence: '' } : null;
}

export function messageSignals(text: string): Signal[] {
  const out: Signal[] = [];
  out.push(...tellSignals(text)); // 签约中心, virtual numbers, 线下签约, 银行楼上 (steps.ts)
  for (const p of PHRASES) {
    const m = p.re.exec(text);
    if (m) out.push({ code: p.code, message: p.zh, messageEn: p.en, evidence: m[0] });
  }
  const manager = MANAGER.exec(text);
  const mobile = MOBILE.exec(text);
  if (manager && mobile && BANK_WORD.test(text)) {
    out.push({ code: 'manager_on_mobile', ...WORDS.manager_on_mobile, evidence: `${manager[0]} ${mobile[0]}` });
  }
  const company = COMPANY.exec(text);
  if (company && BANK_WORD.test(text) && !/银行股份有限公司|银行有限公司/.test(company[0])) {
    out.push({ code: 'bank_with_company', ...WORDS.bank_with_company, evidence: company[0] });
  }
  return out;
}
