/**
 * npm run bench — the timing goals, measured and printed (never asserted in tests):
 *   registry:build of 250,000 outlets ≤ 30 s; one check in-process: median ≤ 1 ms, p99 ≤ 10 ms;
 *   check --jsonl of 10,000 lines ≤ 10 s end to end.
 *
 * The 250,000 outlets are recombined from the real outlet lists in ../shared/data/registry
 * (read in place): their cities, districts, roads, buildings and floor patterns, with new
 * numbers and names, across twenty banks.
 *
 * Then the licence registry, the default: its build from the committed snapshot, its size, one
 * check against it; with --fresh, a fresh clone's time to its first answer.
 *
 *   --outlets <n>   another size (default 250000)
 *   --no-scale      only the licence registry
 *   --fresh         also time a fresh clone's npm start to its first answer
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { BANKS } from '../../lib/banks';
import { check, type Verdict } from '../../lib/check';
import { parse } from '../../lib/parse';
import { openRegistry } from '../../lib/registry/registry';
import { evalDataPresent, SHARED_DATA } from '../eval/corpus';
import { rng } from '../eval/rng';
import { benchLicences } from './licences';

const args = process.argv.slice(2);
const N = args.includes('--outlets') ? Number(args[args.indexOf('--outlets') + 1]) : 250_000;
const root = path.resolve(__dirname, '../..');
const work = path.join(root, '.cache', 'bench');

const r = rng(250_000);
const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)];

interface Pattern {
  prefix: string; // 深圳市罗湖区
  road: string;
  building: string | null;
  floor: string; // '' or 1层, 3楼 ...
  lng: number | null;
  lat: number | null;
}

function learnPatterns(): Pattern[] {
  const dir = path.join(SHARED_DATA, 'registry');
  const out: Pattern[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const rows = parseCsv(fs.readFileSync(path.join(dir, file)), { bom: true, relax_column_count: true, relax_quotes: true }) as string[][];
    for (const [name = '', address = '', , lng = '', lat = ''] of rows.slice(1)) {
      const p = parse(address);
      if (!p.road || !p.place.city) continue;
      const city = p.place.city.name;
      const district = p.place.district?.name ?? '';
      const floorText = p.spans.floors ? address.slice(...p.spans.floors) : '';
      out.push({
        prefix: `${p.place.province && p.place.province.name !== city ? p.place.province.name : ''}${city}${district}`,
        road: p.road,
        building: p.building,
        floor: floorText,
        lng: Number.parseFloat(lng) || null,
        lat: Number.parseFloat(lat) || null,
      });
      void name;
    }
  }
  return out;
}

function generate(patterns: Pattern[]): { manifest: string; sample: { text: string; expected: Verdict }[] } {
  fs.mkdirSync(work, { recursive: true });
  const banks = BANKS.filter((b) => b.group === 'state' || b.group === 'joint-stock').slice(0, 18).concat(BANKS.filter((b) => b.group === 'city').slice(0, 2));
  const files = new Map<string, string[]>(banks.map((b) => [b.name, ['网点名称,网点地址,电话,Longitude,Latitude']]));
  const buildings = patterns.map((p) => p.building).filter((b): b is string => !!b);
  const sample: { text: string; expected: Verdict }[] = [];
  const used = new Set<string>();
  for (let i = 0; i < N; i++) {
    const p = pick(patterns);
    const bank = banks[i % banks.length];
    let number: number;
    let key: string;
    do {
      number = 1 + Math.floor(r() * 3000);
      key = `${p.prefix}${p.road}${number}`;
    } while (used.has(key));
    used.add(key);
    const building = r() < 0.6 ? `${pick(buildings).replace(/(大厦|中心|广场|大楼)?$/, '')}${pick(['大厦', '中心', '广场', '大楼', '商厦'])}` : '';
    const floor = r() < 0.8 ? '' : pick(['1层', '首层', '1-2层', '2楼', '一楼', p.floor || '1楼']);
    const address = `${p.prefix}${p.road}${number}号${building}${floor}`;
    const lng = p.lng !== null ? (p.lng + (r() - 0.5) * 0.02).toFixed(6) : '';
    const lat = p.lat !== null ? (p.lat + (r() - 0.5) * 0.02).toFixed(6) : '';
    files.get(bank.name)!.push(`${bank.name}${p.prefix.replace(/^.*?省/, '').slice(0, 2)}第${i}支行,${address},,${lng},${lat}`);
    if (i % 50 === 0 && sample.length < 12000) {
      const kind = sample.length % 4;
      if (kind === 0) sample.push({ text: `${bank.name} ${address}`, expected: 'registered_branch' });
      else if (kind === 1) sample.push({ text: `${bank.name} ${p.prefix}${p.road}${number}号${building} ${10 + (i % 20)}楼${10 + (i % 20)}08室`, expected: 'office_floor' });
      else if (kind === 2) sample.push({ text: `${banks[(i + 1) % banks.length].name} ${p.prefix}${p.road}${number}号${building}`, expected: 'bank_mismatch' });
      else sample.push({ text: `${bank.name}信贷部：请到${p.prefix}${p.road}${number + 3000}号签约`, expected: 'not_registered' });
    }
  }
  const sources = [...files].map(([bank, lines]) => {
    const file = `${BANKS.find((b) => b.name === bank)!.en.replace(/\W+/g, '-').toLowerCase()}.csv`;
    fs.writeFileSync(path.join(work, file), `\uFEFF${lines.join('\n')}\n`);
    return { file, bank, region: '全国' };
  });
  const manifest = path.join(work, 'manifest.json');
  fs.writeFileSync(manifest, JSON.stringify({ title: `bench: ${N} outlets recombined from the sample`, asOf: '2026-11-01', crs: 'wgs84', sources }, null, 2));
  return { manifest, sample };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  if (!args.includes('--no-scale')) scale();
  for (const line of await benchLicences(args.includes('--fresh'))) console.log(line);
}

function scale() {
  if (!evalDataPresent()) {
    console.log('skipped: the 250,000-outlet registry (../shared/data is not here: the bench recombines its real outlet rows)');
    return;
  }
  console.log(`Generating ${N.toLocaleString('en')} outlets from the sample's patterns…`);
  const patterns = learnPatterns();
  const { manifest, sample } = generate(patterns);
  const db = path.join(work, 'registry.sqlite');

  // Build the command's bundle first, so that the timed run is the build alone.
  spawnSync('npm', ['run', '--silent', 'registry:build', '--', '--help'], { cwd: root });
  let t = process.hrtime.bigint();
  const build = spawnSync('npm', ['run', '--silent', 'registry:build', '--', '--manifest', manifest, '--out', db], { cwd: root, maxBuffer: 64 << 20 });
  const buildSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (build.status !== 0) throw new Error(`registry:build failed: ${build.stderr}`);
  const outlets = /: (\d+) outlets/.exec(build.stdout.toString())?.[1];

  const registry = openRegistry(db);
  const texts = sample.map((s) => s.text);
  for (const text of texts.slice(0, 2000)) check(text, registry); // warm up
  const times: number[] = [];
  let right = 0;
  for (const [k, s] of sample.entries()) {
    const t0 = performance.now();
    const v = check(s.text, registry).verdict;
    times.push(performance.now() - t0);
    if (v === s.expected) right++;
    void k;
  }
  times.sort((a, b) => a - b);

  const lines = [];
  for (let i = 0; lines.length < 10_000; i++) lines.push(texts[i % texts.length]);
  spawnSync('npm', ['run', '--silent', 'check', '--', '--help'], { cwd: root });
  t = process.hrtime.bigint();
  const jsonl = spawnSync('npm', ['run', '--silent', 'check', '--', '--jsonl'], { cwd: root, input: `${lines.join('\n')}\n`, env: { ...process.env, REGISTRY_DB: db }, maxBuffer: 1 << 30 });
  const jsonlSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  const outLines = jsonl.stdout.toString().split('\n').filter(Boolean).length;

  const size = fs.statSync(db).size;
  console.log(`\nregistry:build (whole process)        ${buildSeconds.toFixed(1)} s for ${outlets} outlets, ${(size / 1e6).toFixed(0)} MB   goal ≤ 30 s`);
  console.log(`one check, in-process (${times.length} texts)  median ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms, max ${times[times.length - 1].toFixed(1)} ms   goal median ≤ 1 ms, p99 ≤ 10 ms`);
  console.log(`check --jsonl, 10,000 lines            ${jsonlSeconds.toFixed(1)} s (${outLines} lines out)   goal ≤ 10 s`);
  console.log(`(verdicts on the generated texts as expected: ${((100 * right) / sample.length).toFixed(1)}%)`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
