import { describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { MAX_ADDRESS, previewOf } from '../../lib/web/preview';
import { useDemoRegistry } from '../fixtures/demo-registry';

const demo = useDemoRegistry();
const run = (text: string) => check(text, demo());

describe('previewOf: what a forwarded result says on its own', () => {
  test.each([
    ['the address, not the rest of the message', '我是建设银行信贷经理王工，电话13800138000，请明天上午到深圳市福田区演示大道88号示例金融大厦18楼1803室签合同，先交3%手续费。', 'office_floor', '95533'],
    ['a bank that is not the one registered', '工商银行贷款中心：请到深圳市福田区演示大道88号示例金融大厦1楼办理', 'bank_mismatch', '95588'],
  ])('%s', (_name, text, verdict, number) => {
    const p = previewOf(run(text), 'zh');
    expect(p.verdict).toBe(verdict);
    expect(p.address).toMatch(/演示大道88号/);
    expect(p.address!.length).toBeLessThanOrEqual(MAX_ADDRESS);
    for (const secret of ['王工', '13800138000', '3%', '手续费', '贷款中心']) expect(p.address).not.toContain(secret);
    expect(p.call?.number).toBe(number);
    expect(p.asOf).toMatch(/^\d{4}-\d{2}/);
  });

  test('English names the bank in English', () => {
    expect(previewOf(run('建设银行 深圳市福田区演示大道88号示例金融大厦一楼'), 'en').call).toEqual({ bank: 'China Construction Bank', number: '95533' });
  });

  test('nothing to check: no address', () => {
    expect(previewOf(run('您好，您在我行的贷款额度已审批通过，请尽快联系王经理办理'), 'zh').address).toBeNull();
  });
});
