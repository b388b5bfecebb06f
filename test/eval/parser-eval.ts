/**
 * npm run eval:parser — how well the parser reads floors, rooms, districts, road numbers and
 * buildings on the dev splits of both labelled corpora and on the tricky cases, and how fast
 * `parse --jsonl` runs as a whole process next to address-parse on the same 30,000 lines.
 *
 *   --show floor|room|district|roadNo|building   print the lines where the parser disagrees
 *   --split dev|train                            which split to score (dev by default)
 *   --no-speed                                   skip the timing runs
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contractParts, parse } from '../../lib/parse';
import { EVAL_DIR, evalDataPresent, goldFloors, goldRoom, goldSpanText, readCorpus, type CorpusLine } from './corpus';

const args = process.argv.slice(2);
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : null;
// The dev splits are the figures; the train splits, printed beside them, show that the rules
// hold on lines never tuned on. --split dev|train scores one only.
const SPLIT = args.includes('--split') ? args[args.indexOf('--split') + 1] : null;
if (SPLIT !== null && SPLIT !== 'dev' && SPLIT !== 'train') throw new Error('--split is dev or train');
const SPLITS = SPLIT ? [SPLIT] : ['dev', 'train'];

if (!evalDataPresent()) {
  console.log(`skipped: ${EVAL_DIR} is not here (the evaluation data lives beside the project, never in it)`);
  process.exit(0);
}

interface Row {
  corpus: string;
  lines: number;
  floorExact: [number, number];
  floorInvented: [number, number];
  floorNoisy: number;
  roomExact: [number, number];
  roomInvented: [number, number];
  roomNoisy: number;
  districtExact: [number, number];
  roadNo: [number, number];
  building: [number, number];
  apDistrict: [number, number];
}

const pct = ([a, b]: [number, number]) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(2)}%`);
const frac = ([a, b]: [number, number]) => `${a}/${b}`;

// address-parse, the most used npm parser, for the district baseline.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AddressParse = require('address-parse');
const apParse = (AddressParse.default ?? AddressParse).parse.bind(AddressParse.default ?? AddressParse);

function score(corpus: string, lines: CorpusLine[], baseline = true): Row {
  const row: Row = {
    corpus, lines: lines.length,
    floorExact: [0, 0], floorInvented: [0, 0], floorNoisy: 0,
    roomExact: [0, 0], roomInvented: [0, 0], roomNoisy: 0,
    districtExact: [0, 0], roadNo: [0, 0], building: [0, 0], apDistrict: [0, 0],
  };
  for (const line of lines) {
    const p = contractParts(parse(line.text));
    const gf = goldFloors(line);
    if (gf.kind === 'none') {
      row.floorInvented[1]++;
      if (p.floors.length > 0) {
        row.floorInvented[0]++;
        if (show === 'floor') console.log(`INVENTED ${JSON.stringify(p.floors)}\t${line.text}`);
      }
    } else if (gf.kind === 'noisy') row.floorNoisy++;
    else {
      row.floorExact[1]++;
      if (JSON.stringify(p.floors) === JSON.stringify(gf.value)) row.floorExact[0]++;
      else if (show === 'floor') console.log(`FLOOR got ${JSON.stringify(p.floors)} want ${JSON.stringify(gf.value)}\t${line.text}`);
    }
    const gr = goldRoom(line);
    if (gr.kind === 'none') {
      row.roomInvented[1]++;
      if (p.room !== null) {
        row.roomInvented[0]++;
        if (show === 'room-invented') console.log(`INVENTED ${p.room}\t${line.text}`);
      }
    } else if (gr.kind === 'noisy') row.roomNoisy++;
    else {
      row.roomExact[1]++;
      if (p.room === gr.value) row.roomExact[0]++;
      else if (show === 'room') console.log(`ROOM got ${p.room} want ${gr.value}\t${line.text}`);
    }
    const gd = goldSpanText(line, 'district');
    if (gd !== null) {
      row.districtExact[1]++;
      if (p.district === gd) row.districtExact[0]++;
      else if (show === 'district') console.log(`DISTRICT got ${p.district} want ${gd}\t${line.text}`);
      if (baseline) {
        row.apDistrict[1]++;
        const [ap] = apParse(line.text);
        if (ap?.area === gd) row.apDistrict[0]++;
      }
    }
    const gn = goldSpanText(line, 'roadno');
    if (gn !== null) {
      row.roadNo[1]++;
      if (p.roadNo === gn) row.roadNo[0]++;
      else if (show === 'roadNo') console.log(`ROADNO got ${p.roadNo} want ${gn}\t${line.text}`);
    }
    const gb = goldSpanText(line, 'poi');
    if (gb !== null) {
      row.building[1]++;
      if (p.building === gb) row.building[0]++;
      else if (show === 'building') console.log(`BUILDING got ${p.building} want ${gb}\t${line.text}`);
    }
  }
  return row;
}

// address-parse is slow: its district baseline is measured on the dev splits only.
const rows = SPLITS.flatMap((split) => [
  score(`naacl2019 ${split}`, readCorpus(path.join(EVAL_DIR, `naacl2019/${split}.txt`)), split === 'dev'),
  score(`supermap-v2 ${split}`, readCorpus(path.join(EVAL_DIR, `supermap-v2/${split}.txt`)), split === 'dev'),
]);

// Tricky cases: every listed part must match.
const tricky = JSON.parse(fs.readFileSync(path.join(EVAL_DIR, 'tricky-cases.json'), 'utf8')) as {
  id: number; address: string; expected: Record<string, unknown>;
}[];
const trickyFailures: string[] = [];
for (const c of tricky) {
  const p = contractParts(parse(c.address)) as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(c.expected)) {
    if (JSON.stringify(p[k]) !== JSON.stringify(v)) trickyFailures.push(`#${c.id} ${k}: got ${JSON.stringify(p[k])}, want ${JSON.stringify(v)}`);
  }
}

if (show) process.exit(0);

console.log(`\nParser on the ${SPLITS.join(' and ')} splits (gold from the annotated spans; noisy gold spans are counted apart)\n`);
const header = ['', ...rows.map((r) => r.corpus), 'goal'];
const table: string[][] = [
  ['addresses', ...rows.map((r) => String(r.lines)), ''],
  ['floor exact match', ...rows.map((r) => `${pct(r.floorExact)} (${frac(r.floorExact)})`), '≥ 98%'],
  ['floor invented (gold: none)', ...rows.map((r) => `${pct(r.floorInvented)} (${frac(r.floorInvented)})`), '≤ 0.3%'],
  ['floor gold noisy, not scored', ...rows.map((r) => String(r.floorNoisy)), ''],
  ['room exact match', ...rows.map((r) => `${pct(r.roomExact)} (${frac(r.roomExact)})`), '≥ 95%'],
  ['room invented (gold: none)', ...rows.map((r) => `${pct(r.roomInvented)} (${frac(r.roomInvented)})`), ''],
  ['room gold noisy, not scored', ...rows.map((r) => String(r.roomNoisy)), ''],
  ['district exact match', ...rows.map((r) => `${pct(r.districtExact)} (${frac(r.districtExact)})`), '≥ 97%'],
  ['  address-parse, same lines', ...rows.map((r) => `${pct(r.apDistrict)} (${frac(r.apDistrict)})`), ''],
  ['road number match', ...rows.map((r) => `${pct(r.roadNo)} (${frac(r.roadNo)})`), ''],
  ['building (poi) match', ...rows.map((r) => `${pct(r.building)} (${frac(r.building)})`), ''],
];
const widths = header.map((_, k) => Math.max(...[header, ...table].map((r) => [...r[k]].length)));
const fmt = (r: string[]) => r.map((c, k) => c + ' '.repeat(widths[k] - [...c].length)).join('  ');
console.log(fmt(header));
for (const r of table) console.log(fmt(r));
console.log(`\nTricky cases: ${tricky.length - new Set(trickyFailures.map((f) => f.split(' ')[0])).size}/${tricky.length} pass`);
for (const f of trickyFailures) console.log(`  ${f}`);

if (!args.includes('--no-speed')) {
  // Two sets of 30,000 lines, both parsers on the same lines, each timed as a whole process:
  // the labelled naacl2019 addresses (train and dev) cycled to 30,000, where address-parse
  // takes about the 9 s the issue quotes, and a mix of both corpora, where it is faster.
  const naacl = [
    ...readCorpus(path.join(EVAL_DIR, 'naacl2019/dev.txt')),
    ...readCorpus(path.join(EVAL_DIR, 'naacl2019/train.txt')),
  ].map((l) => l.text);
  const cycled: string[] = [];
  for (let i = 0; cycled.length < 30000; i++) cycled.push(naacl[i % naacl.length]);
  const mixed = [
    ...naacl,
    ...readCorpus(path.join(EVAL_DIR, 'supermap-v2/dev.txt')),
    ...readCorpus(path.join(EVAL_DIR, 'supermap-v2/train.txt')),
  ].slice(0, 30000).map((l) => (typeof l === 'string' ? l : l.text));

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'realbranch-eval-'));
  const apScript = path.join(tmp, 'address-parse-jsonl.cjs');
  fs.writeFileSync(apScript, `
const AP = require(${JSON.stringify(require.resolve('address-parse'))});
const parse = (AP.default || AP).parse.bind(AP.default || AP);
const lines = require('fs').readFileSync(0, 'utf8').split('\\n');
const out = [];
for (const l of lines) { if (l) { const [r] = parse(l); out.push(JSON.stringify(r || null)); } }
process.stdout.write(out.join('\\n') + '\\n');
`);
  const root = path.resolve(__dirname, '../..');
  const time = (input: string, cmd: string, argv: string[]) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, { cwd: root, input, env: process.env, maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
    return { ms, outLines: r.stdout.toString().split('\n').filter(Boolean).length };
  };
  // Build the command's bundle once, so that its first timed run does not include that.
  spawnSync('npm', ['run', '--silent', 'parse', '--', '--jsonl'], { cwd: root, input: '杭州市\n' });
  console.log('\nWhole-process speed, 30,000 lines each (goal: parse takes at most a fifth of address-parse)');
  for (const [name, lines] of [['naacl2019 addresses, cycled', cycled], ['naacl2019 + supermap-v2 mix', mixed]] as const) {
    const input = lines.join('\n') + '\n';
    const ours = time(input, 'npm', ['run', '--silent', 'parse', '--', '--jsonl']);
    const theirs = time(input, process.execPath, [apScript]);
    console.log(`  ${name}:`);
    console.log(`    npm run --silent parse -- --jsonl   ${(ours.ms / 1000).toFixed(2)} s  (${ours.outLines} lines out)`);
    console.log(`    address-parse, one node process     ${(theirs.ms / 1000).toFixed(2)} s  (${theirs.outLines} lines out)`);
    console.log(`    ratio                               ${(ours.ms / theirs.ms).toFixed(3)}  (goal ≤ 0.200)`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
