import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { ensureDemoRegistry } from '../../lib/registry/locator';
import { openRegistry, type Registry } from '../../lib/registry/registry';
import { decodeText, readSharedClaim } from '../../lib/web/share';
import { shareLinks, shareUrl, signalsFor } from '../../lib/web/share-link';
import examples from '../../data/demo/examples.json';

/** The compact share link: what it carries, that it gives the same answer, and that it is stable when passed on. */

let reg: Registry;
beforeAll(async () => {
  reg = openRegistry(path.resolve(await ensureDemoRegistry()));
});
const BASE = 'https://realbranch.example';

describe('shareLinks', () => {
  test.each(Object.entries(examples))('%s: the same verdict, parts and signals from what the link carries; the same link when passed on', (_verdict, text) => {
    const r = check(text, reg);
    const first = shareLinks(BASE, r, reg);
    expect(first.url.length).toBeLessThan(600);
    const claim = readSharedClaim(new URL(first.url).searchParams)!;
    const again = check(claim.text, reg);
    expect(again.verdict).toBe(r.verdict);
    if (r.verdict !== 'insufficient') expect(again.parts).toEqual(r.parts);
    const signals = signalsFor(again, claim);
    expect(signals.map((s) => s.code)).toEqual(r.signals.map((s) => s.code));
    expect(shareLinks(BASE, { ...again, signals }, reg).url).toBe(first.url);
  });

  test.each([...Object.entries(examples), ['no address', '您好，我是建设银行客户经理，额度已通过'], ['a long text', `请到深圳市福田区演示大道88号示例金融大厦18楼1803室签约。${'备注'.repeat(400)}`]])(
    '%s: shareUrl is the link shareLinks hands out, with or without a slash after the base',
    (_name, text) => {
      const r = check(text, reg);
      expect(shareUrl(BASE, r, reg)).toBe(shareLinks(BASE, r, reg).url);
      expect(shareUrl(`${BASE}/`, r, reg)).toBe(shareLinks(BASE, r, reg).url);
    },
  );

  test('names, phone numbers and amounts stay out of the default link; the whole text is there on request', () => {
    const text = '王先生您好，我是建设银行客户经理张三，电话13812345678，额度已批50万。请到深圳市福田区演示大道88号示例金融大厦18楼1803室签约。';
    const links = shareLinks(BASE, check(text, reg), reg);
    expect(links.carries).toBe('claim');
    const params = new URL(links.url).searchParams;
    const carried = [decodeText(params.get('a')), decodeText(params.get('b') ?? ''), params.get('s')].join(' ');
    for (const secret of ['王先生', '张三', '13812345678', '50万']) expect(carried).not.toContain(secret);
    expect(decodeText(new URL(links.wholeUrl).searchParams.get('t'))).toBe(text);
  });

  test('unknown signal codes in a link are dropped, known ones shown without evidence', () => {
    const claim = readSharedClaim(new URLSearchParams({ a: Buffer.from('深圳市福田区演示大道88号').toString('base64url'), s: 'upfront_fee.NOT-A-CODE.made_up.guaranteed' }))!;
    expect(claim.signals).toEqual(['upfront_fee', 'made_up', 'guaranteed']);
    const shown = signalsFor(check(claim.text, reg), claim);
    expect(shown.map((s) => [s.code, s.evidence])).toEqual([['upfront_fee', ''], ['guaranteed', '']]);
  });

  test.each([
    ['a broken a', { a: '%%%' }],
    ['a that is not UTF-8', { a: Buffer.from([0xff, 0xfe]).toString('base64url') }],
    ['nothing', {}],
  ])('a link with %s carries nothing', (_name, params) => {
    expect(readSharedClaim(new URLSearchParams(params as Record<string, string>))).toBeNull();
  });
});
