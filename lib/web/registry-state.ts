import path from 'node:path';
import { currentRegistry } from '../registry/locator';
import type { Registry } from '../registry/registry';
import { logEvent } from './log';

/**
 * The registry a server answers from, kept through a bad file: when the registry file cannot
 * be opened (removed, truncated, junk, built by another version), the last registry that
 * opened is kept and the server says it is degraded, with the reason, in /api/health and the
 * log. With no good registry ever opened, there is nothing to answer from: 503.
 */

export class RegistryUnavailable extends Error {}

let lastGood: Registry | null = null;
let degraded: string | null = null;

/** The reason, without the file's folder (health is public). */
function reasonOf(err: unknown): string {
  const msg = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  return msg.replace(/(?:\/[^\s/:]+)+\/([^\s/:]+)/g, '$1').slice(0, 300);
}

export async function servedRegistry(open: () => Promise<Registry> = currentRegistry): Promise<{ registry: Registry; degraded: string | null }> {
  try {
    const registry = await open();
    if (degraded !== null) logEvent('registry_recovered', { version: registry.info.version });
    lastGood = registry;
    degraded = null;
    return { registry, degraded: null };
  } catch (err) {
    const reason = reasonOf(err);
    if (reason !== degraded) logEvent(lastGood ? 'registry_degraded' : 'registry_unavailable', { reason, serving: lastGood?.info.version ?? null });
    degraded = reason;
    if (!lastGood) throw new RegistryUnavailable(`no registry to answer from: ${reason}`);
    return { registry: lastGood, degraded: `the registry file cannot be read (${reason}); serving the last good one, ${lastGood.info.version}` };
  }
}

/** For tests: forget the last good registry. */
export function resetServedRegistry(): void {
  lastGood = null;
  degraded = null;
}

export const registryFileName = (r: Registry) => path.basename(r.info.path);
