/// <reference types="chrome" />
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, expect, type Page, test, type Worker } from '@playwright/test';

/**
 * The browser extension, unpacked into Debian's Chromium (headless), against the app that
 * Playwright started on the demo registry. The test selects an address on a page and runs
 * the extension's own context-menu handler, as the browser does on a click; the handler opens
 * the toolbar popup, which Playwright does not list as a page, so the popup is read through
 * the DevTools protocol.
 */

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SERVER = `http://127.0.0.1:${PORT}`;
const BUILD = path.resolve('.cache', 'extension-e2e');
const DIR = path.join(BUILD, 'chrome');
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ADDRESS = {
  office_floor: '深圳市福田区演示大道88号示例金融大厦18楼1803室',
  registered_branch: '中国建设银行深圳演示大道支行 深圳市福田区演示大道88号示例金融大厦1楼',
};

test.describe.configure({ mode: 'serial' });

// Chromium shows an extension in Chinese only when its own Chinese UI is installed (Debian: chromium-l10n).
const CHINESE_UI = ['/usr/lib/chromium/locales/zh-CN.pak', '/usr/lib/chromium-browser/locales/zh-CN.pak'].some((f) => fs.existsSync(f)) || !!process.env.CHROMIUM_PATH;
test.skip(!CHINESE_UI, 'Chromium has no Chinese UI here (apt-get install chromium-l10n)');

test.beforeAll(() => {
  execFileSync(process.execPath, ['extension/build.mjs', '--server', SERVER, '--out', BUILD, '--target', 'chrome', '--no-zip', '--test-hook'], { stdio: 'pipe' });
});

async function launch(lang = 'zh-CN'): Promise<{ context: BrowserContext; worker: Worker; id: string }> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: lang,
    args: [...ARGS, `--lang=${lang}`, `--disable-extensions-except=${DIR}`, `--load-extension=${DIR}`],
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, id: new URL(worker.url()).host };
}

/** A web chat (on a site of its own) with the address in a message, selected as a person would. */
async function selectAddressOnPage(context: BrowserContext, address: string): Promise<string> {
  const page = await context.newPage();
  await page.route('https://chat.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><meta charset="utf-8"><title>聊天</title><div class="chat"><p>王经理 (建设银行信贷部)：您好，资料审核通过了，明天上午10点请到<span id="addr"></span>签合同，带身份证。</p></div>',
    }),
  );
  await page.goto('https://chat.example/');
  await page.bringToFront();
  return page.evaluate((address) => {
    const span = document.getElementById('addr')!;
    span.textContent = address;
    const range = document.createRange();
    range.selectNodeContents(span);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return getSelection()!.toString();
  }, address);
}

/** Runs the extension's context-menu handler with the selection, as a click on the menu item does. */
async function clickMenu(worker: Worker, selectionText: string): Promise<string> {
  return worker.evaluate(
    async (selectionText) => {
      const api = (globalThis as unknown as { realbranch: { MENU_ID: string; onMenuClicked: (info: unknown) => Promise<string> } }).realbranch;
      return api.onMenuClicked({ menuItemId: api.MENU_ID, selectionText, editable: false, pageUrl: 'https://chat.example/' });
    },
    selectionText,
  );
}

/** Evaluates an expression in the extension's popup (a target Playwright does not expose). */
async function inPopup<T>(page: Page, id: string, expression: string): Promise<T> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
    const popup = targetInfos.find((t) => t.url === `chrome-extension://${id}/popup.html`);
    if (!popup) throw new Error('the popup is not open');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false })) as { sessionId: string };
    const answer = new Promise<T>((resolve, reject) => {
      cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
        if (e.sessionId !== sessionId) return;
        const m = JSON.parse(e.message);
        if (m.id !== 1) return;
        if (m.result?.exceptionDetails) reject(new Error(m.result.exceptionDetails.text));
        else resolve(m.result?.result?.value as T);
      });
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }) });
    return await answer;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

const SHOWN = `(() => {
  const v = document.querySelector('[data-verdict]');
  const e = document.querySelector('#result .error');
  return { verdict: v?.getAttribute('data-verdict') ?? null, title: v?.querySelector('.words')?.textContent ?? null,
    call: document.querySelector('#result a.call')?.getAttribute('href') ?? null, outlet: document.querySelector('[data-testid=outlet]')?.textContent ?? null,
    full: document.querySelector('[data-testid=full-result]')?.getAttribute('href') ?? null, error: e?.textContent ?? null,
    text: document.querySelector('#text')?.value ?? null };
})()`;
type Shown = { verdict: string | null; title: string | null; call: string | null; outlet: string | null; full: string | null; error: string | null; text: string | null };

async function shown(page: Page, id: string, until: (s: Shown) => boolean): Promise<Shown> {
  let last: Shown | null = null;
  let problem = '';
  await expect
    .poll(
      async () => {
        last = await inPopup<Shown>(page, id, SHOWN).catch((e: Error) => ((problem = e.message), null));
        return !!last && until(last);
      },
      { timeout: 15_000, message: `what the popup shows (last: ${JSON.stringify(last)} ${problem})` },
    )
    .toBe(true);
  return last!;
}

test('selecting an office-floor address and choosing the menu item shows office_floor', async () => {
  const { context, worker, id } = await launch();
  try {
    const page = await selectAddressOnPage(context, ADDRESS.office_floor).then(() => context.pages().at(-1)!);
    const selection = await page.evaluate(() => getSelection()!.toString());
    expect(selection).toBe(ADDRESS.office_floor);
    // The toolbar popup, or a small window of its own where the browser cannot open the popup.
    expect(['popup', 'window']).toContain(await clickMenu(worker, selection));
    const s = await shown(page, id, (s) => !!s.verdict || !!s.error);
    expect(s.error).toBeNull();
    expect(s.verdict).toBe('office_floor');
    expect(s.title).toBe('不是银行网点：是同一栋楼的其他楼层');
    expect(s.text).toBe(ADDRESS.office_floor);
    expect(s.outlet).toContain('1-2层');
    expect(s.full).toMatch(new RegExp(`^${SERVER.replace(/\./g, '\\.')}/r\\?[abt]=`));
  } finally {
    await context.close();
  }
});

test('a registered branch shows registered_branch with the official number', async () => {
  const { context, worker, id } = await launch();
  try {
    const selection = await selectAddressOnPage(context, ADDRESS.registered_branch);
    const page = context.pages().at(-1)!;
    expect(['popup', 'window']).toContain(await clickMenu(worker, selection));
    const s = await shown(page, id, (s) => !!s.verdict || !!s.error);
    expect(s.verdict).toBe('registered_branch');
    expect(s.title).toBe('是登记的银行网点');
    expect(s.call).toBe('tel:95533');
  } finally {
    await context.close();
  }
});

test('a server that cannot be reached gets a clear message naming it', async () => {
  const { context, worker, id } = await launch();
  try {
    // Port 9 (discard) on this machine: nothing listens.
    await worker.evaluate(() => chrome.storage.sync.set({ server: 'http://127.0.0.1:9' }));
    const selection = await selectAddressOnPage(context, ADDRESS.office_floor);
    const page = context.pages().at(-1)!;
    await clickMenu(worker, selection);
    const s = await shown(page, id, (s) => !!s.verdict || !!s.error);
    expect(s.verdict).toBeNull();
    expect(s.error).toBe('无法连接核验服务器 http://127.0.0.1:9。请检查网络，或在设置里确认服务器地址。');
  } finally {
    await context.close();
  }
});

test('the toolbar popup checks pasted text, and refuses empty and overlong text before sending anything', async () => {
  const { context, id } = await launch();
  try {
    const page = await context.newPage();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/check')) sent.push(r.url());
    });
    await page.setViewportSize({ width: 400, height: 700 });
    await page.goto(`chrome-extension://${id}/popup.html`);
    await expect(page.getByRole('button', { name: '核验' })).toBeVisible();
    await page.getByRole('button', { name: '核验' }).click();
    await expect(page.locator('#result .error')).toHaveText('请先粘贴地址或消息。');
    await page.locator('#text').evaluate((t: HTMLTextAreaElement) => {
      t.removeAttribute('maxlength');
      t.value = '深'.repeat(2001);
    });
    await page.getByRole('button', { name: '核验' }).click();
    await expect(page.locator('#result .error')).toContainText('最多 2000 字');
    expect(sent).toEqual([]);
    await page.locator('#text').fill(`请到${ADDRESS.office_floor}签约，先交服务费`);
    await page.getByRole('button', { name: '核验' }).click();
    await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'office_floor');
    await expect(page.locator('.signals')).toContainText('费');
    expect(sent).toHaveLength(1);
    // The server's text never becomes markup in the popup.
    await page.locator('#text').fill('<img src=x onerror=alert(1)>深圳市福田区演示大道88号示例金融大厦18楼');
    await page.getByRole('button', { name: '核验' }).click();
    await expect(page.locator('[data-verdict]')).toBeVisible();
    expect(await page.locator('#result img').count()).toBe(0);
  } finally {
    await context.close();
  }
});

for (const [lang, submit] of [['zh-CN', '核验'], ['en-US', 'Check']] as const) {
  test(`the popup at 400×600 (${lang}): verdict, why, signals, call button and full-result link without scrolling`, async () => {
    const { context, id } = await launch(lang);
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${id}/popup.html`);
      // A go-between's message: a manager on a personal phone, a fee, the address upstairs.
      await page.locator('#text').fill(`我是建设银行信贷经理王工 13800138000，请到${ADDRESS.office_floor}签约，先交服务费`);
      await page.getByRole('button', { name: submit, exact: true }).click();
      await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'office_floor');
      await expect(page.locator('[data-signal]')).not.toHaveCount(0);
      for (const sel of ['[data-verdict]', '[data-testid=why]', '[data-testid=signals]', '#result a.call', '[data-testid=full-result]']) {
        const box = await page.locator(sel).boundingBox();
        expect(box, sel).not.toBeNull();
        expect(box!.y + box!.height, sel).toBeLessThanOrEqual(600);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      // The reason does not name the bank twice.
      expect(await page.getByTestId('why').textContent()).not.toMatch(/中国建设银行「中国建设银行/);
      // New text clears the old answer; a paste over 2,000 characters says it was cut.
      await page.locator('#text').fill('深'.repeat(2500));
      await expect(page.locator('[data-verdict]')).toHaveCount(0);
      await expect(page.locator('#truncated')).toBeVisible();
      expect(await page.locator('#text').inputValue()).toHaveLength(2000);
    } finally {
      await context.close();
    }
  });
}

test('the options page validates the server address', async () => {
  const { context, worker, id } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    await expect(page.locator('#server')).toHaveValue(SERVER);
    for (const [value, message] of [
      ['', '请填写服务器地址。'],
      ['http://example.org', 'http:// 只允许本机'],
      ['ftp://example.org', '只支持 https://'],
      ['https://example.org/api?x=1', '不要带路径或参数'],
      ['https://user:pw@example.org', '不能包含用户名或密码'],
      ['not a url', '不是一个有效的网址'],
    ] as const) {
      await page.locator('#server').fill(value);
      await page.getByRole('button', { name: '保存' }).click();
      await expect(page.locator('#note')).toContainText(message);
    }
    // Nothing invalid was stored.
    expect(await worker.evaluate(() => chrome.storage.sync.get('server'))).toEqual({});
    // The built-in server is saved without asking for anything more.
    await page.locator('#server').fill(`${SERVER}/`);
    await page.getByRole('button', { name: '保存' }).click();
    // Saved, said so, and the last error is gone.
    await expect(page.locator('#note')).toHaveText(`已保存：${SERVER}`);
    await expect(page.locator('#note')).toHaveClass('ok');
    expect(await worker.evaluate(() => chrome.storage.sync.get('server'))).toEqual({ server: SERVER });
  } finally {
    await context.close();
  }
});

test('in an English browser the menu item and the popup are in English', async () => {
  const { context, worker, id } = await launch('en-US');
  try {
    expect(await worker.evaluate(() => chrome.i18n.getMessage('menuCheck'))).toBe('Check bank branch address');
    const selection = await selectAddressOnPage(context, ADDRESS.office_floor);
    const page = context.pages().at(-1)!;
    await clickMenu(worker, selection);
    const s = await shown(page, id, (s) => !!s.verdict || !!s.error);
    expect(s.title).toBe('Not a bank outlet: another floor of the building');
  } finally {
    await context.close();
  }
});

test('the manifest asks for the least: no content script, the menu, storage and the one server (no activeTab: nothing uses it)', () => {
  const m = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8'));
  expect(m.manifest_version).toBe(3);
  expect(m.permissions).toEqual(['contextMenus', 'storage']);
  expect(m.host_permissions).toEqual(['http://127.0.0.1/*']);
  expect(m.content_scripts).toBeUndefined();
  expect(m.web_accessible_resources).toBeUndefined();
});
