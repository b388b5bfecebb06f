import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
let out: string;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-ext-'));
  execFileSync(process.execPath, [path.join(root, 'extension', 'build.mjs'), '--out', out, '--server', 'https://check.example.org'], { cwd: root, stdio: 'pipe' });
}, 60_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const manifest = (target: string) => JSON.parse(fs.readFileSync(path.join(out, target, 'manifest.json'), 'utf8'));
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;

describe('npm run build:extension', () => {
  test.each(['chrome', 'firefox'])('%s: Manifest V3, least privilege, no content script', (target) => {
    const m = manifest(target);
    expect(m.manifest_version).toBe(3);
    expect(m.version).toBe(version);
    expect(m.permissions).toEqual(['contextMenus', 'storage']);
    expect(m.host_permissions).toEqual(['https://check.example.org/*']);
    expect(m.content_scripts).toBeUndefined();
    expect(m.default_locale).toBe('zh_CN');
  });

  test('Chrome runs the background as a service worker, Firefox as an event page with its add-on id', () => {
    expect(manifest('chrome').background).toEqual({ service_worker: 'background.js' });
    expect(manifest('firefox').background).toEqual({ scripts: ['background.js'] });
    expect(manifest('firefox').browser_specific_settings.gecko.id).toBe('realbranch@zhenwangdian.cn');
    expect(manifest('chrome').browser_specific_settings).toBeUndefined();
  });

  test('the menu item is named in Chinese and in English, and verdict titles are the site\'s own', () => {
    const zh = JSON.parse(fs.readFileSync(path.join(out, 'chrome', '_locales', 'zh_CN', 'messages.json'), 'utf8'));
    const en = JSON.parse(fs.readFileSync(path.join(out, 'chrome', '_locales', 'en', 'messages.json'), 'utf8'));
    expect(zh.menuCheck.message).toBe('核验银行网点地址');
    expect(en.menuCheck.message).toBe('Check bank branch address');
    const site = JSON.parse(fs.readFileSync(path.join(root, 'messages', 'zh.json'), 'utf8'));
    expect(zh.verdict_office_floor.message).toBe(site.verdict.office_floor.title);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  test.each(['chrome', 'firefox'])('%s: the store build holds no test hook', (target) => {
    const js = fs.readFileSync(path.join(out, target, 'background.js'), 'utf8');
    expect(js).not.toContain('realbranch =');
    expect(js).not.toMatch(/globalThis\.realbranch|\.realbranch\b/);
  });

  test('the default server is built in', () => {
    expect(fs.readFileSync(path.join(out, 'chrome', 'popup.js'), 'utf8')).toContain('"https://check.example.org"');
  });

  test.each(['chrome', 'firefox'])('%s: a zip for store upload holding the same files', (target) => {
    const zip = unzipSync(fs.readFileSync(path.join(out, `realbranch-${target}-${version}.zip`)));
    expect(Object.keys(zip).sort()).toEqual(expect.arrayContaining(['manifest.json', 'background.js', 'popup.html', 'popup.js', 'options.html', 'options.js', '_locales/zh_CN/messages.json', '_locales/en/messages.json', 'icons/icon-128.png']));
    expect(JSON.parse(new TextDecoder().decode(zip['manifest.json']))).toEqual(manifest(target));
  });

  test('Firefox: web-ext lint finds no error and no warning', () => {
    const report = JSON.parse(execFileSync(path.join(root, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', path.join(out, 'firefox'), '--output', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, WEB_EXT_NO_UPDATE_CHECK: '1' } }));
    expect({ errors: report.errors, warnings: report.warnings }).toEqual({ errors: [], warnings: [] });
  }, 60_000);

  test('a bad --server is refused', () => {
    expect(() => execFileSync(process.execPath, [path.join(root, 'extension', 'build.mjs'), '--out', path.join(out, 'bad'), '--server', 'ftp://x'], { cwd: root, stdio: 'pipe' })).toThrow();
  });
});
