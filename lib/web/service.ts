import { check, type CheckResult } from '../check';
import { contractOrder } from '../check/serialize';
import { checkText, type InputError } from '../input';
import type { Registry } from '../registry/registry';
import { appEnv, isHostName } from '../validations/env';
import { servedRegistry } from './registry-state';
import { shareLinks } from './share-link';

/** What the pages and the API share: the registry of this moment, the check, the share link. */

export async function registry(): Promise<Registry> {
  return (await servedRegistry()).registry;
}

/**
 * The origin share links point to: PUBLIC_BASE_URL, else the host the request came to. With no
 * trusted proxy, that is the Host header; behind one, X-Forwarded-Host (and -Proto), which only
 * a proxy may set. Either counts only as a single well-formed host, never a list or junk.
 */
export function baseUrl(request?: Request, hostHeader?: string | null, protoHeader?: string | null): string {
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

export type CheckOutcome = { ok: true; result: CheckResult; json: Record<string, unknown> } | { ok: false; error: InputError };

export async function runCheck(text: string, base: string): Promise<CheckOutcome> {
  const checked = checkText(text);
  if (!checked.ok) return { ok: false, error: checked.error };
  const reg = await registry();
  const result = check(checked.text, reg);
  return { ok: true, result, json: { ...contractOrder(result), shareUrl: shareLinks(base, result, reg).url } };
}
