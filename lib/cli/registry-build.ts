import { z } from 'zod';
import { buildRegistry, formatReport } from '../registry/build';

const USAGE = 'Usage: npm run --silent registry:build -- --manifest <manifest.json> --out <file.sqlite> [--json]';

const Args = z.object({
  manifest: z.string({ error: 'missing --manifest <manifest.json>' }).min(1),
  out: z.string({ error: 'missing --out <file.sqlite>' }).min(1),
  json: z.boolean(),
});

function readArgs(argv: string[]) {
  const raw: Record<string, string | boolean> = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') raw.json = true;
    else if (a === '--manifest' || a === '--out') raw[a.slice(2)] = argv[++i];
    else if (a.startsWith('--manifest=') || a.startsWith('--out=')) raw[a.slice(2, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    else throw new Error(`unknown argument ${a}`);
  }
  return Args.parse(raw);
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = readArgs(argv);
  } catch (err) {
    const msg = err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : err instanceof Error ? err.message : String(err);
    process.stderr.write(`registry:build: ${msg}\n${USAGE}\n`);
    return 2;
  }
  const report = await buildRegistry({ manifest: args.manifest, out: args.out });
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  // A registry with no outlet at all is no registry.
  return report.outlets > 0 ? 0 : 1;
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
