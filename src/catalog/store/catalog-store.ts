/**
 * The storage contract of the catalogue. Every backend (SQLite now, PostgreSQL/PostGIS next) implements it
 * and passes test/conformance/. Every read goes through `search`/`searchCollections`/`aggregate`, the single
 * place where access rules will be applied.
 *
 * Stores work with plain STAC objects: links other than those the client supplied are added by the API.
 */
import type { StacCollection, StacItem } from '../model/stac-types.js';
import type { CollectionSearch, ItemSearch } from '../search/item-search.js';

export interface StoreCapabilities {
  filter: boolean;
  sort: boolean;
  freeText: boolean;
  aggregation: boolean;
  transactions: boolean;
  collectionSearch: boolean;
}

export interface ItemPage {
  items: StacItem[];
  /**
   * The same items as JSON text, when the store holds them as text: the API then splices its links into
   * them instead of parsing and re-serialising every document.
   */
  itemTexts?: string[];
  /** Exact count of items matching the search, when the store can afford it. */
  numberMatched?: number;
  /** Token of the next page; absent on the last page. */
  next?: string;
  /** Token of the previous page; absent on the first page. */
  prev?: string;
}

export interface CollectionPage {
  collections: StacCollection[];
  numberMatched?: number;
  next?: string;
  prev?: string;
}

export type WriteMode = 'insert' | 'upsert' | 'skip-existing';

export interface WriteResult {
  inserted: number;
  updated: number;
  skipped: number;
}

/**
 * One aggregation of the STAC API aggregation extension.
 * See https://github.com/stac-api-extensions/aggregation
 */
export type AggregationRequest =
  | { name: string; kind: 'total_count' }
  | { name: string; kind: 'terms'; field: AggregationTermsField; limit?: number }
  | { name: string; kind: 'datetime_histogram'; interval: 'day' | 'month' | 'year' }
  /** At most `limit` cells (most items first; default 10,000), the items of the others in `overflow`. */
  | { name: string; kind: 'geo_grid'; cellDegrees: number; limit?: number }
  | { name: string; kind: 'min' | 'max'; field: string };

export type AggregationTermsField =
  'collection' | 'keywords' | 'providers' | 'platform' | 'instruments' | 'constellation' | (string & {});

export interface AggregationBucket {
  key: string;
  frequency: number;
  /** For a `geo_grid` bucket: the cell [west, south, east, north]. */
  bbox?: [number, number, number, number];
  /** For a `datetime_histogram` bucket: the bucket start, ISO 8601. */
  from?: string;
  to?: string;
}

export interface AggregationResult {
  name: string;
  data_type: 'integer' | 'numeric' | 'datetime' | 'frequency_distribution';
  value?: number | string | null;
  buckets?: AggregationBucket[];
  overflow?: number;
}

/** JSON Schema (draft 2019-09 / 2020-12) describing queryable properties. */
export type QueryablesSchema = Record<string, unknown>;

export interface CatalogStore {
  readonly capabilities: StoreCapabilities;

  getCollection(id: string): Promise<StacCollection | undefined>;
  searchCollections(query: CollectionSearch): Promise<CollectionPage>;
  /** Throws CollectionExistsError when `mode` is 'insert' and the id exists. */
  putCollection(collection: StacCollection, mode: WriteMode): Promise<WriteResult>;
  /** Deletes the collection and all its items. Throws CollectionNotFoundError. */
  deleteCollection(id: string): Promise<void>;

  getItem(collectionId: string, itemId: string): Promise<StacItem | undefined>;
  search(query: ItemSearch, signal?: AbortSignal): Promise<ItemPage>;
  /**
   * Writes a batch in one transaction: either every item is written or none is.
   * Each item must carry `collection`, naming an existing collection (CollectionNotFoundError otherwise).
   */
  writeItems(items: StacItem[], mode: WriteMode): Promise<WriteResult>;
  /** Throws ItemNotFoundError. */
  deleteItem(collectionId: string, itemId: string): Promise<void>;

  aggregate(query: ItemSearch, aggregations: AggregationRequest[]): Promise<AggregationResult[]>;
  /** Queryables of the whole catalogue, or of one collection. */
  queryables(collectionId?: string): Promise<QueryablesSchema>;

  close(): Promise<void>;
}
