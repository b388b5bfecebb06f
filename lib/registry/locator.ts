import fs from 'node:fs';
import path from 'node:path';
import { buildRegistry } from './build';
import { openRegistry, schemaOf, type Registry } from './registry';
import { SCHEMA_VERSION } from './schema';
import { setting } from '../settings/env';

/**
 * Which registry a process uses: REGISTRY_DB when set; else REGISTRY=demo for the demo
 * registry (fictional outlets in real districts, flagged as demo in every result: for tests);
 * else the default, the regulator's licence registry, built from the snapshot that ships in
 * data/licences. A built-in registry's file is (re)built before use when it is missing or
 * older than its sources; at run time every registry is only read.
 */

/**
 * The project's folder: found from the working directory (npm scripts and `next start` run
 * there), since bundled code cannot rely on its own location.
 */
function findRoot(): string {
  let dir = setting('REALBRANCH_ROOT') ?? process.cwd();
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(/*turbopackIgnore: true*/ path.join(dir, 'data', 'demo', 'manifest.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error('cannot find data/demo/manifest.json: run from the project folder, or set REGISTRY_DB');
}

export type BuiltIn = 'licences' | 'demo';

/** Where a built-in registry's manifest is, and the file it is built into. */
export function builtInPaths(which: BuiltIn): { manifest: string; db: string } {
  const root = findRoot();
  return which === 'demo'
    ? { manifest: path.join(root, 'data', 'demo', 'manifest.json'), db: path.join(root, 'data', 'demo-registry.sqlite') }
    : { manifest: path.join(root, 'data', 'licences', 'manifest.json'), db: path.join(root, 'data', 'licence-registry.sqlite') };
}

export const demoPaths = () => builtInPaths('demo');

// (turbopackIgnore: these paths are found at run time; they are data, not code to bundle.)
function newestIn(dir: string): number {
  let m = 0;
  for (const f of fs.readdirSync(/*turbopackIgnore: true*/ dir)) m = Math.max(m, fs.statSync(/*turbopackIgnore: true*/ path.join(dir, f)).mtimeMs);
  return m;
}

// Per built-in registry: the file state last found current (so that its schema is read once,
// not on every request), and a build under way (so that requests arriving together start one
// build, not several).
const current = new Map<BuiltIn, string>();
const building = new Map<BuiltIn, Promise<unknown>>();

/** A built-in registry's file, built first if it is missing or stale. */
export async function ensureBuiltIn(which: BuiltIn): Promise<string> {
  const { manifest, db } = builtInPaths(which);
  const st = fs.statSync(/*turbopackIgnore: true*/ db, { throwIfNoEntry: false });
  const newest = newestIn(path.dirname(manifest));
  const state = st ? `${st.mtimeMs}:${st.ino}:${newest}` : null;
  if (state !== null && state === current.get(which)) return db;
  if (st && st.mtimeMs >= newest && schemaOf(db) === SCHEMA_VERSION) {
    current.set(which, state!);
    return db;
  }
  let b = building.get(which);
  if (!b) {
    b = buildRegistry({ manifest, out: db }).finally(() => building.delete(which));
    building.set(which, b);
  }
  await b;
  return db;
}

export const ensureDemoRegistry = () => ensureBuiltIn('demo');

/** The registry file this process should read. */
export async function registryPath(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const file = setting('REGISTRY_DB', env);
  if (file) {
    if (!fs.existsSync(/*turbopackIgnore: true*/ file)) throw new Error(`REGISTRY_DB=${file}: no such file (build one with npm run registry:build)`);
    return path.resolve(file);
  }
  return ensureBuiltIn(setting('REGISTRY', env));
}

export async function currentRegistry(env: NodeJS.ProcessEnv = process.env): Promise<Registry> {
  return openRegistry(await registryPath(env));
}
