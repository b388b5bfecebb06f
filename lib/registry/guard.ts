import fs from 'node:fs';
import path from 'node:path';
import type { BuildReport } from './build';
import { loadManifest } from './manifest';

/**
 * The all-or-nothing rule of registry:build: a build that failed for any source, or that
 * yields fewer outlets than the operator's floor, is not written over the target. A source
 * that could not be read or imported no row counts as failed unless `allowMissing` says a
 * partial registry is wanted; even then, a registry of no outlet at all is refused.
 */

export interface BuildFloor {
  /** Accept sources that failed or imported nothing (a partial registry), on purpose. */
  allowMissing: boolean;
  /** Fewest outlets the whole registry may hold. */
  minOutlets: number;
  /** Fewest outlets each source must give (1 by default: a source of 0 rows is a failure). */
  minPerSource: number;
}

export const DEFAULT_FLOOR: BuildFloor = { allowMissing: false, minOutlets: 1, minPerSource: 1 };

/** Why this build must not replace the target; empty when it may. */
export function refusals(report: BuildReport, floor: BuildFloor = DEFAULT_FLOOR): string[] {
  const out: string[] = [];
  if (!floor.allowMissing) {
    for (const s of report.sources) {
      if (s.error) out.push(`source ${s.file} failed: ${s.error}`);
      // Licences also in another file of the export (recent.xlsx: every row is also in the newest
      // file) were imported there: they count.
      else if (s.imported + (s.mergedAcross ?? 0) < floor.minPerSource) out.push(`source ${s.file} gave ${s.imported} outlets, fewer than ${floor.minPerSource}`);
    }
  }
  const min = Math.max(1, floor.minOutlets);
  if (report.outlets < min) out.push(`the registry would hold ${report.outlets} outlets, fewer than ${min}`);
  return out;
}

/** The identity of a file on disk (device and inode), or of the path it would have. */
function identity(p: string): string {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (st) return `${st.dev}:${st.ino}`;
  const dir = fs.realpathSync.native(fs.existsSync(path.dirname(p)) ? path.dirname(p) : '.');
  return path.join(dir, path.basename(p));
}

/** Refuse an --out that is the manifest or one of its sources (also through a link). */
export function outIsAnInput(manifestFile: string, out: string): string | null {
  const m = loadManifest(manifestFile);
  const target = identity(path.resolve(out));
  const inputs = [m.path, ...m.sources.map((s) => path.resolve(m.dir, s.file))];
  const same = inputs.find((p) => identity(p) === target);
  return same ? `--out ${out} is one of the build's own inputs (${path.relative(process.cwd(), same) || same}): choose another file` : null;
}
