import { describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { builtRegistry } from '../helpers/registry';

// Hand-written licence records in the regulator's format (data/fixtures/licences), partial
// coverage: institutions, kinds of office, coverage and history as the check reads them.
const registry = builtRegistry('data/fixtures/licences/manifest.json');

describe('the check on licence records', () => {
  test.each([
    ['a counter, named by its short bank name', '工行 湖北省随州市曾都区示例大道100号', 'registered_branch', ['at_registered_outlet']],
    ['upstairs from a street-level counter', '我是工行信贷经理，请到湖北省随州市曾都区示例大道100号18楼1803室签合同', 'office_floor', ['outlet_upstairs', 'street_level_outlet']],
    ['partial coverage: no licence held here', '建设银行 深圳市福田区新洲路1号', 'not_covered', ['partial_coverage']],
    ['partial coverage, no bank named', '深圳市福田区新洲路1号', 'not_covered', ['partial_coverage_any', 'no_bank_named']],
    ['partial coverage, a bank with no licence held in the city', '兴业银行 深圳市福田区新洲路1号', 'not_covered', ['partial_coverage_none']],
    ['a withdrawn licence, nothing in use', '农业银行 深圳市罗湖区关停路9号', 'not_registered', ['licence_withdrawn']],
    ['an outlet\'s previous address', '建行 深圳市福田区旧样例路5号', 'not_registered', ['outlet_moved']],
    ['re-licensed in place: in use wins over withdrawn', '农行 深圳市罗湖区重开路6号', 'registered_branch', ['at_registered_outlet']],
    ['a specialised centre: registered, and said not to be a counter', '招商银行 深圳市福田区卡中心路1号', 'registered_branch', ['at_registered_outlet', 'specialised_centre']],
    ['a non-bank never a branch', '深圳市南山区财务路2号', 'not_covered', ['non_bank_office']],
    ['an institution outside the dictionary, by the short form people write', '旺苍农商行 四川省旺苍县东河镇示范街3号', 'registered_branch', ['at_registered_outlet']],
    ['another bank named at a counter', '招商银行 湖北省随州市曾都区示例大道100号', 'bank_mismatch', ['other_bank_here']],
  ])('%s', (_name, text, verdict, codes) => {
    const r = check(text, registry());
    expect(r.verdict).toBe(verdict);
    for (const c of codes) expect(r.reasons.map((x) => x.code)).toContain(c);
  });

  test('every match cites its licence: 机构编码, 流水号, 发证日期, 发证机关', () => {
    const m = check('工行 湖北省随州市曾都区示例大道100号', registry()).matches[0];
    expect(m.licence).toEqual({ code: 'B0001S342130901', serial: '00900901', issuedAt: '2020-08-17', authority: '随州银保监分局', exitedAt: null });
  });

  test('the withdrawal reason names the institution and the date', () => {
    const r = check('农业银行 深圳市罗湖区关停路9号', registry());
    const w = r.reasons.find((x) => x.code === 'licence_withdrawn')!;
    expect(w.message).toContain('2020-12-30');
    expect(w.message).toContain('中国农业银行');
  });

  test('the moved reason names the current licensed address', () => {
    const r = check('建行 深圳市福田区旧样例路5号', registry());
    expect(r.reasons.find((x) => x.code === 'outlet_moved')!.message).toContain('深圳市福田区样例路20号');
  });

  test('the partial-coverage reason says how many licences are held, and the number to call', () => {
    const r = check('建设银行 深圳市福田区新洲路1号', registry());
    const p = r.reasons.find((x) => x.code === 'partial_coverage')!;
    expect(p.message).toContain('中国建设银行在深圳市的部分网点许可证（2 家）');
    expect(p.message).toContain('95533');
  });
});
