import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { readSources } from '../registry/build';
import { licenceRowsOf } from '../registry/build';
import { mergeLicences, type LicenceRow } from '../registry/licences';
import { loadManifest } from '../registry/manifest';

/**
 * registry:snapshot — the compact snapshot of the regulator's licence export that ships as the
 * default registry: one row per licence (merged across the export's files as registry:build
 * merges them), in use and withdrawn in two gzipped CSV files, and a manifest that builds the
 * same registry, with the same version, as the export itself.
 */

const USAGE = 'Usage: npm run --silent registry:snapshot -- --manifest <export manifest.json> --out <folder> [--divisions <csv, relative to the folder>]';

const Args = z.object({
  manifest: z.string({ error: 'missing --manifest' }).min(1),
  out: z.string({ error: 'missing --out' }).min(1),
  divisions: z.string().optional(),
});

const COLUMNS = ['机构编码', '机构名称', '批准成立日期', '发证日期', '机构地址', '机构所在地', '机构简称', '发证机关', '流水号', '前流水号', '前机构编码', '前机构名称', '前机构地址', '退出时间'];

const cell = (v: string | null | undefined) => {
  const s = v ?? '';
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function csvOf(rows: LicenceRow[]): Buffer {
  const lines = [COLUMNS.join(',')];
  for (const { row } of rows) {
    const l = row.licence!;
    const p = row.previous;
    // What the build reads of a previous record: only what differs from the current one.
    lines.push(
      [
        l.code, row.name, l.approvedAt, l.issuedAt, row.address, l.location, l.shortName, l.authority, l.serial,
        p?.serial, p?.code && p.code !== l.code ? p.code : null, p?.name && p.name !== row.name ? p.name : null,
        p?.address && p.address !== row.address ? p.address : null, l.exitedAt,
      ].map(cell).join(','),
    );
  }
  return gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), { level: 9 });
}

async function main(argv: string[]): Promise<number> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(manifest|out|divisions)(?:=(.*))?$/.exec(argv[i]);
    if (!m) {
      process.stderr.write(`registry:snapshot: unknown argument ${argv[i]}\n${USAGE}\n`);
      return 2;
    }
    raw[m[1]] = m[2] ?? argv[++i];
  }
  const args = Args.safeParse(raw);
  if (!args.success) {
    process.stderr.write(`registry:snapshot: ${args.error.issues.map((i) => i.message).join('; ')}\n${USAGE}\n`);
    return 2;
  }
  const manifest = loadManifest(args.data.manifest);
  const sources = await readSources(manifest);
  const failed = sources.filter((s) => s.report.error);
  if (failed.length) {
    for (const s of failed) process.stderr.write(`registry:snapshot: ${s.report.file}: ${s.report.error}\n`);
    return 1;
  }
  const { kept } = mergeLicences(licenceRowsOf(sources));
  const inUse = kept.filter((r) => r.state === 'in_use');
  const exited = kept.filter((r) => r.state === 'exited');
  fs.mkdirSync(args.data.out, { recursive: true });
  fs.writeFileSync(path.join(args.data.out, 'in-use.csv.gz'), csvOf(inUse));
  fs.writeFileSync(path.join(args.data.out, 'exited.csv.gz'), csvOf(exited));
  const out = {
    title: manifest.title ?? 'Licence registry snapshot',
    asOf: manifest.asOf,
    origin: `${(manifest as { origin?: string }).origin ?? manifest.path}; snapshot made by npm run registry:snapshot, one row per licence (机构编码), merged across the export's files`,
    crs: manifest.crs ?? 'none',
    coverage: manifest.coverage ?? 'partial',
    ...((manifest as { licencesInUseAtExport?: number }).licencesInUseAtExport ? { licencesInUseAtExport: (manifest as { licencesInUseAtExport?: number }).licencesInUseAtExport } : {}),
    ...(args.data.divisions ? { divisions: args.data.divisions } : {}),
    sources: [
      { file: 'in-use.csv.gz', format: 'licence', bank: '*', region: '全国', note: `licences in use: ${inUse.length}` },
      { file: 'exited.csv.gz', format: 'licence', bank: '*', region: '全国', state: 'exited', note: `licences withdrawn (机构退出): ${exited.length}` },
    ],
  };
  fs.writeFileSync(path.join(args.data.out, 'manifest.json'), `${JSON.stringify(out, null, 2)}\n`);
  const size = ['in-use.csv.gz', 'exited.csv.gz'].reduce((n, f) => n + fs.statSync(path.join(args.data.out, f)).size, 0);
  process.stdout.write(`snapshot ${args.data.out}: ${inUse.length} licences in use, ${exited.length} withdrawn, ${(size / 1024 / 1024).toFixed(2)} MB\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`registry:snapshot: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
