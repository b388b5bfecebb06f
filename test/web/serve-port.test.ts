import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * npm start's launcher (scripts/serve.mjs) on a port another program holds: it stops at once,
 * exit 1, with the reason, before starting any worker (with SO_REUSEPORT its workers could
 * otherwise join another npm start's sockets and share its connections).
 */
const serve = path.resolve(__dirname, '../../scripts/serve.mjs');

function held(host: string): Promise<net.Server> {
  return new Promise((resolve) => {
    const s = net.createServer().listen({ port: 0, host, exclusive: true }, () => resolve(s));
  });
}

describe('serve.mjs on a port in use', () => {
  it.each([
    ['the same address', '127.0.0.1', ['-H', '127.0.0.1']],
    ['every interface', '127.0.0.1', []],
  ])('%s: exit 1, saying so, at once', async (_, host, args) => {
    const other = await held(host);
    const { port } = other.address() as net.AddressInfo;
    try {
      const r = spawnSync(process.execPath, [serve, '-p', String(port), ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, WEB_CONCURRENCY: '1' } });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`port ${port}: another program (another npm start?) is listening there`);
      expect(r.stdout).not.toContain('ready');
    } finally {
      other.close();
    }
  });
});
