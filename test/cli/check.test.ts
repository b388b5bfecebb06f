import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
const cli = (name: string, args: string[], input?: string | Buffer, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(root, 'scripts/cli.mjs'), name, ...args], { cwd: root, input, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
const lines = (out: Buffer) => out.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

let dir: string;
let db: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-cli-'));
  db = path.join(dir, 'demo.sqlite');
  const r = cli('registry-build', ['--manifest', path.join(root, 'data/demo/manifest.json'), '--out', db]);
  expect(r.status, r.stderr.toString()).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('registry:build', () => {
  test('prints an import report per source', () => {
    // (The fixtures name a missing file on purpose: a partial build needs --allow-missing.)
    const r = cli('registry-build', ['--manifest', path.join(root, 'data/fixtures/registry/manifest.json'), '--out', path.join(dir, 'fx.sqlite'), '--allow-missing']);
    expect(r.status).toBe(0);
    const out = r.stdout.toString();
    expect(out).toMatch(/source outlets\.csv .*\n {2}rows read 8, imported 6, merged duplicates 1, unplaced 1, skipped 1/);
    expect(out).toContain('skipped row 5: no address');
    expect(out).toContain('ERROR: ENOENT');
  });

  test('without --out it says what is missing and exits 2', () => {
    const r = cli('registry-build', ['--manifest', 'x.json']);
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toContain('missing --out');
  });
});

describe('check --jsonl', () => {
  test('one object per line, in order, with the contract keys first', () => {
    const r = cli('check', ['--jsonl'], '建设银行 深圳市福田区演示大道88号示例金融大厦一楼\n建设银行 深圳市福田区演示大道88号示例金融大厦18楼1803室\n', { REGISTRY_DB: db });
    expect(r.status).toBe(0);
    const [a, b] = lines(r.stdout);
    expect(Object.keys(a).slice(0, 6)).toEqual(['input', 'verdict', 'parsed', 'matches', 'reasons', 'registry']);
    expect(a.verdict).toBe('registered_branch');
    expect(b.verdict).toBe('office_floor');
    expect(Object.keys(a.matches[0]).slice(0, 6)).toEqual(['bank', 'name', 'address', 'floors', 'kind', 'source']);
    expect(a.reasons[0]).toEqual({ code: 'demo_registry', message: expect.any(String), messageEn: expect.any(String) });
    expect(a.registry.version).toMatch(/^2026-11-01\./);
    expect(a.parsed).toMatchObject({ roadNo: '88号', floors: [1] });
  });

  test('bad lines get an error object each; no line is lost', () => {
    const input = Buffer.concat([Buffer.from('\n'), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from(`${'楼'.repeat(3000)}\n`), Buffer.from('建设银行 深圳市福田区演示大道200号')]);
    const out = lines(cli('check', ['--jsonl'], input, { REGISTRY_DB: db }).stdout);
    expect(out.map((o) => o.error?.code ?? o.verdict)).toEqual(['empty', 'invalid_utf8', 'too_long', 'not_registered']);
  });

  test('without REGISTRY_DB, REGISTRY=demo uses the demo registry', () => {
    const out = lines(cli('check', ['--jsonl'], '建设银行 深圳市福田区演示大道88号示例金融大厦一楼\n', { REGISTRY_DB: '', REGISTRY: 'demo' }).stdout);
    expect(out[0].registry.demo).toBe(true);
  });

  test('a REGISTRY_DB that does not exist is a clear error', () => {
    const r = cli('check', ['--jsonl'], 'x\n', { REGISTRY_DB: path.join(dir, 'nope.sqlite') });
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toContain('no such file');
  });
});

describe('check "<text>"', () => {
  test('prints the verdict, the reasons and the official number', () => {
    const r = cli('check', ['我是建行信贷经理，请到深圳市福田区演示大道88号示例金融大厦18楼1803室签合同'], undefined, { REGISTRY_DB: db });
    const out = r.stdout.toString();
    expect(out).toContain('[office_floor]');
    expect(out).toContain('95533');
    expect(out).toContain('18楼');
  });
});
