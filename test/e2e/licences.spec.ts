import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The licence registry's own reasons on the result page, in Chinese and English: partial
 * coverage (an address not among the licences held is not_covered, saying how many are held),
 * a withdrawn licence and an outlet's previous address (not_registered, with the date or the
 * current address), and the licence a registered outlet holds. On a server of its own, with the
 * hand-written licence fixtures (data/fixtures/licences, in the regulator's export format).
 */
const PORT = Number(process.env.E2E_LICENCE_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2);
const BASE = `http://127.0.0.1:${PORT}`;
const root = path.resolve(__dirname, '../..');
let server: ChildProcess;
let dir: string;

const page = (text: string) => `${BASE}/r?t=${Buffer.from(text).toString('base64url')}`;

test.describe('the licence registry on the result page', () => {
  test.describe.configure({ timeout: 120_000 });

  test.beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-licences-e2e-'));
    const db = path.join(dir, 'licences.sqlite');
    const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'cli.mjs'), 'registry-build', '--manifest', path.join(root, 'data', 'fixtures', 'licences', 'manifest.json'), '--out', db], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '-p', String(PORT), '-H', '127.0.0.1'], {
      cwd: root,
      env: { ...process.env, WEB_CONCURRENCY: '1', REGISTRY_DB: db, QUIET_LOGS: '1', RATE_LIMIT_PER_MINUTE: '0' },
      stdio: 'ignore',
      detached: true,
    });
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${BASE}/api/health`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the licence-registry server did not start on port ${PORT}`);
  });

  test.afterAll(() => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases = [
    { what: 'partial coverage', text: '建设银行 深圳市福田区新洲路1号', verdict: 'not_covered', zh: ['登记数据收录了中国建设银行在深圳市的部分网点许可证（2 家）', '95533'], en: ['The registry holds some of the licences of China Construction Bank in 深圳市 (2 outlets)'] },
    { what: 'a withdrawn licence', text: '农业银行 深圳市罗湖区关停路9号', verdict: 'not_registered', zh: ['金融许可证已于2020-12-30注销'], en: ['its licence was withdrawn on 2020-12-30'] },
    { what: "an outlet's previous address", text: '建行 深圳市福田区旧样例路5号', verdict: 'not_registered', zh: ['的旧地址，网点已迁至：深圳市福田区样例路20号'], en: ['it moved to: 深圳市福田区样例路20号'] },
  ];
  for (const c of cases) {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      test(`${c.what}, ${locale}`, async ({ browser }) => {
        const context = await browser.newContext({ locale });
        const p = await context.newPage();
        // The language is the site's switch (a cookie), Chinese by default.
        const target = page(c.text).slice(BASE.length);
        await p.goto(locale === 'en-US' ? `${BASE}/lang?to=en&back=${encodeURIComponent(target)}` : `${BASE}${target}`);
        await expect(p.locator('[data-verdict]')).toHaveAttribute('data-verdict', c.verdict);
        // The reasons are in a section a person opens: open them all, then read the page.
        for (const summary of await p.locator('details.fold > summary').all()) await summary.click();
        const body = await p.locator('main').innerText();
        for (const words of locale === 'zh-CN' ? c.zh : c.en) expect(body).toContain(words);
        await context.close();
      });
    }
  }

  test('the API cites the licence of a registered outlet', async () => {
    const r = await (await fetch(`${BASE}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '工行 湖北省随州市曾都区示例大道100号' }) })).json();
    expect(r.verdict).toBe('registered_branch');
    expect(r.matches[0].licence).toMatchObject({ code: 'B0001S342130901', serial: '00900901', issuedAt: '2020-08-17', authority: '随州银保监分局' });
  });
});
