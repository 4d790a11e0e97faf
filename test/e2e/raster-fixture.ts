/**
 * A synthetic time series of small COGs for the viewer's browser tests: six monthly int16 rasters over the
 * west coast of La Réunion, written with Fournaise's own COG writer into a temporary folder, catalogued in
 * an in-memory store and served with the raster API (tiles, point values) and the built portal.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/build-app.js';
import { portalPlugin } from '../../src/api/portal/portal-plugin.js';
import { rasterPlugin } from '../../src/api/raster/raster-plugin.js';
import type { StacCollection, StacItem } from '../../src/catalog/model/stac-types.js';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import { writeCog } from '../../src/raster/cog/cog-writer.js';
import { ensurePortalBuilt, WEB_ROOT } from './portal-fixture.js';

export const SERIES = 'test-series';
export const SERIES_MONTHS = 6;

/** 0.001° pixels (about 100 m), 64 × 64, from 55.40 E / 21.10 S. */
const SIZE = 64;
const STEP = 0.001;
const WEST = 55.4;
const NORTH = -21.1;
export const SERIES_BBOX: [number, number, number, number] = [
  WEST,
  NORTH - SIZE * STEP,
  WEST + SIZE * STEP,
  NORTH,
];

/**
 * The stored value of a pixel in month `month` (1–6): it grows with the month, eastward and southward. Stored
 * as int16 with a scale of 1e-4 (as reflectances are), so the viewer must apply the asset's scale.
 */
const pixelValue = (month: number, column: number, row: number): number =>
  1000 * month + 50 * column + 3 * row;

/** Physical value = stored value × SERIES_SCALE (STAC raster extension `scale`). */
export const SERIES_SCALE = 0.0001;

function seriesItem(month: number, href: string): StacItem {
  const [west, south, east, north] = SERIES_BBOX;
  return {
    type: 'Feature',
    stac_version: '1.1.0',
    id: `series-2024-${String(month).padStart(2, '0')}`,
    collection: SERIES,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [east, south],
          [east, north],
          [west, north],
          [west, south],
        ],
      ],
    },
    bbox: [...SERIES_BBOX],
    properties: {
      datetime: `2024-${String(month).padStart(2, '0')}-15T00:00:00Z`,
      title: `Indice synthétique 2024-${String(month).padStart(2, '0')}`,
    },
    links: [],
    assets: {
      index: {
        href,
        type: 'image/tiff; application=geotiff; profile=cloud-optimized',
        roles: ['data'],
        'raster:bands': [{ data_type: 'int16', nodata: -10000, scale: SERIES_SCALE, offset: 0 }],
      },
    },
  };
}

const COLLECTION: StacCollection = {
  type: 'Collection',
  stac_version: '1.1.0',
  id: SERIES,
  title: 'Indice synthétique mensuel',
  description: 'Monthly synthetic index over the west coast (synthetic test data)',
  license: 'etalab-2.0',
  extent: {
    spatial: { bbox: [[...SERIES_BBOX]] },
    temporal: { interval: [['2024-01-01T00:00:00Z', '2024-06-30T00:00:00Z']] },
  },
  links: [],
};

export interface RasterPortalServer {
  app: FastifyInstance;
  store: CatalogStore;
  url: string;
  close(): Promise<void>;
}

export async function startRasterPortalServer(): Promise<RasterPortalServer> {
  ensurePortalBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'fournaise-e2e-cogs-'));
  const items: StacItem[] = [];
  for (let month = 1; month <= SERIES_MONTHS; month++) {
    const band = new Int16Array(SIZE * SIZE);
    for (let row = 0; row < SIZE; row++)
      for (let column = 0; column < SIZE; column++)
        band[row * SIZE + column] = pixelValue(month, column, row);
    const path = join(dir, `series-${month}.tif`);
    writeFileSync(
      path,
      writeCog(
        {
          width: SIZE,
          height: SIZE,
          dataType: 'int16',
          bands: [band],
          geoTransform: [WEST, STEP, 0, NORTH, 0, -STEP],
          epsg: 4326,
          nodata: -10000,
        },
        { blockSize: 256 },
      ),
    );
    items.push(seriesItem(month, path));
  }
  const store = openSqliteCatalogStore({ path: ':memory:' });
  await store.putCollection(COLLECTION, 'insert');
  await store.writeItems(items, 'insert');
  const app = buildApp({ catalog: store });
  await app.register(rasterPlugin, {
    prefix: '/api',
    getItem: (collectionId, itemId) => store.getItem(collectionId, itemId),
    // Only the files written above are ever opened.
    resolveAssetHref: (href) => {
      if (!href.startsWith(dir)) throw new Error(`unexpected asset ${href}`);
      return href;
    },
  });
  await app.register(portalPlugin, { catalog: store, webRoot: WEB_ROOT });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    store,
    url,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
