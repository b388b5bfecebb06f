#!/usr/bin/env node
/**
 * npm run build:extension — the browser extension for Chromium browsers and Firefox, from one
 * source: extension/dist/chrome and extension/dist/firefox (unpacked, to load for testing) and
 * a zip of each for store upload.
 *
 *   --server <origin>   the server it asks by default (else EXTENSION_SERVER, else the production one)
 *   --out <dir>         where to build (default extension/dist)
 *   --target <t>        chrome, firefox or all (default all)
 *   --no-zip            unpacked only
 *   --test-hook         keep the end-to-end tests' hook (globalThis.realbranch); store builds drop it
 *
 * The verdict titles come from the web app's own messages (messages/*.json), so the
 * extension and the site always say the same thing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : dflt);
const PRODUCTION_SERVER = 'https://zhenwangdian.cn';
const serverArg = opt('server', process.env.EXTENSION_SERVER || PRODUCTION_SERVER);
const out = path.resolve(opt('out', path.join(here, 'dist')));
const targets = opt('target', 'all') === 'all' ? ['chrome', 'firefox'] : [opt('target')];
const zip = !argv.includes('--no-zip');
const testHook = argv.includes('--test-hook');

let server;
try {
  const u = new URL(serverArg);
  if (!/^https?:$/.test(u.protocol) || (u.pathname !== '/' && u.pathname !== '')) throw new Error();
  server = u.origin;
} catch {
  console.error(`--server ${serverArg}: give an origin such as https://example.org or http://localhost:3000`);
  process.exit(2);
}
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
// Match patterns carry no port: http://localhost:3000 is covered by http://localhost/*.
const hostPattern = (origin) => {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
};

function manifest(target) {
  const m = {
    manifest_version: 3,
    name: '__MSG_extName__',
    short_name: '真网点',
    description: '__MSG_extDescription__',
    version,
    default_locale: 'zh_CN',
    icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
    action: { default_popup: 'popup.html', default_title: '__MSG_extName__', default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' } },
    options_ui: { page: 'options.html', open_in_tab: true },
    // Least privilege: the menu (whose click hands over the selected text, no tab access
    // needed), a place for the setting, and the one server it asks. Another server's access is
    // requested when it is chosen.
    permissions: ['contextMenus', 'storage'],
    host_permissions: [hostPattern(server)],
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'" },
  };
  if (target === 'chrome') {
    m.background = { service_worker: 'background.js' };
    m.minimum_chrome_version = '127';
  } else {
    m.background = { scripts: ['background.js'] };
    m.browser_specific_settings = {
      gecko: {
        id: 'realbranch@zhenwangdian.cn',
        // 140 (ESR) is the first to read data_collection_permissions.
        strict_min_version: '140.0',
        // What leaves the browser: the text a person chose to check, sent to the checking server.
        data_collection_permissions: { required: ['websiteContent'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return m;
}

function locales() {
  const site = { zh_CN: 'zh', en: 'en' };
  const out = {};
  for (const [dir, lang] of Object.entries(site)) {
    const own = JSON.parse(fs.readFileSync(path.join(here, 'static', '_locales', dir, 'messages.json'), 'utf8'));
    const words = JSON.parse(fs.readFileSync(path.join(root, 'messages', `${lang}.json`), 'utf8'));
    for (const [v, w] of Object.entries(words.verdict)) if (w && typeof w === 'object') own[`verdict_${v}`] = { message: w.title.replace(/\$/g, '$$$$') };
    out[dir] = own;
  }
  return out;
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) copyDir(path.join(from, e.name), path.join(to, e.name));
    else fs.copyFileSync(path.join(from, e.name), path.join(to, e.name));
  }
}

function filesOf(dir, base = dir, acc = {}) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) filesOf(p, base, acc);
    else acc[path.relative(base, p).split(path.sep).join('/')] = [fs.readFileSync(p), { mtime: new Date('2026-01-01T00:00:00Z') }];
  }
  return acc;
}

for (const target of targets) {
  const dir = path.join(out, target);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  await esbuild.build({
    entryPoints: ['background', 'popup', 'options'].map((n) => path.join(here, 'src', `${n}.ts`)),
    outdir: dir,
    bundle: true,
    format: 'iife',
    // Readable output: store reviewers read what runs.
    minify: false,
    // (Constant folding only, so that the test hook's branch is dropped from store builds.)
    minifySyntax: true,
    target: target === 'chrome' ? 'chrome127' : 'firefox140',
    define: { __DEFAULT_SERVER__: JSON.stringify(server), __TEST_HOOK__: JSON.stringify(testHook) },
    legalComments: 'none',
    logLevel: 'warning',
    tsconfig: path.join(here, 'tsconfig.json'),
  });
  for (const f of ['popup.html', 'options.html', 'popup.css']) fs.copyFileSync(path.join(here, 'src', f), path.join(dir, f));
  copyDir(path.join(here, 'static', 'icons'), path.join(dir, 'icons'));
  for (const [loc, messages] of Object.entries(locales())) {
    fs.mkdirSync(path.join(dir, '_locales', loc), { recursive: true });
    fs.writeFileSync(path.join(dir, '_locales', loc, 'messages.json'), `${JSON.stringify(messages, null, 2)}\n`);
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest(target), null, 2)}\n`);
  let note = '';
  if (zip) {
    const file = path.join(out, `realbranch-${target}-${version}.zip`);
    fs.writeFileSync(file, zipSync(filesOf(dir), { level: 9 }));
    note = `, ${path.relative(root, file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`;
  }
  console.log(`extension for ${target}: ${path.relative(root, dir)}/${note}; server ${server}`);
}
