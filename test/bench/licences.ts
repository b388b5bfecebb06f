/**
 * The licence registry's figures for npm run bench: registry:build of the committed snapshot
 * (the default registry), its size, one check in-process against it, and with --fresh the
 * app's time to its first answer on a fresh clone (next build, registry build, first check).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { check } from '../../lib/check';
import { openRegistry } from '../../lib/registry/registry';
import { rng } from '../eval/rng';

const root = path.resolve(__dirname, '../..');
const work = path.join(root, '.cache', 'bench');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Texts as people send them, from the registry's own licensed addresses. */
function textsFrom(db: string, n: number): string[] {
  const registry = openRegistry(db);
  const rows = registry.db
    .prepare("SELECT o.bank, a.address FROM outlets o JOIN addresses a ON a.outlet_id = o.id WHERE a.address != '' ORDER BY o.id")
    .all() as { bank: string; address: string }[];
  const r = rng(20261201);
  const out: string[] = [];
  const forms = [
    (b: string, a: string) => `${b} ${a}`,
    (b: string, a: string) => `我是${b}信贷经理，请到${a}18楼1803室签合同`,
    (b: string, a: string) => `【${b}】请到${a}办理`,
    (_b: string, a: string) => a,
    (_b: string, a: string) => `${a.replace(/\d+号/, (m) => `${Number.parseInt(m, 10) + 2}号`)} 招商银行`,
  ];
  for (let i = 0; i < n; i++) {
    const x = rows[Math.floor(r() * rows.length)];
    out.push(forms[i % forms.length](x.bank, x.address));
  }
  return out;
}

async function firstAnswer(): Promise<number | null> {
  // A fresh clone of the committed tree, with the installed packages linked in (npm ci is not timed).
  const fresh = path.join(work, 'fresh');
  fs.rmSync(fresh, { recursive: true, force: true });
  if (spawnSync('git', ['clone', '-q', root, fresh]).status !== 0) return null;
  spawnSync('cp', ['-al', path.join(root, 'node_modules'), path.join(fresh, 'node_modules')]);
  const port = 3390;
  const t0 = Date.now();
  const child = spawn(process.execPath, ['scripts/start.mjs', '-p', String(port), '-H', '127.0.0.1'], { cwd: fresh, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', REGISTRY_DB: '', REGISTRY: '' }, stdio: 'ignore', detached: true });
  try {
    for (let i = 0; i < 900; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '工行 湖北省随州市烈山大道164号' }) });
        if (res.ok) return (Date.now() - t0) / 1000;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    return null;
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
}

export async function benchLicences(withFresh: boolean): Promise<string[]> {
  fs.mkdirSync(work, { recursive: true });
  const db = path.join(work, 'licences.sqlite');
  spawnSync('npm', ['run', '--silent', 'registry:build', '--', '--help'], { cwd: root });
  const t = process.hrtime.bigint();
  const build = spawnSync('npm', ['run', '--silent', 'registry:build', '--', '--manifest', path.join(root, 'data', 'licences', 'manifest.json'), '--out', db], { cwd: root, maxBuffer: 64 << 20 });
  const buildSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (build.status !== 0) throw new Error(`registry:build of the licence snapshot failed: ${build.stderr}`);
  const total = /total: .*/.exec(build.stdout.toString())?.[0] ?? '';
  const snapshot = ['in-use.csv.gz', 'exited.csv.gz'].reduce((n, f) => n + fs.statSync(path.join(root, 'data', 'licences', f)).size, 0);
  const registry = openRegistry(db);
  const texts = textsFrom(db, 10_000);
  for (const text of texts.slice(0, 1000)) check(text, registry);
  const times: number[] = [];
  for (const text of texts) {
    const t0 = performance.now();
    check(text, registry);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const lines = [
    `\nThe licence registry (the default: ${registry.info.outlets.toLocaleString('en')} licences from the snapshot in data/licences, ${(snapshot / 1e6).toFixed(1)} MB)`,
    `registry:build (whole process)        ${buildSeconds.toFixed(1)} s, ${(fs.statSync(db).size / 1e6).toFixed(0)} MB   goal ≤ 30 s`,
    `  ${total}`,
    `one check, in-process (${times.length} texts)  median ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms, max ${times[times.length - 1].toFixed(1)} ms   goal median ≤ 1 ms, p99 ≤ 10 ms`,
  ];
  if (withFresh) {
    const s = await firstAnswer();
    lines.push(`fresh clone: npm start to the first answer  ${s === null ? 'no answer in 15 min' : `${s.toFixed(0)} s`} (next build, registry build, first check; npm ci not counted)`);
  } else lines.push('(npm run bench -- --fresh also times a fresh clone to its first answer)');
  return lines;
}
