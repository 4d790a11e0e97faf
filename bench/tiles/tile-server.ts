/**
 * The benchmark's tile server, run as a child process so that its CPU time and memory are its own:
 * a Fastify app with rasterPlugin serving item `bench/scene` (the scene COG) and, for mosaics, one item per
 * part COG (searchItems returns those touching the bbox, in id order).
 * Usage: tsx bench/tiles/tile-server.ts <scene cog> [<part cog>…] ; prints `PORT <n>` when listening.
 */
import Fastify from 'fastify';
import { rasterPlugin } from '../../src/api/raster/raster-plugin.js';
import type { StacItem } from '../../src/catalog/model/stac-types.js';
import { ReaderCache } from '../../src/raster/cog/reader-cache.js';
import { createTransformer } from '../../src/raster/warp/coordinate-transformer.js';

const [scene, ...parts] = process.argv.slice(2);
const itemOf = (id: string, href: string, bbox?: [number, number, number, number]): StacItem => ({
  type: 'Feature',
  stac_version: '1.1.0',
  id,
  ...(bbox ? { bbox } : {}),
  geometry: null,
  properties: { datetime: '2024-01-15T06:30:00Z' },
  links: [],
  assets: { data: { href, type: 'image/tiff; application=geotiff', roles: ['data'] } },
});
const item = itemOf('scene', scene);
const readers = new ReaderCache();
const partItems = await Promise.all(
  parts.map(async (path, i) => {
    const { info } = await readers.open(path);
    const [x0, a, , y0, , e] = info.geoTransform;
    const xs = Float64Array.of(x0, x0 + info.width * a);
    const ys = Float64Array.of(y0 + info.height * e, y0);
    createTransformer(32740, 4326)(xs, ys);
    return itemOf(`part-${String(i).padStart(2, '0')}`, path, [xs[0], ys[0], xs[1], ys[1]]);
  }),
);
const overlaps = (a: number[], b: number[]) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

const app = Fastify({ logger: false });
await app.register(rasterPlugin, {
  prefix: '/api',
  getItem: async (collectionId, itemId) =>
    collectionId === 'bench' && itemId === 'scene' ? item : undefined,
  resolveAssetHref: (href) => href,
  readerCache: readers,
  searchItems: async (_search, bbox, limit) =>
    partItems.filter((part) => overlaps(part.bbox!, bbox)).slice(0, limit),
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`PORT ${typeof address === 'object' && address ? address.port : 0}`);
// Exit normally on SIGINT so that `node --cpu-prof` writes its profile.
process.once('SIGINT', () => void app.close().then(() => process.exit(0)));
