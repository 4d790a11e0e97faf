/**
 * The embedded catalogue store, Fournaise's default backend: one SQLite file (WAL mode) holding collections,
 * items, an R*Tree spatial index, FTS5 full-text indexes and per-collection pre-aggregations.
 * See sqlite-schema.ts for the layout and test/conformance/ for the behaviour every backend shares.
 *
 * better-sqlite3 is synchronous: each method runs to completion on the calling thread, which is the fastest
 * option for an embedded database (no thread hop); writes are serialised by SQLite itself.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StacCollection, StacItem } from '../../model/stac-types.js';
import type { CollectionSearch, ItemSearch } from '../../search/item-search.js';
import type {
  AggregationRequest,
  AggregationResult,
  CatalogStore,
  CollectionPage,
  ItemPage,
  QueryablesSchema,
  StoreCapabilities,
  WriteMode,
  WriteResult,
} from '../catalog-store.js';
import { CollectionNotFoundError, InvalidStacObjectError } from '../../catalog-errors.js';
import type { PlainBox } from './bbox-geometry.js';
import type { SqlPropertyResolver } from './sql-property.js';
import { registerSqliteFunctions } from './sqlite-functions.js';
import { prepareSchema, type SqliteMemory } from './sqlite-schema.js';
import { StatementCache } from './statement-cache.js';
import { ObservedProperties } from './observed-properties.js';
import { SqliteItemWriter } from './sqlite-item-writer.js';
import { SqliteCollections } from './sqlite-collections.js';
import { SqliteAggregator } from './sqlite-aggregator.js';
import { SummaryCache } from './aggregation-summary.js';
import { buildQueryablesSchema, createItemResolver } from './sqlite-queryables.js';
import { type ItemSearchRunner, searchItems } from './sqlite-item-search.js';
import { FreeTextBitmaps } from './free-text-bitmaps.js';
import { MatchCountCache } from './match-count-cache.js';
import { CountSpeed } from './count-speed.js';
import { freeTextRelevanceOf } from './free-text-relevance.js';
import { ftsTokens, parseFreeTextTerms, toFtsMatch } from './fts-query.js';

/** Where the database lives: a file path (`:memory:` for tests) or a data directory holding `catalog.sqlite`. */
export type SqliteCatalogStoreLocation = { path: string } | { dataDir: string };

export interface SqliteCatalogStoreOptions {
  /**
   * Time a search may spend counting its matches, in milliseconds (default 0.5); when the count does not
   * finish in time numberMatched is omitted. Searches restricted only by `collections` always get an exact
   * count from the per-collection counters. At 100,000 items most counts of spatial, filter and free-text
   * searches need far more than 2 ms (tens of ms for an exact count of thousands of matches), so a larger
   * budget is mostly spent in vain: 2 ms made counting half of a search's CPU time.
   */
  countBudgetMs?: number;
  /**
   * Query-plan tuning. Spatial searches with fewer R*Tree candidates than `rtreeDriveLimit` are driven by the
   * R*Tree (every candidate read and sorted), others test bbox columns along the sort index (which stops at
   * the page's end); default 1.5 × √(items in the catalogue), between 250 and 5,000: walking the index reads
   * about page size × items / candidates rows, so the two costs meet near √(items) candidates.
   * Free-text searches estimated to match more than `freeTextProbeThreshold` items (default 5,000) test
   * per-term bitmaps row by row. Results never depend on these, only speed.
   */
  rtreeDriveLimit?: number;
  freeTextProbeThreshold?: number;
  /** Page cache and memory maps of the connection (default DEFAULT_SQLITE_MEMORY; see sqliteMemoryForWorkers). */
  memory?: SqliteMemory;
}

const WRITE_MODES: readonly WriteMode[] = ['insert', 'upsert', 'skip-existing'];

/** The SQLite implementation of {@link CatalogStore}. Create it with {@link openSqliteCatalogStore}. */
export class SqliteCatalogStore implements CatalogStore {
  readonly capabilities: StoreCapabilities = {
    filter: true,
    sort: true,
    freeText: true,
    aggregation: true,
    transactions: true,
    collectionSearch: true,
  };

  private readonly statements: StatementCache;
  private readonly observed: ObservedProperties;
  private readonly writer: SqliteItemWriter;
  private readonly collections: SqliteCollections;
  private readonly aggregator: SqliteAggregator;
  private readonly summaries: SummaryCache;
  private readonly bitmaps: FreeTextBitmaps;
  private readonly matchCounts = new MatchCountCache();
  /** Items written since planner statistics were last refreshed. */
  private writtenSinceOptimize = 0;
  private readonly runner: ItemSearchRunner;
  private readonly dataVersion: Database.Statement;
  /** `PRAGMA data_version` when this connection last looked: it changes when another connection commits. */
  private seenDataVersion: number;
  /** Resolves item queryable names to SQL; exposed for tools that build their own queries (e.g. benchmarks). */
  readonly resolveItemProperty: SqlPropertyResolver;

  constructor(
    private readonly db: Database.Database,
    options: SqliteCatalogStoreOptions = {},
  ) {
    prepareSchema(db, options.memory);
    registerSqliteFunctions(db);
    this.statements = new StatementCache(db);
    this.observed = new ObservedProperties(db);
    this.writer = new SqliteItemWriter(db, this.observed);
    this.collections = new SqliteCollections(db, this.statements);
    this.resolveItemProperty = createItemResolver(this.observed);
    this.bitmaps = new FreeTextBitmaps(db);
    this.runner = {
      resolve: this.resolveItemProperty,
      statements: this.statements,
      relevance: freeTextRelevanceOf(db),
      countBudgetMs: options.countBudgetMs ?? 0.5,
      matchCounts: this.matchCounts,
      countSpeed: new CountSpeed(),
      rtreeDriveLimit: () => options.rtreeDriveLimit ?? defaultRtreeDriveLimit(this.countItems(undefined)),
      freeTextProbeThreshold: options.freeTextProbeThreshold ?? 5000,
      countRtreeCandidates: (box, limit) => this.countRtreeCandidates(box, limit),
      countItemsStarting: (from, to, limit) => this.countItemsStarting(from, to, limit),
      maxItemDurationMs: () => this.writer.maxDurationMs,
      estimateFreeTextMatches: (q) => this.estimateFreeTextMatches(q),
      prepareFreeTextBitmaps: (terms) => this.bitmaps.prepare(terms),
      countItems: (collections) => this.countItems(collections),
      loadItemTexts: (keys) => this.loadItemTexts(keys),
    };
    this.summaries = new SummaryCache(this.statements);
    this.aggregator = new SqliteAggregator(this.statements, this.runner, this.summaries);
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.seenDataVersion = this.dataVersion.get() as number;
  }

  /**
   * Drops what this connection keeps in memory about the items (observed properties, aggregation summaries,
   * free-text bitmaps, the longest item duration) when another connection has committed since the last
   * read: another server process of a cluster, or `fournaise ingest` writing to a served data directory.
   * Own writes keep these up to date as they go.
   */
  private noticeOtherWriters(): void {
    const version = this.dataVersion.get() as number;
    if (version === this.seenDataVersion) return;
    this.seenDataVersion = version;
    this.observed.reload();
    this.summaries.invalidate();
    this.bitmaps.clear();
    this.matchCounts.clear();
    this.writer.reloadMaxDuration();
  }

  async getCollection(id: string): Promise<StacCollection | undefined> {
    return this.collections.get(id);
  }

  async searchCollections(query: CollectionSearch): Promise<CollectionPage> {
    this.noticeOtherWriters();
    return this.collections.search(query);
  }

  async putCollection(collection: StacCollection, mode: WriteMode): Promise<WriteResult> {
    checkMode(mode);
    // A collection's keywords and title take part in free-text matches.
    this.matchCounts.clear();
    return this.db.transaction(() => this.collections.put(collection, mode)).immediate();
  }

  async deleteCollection(id: string): Promise<void> {
    const key = this.db.transaction(() => this.collections.delete(id)).immediate();
    this.observed.forget(key);
    this.summaries.invalidate([key]);
    this.bitmaps.clear();
    this.matchCounts.clear();
  }

  async getItem(collectionId: string, itemId: string): Promise<StacItem | undefined> {
    const key = this.statements
      .get('SELECT item_key FROM items WHERE collection = ? AND id = ?')
      .pluck()
      .get(collectionId, itemId) as number | undefined;
    const text = key === undefined ? undefined : this.loadItemTexts([key]).get(key);
    return text === undefined ? undefined : (JSON.parse(text) as StacItem);
  }

  async search(query: ItemSearch, signal?: AbortSignal): Promise<ItemPage> {
    signal?.throwIfAborted();
    this.noticeOtherWriters();
    return searchItems(query, this.runner);
  }

  async writeItems(items: StacItem[], mode: WriteMode): Promise<WriteResult> {
    checkMode(mode);
    if (!Array.isArray(items)) throw new InvalidStacObjectError('writeItems expects an array of items');
    const touched = new Set<number>();
    this.noticeOtherWriters();
    try {
      const result = this.db.transaction(() => this.writer.write(items, mode, touched)).immediate();
      this.refreshPlannerStatistics(result.inserted + result.updated);
      return result;
    } catch (error) {
      this.observed.reload();
      throw error;
    } finally {
      this.summaries.invalidate(touched);
      this.bitmaps.clear();
      this.matchCounts.clear();
    }
  }

  async deleteItem(collectionId: string, itemId: string): Promise<void> {
    const key = this.db.transaction(() => this.writer.delete(collectionId, itemId)).immediate();
    this.summaries.invalidate([key]);
    this.bitmaps.clear();
    this.matchCounts.clear();
  }

  async aggregate(query: ItemSearch, aggregations: AggregationRequest[]): Promise<AggregationResult[]> {
    this.noticeOtherWriters();
    return this.aggregator.aggregate(query, aggregations);
  }

  async queryables(collectionId?: string): Promise<QueryablesSchema> {
    this.noticeOtherWriters();
    if (collectionId === undefined)
      return buildQueryablesSchema(this.observed, undefined, 'Queryables of the catalogue');
    const key = this.collections.keyOf(collectionId);
    if (key === undefined) throw new CollectionNotFoundError(collectionId);
    return buildQueryablesSchema(this.observed, [key], `Queryables of collection ${collectionId}`);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.db.pragma('optimize');
    this.db.close();
  }

  /**
   * Refreshes the statistics the query planner uses to choose between indexes (sqlite_stat1), after the
   * first 10,000 items and then every 200,000, so that plans fit the data as the catalogue grows.
   */
  private refreshPlannerStatistics(written: number): void {
    const before = this.writtenSinceOptimize;
    this.writtenSinceOptimize += written;
    const hasStatistics = this.statements
      .get("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
      .pluck()
      .get();
    if (
      (!hasStatistics && this.writtenSinceOptimize >= 10_000) ||
      Math.floor(before / 200_000) !== Math.floor(this.writtenSinceOptimize / 200_000)
    ) {
      this.db.exec('ANALYZE');
    }
  }

  private countRtreeCandidates(box: PlainBox, limit: number): number {
    return this.statements
      .get(
        'SELECT count(*) FROM (SELECT 1 FROM item_rtree WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? LIMIT ?)',
      )
      .pluck()
      .get(box.minx, box.maxx, box.miny, box.maxy, limit) as number;
  }

  private countItemsStarting(from: number | undefined, to: number | undefined, limit: number): number {
    return this.statements
      .get('SELECT count(*) FROM (SELECT 1 FROM items WHERE dt_start >= ? AND dt_start <= ? LIMIT ?)')
      .pluck()
      .get(from ?? Number.MIN_SAFE_INTEGER, to ?? Number.MAX_SAFE_INTEGER, limit) as number;
  }

  /** Sum over the terms of `q` of their rarest token's document count, plus the items of matching collections. */
  private estimateFreeTextMatches(q: string): number {
    let estimate = 0;
    for (const term of parseFreeTextTerms(q)) {
      const counts = ftsTokens(term).map((token) => this.bitmaps.documentCount(token));
      estimate += counts.length ? Math.min(...counts) : 0;
    }
    const collections = this.statements
      .get(
        `SELECT coalesce(sum(item_count), 0) FROM collections WHERE collection_key IN
           (SELECT rowid FROM collection_fts WHERE collection_fts MATCH ?)`,
      )
      .pluck()
      .get(`{title keywords} : (${toFtsMatch(q)})`) as number;
    return estimate + collections;
  }

  private countItems(collections: string[] | undefined): number {
    if (!collections)
      return this.statements
        .get('SELECT coalesce(sum(item_count), 0) FROM collections')
        .pluck()
        .get() as number;
    return this.statements
      .get(
        'SELECT coalesce(sum(item_count), 0) FROM collections WHERE id IN (SELECT value FROM json_each(?))',
      )
      .pluck()
      .get(JSON.stringify(collections)) as number;
  }

  /**
   * JSON text of the given items: the stored document with the geometry put back as its last member. Kept as
   * text so the API can splice its links in without parsing and re-serialising whole documents.
   */
  private loadItemTexts(keys: number[]): Map<number, string> {
    const rows = this.statements
      .get('SELECT item_key, doc, geometry FROM item_docs WHERE item_key IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify(keys)) as [number, string, string | null][];
    const texts = new Map<number, string>();
    for (const [key, doc, geometry] of rows) texts.set(key, withGeometryMember(doc, geometry));
    return texts;
  }
}

/** `{"a":1}` + `{…}` → `{"a":1,"geometry":{…}}`; the document unchanged when the item had no geometry key. */
function withGeometryMember(doc: string, geometry: string | null): string {
  if (geometry === null) return doc;
  const separator = doc === '{}' ? '' : ',';
  return `${doc.slice(0, -1)}${separator}"geometry":${geometry}}`;
}

/** See SqliteCatalogStoreOptions.rtreeDriveLimit. */
function defaultRtreeDriveLimit(itemCount: number): number {
  return Math.max(250, Math.min(5000, Math.round(1.5 * Math.sqrt(itemCount))));
}

function checkMode(mode: WriteMode): void {
  if (!WRITE_MODES.includes(mode)) {
    throw new InvalidStacObjectError(
      `write mode must be one of ${WRITE_MODES.join(', ')}, got '${String(mode)}'`,
    );
  }
}

/**
 * Opens (creating if needed) the SQLite catalogue store.
 *
 * @example
 * ```ts
 * const store = openSqliteCatalogStore({ dataDir: './data' }); // ./data/catalog.sqlite
 * const page = await store.search({ bbox: [55.2, -21.4, 55.9, -20.8], limit: 10 });
 * ```
 */
export function openSqliteCatalogStore(
  location: SqliteCatalogStoreLocation,
  options: SqliteCatalogStoreOptions = {},
): SqliteCatalogStore {
  let path: string;
  if ('dataDir' in location) {
    mkdirSync(location.dataDir, { recursive: true });
    path = join(location.dataDir, 'catalog.sqlite');
  } else {
    path = location.path;
  }
  const db = new Database(path);
  try {
    return new SqliteCatalogStore(db, options);
  } catch (error) {
    db.close();
    throw error;
  }
}
