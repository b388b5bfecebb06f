import { describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { builtRegistry } from '../helpers/registry';

const registry = builtRegistry('data/demo/manifest.json');

describe('a road with no number is not an address', () => {
  test.each([
    ['建设银行 深圳市福田区演示大道 请到三楼', ['中国建设银行深圳演示大道支行']],
    ['我是建行的，你到深圳福田区演示大道来，到了打我电话', ['中国建设银行深圳演示大道支行']],
    ['工商银行 深圳市福田区演示大道', ['中国工商银行深圳演示大道支行']],
    ['建设银行 深圳市福田区示范路 18楼', []], // no 建设银行 outlet on that road
    ['深圳市福田区演示大道 三楼', []], // no bank named: nothing to list
  ])('%s → insufficient, listing %j', (text, names) => {
    const r = check(text, registry());
    expect(r.verdict).toBe('insufficient');
    expect(r.nearest.map((o) => o.name)).toEqual(names);
    if (names.length) expect(r.reasons.find((x) => x.code === 'road_without_number')?.message).toContain(names[0]);
  });

  test('self-service sites are never listed', () => {
    expect(check('建设银行 深圳市福田区演示大道', registry()).nearest.every((o) => o.kind === 'staffed')).toBe(true);
  });

  test('with a number it is checked as before', () => {
    expect(check('建设银行 深圳市福田区演示大道88号 请到三楼', registry()).verdict).toBe('office_floor');
  });
});
