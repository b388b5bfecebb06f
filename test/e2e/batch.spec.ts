import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EXAMPLES } from './examples';

test('the batch page checks pasted lines, shows progress and a table, and downloads a CSV', async ({ page }) => {
  await page.goto('/batch');
  const lines = Object.values(EXAMPLES);
  await page.locator('#batch-input').fill(lines.join('\n') + '\n\n');
  await page.getByRole('button', { name: '开始核验' }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('完成 6 条');
  const rows = page.locator('table.results tbody tr');
  await expect(rows).toHaveCount(6);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-verdict')))).toEqual(Object.keys(EXAMPLES));
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  // Each row links to its own result page.
  await expect(rows.nth(1).locator('a')).toHaveAttribute('href', /\/r\?a=/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  const csvLines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(csvLines).toHaveLength(7);
  expect(csvLines[1]).toContain('registered_branch');
  expect(csvLines[2]).toContain('office_floor');
});

test('a CSV upload fills the lines from its address column, formulas neutralised on the way out', async ({ page }) => {
  const file = path.join(os.tmpdir(), `batch-${process.pid}.csv`);
  fs.writeFileSync(file, `\uFEFF编号,地址\n1,"${EXAMPLES.office_floor.replace(/"/g, '""')}"\n2,=HYPERLINK("http://x")\n3,${EXAMPLES.not_registered}\n`);
  await page.goto('/batch');
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.locator('#batch-input')).toHaveValue(`${EXAMPLES.office_floor}\n=HYPERLINK("http://x")\n${EXAMPLES.not_registered}`);
  await page.getByRole('button', { name: '开始核验' }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('完成 3 条');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  fs.rmSync(file, { force: true });
});

test('1,000 lines run through, and more are refused with a message', async ({ page }) => {
  await page.goto('/batch');
  const texts = Array.from({ length: 1001 }, (_, i) => `深圳市福田区演示大道${i + 1}号`);
  await page.locator('#batch-input').fill(texts.join('\n'));
  await page.getByRole('button', { name: '开始核验' }).click();
  await expect(page.locator('p.form-error[role=alert]')).toContainText('1000');
  await expect(page.getByTestId('batch-status')).toHaveText('完成 1000 条', { timeout: 20_000 });
  await expect(page.locator('table.results tbody tr')).toHaveCount(1000);
});

test('nothing to check says so', async ({ page }) => {
  await page.goto('/batch');
  await page.getByRole('button', { name: '开始核验' }).click();
  await expect(page.locator('p.form-error[role=alert]')).toBeVisible();
});
