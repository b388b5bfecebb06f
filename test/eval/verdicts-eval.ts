/**
 * npm run eval:verdicts — build the registry from ../shared/data/registry/manifest.json and
 * score a dev set of messages written from that data (see verdict-set.ts), per category.
 *
 *   --per <n>     messages per category (default 100)
 *   --seed <n>    another set of the same kind
 *   --show        print the messages answered wrongly
 */
import fs from 'node:fs';
import path from 'node:path';
import { check } from '../../lib/check';
import { buildRegistry } from '../../lib/registry/build';
import { openRegistry } from '../../lib/registry/registry';
import { evalDataPresent } from './corpus';
import { buildDevSet, REGISTRY_DIR, type Category } from './verdict-set';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);

async function main() {
  if (!evalDataPresent()) {
    console.log('skipped: ../shared/data is not here');
    return;
  }
  const out = path.resolve(__dirname, '../../.cache/eval/sample-registry.sqlite');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const report = await buildRegistry({ manifest: path.join(REGISTRY_DIR, 'manifest.json'), out });
  const registry = openRegistry(out);
  const cases = buildDevSet(opt('--per', 100), opt('--seed', 20261126));
  const byCat = new Map<Category, { ok: number; n: number; got: Record<string, number> }>();
  let unsafe = 0;
  const wrong: string[] = [];
  for (const c of cases) {
    const r = check(c.text, registry);
    const s = byCat.get(c.category) ?? { ok: 0, n: 0, got: {} };
    s.n++;
    s.got[r.verdict] = (s.got[r.verdict] ?? 0) + 1;
    if (r.verdict === c.expected) s.ok++;
    else wrong.push(`${c.category}\twant ${c.expected}\tgot ${r.verdict}\t${c.from}\t${c.text}`);
    if (r.verdict === 'registered_branch' && ['office_floor', 'not_registered', 'bank_mismatch'].includes(c.expected)) unsafe++;
    byCat.set(c.category, s);
  }
  console.log(`registry ${report.version}: ${report.outlets} outlets from ${report.sources.length} sources`);
  console.log(`\nVerdicts on ${cases.length} messages written from the sample registry\n`);
  let ok = 0;
  for (const [cat, s] of byCat) {
    ok += s.ok;
    const others = Object.entries(s.got).filter(([v]) => v !== cases.find((c) => c.category === cat)!.expected).map(([v, n]) => `${v} ${n}`).join(', ');
    console.log(`  ${cat.padEnd(18)} ${((100 * s.ok) / s.n).toFixed(1).padStart(5)}%  (${s.ok}/${s.n})${others ? `   wrong: ${others}` : ''}`);
  }
  console.log(`  ${'all'.padEnd(18)} ${((100 * ok) / cases.length).toFixed(1).padStart(5)}%  (${ok}/${cases.length})   goal ≥ 97%`);
  console.log(`  office_floor, not_registered or bank_mismatch answered registered_branch: ${unsafe}   goal 0`);
  if (args.includes('--show')) for (const w of wrong) console.log(w);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
