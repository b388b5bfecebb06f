import { ensureBuiltIn } from '../registry/locator';
import { setting } from '../settings/env';

/**
 * Build the built-in registry this process would use, if it is missing or stale, before the
 * server starts: the first person to ask then gets an answer in a second, not after a build.
 * With REGISTRY_DB set there is nothing to build.
 */
async function main(): Promise<number> {
  if (setting('REGISTRY_DB')) return 0;
  const t0 = Date.now();
  const file = await ensureBuiltIn(setting('REGISTRY'));
  const s = (Date.now() - t0) / 1000;
  if (s > 0.5) process.stdout.write(`registry: built ${file} in ${s.toFixed(1)} s\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`registry: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
