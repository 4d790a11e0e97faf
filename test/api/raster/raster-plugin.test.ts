/**
 * The raster plugin in a tiny Fastify app (no catalogue: items are given by a map), exercised with inject().
 * Pixel checks decode the PNG/WebP answers and compare them with the engine's own tile values, so the HTTP
 * layer is shown to add nothing and lose nothing.
 */
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
import { CogReader } from '../../../src/raster/cog/cog-reader.js';
import { writeCog } from '../../../src/raster/cog/cog-writer.js';
import { FileByteSource } from '../../../src/raster/source/file-byte-source.js';
import { WEB_MERCATOR_QUAD } from '../../../src/raster/tiles/tile-matrix-set.js';
import { readTile } from '../../../src/raster/tiles/tile-reader.js';
import { resolveCrs } from '../../../src/raster/warp/crs-registry.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/cog');
const scratch = mkdtempSync(join(tmpdir(), 'fournaise-raster-api-'));

function item(id: string, assets: StacItem['assets'], extra: Partial<StacItem> = {}): StacItem {
  return {
    type: 'Feature',
    stac_version: '1.1.0',
    id,
    geometry: null,
    properties: { datetime: null },
    links: [],
    assets,
    ...extra,
  };
}

/** The Web Mercator tile at zoom z containing a point of a raster given in its own CRS. */
function tileContaining(epsg: number, x: number, y: number, z: number) {
  resolveCrs(epsg);
  const [mx, my] = proj4(`EPSG:${epsg}`, 'EPSG:3857', [x, y]);
  const size = (WEB_MERCATOR_QUAD.resolution0 * 256) / 2 ** z;
  return {
    z,
    x: Math.floor((mx - WEB_MERCATOR_QUAD.origin[0]) / size),
    y: Math.floor((WEB_MERCATOR_QUAD.origin[1] - my) / size),
  };
}

async function decode(body: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(body).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('rasterPlugin', () => {
  let app: FastifyInstance;
  let sentinelTile: { z: number; x: number; y: number };
  let demTile: { z: number; x: number; y: number };

  beforeAll(async () => {
    const corrupt = join(scratch, 'corrupt.tif');
    writeFileSync(corrupt, Buffer.from('II*\0this is not really a tiff file at all'));
    const classes = new Uint8Array(300 * 300).map((_, i) => 1 + ((Math.floor(i / 300) >> 5) % 3));
    writeFileSync(
      join(scratch, 'landcover.tif'),
      writeCog(
        {
          width: 300,
          height: 300,
          dataType: 'uint8',
          bands: [classes],
          geoTransform: [340000, 10, 0, 7660000, 0, -10],
          epsg: 2975,
          nodata: 0,
        },
        { blockSize: 256, overviewResampling: 'nearest' },
      ),
    );
    const items = new Map<string, StacItem>([
      [
        's2/scene',
        item('scene', {
          B04: {
            href: 'openlayers-sentinel-b04.tif',
            type: 'image/tiff; application=geotiff',
            roles: ['data'],
          },
          B08: {
            href: 'openlayers-sentinel-b08.tif',
            type: 'image/tiff; application=geotiff',
            roles: ['data'],
          },
          thumbnail: { href: 'thumb.png', type: 'image/png', roles: ['thumbnail'] },
          broken: { href: corrupt, type: 'image/tiff' },
          missing: { href: 'no-such-file.tif', type: 'image/tiff' },
        }),
      ],
      [
        'dem/dem',
        item('dem', { dem: { href: 'openlayers-elevation-f32.tif', type: 'image/tiff', roles: ['data'] } }),
      ],
      [
        'lc/lc',
        item('lc', {
          classes: {
            href: join(scratch, 'landcover.tif'),
            type: 'image/tiff',
            'classification:classes': [
              { value: 1, name: 'forest', color_hint: '1B5E20' },
              { value: 2, name: 'lava', color_hint: '5D4037' },
              { value: 3, name: 'urban', color_hint: 'E53935' },
            ],
          },
        }),
      ],
    ]);
    app = Fastify();
    registerErrorHandling(app);
    await app.register(rasterPlugin, {
      prefix: '/api',
      getItem: async (collectionId, itemId) => items.get(`${collectionId}/${itemId}`),
      resolveAssetHref: (href) => (href.startsWith('/') ? href : join(FIXTURES, href)),
    });
    await app.ready();
    sentinelTile = tileContaining(32636, 541600, 1837000, 14);
    demTile = tileContaining(4326, 40.5, 11.5, 7);
  });
  afterAll(() => app.close());

  const tileUrl = (path: string, tile: { z: number; x: number; y: number }, ext: string, query = '') =>
    `/api/collections/${path}/tiles/WebMercatorQuad/${tile.z}/${tile.x}/${tile.y}.${ext}${query}`;

  it('serves a PNG tile whose pixels are the engine values, rescaled', async () => {
    const response = await app.inject(
      tileUrl('s2/items/scene', sentinelTile, 'png', '?assets=B04&rescale=0,4000'),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    const image = await decode(response.rawPayload);
    expect([image.width, image.height]).toEqual([256, 256]);
    const reader = await CogReader.open(new FileByteSource(join(FIXTURES, 'openlayers-sentinel-b04.tif')));
    const tile = await readTile(reader, WEB_MERCATOR_QUAD, sentinelTile);
    for (const p of [0, 1000, 32896, 65535]) {
      const expected = tile.mask[p] ? Math.round(Math.min(255, (tile.bands[0][p] * 255) / 4000)) : 0;
      expect(image.data[p * 4], `pixel ${p}`).toBe(expected);
      expect(image.data[p * 4 + 3]).toBe(tile.mask[p]);
    }
  });

  it('tags tiles (ETag per request and item) and answers 304 to a matching If-None-Match', async () => {
    const url = tileUrl('s2/items/scene', sentinelTile, 'png', '?assets=B04&rescale=0,4000');
    const first = await app.inject(url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=3600');
    const again = await app.inject({ url, headers: { 'if-none-match': `W/${etag}` } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const other = await app.inject(
      tileUrl('s2/items/scene', sentinelTile, 'png', '?assets=B04&rescale=0,3000'),
    );
    expect(other.headers.etag).not.toBe(etag);
  });

  it('serves the same pixels as lossless WebP', async () => {
    const png = await app.inject(
      tileUrl('s2/items/scene', sentinelTile, 'png', '?assets=B04&rescale=0,4000'),
    );
    const webp = await app.inject(
      tileUrl('s2/items/scene', sentinelTile, 'webp', '?assets=B04&rescale=0,4000'),
    );
    expect(webp.headers['content-type']).toBe('image/webp');
    expect((await decode(webp.rawPayload)).data.equals((await decode(png.rawPayload)).data)).toBe(true);
  });

  it('computes NDVI from two assets with an expression and colours it', async () => {
    const query = `?assets=B04,B08&expression=${encodeURIComponent('(b2-b1)/(b2+b1)')}&rescale=-1,1&colormap_name=greys`;
    const response = await app.inject(tileUrl('s2/items/scene', sentinelTile, 'png', query));
    expect(response.statusCode).toBe(200);
    const image = await decode(response.rawPayload);
    const open = async (name: string) =>
      readTile(
        await CogReader.open(new FileByteSource(join(FIXTURES, name))),
        WEB_MERCATOR_QUAD,
        sentinelTile,
      );
    const [red, nir] = [await open('openlayers-sentinel-b04.tif'), await open('openlayers-sentinel-b08.tif')];
    const p = 128 * 256 + 128;
    const ndvi = (nir.bands[0][p] - red.bands[0][p]) / (nir.bands[0][p] + red.bands[0][p]);
    expect(image.data[p * 4]).toBe(Math.round(((ndvi + 1) * 255) / 2));
    const named = await app.inject(
      tileUrl(
        's2/items/scene',
        sentinelTile,
        'png',
        `?assets=B04,B08&expression=${encodeURIComponent('(B08-B04)/(B08+B04)')}&rescale=-1,1&colormap_name=greys`,
      ),
    );
    expect((await decode(named.rawPayload)).data.equals(image.data)).toBe(true);
  });

  it.each([
    ['when asked', '?colormap_name=classification'],
    ['by default, a classified band having no other colormap', ''],
  ])('draws classification classes with their colour hints %s', async (_, query) => {
    const tile = tileContaining(2975, 341000, 7659000, 13);
    const response = await app.inject(tileUrl('lc/items/lc', tile, 'png', query));
    expect(response.statusCode).toBe(200);
    const image = await decode(response.rawPayload);
    const colours = new Set<string>();
    for (let p = 0; p < image.width * image.height; p++) {
      if (image.data[p * 4 + 3] === 255) colours.add(image.data.subarray(p * 4, p * 4 + 3).toString('hex'));
    }
    expect([...colours].sort()).toEqual(['1b5e20', '5d4037', 'e53935']);
  });

  it('draws a classified band in grey levels when another colormap is asked for', async () => {
    const tile = tileContaining(2975, 341000, 7659000, 13);
    const response = await app.inject(
      tileUrl('lc/items/lc', tile, 'png', '?colormap_name=greys&rescale=0,3'),
    );
    expect(response.statusCode).toBe(200);
    const image = await decode(response.rawPayload);
    for (let p = 0; p < image.width * image.height; p++) {
      if (image.data[p * 4 + 3] === 255) expect(image.data[p * 4]).toBe(image.data[p * 4 + 1]);
    }
  });

  it('renders a hillshade and a terrain-coloured DEM', async () => {
    const shaded = await app.inject(tileUrl('dem/items/dem', demTile, 'png', '?algorithm=hillshade'));
    expect(shaded.statusCode).toBe(200);
    const image = await decode(shaded.rawPayload);
    const greys = new Set<number>();
    for (let p = 0; p < 65536; p++) if (image.data[p * 4 + 3]) greys.add(image.data[p * 4]);
    expect(greys.size).toBeGreaterThan(50);
    const terrain = await app.inject(
      tileUrl('dem/items/dem', demTile, 'png', '?colormap_name=terrain&rescale=0,3000'),
    );
    expect(terrain.statusCode).toBe(200);
  });

  it('returns a transparent tile where the raster has no data', async () => {
    const response = await app.inject(tileUrl('s2/items/scene', { z: 14, x: 0, y: 0 }, 'png', '?assets=B04'));
    expect(response.statusCode).toBe(200);
    const image = await decode(response.rawPayload);
    expect(image.data.every((value, i) => i % 4 !== 3 || value === 0)).toBe(true);
  });

  it('describes a layer with TileJSON 3.0.0, keeping the style parameters in the tile URL', async () => {
    const response = await app.inject(
      '/api/collections/s2/items/scene/tiles/WebMercatorQuad/tilejson.json?assets=B04&rescale=0,4000',
    );
    expect(response.statusCode).toBe(200);
    const tileJson = response.json();
    expect(tileJson.tilejson).toBe('3.0.0');
    expect(tileJson.tiles[0]).toMatch(
      /\/api\/collections\/s2\/items\/scene\/tiles\/WebMercatorQuad\/\{z\}\/\{x\}\/\{y\}\.png\?assets=B04&rescale=0,4000$/,
    );
    expect(tileJson.maxzoom).toBe(14);
    expect(tileJson.minzoom).toBeLessThanOrEqual(tileJson.maxzoom);
    expect(tileJson.bounds[0]).toBeCloseTo(33.37, 1);
  });

  it('renders a preview in the asset CRS, at most max_size pixels on its longer side', async () => {
    const response = await app.inject(
      '/api/collections/dem/items/dem/preview.png?max_size=200&colormap_name=terrain&rescale=0,3000',
    );
    expect(response.statusCode).toBe(200);
    const image = await decode(response.rawPayload);
    expect([image.width, image.height]).toEqual([200, Math.round((241 * 200) / 438)]);
    const webp = await app.inject('/api/collections/s2/items/scene/preview.webp?assets=B04');
    expect(webp.statusCode).toBe(200);
    expect((await decode(webp.rawPayload)).width).toBe(393);
    expect((await app.inject('/api/collections/dem/items/dem/preview.png?max_size=9')).statusCode).toBe(400);
  });

  it('reports raster info per GeoTIFF asset', async () => {
    const response = await app.inject('/api/collections/dem/items/dem/raster/info');
    expect(response.statusCode).toBe(200);
    expect(response.json().dem).toMatchObject({
      width: 438,
      height: 241,
      dataType: 'float32',
      epsg: 4326,
      nodata: 'nan',
    });
  });

  it('answers point values per asset, null for nodata', async () => {
    const inside = await app.inject('/api/collections/dem/items/dem/raster/point?lon=40.02&lat=12.5');
    expect(inside.statusCode).toBe(200);
    const reader = await CogReader.open(new FileByteSource(join(FIXTURES, 'openlayers-elevation-f32.tif')));
    const [x0, a, , y0, , e] = reader.info.geoTransform;
    const block = await reader.readWindow({
      x: Math.floor((40.02 - x0) / a),
      y: Math.floor((12.5 - y0) / e),
      width: 1,
      height: 1,
    });
    expect(inside.json().properties.values.dem).toEqual([block.bands[0][0]]);
    const bad = await app.inject('/api/collections/dem/items/dem/raster/point?lon=200&lat=0');
    expect(bad.statusCode).toBe(400);
  });

  it('computes zonal statistics over a posted polygon, with class areas for categorical rasters', async () => {
    resolveCrs(2975);
    const ring = [
      [340500, 7659500],
      [342500, 7659500],
      [342500, 7657500],
      [340500, 7657500],
      [340500, 7659500],
    ].map((p) => proj4('EPSG:2975', 'EPSG:4326', p));
    const response = await app.inject({
      method: 'POST',
      url: '/api/collections/lc/items/lc/raster/statistics?categorical=true',
      payload: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } },
    });
    expect(response.statusCode).toBe(200);
    const stats = response.json().properties.statistics.classes[0];
    expect(stats.count).toBe(200 * 200);
    const areas = Object.values(stats.classes as Record<string, { area: number }>).reduce(
      (sum, c) => sum + c.area,
      0,
    );
    expect(areas).toBeCloseTo(2000 * 2000, 6);
    const notPolygon = await app.inject({
      method: 'POST',
      url: '/api/collections/lc/items/lc/raster/statistics',
      payload: { type: 'Point', coordinates: [0, 0] },
    });
    expect(notPolygon.statusCode).toBe(400);
    expect(notPolygon.json().code).toBe('RASTER_INVALID_PARAMETER');
  });

  it('refuses a polygon of a million vertices without trying to read it', async () => {
    const ring = Array.from({ length: 1_000_000 }, (_, i) => [
      55.3 + Math.cos(i) * 0.01,
      -21 + Math.sin(i) * 0.01,
    ]);
    ring.push(ring[0]);
    const response = await app.inject({
      method: 'POST',
      url: '/api/collections/lc/items/lc/raster/statistics',
      payload: { type: 'Polygon', coordinates: [ring] },
    });
    expect(response.statusCode).toBe(413);
  });

  it.each([
    [
      'an unknown tile matrix set',
      's2/items/scene/tiles/Nope/1/0/0.png',
      400,
      'RASTER_INVALID_PARAMETER',
      /unknown tile matrix set "Nope"/,
    ],
    [
      'a zoom out of range',
      's2/items/scene/tiles/WebMercatorQuad/25/0/0.png',
      400,
      'RASTER_TILE_OUT_OF_RANGE',
      /zoom 25 is out of range 0…24/,
    ],
    [
      'a column out of range',
      's2/items/scene/tiles/WebMercatorQuad/2/9/0.png',
      400,
      'RASTER_TILE_OUT_OF_RANGE',
      /column x=9/,
    ],
    [
      'a band out of range',
      's2/items/scene/tiles/WebMercatorQuad/14/0/0.png?assets=B04&bidx=3',
      400,
      'RASTER_BAND_OUT_OF_RANGE',
      /band 3 does not exist: the raster has 1 band/,
    ],
    [
      'an expression that does not parse',
      `s2/items/scene/tiles/WebMercatorQuad/14/0/0.png?assets=B04&expression=${encodeURIComponent('(b1+')}`,
      400,
      'RASTER_INVALID_EXPRESSION',
      /expected a number, a band or "\(" but found the end/,
    ],
    [
      'an expression trying to run code',
      `s2/items/scene/tiles/WebMercatorQuad/14/0/0.png?assets=B04&expression=${encodeURIComponent('process.exit(1)')}`,
      400,
      'RASTER_INVALID_EXPRESSION',
      /unexpected character "\."/,
    ],
    [
      'an expression with an unknown band',
      `s2/items/scene/tiles/WebMercatorQuad/14/0/0.png?assets=B04&expression=b7`,
      400,
      'RASTER_INVALID_EXPRESSION',
      /unknown band "b7"/,
    ],
    [
      'a malformed rescale',
      's2/items/scene/tiles/WebMercatorQuad/14/0/0.png?rescale=9,1',
      400,
      'RASTER_INVALID_PARAMETER',
      /rescale "9,1" must be "min,max"/,
    ],
    [
      'an unknown colormap',
      's2/items/scene/tiles/WebMercatorQuad/14/0/0.png?colormap_name=jet',
      400,
      'RASTER_INVALID_PARAMETER',
      /unknown colormap "jet"/,
    ],
    [
      'an unknown asset',
      's2/items/scene/tiles/WebMercatorQuad/14/0/0.png?assets=B99',
      404,
      'RASTER_ASSET_NOT_FOUND',
      /has no asset "B99"/,
    ],
    [
      'an unknown item',
      's2/items/nope/tiles/WebMercatorQuad/14/0/0.png',
      404,
      'RASTER_ITEM_NOT_FOUND',
      /item "nope" not found/,
    ],
    [
      'a missing file',
      's2/items/scene/tiles/WebMercatorQuad/14/0/0.png?assets=missing',
      404,
      'RASTER_ASSET_NOT_FOUND',
      /ENOENT/,
    ],
    [
      'a corrupt TIFF',
      's2/items/scene/tiles/WebMercatorQuad/14/0/0.png?assets=broken',
      422,
      'RASTER_CORRUPT',
      /cannot read .* as GeoTIFF/,
    ],
    ['an unknown format', 's2/items/scene/tiles/WebMercatorQuad/14/0/0.gif', 400, 'API_INVALID_REQUEST', /y/],
  ])('answers %s with %i %s', async (_, path, status, code, message) => {
    const response = await app.inject(`/api/collections/${path}`);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ code, description: expect.stringMatching(message) });
  });
});
