#!/usr/bin/env node
/**
 * npm run bench:api — load-tests POST /api/check on `next start` over loopback and prints the
 * figures against the goal: ≥ 300 requests/s, p99 ≤ 100 ms, zero errors.
 *
 * The server is this repository's production build (built first if stale) on the demo
 * registry, or REGISTRY_DB when set, with the rate limit off (RATE_LIMIT_PER_MINUTE=0: one
 * client sending thousands of requests is the point here) and request logging quiet.
 *
 *   --duration <s>      seconds of load (default 20)
 *   --connections <n>   concurrent connections (default 16)
 *   --port <n>          port for the server (default 3199)
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const DURATION = arg('duration', 20);
const CONNECTIONS = arg('connections', 16);
const PORT = arg('port', 3199);
const base = `http://127.0.0.1:${PORT}`;

// Texts of every kind the service gets: plain addresses, whole messages, each verdict, and a
// spread of floors, numbers and rooms so that no answer is the same twice in a row.
const TEMPLATES = [
  (i) => `建设银行 深圳市福田区演示大道88号示例金融大厦${(i % 2) + 1}楼`,
  (i) => `我是建设银行信贷经理王工，请明天上午到深圳市福田区演示大道88号示例金融大厦${(i % 30) + 3}楼${(i % 30) + 3}0${(i % 9) + 1}室签合同，先交3%手续费。`,
  (i) => `工商银行贷款中心：请到深圳市福田区演示大道88号示例金融大厦${(i % 2) + 1}楼办理`,
  (i) => `【建行】您的额度已批，请到深圳市福田区演示大道${200 + (i % 500)}号面签`,
  (i) => `平安银行 深圳市福田区演示大道${300 + (i % 50)}号${(i % 20) + 1}楼`,
  () => '您好，您在我行的贷款额度已审批通过，请尽快联系王经理办理',
  (i) => `招商银行 合肥市蜀山区长江西路${100 + (i % 200)}号${(i % 25) + 1}层`,
  (i) => `杭州市西湖区文三路${(i % 400) + 1}号${(i % 15) + 1}楼 工商银行`,
];
const bodies = Array.from({ length: 400 }, (_, i) => JSON.stringify({ text: TEMPLATES[i % TEMPLATES.length](i) }));

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', RATE_LIMIT_PER_MINUTE: '0', QUIET_LOGS: '1', NODE_ENV: 'production' };
const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--build-only'], { cwd: root, env, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const server = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {}
};
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

try {
  await waitFor(`${base}/api/health`, 60_000);
  let n = 0;
  const request = { method: 'POST', path: '/api/check', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: bodies[n++ % bodies.length] }) };
  // Warm up: the registry opened, the code paths compiled by the JIT.
  await autocannon({ url: base, connections: 4, duration: 3, requests: [request] });
  const r = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests: [request] });
  const rps = r.requests.average;
  const p99 = r.latency.p99;
  const errors = r.errors + r.timeouts + r.non2xx;
  const ok = (b) => (b ? 'ok' : 'MISSED');
  console.log(`POST /api/check on next start, loopback, ${CONNECTIONS} connections, ${DURATION} s, ${bodies.length} distinct texts`);
  console.log(`  requests          ${r.requests.total} (${r['2xx']} answered 2xx)`);
  console.log(`  throughput        ${rps.toFixed(0)} requests/s        goal ≥ 300   ${ok(rps >= 300)}`);
  console.log(`  latency p50       ${r.latency.p50} ms`);
  console.log(`  latency p99       ${p99} ms                 goal ≤ 100   ${ok(p99 <= 100)}`);
  console.log(`  latency max       ${r.latency.max} ms`);
  console.log(`  errors            ${errors} (errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx})   goal 0   ${ok(errors === 0)}`);
  process.exitCode = rps >= 300 && p99 <= 100 && errors === 0 ? 0 : 1;
} finally {
  stop();
}
