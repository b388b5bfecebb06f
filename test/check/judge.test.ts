import { describe, expect, test } from 'vitest';
import { candidates } from '../../lib/check/candidates';
import { claimOf } from '../../lib/check/claim';
import { judge, RULES, type Rule } from '../../lib/check/judge';
import { parse } from '../../lib/parse';
import { useDemoRegistry } from '../fixtures/demo-registry';

// The decision table, row by row, against the demo registry (data/demo).
const demo = useDemoRegistry();

const judged = (text: string, rules?: readonly Rule[]) => {
  const claim = claimOf(parse(text));
  return judge(demo(), claim, candidates(demo(), claim), rules);
};

describe('each row of the table', () => {
  test.each([
    ['您好，您的贷款额度已批', 'insufficient', ['no_street_address'], false],
    ['建设银行 深圳市福田区演示大道88号示例金融大厦一楼', 'registered_branch', ['at_registered_outlet'], true],
    ['深圳市福田区演示大道88号示例金融大厦一楼', 'registered_branch', ['at_registered_outlet', 'no_bank_named'], true],
    ['建设银行 深圳市福田区演示大道88号示例金融大厦18楼', 'office_floor', ['outlet_upstairs'], true],
    ['建设银行 深圳市福田区演示大道88号示例金融大厦1803室', 'office_floor', ['outlet_upstairs', 'room_implies_floor'], true],
    ['工商银行 深圳市福田区演示大道88号示例金融大厦1楼', 'bank_mismatch', ['other_bank_here'], true],
    ['工商银行 深圳市福田区演示大道88号示例金融大厦18楼', 'office_floor', ['outlet_upstairs', 'claimed_bank_elsewhere'], true],
    ['建设银行 深圳市福田区演示大道200号', 'not_registered', ['no_outlet_at_address'], false],
    ['建设银行 深圳市福田区演示大道120号', 'not_registered', ['self_service_only'], true],
    ['平安银行 深圳市福田区演示大道300号', 'not_covered', ['bank_not_covered'], false],
  ])('%s → %s %j', (text, verdict, reasons, decided) => {
    const j = judged(text);
    expect(j.verdict).toBe(verdict);
    expect(j.reasons.map((r) => r.code)).toEqual(reasons);
    expect(j.decidedBy !== undefined).toBe(decided);
  });
});

describe('the table', () => {
  test('its last row always applies, so every text gets a verdict', () => {
    const last = RULES[RULES.length - 1];
    expect(last.verdict).toBe('not_covered');
    expect(judged('建设银行 深圳市福田区演示大道88号示例金融大厦一楼', [last]).verdict).toBe('not_covered');
  });

  test('a row added before another takes precedence over it', () => {
    const first: Rule = { verdict: 'not_covered', when: (s) => s.mine !== undefined, reasons: () => [] };
    expect(judged('建设银行 深圳市福田区演示大道88号示例金融大厦一楼', [first, ...RULES]).verdict).toBe('not_covered');
    expect(judged('建设银行 深圳市福田区演示大道200号', [first, ...RULES]).verdict).toBe('not_registered');
  });
});
