import { NextResponse, type NextRequest } from 'next/server';
import { appEnv } from './lib/settings/env';
import { tileConfig } from './lib/settings/tiles';

/**
 * Every page gets a fresh nonce and a content security policy built on it: scripts only from
 * this site and with the nonce, images also from the map's tile host, nothing framed. The
 * page's own path is passed on, for the language switch to come back to.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const tiles = tileConfig(appEnv())?.origins ?? [];
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // React and Leaflet set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${tiles.join(' ')}`.trim(),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  headers.set('x-path', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Pages only: the API, static files and images need no nonce. Prefetches too: a request that
  // merely says next-router-prefetch could otherwise get a page with no policy at all.
  matcher: [{ source: '/((?!api|_next/static|_next/image|favicon.ico|lang).*)' }],
};
