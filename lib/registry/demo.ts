import fs from 'node:fs';
import path from 'node:path';
import { buildRegistry } from './build';
import { openRegistry, schemaOf, type Registry } from './registry';
import { SCHEMA_VERSION } from './schema';

/**
 * Which registry a process uses: REGISTRY_DB when set, else the demo registry built from the
 * hand-written sources in data/demo (fictional outlets in real districts, flagged as demo in
 * every result). The demo file is (re)built before use when it is missing or older than its
 * sources; at run time every registry is only read.
 */


/**
 * The project's folder: found from the working directory (npm scripts and `next start` run
 * there), since bundled code cannot rely on its own location.
 */
function findRoot(): string {
  let dir = process.env.REALBRANCH_ROOT ?? process.cwd();
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(/*turbopackIgnore: true*/ path.join(dir, 'data', 'demo', 'manifest.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error('cannot find data/demo/manifest.json: run from the project folder, or set REGISTRY_DB');
}

export function demoPaths(): { manifest: string; db: string } {
  const root = findRoot();
  return { manifest: path.join(root, 'data', 'demo', 'manifest.json'), db: path.join(root, 'data', 'demo-registry.sqlite') };
}

// (turbopackIgnore: these paths are found at run time; they are data, not code to bundle.)
function newestIn(dir: string): number {
  let m = 0;
  for (const f of fs.readdirSync(/*turbopackIgnore: true*/ dir)) m = Math.max(m, fs.statSync(/*turbopackIgnore: true*/ path.join(dir, f)).mtimeMs);
  return m;
}

// The file state last found current (so that its schema is read once, not on every request),
// and a build under way (so that requests arriving together start one build, not several).
let current: string | null = null;
let building: Promise<unknown> | null = null;

/** The demo registry's file, built first if it is missing or stale. */
export async function ensureDemoRegistry(): Promise<string> {
  const { manifest, db } = demoPaths();
  const st = fs.statSync(/*turbopackIgnore: true*/ db, { throwIfNoEntry: false });
  const newest = newestIn(path.dirname(manifest));
  const state = st ? `${st.mtimeMs}:${st.ino}:${newest}` : null;
  if (state !== null && state === current) return db;
  if (st && st.mtimeMs >= newest && schemaOf(db) === SCHEMA_VERSION) {
    current = state;
    return db;
  }
  building ??= buildRegistry({ manifest, out: db }).finally(() => {
    building = null;
  });
  await building;
  return db;
}

/** The registry file this process should read. */
export async function registryPath(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const file = env.REGISTRY_DB?.trim();
  if (file) {
    if (!fs.existsSync(/*turbopackIgnore: true*/ file)) throw new Error(`REGISTRY_DB=${file}: no such file (build one with npm run registry:build)`);
    return path.resolve(file);
  }
  return ensureDemoRegistry();
}

export async function currentRegistry(env: NodeJS.ProcessEnv = process.env): Promise<Registry> {
  return openRegistry(await registryPath(env));
}
