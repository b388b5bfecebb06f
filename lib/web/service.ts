import { currentRegistry } from '../registry/demo';
import type { Registry } from '../registry/registry';
import { checkOne, type CheckAnswer } from '../service/check-one';
import { appEnv } from '../validations/env';

/** What the pages and the API share: the registry of this moment, the check, the share link. */

export async function registry(): Promise<Registry> {
  return currentRegistry();
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

/** One text against the registry of this moment, its answer carrying a share link to `base`. */
export async function runCheck(text: string, base: string): Promise<CheckAnswer> {
  return checkOne(text, { registry: await registry(), shareBase: base });
}
