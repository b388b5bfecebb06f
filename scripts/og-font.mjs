#!/usr/bin/env node
// Writes the CJK font subset that Open Graph images are drawn with (app/api/og/og-font.otf):
// only the glyphs of the texts an image can show (verdict titles, bank names, the site's name,
// ASCII, and the address as checked: every character of the licence snapshot's and the demo's
// addresses and names). The characters are listed beside it (og-font-chars.txt), so that the
// route draws no text the font cannot (an address with another character is left out). The source is Noto Sans CJK SC Bold from Debian's fonts-noto-cjk, whose .ttc holds
// several faces: the SC face is taken out first, then subset with subset-font (HarfBuzz).
// Run it after changing those texts: node scripts/og-font.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import subsetFont from 'subset-font';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TTC = process.argv[2] ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';

/** One face of a TrueType/OpenType collection, as a standalone font file. */
function faceOf(ttc, wantedFamily) {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return ttc;
  const count = ttc.readUInt32BE(8);
  for (let f = 0; f < count; f++) {
    const off = ttc.readUInt32BE(12 + 4 * f);
    const numTables = ttc.readUInt16BE(off + 4);
    const tables = [];
    for (let i = 0; i < numTables; i++) {
      const rec = off + 12 + 16 * i;
      tables.push({ tag: ttc.toString('latin1', rec, rec + 4), checksum: ttc.readUInt32BE(rec + 4), offset: ttc.readUInt32BE(rec + 8), length: ttc.readUInt32BE(rec + 12) });
    }
    const name = tables.find((t) => t.tag === 'name');
    const nameText = ttc.subarray(name.offset, name.offset + name.length).toString('utf16le') + ttc.subarray(name.offset, name.offset + name.length).toString('latin1');
    if (!nameText.includes(wantedFamily) && !nameText.replace(/\0/g, '').includes(wantedFamily)) continue;
    const header = Buffer.alloc(12 + 16 * numTables);
    ttc.copy(header, 0, off, off + 12);
    let at = header.length;
    const bodies = [];
    tables.forEach((t, i) => {
      const rec = 12 + 16 * i;
      header.write(t.tag, rec, 'latin1');
      header.writeUInt32BE(t.checksum, rec + 4);
      header.writeUInt32BE(at, rec + 8);
      header.writeUInt32BE(t.length, rec + 12);
      const body = ttc.subarray(t.offset, t.offset + t.length);
      const padded = Buffer.alloc((t.length + 3) & ~3);
      body.copy(padded);
      bodies.push(padded);
      at += padded.length;
    });
    return Buffer.concat([header, ...bodies]);
  }
  throw new Error(`no face ${wantedFamily} in the collection`);
}

const zh = JSON.parse(fs.readFileSync(path.join(root, 'messages/zh.json'), 'utf8'));
const en = JSON.parse(fs.readFileSync(path.join(root, 'messages/en.json'), 'utf8'));
const banks = fs.readFileSync(path.join(root, 'lib/banks.ts'), 'utf8').match(/name: '([^']+)', en: '([^']+)'/g) ?? [];
const texts = [
  ...Object.values(zh.verdict).map((v) => (typeof v === 'object' ? v.title : v)),
  ...Object.values(en.verdict).map((v) => (typeof v === 'object' ? v.title : v)),
  zh.site.name, zh.site.tagline, en.site.name, en.site.tagline, ...banks,
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~',
  '：·，。“”（）✓✕！？…、☎',
  // The preview's own words (the address as checked, the number, the date of the registry).
  ...Object.values(zh.og ?? {}), ...Object.values(en.og ?? {}),
  // Every character of the addresses and names the registries hold.
  ...['data/licences/in-use.csv.gz', 'data/licences/exited.csv.gz'].filter((f) => fs.existsSync(path.join(root, f))).map((f) => zlib.gunzipSync(fs.readFileSync(path.join(root, f))).toString('utf8')),
  ...fs.readdirSync(path.join(root, 'data/demo')).filter((f) => /\.(csv|json)$/.test(f)).map((f) => fs.readFileSync(path.join(root, 'data/demo', f), 'utf8')),
];
// Only printable characters: no line breaks, controls or private-use code points.
const chars = [...new Set(texts.join(''))].filter((c) => /[\p{L}\p{N}\p{P}\p{S} ]/u.test(c)).sort().join('');
const font = faceOf(fs.readFileSync(TTC), 'Noto Sans CJK SC');
const subset = await subsetFont(font, chars, { targetFormat: 'sfnt' });
const out = path.join(root, 'app/api/og/og-font.otf');
fs.writeFileSync(out, subset);
fs.writeFileSync(path.join(root, 'app/api/og/og-font-chars.txt'), chars);
console.log(`wrote ${path.relative(root, out)}: ${subset.length} bytes, ${chars.length} characters`);
