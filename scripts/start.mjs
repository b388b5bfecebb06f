#!/usr/bin/env node
// npm start: build the app if it was never built or its sources changed since, build the default
// registry if needed, then serve it with one worker per core (scripts/serve.mjs; WEB_CONCURRENCY
// sets the count). PORT, -p/--port, and HOSTNAME or -H/--hostname are honoured as by `next start`.
// --build-only builds when needed and stops there.
// (A plain Node launcher: it reads HOSTNAME and NODE_OPTIONS from process.env itself and passes
// the environment on; the app checks its settings in lib/settings/env.ts.)
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const next = path.join(root, 'node_modules', '.bin', 'next');

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

const buildId = path.join(root, '.next', 'BUILD_ID');
const sources = ['app', 'lib', 'i18n', 'messages', 'public', 'proxy.ts', 'instrumentation.ts', 'package.json', 'next.config.js', 'tsconfig.json'].map((p) => newest(path.join(root, p)));
if (!fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < Math.max(...sources)) {
  const b = spawnSync(next, ['build'], { cwd: root, env, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
if (process.argv.includes('--build-only')) process.exit(0);
// The default registry (the licence snapshot in data/licences) is built before serving, once.
const reg = spawnSync(process.execPath, [path.join(root, 'scripts', 'cli.mjs'), 'registry-ensure'], { cwd: root, env, stdio: 'inherit' });
if (reg.status !== 0) process.exit(reg.status ?? 1);
const args = [...process.argv.slice(2)];
// `next start` alone listens on every interface: HOSTNAME says where, unless -H is given.
if (process.env.HOSTNAME && !args.some((a) => a === '-H' || a.startsWith('--hostname'))) args.push('-H', process.env.HOSTNAME);
// The socket's address for the rate limit (scripts/peer-address.cjs); GETs up to 64 KB reach the app, which answers a long one with its own 414.
env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--require "${path.join(root, 'scripts', 'peer-address.cjs')}"`, '--max-http-header-size=65536'].filter(Boolean).join(' ');
const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), ...args], { cwd: root, env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
