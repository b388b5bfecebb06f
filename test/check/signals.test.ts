import { describe, expect, test } from 'vitest';
import { messageSignals } from '../../lib/check/signals';

describe('message signals', () => {
  test.each([
    ['您是我们的白名单客户', 'whitelist'],
    ['可以申请备用金五万', 'reserve_fund'],
    ['恭喜，额度已批', 'already_approved'],
    ['先息后本，随借随还', 'interest_first'],
    ['我们专业做债务重组', 'debt_restructuring'],
    ['需要先交前期费用', 'upfront_fee'],
    ['放款前手续费3%', 'upfront_fee'],
    ['需要走账一下', 'pass_through'],
    ['帮您包装流水', 'fake_records'],
    ['建设银行贷款中心', 'loan_centre'],
    ['我是工行信贷经理 13912345678', 'manager_on_mobile'],
    ['招商银行合作机构：深圳某某金融服务有限公司', 'bank_with_company'],
    ['并把收到的验证码告诉我', 'sms_code'],
    ['请提供一下手机验证码', 'sms_code'],
    ['验证码发给客服就行', 'sms_code'],
  ])('%s → %s', (text, code) => {
    expect(messageSignals(text).map((s) => s.code)).toContain(code);
  });

  test.each([
    ['中国建设银行股份有限公司深圳福田支行'],
    ['请到深南大道6008号'],
    ['经理的电话是 0755-12345678'],
    ['不要把验证码告诉任何人'],
  ])('%s raises nothing', (text) => {
    expect(messageSignals(text)).toEqual([]);
  });

  test('every signal names the words that raised it, in both languages', () => {
    const [s] = messageSignals('先交手续费');
    expect(s).toMatchObject({ code: 'upfront_fee', evidence: '手续费' });
    expect(s.message.length).toBeGreaterThan(5);
    expect(s.messageEn.length).toBeGreaterThan(5);
  });
});
