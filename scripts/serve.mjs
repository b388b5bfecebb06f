#!/usr/bin/env node
// Serves the built app with one worker per core (node:cluster): `npm start` runs this after
// building. Each worker is a whole server (Next's request handler behind the page cache of
// page-cache.mjs); the primary only hands out connections, restarts a worker that dies, holds
// the rate limit's buckets for all workers (lib/web/shared-rate-limit.ts), and gives every
// worker the same LOG_HASH_KEY so that their logs agree on a text's hash.
//
//   WEB_CONCURRENCY   number of workers (default: the number of cores; 1 runs one worker)
//   PORT, -p/--port   port (default 3000)
//   -H/--hostname     address to listen on (default: every interface)
//   FAST_ROUTES=0     send /api/check through Next's router too (see fast-routes.mjs)
//   PAGE_CACHE=0      render every result page (see page-cache.mjs)
//   WORKER_NODE_FLAGS V8 flags for each worker, space-separated (default: --single-threaded-gc
//                     when the workers fill the cores, and --max-semi-space-size=64; see
//                     workerNodeFlags; "" for none)
//   ACCEPT_HANDLES    handles each worker accepts connections through (default 8; see
//                     accept-handles.mjs: one connection per handle per event-loop turn)
//   CLUSTER_SCHEDULING  how new connections are shared out between the workers:
//                     reuseport (the default, on Linux) each worker listens on sockets of its
//                       own, ACCEPT_HANDLES of them (SO_REUSEPORT, see reuse-port.mjs), and the
//                       kernel puts each new connection in one of them by a hash of its addresses:
//                       an even split, whichever worker is awake;
//                     none  the workers take connections from one shared socket (node:cluster's
//                       SCHED_NONE; the default where SO_REUSEPORT is not to be had). Measured on 2
//                       cores with 128 connections opened at once, whoever wakes first takes most
//                       (125/3 to 69/61, and all 32 of 32); each worker takes them through
//                       ACCEPT_HANDLES copies of the socket (accept-handles.mjs);
//                     rr    the primary accepts each and hands it to the next worker in turn: even,
//                       but one per turn of a busy worker's event loop (the last waited up to
//                       3.8 s). See README.
//
// (A plain Node launcher, run before and outside the app's bundle: it reads these, and
// LOG_HASH_KEY, QUIET_LOGS and WORKER_ID for its own lines, from process.env. The app reads its
// settings through lib/settings/env.ts.)
import cluster from 'node:cluster';
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptHandleCount, addAcceptHandles, listenAlso, serveAcceptHandles } from './accept-handles.mjs';
import { buildFastRoutes, loadFastRoutes, loadRateLimitServer } from './fast-routes.mjs';
import { createPageCache } from './page-cache.mjs';
import { openReusePortHandles, reusePortUnavailable } from './reuse-port.mjs';
import { workerNodeFlags } from './worker-flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(names, dflt) {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    for (const n of names) {
      if (argv[i] === n) return argv[i + 1];
      if (argv[i].startsWith(`${n}=`)) return argv[i].slice(n.length + 1);
    }
  }
  return dflt;
}

export function workerCount(env = process.env) {
  const n = Number(env.WEB_CONCURRENCY);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 64) : os.availableParallelism();
}

/** CLUSTER_SCHEDULING as given: 'reuseport' (also when unset), 'none', 'rr', or anything else (taken as the default, and said so). In a worker: what the primary chose. */
const SCHEDULINGS = ['reuseport', 'none', 'rr'];
const scheduling = (process.env.CLUSTER_SCHEDULING ?? '').trim().toLowerCase() || 'reuseport';

const port = Number(option(['-p', '--port'], process.env.PORT ?? 3000));
const hostname = option(['-H', '--hostname'], undefined);

/** Listen on the port for a moment, without SO_REUSEPORT: rejects (EADDRINUSE) when another program holds it, as another npm start would (whose SO_REUSEPORT sockets the workers would otherwise join, sharing its connections). */
function portIsFree(port, host) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer((socket) => socket.destroy());
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

if (cluster.isPrimary) {
  let mode = scheduling;
  if (!SCHEDULINGS.includes(mode)) {
    console.error(`CLUSTER_SCHEDULING=${JSON.stringify(process.env.CLUSTER_SCHEDULING)} is none of ${SCHEDULINGS.join(', ')}: using reuseport`);
    mode = 'reuseport';
  }
  if (mode === 'reuseport') {
    const why = port === 0 ? 'port 0 picks a port per socket' : reusePortUnavailable();
    if (why) {
      console.error(`serve: the workers share one socket (CLUSTER_SCHEDULING=none): SO_REUSEPORT is not to be had here (${why})`);
      mode = 'none';
    }
  }
  cluster.schedulingPolicy = mode === 'rr' ? cluster.SCHED_RR : cluster.SCHED_NONE;
  try {
    await portIsFree(port, hostname);
  } catch (e) {
    console.error(`serve: cannot listen on ${hostname ?? 'every interface'} port ${port}: ${e.code === 'EADDRINUSE' ? 'another program (another npm start?) is listening there' : e.message}`);
    process.exit(1);
  }
  const count = workerCount();
  const env = { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', CLUSTER_SCHEDULING: mode, LOG_HASH_KEY: process.env.LOG_HASH_KEY || crypto.randomBytes(32).toString('hex') };
  // Should the bundles fail (a route that esbuild cannot bundle), everything still works
  // through Next, with a rate limit per worker: said once, loudly.
  let rateLimits = () => false;
  try {
    await buildFastRoutes(root);
    rateLimits = await loadRateLimitServer(root);
  } catch (e) {
    console.error(`serve: the direct /api/check route and the shared rate limit are off (${e.message.split('\n')[0]}); everything goes through Next, each worker limiting on its own`);
    Object.assign(env, { FAST_ROUTES: '0', SHARED_RATE_LIMIT: '0' });
  }
  const acceptHandles = serveAcceptHandles();
  let stopping = false;
  let ready = 0;
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...workerNodeFlags(count)] });
  const fork = (id) => {
    const w = cluster.fork({ ...env, WORKER_ID: String(id) });
    w.on('message', (m, handle) => {
      if (rateLimits(w, m) || acceptHandles(w, m, handle)) return;
      if (m?.listenFailed) {
        // (Before any worker was ready, a worker that cannot listen means none can: stop, and say why.)
        console.error(`serve: worker ${id} cannot listen: ${m.listenFailed}`);
        if (ready === 0) {
          stopping = true;
          for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
          process.exitCode = 1;
          setTimeout(() => process.exit(1), 2000).unref();
        }
        return;
      }
      if (m === 'ready' && ++ready === count) console.log(`真网点 ready on http://${hostname ?? 'localhost'}:${port} with ${count} worker${count > 1 ? 's' : ''} (WEB_CONCURRENCY)`);
    });
    w.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`worker ${id} stopped (${signal ?? code}); starting another`);
      setTimeout(() => fork(id), 1000).unref();
    });
  };
  for (let i = 1; i <= count; i++) fork(i);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      setTimeout(() => process.exit(0), 3000).unref();
      cluster.on('exit', () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
    });
  }
} else {
  process.env.NODE_ENV = 'production';
  const next = createRequire(path.join(root, 'package.json'))('next');
  const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const quiet = process.env.QUIET_LOGS === '1';
  const pages = createPageCache({
    root,
    onHit: () => {
      if (!quiet) process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), event: 'page', cached: true, worker: Number(process.env.WORKER_ID) })}\n`);
    },
  });
  const fastRoutes = process.env.FAST_ROUTES !== '0' ? await loadFastRoutes(root, port) : () => false;
  const cachePages = process.env.PAGE_CACHE !== '0';
  const server = http.createServer((req, res) => {
    if (fastRoutes(req, res)) return;
    if (cachePages && pages.handle(req, res)) return;
    handle(req, res).catch((e) => {
      console.error(e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"internal","message":"Internal error."}}');
    });
  });
  server.keepAliveTimeout = 65_000;
  // A request whose line and headers are past Node's limit (a GET of more than 64 KB) never
  // reaches the app: answer it in the API's one error shape, as the app answers one over 4 KB.
  server.on('clientError', (err, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLong = err?.code === 'HPE_HEADER_OVERFLOW';
    const body = tooLong
      ? '{"error":{"code":"uri_too_long","message":"The request is too long: send the text by POST /api/check {\\"text\\": \\"...\\"}."}}'
      : '{"error":{"code":"invalid_request","message":"The request could not be read."}}';
    socket.end(`HTTP/1.1 ${tooLong ? '414 URI Too Long' : '400 Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  // Each worker takes connections through several handles (accept-handles.mjs): with
  // reuseport, sockets of its own (reuse-port.mjs); with none, copies of the shared one. With rr
  // the primary accepts them.
  let extras = [];
  const listenFailed = (e) => {
    process.send?.({ listenFailed: e.message.split('\n')[0] });
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 200);
  };
  // (reuseport: the first socket is the server's own, the others feed it; else the port itself.)
  const own = scheduling === 'reuseport' ? openReusePortHandles({ host: hostname, port, count: acceptHandleCount() }) : Promise.resolve(null);
  own.then((handles) => {
    server.once('error', listenFailed);
    const listening = () => {
      server.off('error', listenFailed);
      if (scheduling === 'none') extras = addAcceptHandles(server, acceptHandleCount());
      process.send?.('ready');
    };
    if (handles) {
      server.listen(handles[0], listening);
      extras = handles.slice(1).map((h) => listenAlso(server, h));
    } else server.listen(port, hostname, listening);
  }, listenFailed);
  process.on('SIGTERM', () => {
    // (Each server calls back once the connections it accepted are done.)
    Promise.all([server, ...extras].map((s) => new Promise((done) => s.close(done)))).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
