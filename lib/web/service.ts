import type { CheckResult } from '../check';
import { contractOrder } from '../check/serialize';
import { checkText, type InputError } from '../input';
import type { Registry } from '../registry/registry';
import { appEnv } from '../validations/env';
import { watchedRegistry } from './registry-watch';
import { cachedCheck } from './result-cache';
import { shareUrl } from './share';

/** What the pages and the API share: the registry of this moment, the check, the share link. */

export async function registry(): Promise<Registry> {
  return watchedRegistry();
}

/** The origin share links point to: PUBLIC_BASE_URL, else what the request came through. */
export function baseUrl(request?: Request, hostHeader?: string | null, protoHeader?: string | null): string {
  const configured = appEnv().PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/+$/, '');
  const host = hostHeader ?? request?.headers.get('x-forwarded-host') ?? request?.headers.get('host');
  const proto = protoHeader ?? request?.headers.get('x-forwarded-proto') ?? (request ? new URL(request.url).protocol.replace(':', '') : 'http');
  if (host && /^[A-Za-z0-9.-]+(?::\d+)?$/.test(host)) return `${proto === 'https' ? 'https' : 'http'}://${host}`;
  return request ? new URL(request.url).origin : 'http://localhost:3000';
}

export type CheckOutcome = { ok: true; result: CheckResult; json: Record<string, unknown> } | { ok: false; error: InputError };

export async function runCheck(text: string, base: string): Promise<CheckOutcome> {
  const checked = checkText(text);
  if (!checked.ok) return { ok: false, error: checked.error };
  const reg = await registry();
  const result = cachedCheck(checked.text, reg);
  return { ok: true, result, json: { ...contractOrder(result), shareUrl: shareUrl(base, checked.text, reg.info.version) } };
}
