import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { asLocale, LOCALE_COOKIE } from './locale';

// The language comes from the visitor's own choice (a cookie set by the switch), never from
// the link: a forwarded result opens in the reader's language.
export default getRequestConfig(async () => {
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: (await import(`../messages/${locale}.json`)).default };
});
