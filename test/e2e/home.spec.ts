import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import { openMap } from './examples';

test('the home page opens in Simplified Chinese: one box, one button, examples, what it can and cannot tell', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/真网点/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('这是真的银行网点吗？');
  await expect(page.getByRole('textbox')).toHaveCount(1);
  await expect(page.getByRole('button', { name: '核验', exact: true })).toBeVisible();
  await expect(page.locator('.example')).toHaveCount(6);
  await expect(page.getByText(/^不能：/)).toBeVisible();
});

test('an example opens its result', async ({ page }) => {
  await page.goto('/');
  const first = page.locator('.example').first();
  const verdict = await first.getAttribute('data-verdict');
  await first.click();
  await expect(page.locator('section.verdict')).toHaveAttribute('data-verdict', verdict!);
});

test('English by a visible switch, remembered across pages', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Is this really a bank branch?');
  await page.getByRole('link', { name: 'Batch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('bad input in the box gets a clear message and the page keeps working', () => {
  test('empty', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: '核验', exact: true }).click();
    await expect(page.locator('#text-error')).toHaveText('请先粘贴地址或消息。');
    await page.getByRole('textbox').fill('深圳市福田区演示大道88号');
    await expect(page.locator('#text-error')).toHaveCount(0);
  });

  for (const [name, query, message] of [
    ['blank by GET', '/r?q=%20%20', '没有内容'],
    ['a broken link', '/r?t=%%%', '没有找到'],
    ['too long by GET', `/r?q=${encodeURIComponent('深'.repeat(1000) + 'a'.repeat(1100))}`, '2000'],
    ['binary by GET', `/r?q=${encodeURIComponent('\u0000\u0001\u0002abc\u0000')}`, ''],
  ] as const) {
    test(name, async ({ page }) => {
      const res = await page.goto(query);
      expect(res!.status()).toBe(200);
      await expect(page.locator('p.form-error[role=alert]')).toContainText(message);
      await expect(page.getByRole('textbox')).toBeVisible();
    });
  }
});

test('home and result page JavaScript is within 180 KB compressed, and the map code is not part of it', async ({ page, request }) => {
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.add(r.url());
  });
  await page.goto('/', { waitUntil: 'networkidle' });
  let gzipped = 0;
  let leaflet = false;
  for (const url of scripts) {
    const body = await (await request.get(url)).body();
    gzipped += zlib.gzipSync(body, { level: 9 }).length;
    if (body.includes('leaflet-container')) leaflet = true;
  }
  console.log(`home page: ${scripts.size} scripts, ${(gzipped / 1024).toFixed(1)} KB gzip`);
  expect(scripts.size).toBeGreaterThan(0);
  expect(gzipped).toBeLessThanOrEqual(180 * 1024);
  expect(leaflet).toBe(false);

  // The result page, map closed: within the same 180 KB, no map code either; opening the map
  // loads it (so the checks above can tell).
  const resultScripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') resultScripts.push(r.url());
  });
  await page.goto('/r?q=' + encodeURIComponent('建设银行 深圳市福田区演示大道88号示例金融大厦一楼'), { waitUntil: 'networkidle' });
  const firstLoad = await Promise.all(resultScripts.map(async (u) => (await request.get(u)).body()));
  const resultGzip = firstLoad.reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0);
  console.log(`result page, map closed: ${firstLoad.length} scripts, ${(resultGzip / 1024).toFixed(1)} KB gzip`);
  expect(resultGzip).toBeLessThanOrEqual(180 * 1024);
  expect(firstLoad.some((b) => b.includes('leaflet-container'))).toBe(false);
  const before = resultScripts.length;
  await openMap(page);
  await expect(page.getByTestId('map').locator('.leaflet-container')).toBeVisible();
  const opened = await Promise.all(resultScripts.slice(before).map(async (u) => (await request.get(u)).body()));
  expect(opened.some((b) => b.includes('leaflet-container'))).toBe(true);
});
