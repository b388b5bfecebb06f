#!/usr/bin/env node
// Renders app/icon.svg to the extension's PNG icons with Debian's Chromium. Run by hand when
// the icon changes; the PNGs are committed (node extension/make-icons.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = fs.readFileSync(path.join(here, '..', 'app', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: path.join(here, 'static', 'icons', `icon-${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
console.log('icons written to extension/static/icons');
