#!/usr/bin/env node
/**
 * npm run bench:api — the crowd: a result link forwarded into a group and opened by hundreds
 * at once, while new texts keep arriving. Load-tests the app as `npm start` serves it (the
 * production build, one worker per core) over loopback and prints one table:
 *
 *   check  POST /api/check, texts that all differ (never the same twice in the whole run, so
 *          no cache helps): addresses of the registry's own outlets written as messages, with
 *          floors and rooms, other banks, other numbers, and texts with no address
 *   page   GET one shared result page /r?t=…&v=…, the same link every time
 *   og     GET its preview image, as the page names it (og:image: /api/og?…)
 *   mix    each connection in turn: 2 page opens, 1 preview image, 1 new check
 *
 * each at 32 and at 128 connections, after a warm-up, with the rate limit off
 * (RATE_LIMIT_PER_MINUTE=0: one client sending thousands of requests is the point here) and
 * request logging quiet. The registry is REGISTRY_DB when set, else the default one (the licence
 * registry; REGISTRY=demo for the demo registry).
 *
 *   --duration <s>       seconds of load per row (default 10)
 *   --warmup <s>         seconds of warm-up per scenario, at 32 connections (default 15: a
 *                        fresh server's checks cost 1.31, 1.13, 1.03, 1.05, 0.99 and 1.00 ms of
 *                        CPU in six 8 s rows one after another, measured: it is warm after
 *                        about 20 s of checks, not 3)
 *   --connections <list> default 32,128
 *   --only <list>        scenarios to run (default check,page,og,mix)
 *   --workers <n>        WEB_CONCURRENCY for the server (default: one per core)
 *   --port <n>           port for the server (default 3199)
 *   --server next        measure plain `next start` (one process) instead, for comparison
 *   --cpu-prof <dir>     write a CPU profile of each server process there (open in Chrome's
 *                        DevTools, or summarise: node test/bench/profile-summary.mjs <file>)
 *
 * The whole run is bounded: (warm-up + rows × duration) plus two minutes for the server to
 * start, after which it stops itself. The load generator runs on the same machine and takes
 * part of a core: on a 2-core machine it competes with the server it measures.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const DURATION = Number(arg('duration', 10));
const WARMUP = Number(arg('warmup', 15));
const CONNECTIONS = String(arg('connections', '32,128')).split(',').map(Number).filter((n) => n > 0);
const ONLY = String(arg('only', 'check,page,og,mix')).split(',');
const PORT = Number(arg('port', 3199));
const WORKERS = arg('workers', process.env.WEB_CONCURRENCY ?? '');
const PROFILE = arg('cpu-prof', '');
const PLAIN_NEXT = arg('server', '') === 'next';
const base = `http://127.0.0.1:${PORT}`;

// The goals of the issue, per scenario and number of connections (none: measured only).
const GOALS = {
  'check@32': { rps: 1200, p99: 50 },
  'check@128': { rps: 1200, p99: 150 },
  'page@128': { rps: 1000, p99: 150 },
};

// ---------------------------------------------------------------- texts that all differ
function* textsFrom(outlets) {
  // A deterministic walk over the outlets, each written one way after another.
  const ways = [
    (o) => o.address,
    (o, i) => `我是${o.bank}信贷经理，请明天上午到${o.address}${(i % 30) + 3}楼${(i % 30) + 3}0${(i % 9) + 1}室签合同，先交3%手续费。`,
    (o, i) => `【${o.bank}】您的贷款额度已审批，请到${o.address}${i % 2 ? '楼上' : ''}办理面签，联系人王经理${1000 + (i % 9000)}`,
    (o) => `${o.other}贷款中心：请到${o.address}办理`,
    (o, i) => `${o.bank} ${o.address.replace(/(\d+)号/, (_, n) => `${Number(n) + 1 + (i % 400)}号`)}`,
    (o, i) => `您好，我是${o.bank}客户经理，您的${(i % 50) + 5}万元额度已通过，加微信 wx${100000 + i} 详谈`,
    (o, i) => `${o.address}${(i % 25) + 1}层 ${o.bank}`,
  ];
  const seen = new Set();
  for (let n = 0; ; n++) {
    let text = ways[n % ways.length](outlets[Math.floor(n / ways.length) % outlets.length], n);
    // (Never the same text twice: a repeat gets a date and a reference number, as such texts do.)
    if (seen.has(text)) text = `${text}，请于${(n % 28) + 1}日${(n % 10) + 9}点前到，编号${n}`;
    seen.add(text);
    yield text;
  }
}

function loadOutlets(file) {
  const Database = createRequire(path.join(root, 'package.json'))('better-sqlite3');
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      // (Four staffed outlets of the licence registry have no address, 三沙 among them: written
      // as it is, such an address was an empty text, which the API rightly refuses with a 400,
      // and the bench counted it as an error, in one row in a few, as the walk reached one.)
      .prepare("SELECT o.bank, a.address FROM outlets o JOIN addresses a ON a.outlet_id = o.id WHERE a.current = 1 AND o.kind = 'staffed' AND trim(a.address) <> '' ORDER BY o.id LIMIT 20000")
      .all();
    const banks = [...new Set(rows.map((r) => r.bank))];
    return rows.map((r, i) => ({ ...r, other: banks.find((b) => b !== r.bank) ?? '工商银行', i }));
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- the server
async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return r.json();
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', RATE_LIMIT_PER_MINUTE: '0', BATCH_RATE_LIMIT_PER_MINUTE: '0', QUIET_LOGS: '1', NODE_ENV: 'production' };
if (WORKERS) env.WEB_CONCURRENCY = String(WORKERS);
const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--build-only'], { cwd: root, env, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const rows = ONLY.length * CONNECTIONS.length;
const planned = ONLY.length * WARMUP + rows * DURATION;
const deadline = setTimeout(() => {
  console.error(`bench:api: still running after ${planned + 120} s; stopping`);
  process.exit(2);
}, (planned + 120) * 1000);
deadline.unref();

const profiling = PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(PROFILE)] : [];
const serverArgs = PLAIN_NEXT ? [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start'] : [path.join(root, 'scripts', 'serve.mjs')];
const server = spawn(process.execPath, [...profiling, ...serverArgs, '-p', String(PORT), '-H', '127.0.0.1'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {}
};
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

const fmt = (n, w) => String(n).padStart(w);

// The server's processes (its process group: the primary and its workers), each with the fields
// of /proc/<pid>/stat after its name; Linux only (throws elsewhere).
function serverProcesses() {
  const found = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) === server.pid) found.push({ pid, rest });
    } catch {}
  }
  return found;
}

// The machine's CPU time so far, and how much of it the host gave to other guests (steal, on a
// virtual machine): a row with much stolen time measures the host, not the app.
function machineTicks() {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    return { total: f.reduce((a, b) => a + b, 0), steal: f[7] ?? 0 };
  } catch {
    return null;
  }
}

// CPU seconds used so far by the server's processes, to print CPU per request: a figure a busy
// machine distorts far less than requests per second.
function serverCpuSeconds() {
  try {
    return serverProcesses().reduce((ticks, { rest }) => ticks + Number(rest[11]) + Number(rest[12]), 0) / 100;
  } catch {
    return NaN;
  }
}

// How the load's connections are split between the server's processes, as each holds them
// (Linux /proc; null elsewhere): with CLUSTER_SCHEDULING=none, whichever worker wakes first takes
// a burst of new connections, and the one holding more answers each request later; with
// reuseport (the default) the kernel splits them by a hash.
function connectionsPerProcess() {
  try {
    const port = PORT.toString(16).toUpperCase().padStart(4, '0');
    const inodes = new Set();
    for (const line of fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[1].endsWith(`:${port}`) && f[3] === '01') inodes.add(f[9]);
    }
    const split = [];
    for (const { pid } of serverProcesses()) {
      let n = 0;
      try {
        for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
          const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
          if (m && inodes.has(m[1])) n++;
        }
      } catch {}
      if (n > 0) split.push(n);
    }
    return split.sort((a, b) => b - a);
  } catch {
    return null;
  }
}

try {
  const health = await waitFor(`${base}/api/health`, 120_000);
  // The file the server answers from: REGISTRY_DB, else the built-in one npm start built.
  const builtIn = path.join(root, 'data', process.env.REGISTRY === 'demo' ? 'demo-registry.sqlite' : 'licence-registry.sqlite');
  const outlets = loadOutlets(process.env.REGISTRY_DB ? path.resolve(root, process.env.REGISTRY_DB) : builtIn);
  if (outlets.length === 0) throw new Error('the registry has no staffed outlet to write texts from');
  const texts = textsFrom(outlets);
  const nextBody = () => JSON.stringify({ text: texts.next().value });

  // The shared link: the first outlet's address with an office floor, as a crowd would get it.
  const shared = await (await fetch(`${base}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `我是${outlets[0].bank}信贷经理，请到${outlets[0].address}18楼1803室签约` }) })).json();
  if (!shared.shareUrl) throw new Error(`POST /api/check answered no shareUrl: ${JSON.stringify(shared).slice(0, 200)}`);
  const pagePath = new URL(shared.shareUrl).pathname + new URL(shared.shareUrl).search;

  // The result page's first-load JavaScript (map closed): every script the HTML loads, gzipped
  // (level 9, as test/e2e/home.spec.ts measures it).
  const html = await (await fetch(`${base}${pagePath}`)).text();
  // The preview image, as the page itself names it (og:image), whatever a link carries.
  const ogImage = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  if (!ogImage) throw new Error('the result page names no og:image');
  const ogPath = new URL(ogImage).pathname + new URL(ogImage).search;
  // (noModule scripts are polyfills that a browser with modules, any phone's today, skips.)
  const scripts = [...new Set([...html.matchAll(/<script[^>]+>/g)].map((m) => m[0]).filter((tag) => !/\bnoModule\b/i.test(tag)).map((tag) => /src="([^"]+)"/.exec(tag)?.[1]).filter(Boolean))];
  let jsGzip = 0;
  let mapInFirstLoad = false;
  for (const src of scripts) {
    const js = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    jsGzip += zlib.gzipSync(js, { level: 9 }).length;
    if (js.includes('leaflet-container')) mapInFirstLoad = true;
  }

  const check = { method: 'POST', path: '/api/check', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: nextBody() }) };
  const page = { method: 'GET', path: pagePath };
  const og = { method: 'GET', path: ogPath };
  const SCENARIOS = { check: [check], page: [page], og: [og], mix: [page, og, page, check] };

  console.log(`bench:api — ${PLAIN_NEXT ? 'plain next start (one process)' : `npm start's server (${WORKERS || os.availableParallelism()} worker(s), CLUSTER_SCHEDULING=${process.env.CLUSTER_SCHEDULING || '(default)'}, as serve.mjs says if it falls back; WORKER_NODE_FLAGS=${process.env.WORKER_NODE_FLAGS ?? '(default)'})`}, loopback, rate limit off`);
  console.log(`  registry ${health.registry.version}${health.registry.demo ? ' (demo)' : ''}, ${health.registry.outlets} outlets; texts written from ${outlets.length} of its outlets, all different`);
  console.log(`  machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} before (figures are only as quiet as the machine)`);
  console.log(`  ${DURATION} s per row after a ${WARMUP} s warm-up per scenario; about ${Math.ceil(planned / 60)} min in all`);
  console.log(`  result page first-load JS, map closed: ${(jsGzip / 1024).toFixed(1)} KB gzip in the ${scripts.length} scripts its HTML loads (goal ≤ 180 KB)${mapInFirstLoad ? '; MAP CODE AMONG THEM' : ', no map code among them'}`);
  console.log('    (what a browser loads after them, and that the map comes only when opened: test/e2e/home.spec.ts)');
  console.log(`  page: ${pagePath.slice(0, 60)}…   og: ${ogPath.slice(0, 50)}…`);
  const table = [];
  for (const name of ONLY) {
    const requests = SCENARIOS[name];
    if (!requests) throw new Error(`no scenario ${name} (check, page, og, mix)`);
    // Warm-up: the JIT, the registry's pages in memory, the caches of each worker.
    if (WARMUP > 0) await autocannon({ url: base, connections: 32, duration: WARMUP, requests });
    for (const c of CONNECTIONS) {
      const cpu0 = serverCpuSeconds();
      const ticks0 = machineTicks();
      const own0 = process.cpuUsage();
      let split = null;
      const look = setTimeout(() => (split = connectionsPerProcess()), (DURATION * 1000) / 2);
      // (What each error was, to tell a refused answer from a reset or a timeout.)
      const failures = new Map();
      const count = (k) => failures.set(k, (failures.get(k) ?? 0) + 1);
      const run = autocannon({ url: base, connections: c, duration: DURATION, requests, timeout: 10 });
      run.on('reqError', (e) => count(e?.code ?? e?.message ?? String(e)));
      run.on('response', (_client, status) => (status < 200 || status > 299) && count(`HTTP ${status}`));
      const r = await run;
      clearTimeout(look);
      const own = process.cpuUsage(own0);
      const ticks1 = machineTicks();
      const stolen = ticks0 && ticks1 && ticks1.total > ticks0.total ? (100 * (ticks1.steal - ticks0.steal)) / (ticks1.total - ticks0.total) : null;
      const cpuMs = ((serverCpuSeconds() - cpu0) * 1000) / Math.max(1, r.requests.total);
      const clientMs = (own.user + own.system) / 1000 / Math.max(1, r.requests.total);
      // (autocannon counts a timeout among its errors too.)
      const errors = r.errors + r.non2xx;
      const goal = GOALS[`${name}@${c}`];
      const met = goal ? r.requests.average >= goal.rps && r.latency.p99 <= goal.p99 && errors === 0 : null;
      table.push({ name, c, failures, split, cpuMs, stolen, clientMs, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, total: r.requests.total, errors, goal, met });
      process.stderr.write(`  ${name} @${c}: ${r.requests.average.toFixed(0)} req/s\n`);
    }
  }
  console.log('');
  console.log('| scenario | conns | per worker | requests/s | p50 ms | p99 ms | max ms | requests | errors | server CPU ms/req | client CPU ms/req | stolen CPU | goal | met |');
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|');
  for (const t of table) {
    const goal = t.goal ? `≥ ${t.goal.rps}/s, p99 ≤ ${t.goal.p99} ms, 0 errors` : '—';
    console.log(`| ${t.name} | ${t.c} | ${t.split?.join('/') ?? '?'} | ${fmt(t.rps.toFixed(0), 6)} | ${t.p50} | ${t.p99} | ${t.max} | ${t.total} | ${t.errors} | ${t.cpuMs.toFixed(2)} | ${t.clientMs.toFixed(2)} | ${t.stolen === null ? '?' : `${t.stolen.toFixed(1)}%`} | ${goal} | ${t.met === null ? '' : t.met ? 'yes' : 'NO'} |`);
  }
  console.log('\n  server CPU ms/req: CPU time of all server processes over requests answered (2 cores give 2,000 ms');
  console.log('  of CPU a second: 2000 / that is the ceiling on requests/s with nothing else running); client: the load generator.');
  console.log('  per worker: the connections each server process held halfway through the row (most first).');
  console.log("  stolen CPU: of the machine's CPU time during the row, the share its host gave to others (virtual machines).");
  for (const t of table) if (t.failures.size) console.log(`  errors in ${t.name} @${t.c}: ${[...t.failures].map(([k, n]) => `${n} × ${k}`).join(', ')}`);
  console.log(`  load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  process.exitCode = table.some((t) => t.met === false || t.errors > 0) || jsGzip > 180 * 1024 || mapInFirstLoad ? 1 : 0;
} finally {
  stop();
}
