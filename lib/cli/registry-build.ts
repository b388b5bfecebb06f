import './epipe';
import { z } from 'zod';
import { buildRegistry, formatReport } from '../registry/build';
import { outIsAnInput, refusals } from '../registry/guard';

const USAGE =
  'Usage: npm run --silent registry:build -- --manifest <manifest.json> --out <file.sqlite> [--json] [--allow-missing] [--min-outlets N] [--min-per-source N]';

const count = (flag: string) => z.coerce.number({ error: `${flag} takes a whole number` }).int(`${flag} takes a whole number`).min(0, `${flag} takes a whole number`);
const Args = z.object({
  manifest: z.string({ error: 'missing --manifest <manifest.json>' }).min(1),
  out: z.string({ error: 'missing --out <file.sqlite>' }).min(1),
  json: z.boolean(),
  'allow-missing': z.boolean(),
  'min-outlets': count('--min-outlets').default(1),
  'min-per-source': count('--min-per-source').default(1),
});

const VALUED = ['--manifest', '--out', '--min-outlets', '--min-per-source'];

function readArgs(argv: string[]) {
  const raw: Record<string, string | boolean> = { json: false, 'allow-missing': false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    if (a === '--json' || a === '--allow-missing') raw[a.slice(2)] = true;
    else if (VALUED.includes(a)) raw[a.slice(2)] = argv[++i];
    else if (eq > 0 && VALUED.includes(a.slice(0, eq))) raw[a.slice(2, eq)] = a.slice(eq + 1);
    else throw new Error(`unknown argument ${a}`);
  }
  return Args.parse(raw);
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = readArgs(argv);
    const clash = outIsAnInput(args.manifest, args.out);
    if (clash) throw new Error(clash);
  } catch (err) {
    const msg = err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : err instanceof Error ? err.message : String(err);
    process.stderr.write(`registry:build: ${msg}\n${USAGE}\n`);
    return 2;
  }
  // All or nothing: a build that fails any source, or falls under the floor, leaves --out as it was.
  const floor = { allowMissing: args['allow-missing'], minOutlets: args['min-outlets'], minPerSource: args['min-per-source'] };
  const report = await buildRegistry({ manifest: args.manifest, out: args.out, refuse: (r) => refusals(r, floor) });
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  if (report.refused) process.stderr.write(`registry:build: not written, ${args.out} left as it was: ${report.refused.join('; ')}\n`);
  return report.refused ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`registry:build: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
