/**
 * The catalogue's part of the La Réunion demo centre: the collections and items of every product the demo
 * shows (imagery, maps, drone surveys, in-situ datasets). Asset hrefs are paths relative to the data directory
 * (`assets/<collection>/<item>/<file>`); the raster contribution writes those files.
 */
import type { StacCollection, StacItem } from '../../catalog/model/stac-types.js';
import { registerDemoContribution } from '../demo-registry.js';
import type { SeededRandom } from '../seeded-random.js';
import { generateHermitage } from './hermitage-demo.js';
import { generateHellBourg } from './hell-bourg-demo.js';
import { generateErorun, generateFournaiseGnss } from './insitu-datasets-demo.js';
import { generateLandCover } from './land-cover-demo.js';
import {
  generateFournaiseDsms,
  generatePleiadesMayotteChido,
  generatePleiadesReunion2025,
} from './pleiades-demo.js';
import { generateReflectanceSyntheses, generateSentinel2Scenes } from './sentinel2-demo.js';

export interface DemoCollectionData {
  collection: StacCollection;
  items: StacItem[];
}

/**
 * Every demo collection with its items, in the order they are written. Pure: the same generator state gives
 * the same documents. Each product draws from its own fork of `random`, so adding a product does not change
 * the others.
 */
export function generateCatalogDemo(random: SeededRandom): DemoCollectionData[] {
  return [
    generateReflectanceSyntheses(random.fork('theia-l3a')),
    generateSentinel2Scenes(random.fork('sentinel2-l2a')),
    generateLandCover(random.fork('land-cover')),
    ...generateHermitage(random.fork('hermitage')),
    generateFournaiseDsms(random.fork('fournaise-dsm')),
    generatePleiadesReunion2025(random.fork('pleiades-reunion')),
    generatePleiadesMayotteChido(random.fork('pleiades-mayotte')),
    generateHellBourg(random.fork('hell-bourg')),
    generateErorun(random.fork('erorun')),
    generateFournaiseGnss(random.fork('gnss')),
  ];
}

registerDemoContribution({
  id: 'catalog',
  title: 'catalogue',
  async build(ctx) {
    const collections = generateCatalogDemo(ctx.random);
    const total = collections.reduce((sum, { items }) => sum + items.length, 0);
    let done = 0;
    for (const { collection, items } of collections) {
      ctx.signal?.throwIfAborted();
      await ctx.catalog.putCollection(collection, 'upsert');
      await ctx.catalog.writeItems(items, 'upsert');
      done += items.length;
      ctx.progress(done, total, collection.id);
    }
  },
});
