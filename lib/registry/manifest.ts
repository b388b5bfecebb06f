import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The import manifest: the shape of ../shared/data/registry/manifest.json (asOf, crs, sources
 * with file, bank, region, note), plus what the importer also accepts per source: a
 * `format` (bank outlet list or the regulator's licence records), a `crs`, an `asOf`.
 */

export const CRS_NAMES = ['wgs84', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_NAMES)[number];

/** A declared coordinate system, or null when it is not one we can convert from. */
export function recogniseCrs(declared: string | undefined): Crs | null {
  const k = (declared ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (k === 'wgs84' || k === 'epsg4326') return 'wgs84';
  if (k === 'gcj02' || k === 'gcj') return 'gcj02';
  if (k === 'bd09' || k === 'bd09ll' || k === 'baidu') return 'bd09';
  return null;
}

const Source = z
  .object({
    file: z.string().min(1),
    /** The bank these rows belong to; "*" (or 全部银行) for records of every bank. */
    bank: z.string().min(1),
    /** Where the source covers: 全国, 安徽省合肥市... */
    region: z.string().min(1),
    note: z.string().optional(),
    format: z.enum(['outlet-list', 'licence']).optional(),
    crs: z.string().optional(),
    asOf: z.string().optional(),
    /** Licence records: in use (the default), set up recently (also in use), or withdrawn. */
    state: z.enum(['in_use', 'recent', 'exited']).optional(),
    /** Whether the source holds every outlet of its bank in its region, or only some. */
    coverage: z.enum(['complete', 'partial']).optional(),
  })
  .passthrough();

export const ManifestSchema = z
  .object({
    title: z.string().optional(),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf is a date, YYYY-MM-DD'),
    crs: z.string().optional(),
    /** A registry of made-up outlets, to be flagged as such in every result. */
    demo: z.boolean().optional(),
    /** The default for every source: a bank's own list is complete; a partial export is not. */
    coverage: z.enum(['complete', 'partial']).optional(),
    /**
     * Division centroids (the Vonng/adcode CSV: name, level, longitude, latitude, …), to place
     * records that have no coordinates; relative to the manifest. Read when present.
     */
    divisions: z.string().optional(),
    sources: z.array(Source).min(1, 'a manifest lists at least one source'),
  })
  .passthrough();

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestSource = z.infer<typeof Source>;

export interface LoadedManifest extends Manifest {
  /** The manifest's folder: source files are relative to it. */
  dir: string;
  path: string;
}

export function loadManifest(file: string): LoadedManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`cannot read manifest ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`invalid manifest ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return { ...parsed.data, dir: path.dirname(path.resolve(file)), path: path.resolve(file) };
}
