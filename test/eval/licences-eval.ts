/**
 * npm run eval:licences — score messages written from the regulator's licence export
 * (licence-set.ts) against the default registry, the snapshot in data/licences, per category.
 *
 *   --per <n>     messages per category (default 100)
 *   --seed <n>    another set of the same kind
 *   --show        print the messages answered wrongly
 */
import { check } from '../../lib/check';
import { ensureBuiltIn } from '../../lib/registry/locator';
import { openRegistry } from '../../lib/registry/registry';
import { buildLicenceSet, LICENCE_EXPECTED, licenceDataPresent, type LicenceCategory } from './licence-set';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);

/** Verdicts that must never be answered registered_branch. */
export const NOT_A_BRANCH = new Set(['office_floor', 'bank_mismatch', 'not_registered', 'not_covered', 'insufficient']);

async function main() {
  if (!licenceDataPresent()) {
    console.log('skipped: ../shared/data/licences is not here');
    return;
  }
  const registry = openRegistry(await ensureBuiltIn('licences'));
  const cases = await buildLicenceSet(opt('--per', 100), opt('--seed', 20261201));
  const byCat = new Map<LicenceCategory, { ok: number; n: number; got: Record<string, number> }>();
  let unsafe = 0;
  const wrong: string[] = [];
  for (const c of cases) {
    const r = check(c.text, registry);
    const s = byCat.get(c.category) ?? { ok: 0, n: 0, got: {} };
    s.n++;
    s.got[r.verdict] = (s.got[r.verdict] ?? 0) + 1;
    if (r.verdict === c.expected) s.ok++;
    else wrong.push(`${c.category}\twant ${c.expected}\tgot ${r.verdict}\t${c.from}\t${c.text.replace(/\n/g, '⏎')}`);
    if (r.verdict === 'registered_branch' && NOT_A_BRANCH.has(c.expected)) unsafe++;
    byCat.set(c.category, s);
  }
  console.log(`registry ${registry.info.version}: ${registry.info.outlets} licences (${registry.info.coverage} coverage)`);
  console.log(`\nVerdicts on ${cases.length} messages written from the licence export\n`);
  let ok = 0;
  for (const [cat, s] of byCat) {
    ok += s.ok;
    const others = Object.entries(s.got).filter(([v]) => v !== LICENCE_EXPECTED[cat]).map(([v, n]) => `${v} ${n}`).join(', ');
    console.log(`  ${cat.padEnd(20)} ${((100 * s.ok) / s.n).toFixed(1).padStart(5)}%  (${s.ok}/${s.n})${others ? `   wrong: ${others}` : ''}`);
  }
  console.log(`  ${'all'.padEnd(20)} ${((100 * ok) / cases.length).toFixed(1).padStart(5)}%  (${ok}/${cases.length})   goal ≥ 97%`);
  console.log(`  a case that is no branch answered registered_branch: ${unsafe}   goal 0`);
  if (args.includes('--show')) for (const w of wrong) console.log(w);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
