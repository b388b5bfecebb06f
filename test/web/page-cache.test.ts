import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
// @ts-expect-error plain Node module of npm start's server (scripts/), no types
import { createPageCache } from '../../scripts/page-cache.mjs';

/**
 * npm start's cache of whole result pages (scripts/page-cache.mjs) keys every page on the
 * registry file the app answers from: a registry swapped in (renamed over the live one) is
 * never answered from pages made from the one before. For the default registry, the licence
 * one, as for REGISTRY_DB and for REGISTRY=demo.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function serverWith(root: string) {
  const cache = createPageCache({ root });
  let version = 'v1';
  const server = http.createServer((req, res) => {
    if (cache.handle(req, res)) return;
    res.setHeader('content-type', 'text/html; charset=utf-8'); // (as Next sets its headers)
    res.end(`<p>${version}</p>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const get = async () => (await fetch(`http://127.0.0.1:${port}/r?a=x`)).text();
  return { get, setVersion: (v: string) => (version = v), close: () => new Promise((r) => server.close(r)) };
}

afterEach(() => vi.unstubAllEnvs());

describe('the page cache follows the registry the app answers from', () => {
  test.each([
    { which: 'the default (licence) registry', env: {}, file: 'data/licence-registry.sqlite' },
    { which: 'REGISTRY=demo', env: { REGISTRY: 'demo' }, file: 'data/demo-registry.sqlite' },
    { which: 'REGISTRY_DB', env: { REGISTRY_DB: 'elsewhere/mine.sqlite' }, file: 'elsewhere/mine.sqlite' },
  ])('$which: a page is kept, and a swapped registry is never answered from it', async ({ env, file }) => {
    vi.stubEnv('REGISTRY_DB', '');
    vi.stubEnv('REGISTRY', '');
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'page-cache-'));
    const live = path.join(root, file);
    for (const dir of [path.dirname(live), path.join(root, 'data')]) fs.mkdirSync(dir, { recursive: true });
    // (Both built-in files exist, so that keying on the wrong one would go unseen by the swap.)
    for (const f of ['data/licence-registry.sqlite', 'data/demo-registry.sqlite']) fs.writeFileSync(path.join(root, f), 'old');
    fs.writeFileSync(live, 'old registry');
    await sleep(1100); // (a page made within a second of a swap is not kept)
    const s = await serverWith(root);
    try {
      expect(await s.get()).toBe('<p>v1</p>');
      s.setVersion('v2');
      expect(await s.get()).toBe('<p>v1</p>'); // kept
      fs.writeFileSync(`${live}.new`, 'new registry, another size');
      fs.renameSync(`${live}.new`, live);
      expect(await s.get()).toBe('<p>v2</p>');
    } finally {
      await s.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 15_000);
});
