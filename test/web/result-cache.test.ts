import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { buildRegistry } from '../../lib/registry/build';
import { openRegistry, type Registry } from '../../lib/registry/registry';
import { AdmittingCache, BoundedCache, cachedCheck, clearResultCache, resultCacheSizes, workKey } from '../../lib/web/result-cache';

const root = path.resolve(__dirname, '../..');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-cache-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => clearResultCache());

describe('BoundedCache', () => {
  test.each([
    // max weight, entries put in order (key, weight), keys expected kept
    ['keeps all under the bound', 3, [['a', 1], ['b', 1], ['c', 1]], ['a', 'b', 'c']],
    ['drops the oldest past the bound', 2, [['a', 1], ['b', 1], ['c', 1]], ['b', 'c']],
    ['drops as many as the weight needs', 4, [['a', 1], ['b', 1], ['c', 1], ['d', 3]], ['c', 'd']],
    ['keeps nothing heavier than the bound', 2, [['a', 1], ['big', 5]], ['a']],
    ['replaces a key in place of adding it', 2, [['a', 1], ['a', 1], ['b', 1]], ['a', 'b']],
  ] as const)('%s', (_name, max, puts, kept) => {
    const c = new BoundedCache<number>(max, (v) => v);
    for (const [k, w] of puts) c.set(k, w);
    expect(['a', 'b', 'c', 'd', 'big'].filter((k) => c.get(k) !== undefined)).toEqual(kept);
  });

  test('a read makes an entry young again', () => {
    const c = new BoundedCache<string>(2);
    c.set('a', 'A');
    c.set('b', 'B');
    c.get('a');
    c.set('c', 'C');
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual(['A', undefined, 'C']);
  });

  test('a key starts with the version, so two versions never share one', () => {
    expect(workKey('v1', 'text')).not.toBe(workKey('v2', 'text'));
    expect(workKey('v1', 'a\u0000b')).not.toBe(workKey('v1\u0000a', 'b'));
  });
});

describe('AdmittingCache: kept for long only once asked for again', () => {
  // Each step: a key looked up, and made (set) when missing. Then: which were made, and sizes.
  test.each<[string, number, number, string[], string[], { kept: number; window: number }]>([
    ['asked again while in the window: made once, then kept', 10, 2, ['a', 'a', 'a'], ['a'], { kept: 1, window: 0 }],
    ['keys that all differ: only the window holds them', 10, 2, ['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c', 'd', 'e'], { kept: 0, window: 2 }],
    ['asked again after leaving the window: made twice, then kept', 10, 2, ['a', 'b', 'c', 'a', 'x', 'y', 'z', 'a'], ['a', 'b', 'c', 'a', 'x', 'y', 'z'], { kept: 1, window: 2 }],
    ['the main cache stays bounded, oldest out', 2, 1, ['a', 'a', 'b', 'b', 'c', 'c', 'a'], ['a', 'b', 'c', 'a'], { kept: 2, window: 1 }],
    ['a window of one, for a cache of one', 1, 1, ['a', 'b', 'a', 'a'], ['a', 'b', 'a'], { kept: 1, window: 1 }],
  ])('%s', (_, max, window, asked, wantMade, sizes) => {
    const c = new AdmittingCache<string>(max, window);
    const made: string[] = [];
    for (const k of asked) {
      if (c.get(k) !== undefined) continue;
      made.push(k);
      c.set(k, k.toUpperCase());
    }
    expect(made).toEqual(wantMade);
    expect(c.sizes).toEqual(sizes);
  });

  test('the value asked for again is the one made', () => {
    const c = new AdmittingCache<object>(10, 4);
    const v = {};
    c.set('k', v);
    expect(c.get('k')).toBe(v);
    expect(c.get('k')).toBe(v);
  });

  test('keys seen once are remembered boundedly, and forgetting them only costs a second make', () => {
    const c = new AdmittingCache<number>(2, 1);
    for (let i = 0; i < 100; i++) c.set(`k${i}`, i);
    expect(c.sizes).toEqual({ kept: 0, window: 1 });
    c.clear();
    expect(c.sizes).toEqual({ kept: 0, window: 0 });
    expect(c.get('k99')).toBeUndefined();
  });
});

describe('cachedCheck', () => {
  const text = '建设银行 深圳市福田区演示大道88号示例金融大厦一楼';
  let demo: Registry;
  let fixtures: Registry;
  beforeAll(async () => {
    demo = openRegistry((await buildRegistry({ manifest: path.join(root, 'data', 'demo', 'manifest.json'), out: path.join(dir, 'demo.sqlite') })).out);
    fixtures = openRegistry((await buildRegistry({ manifest: path.join(root, 'data', 'fixtures', 'registry', 'manifest.json'), out: path.join(dir, 'fixtures.sqlite') })).out);
  });

  test('answers what check answers, and the second time the same object', () => {
    const first = cachedCheck(text, demo);
    expect(first).toEqual(check(text, demo));
    expect(cachedCheck(text, demo)).toBe(first);
  });

  test('texts checked once each are not kept: only the last few, in the window', () => {
    const texts = Array.from({ length: 80 }, (_, i) => `建设银行 深圳市福田区演示大道${i + 1}号`);
    for (const t of texts) cachedCheck(t, demo);
    expect(resultCacheSizes().kept).toBe(0);
    expect(resultCacheSizes().window).toBeLessThanOrEqual(64);
    // The last of them, asked again, is the same answer, and now kept.
    const last = cachedCheck(texts[79], demo);
    expect(cachedCheck(texts[79], demo)).toBe(last);
    expect(resultCacheSizes().kept).toBe(1);
  });

  test('never serves an answer made on another registry version', () => {
    expect(demo.info.version).not.toBe(fixtures.info.version);
    const a = cachedCheck(text, demo);
    const b = cachedCheck(text, fixtures);
    expect(a.verdict).toBe('registered_branch');
    expect(b.verdict).not.toBe('registered_branch');
    expect(b).toEqual(check(text, fixtures));
    expect(b.registry.version).toBe(fixtures.info.version);
    // And back: each version keeps its own answer.
    expect(cachedCheck(text, demo).registry.version).toBe(demo.info.version);
  });

  test('a registry renamed over the live file gets its own answers', async () => {
    const live = path.join(dir, 'live.sqlite');
    fs.copyFileSync(path.join(dir, 'demo.sqlite'), live);
    const before = openRegistry(live);
    expect(cachedCheck(text, before).verdict).toBe('registered_branch');
    const next = path.join(dir, 'live.next.sqlite');
    fs.copyFileSync(path.join(dir, 'fixtures.sqlite'), next);
    fs.renameSync(next, live);
    const after = openRegistry(live);
    const r = cachedCheck(text, after);
    expect(r.registry.version).toBe(fixtures.info.version);
    expect(r.verdict).toBe(check(text, fixtures).verdict);
  });
});
