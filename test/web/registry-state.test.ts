import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildRegistry } from '../../lib/registry/build';
import { guarded } from '../../lib/web/guard-route';

/** A server facing a bad registry file: one row per fault, with what health and a check answer. */

const FIXTURES = path.resolve(__dirname, '../../data/fixtures/registry');
let dir: string;
let goodCopy: string;
let version: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-state-'));
  const m = path.join(dir, 'm.json');
  fs.writeFileSync(m, JSON.stringify({ asOf: '2026-01-01', crs: 'gcj02', sources: [{ file: path.join(FIXTURES, 'outlets.csv'), bank: '交通银行', region: '全国' }] }));
  const r = await buildRegistry({ manifest: m, out: path.join(dir, 'good.sqlite') });
  goodCopy = r.out;
  version = r.version;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

async function server(file: string) {
  vi.resetModules();
  vi.stubEnv('REGISTRY_DB', file);
  vi.stubEnv('RATE_LIMIT_PER_MINUTE', '0');
  const health = await import('../../app/api/health/route');
  const check = await import('../../app/api/check/route');
  return {
    health: async () => {
      const r = await health.GET();
      return { status: r.status, body: await r.json() };
    },
    check: async () => {
      const r = await check.POST(new Request('http://localhost/api/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '深圳市罗湖区示例路1号示例大厦首层' }) }));
      return { status: r.status, body: await r.json() };
    },
  };
}

/** Replace the live file the way an operator would: a rename over it. */
function replaceWith(live: string, content: Buffer | string | null) {
  if (content === null) return fs.rmSync(live, { force: true });
  fs.writeFileSync(`${live}.new`, content);
  fs.renameSync(`${live}.new`, live);
}

describe('a registry file that goes bad keeps the last good one served', () => {
  const faults: { fault: string; content: () => Buffer | string | null; reason: RegExp }[] = [
    { fault: 'junk bytes', content: () => Buffer.from('this is not a database at all'.repeat(200)), reason: /file is not a database/ },
    { fault: 'an empty file', content: () => '', reason: /no such table: meta|not a database|schema 0/ },
    { fault: 'the file removed', content: () => null, reason: /no such file/ },
    { fault: 'a truncated copy', content: () => fs.readFileSync(goodCopy).subarray(0, 4096), reason: /malformed|not a database|no such table|schema/ },
  ];
  test.each(faults)('$fault: health degraded with the reason, checks still answer from the last good one', async ({ content, reason }) => {
    const live = path.join(dir, 'live.sqlite');
    fs.copyFileSync(goodCopy, live);
    const s = await server(live);
    expect((await s.health()).body).toMatchObject({ status: 'ok', registry: { version } });
    replaceWith(live, content());
    const h = await s.health();
    expect(h.status).toBe(200);
    expect(h.body.status).toBe('degraded');
    expect(h.body.reason).toMatch(reason);
    expect(h.body.reason).toContain(`serving the last good one, ${version}`);
    expect(h.body.reason).not.toContain(dir);
    expect(h.body.registry.version).toBe(version);
    const c = await s.check();
    expect(c.status).toBe(200);
    expect(c.body.registry.version).toBe(version);
    // A good file again: ok again.
    replaceWith(live, fs.readFileSync(goodCopy));
    expect((await s.health()).body.status).toBe('ok');
  });

  test('no good registry ever: 503 in the one error shape, for health and for a check', async () => {
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'junk');
    const s = await server(junk);
    for (const r of [await s.health(), await s.check()]) {
      expect(r.status).toBe(503);
      expect(r.body).toEqual({ error: { code: 'registry_unavailable', message: expect.stringContaining('no registry is available') } });
    }
  });
});

describe('an unexpected exception in a route', () => {
  test.each([
    { what: 'an Error', thrown: () => new TypeError('boom at /secret/path with 用户的地址') },
    { what: 'a string', thrown: () => 'boom' },
  ])('$what: 500 {"error":{"code":"internal"}}, nothing of it in the body', async ({ thrown }) => {
    const handler = guarded('test', async () => {
      throw thrown();
    });
    const r = await handler();
    expect(r.status).toBe(500);
    const body = await r.json();
    expect(body).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(body)).not.toMatch(/boom|secret|用户/);
  });
});
