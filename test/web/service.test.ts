import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { MAX_TEXT_LENGTH } from '../../lib/input';
import { buildRegistry } from '../../lib/registry/build';
import { CheckResponse } from '../../lib/api/schemas';
import { decodeText, versionTag } from '../../lib/web/share';

/**
 * service.ts reads PUBLIC_BASE_URL through appEnv(), which reads process.env once per module
 * instance: each test loads a fresh copy with the environment it wants.
 */
async function loadService(env: Record<string, string> = {}) {
  vi.resetModules();
  vi.stubEnv('PUBLIC_BASE_URL', '');
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  return import('../../lib/web/service');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('baseUrl', () => {
  const req = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

  const proxied = { TRUSTED_PROXY_HOPS: '1' };
  test.each([
    ['the request URL when nothing else is known', req('http://10.0.0.5:3000/api/check'), {}, 'http://10.0.0.5:3000'],
    ['the Host header', req('http://10.0.0.5:3000/api/check', { host: 'realbranch.example' }), {}, 'http://realbranch.example'],
    ['the Host header, not X-Forwarded-Host, with no proxy', req('http://10.0.0.5:3000/x', { host: 'realbranch.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }), {}, 'http://realbranch.example'],
    ['X-Forwarded-Host before Host behind a proxy', req('http://10.0.0.5:3000/x', { host: 'internal:3000', 'x-forwarded-host': 'realbranch.example' }), proxied, 'http://realbranch.example'],
    ['X-Forwarded-Proto https behind a proxy', req('http://10.0.0.5:3000/x', { 'x-forwarded-host': 'realbranch.example', 'x-forwarded-proto': 'https' }), proxied, 'https://realbranch.example'],
    ['a host with a port', req('http://10.0.0.5:3000/x', { host: 'realbranch.example:8443', 'x-forwarded-proto': 'https' }), proxied, 'https://realbranch.example:8443'],
    ['the scheme of an https request', req('https://realbranch.example/x'), {}, 'https://realbranch.example'],
    ['http for any proto other than https', req('http://a/x', { host: 'realbranch.example', 'x-forwarded-proto': 'javascript' }), proxied, 'http://realbranch.example'],
  ])('uses %s', async (_name, request, env, expected) => {
    const { baseUrl } = await loadService(env);
    expect(baseUrl(request)).toBe(expected);
  });

  test.each([
    ['a path', 'evil.example/phish'],
    ['a user part', 'user@evil.example'],
    ['a space', 'evil.example x'],
    ['a second host', 'a.example, b.example'],
    ['a quote', 'evil.example"><script>'],
    ['a backslash', 'evil.example\\@good.example'],
  ])('ignores a Host with %s and uses the request URL', async (_name, host) => {
    const { baseUrl } = await loadService({ TRUSTED_PROXY_HOPS: '1' });
    expect(baseUrl(req('http://10.0.0.5:3000/x', { 'x-forwarded-host': host }))).toBe('http://10.0.0.5:3000');
  });

  test('explicit host and proto (from a page\'s headers()) come first', async () => {
    const { baseUrl } = await loadService();
    expect(baseUrl(req('http://10.0.0.5:3000/x', { host: 'other.example' }), 'realbranch.example', 'https')).toBe('https://realbranch.example');
    expect(baseUrl(undefined, 'realbranch.example', null)).toBe('http://realbranch.example');
  });

  test('with no request at all: localhost', async () => {
    const { baseUrl } = await loadService();
    expect(baseUrl()).toBe('http://localhost:3000');
  });

  test.each([
    ['https://realbranch.example', 'https://realbranch.example'],
    ['https://realbranch.example/', 'https://realbranch.example'],
    ['https://realbranch.example///', 'https://realbranch.example'],
    ['https://realbranch.example/sub/', 'https://realbranch.example/sub'],
  ])('PUBLIC_BASE_URL=%s wins over the request', async (configured, expected) => {
    const { baseUrl } = await loadService({ PUBLIC_BASE_URL: configured });
    expect(baseUrl(req('http://10.0.0.5:3000/x', { 'x-forwarded-host': 'evil.example' }))).toBe(expected);
    expect(baseUrl()).toBe(expected);
  });
});

describe('runCheck', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-service-'));
    db = (await buildRegistry({ manifest: path.resolve(__dirname, '../../data/demo/manifest.json'), out: path.join(dir, 'demo.sqlite') })).out;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const service = () => loadService({ REGISTRY_DB: db });
  const BASE = 'https://realbranch.example';
  const OFFICE = '我是建行信贷经理，请到深圳市福田区演示大道88号示例金融大厦18楼1803室签合同';

  test.each([
    ['the empty text', '', 'empty'],
    ['a blank text', ' \n\t ', 'empty'],
    ['a text too long', 'x'.repeat(MAX_TEXT_LENGTH + 1), 'too_long'],
    ['binary', '\u0000\u0001\u0002abc', 'binary'],
    ['mostly replacement characters', '\uFFFD\uFFFD\uFFFDa', 'binary'],
  ])('refuses %s as %s', async (_name, text, code) => {
    const { runCheck } = await service();
    const out = await runCheck(text, BASE);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe(code);
  });

  test('answers a verdict in the contract order, with a share link', async () => {
    const { runCheck } = await service();
    const out = await runCheck(OFFICE, BASE);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result.verdict).toBe('office_floor');
    expect(Object.keys(out.json).slice(0, 6)).toEqual(['input', 'verdict', 'parsed', 'matches', 'reasons', 'registry']);
    expect(Object.keys(out.json).at(-1)).toBe('shareUrl');
  });

  test('what it answers fits the documented CheckResponse', async () => {
    const { runCheck } = await service();
    for (const text of [OFFICE, '建设银行 深圳市福田区演示大道88号示例金融大厦一楼', '您好，您的贷款额度已审批通过', '北京市朝阳区建国路1号']) {
      const out = await runCheck(text, BASE);
      if (!out.ok) throw new Error(`refused ${text}`);
      const r = CheckResponse.safeParse(out.json);
      expect(r.success, `${text}: ${r.error?.message}`).toBe(true);
    }
  });

  test('the share link carries the address and the bank as read, the signals as codes, and the registry tag: not the message', async () => {
    const { runCheck } = await service();
    const out = await runCheck(`  ${OFFICE}\n`, `${BASE}/`);
    if (!out.ok) throw new Error('refused');
    const url = new URL(String(out.json.shareUrl));
    expect(url.origin + url.pathname).toBe(`${BASE}/r`);
    expect(url.searchParams.get('t')).toBeNull();
    expect(decodeText(url.searchParams.get('a'))).toBe(OFFICE.slice(...out.result.addressSpan));
    expect(url.searchParams.get('s') ?? '').toBe(out.result.signals.map((s) => s.code).join('.'));
    expect(url.searchParams.get('v')).toBe(versionTag(out.result.registry.version));
  });

  test.each([
    ['a bank and no address', `建设银行${'中'.repeat(MAX_TEXT_LENGTH - 4)}`],
    ['an address deep in a long message', `${'您好'.repeat(600)}我是建行信贷经理，电话13812345678，请到深圳市福田区演示大道88号示例金融大厦18楼1803室签合同，先交3%手续费。${'谢谢'.repeat(300)}`.slice(0, MAX_TEXT_LENGTH)],
  ])('the longest text accepted (%s) makes a short share link that gives the same answer', async (_name, text) => {
    const { runCheck } = await service();
    const { readSharedClaim } = await import('../../lib/web/share');
    const out = await runCheck(text, BASE);
    if (!out.ok) throw new Error('refused');
    const link = String(out.json.shareUrl);
    expect(link.length).toBeLessThan(600);
    const claim = readSharedClaim(new URL(link).searchParams)!;
    const again = await runCheck(claim.text, BASE);
    if (!again.ok) throw new Error('refused');
    expect(again.result.verdict).toBe(out.result.verdict);
    // (With nothing checkable, the parts read from the rest of the text are left out.)
    if (out.result.verdict !== 'insufficient') expect(again.result.parts).toEqual(out.result.parts);
    expect(again.result.callBank).toEqual(out.result.callBank);
    expect(claim.signals).toEqual(out.result.signals.map((s) => s.code));
  });

  test('reads the registry named by REGISTRY_DB', async () => {
    const { registry } = await service();
    const reg = await registry();
    expect(reg.info.path).toBe(path.resolve(db));
    expect(reg.info.demo).toBe(true);
  });

  test('a REGISTRY_DB that does not exist is an error, not a silent fallback', async () => {
    const { runCheck } = await loadService({ REGISTRY_DB: path.join(dir, 'missing.sqlite') });
    await expect(runCheck(OFFICE, BASE)).rejects.toThrow(/no such file/);
  });
});
