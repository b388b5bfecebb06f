import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createRateLimiter } from '../../lib/web/rate-limit';
import { parseRequest } from '../../lib/web/request';

const Schema = z.object({ text: z.string({ error: 'give it as ?text=' }) }).strict();
const Query = z.object({ text: z.string({ error: 'give it as ?text=' }) });
const json = { 'content-type': 'application/json' };
const EXT = 'chrome-extension://abcdefghijklmnop';

describe('parseRequest', () => {
  test.each([
    ['a GET query', new Request('http://x/api?text=abc&utm=1'), Query, { text: 'abc' }],
    ['a name given twice counts as its first value', new Request('http://x/api?text=a&text=b'), Query, { text: 'a' }],
    ['a POST body', new Request('http://x/api', { method: 'POST', headers: json, body: '{"text":"abc"}' }), Schema, { text: 'abc' }],
  ])('%s → its data', async (_, request, schema, data) => {
    const r = await parseRequest(request, schema, { maxBody: 100 });
    expect(r.ok && r.data).toEqual(data);
  });

  test.each([
    ['a GET without the field', new Request('http://x/api'), 400, 'invalid_request', 'text: give it as ?text='],
    ['a POST not JSON', new Request('http://x/api', { method: 'POST', headers: json, body: '{' }), 400, 'invalid_json', null],
    ['a POST of another media type', new Request('http://x/api', { method: 'POST', body: 'text=abc' }), 415, 'unsupported_media_type', null],
    ['a POST too large', new Request('http://x/api', { method: 'POST', headers: json, body: JSON.stringify({ text: 'a'.repeat(200) }) }), 413, 'payload_too_large', null],
    ['a POST with another field', new Request('http://x/api', { method: 'POST', headers: json, body: '{"text":"a","x":1}' }), 400, 'invalid_request', null],
  ])('%s → %i %s', async (_, request, status, code, message) => {
    const r = await parseRequest(request, request.method === 'GET' ? Query : Schema, { maxBody: 100 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.response.status).toBe(status);
    const body = await r.response.json();
    expect(body.error.code).toBe(code);
    if (message) expect(body.error.message).toBe(message);
  });

  test('CORS headers go with the data and with a refusal, when asked for', async () => {
    const ok = await parseRequest(new Request('http://x/api?text=a', { headers: { origin: EXT } }), Query, { maxBody: 100, cors: true });
    expect(ok.ok && ok.headers['access-control-allow-origin']).toBe(EXT);
    const bad = await parseRequest(new Request('http://x/api', { headers: { origin: EXT } }), Query, { maxBody: 100, cors: true });
    expect(!bad.ok && bad.response.headers.get('access-control-allow-origin')).toBe(EXT);
    const none = await parseRequest(new Request('http://x/api?text=a', { headers: { origin: EXT } }), Query, { maxBody: 100 });
    expect(none.ok && none.headers).toEqual({});
  });

  test('the rate limit refuses with 429 and Retry-After, naming what was limited', async () => {
    const opts = { maxBody: 100, rateLimit: { limiter: createRateLimiter(1, 1), trustedHops: 1, what: 'batches' } };
    const req = () => new Request('http://x/api?text=a', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect((await parseRequest(req(), Query, opts)).ok).toBe(true);
    const r = await parseRequest(req(), Query, opts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.response.status).toBe(429);
    expect(r.response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await r.response.json()).error.message).toMatch(/^Too many batches/);
  });
});
