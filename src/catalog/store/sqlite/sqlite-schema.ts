/**
 * The SQLite catalogue schema and its migrations, versioned with `PRAGMA user_version`.
 *
 * Layout, chosen for the hot search paths at a million items:
 * - `items` is narrow: typed columns for everything people filter, sort and aggregate on, so scans and
 *   covering indexes never touch the JSON documents;
 * - `item_docs` holds the document as received (minus `geometry`, kept apart as GeoJSON text for the exact
 *   spatial tests); it is read only for the rows of the page being returned or for non-typed properties;
 * - `item_rtree` indexes bounding boxes; an item crossing the antimeridian gets two entries, so entry ids are
 *   `item_key * 2 + part` and the `item_rtree_key` view maps them back to the item key;
 * - `item_fts` / `collection_fts` are contentless FTS5 indexes, accent- and case-insensitive;
 * - `item_properties` lists the property names and JSON types seen per collection (the observed queryables).
 * Aggregation summaries are built in memory from `items` on demand (aggregation-summary.ts), not on write.
 */
import type Database from 'better-sqlite3';

/** Schema version written to `PRAGMA user_version` once the migrations below have run. */
export const SCHEMA_VERSION = 7;

const FTS_OPTIONS = "content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'";

/**
 * FTS5 writes the tokens of a transaction as a new segment and merges segments as they pile up (both at
 * commit). Items' descriptions overflow the default 1 MiB of pending tokens within a batch of 1000, which
 * then lands as several segments; and the default merge of every 4 segments of a level rewrites each token
 * about log4(batches) times. A 16 MiB pending buffer (held only while a write transaction runs) and merges
 * of 8 segments took 10 % of the ingest CPU off at 100,000 items, more as the index grows; a search then
 * reads a few more segments per token (at most 7 per level instead of 3).
 */
const ITEM_FTS_WRITE_SETTINGS = `
INSERT INTO item_fts(item_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO item_fts(item_fts, rank) VALUES ('automerge', 8);
`;

/**
 * Filters on platform or constellation, the commonest STAC filters, read only their items in datetime order:
 * walking the datetime index instead reads every item when the filter matches nothing (2 s at 1M items,
 * e.g. `constellation = 'sentinel-1' AND view:off_nadir > 10`). They carry the typed numeric columns people
 * filter on beside them (cloud cover, off-nadir angle, GSD), so such filters never read the table. Items
 * arrive roughly in datetime order per platform, so these indexes are appended to rather than written at
 * random (no measurable ingest cost).
 */
/**
 * Sorts by cloud cover within a collection walk this index; it covers the bbox columns (after item_key, so
 * ties stay in key order), so a search whose box holds few of the collection's items tests each entry
 * without reading the table: a third less CPU per search on that path at 100,000 items.
 */
const CLOUD_COVER_INDEX = `
CREATE INDEX IF NOT EXISTS items_by_collection_cloud_cover
  ON items(collection, cloud_cover, item_key, minx, miny, maxx, maxy);
`;

const PLATFORM_INDEXES = `
CREATE INDEX IF NOT EXISTS items_by_platform_datetime
  ON items(platform, dt_start DESC, cloud_cover, off_nadir, gsd);
CREATE INDEX IF NOT EXISTS items_by_constellation_datetime
  ON items(constellation, dt_start DESC, cloud_cover, off_nadir, gsd);
`;

/** The current layout, created at once in a new database. */
const SCHEMA = `
CREATE TABLE collections (
  collection_key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  doc TEXT NOT NULL,
  item_count INTEGER NOT NULL DEFAULT 0,
  keywords TEXT,
  providers TEXT,
  start_ms INTEGER,
  end_ms INTEGER,
  extent_geometry TEXT
);
CREATE TABLE collection_bboxes (
  collection_key INTEGER NOT NULL REFERENCES collections(collection_key) ON DELETE CASCADE,
  minx REAL NOT NULL, miny REAL NOT NULL, maxx REAL NOT NULL, maxy REAL NOT NULL
);
CREATE INDEX collection_bboxes_by_collection ON collection_bboxes(collection_key);
CREATE VIRTUAL TABLE collection_fts USING fts5(id, title, description, keywords, providers, ${FTS_OPTIONS});

CREATE TABLE items (
  item_key INTEGER PRIMARY KEY,
  collection_key INTEGER NOT NULL,
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  dt_start INTEGER NOT NULL,
  dt_end INTEGER NOT NULL,
  datetime INTEGER,
  minx REAL, miny REAL, maxx REAL, maxy REAL,
  cloud_cover REAL,
  platform TEXT,
  constellation TEXT,
  instruments TEXT,
  gsd REAL,
  created INTEGER,
  updated INTEGER,
  off_nadir REAL,
  relative_orbit INTEGER,
  keywords TEXT,
  providers TEXT,
  title TEXT
);
CREATE UNIQUE INDEX items_by_collection_id ON items(collection, id);
-- Serves the default order and covers the columns of bbox + datetime searches, so they never read the table.
CREATE INDEX items_by_datetime ON items(dt_start DESC, collection, id, dt_end, minx, miny, maxx, maxy);
CREATE INDEX items_by_collection_datetime ON items(collection, dt_start DESC, id);
-- Sort by cloud cover within a collection. Every index costs ingest time (random page writes per item), so
-- items have only these six; other sorts and filters walk the datetime index.
${CLOUD_COVER_INDEX}${PLATFORM_INDEXES}
-- Only items spanning a time range (rare): finds those that started before a window and reach into it.
CREATE INDEX items_ranges ON items(dt_end, dt_start) WHERE dt_end > dt_start;

CREATE TABLE item_docs (
  item_key INTEGER PRIMARY KEY,
  doc TEXT NOT NULL,
  geometry TEXT
);
CREATE VIRTUAL TABLE item_rtree USING rtree(entry, minx, maxx, miny, maxy);
CREATE VIEW item_rtree_key AS SELECT entry >> 1 AS id, minx, maxx, miny, maxy FROM item_rtree;
CREATE VIRTUAL TABLE item_fts USING fts5(id, title, description, keywords, ${FTS_OPTIONS});
${ITEM_FTS_WRITE_SETTINGS}
CREATE VIRTUAL TABLE item_fts_vocab USING fts5vocab(item_fts, 'row');

CREATE TABLE item_properties (
  collection_key INTEGER NOT NULL,
  name TEXT NOT NULL,
  json_type TEXT NOT NULL,
  PRIMARY KEY (collection_key, name, json_type)
) WITHOUT ROWID;
`;

/**
 * From version 1 (written by early development builds): write-time pre-aggregation tables replaced by
 * in-memory summaries, a covering datetime index, a term-statistics table for free-text plans.
 */
const MIGRATION_1_TO_2 = `
DROP TABLE IF EXISTS item_term_counts;
DROP TABLE IF EXISTS item_day_counts;
DROP TABLE IF EXISTS item_cell_counts;
DROP INDEX IF EXISTS items_by_end;
DROP INDEX IF EXISTS items_by_platform;
DROP INDEX IF EXISTS items_by_datetime;
DROP INDEX IF EXISTS items_by_cloud_cover;
CREATE INDEX items_by_datetime ON items(dt_start DESC, collection, id, dt_end, minx, miny, maxx, maxy);
CREATE INDEX IF NOT EXISTS items_by_collection_cloud_cover ON items(collection, cloud_cover);
CREATE INDEX IF NOT EXISTS items_ranges ON items(dt_end, dt_start) WHERE dt_end > dt_start;
CREATE VIRTUAL TABLE IF NOT EXISTS item_fts_vocab USING fts5vocab(item_fts, 'row');
`;

/** From version 2: two indexes dropped to speed up ingest (their queries walk other indexes). */
const MIGRATION_2_TO_3 = `
DROP INDEX IF EXISTS items_by_cloud_cover;
DROP INDEX IF EXISTS items_by_collection_key;
`;

/** From version 3: the platform and constellation indexes, created by the next step in their final form. */
const MIGRATION_3_TO_4 = '';

/** From version 4: the platform and constellation indexes also cover off_nadir and gsd. */
const MIGRATION_4_TO_5 = `
DROP INDEX IF EXISTS items_by_platform_datetime;
DROP INDEX IF EXISTS items_by_constellation_datetime;
${PLATFORM_INDEXES}`;

/** From version 5: the cloud-cover index covers the bbox columns. */
const MIGRATION_5_TO_6 = `
DROP INDEX IF EXISTS items_by_collection_cloud_cover;
${CLOUD_COVER_INDEX}`;

/** From version 6: the item FTS index buffers and merges more per write (no rebuild: settings only). */
const MIGRATION_6_TO_7 = ITEM_FTS_WRITE_SETTINGS;

/** Migration from version n to n + 1, at index n - 1. */
const MIGRATIONS = [
  MIGRATION_1_TO_2,
  MIGRATION_2_TO_3,
  MIGRATION_3_TO_4,
  MIGRATION_4_TO_5,
  MIGRATION_5_TO_6,
  MIGRATION_6_TO_7,
];

/** How much memory one connection may keep the database in. */
export interface SqliteMemory {
  /** SQLite's page cache (private to the process). */
  pageCacheBytes: number;
  /** Memory-mapped reads (file pages: shared with other processes, but counted in each one's RSS). */
  mmapBytes: number;
}

const MIB = 1024 * 1024;

/**
 * One server process: a 128 MiB page cache and 256 MiB of memory-mapped reads keep the hot indexes in
 * memory at a million items while the process stays well under 1 GiB.
 */
export const DEFAULT_SQLITE_MEMORY: SqliteMemory = { pageCacheBytes: 128 * MIB, mmapBytes: 256 * MIB };

/**
 * A batch command writing many items (`fournaise ingest`, `demo`): a 512 MiB page cache holds the randomly
 * written indexes (R*Tree, cloud-cover and platform indexes, FTS segments) of a million items, which a 128 MiB
 * one re-reads from the file cache at every batch. Measured at 1,000,000 items (bench/catalog/ingest-only.ts,
 * AMD EPYC): 9,423 items/s with 128 MiB, 10,447 and 10,848 with 512 MiB, no better with 1 GiB. SQLite
 * allocates the cache as pages are read, so small ingests use no more memory than before.
 */
export const BULK_WRITE_SQLITE_MEMORY: SqliteMemory = { pageCacheBytes: 512 * MIB, mmapBytes: 256 * MIB };

/**
 * One of `workers` server processes on the same database: the page cache is shared out, and reads go
 * through the operating system's file cache (held once for every process) instead of memory maps, whose
 * pages every process would count again in its resident size.
 */
export function sqliteMemoryForWorkers(workers: number): SqliteMemory {
  if (workers <= 1) return DEFAULT_SQLITE_MEMORY;
  return { pageCacheBytes: Math.max(16 * MIB, DEFAULT_SQLITE_MEMORY.pageCacheBytes / workers), mmapBytes: 0 };
}

/**
 * Applies connection settings and brings the schema to {@link SCHEMA_VERSION}.
 * Throws when the file was written by a newer Fournaise (a higher user_version), rather than guessing.
 */
export function prepareSchema(db: Database.Database, memory: SqliteMemory = DEFAULT_SQLITE_MEMORY): void {
  // 16 KiB pages for a new database (an existing one keeps its size): an item document (about 3 kB) no
  // longer fills a page on its own, so a batch writes a quarter of the WAL frames and the B-trees are
  // shallower. Measured at 300,000 items: 16 % less ingest CPU per item and twice the rate, as fewer
  // frames are written and checkpointed; searches cost the same or less.
  db.pragma('page_size = 16384');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Checkpointing every 20,000 pages of WAL (320 MiB with 16 KiB pages, 80 MiB with 4 KiB ones) rather than
  // 1,000 writes each hot index page once per checkpoint instead of many times during an ingest.
  db.pragma(`cache_size = -${Math.floor(memory.pageCacheBytes / 1024)}`);
  db.pragma(`mmap_size = ${Math.floor(memory.mmapBytes)}`);
  db.pragma('wal_autocheckpoint = 20000');
  db.pragma('temp_store = MEMORY');
  // Bounded ANALYZE for `PRAGMA optimize`, so planner statistics stay cheap to refresh at any size.
  db.pragma('analysis_limit = 1000');
  const checkVersion = (): number => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `catalogue database schema version ${version} is newer than this Fournaise supports (${SCHEMA_VERSION})`,
      );
    }
    return version;
  };
  if (checkVersion() === SCHEMA_VERSION) return;
  // Read again under the write lock: another process opening the file at the same time may have migrated it.
  db.transaction(() => {
    const version = checkVersion();
    if (version === SCHEMA_VERSION) return;
    if (version === 0) db.exec(SCHEMA);
    else for (let from = version; from < SCHEMA_VERSION; from++) db.exec(MIGRATIONS[from - 1]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
