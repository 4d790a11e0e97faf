/**
 * The raster part of the La Réunion demo centre: real Cloud-Optimized GeoTIFFs, written with the project's own
 * COG writer at the hrefs of the catalogue's items (`<dataDir>/assets/<collection>/<item>/<file>.tif`), all
 * derived from one synthetic terrain of the island so that the layers agree. Known quantities (sand volumes,
 * lava-flow volume, landslide displacement, composite inputs) are written back into the items as
 * `fournaise:*` properties, with each asset's `file:size`. Deterministic: every random draw comes from
 * `ctx.random`.
 */
import { Worker } from 'node:worker_threads';
import type { StacAsset, StacItem } from '../../catalog/model/stac-types.js';
import type { CatalogStore } from '../../catalog/store/catalog-store.js';
import { workerEntry } from '../../core/worker-entry.js';
import { COG_MEDIA_TYPE } from '../catalog/demo-vocabulary.js';
import { registerDemoContribution } from '../demo-registry.js';
import {
  collectionsOf,
  fileSink,
  RASTER_DEMO_COLLECTIONS,
  runRasterWriters,
  type RasterDemoCollection,
  type RasterWriterInputs,
  type RasterWriterName,
} from './raster-writers.js';
import { noiseSeed } from './value-noise.js';

export { RASTER_DEMO_COLLECTIONS } from './raster-writers.js';

/**
 * The writers in two groups of about the same CPU time (measured: Sentinel-2 5.0 s, Pléiades 4.1, Hermitage
 * 2.8, Hell-Bourg 1.4, land cover 1.2, Fournaise DSMs 1.1 on the AMD EPYC): the first runs on this thread,
 * the second on a worker thread, so the build takes about a third less time on two cores.
 */
const HERE: RasterWriterName[] = ['sentinel2', 'hell-bourg', 'fournaise-dsm'];
const ON_WORKER: RasterWriterName[] = ['pleiades', 'hermitage', 'land-cover'];

/** Every item of a collection, in id order. */
async function collectionItems(catalog: CatalogStore, collection: string): Promise<StacItem[]> {
  const items: StacItem[] = [];
  let token: string | undefined;
  do {
    const page = await catalog.search({
      collections: [collection],
      limit: 1000,
      sortby: [{ field: 'id', direction: 'asc' }],
      token,
    });
    items.push(...page.items);
    token = page.next;
  } while (token);
  return items;
}

/** The assets this contribution writes (the Pléiades DIMAP metadata files are not written). */
export function isCog(asset: StacAsset): boolean {
  return asset.type === COG_MEDIA_TYPE;
}

/** The inputs restricted to the items of some collections. */
function inputsFor(inputs: RasterWriterInputs, collections: RasterDemoCollection[]): RasterWriterInputs {
  return { ...inputs, items: Object.fromEntries(collections.map((id) => [id, inputs.items[id]])) };
}

/**
 * Runs writers on a worker thread; resolves to their items as the worker changed them. `onWritten` is told
 * each file written. Rejects when a writer fails, the worker dies, or `signal` aborts (the worker is stopped).
 */
function runOnWorker(
  names: RasterWriterName[],
  inputs: RasterWriterInputs,
  dataDir: string,
  onWritten: (label: string) => void,
  signal?: AbortSignal,
): Promise<RasterWriterInputs['items']> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const worker = new Worker(...workerEntry(import.meta.url, 'raster-writer-worker'));
    const stop = () => {
      void worker.terminate();
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    const settle = () => signal?.removeEventListener('abort', stop);
    worker.on(
      'message',
      (
        message:
          | { kind: 'written'; label: string }
          | { kind: 'done'; items: RasterWriterInputs['items'] }
          | { kind: 'failed'; message: string; stack?: string },
      ) => {
        if (message.kind === 'written') return onWritten(message.label);
        settle();
        void worker.terminate();
        if (message.kind === 'done') resolve(message.items);
        else reject(Object.assign(new Error(message.message), { stack: message.stack }));
      },
    );
    worker.on('error', (error) => {
      settle();
      reject(error);
    });
    worker.on('exit', (code) => {
      settle();
      reject(new Error(`the raster demo worker stopped (exit code ${code})`));
    });
    worker.postMessage({ names, inputs, dataDir });
  });
}

registerDemoContribution({
  id: 'raster',
  title: 'raster assets (COG)',
  after: ['catalog'],
  async build(ctx) {
    const items = Object.fromEntries(
      await Promise.all(
        RASTER_DEMO_COLLECTIONS.map(async (id) => [id, await collectionItems(ctx.catalog, id)] as const),
      ),
    ) as Record<RasterDemoCollection, StacItem[]>;
    const total = Object.values(items).reduce(
      (sum, list) => sum + list.reduce((n, item) => n + Object.values(item.assets).filter(isCog).length, 0),
      0,
    );
    let done = 0;
    const onWritten = (label: string) => ctx.progress(++done, total, label);
    // Drawn in the order the generators used to draw them, so the demo stays the same.
    const random = ctx.random;
    const terrainSeed = noiseSeed(() => random.next());
    const landSeed = noiseSeed(() => random.next());
    const hellBourgSeed = noiseSeed(() => random.next());
    const inputs: RasterWriterInputs = {
      items,
      terrainSeed,
      landSeed,
      hellBourgSeed,
      randomSeed: random.seed,
    };
    // Either group failing, or the build being cancelled, stops the other.
    const stop = new AbortController();
    const cancel = () => stop.abort(ctx.signal?.reason);
    ctx.signal?.addEventListener('abort', cancel, { once: true });
    let workerItems: RasterWriterInputs['items'];
    try {
      const worker = runOnWorker(
        ON_WORKER,
        inputsFor(inputs, collectionsOf(ON_WORKER)),
        ctx.dataDir,
        onWritten,
        stop.signal,
      );
      worker.catch((error: unknown) => stop.abort(error));
      await runRasterWriters(
        HERE,
        inputsFor(inputs, collectionsOf(HERE)),
        fileSink(ctx.dataDir, onWritten, stop.signal),
      ).catch((error: unknown) => {
        stop.abort(error);
        throw error;
      });
      workerItems = await worker;
    } finally {
      ctx.signal?.removeEventListener('abort', cancel);
    }
    Object.assign(items, workerItems);
    for (const list of Object.values(items)) {
      await ctx.catalog.writeItems(list, 'upsert');
    }
  },
});
