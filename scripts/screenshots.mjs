#!/usr/bin/env node
// Screenshots of every page at phone (390 px) and desktop (1280 px) width, for a person to
// look at: node scripts/screenshots.mjs [baseUrl] [outDir]. Needs Debian's Chromium and a
// running app (npm start).
// (A plain Node script, not the app: LANG_COOKIE and OFFLINE are read from process.env here.)
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? 'screenshots';
fs.mkdirSync(out, { recursive: true });
const enc = (s) => Buffer.from(s, 'utf8').toString('base64url');
// One text per verdict, as the home page offers them for the demo registry.
const EXAMPLES = JSON.parse(fs.readFileSync(new URL('../data/demo/examples.json', import.meta.url), 'utf8'));
// Beyond the examples: a message full of fee and channel talk, and gibberish (nothing to check).
const FEES = '您好，我是建设银行信贷经理，您是我行白名单客户，可走内部渠道，请到深圳市福田区演示大道88号示例金融大厦18楼1803室签约，先交3%服务费和保证金，并把收到的验证码告诉我。';
const GIBBERISH = 'asdkj ;;; 12 qwe ~~~ 哈哈 !!!';
const pages = [
  ['home', '/'],
  ...Object.entries(EXAMPLES).map(([k, v]) => [`result-${k}`, `/r?t=${enc(v)}`]),
  ['result-fees', `/r?t=${enc(FEES)}`],
  ['result-gibberish', `/r?t=${enc(GIBBERISH)}`],
  ['batch', '/batch'],
  ['about', '/about'],
];
const lang = process.env.LANG_COOKIE ?? 'zh';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const [width, height, tag] of [[390, 844, 'phone'], [1280, 900, 'desktop']]) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, locale: 'zh-CN' });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: base }]);
  // No tiles in screenshots: the map must read without them.
  if (process.env.OFFLINE !== '0') await context.route(/tile\.openstreetmap\.org|autonavi/, (r) => r.abort());
  const page = await context.newPage();
  for (const [name, p] of pages) {
    await page.goto(base + p, { waitUntil: 'networkidle' });
    if (name === 'batch') {
      await page.fill('#batch-input', Object.values(EXAMPLES).join('\n'));
      await page.click('button:has-text("开始核验"), button:has-text("Check all")');
      await page.waitForSelector('[data-testid=batch-status]');
      await page.waitForTimeout(800);
    }
    await page.evaluate(() => document.querySelector('nextjs-portal')?.remove());
    await page.screenshot({ path: path.join(out, `${name}-${tag}-${lang}.png`), fullPage: name !== 'home' ? false : true });
    if (name.startsWith('result') || name === 'about' || name === 'batch') await page.screenshot({ path: path.join(out, `${name}-${tag}-${lang}-full.png`), fullPage: true });
  }
  await context.close();
}
// The preview image a family member sees in WeChat, in the page's language.
for (const [name, text] of [['office_floor', EXAMPLES.office_floor], ['fees', FEES]]) {
  const res = await fetch(`${base}/api/og?t=${enc(text)}&l=${lang}`);
  fs.writeFileSync(path.join(out, `og-${name}-${lang}.png`), Buffer.from(await res.arrayBuffer()));
}
await browser.close();
console.log(`screenshots in ${out}/`);
