import { describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { claimKeyOf, withClaimKeyOf } from '../../lib/check/claim-key';
import { builtRegistry } from '../helpers/registry';

const registry = builtRegistry('data/demo/manifest.json');

describe('claim keys: two texts that the check reads the same get the same key', () => {
  test.each([
    { a: '深圳市福田区演示大道88号18楼', b: '请到深圳市福田区演示大道88号18楼签合同，先交手续费', same: true, why: 'the words around an address are not part of it' },
    { a: '深圳市福田区演示大道88号18楼', b: '深圳市福田区演示大道88号19楼', same: false, why: 'another floor' },
    { a: '招商银行 深圳市福田区演示大道88号', b: '工商银行 深圳市福田区演示大道88号', same: false, why: 'another bank claimed' },
    { a: '深圳市福田区演示大道88号', b: '深圳市福田区演示大道88号', same: true, why: 'the same text' },
  ])('$why', ({ a, b, same }) => {
    const ka = claimKeyOf(check(a, registry()));
    const kb = claimKeyOf(check(b, registry()));
    expect(ka).toBeTypeOf('string');
    expect(ka === kb).toBe(same);
  });

  test('a copy of a result keeps its key only when asked to', () => {
    const r = check('深圳市福田区演示大道88号18楼', registry());
    expect(claimKeyOf({ ...r })).toBeUndefined();
    const copy = withClaimKeyOf({ ...r, signals: [] }, r);
    expect(claimKeyOf(copy)).toBe(claimKeyOf(r));
    expect(claimKeyOf(withClaimKeyOf({}, {}))).toBeUndefined();
  });
});
