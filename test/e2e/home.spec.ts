import { expect, test } from '@playwright/test';

test('the home page opens in Simplified Chinese with its name and a place to paste', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/真网点/);
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('真网点');
  await expect(page.getByRole('textbox')).toBeVisible();
});

test('pasting an address shows its parts, full-width digits read as digits', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox').fill('深圳市福田区深南大道６００８号特区报业大厦18楼1803室');
  await page.getByRole('button', { name: '核验' }).click();
  const parts = page.locator('dl.parts');
  await expect(parts.locator('dt', { hasText: '门牌' }).locator('xpath=following-sibling::dd[1]')).toHaveText('6008号');
  await expect(parts.locator('dt', { hasText: '楼层' }).locator('xpath=following-sibling::dd[1]')).toHaveText('18');
  await expect(parts.locator('dt', { hasText: '房间' }).locator('xpath=following-sibling::dd[1]')).toHaveText('1803');
});

test('an empty submission gets a clear message', async ({ page }) => {
  await page.goto('/?q=%20%20');
  // (Next.js has its own route announcer with role=alert, hence the tag.)
  await expect(page.locator('p[role=alert]')).toContainText('没有内容');
});
