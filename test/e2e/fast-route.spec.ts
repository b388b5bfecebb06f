import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EXAMPLES } from './examples';

/**
 * npm start answers /api/check past Next's router (scripts/fast-routes.mjs), with a request
 * object of its own rather than a Web Request. It must answer exactly as the same route does
 * through Next: the test server (which has the direct route) against one started with
 * FAST_ROUTES=0, same registry and settings, request by request, status, headers and body.
 */
const MAIN = Number(process.env.E2E_PORT ?? 3100);
const PLAIN = Number(process.env.E2E_FAST_ROUTE_PORT ?? MAIN + 4);
const root = path.resolve(__dirname, '../..');
let plain: ChildProcess;

type Answer = { status: number; headers: Record<string, string>; body: string };

function send(port: number, p: string, init: { method?: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: p, method: init.method ?? 'GET', agent: false, headers: init.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  // The settings of the test server (playwright.config.ts), with Next's router for /api/check.
  plain = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '-p', String(PLAIN), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', REGISTRY: 'demo', WEB_CONCURRENCY: '1', LOG_HASH_KEY: 'e2e-log-key', TRUSTED_PROXY_HOPS: '1', QUIET_LOGS: '1', FAST_ROUTES: '0' },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await send(PLAIN, '/api/health', {})).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server without the direct route did not start on port ${PLAIN}`);
});

test.afterAll(() => {
  try {
    process.kill(-plain.pid!, 'SIGTERM');
  } catch {}
});

let client = 0;
const json = { 'content-type': 'application/json' };
const q = (text: string) => `/api/check?text=${encodeURIComponent(text)}`;
const CASES: [string, string, { method?: string; headers?: Record<string, string>; body?: Buffer | string }][] = [
  ['a registered branch', '/api/check', { method: 'POST', headers: json, body: JSON.stringify({ text: EXAMPLES.registered_branch }) }],
  ['an office floor', '/api/check', { method: 'POST', headers: json, body: JSON.stringify({ text: EXAMPLES.office_floor }) }],
  ['no address', '/api/check', { method: 'POST', headers: json, body: JSON.stringify({ text: EXAMPLES.insufficient }) }],
  ['by GET', q(EXAMPLES.bank_mismatch), {}],
  ['content type charset', '/api/check', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ text: EXAMPLES.not_registered }) }],
  ['not JSON by type', '/api/check', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }],
  ['not JSON', '/api/check', { method: 'POST', headers: json, body: '{"text":' }],
  ['not the shape', '/api/check', { method: 'POST', headers: json, body: '{"txt":"a"}' }],
  ['empty text', '/api/check', { method: 'POST', headers: json, body: '{"text":""}' }],
  ['no body', '/api/check', { method: 'POST', headers: json }],
  ['too large', '/api/check', { method: 'POST', headers: json, body: JSON.stringify({ text: '深'.repeat(6000) }) }],
  ['broken UTF-8', '/api/check', { method: 'POST', headers: json, body: Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xe6, 0xb7]), Buffer.from('"}')]) }],
  ['broken UTF-8 by GET', '/api/check?text=%E6%B7', {}],
  ['GET with no text', '/api/check', {}],
  ['GET too long', `/api/check?text=${'a'.repeat(5000)}`, {}],
  ['the extension, preflight', '/api/check', { method: 'OPTIONS', headers: { origin: 'chrome-extension://abcdefghijklmnop', 'access-control-request-method': 'POST' } }],
  ['the extension', '/api/check', { method: 'POST', headers: { ...json, origin: 'chrome-extension://abcdefghijklmnop' }, body: JSON.stringify({ text: EXAMPLES.office_floor }) }],
  ['another site', '/api/check', { method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body: JSON.stringify({ text: EXAMPLES.office_floor }) }],
  ['a proxied host', '/api/check', { method: 'POST', headers: { ...json, 'x-forwarded-host': 'realbranch.example', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ text: EXAMPLES.registered_branch }) }],
  // (A Host that makes no URL: each server's own origin stands in, in its share link too.)
  ['a Host that makes no URL', q(EXAMPLES.office_floor), { headers: { host: 'a b' } }],
  ['a Host that makes no URL, by POST', '/api/check', { method: 'POST', headers: { ...json, host: 'a b' }, body: JSON.stringify({ text: EXAMPLES.registered_branch }) }],
];

// What differs by nature between two servers: the time, and how the body is framed (Next
// streams its answer, chunked; the direct route knows its length). And Next's Vary names, past
// the route's own Origin, its router's request headers (rsc, next-router-*), which an API
// answer does not depend on, and Accept-Encoding: Next gzips for a client that asks, the direct
// route sends its few KB as they are. The rest must be equal.
const FRAMING = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const NEXTS_OWN_VARY = /^(?:rsc|next-router-[a-z-]+|accept-encoding)$/i;
const comparable = (a: Answer, port: number) => ({
  status: a.status,
  headers: Object.fromEntries(
    Object.entries(a.headers)
      .filter(([k]) => !FRAMING.has(k))
      .map(([k, v]) => [k, k === 'vary' ? v.split(',').map((t) => t.trim()).filter((t) => !NEXTS_OWN_VARY.test(t)).join(', ') : v])
      .sort(),
  ),
  body: a.body.replaceAll(`//localhost:${port}/`, '//localhost:PORT/'),
});

for (const [name, p, init] of CASES) {
  test(`/api/check answers the same past Next's router as through it: ${name}`, async () => {
    // (Each its own client for the rate limit, the same on both; the same host in share links.)
    const headers = { host: 'realbranch.test', ...init.headers, 'x-forwarded-for': `198.19.${Math.floor(client / 250)}.${(client++ % 250) + 1}` };
    const direct = await send(MAIN, p, { ...init, headers });
    const routed = await send(PLAIN, p, { ...init, headers });
    expect(comparable(direct, MAIN)).toEqual(comparable(routed, PLAIN));
    expect(direct.status).toBeLessThan(500);
    // (And the worker goes on: it once left such a request unanswered.)
    expect((await send(MAIN, '/api/health', {})).status).toBe(200);
  });
}
