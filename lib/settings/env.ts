import { z } from 'zod';

// An empty variable (FOO= in a unit file or compose file) means "not set", never 0 or "".
const unset = (v: unknown) => (typeof v === 'string' ? v.trim() || undefined : v);
const count = (dflt: number, min: number, max = Number.MAX_SAFE_INTEGER) => z.preprocess(unset, z.coerce.number().int().min(min).max(max).default(dflt));
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
 * The environment, read and checked once. Every setting has a safe default, so the app starts
 * with nothing set (the demo registry, OpenStreetMap tiles).
 */
const Env = z.object({
  REGISTRY_DB: z.preprocess(unset, z.string().trim().optional()),
  /** Without REGISTRY_DB: licences (the default, the regulator's registry) or demo (made-up outlets, for tests). */
  REGISTRY: z.preprocess(unset, z.enum(['licences', 'demo']).default('licences')),
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
  MAP_ATTRIBUTION: z.preprocess(unset, z.string().optional()),
  /** Subdomains a template's {s} stands for (default abc). */
  MAP_SUBDOMAINS: z.preprocess(unset, z.string().regex(/^[a-z0-9]{1,10}$/i).default('abc')),
  RATE_LIMIT_PER_MINUTE: count(60, 0),
  BATCH_RATE_LIMIT_PER_MINUTE: count(6, 0),
  /** How many proxies in front of the app append to X-Forwarded-For (the client is that far from the right); 0: none, the socket's address. */
  TRUSTED_PROXY_HOPS: count(0, 0, 10),
});

export type AppEnv = z.infer<typeof Env>;

let cached: AppEnv | undefined;

export function appEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  if (source !== process.env) return Env.parse(source);
  cached ??= (() => {
    const r = Env.safeParse(source);
    if (!r.success) throw new Error(`invalid environment: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return r.data;
  })();
  return cached;
}

export interface TileConfig {
  url: string;
  attribution: string;
  /** The same in English, for the English pages (MAP_ATTRIBUTION, when set, is used for both). */
  attributionEn: string;
  /** The coordinate system the tiles are drawn in: positions are converted to it. */
  crs: 'wgs84' | 'gcj02';
  subdomains: string;
  /** The origins the content security policy must let through. */
  origins: string[];
}

/** The tile provider chosen by MAP_TILES, or null for a map with no tiles. */
export function tileConfig(env: AppEnv = appEnv()): TileConfig | null {
  const t = env.MAP_TILES;
  if (t === 'none') return null;
  if (t === 'amap') {
    return {
      url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
      attribution: env.MAP_ATTRIBUTION ?? '© 高德地图',
      attributionEn: env.MAP_ATTRIBUTION ?? '© AutoNavi (Amap)',
      crs: 'gcj02',
      subdomains: '1234',
      origins: ['https://webrd01.is.autonavi.com', 'https://webrd02.is.autonavi.com', 'https://webrd03.is.autonavi.com', 'https://webrd04.is.autonavi.com'],
    };
  }
  if (t !== 'osm') {
    // Every host Leaflet will ask: one per subdomain when the template has {s}.
    const subs = t.includes('{s}') ? [...env.MAP_SUBDOMAINS] : ['a'];
    const origins = [...new Set(subs.map((s) => new URL(t.replace('{s}', s).replace(/\{[a-z]\}/g, '0')).origin))];
    return { url: t, attribution: env.MAP_ATTRIBUTION ?? '', attributionEn: env.MAP_ATTRIBUTION ?? '', crs: 'wgs84', subdomains: env.MAP_SUBDOMAINS, origins };
  }
  return {
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: env.MAP_ATTRIBUTION ?? '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> 贡献者',
    attributionEn: env.MAP_ATTRIBUTION ?? '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    crs: 'wgs84',
    subdomains: 'abc',
    origins: ['https://tile.openstreetmap.org'],
  };
}
