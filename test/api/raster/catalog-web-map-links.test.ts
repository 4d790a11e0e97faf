/**
 * Items served by the catalogue link to their map tiles (STAC web-map-links: xyz, tilejson, wmts) when the
 * raster plugin is mounted, and the xyz link serves a tile.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/api/build-app.js';
import { rasterPlugin } from '../../../src/api/raster/raster-plugin.js';
import { WEB_MAP_LINKS_EXTENSION } from '../../../src/raster/tiles/web-map-links.js';
import type { StacCollection, StacItem, StacLink } from '../../../src/catalog/model/stac-types.js';
import { openSqliteCatalogStore } from '../../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import type { CatalogStore } from '../../../src/catalog/store/catalog-store.js';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'cog');
const BBOX: [number, number, number, number] = [40, 11, 41, 12];

const collection: StacCollection = {
  type: 'Collection',
  stac_version: '1.1.0',
  id: 'dem',
  description: 'DEM test collection',
  license: 'CC-BY-4.0',
  extent: { spatial: { bbox: [BBOX] }, temporal: { interval: [['2020-01-01T00:00:00Z', null]] } },
  links: [],
};

const item = (id: string, assets: StacItem['assets']): StacItem => ({
  type: 'Feature',
  stac_version: '1.1.0',
  id,
  collection: 'dem',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [40, 11],
        [41, 11],
        [41, 12],
        [40, 12],
        [40, 11],
      ],
    ],
  },
  bbox: BBOX,
  properties: { datetime: '2020-01-01T00:00:00Z' },
  links: [],
  assets,
});

describe('catalogue items link to their tiles', () => {
  let app: FastifyInstance;
  let store: CatalogStore;

  beforeAll(async () => {
    store = openSqliteCatalogStore({ path: ':memory:' });
    await store.putCollection(collection, 'insert');
    await store.writeItems(
      [
        item('raster', {
          dem: {
            href: 'openlayers-elevation-f32.tif',
            type: 'image/tiff; application=geotiff',
            roles: ['data'],
          },
        }),
        item('metadata-only', { doc: { href: 'https://example.org/readme.txt', type: 'text/plain' } }),
      ],
      'insert',
    );
    app = buildApp({ catalog: store, baseUrl: 'http://data.test' });
    await app.register(rasterPlugin, {
      prefix: '/api',
      getItem: (c, i) => store.getItem(c, i),
      resolveAssetHref: (href) => join(FIXTURES, href),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const linksOf = async (url: string): Promise<StacLink[]> =>
    ((await app.inject(url)).json() as StacItem).links;

  it('adds xyz, tilejson and wmts links to items with GeoTIFF assets, in item and search responses', async () => {
    const links = await linksOf('/api/collections/dem/items/raster');
    const rels = links.map((l) => l.rel);
    expect(rels).toEqual(expect.arrayContaining(['xyz', 'tilejson', 'wmts']));
    const xyz = links.find((l) => l.rel === 'xyz')!;
    expect(xyz.href).toBe(
      'http://data.test/api/collections/dem/items/raster/tiles/WebMercatorQuad/{z}/{x}/{y}.png',
    );
    const search = (await app.inject('/api/search?ids=raster')).json() as { features: StacItem[] };
    expect(search.features[0].links.map((l) => l.rel)).toContain('xyz');
    expect((await linksOf('/api/collections/dem/items/metadata-only')).map((l) => l.rel)).not.toContain(
      'xyz',
    );
  });

  it('lists the web-map-links extension in stac_extensions of the items that get the links only', async () => {
    const extensionsOf = async (url: string) => ((await app.inject(url)).json() as StacItem).stac_extensions;
    expect(await extensionsOf('/api/collections/dem/items/raster')).toContain(WEB_MAP_LINKS_EXTENSION);
    const search = (await app.inject('/api/search?ids=raster')).json() as { features: StacItem[] };
    expect(search.features[0].stac_extensions).toContain(WEB_MAP_LINKS_EXTENSION);
    expect((await extensionsOf('/api/collections/dem/items/metadata-only')) ?? []).not.toContain(
      WEB_MAP_LINKS_EXTENSION,
    );
  });

  it('serves a tile at the xyz address', async () => {
    const links = await linksOf('/api/collections/dem/items/raster');
    const template = links.find((l) => l.rel === 'xyz')!.href;
    // Zoom 7 tile holding 40.5 E, 11.5 N.
    const n = 2 ** 7;
    const x = Math.floor(((40.5 + 180) / 360) * n);
    const lat = (11.5 * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n);
    const url = template
      .replace('http://data.test', '')
      .replace('{z}', '7')
      .replace('{x}', String(x))
      .replace('{y}', String(y));
    const response = await app.inject(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
  });
});
