/**
 * The registry's SQLite schema. One row per outlet; one or more addresses per outlet (its
 * licensed address, and the previous one a licence record may carry), each stored already
 * parsed into parts; coverage says which banks and regions the sources cover.
 */
// Raised whenever the importer or the parser reads addresses differently, so that a built
// registry is built again.
export const SCHEMA_VERSION = 11;

export const DDL = `
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  bank TEXT NOT NULL,            -- canonical name, or * for every bank
  bank_label TEXT NOT NULL,      -- as the manifest wrote it
  region TEXT NOT NULL,
  region_code TEXT NOT NULL,     -- '' for the whole country
  note TEXT,
  format TEXT NOT NULL,
  crs TEXT NOT NULL,             -- wgs84, gcj02, bd09 or what the manifest said
  approximate INTEGER NOT NULL,  -- positions kept as given: not at building scale
  as_of TEXT NOT NULL,
  report TEXT NOT NULL           -- the import report, JSON
);

CREATE TABLE coverage (
  bank TEXT NOT NULL,            -- canonical name, or * for every bank
  region_code TEXT NOT NULL,     -- '' (whole country), a province, city or district code
  region TEXT NOT NULL,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  complete INTEGER NOT NULL,     -- 1: every outlet of the bank there; 0: only some (a partial export)
  outlets INTEGER NOT NULL       -- how many licences in use it holds there
);

-- The institutions of licence records (every bank, not only the dictionary's), with the short
-- forms people write that name only one of them (旺苍农商行).
CREATE TABLE institutions (
  name TEXT PRIMARY KEY,
  legal_name TEXT NOT NULL,
  code_prefix TEXT,
  grp TEXT NOT NULL,
  aliases TEXT NOT NULL,         -- JSON list
  outlets INTEGER NOT NULL
);

CREATE TABLE outlets (
  id INTEGER PRIMARY KEY,
  bank TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('staffed', 'centre', 'self_service', 'non_bank')),
  state TEXT NOT NULL CHECK (state IN ('in_use', 'exited')),  -- exited: the licence was withdrawn
  phone TEXT,
  branch_key TEXT,
  province_code TEXT,
  city_code TEXT,
  district_code TEXT,
  placed_by TEXT,                -- address, name, region, coordinates; NULL when unplaced
  lat REAL,                      -- WGS-84 when the source's system is known
  lng REAL,
  precision TEXT,                -- outlet, or the centre of its town, district or city
  approximate INTEGER NOT NULL,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  source_row INTEGER NOT NULL,
  merged_rows TEXT,              -- rows merged into this one as duplicates, JSON
  licence TEXT                   -- licence fields, JSON, for licence records
);

CREATE TABLE addresses (
  id INTEGER PRIMARY KEY,
  outlet_id INTEGER NOT NULL REFERENCES outlets(id),
  current INTEGER NOT NULL,      -- 0 for a previous address the outlet moved from (前机构地址)
  address TEXT NOT NULL,
  road TEXT,
  road_num INTEGER,
  road_nums TEXT,                -- every number, JSON (185、187号)
  road_no TEXT,
  cross_road TEXT,
  building TEXT,
  building_key TEXT,
  building_no TEXT,
  floors TEXT NOT NULL,          -- JSON list; [] = street level
  floor_labels TEXT NOT NULL,    -- JSON list
  room TEXT,
  city_code TEXT,
  district_code TEXT
);

-- Every house number of every address (185、187号 has two), for look-up by number.
CREATE TABLE road_numbers (
  num INTEGER NOT NULL,
  address_id INTEGER NOT NULL REFERENCES addresses(id),
  city_code TEXT,
  -- The address's road, beside its number: a number is on many roads, and most are not the one asked.
  road TEXT
);

CREATE VIRTUAL TABLE building_fts USING fts5(building_key, content='', tokenize='trigram');
-- Positions of staffed outlets, with the bank beside each box so that a search for one
-- bank's outlets reads no other rows.
CREATE VIRTUAL TABLE outlet_rtree USING rtree(id, min_lat, max_lat, min_lng, max_lng, +bank TEXT);
-- The same points packed, column by column (lib/registry/points.ts): what a process reads to
-- find each bank's closest outlets in memory.
CREATE TABLE points (part TEXT PRIMARY KEY, data BLOB NOT NULL);
`;

/** Indexes are made after the rows are in: faster than keeping them up to date row by row. */
export const INDEXES = `
-- Covering: a number's addresses and their roads, read from the index alone, in address order.
CREATE INDEX road_numbers_num ON road_numbers(num, city_code, address_id, road);
CREATE INDEX addresses_building ON addresses(building_key);
-- A road in one city is found in the index: 人民路 alone has 877 addresses in the licence
-- registry, and each used to be read in full before the city dropped it.
CREATE INDEX addresses_road_city ON addresses(road, city_code, cross_road);
CREATE INDEX addresses_cross ON addresses(road, cross_road);
CREATE INDEX addresses_cross_road ON addresses(cross_road) WHERE cross_road IS NOT NULL;
CREATE INDEX addresses_outlet ON addresses(outlet_id);
CREATE INDEX outlets_bank_city ON outlets(bank, city_code);
CREATE INDEX outlets_city ON outlets(city_code, district_code);
CREATE INDEX outlets_district ON outlets(district_code);
CREATE INDEX coverage_bank ON coverage(bank);
`;
