import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { resultPath, openMap, openSections } from './examples';

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"\'><svg onload=window.__pwned=3> 深圳市福田区演示大道88号示例金融大厦18楼';

test('user text is shown as text, never run as HTML, on the result page', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    return d.dismiss();
  });
  await page.goto(resultPath(XSS));
  await expect(page.locator('section.verdict')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('.received')).toHaveText(XSS);
  expect(await page.locator('main img[src=x], main svg[onload]').count()).toBe(0);
  // Opened, the evidence is text too.
  await openSections(page);
  await expect(page.locator('.received')).toHaveText(XSS);
  expect(await page.locator('main img[src=x], main svg[onload]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('Open Graph tags and the title say the verdict and the address as checked, never the rest of the text', async ({ page }) => {
  await page.goto(resultPath(`王工 13812345678 ${XSS} 先交3%手续费`));
  const title = await page.title();
  const og = await page.locator('meta[property^="og:"], meta[name^="twitter:"], meta[name=description]').evaluateAll((ms) => ms.map((m) => m.getAttribute('content') ?? ''));
  expect(title).not.toContain('演示大道');
  for (const s of [title, ...og]) {
    for (const secret of ['<img', 'script', 'onload', '王工', '13812345678', '3%', '手续费']) expect(s).not.toContain(secret);
  }
  // The description is enough on its own: the address as read, the number to call, the registry's date.
  const description = await page.locator('meta[name=description]').getAttribute('content');
  expect(description).toContain('深圳市福田区演示大道88号示例金融大厦18楼');
  expect(description).toContain('95533');
  expect(description).toMatch(/截至 \d{4}-\d{2}-\d{2}/);
  expect(og.some((s) => /\/api\/og\?[abt]=/.test(s))).toBe(true);
});

test('the batch table shows text as text', async ({ page }) => {
  await page.goto('/batch');
  await page.locator('#batch-input').fill(XSS);
  await page.getByRole('button', { name: '开始核验' }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('完成 1 条');
  await expect(page.locator('table.results td.text')).toHaveText(XSS);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('pages carry a content security policy that admits the tile host and nothing inline without a nonce', async ({ request }) => {
  const res = await request.get('/');
  const csp = res.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toMatch(/img-src [^;]*https:\/\/webrd01\.is\.autonavi\.com/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  // A fresh nonce for every page.
  const again = (await request.get('/')).headers()['content-security-policy'];
  expect(again).not.toBe(csp);
  const h = res.headers();
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['x-powered-by']).toBeUndefined();
});

test('no script violates the policy on a result page with its map', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(resultPath('我是建设银行信贷经理，请到深圳市福田区演示大道88号示例金融大厦18楼签约'), { waitUntil: 'networkidle' });
  await openMap(page);
  await page.getByTestId('map').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('map').locator('path.marker-claimed')).toHaveCount(1);
  expect(violations).toEqual([]);
});

// Playwright starts the server with its output in this file and LOG_HASH_KEY set (playwright.config.ts).
const SERVER_LOG = '.cache/e2e-server.log';
const hashOf = (text: string) => createHmac('sha256', 'e2e-log-key').update(text).digest('hex').slice(0, 16);

test('what a person sends is never written to the server log in clear', async ({ page, request }) => {
  const marker = `深圳市福田区演示大道${Date.now() % 100000}号标记大厦`;
  await page.goto(resultPath(marker));
  await request.post('/api/check', { headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.200' }, data: { text: marker } });
  await request.get(`/api/check?text=${encodeURIComponent(marker)}`, { headers: { 'x-forwarded-for': '192.0.2.201' } });
  await request.post('/api/batch', { headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.202' }, data: { texts: [marker] } });
  // The events are there, as keyed hashes (page, POST and GET), and the text is not, in any form we send it in.
  await expect.poll(() => fs.readFileSync(SERVER_LOG, 'utf8').split('\n').filter((l) => l.includes(hashOf(marker))).length).toBeGreaterThanOrEqual(3);
  const log = fs.readFileSync(SERVER_LOG, 'utf8');
  for (const form of [marker, encodeURIComponent(marker), Buffer.from(marker).toString('base64url'), '标记大厦']) expect(log).not.toContain(form);
});
