import { describe, expect, test } from 'vitest';
import { bankGroupOf } from '../../lib/banks';
import type { Claim } from '../../lib/check/claim';
import { coverageOf, type Coverage } from '../../lib/check/covered';
import type { CoverageRow, Registry } from '../../lib/registry/registry';

// A registry that holds only coverage rows, read by region as the real one reads them.
function registryOf(rows: CoverageRow[]): Registry {
  const byRegion = new Map<string, CoverageRow[]>();
  for (const r of rows) byRegion.set(r.regionCode, [...(byRegion.get(r.regionCode) ?? []), r]);
  return { coverage: () => rows, coverageIn: (code: string) => byRegion.get(code) ?? [] } as unknown as Registry;
}

const row = (bank: string, regionCode: string, complete: boolean, outlets = 10): CoverageRow => ({ bank, regionCode, region: regionCode, sourceId: 1, complete, outlets });

const claimOf = (bank: string | null, provinceCode: string | null = null, generic = false): Claim =>
  ({ bank, bankIsGeneric: generic, bankGroup: bank ? (bankGroupOf(bank) ?? null) : null, provinceCode }) as unknown as Claim;

const ROWS: CoverageRow[] = [
  row('中国工商银行', '4403', false, 120), // a partial export of one city
  row('中国建设银行', '4403', true, 80), // a bank's own complete list of the same city
  row('深圳农村商业银行', '4403', false, 30),
  row('*', '44', false, 0), // every bank of a province, in part
  row('中国银行', '440305', true, 5), // one district, complete
  row('中国农业银行', '', false, 0), // the whole country, in part
  row('中国工商银行', '3101', false, 200),
];

describe('coverageOf: what the registry holds of a bank in an area', () => {
  const registry = registryOf(ROWS);
  test.each<[string, Claim, string | null, string | null, Coverage]>([
    ['named bank, partial in its city', claimOf('中国工商银行'), '4403', '440304', { kind: 'partial', held: 120, cityKey: '4403' }],
    ['named bank, complete in its city', claimOf('中国建设银行'), '4403', null, { kind: 'complete' }],
    ['complete in one district only', claimOf('中国银行'), '4403', '440305', { kind: 'complete' }],
    ['that district\'s list says nothing of the next one', claimOf('中国银行', '44'), '4403', '440304', { kind: 'partial', held: 0, cityKey: '4403' }],
    ['no bank named: every bank held in part in the city', claimOf(null), '4403', null, { kind: 'partial', held: 150, cityKey: '4403' }],
    ['a national row covers every city', claimOf('中国农业银行'), '3205', null, { kind: 'partial', held: 0, cityKey: '3205' }],
    ['a kind of bank reads the banks of its kind', claimOf('农村商业银行', null, true), '4403', null, { kind: 'partial', held: 30, cityKey: '4403' }],
    ['a bank held nowhere near', claimOf('招商银行', '31'), '3101', null, { kind: 'none' }],
    ['no city known: nothing counted', claimOf('中国工商银行', '44'), null, null, { kind: 'partial', held: 0, cityKey: null }],
  ])('%s', (_, claim, cityKey, districtCode, want) => {
    expect(coverageOf(registry, claim, cityKey, districtCode)).toEqual(want);
  });

  // It reads rows by region; the answer must be the one a pass over every row gives.
  test('reading by region misses no row a pass over all of them finds', () => {
    const all = (c: Claim, cityKey: string | null, districtCode: string | null) => coverageOf(registryOf(ROWS.map((r) => ({ ...r }))), c, cityKey, districtCode);
    const banks = [null, '中国工商银行', '中国建设银行', '中国银行', '中国农业银行', '深圳农村商业银行', '招商银行'];
    const areas: [string | null, string | null, string | null][] = [
      [null, '4403', '440305'],
      ['44', '4403', null],
      ['44', null, null],
      [null, '3101', '310104'],
      ['32', '3205', null],
      [null, null, null],
      [null, '440305', '440305'],
    ];
    for (const bank of banks) {
      for (const [province, cityKey, districtCode] of areas) {
        const c = claimOf(bank, province);
        const province2 = province ?? (cityKey ? cityKey.slice(0, 2) : null);
        const inArea = (r: CoverageRow) =>
          r.regionCode === '' || (r.regionCode.length === 2 ? province2 === r.regionCode : r.regionCode.length === 4 ? cityKey === r.regionCode : districtCode === r.regionCode || cityKey === r.regionCode);
        const rows = ROWS.filter((r) => (r.bank === '*' || r.bank === bank) && inArea(r));
        const want: Coverage['kind'] = rows.some((r) => r.complete) ? 'complete' : rows.length ? 'partial' : 'none';
        expect(all(c, cityKey, districtCode).kind, `${bank} ${province} ${cityKey} ${districtCode}`).toBe(want);
      }
    }
  });
});
