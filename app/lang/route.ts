import { NextResponse } from 'next/server';
import { asLocale, LOCALE_COOKIE } from '@/i18n/locale';

/** GET /lang?to=en&back=/r?t=…: remember the language, and go back to the page (works without JS). */
export function GET(request: Request): Response {
  const url = new URL(request.url);
  const locale = asLocale(url.searchParams.get('to'));
  const back = url.searchParams.get('back') ?? '/';
  // Only a path on this site: never an open redirect.
  const safe = /^\/(?![/\\])[^\s]*$/.test(back) ? back : '/';
  // A relative Location: right behind any proxy, whatever host it forwards from.
  const res = new NextResponse(null, { status: 303, headers: { location: safe } });
  res.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  return res;
}
