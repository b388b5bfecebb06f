/** Words from _locales, in the browser's language (Chinese by default, English in an English browser). */
export function t(key: string, ...subs: string[]): string {
  return chrome.i18n.getMessage(key, subs) || key;
}

/** Whether to show the API's English reason texts rather than the Chinese ones. */
export function english(): boolean {
  return !chrome.i18n.getUILanguage().toLowerCase().startsWith('zh');
}

/** Fill every [data-i18n] element's text (and [data-i18n-placeholder] placeholders) on a page. */
export function localizePage(doc: Document = document): void {
  doc.documentElement.lang = english() ? 'en' : 'zh-CN';
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n!);
  for (const el of doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder!);
  const title = doc.querySelector<HTMLElement>('[data-i18n-title]');
  if (title) doc.title = t(title.dataset.i18nTitle!);
}
