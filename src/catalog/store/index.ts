/**
 * Public surface of the catalogue stores: the contract every backend implements and the SQLite backend.
 */
export type {
  AggregationBucket,
  AggregationRequest,
  AggregationResult,
  AggregationTermsField,
  CatalogStore,
  CollectionPage,
  ItemPage,
  QueryablesSchema,
  StoreCapabilities,
  WriteMode,
  WriteResult,
} from './catalog-store.js';
export {
  openSqliteCatalogStore,
  SqliteCatalogStore,
  type SqliteCatalogStoreLocation,
  type SqliteCatalogStoreOptions,
} from './sqlite/sqlite-catalog-store.js';
