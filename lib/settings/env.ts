import { z } from 'zod';

// An empty variable (FOO= in a unit file or compose file) means "not set", never 0 or "".
const unset = (v: unknown) => (typeof v === 'string' ? v.trim() || undefined : v);
const count = (dflt: number, min: number, max = Number.MAX_SAFE_INTEGER) => z.preprocess(unset, z.coerce.number().int().min(min).max(max).default(dflt));
// A cache's size: a number that is not one, or is negative, means the default (never a refused start).
const size = (dflt: number) => z.preprocess(unset, z.coerce.number().min(0).default(dflt)).catch(dflt);
// A switch that is on only when set to "1", or (on by default) off only when set to "0".
const onIfOne = z.preprocess(unset, z.string().optional()).transform((v) => v === '1');
const offIfZero = z.preprocess(unset, z.string().optional()).transform((v) => v !== '0');
const text = z.preprocess(unset, z.string().optional());
// A tile URL template: https, with the {z}, {x} and {y} Leaflet fills in.
const TileTemplate = z
  .string()
  .regex(/^https:\/\/[^\s/]+\/\S*$/, 'a tile template must be an https:// URL')
  .refine((t) => ['{z}', '{x}', '{y}'].every((k) => t.includes(k)), 'a tile template needs {z}, {x} and {y}')
  .refine((t) => URL.canParse(t.replace(/\{[a-z]\}/g, 'a')), 'not a valid URL');

/** One host, as in a Host header: DNS labels or an IP literal, and an optional port; never a list. */
export function isHostName(host: string): boolean {
  if (host.length > 260) return false;
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)(?::(\d{1,5}))?$/i.exec(host);
  return !!m && (m[2] === undefined || Number(m[2]) <= 65535);
}

/**
 * Every setting the app reads from the environment, checked here and nowhere else. Every one
 * has a safe default, so the app starts with nothing set (the licence registry, AutoNavi tiles).
 * (The launchers in scripts/ read their own few before the app loads: WEB_CONCURRENCY, PORT,
 * HOSTNAME, FAST_ROUTES, PAGE_CACHE, PAGE_CACHE_BYTES; and they set WORKER_ID, SHARED_RATE_LIMIT.)
 */
const Env = z.object({
  /** The registry file to read, as on the command line (else a built-in registry, see REGISTRY). */
  REGISTRY_DB: z.preprocess(unset, z.string().trim().optional()),
  /** Without REGISTRY_DB: licences (the default, the regulator's registry) or demo (made-up outlets, for tests). */
  REGISTRY: z.preprocess(unset, z.enum(['licences', 'demo']).default('licences')),
  /** The project's folder, where data/ is (default: found upwards from the working directory). */
  REALBRANCH_ROOT: text,
  /** Where the site is reached from outside, for share links (else taken from the request). */
  PUBLIC_BASE_URL: z.preprocess(
    unset,
    z
      .url({ protocol: /^https?$/ })
      .refine((u) => !/[\s,]/.test(u), 'one address, not a list')
      .refine((u) => URL.canParse(u) && !new URL(u).username && !new URL(u).password && !new URL(u).search && !new URL(u).hash, 'an address with no user, query or fragment')
      .refine((u) => URL.canParse(u) && isHostName(new URL(u).host), 'a well-formed host name')
      .optional(),
  ),
  /** Map tiles: amap (default: serves mainland China, where most readers are; GCJ-02), osm, none, or an https URL template. */
  MAP_TILES: z.preprocess(unset, z.union([z.enum(['osm', 'amap', 'none']), TileTemplate]).default('amap')),
  /** The map's attribution text (default: the provider's own). */
  MAP_ATTRIBUTION: z.preprocess(unset, z.string().optional()),
  /** Subdomains a template's {s} stands for (default abc). */
  MAP_SUBDOMAINS: z.preprocess(unset, z.string().regex(/^[a-z0-9]{1,10}$/i).default('abc')),
  /** Checks per minute per client on /api/check (default 60; 0: no limit). */
  RATE_LIMIT_PER_MINUTE: count(60, 0),
  /** Batches per minute per client on /api/batch (default 6; 0: no limit). */
  BATCH_RATE_LIMIT_PER_MINUTE: count(6, 0),
  /** How many proxies in front of the app append to X-Forwarded-For (the client is that far from the right); 0: none, the socket's address. */
  TRUSTED_PROXY_HOPS: count(0, 0, 10),
  /** Check results kept per process, keyed by text and registry version (default 5,000). */
  RESULT_CACHE_ENTRIES: size(5000),
  /** Bytes of preview images kept per process (default 32 MB). */
  IMAGE_CACHE_BYTES: size(32 * 1024 * 1024),
  /** The key of the hash that stands for a text in the logs, used as given (default: a random one per start; npm start gives all its workers the same). */
  LOG_HASH_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** 1 silences the event log; anything else (or nothing) leaves it on. */
  QUIET_LOGS: onIfOne,
  /** Set by npm start (scripts/serve.mjs): which worker this process is, from 1; unset out of a cluster. */
  WORKER_ID: z.preprocess(unset, z.coerce.number().int().min(1).optional()),
  /** Set to 0 by npm start when workers should keep their own rate-limit buckets; else a worker asks the primary's. */
  SHARED_RATE_LIMIT: offIfZero,
  /** development, production or test: set by Next.js, npm start or the test runner, not by hand (production is the only value looked at). */
  NODE_ENV: text,
});

export type AppEnv = z.infer<typeof Env>;

let cached: AppEnv | undefined;

const explain = (error: z.ZodError) => `invalid environment: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;

/**
 * Every setting, checked together: from process.env read once (a bad setting stops the start,
 * see lib/web/start-warnings.ts), or from the source given, never cached.
 */
export function appEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  if (source !== process.env) return Env.parse(source);
  cached ??= (() => {
    const r = Env.safeParse(source);
    if (!r.success) throw new Error(explain(r.error));
    return r.data;
  })();
  return cached;
}

/**
 * One setting, read now with the same rule as appEnv: for what is looked at on every call
 * (the registry a request is served from, the log switches), and for modules that also run
 * outside the server (the command line), where the other settings do not matter.
 */
export function setting<K extends keyof AppEnv>(name: K, source: NodeJS.ProcessEnv = process.env): AppEnv[K] {
  // (The same text gives the same value: it is parsed again only when it changes.)
  const raw = source[name];
  const last = lastRead.get(name);
  if (last && last.raw === raw) return last.value as AppEnv[K];
  const value = readSetting(name, raw);
  lastRead.set(name, { raw, value });
  return value;
}

const lastRead = new Map<keyof AppEnv, { raw: string | undefined; value: unknown }>();

function readSetting<K extends keyof AppEnv>(name: K, raw: string | undefined): AppEnv[K] {
  const r = Env.shape[name].safeParse(raw);
  if (!r.success) throw new Error(explain(new z.ZodError(r.error.issues.map((i) => ({ ...i, path: [name, ...i.path] })))));
  return r.data as AppEnv[K];
}
