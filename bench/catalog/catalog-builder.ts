/**
 * Fills a CatalogStore with the synthetic catalogue and measures the ingest rate: only the time spent in
 * `writeItems` (in batches, mode insert) counts, not the generation of the items; the wall-clock rate
 * including generation is reported beside it.
 */
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import type { StacItem } from '../../src/catalog/model/stac-types.js';
import { buildCollection } from './synthetic-collections.js';
import { createItemGenerator } from './synthetic-item-generator.js';

export interface BuildOptions {
  items: number;
  collections: number;
  seed: number;
  order: 'chronological' | 'random';
  batchSize: number;
  onProgress?: (written: number, itemsPerSecond: number) => void;
}

export interface IngestFigures {
  items: number;
  batches: number;
  batchSize: number;
  /** Seconds inside writeItems. */
  writeSeconds: number;
  itemsPerSecond: number;
  /** CPU seconds (user + system) of this process inside writeItems, and the rate they allow. */
  writeCpuSeconds: number;
  cpuItemsPerSecond: number;
  /** Seconds including item generation. */
  wallSeconds: number;
  wallItemsPerSecond: number;
  /** Slowest batch, to show whether the rate degrades as the tables grow. */
  slowestBatchMs: number;
  /** Rate over the last 10 % of batches. */
  finalItemsPerSecond: number;
  /** JSON size of the items, estimated from every 50th batch. */
  estimatedJsonBytes: number;
}

export async function buildCatalogue(store: CatalogStore, options: BuildOptions): Promise<IngestFigures> {
  for (let i = 0; i < options.collections; i++) await store.putCollection(buildCollection(i), 'insert');
  const generator = createItemGenerator({
    seed: options.seed,
    collectionCount: options.collections,
    order: options.order,
    itemCount: options.items,
  });
  const wallStart = performance.now();
  let writeMs = 0;
  let writeCpuMicros = 0;
  let slowestBatchMs = 0;
  let batches = 0;
  let sampledBytes = 0;
  let sampledItems = 0;
  const tailFrom = Math.floor(options.items * 0.9);
  let tailMs = 0;
  let tailItems = 0;
  for (let start = 0; start < options.items; start += options.batchSize) {
    const batch: StacItem[] = [];
    for (let i = start; i < Math.min(options.items, start + options.batchSize); i++)
      batch.push(generator.itemAt(i));
    if (batches % 50 === 0) {
      sampledBytes += Buffer.byteLength(JSON.stringify(batch));
      sampledItems += batch.length;
    }
    const cpuStart = process.cpuUsage();
    const batchStart = performance.now();
    const result = await store.writeItems(batch, 'insert');
    const batchMs = performance.now() - batchStart;
    const cpu = process.cpuUsage(cpuStart);
    writeCpuMicros += cpu.user + cpu.system;
    if (result.inserted !== batch.length) {
      throw new Error(`writeItems inserted ${result.inserted} of ${batch.length} items at offset ${start}`);
    }
    writeMs += batchMs;
    slowestBatchMs = Math.max(slowestBatchMs, batchMs);
    if (start >= tailFrom) {
      tailMs += batchMs;
      tailItems += batch.length;
    }
    batches++;
    options.onProgress?.(start + batch.length, ((start + batch.length) * 1000) / writeMs);
  }
  const wallSeconds = (performance.now() - wallStart) / 1000;
  return {
    items: options.items,
    batches,
    batchSize: options.batchSize,
    writeSeconds: writeMs / 1000,
    itemsPerSecond: (options.items * 1000) / writeMs,
    writeCpuSeconds: writeCpuMicros / 1e6,
    cpuItemsPerSecond: (options.items * 1e6) / writeCpuMicros,
    wallSeconds,
    wallItemsPerSecond: options.items / wallSeconds,
    slowestBatchMs,
    finalItemsPerSecond: tailMs > 0 ? (tailItems * 1000) / tailMs : (options.items * 1000) / writeMs,
    estimatedJsonBytes: Math.round((sampledBytes / sampledItems) * options.items),
  };
}
