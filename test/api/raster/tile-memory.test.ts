/**
 * Memory stays bounded while serving many tiles: 500 PNG tiles at zooms 11–16 over a 7168×8704 COG whose
 * full-resolution blocks alone decode to 62 MB, through a ReaderCache limited to 4 MiB of file blocks and
 * 8 MiB of decoded blocks. After a warm-up of 100 tiles, heap + array-buffer memory (measured after a full
 * garbage collection) may grow by at most 24 MiB over the next 400 tiles.
 */
import { registerErrorHandling } from '../../../src/api/errors.js';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { rasterPlugin } from '../../../src/api/raster/raster-plugin.js';
import type { StacItem } from '../../../src/catalog/model/stac-types.js';
import { ReaderCache } from '../../../src/raster/cog/reader-cache.js';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function usedMemory(): number {
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

it('serves 500 tiles without memory growth', async () => {
  const item: StacItem = {
    type: 'Feature',
    stac_version: '1.1.0',
    id: 'cmap',
    geometry: null,
    properties: { datetime: null },
    links: [],
    assets: {
      data: {
        href: join(import.meta.dirname, '../../fixtures/cog/rio-tiler-cog_cmap.tif'),
        type: 'image/tiff',
      },
    },
  };
  const readerCache = new ReaderCache({ maxBlockBytes: 4 * 1024 * 1024, maxDecodedBytes: 8 * 1024 * 1024 });
  const app = Fastify();
  registerErrorHandling(app);
  await app.register(rasterPlugin, {
    prefix: '/api',
    getItem: async () => item,
    resolveAssetHref: (href) => href,
    readerCache,
  });
  // The raster spans x −8843764…−8835211 m and y 4838157…4848553 m (EPSG:3857).
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const request = async () => {
    const z = 11 + Math.floor(random() * 6);
    const span = (2 * 20037508.342789244) / 2 ** z;
    const x = Math.floor((-8843764 + random() * 8553 + 20037508.342789244) / span);
    const y = Math.floor((20037508.342789244 - (4838157 + random() * 10396)) / span);
    const response = await app.inject(
      `/api/collections/c/items/cmap/tiles/WebMercatorQuad/${z}/${x}/${y}.png`,
    );
    expect(response.statusCode).toBe(200);
  };
  for (let i = 0; i < 100; i++) await request();
  const before = usedMemory();
  for (let i = 0; i < 400; i++) await request();
  const growth = usedMemory() - before;
  await app.close();
  await readerCache.close();
  expect(growth).toBeLessThan(24 * 1024 * 1024);
}, 120_000);
