import { type APIResponse, expect, test } from '@playwright/test';
import { EXAMPLES } from './examples';

// Every request here comes as its own client (X-Forwarded-For), so the rate limit of one
// test never spills into another.
let n = 0;
const client = () => ({ 'x-forwarded-for': `198.51.100.${(n++ % 250) + 1}, 192.0.2.${(n % 250) + 1}` });
const json = { 'content-type': 'application/json' };

type Bad = { name: string; method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; body?: string | Buffer; status: number; code: string };

const BAD: Bad[] = [
  { name: 'no content type', method: 'POST', url: '/api/check', body: '{"text":"x"}', status: 415, code: 'unsupported_media_type' },
  { name: 'a form post', method: 'POST', url: '/api/check', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=abc', status: 415, code: 'unsupported_media_type' },
  { name: 'not JSON', method: 'POST', url: '/api/check', headers: json, body: '{"text": ', status: 400, code: 'invalid_json' },
  { name: 'an empty body', method: 'POST', url: '/api/check', headers: json, body: '', status: 400, code: 'invalid_json' },
  { name: 'no text field', method: 'POST', url: '/api/check', headers: json, body: '{}', status: 400, code: 'invalid_request' },
  { name: 'text is a number', method: 'POST', url: '/api/check', headers: json, body: '{"text": 42}', status: 400, code: 'invalid_request' },
  { name: 'an array', method: 'POST', url: '/api/check', headers: json, body: '["深圳"]', status: 400, code: 'invalid_request' },
  { name: 'unknown fields', method: 'POST', url: '/api/check', headers: json, body: '{"text":"深圳","admin":true}', status: 400, code: 'invalid_request' },
  { name: 'empty text', method: 'POST', url: '/api/check', headers: json, body: '{"text": ""}', status: 400, code: 'empty' },
  { name: 'blank text', method: 'POST', url: '/api/check', headers: json, body: '{"text": " \\n\\t "}', status: 400, code: 'empty' },
  { name: 'text over 2,000 characters', method: 'POST', url: '/api/check', headers: json, body: JSON.stringify({ text: '深'.repeat(2001) }), status: 413, code: 'too_long' },
  { name: 'a body over 16 KB', method: 'POST', url: '/api/check', headers: json, body: JSON.stringify({ text: 'a'.repeat(20_000) }), status: 413, code: 'payload_too_large' },
  { name: 'bytes that are not UTF-8', method: 'POST', url: '/api/check', headers: json, body: Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 400, code: 'invalid_utf8' },
  { name: 'binary text', method: 'POST', url: '/api/check', headers: json, body: JSON.stringify({ text: '\u0000\u0001\u0002\u0003PK\u0003\u0004\u0000\u0000' }), status: 400, code: 'binary' },
  { name: 'GET without text', method: 'GET', url: '/api/check', status: 400, code: 'invalid_request' },
  { name: 'GET with empty text', method: 'GET', url: '/api/check?text=', status: 400, code: 'empty' },
  { name: 'GET with text too long', method: 'GET', url: `/api/check?text=${'a'.repeat(2001)}`, status: 413, code: 'too_long' },
  { name: 'GET longer than a link (4,096 characters)', method: 'GET', url: `/api/check?text=${encodeURIComponent('深'.repeat(1000))}`, status: 414, code: 'uri_too_long' },
  { name: 'GET of 30,000 characters (over Node.js\'s default header limit)', method: 'GET', url: `/api/check?text=${'a'.repeat(30_000)}`, status: 414, code: 'uri_too_long' },
  { name: 'GET of 100,000 characters (over the server\'s own header limit: answered before the app)', method: 'GET', url: `/api/check?text=${'a'.repeat(100_000)}`, status: 414, code: 'uri_too_long' },
  { name: 'GET with escapes that are not UTF-8', method: 'GET', url: '/api/check?text=%E6%B7%B1%FF%FE', status: 400, code: 'invalid_utf8' },
  { name: 'GET with a lone surrogate in UTF-8', method: 'GET', url: '/api/check?text=%E6%B7%B1%ED%A0%80', status: 400, code: 'invalid_utf8' },
  { name: 'POST with a lone surrogate escape', method: 'POST', url: '/api/check', headers: json, body: '{"text":"深圳\\ud800"}', status: 400, code: 'invalid_utf8' },
  { name: 'POST with a lone surrogate in UTF-8', method: 'POST', url: '/api/check', headers: json, body: Buffer.concat([Buffer.from('{"text":"深'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), status: 400, code: 'invalid_utf8' },
  { name: 'batch: not JSON', method: 'POST', url: '/api/batch', headers: json, body: 'texts', status: 400, code: 'invalid_json' },
  { name: 'batch: no texts', method: 'POST', url: '/api/batch', headers: json, body: '{"texts": []}', status: 400, code: 'invalid_request' },
  { name: 'batch: over 1,000 texts', method: 'POST', url: '/api/batch', headers: json, body: JSON.stringify({ texts: Array(1001).fill('深圳') }), status: 400, code: 'invalid_request' },
  { name: 'batch: wrong media type', method: 'POST', url: '/api/batch', headers: { 'content-type': 'text/plain' }, body: '{"texts":["a"]}', status: 415, code: 'unsupported_media_type' },
];

test.describe('bad API requests get the exact status and error code', () => {
  for (const bad of BAD) {
    test(`${bad.method} ${bad.url.slice(0, 40)}: ${bad.name} → ${bad.status} ${bad.code}`, async ({ request }) => {
      // Bodies go as bytes: Playwright would JSON-encode a string sent as application/json.
      const data = typeof bad.body === 'string' ? Buffer.from(bad.body, 'utf8') : bad.body;
      const res = await request.fetch(bad.url, { method: bad.method, headers: { ...client(), ...bad.headers }, data });
      expect(res.status()).toBe(bad.status);
      expect(res.headers()['content-type']).toMatch(/^application\/json/);
      const body = await res.json();
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error.code).toBe(bad.code);
      expect(typeof body.error.message).toBe('string');
      expect(body.error.message.length).toBeGreaterThan(0);
    });
  }

  test('too many requests from one client → 429 rate_limited with Retry-After; others still served', async ({ request }) => {
    const me = { 'x-forwarded-for': '203.0.113.77' };
    const statuses: number[] = [];
    let limited: APIResponse | null = null;
    for (let i = 0; i < 80 && !limited; i++) {
      const res = await request.get(`/api/check?text=${encodeURIComponent('深圳市福田区演示大道88号')}`, { headers: me });
      statuses.push(res.status());
      if (res.status() === 429) limited = res;
    }
    expect(limited).not.toBeNull();
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect((await limited!.json()).error.code).toBe('rate_limited');
    expect(Number(limited!.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
    // A client that only forges the left of X-Forwarded-For is still the same client.
    const forged = await request.get(`/api/check?text=${encodeURIComponent('深圳市')}`, { headers: { 'x-forwarded-for': '10.9.8.7, 203.0.113.77' } });
    expect(forged.status()).toBe(429);
    const other = await request.get(`/api/check?text=${encodeURIComponent('深圳市')}`, { headers: { 'x-forwarded-for': '203.0.113.78' } });
    expect(other.status()).toBe(200);
  });

  test('the server keeps answering after all of that', async ({ request }) => {
    const res = await request.post('/api/check', { headers: { ...client(), ...json }, data: { text: EXAMPLES.office_floor } });
    expect(res.status()).toBe(200);
  });
});

test('POST /api/check answers the command line JSON plus shareUrl', async ({ request }) => {
  const res = await request.post('/api/check', { headers: { ...client(), ...json }, data: { text: EXAMPLES.office_floor } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(Object.keys(body).slice(0, 6)).toEqual(['input', 'verdict', 'parsed', 'matches', 'reasons', 'registry']);
  expect(body.verdict).toBe('office_floor');
  expect(body.input).toBe(EXAMPLES.office_floor);
  expect(body.parsed.floors).toEqual([18]);
  expect(Object.keys(body.matches[0]).slice(0, 6)).toEqual(['bank', 'name', 'address', 'floors', 'kind', 'source']);
  expect(body.matches[0].floors).toEqual([1, 2]);
  expect(body.registry.demo).toBe(true);
  // The address and bank as read, the signals as codes: not the message.
  expect(body.shareUrl).toMatch(/\/r\?a=[A-Za-z0-9_-]+&b=[A-Za-z0-9_-]+&s=upfront_fee&v=[0-9a-f]+$/);
});

test('GET /api/check answers the same for the extension, with CORS for extension origins only', async ({ request }) => {
  const url = `/api/check?text=${encodeURIComponent(EXAMPLES.registered_branch)}`;
  const ext = await request.get(url, { headers: { ...client(), origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' } });
  expect(ext.status()).toBe(200);
  expect(ext.headers()['access-control-allow-origin']).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
  expect((await ext.json()).verdict).toBe('registered_branch');
  const site = await request.get(url, { headers: { ...client(), origin: 'https://evil.example' } });
  expect(site.headers()['access-control-allow-origin']).toBeUndefined();
  const pre = await request.fetch('/api/check', { method: 'OPTIONS', headers: { origin: 'moz-extension://1234-abcd', 'access-control-request-method': 'POST' } });
  expect(pre.status()).toBe(204);
  expect(pre.headers()['access-control-allow-methods']).toContain('POST');
});

test('POST /api/batch streams one JSON line per text, in order', async ({ request }) => {
  const texts = [...Object.values(EXAMPLES), '\u0000\u0001\u0002'];
  const res = await request.post('/api/batch', { headers: { ...client(), ...json }, data: { texts } });
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^application\/x-ndjson/);
  const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  expect(lines.slice(0, 6).map((l) => l.result.verdict)).toEqual(Object.keys(EXAMPLES));
  expect(lines[6].error.code).toBe('binary');
});

test('GET /api/health gives the registry version, its sources and the uptime', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe('ok');
  expect(body.registry.version).toMatch(/^2026-11-01\./);
  expect(body.registry.demo).toBe(true);
  expect(body.registry.sources.map((s: { file: string }) => s.file)).toContain('shenzhen-ccb.csv');
  expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
});

test('GET /api/openapi.json documents the API from the same schemas', async ({ request }) => {
  const res = await request.get('/api/openapi.json');
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toMatch(/^3\./);
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/check', '/api/batch', '/api/health']));
  expect(doc.paths['/api/check'].post.requestBody.content['application/json'].schema).toBeTruthy();
  const responses = doc.paths['/api/check'].post.responses;
  expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '400', '413', '415', '429']));
  expect(JSON.stringify(doc)).toContain('shareUrl');
});

test('the preview image is a PNG drawn on the server', async ({ request }) => {
  const t = Buffer.from(EXAMPLES.office_floor).toString('base64url');
  const res = await request.get(`/api/og?t=${t}&l=zh`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('image/png');
  const png = await res.body();
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(1200);
  expect(png.readUInt32BE(20)).toBe(630);
  // Garbage in the link still gives an image, the neutral one.
  const bad = await request.get('/api/og?t=%%%%');
  expect(bad.status()).toBe(200);
});
