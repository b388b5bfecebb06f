import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EXAMPLES } from './examples';

/**
 * npm start's server (scripts/serve.mjs) with two workers, on its own port and its own copy of
 * a registry: a registry renamed over the live file is served by every worker, by the API and
 * by the (cached) result page alike, with no restart.
 */
const PORT = Number(process.env.E2E_CLUSTER_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);
const root = path.resolve(__dirname, '../..');
let server: ChildProcess;
let dir: string;

/** One request on a connection of its own, so that any worker may take it (each new connection goes to whichever worker accepts it first). */
function get(p: string, init: { method?: string; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: PORT, path: p, method: init.method ?? 'GET', agent: false, headers: init.body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** What each worker answers /api/health with, asking until both were seen. */
async function healthOfEach(): Promise<Map<number, string>> {
  const seen = new Map<number, string>();
  // (A worker still starting is not handed requests yet: ask for a while, not just 40 times.)
  for (let i = 0; i < 400 && seen.size < 2; i++) {
    const h = JSON.parse((await get('/api/health')).body);
    seen.set(h.worker, h.registry.version);
    if (seen.size < 2 && i >= 40) await new Promise((r) => setTimeout(r, 50));
  }
  return seen;
}

test.describe('two workers', () => {
  test.describe.configure({ timeout: 120_000 });

  test.beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-cluster-'));
    // The demo registry (built by the main server's first request, or by npm start) as the live file.
    const demo = path.join(root, 'data', 'demo-registry.sqlite');
    for (let i = 0; i < 100 && !fs.existsSync(demo); i++) await new Promise((r) => setTimeout(r, 100));
    fs.copyFileSync(demo, path.join(dir, 'registry.sqlite'));
    server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '-p', String(PORT), '-H', '127.0.0.1'], {
      cwd: root,
      env: { ...process.env, WEB_CONCURRENCY: '2', ACCEPT_HANDLES: '4', CLUSTER_SCHEDULING: '', REGISTRY_DB: path.join(dir, 'registry.sqlite'), QUIET_LOGS: '1', RATE_LIMIT_PER_MINUTE: '0' },
      stdio: 'ignore',
      detached: true,
    });
    for (let i = 0; i < 300; i++) {
      try {
        if ((await get('/api/health')).status === 200) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the clustered server did not start on port ${PORT}`);
  });

  test.afterAll(() => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Linux's /proc: how many descriptors of the listening socket each process holds.
  function listenHandles(): Map<number, number> | null {
    if (process.platform !== 'linux') return null;
    const port = PORT.toString(16).toUpperCase().padStart(4, '0');
    const line = fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').find((l) => { const f = l.trim().split(/\s+/); return f[1]?.endsWith(`:${port}`) && f[3] === '0A'; });
    const inode = line?.trim().split(/\s+/)[9];
    const held = new Map<number, number>();
    for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (Number(pid) !== server.pid && parent !== server.pid) continue;
      let n = 0;
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        try {
          if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) n++;
        } catch {}
      }
      held.set(Number(pid), n);
    }
    return held;
  }

  test('each worker takes connections through ACCEPT_HANDLES handles, and a burst of new connections is answered', async () => {
    test.skip(listenHandles() === null, 'needs Linux /proc');
    // The primary keeps node:cluster's one and no copy; each worker has 4 (the copies come a
    // moment after it listens).
    const workers = () => [...listenHandles()!].filter(([pid]) => pid !== server.pid).map(([, n]) => n);
    for (let i = 0; i < 40 && workers().join() !== '4,4'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(workers()).toEqual([4, 4]);
    expect(listenHandles()!.get(server.pid!)).toBe(1);
    const answers = await Promise.all(Array.from({ length: 64 }, () => get('/api/health')));
    expect(answers.map((a) => a.status)).toEqual(Array(64).fill(200));
  });

  test('both see a registry renamed over the live one, in the API and on the result page', async () => {
    const before = await healthOfEach();
    expect([...before.keys()].sort()).toEqual([1, 2]);
    const oldVersion = before.get(1)!;
    expect(before.get(2)).toBe(oldVersion);
    const text = EXAMPLES.registered_branch;
    const page = `/r?t=${Buffer.from(text).toString('base64url')}`;
    // Each worker checks the text and keeps the result page (twice: both workers, cached).
    for (let i = 0; i < 4; i++) {
      const r = JSON.parse((await get('/api/check', { method: 'POST', body: JSON.stringify({ text }) })).body);
      expect(r.verdict).toBe('registered_branch');
      expect((await get(page)).body).toContain('data-verdict="registered_branch"');
    }

    // The fixtures registry has no demo outlets: the same text is no longer a registered branch.
    const next = path.join(dir, 'registry.next.sqlite');
    const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'cli.mjs'), 'registry-build', '--manifest', path.join(root, 'data', 'fixtures', 'registry', 'manifest.json'), '--out', next, '--allow-missing'], { cwd: root, stdio: 'ignore' });
    expect(built.status).toBe(0);
    // Both workers have just looked at the registry (so they may answer from it for 250 ms more):
    // pages of other links, rendered, not from the cache.
    for (let i = 0; i < 4; i++) await get(`${page}&prime=${i}`);
    fs.renameSync(next, path.join(dir, 'registry.sqlite'));
    // Opened at once, the page may still be answered from the registry before (each worker
    // looks at the file at most every 250 ms), but such an answer must not be kept for the new one.
    for (let i = 0; i < 4; i++) await get(page);
    await new Promise((r) => setTimeout(r, 300));

    const after = await healthOfEach();
    expect([...after.keys()].sort()).toEqual([1, 2]);
    expect(after.get(1)).not.toBe(oldVersion);
    expect(after.get(2)).toBe(after.get(1));
    for (let i = 0; i < 4; i++) {
      const r = JSON.parse((await get('/api/check', { method: 'POST', body: JSON.stringify({ text }) })).body);
      expect(r.registry.version).toBe(after.get(1));
      expect(r.verdict).not.toBe('registered_branch');
      const html = (await get(page)).body;
      expect(html).not.toContain('data-verdict="registered_branch"');
    }
  });
});
