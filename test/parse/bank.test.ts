import { describe, expect, test } from 'vitest';
import { parse } from '../../lib/parse';
import { BANKS, canonicalBankOf, findBank } from '../../lib/banks';

describe('bank aliases → one canonical name', () => {
  test.each([
    ['工行', '中国工商银行'], ['工商银行', '中国工商银行'], ['中国工商银行', '中国工商银行'],
    ['农行', '中国农业银行'], ['中行', '中国银行'], ['建行', '中国建设银行'], ['建设银行', '中国建设银行'],
    ['交行', '交通银行'], ['邮储', '中国邮政储蓄银行'], ['邮政银行', '中国邮政储蓄银行'],
    ['招行', '招商银行'], ['浦发', '上海浦东发展银行'], ['浦发银行', '上海浦东发展银行'], ['光大银行', '中国光大银行'],
    ['民生银行', '中国民生银行'], ['广东发展银行', '广发银行'], ['深发展', '平安银行'], ['icbc', '中国工商银行'],
  ])('%s → %s', (alias, name) => {
    expect(findBank(alias)?.name).toBe(name);
  });

  test('the six large state banks, twelve joint-stock banks and the postal bank are all there', () => {
    const groups = (g: string) => BANKS.filter((b) => b.group === g).map((b) => b.name);
    expect(groups('state')).toHaveLength(6);
    expect(groups('joint-stock')).toHaveLength(12);
    expect(groups('state')).toContain('中国邮政储蓄银行');
  });

  test('a manifest label resolves to the bank it contains', () => {
    expect(canonicalBankOf('安徽农村信用社（农商银行）')?.name).toBe('安徽农村信用社');
    expect(canonicalBankOf('中国建设银行')?.name).toBe('中国建设银行');
  });
});

describe('banks and branches in addresses', () => {
  test.each([
    ['建设银行(福田支行) 福华一路 1 号 首层', '中国建设银行', '福田支行'],
    ['北京市西城区金融大街25号 建行总行 一楼大厅', '中国建设银行', '总行'],
    ['招行 深圳福田支行 深南大道 7088 号 招商银行大厦 首层', '招商银行', '深圳福田支行'],
    ['中国银行深圳分行营业部 福田区 福华三路 国际商会中心 1-2 层', '中国银行', '深圳分行营业部'],
    ['交通银行深圳笋岗支行', '交通银行', '深圳笋岗支行'],
    ['兴业银行合肥分行寿春路支行', '兴业银行', '合肥分行寿春路支行'],
    ['合肥农商行滨湖支行', '安徽农村信用社', '滨湖支行'],
    ['到农商银行办理', '农村商业银行', null],
  ])('%s → %s / %s', (text, bank, branch) => {
    const r = parse(text);
    expect(r.bank).toBe(bank);
    expect(r.branch).toBe(branch);
  });

  test.each([
    ['上海市浦东新区陆家嘴环路1000号恒生银行大厦F18-1803', '恒生银行大厦'],
    ['武汉市江汉区建设大道672号招银大厦裙楼三楼', '招银大厦'],
    ['济南市历下区泺源大街 22 号 中银大厦 架空层', '中银大厦'],
    ['深南大道7088号招商银行大厦', '招商银行大厦'],
    ['厦门市思明区鹭江道 8 号 国际银行大厦 M层', '国际银行大厦'],
  ])('%s: a bank in a building name is a building', (text, building) => {
    const r = parse(text);
    expect(r.bank).toBeNull();
    expect(r.building).toBe(building);
  });

  test('a branch named alone, with no bank, is still a branch', () => {
    const r = parse('请到我们福田支行来办理');
    expect(r.bank).toBeNull();
    expect(r.branch).toBe('福田支行');
  });
});
