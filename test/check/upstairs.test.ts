import { describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { builtRegistry } from '../helpers/registry';

const registry = builtRegistry('data/demo/manifest.json');

describe('楼上 at an outlet (demo registry())', () => {
  test.each([
    // street-level outlets (no floor, or 1-2层)
    ['建设银行 深圳市福田区样板街36号楼上', 'office_floor', 'said_upstairs'],
    ['建行信贷部：深圳市福田区演示大道88号示例金融大厦楼上办公室', 'office_floor', 'said_upstairs'],
    ['深圳市福田区样板街36号，就在建行楼上，坐电梯上来', 'office_floor', 'said_upstairs'],
    ['工行楼上 深圳市福田区示范路16号明镜大厦', 'office_floor', 'said_upstairs'],
    ['建设银行 深圳市福田区样板街36号，按电梯到顶楼', 'office_floor', 'said_upstairs'],
    ['建设银行 深圳市福田区样板街36号，跟建行一栋楼', 'office_floor', 'said_upstairs'],
    // an outlet registered upstairs: plain 楼上 says nothing against it; above the bank does
    ['中国建设银行 深圳南山区明鉴路199号诚信中心，坐电梯上来', 'registered_branch', null],
    ['深圳南山区明鉴路199号诚信中心 建行楼上的信贷中心', 'office_floor', 'said_above_bank'],
  ])('%s → %s', (text, verdict, code) => {
    const r = check(text, registry());
    expect(r.verdict).toBe(verdict);
    if (code) expect(r.reasons.map((x) => x.code)).toContain(code);
  });

  test('the reason says it in words', () => {
    const r = check('建设银行 深圳市福田区样板街36号楼上', registry());
    expect(r.reasons.find((x) => x.code === 'said_upstairs')?.message).toContain('消息说在楼上，登记的网点在临街一层');
    expect(r.parts.find((p) => p.part === 'floors')).toMatchObject({ claimed: '楼上', status: 'mismatched' });
  });
});

describe('楼上 above the outlet\'s own unit', () => {
  test('a unit on the first floor named, then 楼上: still upstairs', () => {
    const r = check('建设银行 深圳市福田区样板街36号101室楼上', registry());
    expect(r.verdict).toBe('office_floor');
  });
  test('a room upstairs is compared as a floor', () => {
    expect(check('建设银行 深圳市福田区样板街36号楼上1803室', registry()).verdict).toBe('office_floor');
  });
});
