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
