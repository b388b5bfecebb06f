import { appEnv, type AppEnv } from './env';

/**
 * The map-tile provider MAP_TILES chooses (AutoNavi, OpenStreetMap, a template of one's own,
 * or none): the URL Leaflet fills in, its attribution in both languages, its coordinate system,
 * and every host it will ask, for the content security policy.
 */

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

/** Every host Leaflet will ask for a URL template: one per subdomain when it has {s}. */
function originsOf(url: string, subdomains: string): string[] {
  const subs = url.includes('{s}') ? [...subdomains] : ['a'];
  return [...new Set(subs.map((s) => new URL(url.replace('{s}', s).replace(/\{[a-z]\}/g, '0')).origin))];
}

const PROVIDERS: Record<'amap' | 'osm', Omit<TileConfig, 'origins'>> = {
  amap: {
    url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
    attribution: '© 高德地图',
    attributionEn: '© AutoNavi (Amap)',
    crs: 'gcj02',
    subdomains: '1234',
  },
  osm: {
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> 贡献者',
    attributionEn: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    crs: 'wgs84',
    subdomains: 'abc',
  },
};

/** The tile provider chosen by MAP_TILES, or null for a map with no tiles. */
export function tileConfig(env: AppEnv = appEnv()): TileConfig | null {
  const t = env.MAP_TILES;
  if (t === 'none') return null;
  const p = t === 'amap' || t === 'osm' ? PROVIDERS[t] : { url: t, attribution: '', attributionEn: '', crs: 'wgs84' as const, subdomains: env.MAP_SUBDOMAINS };
  const attribution = env.MAP_ATTRIBUTION;
  return { ...p, attribution: attribution ?? p.attribution, attributionEn: attribution ?? p.attributionEn, origins: originsOf(p.url, p.subdomains) };
}
