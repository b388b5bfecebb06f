import { afterEach, describe, expect, test, vi } from 'vitest';
import { appEnv, setting } from '../../lib/settings/env';
import { tileConfig } from '../../lib/settings/tiles';

/** appEnv of just these variables (Next's types want NODE_ENV in every ProcessEnv). */
const read = (vars: Record<string, string> = {}) => appEnv(vars as unknown as NodeJS.ProcessEnv);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const OSM = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> 贡献者',
  attributionEn: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  crs: 'wgs84',
  subdomains: 'abc',
  origins: ['https://tile.openstreetmap.org'],
};

describe('appEnv defaults', () => {
  test('an empty environment gives the safe defaults', () => {
    expect(read({})).toEqual({
      MAP_TILES: 'amap',
      MAP_SUBDOMAINS: 'abc',
      REGISTRY: 'licences',
      RATE_LIMIT_PER_MINUTE: 60,
      BATCH_RATE_LIMIT_PER_MINUTE: 6,
      TRUSTED_PROXY_HOPS: 0,
      RESULT_CACHE_ENTRIES: 5000,
      IMAGE_CACHE_BYTES: 32 * 1024 * 1024,
      QUIET_LOGS: false,
      SHARED_RATE_LIMIT: true,
    });
  });

  test('the optional settings are absent, not empty strings', () => {
    const env = read({});
    expect(env.REGISTRY_DB).toBeUndefined();
    expect(env.PUBLIC_BASE_URL).toBeUndefined();
    expect(env.MAP_ATTRIBUTION).toBeUndefined();
    expect(env.LOG_HASH_KEY).toBeUndefined();
    expect(env.WORKER_ID).toBeUndefined();
    expect(env.REALBRANCH_ROOT).toBeUndefined();
    expect(env.NODE_ENV).toBeUndefined();
  });

  test('unknown variables are ignored', () => {
    expect(read({ PATH: '/usr/bin', HOME: '/root', SOMETHING_ELSE: '1' })).toEqual(read({}));
  });
});

describe('appEnv values', () => {
  test.each([
    ['RATE_LIMIT_PER_MINUTE', '0', 0],
    ['RATE_LIMIT_PER_MINUTE', '120', 120],
    ['RATE_LIMIT_PER_MINUTE', ' 30 ', 30],
    ['RATE_LIMIT_PER_MINUTE', '1e3', 1000],
    ['BATCH_RATE_LIMIT_PER_MINUTE', '0', 0],
    ['BATCH_RATE_LIMIT_PER_MINUTE', '12', 12],
    ['TRUSTED_PROXY_HOPS', '0', 0],
    ['TRUSTED_PROXY_HOPS', '1', 1],
    ['TRUSTED_PROXY_HOPS', '2', 2],
    ['TRUSTED_PROXY_HOPS', '10', 10],
    ['REGISTRY_DB', ' /srv/registry.sqlite ', '/srv/registry.sqlite'],
    ['MAP_TILES', ' amap ', 'amap'],
    ['MAP_ATTRIBUTION', '© Someone', '© Someone'],
    ['PUBLIC_BASE_URL', 'https://realbranch.example', 'https://realbranch.example'],
    ['PUBLIC_BASE_URL', 'http://localhost:3000/', 'http://localhost:3000/'],
    ['PUBLIC_BASE_URL', '', undefined],
    ['RESULT_CACHE_ENTRIES', '0', 0],
    ['RESULT_CACHE_ENTRIES', '200', 200],
    ['IMAGE_CACHE_BYTES', '1048576', 1048576],
    ['LOG_HASH_KEY', 'k', 'k'],
    ['LOG_HASH_KEY', ' k ', ' k '],
    ['LOG_HASH_KEY', '', undefined],
    ['QUIET_LOGS', '1', true],
    ['QUIET_LOGS', '0', false],
    ['QUIET_LOGS', 'yes', false],
    ['SHARED_RATE_LIMIT', '0', false],
    ['SHARED_RATE_LIMIT', '1', true],
    ['WORKER_ID', '2', 2],
    ['REALBRANCH_ROOT', '/srv/realbranch', '/srv/realbranch'],
    ['NODE_ENV', 'production', 'production'],
  ])('%s=%j reads as %j', (name, value, expected) => {
    expect(read({ [name]: value })[name as keyof ReturnType<typeof appEnv>]).toBe(expected);
  });

  test.each([
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['RATE_LIMIT_PER_MINUTE', '1.5'],
    ['RATE_LIMIT_PER_MINUTE', 'sixty'],
    ['RATE_LIMIT_PER_MINUTE', 'Infinity'],
    ['RATE_LIMIT_PER_MINUTE', '60/min'],
    ['BATCH_RATE_LIMIT_PER_MINUTE', '-6'],
    ['BATCH_RATE_LIMIT_PER_MINUTE', 'NaN'],
    ['TRUSTED_PROXY_HOPS', '-1'],
    ['TRUSTED_PROXY_HOPS', '11'],
    ['TRUSTED_PROXY_HOPS', '1.5'],
    ['TRUSTED_PROXY_HOPS', 'two'],
    ['PUBLIC_BASE_URL', 'realbranch.example'],
    ['PUBLIC_BASE_URL', 'not a url'],
    ['PUBLIC_BASE_URL', '/relative/path'],
    ['PUBLIC_BASE_URL', 'https://a.example,https://b.example'],
    ['PUBLIC_BASE_URL', 'https://a.example, b.example'],
    ['PUBLIC_BASE_URL', 'https://user:pw@realbranch.example'],
    ['PUBLIC_BASE_URL', 'https://realbranch.example/?x=1'],
    ['PUBLIC_BASE_URL', 'https://realbranch.example/#top'],
    ['PUBLIC_BASE_URL', 'https://bad_host.example'],
    ['WORKER_ID', '0'],
    ['WORKER_ID', 'one'],
  ])('%s=%j is refused', (name, value) => {
    expect(() => read({ [name]: value })).toThrow(name);
  });

  test.each([
    ['RESULT_CACHE_ENTRIES', 'lots', 5000],
    ['RESULT_CACHE_ENTRIES', '-1', 5000],
    ['IMAGE_CACHE_BYTES', 'Infinity', 32 * 1024 * 1024],
  ])('a cache size %s=%j that is not one means the default, as before', (name, value, expected) => {
    expect(read({ [name]: value })[name as keyof ReturnType<typeof appEnv>]).toBe(expected);
  });
});

describe('setting(name)', () => {
  test('reads one setting now, with the same rule, on every call', () => {
    vi.stubEnv('QUIET_LOGS', '1');
    expect(setting('QUIET_LOGS')).toBe(true);
    vi.stubEnv('QUIET_LOGS', '');
    expect(setting('QUIET_LOGS')).toBe(false);
    expect(setting('REGISTRY', { REGISTRY: ' demo ' } as unknown as NodeJS.ProcessEnv)).toBe('demo');
    expect(setting('REGISTRY', {} as unknown as NodeJS.ProcessEnv)).toBe('licences');
  });

  test('a bad value is refused with its name, whatever the other settings hold', () => {
    const env = { REGISTRY: 'elsewhere', RATE_LIMIT_PER_MINUTE: 'lots' } as unknown as NodeJS.ProcessEnv;
    expect(() => setting('REGISTRY', env)).toThrow(/^invalid environment: REGISTRY: /);
    expect(setting('REGISTRY_DB', env)).toBeUndefined();
  });
});

describe('appEnv(process.env)', () => {
  async function fresh() {
    vi.resetModules();
    return import('../../lib/settings/env');
  }

  test('is read once: later changes to the environment are not seen', async () => {
    vi.stubEnv('RATE_LIMIT_PER_MINUTE', '30');
    const env = await fresh();
    expect(env.appEnv().RATE_LIMIT_PER_MINUTE).toBe(30);
    vi.stubEnv('RATE_LIMIT_PER_MINUTE', '90');
    expect(env.appEnv().RATE_LIMIT_PER_MINUTE).toBe(30);
    expect(env.appEnv()).toBe(env.appEnv());
  });

  test('an explicit source is never cached', async () => {
    const env = await fresh();
    expect(env.appEnv({ RATE_LIMIT_PER_MINUTE: '5' } as unknown as NodeJS.ProcessEnv).RATE_LIMIT_PER_MINUTE).toBe(5);
    expect(env.appEnv({ RATE_LIMIT_PER_MINUTE: '7' } as unknown as NodeJS.ProcessEnv).RATE_LIMIT_PER_MINUTE).toBe(7);
  });

  test('a bad process environment fails with a message that names every bad variable', async () => {
    vi.stubEnv('RATE_LIMIT_PER_MINUTE', 'lots');
    vi.stubEnv('TRUSTED_PROXY_HOPS', '-1');
    const env = await fresh();
    expect(() => env.appEnv()).toThrow(/^invalid environment: .*RATE_LIMIT_PER_MINUTE: .*; TRUSTED_PROXY_HOPS: /);
  });
});

describe('tileConfig', () => {
  test('AutoNavi by default: it serves mainland China, where OpenStreetMap is slow or blocked', () => {
    expect(tileConfig(read({}))).toEqual(tileConfig(read({ MAP_TILES: 'amap' })));
  });

  test.each([['osm'], [' osm ']])('MAP_TILES=%j is OpenStreetMap', (value) => {
    expect(tileConfig(read({ MAP_TILES: value }))).toEqual(OSM);
  });

  test('MAP_TILES=none: a map with no tiles, and no tile origin in the CSP', () => {
    expect(tileConfig(read({ MAP_TILES: 'none' }))).toBeNull();
  });

  test('MAP_TILES=amap: AutoNavi tiles drawn in GCJ-02, all four subdomains let through', () => {
    const t = tileConfig(read({ MAP_TILES: 'amap' }));
    expect(t).toEqual({
      url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
      attribution: '© 高德地图',
      attributionEn: '© AutoNavi (Amap)',
      crs: 'gcj02',
      subdomains: '1234',
      origins: ['https://webrd01.is.autonavi.com', 'https://webrd02.is.autonavi.com', 'https://webrd03.is.autonavi.com', 'https://webrd04.is.autonavi.com'],
    });
    // Every host Leaflet will ask, given the template and subdomains, is in origins.
    for (const s of t!.subdomains) expect(t!.origins).toContain(new URL(t!.url.replace('{s}', s).replace(/\{[a-z]\}/g, '0')).origin);
  });

  test.each([
    ['a template without subdomains', 'https://tiles.example.org/{z}/{x}/{y}.png', ['https://tiles.example.org']],
    ['a template with a port', 'https://tiles.example.org:8443/{z}/{x}/{y}.png', ['https://tiles.example.org:8443']],
    ['a template with a query', 'https://tiles.example.org/t?x={x}&y={y}&z={z}&key=abc', ['https://tiles.example.org']],
    ['a template with {r}', 'https://tiles.example.org/{z}/{x}/{y}{r}.png', ['https://tiles.example.org']],
  ])('MAP_TILES as %s: WGS-84, its origin let through', (_name, url, origins) => {
    expect(tileConfig(read({ MAP_TILES: url }))).toEqual({ url, attribution: '', attributionEn: '', crs: 'wgs84', subdomains: 'abc', origins });
  });

  // Leaflet fills {s} from subdomains "abc": tiles come from a., b. and c., but the CSP built
  // from origins lets only a. through, so two tiles in three are blocked.
  test('MAP_TILES as a template with {s}: every subdomain Leaflet asks is let through', () => {
    const t = tileConfig(read({ MAP_TILES: 'https://{s}.tile.example.org/{z}/{x}/{y}.png' }))!;
    expect(t.origins).toEqual(expect.arrayContaining(['https://a.tile.example.org', 'https://b.tile.example.org', 'https://c.tile.example.org']));
  });

  test.each([
    ['osm', OSM.url],
    ['amap', 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}'],
    ['https://tiles.example.org/{z}/{x}/{y}.png', 'https://tiles.example.org/{z}/{x}/{y}.png'],
  ])('MAP_ATTRIBUTION replaces the attribution of %s', (tiles, url) => {
    const t = tileConfig(read({ MAP_TILES: tiles, MAP_ATTRIBUTION: '© Mine' }));
    expect(t).toMatchObject({ url, attribution: '© Mine', attributionEn: '© Mine' });
  });

  test.each([
    ['a plain-http template', 'http://tiles.example.org/{z}/{x}/{y}.png'],
    ['a protocol-relative template', '//tiles.example.org/{z}/{x}/{y}.png'],
    ['a javascript: URL', 'javascript:alert(1)'],
  ])('never serves %s', (_name, value) => {
    let t: ReturnType<typeof tileConfig> | undefined;
    try {
      t = tileConfig(read({ MAP_TILES: value }));
    } catch {
      return; // refusing it is right too
    }
    expect(t?.url.startsWith('https://') ?? true).toBe(true);
    for (const o of t?.origins ?? []) expect(o).toMatch(/^https:\/\/[^/]+$/);
  });

  test('a template that is no URL is refused, not served', () => {
    expect(() => tileConfig(read({ MAP_TILES: 'https://' }))).toThrow();
  });

  test('a template cannot inject into the CSP: one with spaces is refused, and an origin is only scheme, host and port', () => {
    expect(() => read({ MAP_TILES: "https://tiles.example.org/{z}/{x}/{y}.png?a='unsafe-inline'; script-src *" })).toThrow();
    const t = tileConfig(read({ MAP_TILES: "https://tiles.example.org/{z}/{x}/{y}.png?a='unsafe-inline';script-src" }));
    expect(t!.origins).toEqual(['https://tiles.example.org']);
  });

  test.each(['AMAP', 'http://tiles.example.org/{z}/{x}/{y}.png', 'https://', 'https://tiles.example.org/tile.png', 'javascript:alert(1)'])('MAP_TILES=%s is refused, not silently replaced', (v) => {
    expect(() => read({ MAP_TILES: v })).toThrow();
  });

  test.each([
    ['RATE_LIMIT_PER_MINUTE', 60],
    ['BATCH_RATE_LIMIT_PER_MINUTE', 6],
    ['TRUSTED_PROXY_HOPS', 0],
  ] as const)('an empty %s= means unset: the default, not 0', (key, dflt) => {
    expect(read({ [key]: '' })[key]).toBe(dflt);
  });

  test.each(['javascript:alert(1)', 'ftp://example.org', 'mailto:a@example.org'])('PUBLIC_BASE_URL=%s is refused', (v) => {
    expect(() => read({ PUBLIC_BASE_URL: v })).toThrow();
  });

  test('reads the process environment when given nothing', async () => {
    vi.stubEnv('MAP_TILES', 'none');
    vi.resetModules();
    const tiles = await import('../../lib/settings/tiles');
    expect(tiles.tileConfig()).toBeNull();
  });
});
