import { describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { checkOne } from '../../lib/service/check-one';
import { useDemoRegistry } from '../fixtures/demo-registry';
import { CheckResponse } from '../../lib/api/schemas';

const demo = useDemoRegistry();

const enc = (s: string) => new TextEncoder().encode(s);

describe('checkOne: every face’s way from a text to its answer', () => {
  test.each([
    ['an empty text', '', 'empty'],
    ['blank lines', ' \n\t ', 'empty'],
    ['a text too long', '深'.repeat(2001), 'too_long'],
    ['binary', '\u0000\u0001\u0002abc', 'binary'],
    ['bytes that are not UTF-8', new Uint8Array([0xe6, 0xb7]), 'invalid_utf8'],
    ['bytes with a NUL', new Uint8Array([0x61, 0, 0x62]), 'binary'],
  ])('%s → the input error', (_, input, code) => {
    const a = checkOne(input, { registry: demo() });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error.code).toBe(code);
  });

  test.each([
    ['a string', '  建设银行 深圳市福田区演示大道88号示例金融大厦一楼 '],
    ['UTF-8 bytes', enc('建设银行 深圳市福田区演示大道88号示例金融大厦一楼')],
  ])('%s → the check of the trimmed text, in the contract’s key order', (_, input) => {
    const a = checkOne(input, { registry: demo() });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.text).toBe('建设银行 深圳市福田区演示大道88号示例金融大厦一楼');
    expect(a.result).toEqual(check(a.text, demo()));
    expect(Object.keys(a.json).slice(0, 6)).toEqual(['input', 'verdict', 'parsed', 'matches', 'reasons', 'registry']);
    expect(a.shareUrl).toBeNull();
    expect('shareUrl' in a.json).toBe(false);
  });

  test('with a share base, the answer carries its link and fits the API schema', () => {
    const a = checkOne('建设银行 深圳市福田区演示大道200号', { registry: demo(), shareBase: 'https://realbranch.example/' });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    // By default the compact link: the address and the bank as read (issue 12), not the whole text.
    expect(a.shareUrl).toMatch(/^https:\/\/realbranch\.example\/r\?a=[A-Za-z0-9_-]+&b=[A-Za-z0-9_-]+&/);
    expect(a.json.shareUrl).toBe(a.shareUrl);
    expect(CheckResponse.safeParse(a.json).success).toBe(true);
  });
});
