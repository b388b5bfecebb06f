import type { Registry } from '../registry/registry';
import { checkOne, type CheckAnswer } from '../service/check-one';
import { appEnv, isHostName } from '../settings/env';
import type { ApiRequest } from './http';
import { servedRegistry } from './registry-state';
import { watchedRegistry } from './registry-watch';

/** What the pages and the API share: the registry of this moment, the check, the share link. */

export async function registry(): Promise<Registry> {
  // Looked at most every 250 ms (registry-watch), and kept through a bad file (registry-state).
  return (await servedRegistry(watchedRegistry)).registry;
}

/**
 * The origin share links point to: PUBLIC_BASE_URL, else the host the request came to. With no
 * trusted proxy, that is the Host header; behind one, X-Forwarded-Host (and -Proto), which only
 * a proxy may set. Either counts only as a single well-formed host, never a list or junk.
 */
export function baseUrl(request?: ApiRequest, hostHeader?: string | null, protoHeader?: string | null): string {
  const env = appEnv();
  if (env.PUBLIC_BASE_URL) return env.PUBLIC_BASE_URL.replace(/\/+$/, '');
  const proxied = env.TRUSTED_PROXY_HOPS >= 1;
  const h = request?.headers;
  const host = hostHeader ?? (proxied ? h?.get('x-forwarded-host') : null) ?? h?.get('host');
  const fromUrl = request && URL.canParse(request.url) ? new URL(request.url) : null;
  const proto = protoHeader ?? (proxied ? h?.get('x-forwarded-proto') : null) ?? fromUrl?.protocol.replace(':', '') ?? 'http';
  const scheme = proto === 'https' ? 'https' : 'http';
  if (host && isHostName(host)) return `${scheme}://${host}`;
  if (fromUrl && isHostName(fromUrl.host)) return fromUrl.origin;
  return 'http://localhost:3000';
}

/** One text against the registry of this moment, its answer carrying a share link to `base`. */
export async function runCheck(text: string, base: string): Promise<CheckAnswer> {
  return checkOne(text, { registry: await registry(), shareBase: base });
}
