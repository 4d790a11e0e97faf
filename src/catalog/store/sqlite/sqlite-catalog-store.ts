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
import { prepareSchema } from './sqlite-schema.js';
import { StatementCache } from './statement-cache.js';
import { ObservedProperties } from './observed-properties.js';
import { SqliteItemWriter } from './sqlite-item-writer.js';
import { SqliteCollections } from './sqlite-collections.js';
import { SqliteAggregator } from './sqlite-aggregator.js';
import { buildQueryablesSchema, createItemResolver } from './sqlite-queryables.js';
import { type ItemSearchRunner, searchItems } from './sqlite-item-search.js';

/** Where the database lives: a file path (`:memory:` for tests) or a data directory holding `catalog.sqlite`. */
export type SqliteCatalogStoreLocation = { path: string } | { dataDir: string };

export interface SqliteCatalogStoreOptions {
  /**
   * Time a search may spend counting its matches, in milliseconds (default 8); when the count does not finish
   * in time numberMatched is omitted. Searches restricted only by `collections` always get an exact count
   * from the per-collection counters.
   */
  countBudgetMs?: number;
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
  private readonly runner: ItemSearchRunner;
  /** Resolves item queryable names to SQL; exposed for tools that build their own queries (e.g. benchmarks). */
  readonly resolveItemProperty: SqlPropertyResolver;

  constructor(
    private readonly db: Database.Database,
    options: SqliteCatalogStoreOptions = {},
  ) {
    prepareSchema(db);
    registerSqliteFunctions(db);
    this.statements = new StatementCache(db);
    this.observed = new ObservedProperties(db);
    this.writer = new SqliteItemWriter(db, this.observed);
    this.collections = new SqliteCollections(db, this.statements);
    this.resolveItemProperty = createItemResolver(this.observed);
    this.runner = {
      resolve: this.resolveItemProperty,
      statements: this.statements,
      countBudgetMs: options.countBudgetMs ?? 8,
      countRtreeCandidates: (box, limit) => this.countRtreeCandidates(box, limit),
      countItems: (collections) => this.countItems(collections),
      loadItems: (keys) => this.loadItems(keys),
    };
    this.aggregator = new SqliteAggregator(this.statements, this.runner);
  }

  async getCollection(id: string): Promise<StacCollection | undefined> {
    return this.collections.get(id);
  }

  async searchCollections(query: CollectionSearch): Promise<CollectionPage> {
    return this.collections.search(query);
  }

  async putCollection(collection: StacCollection, mode: WriteMode): Promise<WriteResult> {
    checkMode(mode);
    return this.db.transaction(() => this.collections.put(collection, mode)).immediate();
  }

  async deleteCollection(id: string): Promise<void> {
    const key = this.db.transaction(() => this.collections.delete(id)).immediate();
    this.observed.forget(key);
  }

  async getItem(collectionId: string, itemId: string): Promise<StacItem | undefined> {
    const key = this.statements
      .get('SELECT item_key FROM items WHERE collection = ? AND id = ?')
      .pluck()
      .get(collectionId, itemId) as number | undefined;
    return key === undefined ? undefined : this.loadItems([key]).get(key);
  }

  async search(query: ItemSearch, signal?: AbortSignal): Promise<ItemPage> {
    signal?.throwIfAborted();
    return searchItems(query, this.runner);
  }

  async writeItems(items: StacItem[], mode: WriteMode): Promise<WriteResult> {
    checkMode(mode);
    if (!Array.isArray(items)) throw new InvalidStacObjectError('writeItems expects an array of items');
    try {
      return this.db.transaction(() => this.writer.write(items, mode)).immediate();
    } catch (error) {
      this.observed.reload();
      throw error;
    }
  }

  async deleteItem(collectionId: string, itemId: string): Promise<void> {
    this.db.transaction(() => this.writer.delete(collectionId, itemId)).immediate();
  }

  async aggregate(query: ItemSearch, aggregations: AggregationRequest[]): Promise<AggregationResult[]> {
    return this.aggregator.aggregate(query, aggregations);
  }

  async queryables(collectionId?: string): Promise<QueryablesSchema> {
    if (collectionId === undefined)
      return buildQueryablesSchema(this.observed, undefined, 'Queryables of the catalogue');
    const key = this.collections.keyOf(collectionId);
    if (key === undefined) throw new CollectionNotFoundError(collectionId);
    return buildQueryablesSchema(this.observed, [key], `Queryables of collection ${collectionId}`);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private countRtreeCandidates(box: PlainBox, limit: number): number {
    return this.statements
      .get(
        'SELECT count(*) FROM (SELECT 1 FROM item_rtree WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? LIMIT ?)',
      )
      .pluck()
      .get(box.minx, box.maxx, box.miny, box.maxy, limit) as number;
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

  private loadItems(keys: number[]): Map<number, StacItem> {
    const rows = this.statements
      .get('SELECT item_key, doc, geometry FROM item_docs WHERE item_key IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify(keys)) as [number, string, string | null][];
    const items = new Map<number, StacItem>();
    for (const [key, doc, geometry] of rows) {
      const item = JSON.parse(doc) as StacItem;
      if (geometry !== null) item.geometry = JSON.parse(geometry) as StacItem['geometry'];
      items.set(key, item);
    }
    return items;
  }
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
