import { describe, expect, test } from 'vitest';
import { messageSignals } from '../../lib/check/signals';
import { nextSteps, tellSignals } from '../../lib/check/steps';

describe("the intermediaries' other tells, as signals", () => {
  test.each([
    ['工商银行XX支行贷款签约中心：长江中路57号', 'signing_centre'],
    ['请到面签中心办理', 'signing_centre'],
    ['您好，线上无额度，需要到线下网点签约', 'offline_signing'],
    ['线上没有额度了，要到线下面签', 'offline_signing'],
    ['我们办公室就在银行楼上', 'beside_bank'],
    ['就在建行旁边那栋楼', 'beside_bank'],
    ['交行隔壁', 'beside_bank'],
    ['王经理 17012345678', 'virtual_number'],
    ['有事打我电话171 2345 6789', 'virtual_number'],
    ['16212345678', 'virtual_number'],
    ['联系：+86 165-1234-5678', 'virtual_number'],
    ['16712345678', 'virtual_number'],
  ])('%s → %s', (text, code) => {
    expect(tellSignals(text).map((s) => s.code)).toContain(code);
    expect(messageSignals(text).map((s) => s.code)).toContain(code);
  });

  test.each(['13812345678', '请到合肥市长江中路57号交通银行办理', '18012345678', '银行卡背面的电话'])('%s → no tell', (text) => {
    expect(tellSignals(text)).toEqual([]);
  });
});

describe('next steps', () => {
  test.each([
    ['王经理 17012345678，明天到长江中路57号签约', ['report_12321']],
    ['王经理 13812345678，先交2000元保证金', ['report_12321', 'call_96110']],
    // Asking for the code is itself a signal (sms_code): the number that asked is reported too.
    ['把收到的验证码发给我', ['report_12321', 'call_96110']],
    ['线上无额度，需要到线下网点签约', ['report_12321']],
    ['合肥市长江中路57号', []],
  ])('%s → %j', (text, codes) => {
    expect(nextSteps(text, messageSignals(text)).map((s) => s.code)).toEqual(codes);
  });

  test('the number to report is named', () => {
    const [s] = nextSteps('王经理 170 1234 5678', []);
    expect(s.message).toContain('17012345678');
    expect(s.message).toContain('12321');
  });
});
