import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildRegistry } from '../../lib/registry/build';
import { openRegistry, type Registry } from '../../lib/registry/registry';

const ROOT = path.resolve(__dirname, '../..');

/**
 * A registry built once for a test file, from a manifest of the project (data/demo,
 * data/fixtures/...), in a folder of its own that is removed afterwards. The returned function
 * gives the open registry inside tests.
 */
export function builtRegistry(manifest: string): () => Registry {
  let dir: string;
  let registry: Registry;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-test-'));
    const r = await buildRegistry({ manifest: path.resolve(ROOT, manifest), out: path.join(dir, 'registry.sqlite') });
    registry = openRegistry(r.out);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return () => registry;
}
