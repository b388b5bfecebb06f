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
function get(p: string, init: { method?: string; body?: string } = {}, port = PORT): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: p, method: init.method ?? 'GET', agent: false, headers: init.body ? { 'content-type': 'application/json' } : {} }, (res) => {
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

/** scripts/serve.mjs with two workers of 4 accept handles each on `port`, once it answers. */
async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, WEB_CONCURRENCY: '2', ACCEPT_HANDLES: '4', QUIET_LOGS: '1', RATE_LIMIT_PER_MINUTE: '0', ...env },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await get('/api/health', {}, port)).status === 200) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the clustered server did not start on port ${port}`);
}

// Linux's /proc: for the server's processes (the primary and its children), how many
// descriptors each holds of the sockets listening on `port`, and of how many distinct sockets.
function listening(primary: number, port = PORT): Map<number, { fds: number; sockets: number }> | null {
  if (process.platform !== 'linux') return null;
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let table = '';
    try {
      table = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const l of table.split('\n')) {
      const f = l.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${hex}`) && f[3] === '0A') inodes.add(f[9]);
    }
  }
  const held = new Map<number, { fds: number; sockets: number }>();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number(pid) !== primary && parent !== primary) continue;
    const mine = new Set<string>();
    let fds = 0;
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) {
          fds++;
          mine.add(m[1]);
        }
      } catch {}
    }
    held.set(Number(pid), { fds, sockets: mine.size });
  }
  return held;
}

test.describe('two workers', () => {
  test.describe.configure({ timeout: 120_000 });

  test.beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-cluster-'));
    // The demo registry (built by the main server's first request, or by npm start) as the live file.
    const demo = path.join(root, 'data', 'demo-registry.sqlite');
    for (let i = 0; i < 100 && !fs.existsSync(demo); i++) await new Promise((r) => setTimeout(r, 100));
    fs.copyFileSync(demo, path.join(dir, 'registry.sqlite'));
    server = await startServer(PORT, { CLUSTER_SCHEDULING: '', REGISTRY_DB: path.join(dir, 'registry.sqlite') });
  });

  test.afterAll(() => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('each worker listens on ACCEPT_HANDLES sockets of its own, the primary on none, and a burst of new connections is answered', async () => {
    test.skip(listening(server.pid!) === null, 'needs Linux /proc');
    // (CLUSTER_SCHEDULING unset: reuseport. The workers open theirs a moment after they start.)
    const workers = () => [...listening(server.pid!)!].filter(([pid]) => pid !== server.pid).map(([, l]) => `${l.fds}/${l.sockets}`);
    for (let i = 0; i < 40 && workers().join() !== '4/4,4/4'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(workers()).toEqual(['4/4', '4/4']);
    expect(listening(server.pid!)!.get(server.pid!)).toEqual({ fds: 0, sockets: 0 });
    const answers = await Promise.all(Array.from({ length: 64 }, () => get('/api/health')));
    expect(answers.map((a) => a.status)).toEqual(Array(64).fill(200));
  });

  test('the kernel shares new connections out between the workers even when one of them is not running', async () => {
    test.skip(listening(server.pid!) === null, 'needs Linux /proc');
    // A worker stopped (as a busy or descheduled one is, for a moment) still gets its share of
    // a burst: the connections wait in its own sockets' queues and are answered once it runs.
    // With one shared socket (CLUSTER_SCHEDULING=none), the running worker would take all 64.
    const stopped = [...listening(server.pid!)!.keys()].find((pid) => pid !== server.pid)!;
    process.kill(stopped, 'SIGSTOP');
    let answers: { status: number; body: string }[];
    try {
      const burst = Promise.all(Array.from({ length: 64 }, () => get('/api/health')));
      await new Promise((r) => setTimeout(r, 500));
      process.kill(stopped, 'SIGCONT');
      answers = await burst;
    } finally {
      process.kill(stopped, 'SIGCONT');
    }
    expect(answers.map((a) => a.status)).toEqual(Array(64).fill(200));
    const byWorker = new Map<number, number>();
    for (const a of answers) {
      const w = JSON.parse(a.body).worker;
      byWorker.set(w, (byWorker.get(w) ?? 0) + 1);
    }
    // (A hash of each connection's addresses picks one of the 8 sockets: fewer than 16 of 64 on
    // either worker would happen about once in 100,000 bursts.)
    expect([...byWorker.keys()].sort()).toEqual([1, 2]);
    for (const n of byWorker.values()) expect(n).toBeGreaterThanOrEqual(16);
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

test.describe('two workers sharing one socket (CLUSTER_SCHEDULING=none)', () => {
  test.describe.configure({ timeout: 120_000 });
  const port = PORT + 2;
  let shared: ChildProcess;

  test.beforeAll(async () => {
    shared = await startServer(port, { CLUSTER_SCHEDULING: 'none', REGISTRY: 'demo' });
  });

  test.afterAll(() => {
    try {
      process.kill(-shared.pid!, 'SIGTERM');
    } catch {}
  });

  test('each worker takes connections through ACCEPT_HANDLES copies of the one socket, and a burst of new connections is answered', async () => {
    test.skip(listening(shared.pid!, port) === null, 'needs Linux /proc');
    // The primary keeps node:cluster's one and no copy; each worker has 4 (the copies come a
    // moment after it listens).
    const workers = () => [...listening(shared.pid!, port)!].filter(([pid]) => pid !== shared.pid).map(([, l]) => `${l.fds}/${l.sockets}`);
    for (let i = 0; i < 40 && workers().join() !== '4/1,4/1'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(workers()).toEqual(['4/1', '4/1']);
    expect(listening(shared.pid!, port)!.get(shared.pid!)).toEqual({ fds: 1, sockets: 1 });
    const answers = await Promise.all(Array.from({ length: 64 }, () => get('/api/health', {}, port)));
    expect(answers.map((a) => a.status)).toEqual(Array(64).fill(200));
  });
});
