import { z } from 'zod';

/**
 * The environment, read and checked once. Every setting has a safe default, so the app starts
 * with nothing set (the demo registry, OpenStreetMap tiles).
 */
const Env = z.object({
  REGISTRY_DB: z.string().trim().optional(),
  /** Where the site is reached from outside, for share links (else taken from the request). */
  PUBLIC_BASE_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  /** Map tiles: osm (default), amap (serves China well, GCJ-02), none, or a URL template. */
  MAP_TILES: z.string().trim().default('osm'),
  MAP_ATTRIBUTION: z.string().optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  BATCH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(6),
  /** How many proxies in front of the app append to X-Forwarded-For (the client is that far from the right). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
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
      attribution: env.MAP_ATTRIBUTION ?? '© 高德地图 AutoNavi',
      crs: 'gcj02',
      subdomains: '1234',
      origins: ['https://webrd01.is.autonavi.com', 'https://webrd02.is.autonavi.com', 'https://webrd03.is.autonavi.com', 'https://webrd04.is.autonavi.com'],
    };
  }
  if (/^https:\/\//.test(t)) {
    const origin = new URL(t.replace(/\{[a-z]\}/g, 'a')).origin;
    return { url: t, attribution: env.MAP_ATTRIBUTION ?? '', crs: 'wgs84', subdomains: 'abc', origins: [origin] };
  }
  return {
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: env.MAP_ATTRIBUTION ?? '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    crs: 'wgs84',
    subdomains: 'abc',
    origins: ['https://tile.openstreetmap.org'],
  };
}
