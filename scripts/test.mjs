#!/usr/bin/env node
// npm test: every test, unit (Vitest) then end-to-end (Playwright in Debian's Chromium), and one
// plain closing line of the total, "N passed, N failed", that CI can read.
// (A plain Node script, not the app: CHROMIUM_PATH is read from process.env here.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, '.cache');
fs.mkdirSync(cache, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const vitestJson = path.join(cache, 'vitest-results.json');
const playwrightJson = path.join(cache, 'playwright-results.json');
for (const f of [vitestJson, playwrightJson]) fs.rmSync(f, { force: true });

const only = process.argv[2]; // "unit" or "e2e" to run one half

// The end-to-end half drives Debian's Chromium. On a fresh machine, install it (and the CJK
// fonts that screenshots need) when we may; otherwise say what is missing.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (only !== 'unit' && !fs.existsSync(chromium)) {
  const root_ = process.getuid?.() === 0;
  if (root_ && fs.existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing chromium and fonts-noto-cjk with apt-get');
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', 'chromium', 'chromium-l10n', 'fonts-noto-cjk'], { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else console.log(`Chromium is missing at ${chromium}: install Debian's chromium (apt-get install chromium chromium-l10n fonts-noto-cjk) or set CHROMIUM_PATH`);
}
// Types first: every TypeScript file in the repository (the app, tests, tools), counted as one test.
let typecheck = null;
if (!only) {
  typecheck = ['tsconfig.json', 'extension/tsconfig.json'].every((p) => spawnSync(bin('tsc'), ['--noEmit', '-p', p], { cwd: root, env, stdio: 'inherit' }).status === 0);
  console.log(typecheck ? 'typecheck: ok' : 'typecheck: FAILED');
}
if (only !== 'e2e') {
  spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], { cwd: root, env, stdio: 'inherit' });
}
if (only !== 'unit') {
  spawnSync(bin('playwright'), ['test'], { cwd: root, env, stdio: 'inherit' });
}

let passed = 0, failed = 0, skipped = 0;
if (typecheck !== null) typecheck ? passed++ : failed++;
const missing = [];
if (only !== 'e2e') {
  if (fs.existsSync(vitestJson)) {
    const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
    passed += v.numPassedTests;
    // A file that failed without a failing test (it did not load, or a hook threw) is one
    // failure more; numFailedTestSuites is not that: it counts each describe around a failure.
    const brokenFiles = (v.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
    failed += v.numFailedTests + brokenFiles;
    skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  } else missing.push('vitest');
}
if (only !== 'unit') {
  if (fs.existsSync(playwrightJson)) {
    const s = JSON.parse(fs.readFileSync(playwrightJson, 'utf8')).stats;
    passed += s.expected + (s.flaky ?? 0);
    failed += s.unexpected;
    skipped += s.skipped;
  } else missing.push('playwright');
}
// A runner that wrote no results failed as a whole: count it as a failure, never as a pass.
failed += missing.length;
if (missing.length) console.log(`no results from: ${missing.join(', ')}`);
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
