/**
 * The main server publishes the centre's own asset files: stored `assets/...` hrefs come back as absolute URLs
 * of the asset route (items, collections, landing pages), those URLs serve the file, and mosaics run their
 * search against the catalogue.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StacCollection, StacItem } from '../../src/catalog/model/stac-types.js';
import { writeCog } from '../../src/raster/cog/cog-writer.js';
import { resolveCrs } from '../../src/raster/warp/crs-registry.js';
import { startServer, type RunningServer } from '../../src/server.js';

const HREF = 'assets/survey/survey-1/dem file.tif';

describe('assets served by the main server', () => {
  let dataDir: string;
  let server: RunningServer;
  let cogBytes: Uint8Array;
  let lonLat: [number, number];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fournaise-served-assets-'));
    resolveCrs(2975);
    // 256×256 float32 at 1 m in EPSG:2975 (Hermitage beach), value = row index.
    const band = new Float32Array(256 * 256).map((_, i) => Math.floor(i / 256));
    cogBytes = writeCog(
      {
        width: 256,
        height: 256,
        dataType: 'float32',
        bands: [band],
        geoTransform: [320000, 1, 0, 7670000, 0, -1],
        epsg: 2975,
      },
      { blockSize: 256 },
    );
    await mkdir(join(dataDir, 'assets/survey/survey-1'), { recursive: true });
    await writeFile(join(dataDir, HREF), cogBytes);
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      demoOnFirstStart: false,
      assetRoots: [dataDir],
    });
    const [west, south] = proj4('EPSG:2975', 'EPSG:4326', [320000, 7669744]);
    const [east, north] = proj4('EPSG:2975', 'EPSG:4326', [320256, 7670000]);
    lonLat = proj4('EPSG:2975', 'EPSG:4326', [320100.5, 7669899.5]) as [number, number];
    const collection: StacCollection = {
      type: 'Collection',
      stac_version: '1.1.0',
      id: 'survey',
      description: 'test surveys',
      license: 'CC-BY-4.0',
      extent: {
        spatial: { bbox: [[west, south, east, north]] },
        temporal: { interval: [['2024-01-01T00:00:00Z', null]] },
      },
      links: [],
      assets: { readme: { href: 'assets/survey/README.txt', type: 'text/plain' } },
    };
    const item: StacItem = {
      type: 'Feature',
      stac_version: '1.1.0',
      id: 'survey-1',
      collection: 'survey',
      bbox: [west, south, east, north],
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
      properties: { datetime: '2024-01-02T00:00:00Z' },
      links: [],
      assets: {
        dem: {
          href: HREF,
          type: 'image/tiff; application=geotiff; profile=cloud-optimized',
          roles: ['data'],
        },
        elsewhere: { href: 'https://example.org/data.tif', type: 'image/tiff' },
      },
    };
    await server.catalog.putCollection(collection, 'insert');
    await server.catalog.writeItems([item], 'insert');
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('publishes stored asset hrefs as absolute URLs and leaves other hrefs alone', async () => {
    const item = await (await fetch(`${server.url}/api/collections/survey/items/survey-1`)).json();
    expect(item.assets.dem.href).toBe(`${server.url}/api/assets/survey/survey-1/dem%20file.tif`);
    expect(item.assets.elsewhere.href).toBe('https://example.org/data.tif');
    const search = await (await fetch(`${server.url}/api/search?ids=survey-1`)).json();
    expect(search.features[0].assets.dem.href).toBe(item.assets.dem.href);
    const collection = await (await fetch(`${server.url}/api/collections/survey`)).json();
    expect(collection.assets.readme.href).toBe(`${server.url}/api/assets/survey/README.txt`);
    // The store keeps the relative href, so the centre can move.
    expect((await server.catalog.getItem('survey', 'survey-1'))?.assets.dem.href).toBe(HREF);
  });

  it('serves the file at the published URL, with ranges', async () => {
    const item = await (await fetch(`${server.url}/api/collections/survey/items/survey-1`)).json();
    const whole = await fetch(item.assets.dem.href);
    expect(whole.status).toBe(200);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(cogBytes);
    const part = await fetch(item.assets.dem.href, { headers: { Range: 'bytes=0-7' } });
    expect(part.status).toBe(206);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(cogBytes.subarray(0, 8));
  });

  it('links the download on the landing page to the published URL', async () => {
    const html = await (await fetch(`${server.url}/collections/survey/items/survey-1`)).text();
    expect(html).toContain(`href="${server.url}/api/assets/survey/survey-1/dem%20file.tif"`);
  });

  it('runs mosaic searches against the catalogue', async () => {
    const registered = await fetch(`${server.url}/api/mosaics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ collections: ['survey'] }),
    });
    expect(registered.status).toBe(201);
    const { id } = await registered.json();
    const history = await (
      await fetch(`${server.url}/api/mosaics/${id}/point?lon=${lonLat[0]}&lat=${lonLat[1]}`)
    ).json();
    const series = history.properties.series as { id: string; values: Record<string, number[]> }[];
    expect(series.map((entry) => entry.id)).toEqual(['survey-1']);
    // Row 100 of the raster holds the value 100.
    expect(series[0].values.dem[0]).toBe(100);
    const outside = await fetch(`${server.url}/api/mosaics/${id}/point?lon=10&lat=10`);
    expect((await outside.json()).properties.series).toEqual([]);
  });
});
