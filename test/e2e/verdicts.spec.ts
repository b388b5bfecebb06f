import { expect, test } from '@playwright/test';
import { EXAMPLES, resultPath, type Verdict, openSections } from './examples';

/** What the result page must show for each verdict, beyond the verdict itself. */
const EXPECT: Record<Verdict, { title: string; line: RegExp; hotline: string | null; matches: number; registered?: RegExp; nearest: boolean; map: boolean }> = {
  registered_branch: { title: '是登记的银行网点', line: /中国建设银行登记的营业网点/, hotline: '95533', matches: 1, registered: /演示大道88号示例金融大厦1-2层/, nearest: false, map: true },
  office_floor: { title: '不是银行网点：是同一栋楼的其他楼层', line: /网点在这栋楼的1-2层，你收到的地址在18楼/, hotline: '95533', matches: 1, registered: /1-2层/, nearest: true, map: true },
  bank_mismatch: { title: '这里是另一家银行的网点', line: /登记的是中国建设银行的网点，中国工商银行的工作人员不在这里办公/, hotline: '95588', matches: 1, nearest: true, map: true },
  not_registered: { title: '这里没有登记的银行网点', line: /中国建设银行在这个地址没有登记的网点/, hotline: '95533', matches: 0, nearest: true, map: true },
  not_covered: { title: '无法判断：没有这家银行在此地区的数据', line: /没有平安银行在这一地区的数据/, hotline: '95511', matches: 0, nearest: false, map: true },
  insufficient: { title: '没有找到可以核验的地址', line: /没有具体地址/, hotline: null, matches: 0, nearest: false, map: false },
};

for (const [verdict, text] of Object.entries(EXAMPLES) as [Verdict, string][]) {
  test(`pasting a text gives ${verdict}`, async ({ page }) => {
    const want = EXPECT[verdict];
    await page.goto('/');
    await page.getByLabel('收到的地址或整条消息').fill(text);
    await page.getByRole('button', { name: '核验', exact: true }).click();
    await page.waitForURL(/\/r\?t=/);

    const banner = page.locator('section.verdict');
    await expect(banner).toHaveAttribute('data-verdict', verdict);
    await expect(banner.locator('.title .words')).toHaveText(want.title);
    await expect(banner.locator('.line')).toHaveText(want.line);
    // Readable without colour: an icon and words, not a colour alone.
    await expect(banner.locator('.icon')).not.toBeEmpty();

    const call = page.locator('a.call');
    if (want.hotline) await expect(call).toHaveAttribute('href', `tel:${want.hotline}`);
    else await expect(call).toHaveCount(0);

    await expect(page.locator('.demo-banner')).toContainText('演示');
    await expect(page.getByText(/登记数据版本 \S+，截至 2026-11-01/)).toBeVisible();
    if (verdict === 'insufficient') {
      // Nothing to check: what to paste and an example, not an empty table, map or share box.
      await expect(page.getByTestId('paste-help')).toContainText('例如');
      for (const id of ['received-section', 'parts-section', 'map-section', 'share-row', 'share-section']) await expect(page.getByTestId(id)).toHaveCount(0);
      await expect(page.getByLabel('收到的地址或整条消息')).toBeVisible();
      return;
    }
    // The evidence is in sections a person opens.
    await openSections(page);
    await expect(page.getByTestId('match')).toHaveCount(want.matches);
    if (want.registered) await expect(page.getByTestId('match').first()).toContainText(want.registered);
    if (want.nearest) await expect(page.getByTestId('nearest').first()).toBeVisible();
    else await expect(page.getByTestId('nearest')).toHaveCount(0);
    await expect(page.getByTestId('map')).toHaveCount(want.map ? 1 : 0);

    // The text comes back as written, every part marked.
    await expect(page.locator('.received')).toHaveText(text);
    if (want.registered) await expect(page.getByTestId('licensed')).toContainText(want.registered);
    await expect(page.getByText('真正的银行不会让你到其他公司的办公室签约')).toBeVisible();
  });
}

test('the office-floor page shows the floor against the registered floors, and the signals found', async ({ page }) => {
  await page.goto(resultPath(EXAMPLES.office_floor));
  await openSections(page);
  const floor = page.locator('table.parts tr[data-part=floors]');
  await expect(floor.locator('td').nth(1)).toHaveText('18楼');
  await expect(floor.locator('td').nth(2)).toHaveText('1-2层');
  await expect(floor.locator('td').nth(3)).toHaveText('不相符');
  await expect(page.locator('table.parts tr[data-part=building] td').nth(3)).toHaveText('相符');
  await expect(page.locator('.received mark[data-part=floors]')).toHaveAttribute('data-status', 'mismatched');
  await expect(page.locator('.received mark[data-part=building]')).toHaveAttribute('data-status', 'confirmed');
  await expect(page.locator('.signals li')).toContainText(['手续费']);
  // Only the parts that were compared: none "not in the registry" rows.
  await expect(page.locator('table.parts td.status')).toHaveText(Array(await page.locator('table.parts tbody tr').count()).fill(/^(相符|不相符)$/));
});

test('the English page puts the floors in English words', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  const page = await context.newPage();
  await page.goto(resultPath(EXAMPLES.office_floor));
  await openSections(page);
  const floor = page.locator('table.parts tr[data-part=floors]');
  await expect(floor.locator('td').nth(1)).toHaveText('floor 18');
  await expect(floor.locator('td').nth(2)).toHaveText('floors 1-2');
  await context.close();
});

test('on a phone, in both languages, the verdict is on the first screen and nothing overflows', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  for (const [lang, text] of [...Object.values(EXAMPLES).map((t) => ['zh', t] as const), ...Object.values(EXAMPLES).map((t) => ['en', t] as const)]) {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: baseURL! }]);
    await page.goto(resultPath(text));
    const box = await page.locator('section.verdict').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    // Nothing is wider than the screen, nor sticks out of it (the map's own panes aside).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const sticking = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => !e.closest('.leaflet-container') && e.getBoundingClientRect().width > 0)
        .filter((e) => e.getBoundingClientRect().right > innerWidth + 1 || e.getBoundingClientRect().left < -1)
        .map((e) => `${e.tagName}.${e.className}: ${(e.textContent ?? '').slice(0, 30)}`),
    );
    expect(sticking).toEqual([]);
  }
  await context.close();
});

test('a share link opened elsewhere gives the same verdict, checked again', async ({ page, browser }) => {
  await page.goto(resultPath(EXAMPLES.office_floor));
  const link = (await page.getByTestId('share-link').textContent())!.trim();
  // By default the link carries the address and the bank as read, and the signals as codes.
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/r\?a=[A-Za-z0-9_-]+&b=[A-Za-z0-9_-]+&s=upfront_fee&v=[0-9a-f]+$/);
  // A fresh browser, as a relative receiving the link would have.
  const other = await browser.newContext({ locale: 'zh-CN' });
  const p2 = await other.newPage();
  await p2.goto(link);
  await expect(p2.locator('section.verdict')).toHaveAttribute('data-verdict', 'office_floor');
  await expect(p2.locator('.received')).toHaveText('建设银行 深圳市福田区演示大道88号示例金融大厦18楼1803室');
  await expect(p2.getByTestId('claim-only')).toBeVisible();
  await expect(p2.locator('[data-signal="upfront_fee"]')).toBeVisible();
  await expect(p2.locator('.notice')).toHaveCount(0);
  // A link made with another registry version says the answer was checked again on new data.
  await p2.goto(link.replace(/v=[0-9a-f]+/, 'v=000000000000'));
  await expect(p2.locator('.notice')).toContainText('登记数据已经更新');
  await expect(p2.locator('section.verdict')).toHaveAttribute('data-verdict', 'office_floor');
  // The QR code carries the same link (as an image; its content is the link itself).
  await expect(page.locator('img.qr')).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  await other.close();
});

test('the result page reads in English after the switch, and back', async ({ page }) => {
  await page.goto(resultPath(EXAMPLES.office_floor));
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('section.verdict .title .words')).toHaveText('Not a bank outlet: another floor of the building');
  await expect(page.locator('a.call')).toContainText("95533");
  await expect(page.locator('a.call')).toContainText("Call China Construction Bank's official number");
  await expect(page).toHaveURL(/\/r\?t=/);
  await page.getByRole('link', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('section.verdict .title .words')).toHaveText('不是银行网点：是同一栋楼的其他楼层');
});

test('a plain form GET (no JavaScript) works too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('收到的地址或整条消息').fill(EXAMPLES.registered_branch);
  await page.getByRole('button', { name: '核验', exact: true }).click();
  await page.waitForURL(/\/r\?q=/);
  await expect(page.locator('section.verdict')).toHaveAttribute('data-verdict', 'registered_branch');
  await context.close();
});
