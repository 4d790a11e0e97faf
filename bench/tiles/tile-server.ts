/**
 * The benchmark's tile server, run as a child process so that its CPU time and memory are its own:
 * a Fastify app with rasterPlugin serving one item whose assets are the benchmark COGs.
 * Usage: tsx bench/tiles/tile-server.ts <cog path>… ; prints `PORT <n>` when listening.
 */
import Fastify from 'fastify';
import { rasterPlugin } from '../../src/api/raster/raster-plugin.js';
import type { StacItem } from '../../src/catalog/model/stac-types.js';

const paths = process.argv.slice(2);
const item: StacItem = {
  type: 'Feature',
  stac_version: '1.1.0',
  id: 'scene',
  geometry: null,
  properties: { datetime: '2024-01-15T06:30:00Z' },
  links: [],
  assets: Object.fromEntries(
    paths.map((path, i) => [
      `a${i}`,
      { href: path, type: 'image/tiff; application=geotiff', roles: ['data'] },
    ]),
  ),
};
const app = Fastify({ logger: false });
await app.register(rasterPlugin, {
  prefix: '/api',
  getItem: async (collectionId, itemId) =>
    collectionId === 'bench' && itemId === 'scene' ? item : undefined,
  resolveAssetHref: (href) => href,
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`PORT ${typeof address === 'object' && address ? address.port : 0}`);
