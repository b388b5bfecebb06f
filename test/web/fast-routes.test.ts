import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-Node launcher module (scripts/), without types
import { apiRequest } from '../../scripts/fast-routes.mjs';
import { readBody } from '../../lib/web/http';

/** A request as Node's HTTP server hands it over: lower-case header names, the raw target. */
const incoming = (url: string, headers: Record<string, string | string[]>, method = 'POST') => ({ method, url, headers });

describe("apiRequest: the direct route's request reads as a Web Request would", () => {
  const HEADERS = { host: 'realbranch.test:3000', 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7', 'set-cookie': ['a=1', 'b=2'] };

  it.each([
    ['/api/check', HEADERS],
    ['/api/check?text=%E6%B7%B1%E5%9C%B3', HEADERS],
    ['/api/check?text=深圳 福田', HEADERS],
    ['/api/check/../check?x=1#frag', HEADERS],
    ['/api/check', { ...HEADERS, host: 'EXAMPLE.test' }],
  ])('%s', (url, headers) => {
    const light = apiRequest(incoming(url, headers), undefined);
    const web = new Request(`http://${headers.host}${url}`, { method: 'POST', headers: Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v] as [string, string]) });
    expect(light.url).toBe(web.url);
    expect(light.method).toBe('POST');
    for (const name of ['Host', 'content-type', 'X-Forwarded-For', 'set-cookie', 'origin']) expect(light.headers.get(name)).toBe(web.headers.get(name));
  });

  it('no Host: localhost, as before', () => {
    expect(apiRequest(incoming('/api/check', {}), undefined).url).toBe('http://localhost/api/check');
  });

  it.each(['a b', 'x:y:z', '[::1'])('a Host that makes no URL (%j): the server\'s own origin, as Next has it', (host) => {
    const light = apiRequest(incoming('/api/check?text=%E6%B7%B1', { host }), undefined, 'http://localhost:3000');
    expect(light.url).toBe('http://localhost:3000/api/check?text=%E6%B7%B1');
    expect(light.headers.get('host')).toBe(host);
  });

  it.each([
    ['a body', Buffer.from('{"text":"深圳"}'), { ok: true, text: '{"text":"深圳"}' }],
    ['an empty body', Buffer.alloc(0), { ok: true, text: '' }],
    ['no body (GET)', undefined, { ok: true, text: '' }],
    ['broken UTF-8', Buffer.from([0x7b, 0xe6, 0xb7]), { ok: false, status: 400, code: 'invalid_utf8' }],
    ['over the limit', Buffer.alloc(40, 0x61), { ok: false, status: 413, code: 'payload_too_large' }],
  ])('%s is read by readBody as from a Request', async (_, body, want) => {
    const r = await readBody(apiRequest(incoming('/api/check', HEADERS), body), 32);
    expect(r).toMatchObject(want);
  });

  it('a body is one chunk, then done', async () => {
    const reader = apiRequest(incoming('/api/check', HEADERS), Buffer.from('abc')).body.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(Buffer.from(first.value).toString()).toBe('abc');
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });
});
