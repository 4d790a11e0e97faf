/**
 * The raster part of the La Réunion demo centre: real Cloud-Optimized GeoTIFFs, written with the project's own
 * COG writer at the hrefs of the catalogue's items (`<dataDir>/assets/<collection>/<item>/<file>.tif`), all
 * derived from one synthetic terrain of the island so that the layers agree. Known quantities (sand volumes,
 * lava-flow volume, landslide displacement, composite inputs) are written back into the items as
 * `fournaise:*` properties, with each asset's `file:size`. Deterministic: every random draw comes from
 * `ctx.random`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StacAsset, StacItem } from '../../catalog/model/stac-types.js';
import type { CatalogStore } from '../../catalog/store/catalog-store.js';
import { writeCog } from '../../raster/cog/cog-writer.js';
import { COG_MEDIA_TYPE, EXTENSION } from '../catalog/demo-vocabulary.js';
import { registerDemoContribution } from '../demo-registry.js';
import type { DemoAssetSink } from './demo-asset-sink.js';
import { writeFournaiseDsmRasters } from './fournaise-dsm-rasters.js';
import { writeHellBourgRasters } from './hell-bourg-rasters.js';
import { writeHermitageRasters } from './hermitage-rasters.js';
import { createIslandTerrain } from './island-terrain.js';
import { writeLandCoverRasters } from './land-cover-rasters.js';
import { writePleiadesRasters } from './pleiades-rasters.js';
import { writeSentinel2Rasters } from './sentinel2-rasters.js';
import { noiseSeed } from './value-noise.js';

/** The collections whose items get COG assets. */
export const RASTER_DEMO_COLLECTIONS = [
  'sentinel2-l2a-theia-reunion',
  'theia-l3a-reunion-monthly',
  'reunion-land-cover',
  'hermitage-mnt',
  'hermitage-orthophoto',
  'pleiades-dsm-piton-fournaise',
  'hell-bourg-orthophoto',
  'pleiades-reunion-2025',
  'pleiades-mayotte-chido',
] as const;

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

/** Items in time order (surveys, scenes, months). */
function byDatetime(items: StacItem[]): StacItem[] {
  return [...items].sort((a, b) =>
    String(a.properties.datetime).localeCompare(String(b.properties.datetime)),
  );
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
    ) as Record<(typeof RASTER_DEMO_COLLECTIONS)[number], StacItem[]>;
    const total = Object.values(items).reduce(
      (sum, list) => sum + list.reduce((n, item) => n + Object.values(item.assets).filter(isCog).length, 0),
      0,
    );
    let done = 0;
    const sink: DemoAssetSink = {
      signal: ctx.signal,
      async write(item, key, raster, options) {
        ctx.signal?.throwIfAborted();
        const asset = item.assets[key];
        const bytes = writeCog(raster, { blockSize: 256, deflateLevel: 1, ...options });
        const path = join(ctx.dataDir, asset.href);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, bytes);
        asset['file:size'] = bytes.length;
        if (!item.stac_extensions?.includes(EXTENSION.file)) {
          item.stac_extensions = [...(item.stac_extensions ?? []), EXTENSION.file].sort();
        }
        ctx.progress(++done, total, `${item.collection}/${item.id}/${key}`);
      },
    };
    const random = ctx.random;
    const terrain = createIslandTerrain(noiseSeed(() => random.next()));
    const landSeed = noiseSeed(() => random.next());
    await writeSentinel2Rasters(
      byDatetime(items['sentinel2-l2a-theia-reunion']),
      byDatetime(items['theia-l3a-reunion-monthly']),
      terrain,
      landSeed,
      sink,
    );
    await writeLandCoverRasters(items['reunion-land-cover'], terrain, landSeed, sink);
    await writeHermitageRasters(
      byDatetime(items['hermitage-mnt']),
      byDatetime(items['hermitage-orthophoto']),
      random.fork('hermitage'),
      sink,
    );
    await writeFournaiseDsmRasters(items['pleiades-dsm-piton-fournaise'], terrain, sink);
    await writeHellBourgRasters(
      items['hell-bourg-orthophoto'],
      noiseSeed(() => random.next()),
      sink,
    );
    await writePleiadesRasters(
      [...items['pleiades-reunion-2025'], ...items['pleiades-mayotte-chido']],
      terrain,
      landSeed,
      sink,
    );
    for (const list of Object.values(items)) {
      await ctx.catalog.writeItems(list, 'upsert');
    }
  },
});
