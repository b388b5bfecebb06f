import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { buildRegistry } from '../../lib/registry/build';
import { openRegistry, type Registry } from '../../lib/registry/registry';

// Numbers people write, against a registry written by hand for the purpose (made-up outlets
// in a real district), imported with the same cleaning rules as any source.
let dir: string;
let registry: Registry;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-numbers-'));
  fs.writeFileSync(
    path.join(dir, 'outlets.csv'),
    [
      '\uFEFF网点名称,网点地址,电话,Longitude,Latitude',
      '中国建设银行深圳样例一支行,深圳市福田区样例一路甲17号,,114.05,22.54',
      '中国建设银行深圳样例二支行,深圳市福田区样例二路8号样例商城201~206号,,114.06,22.54',
      '中国建设银行深圳样例三支行,深圳市福田区样例三路21－31号,,114.07,22.54',
      '中国建设银行深圳样例四支行,深圳市福田区亳(bo)州路9号,,114.08,22.54',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ asOf: '2026-12-01', crs: 'wgs84', sources: [{ file: 'outlets.csv', bank: '中国建设银行', region: '广东省深圳市', note: 'written by hand for this test' }] }));
  const r = await buildRegistry({ manifest: path.join(dir, 'manifest.json'), out: path.join(dir, 'r.sqlite') });
  registry = openRegistry(r.out);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('numbers people write, checked', () => {
  test.each([
    ['建设银行 深圳市福田区样例一路甲17号', 'registered_branch'],
    ['建设银行 深圳市福田区样例一路17号', 'not_registered'], // the lot next to 甲17号
    ['建设银行 深圳市福田区样例二路8号样例商城204号', 'registered_branch'], // inside 201~206号
    ['建设银行 深圳市福田区样例二路8号样例商城204室', 'registered_branch'],
    ['建设银行 深圳市福田区样例二路8号样例商城105、106号2208室', 'office_floor'], // the last room is claimed
    ['建设银行 深圳市福田区样例三路21-31号', 'registered_branch'], // 21－31号 cleaned at import
    ['建设银行 深圳市福田区亳州路9号', 'registered_branch'], // 亳(bo)州路 cleaned at import
  ])('%s → %s', (text, verdict) => {
    expect(check(text, registry).verdict).toBe(verdict);
  });
});
