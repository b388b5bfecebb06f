import { describe, expect, test } from 'vitest';
import { branchesMatch, branchKey, buildingsMatch, roadMatcher, roadNumbers, roadsMatch } from '../../lib/registry/keys';
import { classifyOutlet } from '../../lib/registry/kind';
import { cleanSourceAddress } from '../../lib/registry/clean';

describe('keys', () => {
  test.each([
    ['6008号', [6008]], ['136-5号', [136]], ['185、187号', [185, 187]], ['669弄', [669]], ['六十七号', [67]], ['甲1号', [1]], [null, []],
  ])('roadNumbers(%s) → %j', (no, nums) => {
    expect(roadNumbers(no)).toEqual(nums);
  });

  test.each([
    ['幸福南路', '下沙幸福南路', true], ['深南大道', '深南大道', true], ['红星路三段', '红星路', true], ['深南大道', '深南东路', false], ['人民路', '人民北路', false],
  ])('roadsMatch(%s, %s) = %s', (a, b, same) => {
    expect(roadsMatch(a, b)).toBe(same);
  });

  test.each([
    ['特区报业大厦', '深圳特区报业大厦', true], ['国际大厦', '天津国际大厦', false], ['示例金融大厦', '示例金融大厦', true], ['万达广场', '万达', false],
  ])('buildingsMatch(%s, %s) = %s', (a, b, same) => {
    expect(buildingsMatch(a, b)).toBe(same);
  });

  test.each([
    ['福田支行', '中国建设银行股份有限公司深圳福田支行', true],
    ['深圳笋岗支行', '交通银行深圳笋岗支行', true],
    ['罗湖支行', '交通银行深圳笋岗支行', false],
  ])('branchesMatch(%s, %s) = %s', (a, b, same) => {
    expect(branchesMatch(a, b)).toBe(same);
  });

  test('branchKey drops the bank and the company form', () => {
    expect(branchKey('中国建设银行股份有限公司深圳福田支行')).toBe('深圳福田支行');
  });
});

describe('outlet kinds', () => {
  test.each([
    ['交通银行深圳笋岗支行', 'staffed'], ['中国建设银行股份有限公司深圳福田支行', 'staffed'], ['兴业银行合肥翡翠路自动取款机', 'self_service'],
    ['合肥国购自助银行（汇总）', 'self_service'], ['', 'self_service'], ['交银施罗德基金管理有限公司北京分公司', 'non_bank'], ['交银康联人寿保险有限公司辽宁省分公司', 'non_bank'],
    ['滨湖支行', 'staffed'], ['安徽肥西农村商业银行股份有限公司紫蓬支行', 'staffed'],
  ])('%s → %s', (name, kind) => {
    expect(classifyOutlet(name)).toBe(kind);
  });
});

describe('source address cleaning', () => {
  test.each([
    ['瑶海区铜陵路路（街）169号', '瑶海区铜陵路169号'], ['包河区区马鞍山路（街）506号', '包河区马鞍山路506号'], ['中北路101+号楚商大厦', '中北路101号楚商大厦'],
  ])('%s → %s', (a, b) => {
    expect(cleanSourceAddress(a)).toBe(b);
  });
});

describe('roadMatcher gives what roadsMatch gave, road by road', () => {
  // The comparison as first written, before the claimed road's base was worked out once.
  const SECTION = /(?:[东西南北中]段|[一二三四五六七八九十\d]{1,2}段|[东西南北中])$/;
  const before = (a: string | null, b: string | null) => {
    if (!a || !b) return false;
    if (a === b) return true;
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    if (short.length >= 3 && long.endsWith(short)) return true;
    const base = (s: string) => s.replace(SECTION, '');
    return base(a).length >= 2 && base(a) === base(b);
  };
  const roads = [null, '', '路', '红星路', '红星路三段', '红星路3段', '红星路东段', '红星东路', '红星', '下沙红星路', '幸福南路', '下沙幸福南路', '幸福路', '幸福南', '中', '中段', '东二巷', '文昌路东二巷', '文昌路', '人民大道中', '人民大道', '人民大道中段', '长安街', '西长安街', 'AB路', 'AB'];
  test(`${roads.length}² pairs`, () => {
    let same = 0;
    for (const a of roads) for (const b of roads) {
      expect(roadMatcher(a)(b), `${a} ~ ${b}`).toBe(before(a, b));
      if (before(a, b)) same++;
    }
    expect(same).toBeGreaterThan(40);
  });
});
