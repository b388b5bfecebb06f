import { expect, test } from '@playwright/test';
import { EXAMPLES, openMap, resultPath } from './examples';

test.describe('the map with no network beyond this site', () => {
  test.beforeEach(async ({ context, baseURL }) => {
    const own = new URL(baseURL!).host;
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).host;
      if (host === own || route.request().url().startsWith('data:')) return route.continue();
      blocked.push(host);
      return route.abort('internetdisconnected');
    });
  });

  test('loads no map code and no tile until the map section is opened', async ({ page }) => {
    const tiles: string[] = [];
    page.on('request', (r) => {
      if (/tile|\.png$/.test(r.url())) tiles.push(r.url());
    });
    await page.goto(resultPath(EXAMPLES.office_floor), { waitUntil: 'networkidle' });
    await expect(page.getByTestId('map-section')).toBeVisible();
    // Leaflet sets window.L when its code runs.
    expect(await page.evaluate(() => 'L' in window)).toBe(false);
    await expect(page.getByTestId('map')).toHaveCount(0);
    expect(tiles).toEqual([]);
    await openMap(page);
    await expect(page.getByTestId('map').locator('.leaflet-container')).toBeVisible();
    expect(await page.evaluate(() => 'L' in window)).toBe(true);
    // Now the tiles are asked for (and refused: this test blocks every other host), and the page says so.
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    await expect(page.getByTestId('map-failed')).toContainText('地图未能加载');
  });

  test('shows the claimed place and the bank outlets as markers on a plain background', async ({ page }) => {
    await page.goto(resultPath(EXAMPLES.office_floor));
    await openMap(page);
    const map = page.getByTestId('map');
    await map.scrollIntoViewIfNeeded();
    await expect(map.locator('.leaflet-container')).toBeVisible();
    await expect(map.locator('path.marker-claimed')).toHaveCount(1);
    // The matched outlet and the nearest outlets of the same bank.
    const bank = await map.locator('path.marker-bank').count();
    expect(bank).toBeGreaterThanOrEqual(3);
    for (const p of await map.locator('path.leaflet-interactive').all()) await expect(p).toBeVisible();
    // No tile came through, and the markers are still there.
    expect(await map.locator('img.leaflet-tile-loaded').count()).toBe(0);
    await expect(page.locator('.legend')).toContainText('你收到的地址');
  });

  test('a place known only by its district is drawn as an area, and says so', async ({ page }) => {
    await page.goto(resultPath(EXAMPLES.not_covered));
    await openMap(page);
    const map = page.getByTestId('map');
    await map.scrollIntoViewIfNeeded();
    await expect(map.locator('path.marker-claimed')).toHaveCount(1);
    await expect(map.locator('path.marker-claimed.area')).toHaveCount(1);
    await expect(page.getByText('不是确切位置')).toBeVisible();
    await map.locator('path.marker-claimed').hover({ force: true });
    await expect(page.locator('.leaflet-tooltip')).toContainText('约略位置');
  });

  test('the about page draws the covered regions', async ({ page }) => {
    await page.goto('/about');
    await expect(page.getByTestId('map').locator('path.marker-bank')).toHaveCount(3);
    await expect(page.locator('.leaflet-tooltip')).toHaveCount(3);
    await expect(page.locator('.leaflet-tooltip').first()).toContainText('个网点');
  });
});

test('with tiles allowed, the tile layer asks the default provider (AutoNavi) with the attribution in the page language', async ({ page }) => {
  const asked: string[] = [];
  await page.route(/autonavi\.com/, (route) => {
    asked.push(route.request().url());
    // A blank 1x1 PNG stands in for the tile server, which this machine cannot reach.
    return route.fulfill({ contentType: 'image/png', body: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64') });
  });
  await page.goto(resultPath(EXAMPLES.registered_branch));
  await openMap(page);
  await page.getByTestId('map').scrollIntoViewIfNeeded();
  await expect.poll(() => asked.length).toBeGreaterThan(0);
  expect(asked[0]).toMatch(/^https:\/\/webrd0[1-4]\.is\.autonavi\.com\/appmaptile\?/);
  await expect(page.locator('.leaflet-control-attribution')).toContainText('高德地图');
  await expect(page.getByTestId('map-failed')).toHaveCount(0);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.waitForLoadState('networkidle');
  await openMap(page);
  await expect(page.locator('.leaflet-control-attribution')).toContainText('AutoNavi');
});
