import { describe, expect, test } from 'vitest';
import { parse } from '../../lib/parse';
import { isMove, mergeLicences, type LicenceRow } from '../../lib/registry/licences';
import type { RawRow } from '../../lib/registry/sources';

const row = (code: string, issuedAt: string, address = '某地'): RawRow => ({
  row: 2, name: '某银行某支行', address, phone: null, lng: null, lat: null, previousAddress: null, previous: null,
  licence: { code, shortName: null, location: null, postcode: null, issuedAt, approvedAt: null, authority: null, serial: null, exitedAt: null },
});
const lr = (sourceIndex: number, r: RawRow, state: 'in_use' | 'exited' = 'in_use'): LicenceRow => ({ sourceIndex, row: r, state });

describe('mergeLicences: one row per 机构编码', () => {
  test.each([
    ['the newest 发证日期 wins', [lr(0, row('B1', '2019-01-01', '旧')), lr(1, row('B1', '2020-01-01', '新'))], ['新'], new Map([[0, 1]])],
    ['in use wins over withdrawn (re-licensed)', [lr(0, row('B1', '2020-01-01', '在用')), lr(1, row('B1', '2021-01-01', '退出'), 'exited')], ['在用'], new Map([[1, 1]])],
    ['different codes are different licences', [lr(0, row('B1', '2020-01-01', 'a')), lr(0, row('B2', '2020-01-01', 'b'))], ['a', 'b'], new Map()],
    ['the same code twice in one file is one', [lr(0, row('B1', '2020-01-01', 'a')), lr(0, row('b1', '2020-01-01', 'a'))], ['a'], new Map([[0, 1]])],
  ])('%s', (_name, rows, addresses, merged) => {
    const r = mergeLicences(rows);
    expect(r.kept.map((k) => k.row.address)).toEqual(addresses);
    expect(r.mergedBySource).toEqual(merged);
  });
});

describe('isMove: a previous address is a move only when it names another place', () => {
  test.each([
    ['another road', '新宁县金石镇大兴路9号', '新宁县金石镇解放路14号', true],
    ['another number', '深圳市福田区深南大道6008号', '深圳市福田区深南大道6010号', true],
    ['the same, formatted otherwise', '深圳市福田区深南大道6008号', '广东省深圳市福田区深南大道６００８号', false],
    ['the same place with the floor added', '深圳市福田区深南大道6008号一楼', '深圳市福田区深南大道6008号', false],
    ['a previous address with no road', '深圳市福田区深南大道6008号', '深圳市福田区', false],
  ])('%s', (_name, now, then, move) => expect(isMove(parse(now), parse(then))).toBe(move));
});
