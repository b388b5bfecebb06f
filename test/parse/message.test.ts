import { describe, expect, test } from 'vitest';
import { parse } from '../../lib/parse';

/** Messages the way people receive them: greetings, names, numbers and talk around the address. */
describe('a whole message in, the address and the claimed bank out', () => {
  test.each([
    [
      '您好，我是建设银行信贷部王经理，您申请的贷款额度已批，请于明天下午2点到深圳市福田区深南大道6008号特区报业大厦18楼1803室签约，联系电话13812345678。',
      { bank: '中国建设银行', district: '福田区', roadNo: '6008号', floors: [18], room: '1803' },
    ],
    [
      '【工商银行】尊敬的客户：您的备用金已审批通过，请携带身份证于11月28日上午10:30前往我行合作网点办理，地址：杭州市西湖区文三路90号东部软件园1号楼3层302。回T退订',
      { bank: '中国工商银行', district: '西湖区', roadNo: '90号', floors: [3], room: '302' },
    ],
    [
      '王先生你好 我这边是招行的 你的资料都齐了 明天直接过来签合同就行\n地址 南山区科苑路15号科兴科学园A栋18楼\n到了打我电话 0755-26881234',
      { bank: '招商银行', district: '南山区', roadNo: '15号', floors: [18], room: null },
    ],
    [
      '农行贷款中心：先息后本，额度30万，年化3.6%，请到合肥市蜀山区长江西路189号之心城 8楼 801 面签',
      { bank: '中国农业银行', district: '蜀山区', roadNo: '189号', floors: [8], room: '801' },
    ],
  ])('%s', (message, expected) => {
    const r = parse(message);
    expect({ bank: r.bank, district: r.district, roadNo: r.roadNo, floors: r.floors, room: r.room }).toEqual(expected);
  });

  test('phone numbers, dates and amounts are never read as address numbers', () => {
    const r = parse('李经理 13912345678，28号下午来深南大道6008号，手续费5万，95533');
    expect(r.roadNo).toBe('6008号');
    expect(r.room).toBeNull();
    expect(r.floors).toEqual([]);
  });

  test('the address span points at the address inside the message', () => {
    const msg = '您好，请到福田区深南大道6008号18楼签约，谢谢';
    const r = parse(msg);
    const [s, e] = r.addressSpan;
    expect(msg.slice(s, e)).toBe('福田区深南大道6008号18楼');
  });

  test.each([
    '您好，您的贷款已经批下来了，请尽快联系我办理，谢谢！',
    // Short, commas only, no sentence end: still not an address (was read as a building).
    '您好，您在我行的贷款额度已审批通过，请尽快联系王经理办理',
    '在吗，额度批了，今天方便过来吗',
  ])('a text with no address has no address parts: %s', (text) => {
    const r = parse(text);
    expect([r.road, r.roadNo, r.building, r.room]).toEqual([null, null, null, null]);
    expect(r.floors).toEqual([]);
  });

  test.each(['万象城，B座', '福田区，平安金融中心', '科兴科学园,A栋'])('a short line with a stray comma is still an address: %s', (text) => {
    const r = parse(text);
    expect(r.building ?? r.district).not.toBeNull();
  });
});
