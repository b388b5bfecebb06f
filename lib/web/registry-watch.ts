import { currentRegistry } from '../registry/locator';
import type { Registry } from '../registry/registry';
import { setting } from '../settings/env';

/**
 * The registry of this moment, for the web app. Finding it means looking at the file (and,
 * for the demo registry, at every source file beside it): under a crowd that was a few
 * percent of each request's CPU, so the look is taken at most every LOOK_EVERY_MS and its
 * answer reused in between. A registry renamed over the live file is served within that time.
 */
export const LOOK_EVERY_MS = 250;

let last: { at: number; env: string; registry: Promise<Registry> } | null = null;

export function watchedRegistry(now = Date.now()): Promise<Registry> {
  // (Read on every look: the answer kept is for the registry these settings name.)
  const env = `${setting('REGISTRY_DB') ?? ''}|${setting('REGISTRY')}`;
  if (last && last.env === env && now - last.at < LOOK_EVERY_MS && now >= last.at) return last.registry;
  const registry = currentRegistry();
  last = { at: now, env, registry };
  // (A failed look is not kept: the next request looks again.)
  registry.catch(() => {
    if (last?.registry === registry) last = null;
  });
  return registry;
}
