/**
 * The server the extension asks. Built with the production address; a person may set another
 * on the options page (their own instance, or http://localhost:3000 while developing). Only
 * an origin is kept: https anywhere, plain http only on this machine.
 */
declare const __DEFAULT_SERVER__: string;
export const DEFAULT_SERVER: string = typeof __DEFAULT_SERVER__ === 'string' ? __DEFAULT_SERVER__ : 'https://zhenwangdian.cn';
export const DEV_SERVER = 'http://localhost:3000';

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

export type ServerCheck = { ok: true; origin: string } | { ok: false; problem: 'empty' | 'not_url' | 'scheme' | 'insecure' | 'credentials' | 'path' };

/** A server address as typed, checked and reduced to its origin. */
export function checkServer(input: unknown): ServerCheck {
  const s = typeof input === 'string' ? input.trim() : '';
  if (!s) return { ok: false, problem: 'empty' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`);
  } catch {
    return { ok: false, problem: 'not_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (!url.hostname || !/^[a-z0-9.[\]:-]+$/i.test(url.hostname) || (!url.hostname.includes('.') && !LOCAL.has(url.hostname))) return { ok: false, problem: 'not_url' };
  if (url.protocol === 'http:' && !LOCAL.has(url.hostname)) return { ok: false, problem: 'insecure' };
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return { ok: false, problem: 'path' };
  return { ok: true, origin: url.origin };
}

/** The match pattern for a server's host permission (ports are not part of it in MV3). */
export function originPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}
