import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { buildRegistry } from '../../lib/registry/build';
import { openRegistry } from '../../lib/registry/registry';

// How several instances run: each reads its own copy of the registry file, and a new one is
// put in place by building it beside the old and renaming it over: no restart.
const root = path.resolve(__dirname, '../..');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-swap-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a registry renamed over the live one is read on the next check, without a restart', async () => {
  const live = path.join(dir, 'registry.sqlite');
  const a = await buildRegistry({ manifest: path.join(root, 'data', 'demo', 'manifest.json'), out: live });
  const before = openRegistry(live);
  expect(before.info.version).toBe(a.version);
  expect(openRegistry(live)).toBe(before); // opened once, not per call
  const text = '建设银行 深圳市福田区演示大道88号示例金融大厦一楼';
  expect(check(text, before).verdict).toBe('registered_branch');

  // The next registry: built next to it, then renamed over it (atomic on one file system).
  const next = path.join(dir, 'registry.next.sqlite');
  const b = await buildRegistry({ manifest: path.join(root, 'data', 'fixtures', 'registry', 'manifest.json'), out: next });
  fs.renameSync(next, live);
  const after = openRegistry(live);
  expect(after).not.toBe(before);
  expect(after.info.version).toBe(b.version);
  expect(after.info.version).not.toBe(a.version);
  // The demo outlets are gone from the new registry; Shenzhen's CCB is no longer covered.
  expect(check(text, after).verdict).not.toBe('registered_branch');
  // A check already holding the old registry finishes on it.
  expect(check(text, before).verdict).toBe('registered_branch');
});

test('a served registry keeps its read lock, and every other reader still reads the file', async () => {
  // (Each worker of npm start opens the same file; the command line may read it meanwhile.)
  const live = path.join(dir, 'shared.sqlite');
  await buildRegistry({ manifest: path.join(root, 'data', 'demo', 'manifest.json'), out: live });
  const served = openRegistry(live);
  expect(served.db.pragma('locking_mode', { simple: true })).toBe('exclusive');
  const text = '建设银行 深圳市福田区演示大道88号示例金融大厦一楼';
  expect(check(text, served).verdict).toBe('registered_branch'); // (the lock is now held)
  const Database = (await import('better-sqlite3')).default;
  for (const mode of ['normal', 'exclusive']) {
    const other = new Database(live, { readonly: true, fileMustExist: true });
    try {
      other.pragma(`locking_mode = ${mode}`);
      expect(other.prepare('SELECT count(*) AS n FROM outlets').get()).toEqual({ n: served.info.outlets });
    } finally {
      other.close();
    }
  }
  expect(check(text, served).verdict).toBe('registered_branch');
});
