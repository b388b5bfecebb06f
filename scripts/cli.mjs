#!/usr/bin/env node
// Runs a command-line face of the domain core (lib/cli/<name>.ts). The TypeScript is bundled
// once with esbuild into .cache/cli and rebuilt only when a source file changed, so that a
// run starts in tens of milliseconds: `parse --jsonl` is timed as a whole process.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...rest] = process.argv.slice(2);
const entry = path.join(root, 'lib', 'cli', `${name}.ts`);
if (!name || !fs.existsSync(entry)) {
  process.stderr.write(`usage: node scripts/cli.mjs <${fs.readdirSync(path.join(root, 'lib', 'cli')).filter((f) => f.endsWith('.ts') && f !== 'lines.ts').map((f) => f.slice(0, -3)).join('|')}> [args]\n`);
  process.exit(2);
}
const outfile = path.join(root, '.cache', 'cli', `${name}.mjs`);

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const stale = !fs.existsSync(outfile) || fs.statSync(outfile).mtimeMs < Math.max(newestSource(path.join(root, 'lib')), newestSource(path.join(root, 'messages')), fs.statSync(path.join(root, 'package.json')).mtimeMs);
if (stale) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // Bundled CommonJS code may still call require().
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
}
process.argv = [process.argv[0], outfile, ...rest];
await import(pathToFileURL(outfile).href);
