/**
 * Ingest only: builds the synthetic catalogue into a fresh data directory and prints the ingest figures,
 * without serving it: a quicker way than run.ts to compare batch sizes or store settings.
 *
 *   npx tsx bench/catalog/ingest-only.ts --items 300000 --batch-size 1000 [--cache-mib 128]
 *
 * The data directory (default a new one under the system's temporary folder) is emptied first and removed at
 * the end unless --keep is given. --cache-mib sets SQLite's page cache (default that of `fournaise ingest`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BATCH_SIZE } from '../../src/catalog/ingest/ingest-types.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { BULK_WRITE_SQLITE_MEMORY } from '../../src/catalog/store/sqlite/sqlite-schema.js';
import { buildCatalogue } from './catalog-builder.js';

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '300000' },
    'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
    'data-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
    'cache-mib': { type: 'string' },
  },
});
const items = Number(args.items.replaceAll('_', ''));
const batchSize = Number(args['batch-size']);
if (!Number.isInteger(items) || items < 1 || !Number.isInteger(batchSize) || batchSize < 1) {
  throw new Error('--items and --batch-size must be positive integers');
}
const dataDir = args['data-dir'] ?? mkdtempSync(join(tmpdir(), 'fournaise-ingest-'));
rmSync(dataDir, { recursive: true, force: true });

const memory =
  args['cache-mib'] === undefined
    ? BULK_WRITE_SQLITE_MEMORY
    : { ...BULK_WRITE_SQLITE_MEMORY, pageCacheBytes: Number(args['cache-mib']) * 1024 * 1024 };
const store = openSqliteCatalogStore({ dataDir }, { memory });
const figures = await buildCatalogue(store, {
  items,
  collections: 20,
  seed: 2025,
  order: 'chronological',
  batchSize,
});
await store.close();
if (!args.keep) rmSync(dataDir, { recursive: true, force: true });
const integer = (value: number) => Math.round(value).toLocaleString('en-US');
console.log(
  `${integer(items)} items in batches of ${integer(batchSize)}: ${integer(figures.itemsPerSecond)} items/s, ` +
    `${integer(figures.cpuItemsPerSecond)} per CPU-second, last 10 %: ${integer(figures.finalItemsPerSecond)} items/s, ` +
    `slowest batch ${integer(figures.slowestBatchMs)} ms`,
);
