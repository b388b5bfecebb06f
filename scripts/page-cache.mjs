// A cache of whole result pages (/r?…) and their preview images (/api/og?…) in front of
// Next's handler, in each worker.
//
// A forwarded link is opened by hundreds of people within a minute, and the page it opens is
// a pure function of the link, the reader's language, the address the site is reached by and
// the registry file: rendering it again for each of them (React, translations, QR code) costs
// ~10 ms of CPU, a cached copy well under one. What differs between two responses is the CSP
// nonce, which must be new every time: each hit gets a fresh one, written over the old one's
// places (same length, so the bytes are patched in place of a copy).
//
// What is kept: 200 responses to a plain GET of /r (no client-navigation or server-action
// headers, no Set-Cookie) that are HTML, and of /api/og that are PNG (answered 304 here when
// If-None-Match names their ETag, as the route itself does), at most PAGE_CACHE_BYTES per worker (default 32 MB), least
// recently used first out. A swapped registry file (new inode or mtime) changes every key.
// (Plain Node outside the app's bundle: PAGE_CACHE_BYTES, REGISTRY_DB and REGISTRY are read from
// process.env here, not through lib/settings/env.ts.)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const HOP = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'content-encoding']);
const SETTLE_MS = 1000;
const NAVIGATION = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-action', 'next-router-segment-prefetch'];

export function createPageCache({ root, maxBytes = Number(process.env.PAGE_CACHE_BYTES ?? 32 * 1024 * 1024), onHit = () => {} }) {
  const entries = new Map(); // key → { status, headers, body, nonceAt, nonceLength }
  let total = 0;
  // The file the app answers from, by lib/registry/locator.ts's rule: REGISTRY_DB, else the
  // built-in one REGISTRY names (the licence registry unless demo).
  const registryFile = () =>
    process.env.REGISTRY_DB?.trim()
      ? path.resolve(root, process.env.REGISTRY_DB.trim())
      : path.join(root, 'data', process.env.REGISTRY?.trim() === 'demo' ? 'demo-registry.sqlite' : 'licence-registry.sqlite');

  function keyOf(req) {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !(req.url.startsWith('/r?') || req.url.startsWith('/api/og?'))) return null;
    for (const h of NAVIGATION) if (req.headers[h] !== undefined) return null;
    const st = fs.statSync(registryFile(), { throwIfNoEntry: false });
    if (!st) return null;
    const locale = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/.exec(req.headers.cookie ?? '')?.[1] ?? '';
    const h = req.headers;
    // Just after a swap (a rename changes the file's ctime), a worker may still be answering
    // from the registry before (it looks every 250 ms): what it renders then is not kept.
    req.pageCacheFresh = Date.now() - st.ctimeMs < SETTLE_MS;
    return [`${st.ino}:${st.mtimeMs}:${st.size}`, req.url, locale, h.host ?? '', h['x-forwarded-host'] ?? '', h['x-forwarded-proto'] ?? ''].join('\n');
  }

  function store(key, entry) {
    if (entry.body.length > maxBytes / 8) return;
    const old = entries.get(key);
    if (old) total -= old.body.length;
    entries.delete(key);
    entries.set(key, entry);
    total += entry.body.length;
    for (const [k, e] of entries) {
      if (total <= maxBytes) break;
      entries.delete(k);
      total -= e.body.length;
    }
  }

  function send(req, res, e) {
    let body = e.body;
    const headers = { ...e.headers };
    if (e.nonce) {
      const fresh = Buffer.from(crypto.randomUUID()).toString('base64');
      body = Buffer.from(e.body);
      for (const at of e.nonceAt) body.write(fresh, at, 'latin1');
      headers['content-security-policy'] = headers['content-security-policy'].split(e.nonce).join(fresh);
    }
    if (!e.headers['content-type'].startsWith('image/') && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = zlib.gzipSync(body, { level: 1 });
      headers['content-encoding'] = 'gzip';
    }
    if (!e.headers['content-type'].startsWith('image/') && !/accept-encoding/i.test(String(headers.vary ?? ''))) headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
    headers['content-length'] = String(body.length);
    res.writeHead(e.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** Answer from the cache (true), or let Next answer and keep what it says (false). */
  function handle(req, res) {
    const key = keyOf(req);
    if (key === null) return false;
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
      const tag = hit.headers.etag;
      if (tag && String(req.headers['if-none-match'] ?? '').split(',').some((t) => t.trim() === tag || t.trim() === `W/${tag}`)) {
        res.writeHead(304, { etag: tag, 'cache-control': hit.headers['cache-control'] ?? '' });
        res.end();
        return true;
      }
      send(req, res, hit);
      onHit(req);
      return true;
    }
    if (req.method !== 'GET') return false;
    // Take the page uncompressed, to keep it and patch its nonce; it is compressed per reader.
    delete req.headers['accept-encoding'];
    const chunks = [];
    const write = res.write;
    const end = res.end;
    const take = (chunk, enc) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof enc === 'string' ? enc : 'utf8'));
    };
    res.write = function (chunk, enc, cb) {
      take(chunk, enc);
      return write.call(this, chunk, enc, cb);
    };
    res.end = function (chunk, enc, cb) {
      take(chunk, enc);
      const out = end.call(this, chunk, enc, cb);
      const hdrs = res.getHeaders();
      const type = String(hdrs['content-type'] ?? '');
      if (!req.pageCacheFresh && res.statusCode === 200 && !hdrs['set-cookie'] && !hdrs['content-encoding'] && (type.startsWith('text/html') || type === 'image/png')) {
        const headers = {};
        for (const [k, v] of Object.entries(hdrs)) if (!HOP.has(k)) headers[k] = v;
        const body = Buffer.concat(chunks);
        const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(headers['content-security-policy'] ?? ''))?.[1] ?? null;
        const nonceAt = [];
        if (nonce) for (let at = body.indexOf(nonce, 0, 'latin1'); at >= 0; at = body.indexOf(nonce, at + nonce.length, 'latin1')) nonceAt.push(at);
        // A fresh nonce has the same length as this one (base64 of a UUID), else keep nothing.
        if (!nonce || nonce.length === Buffer.from(crypto.randomUUID()).toString('base64').length) store(key, { status: 200, headers, body, nonce, nonceAt });
      }
      return out;
    };
    return false;
  }

  return { handle, get size() {
    return entries.size;
  } };
}
