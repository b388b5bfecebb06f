// The API route that takes the crowd's new texts (app/api/check/route.ts), served past Next's
// router. Measured on this machine, Next's request pipeline (routing, the Request and Headers
// it builds, its web streams) cost more CPU than the check itself; the route handler needs
// none of it (it takes a Request and answers a Response). So the same file is bundled once
// with esbuild (as scripts/cli.mjs does for the command line) and called here directly, with
// the request dressed as Next dresses it (X-Forwarded-* filled when absent) and the same
// security headers. Whatever the route answers, it answers the same; any method it does not
// export, and every other path, goes on to Next.
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROUTES = { '/api/check': 'app/api/check/route.ts' };
// (Also bundled: what the primary process runs, the buckets of the shared rate limit.)
const PRIMARY = { 'primary-rate-limits': 'lib/web/shared-rate-limit.ts' };
const MAX_BUFFERED = 64 * 1024; // (past the route's own limit: it answers 413 for such a body)

function newest(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

const outfileOf = (root, route) => path.join(root, '.cache', 'fast-routes', `${route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.mjs`);

/** Bundle the routes when missing or older than their sources (run once, in the primary). */
export async function buildFastRoutes(root) {
  const sources = Math.max(...['app/api', 'lib', 'package.json', 'tsconfig.json'].map((p) => newest(path.join(root, p))));
  for (const [route, file] of Object.entries({ ...ROUTES, ...PRIMARY })) {
    const outfile = outfileOf(root, route);
    if (fs.existsSync(outfile) && fs.statSync(outfile).mtimeMs >= sources) continue;
    await build({
      entryPoints: [path.join(root, file)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      tsconfig: path.join(root, 'tsconfig.json'),
      external: ['better-sqlite3'],
      define: { 'process.env.NODE_ENV': '"production"' },
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: 'warning',
    });
  }
}

/** The primary's answerer of the workers' rate-limit takes (lib/web/shared-rate-limit.ts). */
export async function loadRateLimitServer(root) {
  const mod = await import(pathToFileURL(outfileOf(root, 'primary-rate-limits')).href);
  return mod.serveRateLimits();
}

/**
 * The request as the route reads it (ApiRequest, lib/web/http.ts) rather than a Web Request:
 * the headers as Node parsed them, read through the same get() (names in any case, repeated
 * ones joined by ", "), the URL as a Request would hold it, and the body already read, handed
 * over as the one chunk of a reader. (A Request, its Headers and its body's stream cost 8% of
 * a check's CPU, measured.) A Host that makes no URL ("a b") gives way to the server's own
 * origin, as Next's router does: the answer is the same either way.
 */
export function apiRequest(req, body, ownOrigin = 'http://localhost') {
  const h = req.headers;
  let url;
  try {
    url = new URL(`http://${h.host ?? 'localhost'}${req.url}`).href;
  } catch {
    url = new URL(`${ownOrigin}${req.url}`).href;
  }
  return {
    method: req.method,
    url,
    headers: {
      get(name) {
        const v = h[String(name).toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v);
      },
    },
    body: body === undefined ? null : oneChunk(body),
  };
}

function oneChunk(bytes) {
  return {
    getReader() {
      let given = false;
      return {
        async read() {
          if (given || bytes.length === 0) return { done: true, value: undefined };
          given = true;
          return { done: false, value: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
        },
        async cancel() {},
        releaseLock() {},
      };
    },
  };
}

/** A handler that answers the fast routes (true) or leaves the request to Next (false). */
export async function loadFastRoutes(root, port) {
  const security = createRequire(path.join(root, 'package.json'))(path.join(root, 'security-headers.js'));
  const modules = {};
  for (const route of Object.keys(ROUTES)) modules[route] = await import(pathToFileURL(outfileOf(root, route)).href);

  async function serve(req, res, fn, body) {
    const h = req.headers;
    h['x-forwarded-host'] ??= h.host ?? 'localhost';
    h['x-forwarded-port'] ??= String(port);
    h['x-forwarded-proto'] ??= 'http';
    h['x-forwarded-for'] ??= req.socket.remoteAddress;
    let answer;
    try {
      // (A handler made with routeHandler, lib/web/http.ts, answers as it made its answer: a
      // Response, or a JSON answer with its body as text, which needs no Response.)
      answer = await (typeof fn.direct === 'function' ? fn.direct : fn)(apiRequest(req, body, `http://localhost:${port}`));
    } catch (e) {
      console.error(e);
      answer = new Response('{"error":{"code":"internal","message":"Internal error."}}', { status: 500, headers: { 'content-type': 'application/json' } });
    }
    const out = {};
    for (const { key, value } of security) out[key.toLowerCase()] = value;
    let bytes = null;
    if (answer instanceof Response) {
      for (const [k, v] of answer.headers) out[k] = v;
      if (answer.body) bytes = Buffer.from(await answer.arrayBuffer());
    } else {
      Object.assign(out, answer.headers);
      bytes = Buffer.from(answer.body);
    }
    if (bytes) out['content-length'] = String(bytes.length);
    res.writeHead(answer.status, out);
    res.end(bytes ?? undefined);
  }

  return function handle(req, res) {
    const q = req.url.indexOf('?');
    const mod = modules[q < 0 ? req.url : req.url.slice(0, q)];
    const fn = mod?.[req.method];
    if (typeof fn !== 'function') return false;
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
      serve(req, res, fn, undefined);
      return true;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      if (size <= MAX_BUFFERED) chunks.push(c);
      size += c.length;
    });
    req.on('end', () => serve(req, res, fn, Buffer.concat(chunks)));
    req.on('error', () => res.destroy());
    return true;
  };
}
