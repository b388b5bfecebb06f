#!/usr/bin/env node
// The result page's height at 390 px (sections closed) and where the call button and the
// signals sit, for each verdict: node scripts/measure-result.mjs [baseUrl].
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const enc = (s) => Buffer.from(s, 'utf8').toString('base64url');
const EXAMPLES = JSON.parse(fs.readFileSync(new URL('../data/demo/examples.json', import.meta.url), 'utf8'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const lang of ['zh', 'en']) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: base }]);
  const page = await context.newPage();
  for (const [verdict, text] of Object.entries(EXAMPLES)) {
    await page.goto(`${base}/r?t=${enc(text)}`, { waitUntil: 'networkidle' });
    const m = await page.evaluate(() => {
      const bottom = (sel) => {
        const el = document.querySelector(sel);
        return el ? Math.round(el.getBoundingClientRect().bottom + scrollY) : null;
      };
      return { height: document.documentElement.scrollHeight, call: bottom('a.call'), signals: bottom('.signals') };
    });
    console.log(`${lang} ${verdict.padEnd(18)} height ${m.height}  call ends ${m.call}  signals end ${m.signals}`);
  }
  await context.close();
}
await browser.close();
