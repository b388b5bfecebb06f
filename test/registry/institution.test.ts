import { describe, expect, test } from 'vitest';
import { institutionOf, legalNameOf, shortFormsOf } from '../../lib/registry/institution';

describe('institutionOf: the institution of a licence, from its name and 机构编码', () => {
  test.each([
    ['四川旺苍农村商业银行股份有限公司大河分理处', 'B1313U351080001', '四川旺苍农村商业银行', '四川旺苍农村商业银行', 'rural', false],
    ['中国工商银行股份有限公司随州分行', 'B0001L342130001', '中国工商银行', '中国工商银行', 'state', false],
    ['广西北部湾银行股份有限公司南宁市五象广场支行', 'B0349S245010043', '广西北部湾银行', '广西北部湾银行', 'city', false],
    ['元阳县农村信用合作联社牛角寨信用社', 'E0032T353250001', '元阳县农村信用合作联社', '元阳县农村信用合作联社', 'rural', false],
    ['中国农业发展银行平塘县支行', 'A0002S352270001', '中国农业发展银行', '中国农业发展银行', 'policy', false],
    ['梅州客家村镇银行股份公司丰顺汤坑分理处', 'S0045U344140001', '梅州客家村镇银行', '梅州客家村镇银行', 'rural', false],
    ['东亚银行（中国）有限公司上海分行', 'B0138B231000001', '东亚银行', '东亚银行（中国）', 'foreign', false],
    ['伊利财务有限公司', 'L0185H215010001', '伊利财务', '伊利财务', 'city', true],
    ['华商银行广州分行', 'B0152B244010001', '华商银行', '华商银行', 'foreign', false],
  ])('%s → %s', (name, code, canonical, legal, group, nonBank) => {
    const i = institutionOf(name, code);
    expect(i).toMatchObject({ name: canonical, legalName: legal, codePrefix: code.slice(0, 5), nonBank });
    if (!nonBank) expect(i.group).toBe(group);
  });

  test.each([
    ['简称：吉林银行白山分行', '吉林银行'],
    ['某某咨询服务有限公司', '某某咨询服务'],
  ])('legalNameOf(%s) = %s', (name, legal) => expect(legalNameOf(name)).toBe(legal));
});

describe('shortFormsOf: the names people write', () => {
  test.each([
    ['四川旺苍农村商业银行', [], ['旺苍农商行', '旺苍农商银行', '旺苍农村商业银行', '四川旺苍农商行']],
    ['广西北部湾银行', [], ['北部湾银行']],
    ['山西盂县农村商业银行', ['盂县农商银行西烟分理处'], ['盂县农商银行']],
    ['旺苍县农村信用合作联社', [], ['旺苍县信用社', '旺苍县农村信用社']],
  ])('%s', (legal, shortNames, expected) => {
    const forms = shortFormsOf(legal, shortNames);
    for (const f of expected) expect(forms).toContain(f);
    // Never a bare kind of bank: 农商银行 names no one institution.
    for (const f of forms) expect(f).not.toMatch(/^(?:农商银行|农商行|村镇银行|银行|信用社)$/);
  });
});
