import { expect, test, type Page } from '@playwright/test';
import { EXAMPLES, openSections, resultPath, type Verdict } from './examples';

/**
 * The first screen of a result, on a phone: a worried reader must see, without scrolling, the
 * verdict, what it means, every warning signal and the number to call; the evidence comes after,
 * in sections they open. 390×844 is a common phone; 390×700 what WeChat's in-app browser leaves.
 */

/** What the page must hold on its first screen, per verdict. */
const WANT: Record<Verdict, { call: boolean; signals: number; share: boolean }> = {
  registered_branch: { call: true, signals: 0, share: true },
  office_floor: { call: true, signals: 1, share: true },
  bank_mismatch: { call: true, signals: 1, share: true },
  not_registered: { call: true, signals: 1, share: true },
  not_covered: { call: true, signals: 0, share: true },
  insufficient: { call: false, signals: 1, share: false },
};

/** A message with several warning signs at once, each of which must be on the first screen. */
const MANY_SIGNALS = '您好，我是建设银行信贷经理，您是我行白名单客户，可走内部渠道秒批，请明天到深圳市福田区演示大道88号示例金融大厦18楼1803室签约，先交3%服务费。';

async function bottomOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, selector).not.toBeNull();
  return box!.y + box!.height;
}

/** Elements that stick out of the screen (the map's own panes aside). */
const sticking = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => !e.closest('.leaflet-container') && e.getBoundingClientRect().width > 0)
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 1 || e.getBoundingClientRect().left < -1)
      .map((e) => `${e.tagName}.${e.className}: ${(e.textContent ?? '').slice(0, 30)}`),
  );

/** Words of the parts table split across two lines: a run of non-space characters whose characters sit on different lines. */
const brokenWords = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const cell of document.querySelectorAll('table.parts th, table.parts td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const tops = new Set<number>();
          for (let i = m.index!; i < m.index! + m[0].length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (rect) tops.add(Math.round(rect.top));
          }
          if (tops.size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  });

for (const lang of ['zh', 'en'] as const) {
  test.describe(`the first screen at 390×844 in ${lang}`, () => {
    test.use({ viewport: { width: 390, height: 844 } });
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: baseURL! }]);
    });

    for (const [verdict, text] of Object.entries(EXAMPLES) as [Verdict, string][]) {
      test(`${verdict}: verdict, why, signals, call and share without scrolling; nothing overflows; the page is short`, async ({ page }) => {
        const want = WANT[verdict];
        await page.goto(resultPath(text));
        await expect(page.locator('section.verdict')).toHaveAttribute('data-verdict', verdict);
        expect(await bottomOf(page, 'section.verdict')).toBeLessThanOrEqual(844);
        await expect(page.getByTestId('why')).not.toBeEmpty();
        expect(await bottomOf(page, '[data-testid=why]')).toBeLessThanOrEqual(844);
        await expect(page.locator('[data-signal]')).toHaveCount(want.signals);
        if (want.signals) expect(await bottomOf(page, '[data-testid=signals]')).toBeLessThanOrEqual(844);
        await expect(page.locator('a.call')).toHaveCount(want.call ? 1 : 0);
        if (want.call) expect(await bottomOf(page, 'a.call')).toBeLessThanOrEqual(844);
        await expect(page.getByTestId('share-row')).toHaveCount(want.share ? 1 : 0);
        if (want.share) expect(await bottomOf(page, '[data-testid=share-row]')).toBeLessThanOrEqual(844);
        // With its sections closed, the whole page is short.
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1400);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        expect(await sticking(page)).toEqual([]);
        // Opened, the evidence overflows nothing either, and no word of the parts table is cut.
        await openSections(page);
        expect(await sticking(page)).toEqual([]);
        expect(await brokenWords(page)).toEqual([]);
      });
    }

    test('every warning sign of a message is on the first screen, above the call button', async ({ page }) => {
      await page.goto(resultPath(MANY_SIGNALS));
      const codes = await page.locator('[data-signal]').evaluateAll((els) => els.map((e) => e.getAttribute('data-signal')));
      expect(codes).toEqual(expect.arrayContaining(['whitelist', 'inside_channel', 'guaranteed', 'upfront_fee']));
      expect(await bottomOf(page, '[data-testid=signals]')).toBeLessThanOrEqual(844);
      expect(await bottomOf(page, 'a.call')).toBeLessThanOrEqual(844);
    });
  });
}

test.describe("in WeChat's in-app browser (390×700 left for the page)", () => {
  test.use({ viewport: { width: 390, height: 700 } });
  for (const verdict of ['office_floor', 'bank_mismatch', 'not_registered'] as const) {
    test(`${verdict}: the verdict, its signals and the call button are on the first screen`, async ({ page }) => {
      await page.goto(resultPath(EXAMPLES[verdict]));
      expect(await bottomOf(page, '[data-testid=why]')).toBeLessThanOrEqual(700);
      expect(await bottomOf(page, '[data-testid=signals]')).toBeLessThanOrEqual(700);
      expect(await bottomOf(page, 'a.call')).toBeLessThanOrEqual(700);
    });
  }
});
