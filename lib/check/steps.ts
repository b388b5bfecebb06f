/**
 * Intermediaries' tells beyond their sales talk, and the official next steps they call for.
 * Signals never decide the verdict (see signals.ts); the steps are what a person can do next:
 * report the calling number to 12321 (the reporting centre for spam calls and messages), and
 * call 96110 (the anti-fraud line) when money or a code was asked for.
 */
import type { Signal } from './signals';

const TELLS: { re: RegExp; code: string; zh: string; en: string }[] = [
  {
    re: /(?:贷款|信贷|面签)?签约中心|面签中心/,
    code: 'signing_centre',
    zh: '“签约中心”是贷款中介公司前台常挂的牌子：银行网点不叫签约中心。',
    en: 'A "signing centre" is the sign at a loan company\'s reception; bank outlets are not called that.',
  },
  {
    re: /线上(?:没有|无|不够)?额度|(?:需要|要|必须)?到线下(?:网点)?(?:签约|面签|办理)|线下(?:网点)?(?:签约|面签)/,
    code: 'offline_signing',
    zh: '“线上无额度，需要到线下网点签约”是中介把人带到自己办公室的说法。',
    en: '"No credit online, you must sign at an outlet" is how intermediaries bring people to their own office.',
  },
  {
    re: /(?:银行|[工农中建交招]行|邮储|网点|营业厅)(?:的)?(?:楼上|旁边|隔壁|对面|楼里)/,
    code: 'beside_bank',
    zh: '说办公室在“银行楼上”“银行旁边”：借银行的名气，但那里不是银行。',
    en: 'An office "above the bank" or "next to the bank" borrows its name, but is not the bank.',
  },
];

// Numbers of virtual operators (移动转售), where 电销卡 come from.
const VIRTUAL = /(?<!\d)(?:\+?86[- ]?)?(1(?:70|71|62|65|67)(?:[- ]?\d{4}){2})(?!\d)/;
const ANY_PHONE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/;
const MONEY_OR_CODE = /验证码|动态码|校验码|转账|汇款|打款|付款|交钱|先交|预付|手续费|服务费|保证金|押金|解冻费|验资费|包装费|工本费|刷流水|走账|屏幕共享|共享屏幕/;

export function tellSignals(text: string): Signal[] {
  const out: Signal[] = [];
  for (const t of TELLS) {
    const m = t.re.exec(text);
    if (m) out.push({ code: t.code, message: t.zh, messageEn: t.en, evidence: m[0] });
  }
  const v = VIRTUAL.exec(text);
  if (v) {
    out.push({
      code: 'virtual_number',
      message: `号码${v[1]}属于虚拟运营商号段（170/171/162/165/167），推销贷款的“电销卡”多来自这些号段；银行客户经理一般不用。`,
      messageEn: `The number ${v[1]} is in a virtual operator's range (170/171/162/165/167), where sales-call SIM cards come from; bank staff rarely use them.`,
      evidence: v[1],
    });
  }
  return out;
}

export interface Step {
  code: 'report_12321' | 'call_96110';
  message: string;
  messageEn: string;
}

/** The official next steps the message calls for, beyond calling the bank's own number. */
export function nextSteps(text: string, signals: Signal[]): Step[] {
  const steps: Step[] = [];
  const phone = ANY_PHONE.exec(text) ?? VIRTUAL.exec(text);
  if (phone || signals.length > 0) {
    steps.push({
      code: 'report_12321',
      message: phone ? `把联系你的号码${phone[0].replace(/\s/g, '')}举报到12321（网络不良与垃圾信息举报受理中心，网站 12321.cn 或拨打 12321）。` : '把联系你的号码举报到12321（网络不良与垃圾信息举报受理中心，网站 12321.cn 或拨打 12321）。',
      messageEn: phone ? `Report the number ${phone[0].replace(/\s/g, '')} to 12321 (the reporting centre for spam calls and messages, 12321.cn or call 12321).` : 'Report the number that contacted you to 12321 (the reporting centre for spam calls and messages, 12321.cn or call 12321).',
    });
  }
  if (MONEY_OR_CODE.test(text)) {
    steps.push({
      code: 'call_96110',
      message: '对方要你转钱、交费或提供验证码：不要照做，拨打96110反诈专线咨询；已经转账的，立即拨打110报警。',
      messageEn: 'They asked for money, a fee or a code: do not do it; call the anti-fraud line 96110; if you already paid, call the police on 110 at once.',
    });
  }
  return steps;
}
