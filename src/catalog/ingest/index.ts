/**
 * Public surface of catalogue ingest: reading STAC sources (static catalogs, ItemCollections, NDJSON, local
 * or http) and writing them into a {@link CatalogStore} in batched transactions.
 */
export { ingestStac } from './stac-ingest.js';
export {
  DEFAULT_BATCH_SIZE,
  type IngestOptions,
  type IngestProblem,
  type IngestProgress,
  type IngestReport,
} from './ingest-types.js';
export { readStacSource, type ReadProgress, type ReadSourceOptions } from './stac-source-reader.js';
export {
  formatOrigin,
  type StacObjectKind,
  type StacOrigin,
  type StacSourceEntry,
} from './stac-source-entry.js';
export { checkStacObject, validationProblems } from './ingest-checks.js';
export { normaliseForStore, normaliseItemForStore, storedCollectionLink } from './stac-object-normaliser.js';
export { SourceUnreadableError } from './resource-location.js';
