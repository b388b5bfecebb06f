import fs from 'node:fs';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script, no types
import { ipv6Bytes, listenAddresses, openReusePortHandles, reusePortUnavailable, sockaddr } from '../../scripts/reuse-port.mjs';

describe('ipv6Bytes: an IPv6 address as its 16 bytes', () => {
  it.each([
    ['::', '00000000000000000000000000000000'],
    ['::1', '00000000000000000000000000000001'],
    ['1::', '00010000000000000000000000000000'],
    ['2001:db8::8a2e:370:7334', '20010db80000000000008a2e03707334'],
    ['fe80:0:0:0:1:2:3:4', 'fe800000000000000001000200030004'],
    ['FE80::ABCD', 'fe80000000000000000000000000abcd'],
    ['::ffff:127.0.0.1', '00000000000000000000ffff7f000001'],
    ['64:ff9b::192.0.2.33', '0064ff9b0000000000000000c0000221'],
  ])('%s', (ip, hex) => {
    expect(ipv6Bytes(ip).toString('hex')).toBe(hex);
  });

  it.each(['127.0.0.1', 'fe80::1%eth0', 'localhost', '1:2:3', ''])('refuses %j', (ip) => {
    expect(() => ipv6Bytes(ip)).toThrow();
  });
});

describe('sockaddr: struct sockaddr_in and sockaddr_in6', () => {
  it.each([
    // family (2 or 10) in host order, then the port in network order, then the address
    ['127.0.0.1', 3000, true, '02000bb87f0000010000000000000000'],
    ['127.0.0.1', 3000, false, '00020bb87f0000010000000000000000'],
    ['0.0.0.0', 80, true, '02000050000000000000000000000000'],
    ['::', 443, true, `0a0001bb00000000${'00'.repeat(16)}00000000`],
    ['::1', 65535, false, `000affff00000000${'00'.repeat(15)}0100000000`],
  ])('%s port %i (little-endian %s)', (ip, port, little, hex) => {
    expect(sockaddr(ip, port, little).toString('hex')).toBe(hex);
  });

  it('refuses a name', () => {
    expect(() => sockaddr('localhost', 80)).toThrow(/not an IP address/);
  });
});

describe('listenAddresses: where server.listen(port, host) listens', () => {
  it.each([
    [undefined, ['::', '0.0.0.0']],
    ['', ['::', '0.0.0.0']],
    ['127.0.0.1', ['127.0.0.1']],
    ['::1', ['::1']],
  ])('%j', async (host, want) => {
    expect(await listenAddresses(host)).toEqual(want);
  });

  it('a name: its first address', async () => {
    const [ip] = await listenAddresses('localhost');
    expect(['127.0.0.1', '::1']).toContain(ip);
  });
});

const linux = process.platform === 'linux';
const openFds = () => fs.readdirSync('/proc/self/fd').length;

/** A port nothing listens on, from the kernel. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!linux)('openReusePortHandles: listening sockets that share a port (Linux)', () => {
  const servers: net.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
  });

  const serve = (handle: unknown, tag: string) => {
    const s = net.createServer((c) => c.end(tag));
    servers.push(s);
    return new Promise<void>((resolve) => s.listen(handle as net.ListenOptions, resolve));
  };
  const connectOnce = (port: number) =>
    new Promise<string>((resolve, reject) => {
      let got = '';
      net.connect(port, '127.0.0.1').on('data', (d) => (got += d)).on('end', () => resolve(got)).on('error', reject);
    });

  it('is available here', () => {
    expect(reusePortUnavailable()).toBeNull();
  });

  it('two groups of sockets on one port, as two workers open them, share new connections between them', async () => {
    const port = await freePort();
    for (const tag of ['a', 'b']) {
      const handles = await openReusePortHandles({ host: '127.0.0.1', port, count: 4 });
      expect(handles).toHaveLength(4);
      for (const h of handles) await serve(h, tag);
    }
    const got = await Promise.all(Array.from({ length: 64 }, () => connectOnce(port)));
    const a = got.filter((t) => t === 'a').length;
    expect(a + got.filter((t) => t === 'b').length).toBe(64);
    // (By a hash of each connection's addresses over 8 sockets: below 12 of 64 either way about once in 10^7.)
    expect(a).toBeGreaterThanOrEqual(12);
    expect(a).toBeLessThanOrEqual(52);
  });

  it('every interface: one socket for IPv6 and IPv4 alike', async () => {
    const port = await freePort();
    const [h] = await openReusePortHandles({ port, count: 1 });
    await serve(h, 'any');
    expect(await connectOnce(port)).toBe('any');
    expect(servers[0].address()).toMatchObject({ address: '::', port });
  });

  it('a program listening without SO_REUSEPORT keeps its port: EADDRINUSE, and nothing left open', async () => {
    const port = await freePort();
    await serve({ port, host: '127.0.0.1', exclusive: true }, 'plain');
    const before = openFds();
    await expect(openReusePortHandles({ host: '127.0.0.1', port, count: 4 })).rejects.toMatchObject({ code: 'EADDRINUSE', syscall: 'bind' });
    expect(openFds()).toBe(before);
  });

  it('and the other way round: a plain listen on their port fails', async () => {
    const port = await freePort();
    for (const h of await openReusePortHandles({ host: '127.0.0.1', port, count: 2 })) await serve(h, 'r');
    const plain = net.createServer();
    const err = await new Promise<NodeJS.ErrnoException>((resolve) => plain.once('error', resolve).listen({ port, host: '127.0.0.1', exclusive: true }));
    expect(err.code).toBe('EADDRINUSE');
  });

  it.each([0, -1, 70000, 1.5])('needs a fixed port: %s', async (port) => {
    await expect(openReusePortHandles({ host: '127.0.0.1', port, count: 1 })).rejects.toThrow(/fixed port/);
  });
});
