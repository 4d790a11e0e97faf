/**
 * A small deterministic catalogue for the portal's browser tests (synthetic): three collections over
 * La Réunion and Mayotte with dated items, and a running server with the API and the built portal.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { buildApp } from '../../src/api/build-app.js';
import { portalPlugin } from '../../src/api/portal/portal-plugin.js';
import type { StacCollection, StacItem } from '../../src/catalog/model/stac-types.js';
import { openSqliteCatalogStore } from '../../src/catalog/store/sqlite/sqlite-catalog-store.js';
import type { CatalogStore } from '../../src/catalog/store/catalog-store.js';

export const WEB_ROOT = join(process.cwd(), 'web', 'dist');

/** Builds the portal once if this checkout has no build yet (CI builds it before the tests). */
export function ensurePortalBuilt(): void {
  if (existsSync(join(WEB_ROOT, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}

function collection(id: string, title: string, keywords: string[], bbox: number[]): StacCollection {
  return {
    type: 'Collection',
    stac_version: '1.1.0',
    id,
    title,
    description: `${title} (synthetic test data)`,
    license: 'etalab-2.0',
    keywords,
    providers: [{ name: 'Fournaise test', roles: ['producer'] }],
    extent: {
      spatial: { bbox: [bbox as [number, number, number, number]] },
      temporal: { interval: [['2019-01-01T00:00:00Z', '2025-12-31T00:00:00Z']] },
    },
    links: [],
  };
}

function box(lon: number, lat: number, size: number): StacItem['geometry'] {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  };
}

function item(
  collectionId: string,
  id: string,
  datetime: string,
  lon: number,
  lat: number,
  size: number,
  properties: Record<string, unknown>,
): StacItem {
  return {
    type: 'Feature',
    stac_version: '1.1.0',
    id,
    collection: collectionId,
    geometry: box(lon, lat, size),
    bbox: [lon, lat, lon + size, lat + size],
    properties: { datetime, ...properties },
    links: [],
    assets: {
      data: {
        href: `https://example.org/${id}.tif`,
        type: 'image/tiff; application=geotiff',
        roles: ['data'],
      },
    },
  };
}

export const COLLECTIONS = [
  collection(
    'mnt-hermitage',
    "MNT de l'Hermitage",
    ['MNT', 'plage', 'érosion'],
    [55.215, -21.095, 55.235, -21.07],
  ),
  collection(
    'pleiades-reunion',
    'Pléiades La Réunion 2025',
    ['Pléiades', 'imagerie'],
    [55.2, -21.4, 55.85, -20.85],
  ),
  collection(
    'pleiades-mayotte',
    'Pléiades Mayotte après Chido',
    ['Pléiades', 'cyclone'],
    [45.0, -13.0, 45.3, -12.6],
  ),
];

export function fixtureItems(): StacItem[] {
  const items: StacItem[] = [];
  for (let i = 0; i < 12; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    items.push(
      item(
        'mnt-hermitage',
        `mnt-hermitage-${2019 + Math.floor(i / 3)}-${month}`,
        `${2019 + Math.floor(i / 3)}-${month}-15T10:00:00Z`,
        55.215,
        -21.095,
        0.02,
        {
          title: `MNT Hermitage ${2019 + Math.floor(i / 3)}-${month}`,
          platform: 'drone',
          instruments: ['lidar'],
          keywords: ['MNT', 'plage'],
        },
      ),
    );
  }
  // Map tiles of the Hermitage items come from the test tile route below, one shade per date, so the viewer's
  // layers, time slider and swipe can be tested without the raster engine.
  items.forEach((it, i) => {
    it.links.push({
      rel: 'xyz',
      href: `/test-tiles/${i}/{z}/{x}/{y}.png`,
      type: 'image/png',
      title: 'test tiles',
    });
  });
  for (let i = 0; i < 8; i++) {
    items.push(
      item(
        'pleiades-reunion',
        `pleiades-reunion-${i}`,
        `2025-0${(i % 8) + 1}-0${(i % 8) + 1}T06:30:00Z`,
        55.25 + i * 0.06,
        -21.3 + (i % 3) * 0.1,
        0.1,
        {
          title: `Pléiades La Réunion scène ${i}`,
          platform: i % 2 ? 'pleiades-1a' : 'pleiades-1b',
          instruments: ['hires'],
          'eo:cloud_cover': i * 7,
        },
      ),
    );
  }
  for (let i = 0; i < 5; i++) {
    items.push(
      item(
        'pleiades-mayotte',
        `pleiades-mayotte-${i}`,
        `2024-12-${20 + i}T06:45:00Z`,
        45.05 + i * 0.04,
        -12.95 + i * 0.05,
        0.08,
        {
          title: `Pléiades Mayotte ${i}`,
          platform: 'pleiades-1a',
          instruments: ['hires'],
        },
      ),
    );
  }
  return items;
}

export interface PortalServer {
  app: FastifyInstance;
  store: CatalogStore;
  url: string;
}

export async function startPortalServer(): Promise<PortalServer> {
  ensurePortalBuilt();
  // Tests compare the page with the API's numberMatched: a generous count budget keeps it present on a slow,
  // loaded machine (the default 0.5 ms is a production trade-off).
  const store = openSqliteCatalogStore({ path: ':memory:' }, { countBudgetMs: 5000 });
  for (const c of COLLECTIONS) await store.putCollection(c, 'insert');
  await store.writeItems(fixtureItems(), 'insert');
  const app = buildApp({ catalog: store });
  await app.register(portalPlugin, { catalog: store, webRoot: WEB_ROOT });
  app.get('/test-tiles/:shade/:z/:x/:y', async (request, reply) => {
    const shade = Number((request.params as { shade: string }).shade);
    const png = await sharp({
      create: {
        width: 256,
        height: 256,
        channels: 4,
        background: { r: 20 * shade, g: 120, b: 255 - 20 * shade, alpha: 1 },
      },
    })
      .png()
      .toBuffer();
    return reply.type('image/png').send(png);
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, store, url: address };
}
