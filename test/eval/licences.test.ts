import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { check } from '../../lib/check';
import { buildRegistry } from '../../lib/registry/build';
import { openRegistry } from '../../lib/registry/registry';
import { buildLicenceSet, LICENCE_DIR, licenceDataPresent } from './licence-set';

// Reads ../shared/data/licences in place; where it is absent this reports itself skipped. The
// registry is the committed snapshot (data/licences), the default registry.
describe.skipIf(!licenceDataPresent())('verdicts on messages written from the licence export', () => {
  let dir: string;
  let snapshot: Awaited<ReturnType<typeof buildRegistry>>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-licence-eval-'));
    snapshot = await buildRegistry({ manifest: path.resolve(__dirname, '../../data/licences/manifest.json'), out: path.join(dir, 'licences.sqlite') });
  }, 240_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('≥ 97% right, and nothing that is no branch called a registered branch', async () => {
    {
      const registry = openRegistry(snapshot.out);
      const cases = await buildLicenceSet(40, 11);
      let ok = 0;
      let unsafe = 0;
      for (const c of cases) {
        const v = check(c.text, registry).verdict;
        if (v === c.expected) ok++;
        if (v === 'registered_branch' && c.expected !== 'registered_branch') unsafe++;
      }
      expect(ok / cases.length).toBeGreaterThanOrEqual(0.97);
      expect(unsafe).toBe(0);
    }
  }, 240_000);

  test('the committed snapshot builds the same registry, with the same version, as the export', async () => {
    {
      const fromSnapshot = snapshot;
      const fromExport = await buildRegistry({ manifest: path.join(LICENCE_DIR, 'manifest.json'), out: path.join(dir, 'b.sqlite') });
      expect(fromSnapshot.version).toBe(fromExport.version);
      expect(fromSnapshot.outlets).toBe(fromExport.outlets);
      const skipped = fromExport.sources.reduce((n, s) => n + s.skipped, 0);
      const read = fromExport.sources.reduce((n, s) => n + s.rowsRead, 0);
      expect(skipped / read).toBeLessThanOrEqual(0.005);
    }
  }, 240_000);
});
