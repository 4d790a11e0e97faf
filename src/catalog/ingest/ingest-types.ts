/**
 * Options, progress and report of an ingest run.
 */
import type { CatalogStore, WriteMode, WriteResult } from '../store/catalog-store.js';
import type { StacOrigin } from './stac-source-entry.js';

/**
 * Default number of items written per transaction: at hundreds of thousands of items, randomly placed index
 * entries dirty fewer pages per item in larger batches (bench/catalog/README.md, "Batch size").
 */
export const DEFAULT_BATCH_SIZE = 10_000;

/** Something wrong with one object or document; the ingest goes on without it (unless strict). */
export interface IngestProblem {
  origin: StacOrigin;
  /** Id of the object concerned, when known. */
  objectId?: string;
  /** JSON pointer inside the object, for schema errors. */
  path?: string;
  message: string;
  /** The schema that reported the error. */
  schema?: string;
}

export interface IngestProgress {
  phase: 'validating' | 'writing';
  /** Items read from the sources so far (in the current phase). */
  itemsRead: number;
  itemsInserted: number;
  itemsUpdated: number;
  itemsSkipped: number;
  collectionsWritten: number;
  /** Objects or documents rejected so far. */
  rejected: number;
  documentsRead: number;
  bytesRead?: number;
  bytesTotal?: number;
  /** Milliseconds since the run started (monotonic clock). */
  elapsedMs: number;
}

export interface IngestOptions {
  store: CatalogStore;
  /** File paths, folder paths or http(s) URLs, read in order. */
  sources: string[];
  /** Default 'insert'. */
  mode?: WriteMode;
  /** Items per transaction; default {@link DEFAULT_BATCH_SIZE}. */
  batchSize?: number;
  /**
   * Validate everything first; write nothing if anything is invalid. Reads every source twice, and in insert
   * mode keeps the ids of all items in memory to find duplicates.
   */
  strict?: boolean;
  /** Collection for items that have none and were not found under a collection. */
  defaultCollection?: string;
  /** Called for every problem as it is found. */
  onProblem?: (problem: IngestProblem) => void;
  /** Called after each batch and every few hundred objects read. */
  onProgress?: (progress: IngestProgress) => void;
  signal?: AbortSignal;
  /** Relative source paths are resolved against this directory. */
  cwd?: string;
}

export interface IngestReport {
  items: WriteResult;
  collections: WriteResult;
  /** Objects and documents rejected; each was passed to `onProblem`. */
  rejected: number;
  /** The first problems found (at most 1000), for callers without `onProblem`. */
  problems: IngestProblem[];
  /** True when `strict` found problems and nothing was written. */
  aborted: boolean;
  elapsedMs: number;
}
