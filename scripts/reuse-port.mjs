// Sockets of each worker's own on npm start's port (SO_REUSEPORT), so that Linux, and not
// whichever worker happens to be running, shares new connections out (scripts/serve.mjs).
//
// With one socket shared by the workers (CLUSTER_SCHEDULING=none), a burst of new connections
// goes to the worker that is awake when it comes. On two cores, where the load generator takes
// a core of its own, splits of 125/3, 123/7 and 34/0 (all 32 connections on one worker) were
// measured, and keep-alive keeps them there: one worker answers everything, the other idles.
// With SO_REUSEPORT each socket has its own queue, and the kernel puts each new connection in
// one of them by a hash of its addresses: an even split, whoever is awake.
//
// Node 22.12 offers this as listen({ reusePort: true }); Node 20, this machine's, does not. So
// the sockets are made here through libc, with koffi (a foreign-function library that ships
// built for each platform), and handed to Node as listening TCP handles (node's own tcp_wrap,
// whose open(fd) is how Node itself adopts a descriptor). Linux only: elsewhere, or should any
// part of it be missing, reusePortUnavailable() says why and npm start shares one socket.
//
// (Plain Node, run outside the app's bundle.)
import dns from 'node:dns/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';

const require = createRequire(import.meta.url);

// Linux's values on the architectures that use its generic ABI for these (not mips, sparc, alpha, parisc, ppc).
const C = { AF_INET: 2, AF_INET6: 10, SOCK_STREAM: 1, SOCK_NONBLOCK: 0o4000, SOCK_CLOEXEC: 0o2000000, SOL_SOCKET: 1, SO_REUSEADDR: 2, SO_REUSEPORT: 15, IPPROTO_IPV6: 41, IPV6_V6ONLY: 26 };
const GENERIC_ABI = { x64: 'x86_64', arm64: 'aarch64', ia32: 'i386', arm: 'armhf', riscv64: 'riscv64', loong64: 'loongarch64' };
const ERRNO_NAMES = Object.fromEntries(Object.entries(os.constants.errno).map(([name, n]) => [n, name]));
const LITTLE_ENDIAN = os.endianness() === 'LE';

/** The 16 bytes of an IPv6 address given as net.isIP accepts it (with :: and dotted IPv4 tails; no %scope). */
export function ipv6Bytes(ip) {
  if (net.isIP(ip) !== 6 || ip.includes('%')) throw new Error(`not an unscoped IPv6 address: ${ip}`);
  let s = ip;
  const dotted = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(2).map(Number);
    s = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = s.split('::');
  const before = head ? head.split(':') : [];
  const after = tail ? tail.split(':') : [];
  const groups = tail === undefined ? before : [...before, ...Array(8 - before.length - after.length).fill('0'), ...after];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

/** struct sockaddr_in / sockaddr_in6 for an IP address and port (family in host order, port in network order). */
export function sockaddr(ip, port, littleEndian = LITTLE_ENDIAN) {
  const v = net.isIP(ip);
  if (v === 0) throw new Error(`not an IP address: ${ip}`);
  const out = Buffer.alloc(v === 4 ? 16 : 28);
  out[littleEndian ? 'writeUInt16LE' : 'writeUInt16BE'](v === 4 ? C.AF_INET : C.AF_INET6, 0);
  out.writeUInt16BE(port, 2);
  if (v === 4) ip.split('.').forEach((part, i) => (out[4 + i] = Number(part)));
  else ipv6Bytes(ip).copy(out, 8); // (flowinfo before it and scope id after it stay 0)
  return out;
}

/** Where Node's server.listen(port, host) would listen, in the order it tries: with no host, every interface ('::', which takes IPv4 too, else '0.0.0.0'); else the host's first address. */
export async function listenAddresses(host) {
  if (host === undefined || host === null || host === '') return ['::', '0.0.0.0'];
  if (net.isIP(host)) return [host];
  return [(await dns.lookup(host)).address];
}

let libc;
function loadLibc() {
  if (libc) return libc;
  if (process.platform !== 'linux' || !GENERIC_ABI[process.arch]) throw new Error(`not on ${process.platform} ${process.arch}`);
  const koffi = require('koffi');
  let lib;
  for (const name of ['libc.so.6', `libc.musl-${GENERIC_ABI[process.arch]}.so.1`]) {
    try {
      lib = koffi.load(name);
      break;
    } catch {}
  }
  if (!lib) throw new Error('no libc to load');
  const { TCP, constants } = process.binding('tcp_wrap');
  if (typeof TCP?.prototype?.open !== 'function') throw new Error("Node's tcp_wrap has no open()");
  libc = {
    socket: lib.func('int socket(int, int, int)'),
    setsockopt: lib.func('int setsockopt(int, int, int, const void *, uint32_t)'),
    bind: lib.func('int bind(int, const void *, uint32_t)'),
    listen: lib.func('int listen(int, int)'),
    close: lib.func('int close(int)'),
    errno: () => koffi.errno(),
    handle: (fd) => {
      const h = new TCP(constants.SERVER);
      const err = h.open(fd);
      if (err) throw Object.assign(new Error(`open ${ERRNO_NAMES[-err] ?? err}`), { code: ERRNO_NAMES[-err] });
      return h;
    },
  };
  return libc;
}

function failure(call, lib, where) {
  const n = lib.errno();
  const code = ERRNO_NAMES[n] ?? `errno ${n}`;
  return Object.assign(new Error(`${call} ${code}${where ? ` ${where}` : ''}`), { code, syscall: call });
}

const int = (n) => Buffer.from(new Int32Array([n]).buffer);

function openSocket(lib, ip, port, backlog) {
  const v6 = net.isIP(ip) === 6;
  const fd = lib.socket(v6 ? C.AF_INET6 : C.AF_INET, C.SOCK_STREAM | C.SOCK_NONBLOCK | C.SOCK_CLOEXEC, 0);
  if (fd < 0) throw failure('socket', lib);
  try {
    // (SO_REUSEADDR as libuv sets it, so that a restart does not wait for closed connections.)
    if (lib.setsockopt(fd, C.SOL_SOCKET, C.SO_REUSEADDR, int(1), 4) !== 0) throw failure('setsockopt SO_REUSEADDR', lib);
    if (lib.setsockopt(fd, C.SOL_SOCKET, C.SO_REUSEPORT, int(1), 4) !== 0) throw failure('setsockopt SO_REUSEPORT', lib);
    // '::' takes IPv4 connections too, as Node's listen on every interface does.
    if (ip === '::' && lib.setsockopt(fd, C.IPPROTO_IPV6, C.IPV6_V6ONLY, int(0), 4) !== 0) throw failure('setsockopt IPV6_V6ONLY', lib);
    const addr = sockaddr(ip, port);
    const where = v6 ? `[${ip}]:${port}` : `${ip}:${port}`;
    if (lib.bind(fd, addr, addr.length) !== 0) throw failure('bind', lib, where);
    if (lib.listen(fd, backlog) !== 0) throw failure('listen', lib, where);
    return fd;
  } catch (e) {
    lib.close(fd);
    throw e;
  }
}

/** Why SO_REUSEPORT sockets cannot be made here (a sentence), or null when they can. */
export function reusePortUnavailable() {
  try {
    const lib = loadLibc();
    const fd = lib.socket(C.AF_INET, C.SOCK_STREAM | C.SOCK_CLOEXEC, 0);
    if (fd < 0) throw failure('socket', lib);
    const ok = lib.setsockopt(fd, C.SOL_SOCKET, C.SO_REUSEPORT, int(1), 4) === 0;
    const err = ok ? null : failure('setsockopt SO_REUSEPORT', lib);
    lib.close(fd);
    if (err) throw err;
    return null;
  } catch (e) {
    return e.message.split('\n')[0];
  }
}

/**
 * `count` listening sockets on host:port, each with SO_REUSEPORT, as TCP handles for
 * server.listen(handle). The same call in another process of the same user joins the same
 * group (that is the point: each worker calls it). Rejects, having closed what it opened, when
 * any cannot be made: the error's code is the system's (EADDRINUSE when another program holds
 * the port).
 */
export async function openReusePortHandles({ host, port, count, backlog = 511 }) {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`SO_REUSEPORT needs a fixed port, not ${port}`);
  const lib = loadLibc();
  const fds = [];
  const handles = [];
  try {
    // The first address that takes a socket (as Node falls back from '::' to '0.0.0.0'), then the rest on it.
    let ip;
    let last;
    for (const candidate of await listenAddresses(host)) {
      try {
        fds.push(openSocket(lib, candidate, port, backlog));
        ip = candidate;
        break;
      } catch (e) {
        last = e;
      }
    }
    if (ip === undefined) throw last;
    while (fds.length < count) fds.push(openSocket(lib, ip, port, backlog));
    while (handles.length < fds.length) handles.push(lib.handle(fds[handles.length]));
    return handles;
  } catch (e) {
    // (A descriptor that has its handle is the handle's to close.)
    for (const h of handles) h.close();
    for (const fd of fds.slice(handles.length)) lib.close(fd);
    throw e;
  }
}
