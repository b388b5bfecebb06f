import { PENDING_KEY, type Pending } from './pending';

/**
 * The background: one context-menu item on selected text. Choosing it is the person's
 * explicit action; the selection is left in session storage (memory only, never synced) for
 * the popup, which checks it. Nothing else runs: no content script, no listener on pages.
 */
export const MENU_ID = 'realbranch-check';

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU_ID, title: chrome.i18n.getMessage('menuCheck'), contexts: ['selection'] });
  });
});

export async function onMenuClicked(info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab): Promise<'popup' | 'window' | 'ignored'> {
  if (info.menuItemId !== MENU_ID) return 'ignored';
  const text = (info.selectionText ?? '').trim();
  if (!text) return 'ignored';
  const pending: Pending = { text, at: Date.now() };
  await chrome.storage.session.set({ [PENDING_KEY]: pending });
  // The toolbar popup where the browser can open it from here; else a small window of its own.
  try {
    await chrome.action.openPopup(tab?.windowId !== undefined ? { windowId: tab.windowId } : undefined);
    return 'popup';
  } catch {
    await chrome.windows.create({ url: chrome.runtime.getURL('popup.html'), type: 'popup', width: 440, height: 640 });
    return 'window';
  }
}

chrome.contextMenus.onClicked.addListener((info, tab) => {
  void onMenuClicked(info, tab);
});

// The end-to-end test calls the handler itself, as the browser would on a click: only in a
// build made with --test-hook (esbuild drops this branch from the store builds).
declare const __TEST_HOOK__: boolean;
if (typeof __TEST_HOOK__ !== 'undefined' && __TEST_HOOK__) (globalThis as unknown as { realbranch: unknown }).realbranch = { onMenuClicked, MENU_ID };
