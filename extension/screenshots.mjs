#!/usr/bin/env node
// Screenshots of the extension's popup (after a context-menu check) and options page, in
// Chinese and English, for a person to look at: node extension/screenshots.mjs [server] [outDir].
// Needs a running app (npm start) and Debian's Chromium with chromium-l10n for Chinese.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const server = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = path.resolve(process.argv[3] ?? 'screenshots');
const build = path.resolve('.cache', 'extension-shots');
execFileSync(process.execPath, ['extension/build.mjs', '--server', server, '--out', build, '--target', 'chrome', '--no-zip'], { stdio: 'inherit' });
const dir = path.join(build, 'chrome');
fs.mkdirSync(out, { recursive: true });
const TEXT = '王经理：明天上午请到深圳市福田区演示大道88号示例金融大厦18楼1803室签合同，先交服务费';

for (const lang of ['zh-CN', 'en-US']) {
  const context = await chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: lang,
    viewport: { width: 380, height: 600 },
    args: ['--no-sandbox', `--lang=${lang}`, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  // As the context menu leaves it: the popup picks the text up and checks it.
  await worker.evaluate((text) => chrome.storage.session.set({ pending: { text, at: Date.now() } }), TEXT);
  await page.goto(`chrome-extension://${id}/popup.html`);
  await page.waitForSelector('[data-verdict], #result .error');
  await page.screenshot({ path: path.join(out, `extension-popup-${lang}.png`), fullPage: true });
  await page.goto(`chrome-extension://${id}/popup.html`);
  await page.screenshot({ path: path.join(out, `extension-popup-empty-${lang}.png`), fullPage: true });
  await page.setViewportSize({ width: 800, height: 420 });
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.fill('#server', 'http://example.org');
  await page.click('button[type=submit]');
  await page.screenshot({ path: path.join(out, `extension-options-${lang}.png`) });
  await context.close();
}
console.log(`extension screenshots in ${path.relative(process.cwd(), out)}/`);
