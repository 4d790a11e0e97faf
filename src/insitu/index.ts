/**
 * The in-situ capability: observation model, store, ingest readers, SensorThings query service,
 * downsampling and GNSS analysis. Everything other modules use is exported from here.
 */
export * from './insitu-errors.js';
export * from './model/insitu-types.js';
export type {
  InsituStore,
  InsituStoreCapabilities,
  IngestResult,
  ObservationRange,
} from './store/insitu-store.js';
export {
  openSqliteInsituStore,
  SqliteInsituStore,
  type SqliteInsituStoreOptions,
} from './store/sqlite/sqlite-insitu-store.js';
export { BLOCK_SIZE, OVERVIEW_CHUNK } from './store/observation-blocks.js';
export * from './query/observation-query.js';
export {
  readCsvObservations,
  type CsvMapping,
  type LongCsvMapping,
  type WideCsvMapping,
} from './ingest/csv-observations-reader.js';
export { readEventFile } from './ingest/event-file-reader.js';
export { readDatasetDescription } from './ingest/dataset-description-reader.js';
export {
  gnssStationDataset,
  parseGnssFile,
  GNSS_OBSERVED_PROPERTIES,
  type GnssSolution,
} from './ingest/gnss-dataset.js';
export { parseTimestamp, type TimeFormat } from './ingest/timestamp-parser.js';
export { downsampleLttb, downsampleMinMax } from './downsample/series-downsampling.js';
export { downsampleBatch, type DownsampleMethod } from './downsample/downsample-batch.js';
export { observationsToCsv, observationsToJson } from './series/series-formats.js';
export { SensorThingsService, STA_CONFORMANCE } from './sta/sta-service.js';
export * from './gnss/index.js';
export { collectionIdOf, insituNetworkToStac, type InsituNetworkContent } from './stac/insitu-stac.js';
export { ingestInsituFiles, mergeDatasets, type InsituFile } from './ingest/insitu-file-ingest.js';
export { readIgsSiteLogEvents } from './ingest/igs-site-log-reader.js';
export { MemoryInsituStore } from './store/memory/memory-insitu-store.js';
