import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { buildRegistry } from '../../lib/registry/build';
import { openRegistry, type Registry } from '../../lib/registry/registry';
import { BoundedCache, cachedCheck, clearResultCache, workKey } from '../../lib/web/result-cache';

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
