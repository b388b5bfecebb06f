import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { BatchRequest, CheckRequest, ErrorResponse } from '../../lib/api/schemas';
import { clientKey, PEER_HEADER, corsHeaders, errorResponse, jsonAnswer, jsonResponse, parseJson, readBody, readJsonBody, routeHandler, toResponse, type Answer } from '../../lib/web/http';

const URL_ = 'http://realbranch.test/api/check';

function withHeaders(headers: Record<string, string>): Request {
  return new Request(URL_, { headers });
}

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request(URL_, { method: 'POST', body, headers });
}

/** A request whose body arrives in chunks, with no content-length. */
function streamed(chunks: Uint8Array[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
  return new Request(URL_, { method: 'POST', body, duplex: 'half' } as RequestInit);
}

const bytes = (...b: number[]) => new Uint8Array(b);

describe('jsonResponse', () => {
  test('answers JSON that no cache keeps, status 200 by default', async () => {
    const r = jsonResponse({ a: 1, b: ['中'] });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(await r.text()).toBe('{"a":1,"b":["中"]}');
  });

  test('keeps the status and extra headers given, but not another content type', async () => {
    const r = jsonResponse(null, { status: 201, headers: { 'x-extra': 'yes', 'content-type': 'text/html', 'cache-control': 'max-age=600' } });
    expect(r.status).toBe(201);
    expect(r.headers.get('x-extra')).toBe('yes');
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(await r.text()).toBe('null');
  });
});

describe('jsonAnswer: a JSON answer before it is a Response, the same as jsonResponse makes', () => {
  test.each<[string, unknown, number | undefined, Record<string, string> | undefined]>([
    ['plain', { a: 1, b: ['中'] }, undefined, undefined],
    ['a status and extra headers, names in any case', null, 201, { 'X-Extra': 'yes', Vary: 'Origin' }],
    ['never another content type or caching', [1], 200, { 'Content-Type': 'text/html', 'cache-control': 'max-age=600' }],
  ])('%s', async (_, data, status, headers) => {
    const a = jsonAnswer(data, status, headers);
    const r = jsonResponse(data, { status: status ?? 200, headers });
    expect(a.status).toBe(r.status);
    expect(a.headers).toEqual(Object.fromEntries(r.headers));
    expect(a.body).toBe(await r.text());
    const made = toResponse(a);
    expect([made.status, Object.fromEntries(made.headers), await made.text()]).toEqual([r.status, Object.fromEntries(r.headers), a.body]);
  });

  test('toResponse hands a Response on as it is', () => {
    const r = errorResponse(400, 'invalid_json', 'x');
    expect(toResponse(r)).toBe(r);
  });

  test.each<[string, Answer]>([
    ['a JSON answer', jsonAnswer({ ok: 1 }, 202, { vary: 'Origin' })],
    ['a Response', errorResponse(429, 'rate_limited', 'later')],
  ])('routeHandler: Next gets a Response, and `direct` the answer as made (%s)', async (_, made) => {
    const handler = routeHandler(async (n: number) => (n === 1 ? made : jsonAnswer(null)));
    expect(await handler.direct(1)).toBe(made);
    const r = await handler(1);
    expect(r).toBeInstanceOf(Response);
    const want = toResponse(made);
    expect(r.status).toBe(want.status);
    expect(Object.fromEntries(r.headers)).toEqual(Object.fromEntries(want.headers));
  });
});

describe('errorResponse', () => {
  test.each([
    [400, 'invalid_json', 'The request body is not JSON.'],
    [413, 'payload_too_large', 'too big'],
    [429, 'rate_limited', 'Too many requests: try again in 3 s.'],
  ] as const)('%i %s has the one error shape', async (status, code, message) => {
    const r = errorResponse(status, code, message);
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await r.json();
    expect(body).toEqual({ error: { code, message } });
    expect(ErrorResponse.safeParse(body).success).toBe(true);
  });

  test('passes extra headers on (Retry-After, CORS)', () => {
    const r = errorResponse(429, 'rate_limited', 'slow down', { 'retry-after': '7', 'access-control-allow-origin': 'chrome-extension://abc' });
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
  });
});

describe('corsHeaders', () => {
  test.each([
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
    ['moz-extension://0b6a2c1e-1234-4cde-9f00-1a2b3c4d5e6f'],
    ['safari-web-extension://ABCDEF12-3456-7890-ABCD-EF1234567890'],
    ['Chrome-Extension://abc'],
  ])('admits the extension origin %s', (origin) => {
    expect(corsHeaders(withHeaders({ origin }))).toEqual({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });

  test.each([
    ['a web site', 'https://evil.example'],
    ['a plain-http site', 'http://localhost:3000'],
    ['the opaque origin', 'null'],
    ['an extension origin with a path', 'chrome-extension://abc/evil'],
    ['an extension origin with a port', 'chrome-extension://abc:443'],
    ['an extension id with a dot', 'chrome-extension://abc.evil.example'],
    ['an extension id with a user part', 'chrome-extension://evil@abc'],
    ['an empty extension id', 'chrome-extension://'],
    ['another scheme ending in -extension', 'evil-extension://abc'],
    ['an extension origin with a prefix', 'https://x/chrome-extension://abc'],
    ['a file origin', 'file://'],
    ['an empty origin', ''],
  ])('does not admit %s (%j)', (_name, origin) => {
    const h = corsHeaders(withHeaders({ origin }));
    expect(h).toEqual({ vary: 'Origin' });
    expect(h).not.toHaveProperty('access-control-allow-origin');
  });

  test('a request with no Origin gets only Vary', () => {
    expect(corsHeaders(new Request(URL_))).toEqual({ vary: 'Origin' });
  });
});

describe('clientKey', () => {
  test.each([
    // x-forwarded-for, trustedHops, expected client
    ['203.0.113.7', 1, '203.0.113.7'],
    ['198.51.100.1, 203.0.113.7', 1, '203.0.113.7'],
    ['1.1.1.1, 2.2.2.2, 3.3.3.3', 1, '3.3.3.3'],
    ['1.1.1.1, 2.2.2.2, 3.3.3.3', 2, '2.2.2.2'],
    ['1.1.1.1, 2.2.2.2, 3.3.3.3', 3, '1.1.1.1'],
    // More trusted hops than entries: the leftmost entry is the best there is.
    ['1.1.1.1, 2.2.2.2', 5, '1.1.1.1'],
    // Spaces and empty entries do not count.
    ['  1.1.1.1  ,,  2.2.2.2  ', 1, '2.2.2.2'],
    ['1.1.1.1,2.2.2.2', 1, '2.2.2.2'],
    ['2001:db8::1, 2001:db8::2', 1, '2001:db8::2'],
  ])('X-Forwarded-For %j with %s trusted hop(s) → %s', (xff, hops, expected) => {
    expect(clientKey(withHeaders({ 'x-forwarded-for': xff }), hops)).toBe(expected);
  });

  test.each([
    ['a forged entry', 'forged-by-client', '203.0.113.7'],
    ['many forged entries', '10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4', '203.0.113.7'],
    ['a forged entry with junk', 'x, "; DROP TABLE", <script>', '203.0.113.7'],
  ])('ignores %s left of what our proxy appended', (_name, forged, real) => {
    const r = withHeaders({ 'x-forwarded-for': `${forged}, ${real}` });
    expect(clientKey(r, 1)).toBe(real);
  });

  test('a client rotating forged entries keeps the same key', () => {
    const keys = new Set(['a', 'b', 'c', 'a, b', 'x, y, z'].map((f) => clientKey(withHeaders({ 'x-forwarded-for': `${f}, 203.0.113.7` }), 1)));
    expect([...keys]).toEqual(['203.0.113.7']);
  });

  test('behind two proxies, the entry written by the outer proxy is the client', () => {
    // client → CDN (appends client) → nginx (appends CDN) → app
    const r = withHeaders({ 'x-forwarded-for': 'forged, 198.51.100.9, 192.0.2.1' });
    expect(clientKey(r, 2)).toBe('198.51.100.9');
  });

  test.each([
    ['no proxy (the default)', undefined],
    ['0 hops', 0],
    ['negative hops', -3],
    ['not a number', Number.NaN],
  ])('with %s: the socket peer, whatever X-Forwarded-For and X-Real-IP say', (_name, hops) => {
    const forged = { 'x-forwarded-for': '1.1.1.1, 2.2.2.2', 'x-real-ip': '3.3.3.3' };
    expect(clientKey(withHeaders({ ...forged, [PEER_HEADER]: '203.0.113.7' }), hops)).toBe('203.0.113.7');
    // No socket address known (not started through npm start): one shared key, never a forged one.
    expect(clientKey(withHeaders(forged), hops)).toBe('direct');
  });

  test.each([
    ['x-real-ip when there is no X-Forwarded-For', { 'x-real-ip': '192.0.2.5' }, '192.0.2.5'],
    ['x-real-ip when X-Forwarded-For holds nothing', { 'x-forwarded-for': ' , ,', 'x-real-ip': '192.0.2.5' }, '192.0.2.5'],
    ['X-Forwarded-For before x-real-ip', { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '192.0.2.5' }, '203.0.113.7'],
    ['"direct" with neither', {}, 'direct'],
    ['"direct" when X-Forwarded-For is blank', { 'x-forwarded-for': ' , ' }, 'direct'],
    ['the socket peer with neither', { [PEER_HEADER]: '192.0.2.9' }, '192.0.2.9'],
  ])('behind a proxy, falls back to %s', (_name, headers, expected) => {
    expect(clientKey(withHeaders(headers as Record<string, string>), 1)).toBe(expected);
  });

  test.each([
    ['x-forwarded-for', { 'x-forwarded-for': `1.1.1.1, ${'a'.repeat(5000)}` }],
    ['x-real-ip', { 'x-real-ip': 'b'.repeat(5000) }],
  ])('a huge %s is cut to 64 characters', (_name, headers) => {
    const key = clientKey(withHeaders(headers), 1);
    expect(key).toHaveLength(64);
  });
});

describe('readBody', () => {
  test.each([
    ['a JSON body', '{"text":"建设银行"}', 1024, '{"text":"建设银行"}'],
    ['an empty body', '', 1024, ''],
    ['a body of exactly the limit', 'x'.repeat(100), 100, 'x'.repeat(100)],
    ['a body of exactly the limit in multi-byte characters', '中'.repeat(10), 30, '中'.repeat(10)],
  ])('reads %s', async (_name, body, limit, text) => {
    expect(await readBody(post(body), limit)).toEqual({ ok: true, text });
  });

  test('a request with no body reads as the empty text', async () => {
    expect(await readBody(new Request(URL_), 10)).toEqual({ ok: true, text: '' });
  });

  test.each([
    ['one byte over', 'x'.repeat(101), 100],
    ['a huge body', 'x'.repeat(5_000_000), 16 * 1024],
    ['characters counted as bytes (11 CJK = 33 bytes)', '中'.repeat(11), 32],
  ])('refuses %s with 413', async (_name, body, limit) => {
    expect(await readBody(post(body), limit)).toEqual({
      ok: false,
      status: 413,
      code: 'payload_too_large',
      message: `The request body is larger than ${limit} bytes.`,
    });
  });

  test('refuses by the declared Content-Length before reading anything', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(10));
        if (pulled > 3) controller.close();
      },
    });
    const r = new Request(URL_, { method: 'POST', body, headers: { 'content-length': '1000000' }, duplex: 'half' } as RequestInit);
    const out = await readBody(r, 1024);
    expect(out).toMatchObject({ ok: false, status: 413, code: 'payload_too_large' });
    expect(r.bodyUsed).toBe(false);
  });

  test('refuses by streamed size when no length is declared, and stops reading', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1000)); // an endless body
      },
    });
    const r = new Request(URL_, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(r.headers.get('content-length')).toBeNull();
    expect(await readBody(r, 4096)).toMatchObject({ ok: false, status: 413, code: 'payload_too_large' });
    expect(pulled).toBeLessThan(10);
  });

  test('refuses a body longer than its (lying) declared length', async () => {
    const r = streamed([new Uint8Array(600), new Uint8Array(600)]);
    expect(await readBody(r, 1000)).toMatchObject({ ok: false, status: 413 });
  });

  test('joins chunks, even when a character is split between them', async () => {
    const zhong = new TextEncoder().encode('中文'); // e4 b8 ad e6 96 87
    const r = streamed([zhong.slice(0, 1), zhong.slice(1, 4), zhong.slice(4)]);
    expect(await readBody(r, 100)).toEqual({ ok: true, text: '中文' });
  });

  test.each([
    ['ff fe', bytes(0xff, 0xfe)],
    ['a lone continuation byte', bytes(0x61, 0x80, 0x62)],
    ['an overlong "/"', bytes(0xc0, 0xaf)],
    ['an encoded surrogate', bytes(0xed, 0xa0, 0x80)],
    ['a truncated character at the end', bytes(0x7b, 0xe4, 0xb8)],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80)],
    ['GBK-encoded 中文', bytes(0xd6, 0xd0, 0xce, 0xc4)],
    ['random binary', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00)],
  ])('refuses invalid UTF-8 (%s) with 400 invalid_utf8', async (_name, body) => {
    expect(await readBody(post(body), 1024)).toEqual({
      ok: false,
      status: 400,
      code: 'invalid_utf8',
      message: 'The request body is not valid UTF-8.',
    });
  });

  test('valid UTF-8 with NUL and control bytes is read as it is (checking the text is not its job)', async () => {
    expect(await readBody(post(bytes(0x61, 0x00, 0x01, 0x62)), 100)).toEqual({ ok: true, text: 'a\u0000\u0001b' });
  });

  test('a UTF-8 byte order mark is dropped, so the JSON after it still parses', async () => {
    const out = await readBody(post(bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"text":"x"}'))), 100);
    expect(out).toEqual({ ok: true, text: '{"text":"x"}' });
  });
});

describe('parseJson', () => {
  async function errorOf(r: ReturnType<typeof parseJson>) {
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error('unreachable');
    expect(r.response.status).toBe(400);
    expect(r.response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await r.response.json();
    expect(ErrorResponse.safeParse(body).success).toBe(true);
    return body.error as { code: string; message: string };
  }

  test.each([
    ['{"text":"建设银行"}', { text: '建设银行' }],
    ['  {"text":""}  ', { text: '' }],
    ['{"text":"a\\u0000b"}', { text: 'a\u0000b' }],
  ])('%s fits CheckRequest', (text, data) => {
    expect(parseJson(text, CheckRequest)).toEqual({ ok: true, data });
  });

  test.each([
    ['an empty body', ''],
    ['whitespace', '  \n '],
    ['a truncated object', '{"text":"x"'],
    ['single quotes', "{'text':'x'}"],
    ['a trailing comma', '{"text":"x",}'],
    ['plain text', '建设银行 深圳市福田区'],
    ['NaN', 'NaN'],
    ['two objects', '{"text":"a"}{"text":"b"}'],
    ['a BOM before the object', '\uFEFF{"text":"x"}'],
    ['a deeply nested array', '['.repeat(100_000)],
  ])('%s is invalid_json', async (_name, text) => {
    expect(await errorOf(parseJson(text, CheckRequest))).toEqual({ code: 'invalid_json', message: 'The request body is not JSON.' });
  });

  test.each([
    ['null', 'null', 'body'],
    ['a number', '42', 'body'],
    ['a string', '"建设银行"', 'body'],
    ['an array', '[{"text":"x"}]', 'body'],
    ['an empty object', '{}', 'text'],
    ['text as a number', '{"text":1}', 'text'],
    ['text as null', '{"text":null}', 'text'],
    ['text as an array', '{"text":["x"]}', 'text'],
    ['text as an object', '{"text":{"$gt":""}}', 'text'],
    ['an extra key', '{"text":"x","extra":1}', 'body'],
    ['a __proto__ key', '{"text":"x","__proto__":{"admin":true}}', 'body'],
    ['a misspelt key', '{"txt":"x"}', 'text'],
  ])('%s is invalid_request, naming %s', async (_name, text, path) => {
    const e = await errorOf(parseJson(text, CheckRequest));
    expect(e.code).toBe('invalid_request');
    expect(e.message.startsWith(`${path}: `)).toBe(true);
  });

  test('names the element that is wrong in an array', async () => {
    const e = await errorOf(parseJson('{"texts":["a",2,"c"]}', BatchRequest));
    expect(e).toMatchObject({ code: 'invalid_request' });
    expect(e.message.startsWith('texts.1: ')).toBe(true);
  });

  test('joins several problems with "; "', async () => {
    const e = await errorOf(parseJson('{"a":1,"b":2}', z.object({ a: z.string(), b: z.string() })));
    expect(e.message.split('; ').map((m) => m.split(':')[0])).toEqual(['a', 'b']);
  });

  test('a __proto__ key cannot pollute the prototype', () => {
    parseJson('{"__proto__":{"polluted":true},"text":"x"}', CheckRequest);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('readJsonBody: what every POST route takes', () => {
  const CORS = { 'access-control-allow-origin': 'chrome-extension://abc' };
  test.each([
    ['no content type', undefined, '{"text":"a"}', 415, 'unsupported_media_type'],
    ['text/plain', 'text/plain', '{"text":"a"}', 415, 'unsupported_media_type'],
    ['too large', 'application/json', JSON.stringify({ text: 'a'.repeat(200) }), 413, 'payload_too_large'],
    ['not JSON', 'application/json', '{"text":', 400, 'invalid_json'],
    ['not the shape', 'application/json', '{"texts":["a"]}', 400, 'invalid_request'],
  ])('%s → %i %s, with the CORS headers', async (_name, type, body, status, code) => {
    const r = await readJsonBody(new Request(URL_, { method: 'POST', body, headers: type ? { 'content-type': type } : {} }), 100, CheckRequest, CORS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.response.status).toBe(status);
    expect((await r.response.json()).error.code).toBe(code);
    expect(r.response.headers.get('access-control-allow-origin')).toBe(CORS['access-control-allow-origin']);
  });

  test('a good body gives its data', async () => {
    const r = await readJsonBody(new Request(URL_, { method: 'POST', body: '{"text":"深圳"}', headers: { 'content-type': 'application/json; charset=utf-8' } }), 100, CheckRequest);
    expect(r).toEqual({ ok: true, data: { text: '深圳' } });
  });
});
