import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { buildRegistry } from '../../lib/registry/build';
import { openRegistry } from '../../lib/registry/registry';
import { evalDataPresent } from './corpus';
import { buildDevSet, REGISTRY_DIR } from './verdict-set';

// Reads ../shared/data in place; where it is absent this reports itself skipped.
describe.skipIf(!evalDataPresent())('verdicts on messages written from the real registry sample', () => {
  test('≥ 97% right, and no office floor, missing outlet or other bank called a registered branch', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-verdicts-'));
    try {
      const r = await buildRegistry({ manifest: path.join(REGISTRY_DIR, 'manifest.json'), out: path.join(dir, 'sample.sqlite') });
      const registry = openRegistry(r.out);
      const cases = buildDevSet(60, 7);
      let ok = 0;
      let unsafe = 0;
      for (const c of cases) {
        const v = check(c.text, registry).verdict;
        if (v === c.expected) ok++;
        if (v === 'registered_branch' && ['office_floor', 'not_registered', 'bank_mismatch'].includes(c.expected)) unsafe++;
      }
      expect(ok / cases.length).toBeGreaterThanOrEqual(0.97);
      expect(unsafe).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
