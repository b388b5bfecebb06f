/**
 * npm run eval:verdicts — build the registry from ../shared/data/registry/manifest.json and
 * score a dev set of messages written from that data (see verdict-set.ts), per category.
 *
 *   --per <n>     messages per category (default 100)
 *   --family <n>  messages per family of issue 11 (default 40; family-set.ts)
 *   --seed <n>    another set of the same kind
 *   --show        print the messages answered wrongly
 */
import fs from 'node:fs';
import path from 'node:path';
import { check } from '../../lib/check';
import { buildRegistry } from '../../lib/registry/build';
import { openRegistry } from '../../lib/registry/registry';
import { evalDataPresent } from './corpus';
import { buildFamilySet, FAMILIES } from './family-set';
import { buildDevSet, REGISTRY_DIR, type Case } from './verdict-set';

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
  const seed = opt('--seed', 20261126);
  const sets: [string, Case[]][] = [
    ['Verdicts on messages written from the sample registry', buildDevSet(opt('--per', 100), seed)],
    ['Families of messages as intermediaries write them (issue 11)', buildFamilySet(opt('--family', 40), seed + 75)],
  ];
  console.log(`registry ${report.version}: ${report.outlets} outlets from ${report.sources.length} sources`);
  let unsafe = 0;
  let okAll = 0;
  let nAll = 0;
  const wrong: string[] = [];
  for (const [title, cases] of sets) {
    const byCat = new Map<string, { ok: number; n: number; got: Record<string, number> }>();
    for (const c of cases) {
      const r = check(c.text, registry);
      const s = byCat.get(c.category) ?? { ok: 0, n: 0, got: {} };
      s.n++;
      if (r.verdict === c.expected) s.ok++;
      else {
        s.got[`${c.expected}→${r.verdict}`] = (s.got[`${c.expected}→${r.verdict}`] ?? 0) + 1;
        wrong.push(`${c.category}\twant ${c.expected}\tgot ${r.verdict}\t${c.from}\t${JSON.stringify(c.text)}`);
      }
      // Nothing but a real branch may ever be answered registered_branch.
      if (r.verdict === 'registered_branch' && c.expected !== 'registered_branch') unsafe++;
      byCat.set(c.category, s);
    }
    console.log(`\n${title}: ${cases.length}\n`);
    let ok = 0;
    const order = [...byCat.keys()].sort((a, b) => (FAMILIES.indexOf(a as never) - FAMILIES.indexOf(b as never)));
    for (const cat of order) {
      const s = byCat.get(cat)!;
      ok += s.ok;
      const others = Object.entries(s.got).map(([v, n]) => `${v} ${n}`).join(', ');
      console.log(`  ${cat.padEnd(18)} ${((100 * s.ok) / s.n).toFixed(1).padStart(5)}%  (${s.ok}/${s.n})${others ? `   wrong: ${others}` : ''}`);
    }
    console.log(`  ${'all'.padEnd(18)} ${((100 * ok) / cases.length).toFixed(1).padStart(5)}%  (${ok}/${cases.length})   goal ≥ 97%`);
    okAll += ok;
    nAll += cases.length;
  }
  console.log(`\nAll messages ${((100 * okAll) / nAll).toFixed(1)}% (${okAll}/${nAll})`);
  console.log(`Anything but a real branch answered registered_branch: ${unsafe}   goal 0`);
  if (args.includes('--show')) for (const w of wrong) console.log(w);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
