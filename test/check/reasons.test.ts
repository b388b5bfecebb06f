import { describe, expect, test } from 'vitest';
import { reason, REASON_CODES, type ReasonCode } from '../../lib/check/reasons';

/** Every combination a sentence can meet reads as a sentence: no "该银行" for a bank never named, no "—" for a missing word. */
const CASES: [string, ReasonCode, Record<string, string | null>, RegExp, RegExp][] = [
  ['a bank and a district', 'no_outlet_at_address', { bank: '中国建设银行', bankEn: 'China Construction Bank', area: '西湖区', areaEn: '西湖区' }, /^登记数据里，中国建设银行在西湖区没有网点登记在这个地址。$/, /^In the registry, China Construction Bank has no outlet at this address in 西湖区\.$/],
  ['no bank named', 'no_outlet_at_address', { bank: null, bankEn: null, area: '西湖区', areaEn: '西湖区' }, /^登记数据里，西湖区没有任何银行的网点登记在这个地址。$/, /^In the registry, no bank has an outlet at this address in 西湖区\.$/],
  ['a bank, no district', 'no_outlet_at_address', { bank: '中国建设银行', bankEn: 'China Construction Bank', area: null, areaEn: null }, /^登记数据里，中国建设银行没有网点登记在这个地址。$/, /no outlet at this address\.$/],
  ['neither', 'no_outlet_at_address', { bank: null, bankEn: null, area: null, areaEn: null }, /^登记数据里，没有任何银行的网点登记在这个地址。$/, /^In the registry, no bank has an outlet at this address\.$/],
  ['the bank named', 'claimed_bank_elsewhere', { bank: '中国工商银行', bankEn: 'ICBC' }, /^中国工商银行在这里没有登记的网点。$/, /^ICBC has no/],
  ['no bank named', 'claimed_bank_elsewhere', { bank: null, bankEn: null }, /^消息里说的银行/, /^The bank the message speaks of/],
  ['another bank, one named', 'other_bank_here', { otherBank: '中国建设银行', otherBankEn: 'CCB', name: '演示支行', bank: '中国工商银行', bankEn: 'ICBC' }, /不是中国工商银行的。$/, /not ICBC\.$/],
  ['another bank, none named', 'other_bank_here', { otherBank: '中国建设银行', otherBankEn: 'CCB', name: '演示支行', bank: null, bankEn: null }, /^这里登记的是中国建设银行的网点「演示支行」。$/, /"演示支行"\.$/],
  ['a floor given', 'outlet_floor_differs', { bank: '中国建设银行', bankEn: 'CCB', name: '演示支行', registeredFloor: '1-2层', registeredFloorEn: 'floors 1-2', claimedFloor: '地下1层', claimedFloorEn: 'basement 1' }, /你收到的地址在地下1层/, /on basement 1/],
  ['no floor given', 'outlet_floor_differs', { bank: '中国建设银行', bankEn: 'CCB', name: '演示支行', registeredFloor: '1-2层', registeredFloorEn: 'floors 1-2', claimedFloor: null, claimedFloorEn: null }, /不在那一层。$/, /not on that floor\.$/],
  ['a tower, none registered', 'other_tower', { registeredTower: null, claimedTower: 'B座' }, /^你收到的地址在B座，登记的网点不在这一栋楼。$/, /in B座; the registered outlet/],
  ['a room, none registered', 'other_room', { registeredRoom: null, claimedRoom: '1803' }, /^你收到的地址和登记的网点不是同一个房间。$/, /another room/],
  ['a withdrawal with no date', 'licence_withdrawn', { bank: '中国建设银行', bankEn: 'CCB', name: '演示支行', date: null }, /已经注销/, /has been withdrawn/],
  ['no district known', 'bank_not_covered', { bank: '平安银行', bankEn: 'Ping An Bank', area: null, areaEn: null }, /平安银行在这一地区/, /in this area/],
];

describe('reason sentences', () => {
  test.each(CASES)('%s: %s', (_name, code, vars, zh, en) => {
    const r = reason(code, vars);
    expect(r.message).toMatch(zh);
    expect(r.messageEn).toMatch(en);
    for (const text of [r.message, r.messageEn]) {
      expect(text).not.toContain('—');
      expect(text).not.toMatch(/该银行|任何银行在|the bank the bank/);
    }
  });

  test('every code has a sentence in both languages, whatever is missing', () => {
    for (const code of REASON_CODES) {
      const r = reason(code, {});
      expect(r.message.length).toBeGreaterThan(4);
      expect(r.messageEn.length).toBeGreaterThan(4);
    }
  });
});
