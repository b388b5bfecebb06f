/** The languages of the site: Simplified Chinese first, English second. */
export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function asLocale(value: string | undefined | null): Locale {
  return value === 'en' ? 'en' : 'zh';
}

export const htmlLang = (l: Locale) => (l === 'zh' ? 'zh-CN' : 'en');
