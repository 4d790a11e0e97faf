import { registerErrorHandling } from '../../../src/api/errors.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import proj4 from 'proj4';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rasterPlugin } from '../../../src/api/raster/raster-plugin.js';
import type { StacItem } from '../../../src/catalog/model/stac-types.js';
import { writeCog } from '../../../src/raster/cog/cog-writer.js';
import { resolveCrs } from '../../../src/raster/warp/crs-registry.js';

const dir = mkdtempSync(join(tmpdir(), 'fournaise-mosaic-'));

/**
 * A 256×256 uint8 COG at 10 m in EPSG:2975, band b filled with `values[b]`, nodata 0 from column
 * `validColumns` on.
 */
function cog(name: string, value: number | number[], validColumns: number): string {
  const bands = [value]
    .flat()
    .map((bandValue) => new Uint8Array(256 * 256).map((_, i) => (i % 256 < validColumns ? bandValue : 0)));
  const path = join(dir, name);
  writeFileSync(
    path,
    writeCog(
      {
        width: 256,
        height: 256,
        dataType: 'uint8',
        bands,
        geoTransform: [340000, 10, 0, 7660000, 0, -10],
        epsg: 2975,
        nodata: 0,
      },
      { blockSize: 256 },
    ),
  );
  return path;
}

function item(id: string, href: string, bbox: [number, number, number, number]): StacItem {
  return {
    type: 'Feature',
    stac_version: '1.1.0',
    id,
    bbox,
    geometry: null,
    properties: { datetime: null },
    links: [],
    assets: { data: { href, type: 'image/tiff' } },
  };
}

describe('mosaics', () => {
  let app: FastifyInstance;
  const opened: string[] = [];
  let tile: { z: number; x: number; y: number };

  beforeAll(async () => {
    resolveCrs(2975);
    const [west, south] = proj4('EPSG:2975', 'EPSG:4326', [340000, 7657440]);
    const [east, north] = proj4('EPSG:2975', 'EPSG:4326', [342560, 7660000]);
    const bbox: [number, number, number, number] = [west, south, east, north];
    const items = new Map([
      ['half', item('half', cog('half.tif', 100, 128), bbox)],
      ['full', item('full', cog('full.tif', 200, 256), bbox)],
      ['far', item('far', join(dir, 'never-opened.tif'), [10, 10, 11, 11])],
      ['rgb-half', item('rgb-half', cog('rgb-half.tif', [10, 20, 30], 128), bbox)],
      ['rgb-full', item('rgb-full', cog('rgb-full.tif', [10, 20, 30], 256), bbox)],
    ]);
    app = Fastify();
    registerErrorHandling(app);
    await app.register(rasterPlugin, {
      prefix: '/api',
      getItem: async () => undefined,
      resolveAssetHref: (href) => {
        opened.push(href);
        return href;
      },
      searchItems: async (search) => (search.ids as string[]).map((id) => items.get(id)!),
    });
    await app.ready();
    // The z16 tile under the raster centre (column 128: where "half" stops having data).
    const [x, y] = proj4('EPSG:2975', 'EPSG:3857', [341280, 7658720]);
    const span = (2 * 20037508.342789244) / 2 ** 16;
    tile = {
      z: 16,
      x: Math.floor((x + 20037508.342789244) / span),
      y: Math.floor((20037508.342789244 - y) / span),
    };
  });
  afterAll(() => app.close());

  async function register(ids: string[]): Promise<string> {
    const response = await app.inject({ method: 'POST', url: '/api/mosaics', payload: { ids } });
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }

  /** The mosaic's tile as RGBA pixels, and the X-Items-Read header. */
  async function tilePixels(id: string, query = ''): Promise<{ data: Buffer; itemsRead: string }> {
    const response = await app.inject(
      `/api/mosaics/${id}/tiles/WebMercatorQuad/${tile.z}/${tile.x}/${tile.y}.png${query}`,
    );
    expect(response.statusCode).toBe(200);
    const { data } = await sharp(response.rawPayload)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, itemsRead: String(response.headers['x-items-read']) };
  }

  async function greys(id: string): Promise<{ values: Set<number>; itemsRead: string }> {
    const { data, itemsRead } = await tilePixels(id);
    const values = new Set<number>();
    for (let p = 0; p < data.length; p += 4) values.add(data[p + 3] === 0 ? -1 : data[p]);
    return { values, itemsRead };
  }

  it('gives the same id to the same search, whatever the key order', async () => {
    const a = await app.inject({ method: 'POST', url: '/api/mosaics', payload: { ids: ['half'], limit: 5 } });
    const b = await app.inject({ method: 'POST', url: '/api/mosaics', payload: { limit: 5, ids: ['half'] } });
    expect(a.json().id).toBe(b.json().id);
    expect(a.json().links[0].href).toMatch(
      /\/api\/mosaics\/[0-9a-f]{24}\/tiles\/WebMercatorQuad\/\{z\}\/\{x\}\/\{y\}\.png$/,
    );
  });

  it('composites items in sort order, the next item filling only the empty pixels', async () => {
    const { values, itemsRead } = await greys(await register(['half', 'full']));
    expect([...values].sort((x, y) => x - y)).toEqual([100, 200]);
    expect(itemsRead).toBe('2');
  });

  it('stops reading once the tile is covered, and skips items whose bbox misses the tile', async () => {
    opened.length = 0;
    const { values, itemsRead } = await greys(await register(['far', 'full', 'half']));
    expect([...values]).toEqual([200]);
    expect(itemsRead).toBe('1');
    expect(opened.some((href) => href.endsWith('half.tif') || href.endsWith('never-opened.tif'))).toBe(false);
  });

  it('colours every item with the first one’s bands: missing bands are zeros, extra ones are left out', async () => {
    // Nearest neighbour takes the sampled path, bilinear the general one: on these constant fields both give
    // the same colours.
    const colours = async (ids: string[], resampling = 'nearest') => {
      const { data } = await tilePixels(await register(ids), `?rescale=0,255&resampling=${resampling}`);
      const found = new Set<string>();
      for (let p = 0; p < data.length; p += 4) found.add(Array.from(data.subarray(p, p + 4)).join(','));
      return [...found].sort();
    };
    for (const resampling of ['nearest', 'bilinear']) {
      expect(await colours(['rgb-half', 'full'], resampling)).toEqual(['10,20,30,255', '200,0,0,255']);
      expect(await colours(['half', 'rgb-full'], resampling)).toEqual(['10,10,10,255', '100,100,100,255']);
    }
  });

  it('gives the pixel history of a point across the items, in sort order', async () => {
    const id = await register(['full', 'half']);
    const [lon, lat] = proj4('EPSG:2975', 'EPSG:4326', [340005, 7659995]);
    const response = await app.inject(`/api/mosaics/${id}/point?lon=${lon}&lat=${lat}`);
    expect(response.statusCode).toBe(200);
    expect(
      response
        .json()
        .properties.series.map((entry: { id: string; values: { data: number[] } }) => [
          entry.id,
          entry.values.data,
        ]),
    ).toEqual([
      ['full', [200]],
      ['half', [100]],
    ]);
  });

  it('answers an unknown mosaic with 404', async () => {
    const response = await app.inject(
      '/api/mosaics/0123456789abcdef01234567/tiles/WebMercatorQuad/16/0/0.png',
    );
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('RASTER_ASSET_NOT_FOUND');
  });
});
