import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { buildRegistry } from '../../lib/registry/build';
import { openRegistry, type Registry } from '../../lib/registry/registry';

// The demo registry: made-up outlets in real districts of Shenzhen, Hefei and Hangzhou.
let dir: string;
let registry: Registry;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-check-'));
  const r = await buildRegistry({ manifest: path.resolve(__dirname, '../../data/demo/manifest.json'), out: path.join(dir, 'demo.sqlite') });
  registry = openRegistry(r.out);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the six verdicts', () => {
  test.each([
    ['建设银行 深圳市福田区演示大道88号示例金融大厦一楼', 'registered_branch'],
    ['建行 深圳市福田区演示大道88号示例金融大厦2层', 'registered_branch'],
    ['招商银行 深圳市福田区样板街9号诚信广场B座2楼', 'registered_branch'], // an outlet that really is upstairs
    ['中国建设银行 深圳南山区明鉴路199号诚信中心3楼', 'registered_branch'],
    ['工行深圳示范路支行，示范路16号明镜大厦首层', 'registered_branch'],
    ['我是建行信贷经理，请到深圳市福田区演示大道88号示例金融大厦18楼1803室签合同', 'office_floor'],
    ['建设银行 深圳市福田区演示大道88号示例金融大厦1803室', 'office_floor'], // the room says floor 18
    ['招商银行 深圳市福田区样板街9号诚信广场A座2楼', 'office_floor'], // another tower
    ['招商银行 深圳市福田区样板街9号诚信广场B座15楼', 'office_floor'],
    ['工商银行 深圳市福田区演示大道88号示例金融大厦1楼', 'bank_mismatch'],
    ['建设银行 深圳市福田区演示大道200号', 'not_registered'],
    ['建设银行 深圳市福田区演示大道120号', 'not_registered'], // only a self-service site there
    ['平安银行 深圳市福田区演示大道300号', 'not_covered'],
    ['建设银行 广州市天河区体育西路189号城建大厦23楼', 'not_covered'],
    ['您好，您的贷款额度已批，请尽快联系我', 'insufficient'],
    ['到合肥市蜀山区来找我', 'insufficient'],
  ])('%s → %s', (text, verdict) => {
    expect(check(text, registry).verdict).toBe(verdict);
  });
});

describe('evidence', () => {
  test('an office upstairs: each part with its status, the outlet downstairs, the reason', () => {
    const r = check('建设银行 深圳市福田区演示大道88号示例金融大厦18楼1803室', registry);
    const status = Object.fromEntries(r.parts.map((p) => [p.part, p.status]));
    expect(status).toMatchObject({ bank: 'confirmed', district: 'confirmed', road: 'confirmed', roadNo: 'confirmed', building: 'confirmed', floors: 'mismatched', room: 'not_in_registry', buildingNo: 'not_given' });
    expect(r.matches[0]).toMatchObject({ bank: '中国建设银行', name: '中国建设银行深圳演示大道支行', floors: [1, 2], kind: 'staffed', source: { file: 'shenzhen-ccb.csv', row: 2, asOf: '2026-11-01' } });
    expect(r.reasons.map((x) => x.code)).toEqual(['demo_registry', 'outlet_upstairs']);
    expect(r.reasons[1].message).toContain('18楼');
    expect(r.reasons[1].messageEn).toContain('floor 18');
    expect(r.bank).toEqual({ name: '中国建设银行', en: 'China Construction Bank', hotline: '95533' });
  });

  test('a floor alone proves nothing: a real outlet upstairs is still the outlet', () => {
    const r = check('招商银行 深圳市福田区样板街9号诚信广场B座2楼', registry);
    expect(r.verdict).toBe('registered_branch');
    expect(r.parts.find((p) => p.part === 'floors')?.status).toBe('confirmed');
  });

  test('an outlet address with no floor is street level: floor 1 is confirmed, floor 3 is not', () => {
    expect(check('工行 深圳市福田区演示大道66号一楼', registry).verdict).toBe('registered_branch');
    expect(check('工行 深圳市福田区演示大道66号三楼', registry).verdict).toBe('office_floor');
  });

  test('a self-service site never makes a registered branch', () => {
    const r = check('建设银行 深圳市福田区演示大道120号', registry);
    expect(r.matches[0].kind).toBe('self_service');
    expect(r.reasons.map((x) => x.code)).toContain('self_service_only');
  });

  test('not registered: the nearest outlets of that bank are named', () => {
    const r = check('建设银行 深圳市福田区演示大道200号', registry);
    expect(r.nearest.length).toBeGreaterThan(0);
    expect(r.nearest.every((m) => m.bank === '中国建设银行' && m.kind === 'staffed')).toBe(true);
    expect(r.nearest[0].distanceKm).toBeGreaterThanOrEqual(0);
  });

  test('coverage decides between not registered and not covered', () => {
    expect(check('建设银行 合肥市蜀山区示例路100号', registry).verdict).toBe('not_registered'); // licence records: every bank in Hefei
    expect(check('建设银行 北京市朝阳区示范大街100号', registry).verdict).toBe('not_covered');
    const r = check('平安银行 深圳市福田区演示大道300号', registry);
    expect(r.reasons.map((x) => x.code)).toContain('bank_not_covered');
  });

  test('an outlet that moved: its old address says where it went', () => {
    const r = check('建行 合肥市包河区样板街12号', registry);
    expect(r.verdict).toBe('not_registered');
    const moved = r.reasons.find((x) => x.code === 'outlet_moved');
    expect(moved?.message).toContain('演示大道500号');
  });

  test('no bank named: the outlet at the address is still recognised', () => {
    const r = check('深圳市福田区演示大道88号示例金融大厦1层', registry);
    expect(r.verdict).toBe('registered_branch');
    expect(r.reasons.map((x) => x.code)).toContain('no_bank_named');
    expect(r.bank).toBeNull();
  });

  test('every result names the registry snapshot it used, flagged as demo', () => {
    const r = check('建设银行 深圳市福田区演示大道88号', registry);
    expect(r.registry).toMatchObject({ version: registry.info.version, asOf: '2026-11-01', demo: true });
  });

  test('message signals are reported beside the verdict, never deciding it', () => {
    const a = check('我是建设银行信贷经理13800138000，您是白名单客户，先交手续费，到深圳市福田区演示大道88号示例金融大厦一楼', registry);
    expect(a.verdict).toBe('registered_branch');
    expect(a.signals.map((s) => s.code)).toEqual(expect.arrayContaining(['whitelist', 'upfront_fee', 'manager_on_mobile']));
  });

  test('the map point: the outlet at the address, else the district', () => {
    expect(check('建设银行 深圳市福田区演示大道88号示例金融大厦一楼', registry).place.precision).toBe('outlet');
    expect(check('建设银行 深圳市福田区不存在路1号', registry).place.precision).toMatch(/district|city/);
  });
});

describe('the bank to call', () => {
  test.each([
    // Named: that bank, whatever the address.
    ['建设银行 深圳市福田区演示大道88号示例金融大厦18楼', { name: '中国建设银行', hotline: '95533', named: true }],
    ['工商银行 深圳市福田区演示大道88号示例金融大厦1楼', { name: '中国工商银行', hotline: '95588', named: true }],
    ['平安银行 深圳市福田区演示大道300号', { name: '平安银行', hotline: '95511', named: true }],
    // Not named: the bank registered at the address.
    ['请到深圳市福田区演示大道88号示例金融大厦18楼1803室签约', { name: '中国建设银行', hotline: '95533', named: false }],
    // Neither: nobody to call by name.
    ['深圳市福田区演示大道200号', null],
    ['您好，您的贷款额度已批，请尽快联系我', null],
  ])('%s', (text, want) => {
    const got = check(text, registry).callBank;
    expect(got && { name: got.name, hotline: got.hotline, named: got.named }).toEqual(want);
  });
});
