import { describe, expect, test } from 'vitest';
import { classifyOutlet, kindOfLevel, licenceLevel } from '../../lib/registry/kind';

describe('licenceLevel: the level of a licensed office, from 机构编码 and its name', () => {
  test.each([
    ['B0001S342130002', '中国工商银行股份有限公司随州曾都支行', 'counter', 'staffed'],
    ['B0001U342130009', '中国工商银行股份有限公司随州某分理处', 'counter', 'staffed'],
    ['I0002A342130001', '中国邮政储蓄银行股份有限公司巴东县水布垭镇营业所', 'counter', 'staffed'],
    ['E0032T353250001', '元阳县农村信用合作联社牛角寨信用社', 'counter', 'staffed'],
    ['B0001L342130001', '中国工商银行股份有限公司随州分行', 'office', 'staffed'],
    ['B0349H245010001', '广西北部湾银行股份有限公司', 'office', 'staffed'],
    ['B0011X244010001', '招商银行股份有限公司信用卡中心广州分中心', 'centre', 'centre'],
    ['B0014G233000001', '浙商银行股份有限公司小企业信贷中心', 'centre', 'centre'],
    ['B0010M244030001', '交通银行股份有限公司太平洋信用卡中心深圳分中心', 'centre', 'centre'],
    ['L0185H215010001', '伊利财务有限公司', 'non_bank', 'non_bank'],
    ['K0001H111000001', '某某信托有限责任公司', 'non_bank', 'non_bank'],
    ['N0001H131000001', '某某汽车金融有限公司', 'non_bank', 'non_bank'],
    ['X0001H111000001', '某某消费金融有限公司', 'non_bank', 'non_bank'],
    ['B0010M244030002', '交通银行股份有限公司深圳西丽支行', 'counter', 'staffed'],
  ])('%s %s → %s', (code, name, level, kind) => {
    const l = licenceLevel(code, name);
    expect(l).toBe(level);
    expect(kindOfLevel(l)).toBe(kind);
  });
});

describe('classifyOutlet: a row of a bank\'s own list', () => {
  test.each([
    ['交通银行深圳笋岗支行', 'staffed'],
    ['交通银行示例自助银行', 'self_service'],
    ['交银施罗德基金管理有限公司北京分公司', 'non_bank'],
    ['招商银行信用卡中心', 'centre'],
    ['', 'self_service'],
    ['滨湖', 'staffed'],
  ])('%s → %s', (name, kind) => expect(classifyOutlet(name)).toBe(kind));
});
