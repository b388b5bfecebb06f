import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

/**
 * With no proxy configured (the default), the rate limit keys on the socket's address, as
 * npm start passes it (scripts/peer-address.cjs): forged X-Forwarded-For, X-Real-IP or the
 * peer header itself change nothing. A real HTTP server around the route handler.
 */

let server: http.Server;
let port: number;

beforeAll(async () => {
  createRequire(import.meta.url)('../../scripts/peer-address.cjs');
  vi.resetModules();
  vi.stubEnv('RATE_LIMIT_PER_MINUTE', '60'); // a burst of 20
  vi.stubEnv('TRUSTED_PROXY_HOPS', '');
  vi.stubEnv('REGISTRY', 'demo'); // the address below is the demo registry's
  const route = await import('../../app/api/check/route');
  server = http.createServer(async (req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const response = await route.GET(new Request(`http://127.0.0.1${req.url}`, { headers }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  // The first request opens (on a fresh clone, builds) the registry: do it from an address of
  // its own, so that no row's bucket refills while it waits.
  expect(await get({}, '127.0.0.30')).toBe(200);
}, 120_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((r) => server.close(r));
});

function get(headers: Record<string, string>, localAddress = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, localAddress, path: `/api/check?text=${encodeURIComponent('深圳市福田区演示大道88号')}`, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

describe('forged headers change nothing', () => {
  test.each([
    { header: 'x-forwarded-for', value: (i: number) => `10.0.${i}.1` },
    { header: 'x-real-ip', value: (i: number) => `10.1.${i}.1` },
    { header: 'x-realbranch-peer', value: (i: number) => `10.2.${i}.1` },
  ])('30 requests with 30 forged $header values: 20 served, then 429', async ({ header, value }) => {
    // Each row comes from its own loopback address, so that the rows do not share a bucket.
    const from = `127.0.0.${10 + ['x-forwarded-for', 'x-real-ip', 'x-realbranch-peer'].indexOf(header)}`;
    const statuses: number[] = [];
    // The clock stands still, so that a slow machine refills no token between the requests
    // (the bucket gives one a second): what is measured is the key, not the speed.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      for (let i = 0; i < 30; i++) statuses.push(await get({ [header]: value(i) }, from));
    } finally {
      vi.useRealTimers();
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
  });

  test('another socket address is another client', async () => {
    expect(await get({}, '127.0.0.20')).toBe(200);
  });
});
