/**
 * Tiles rendered by readTile are compared with `gdalwarp` run live on the same tile extent and size
 * (-te/-ts, float32 output, GDAL's default 0.125-px approximate transformer), for a real Sentinel-2 band
 * (openlayers-sentinel-b04.tif: EPSG:32636, 10 m, uint16 values 476…4316, nodata 0).
 *
 * Tolerances, per tile:
 * - nearest: validity masks agree on ≥ 99.9 % of pixels and values are identical on ≥ 99 % of the pixels
 *   valid in both (the others have their centre within a fraction of a pixel from a source pixel edge, where
 *   both approximate transformers may pick the neighbour);
 * - bilinear and cubic, upsampling (z14–15): mean |Δ| ≤ 0.5 and 99th percentile |Δ| ≤ 5 (0.1 % of the range);
 * - bilinear and cubic, downsampling (z12, kernel widened by the scale): mean |Δ| ≤ 10 (0.3 % of the range).
 */
import { join } from 'node:path';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { CogReader } from '../../../src/raster/cog/cog-reader.js';
import { FileByteSource } from '../../../src/raster/source/file-byte-source.js';
import {
  assertTileInRange,
  tileBounds,
  WEB_MERCATOR_QUAD,
  WORLD_CRS84_QUAD,
  type TileMatrixSet,
} from '../../../src/raster/tiles/tile-matrix-set.js';
import { readTile, readTileNearest } from '../../../src/raster/tiles/tile-reader.js';
import { resolveCrs } from '../../../src/raster/warp/crs-registry.js';
import { sampleNearest, type ResamplingMethod } from '../../../src/raster/warp/resample.js';
import { describeWithGdal, gdalWarpFloat } from '../support/gdal-cli.js';

const FILE = join(import.meta.dirname, '../../fixtures/cog/openlayers-sentinel-b04.tif');

/** The tile of `set` at zoom z containing a lon/lat point. */
function tileAt(set: TileMatrixSet, z: number, lon: number, lat: number) {
  if (set === WEB_MERCATOR_QUAD) {
    const [x, y] = proj4('EPSG:4326', 'EPSG:3857', [lon, lat]);
    const size = (set.resolution0 * set.tileSize) / 2 ** z;
    return { z, x: Math.floor((x - set.origin[0]) / size), y: Math.floor((set.origin[1] - y) / size) };
  }
  const size = 180 / 2 ** z;
  return { z, x: Math.floor((lon + 180) / size), y: Math.floor((90 - lat) / size) };
}

function compare(ours: { bands: Float64Array[]; mask: Uint8Array }, gdal: Float32Array) {
  let maskAgreement = 0;
  const diffs: number[] = [];
  for (let p = 0; p < gdal.length; p++) {
    const isGdalValid = gdal[p] !== -9999;
    const isOurValid = ours.mask[p] === 255;
    if (isGdalValid === isOurValid) maskAgreement++;
    if (isGdalValid && isOurValid) diffs.push(Math.abs(gdal[p] - ours.bands[0][p]));
  }
  diffs.sort((a, b) => a - b);
  return {
    maskAgreement: maskAgreement / gdal.length,
    identical: diffs.filter((d) => d === 0).length / diffs.length,
    mean: diffs.reduce((sum, d) => sum + d, 0) / diffs.length,
    p99: diffs[Math.floor(diffs.length * 0.99)],
    validCount: diffs.length,
  };
}

describeWithGdal('readTile matches gdalwarp on the same tile', () => {
  let reader: CogReader;
  let lonLat: [number, number];
  beforeAll(async () => {
    reader = await CogReader.open(new FileByteSource(FILE));
    const { geoTransform, width, height } = reader.info;
    resolveCrs(reader.info.epsg!);
    const point = [
      geoTransform[0] + geoTransform[1] * width * 0.4,
      geoTransform[3] + geoTransform[5] * height * 0.6,
    ];
    lonLat = proj4(`EPSG:${reader.info.epsg}`, 'EPSG:4326', point) as [number, number];
  });

  const cases: [TileMatrixSet, number, ResamplingMethod][] = [
    [WEB_MERCATOR_QUAD, 14, 'nearest'],
    [WEB_MERCATOR_QUAD, 15, 'nearest'],
    [WEB_MERCATOR_QUAD, 12, 'nearest'],
    [WORLD_CRS84_QUAD, 13, 'nearest'],
    [WEB_MERCATOR_QUAD, 15, 'bilinear'],
    [WEB_MERCATOR_QUAD, 14, 'cubic'],
    [WORLD_CRS84_QUAD, 14, 'bilinear'],
    [WORLD_CRS84_QUAD, 15, 'cubic'],
    [WEB_MERCATOR_QUAD, 12, 'bilinear'],
    [WORLD_CRS84_QUAD, 12, 'cubic'],
  ];
  it.each(cases.map(([set, z, method]) => [set.id, z, method, set] as const))(
    '%s z%i %s',
    async (_, z, method, set) => {
      const tile = tileAt(set, z, ...lonLat);
      const ours = await readTile(reader, set, tile, { resampling: method });
      const [gdal] = gdalWarpFloat(FILE, {
        epsg: set.epsg,
        bounds: tileBounds(set, tile),
        size: 256,
        method: method === 'nearest' ? 'near' : method,
        bandCount: 1,
      });
      const result = compare(ours, gdal);
      expect(result.validCount).toBeGreaterThan(5000);
      expect(result.maskAgreement).toBeGreaterThanOrEqual(0.999);
      if (method === 'nearest') expect(result.identical).toBeGreaterThanOrEqual(0.99);
      else if (z >= 14) {
        expect(result.mean).toBeLessThanOrEqual(0.5);
        expect(result.p99).toBeLessThanOrEqual(5);
      } else expect(result.mean).toBeLessThanOrEqual(10);
    },
  );

  it('nearest tiles read an overview up to 1.2× coarser than the output, pixel for pixel as gdalwarp on it', async () => {
    // rio-tiler-cog_cmap.tif: EPSG:3857, 1.194 m, overviews ×2…×32. A 280-px z15 tile needs 4.37 m: the
    // ×4 overview (4.78 m, 1.09× coarser) is read instead of the ×2 one, as GDAL's RasterIO would.
    const cmap = join(import.meta.dirname, '../../fixtures/cog/rio-tiler-cog_cmap.tif');
    const cmapReader = await CogReader.open(new FileByteSource(cmap));
    const [x0, a, , y0, , e] = cmapReader.info.geoTransform;
    const centre = proj4('EPSG:3857', 'EPSG:4326', [
      x0 + (a * cmapReader.info.width) / 2,
      y0 + (e * cmapReader.info.height) / 2,
    ]) as [number, number];
    const tile = tileAt(WEB_MERCATOR_QUAD, 15, ...centre);
    const ours = await readTile(cmapReader, WEB_MERCATOR_QUAD, tile, { size: 280 });
    expect(ours.level).toBe(2);
    const [gdal] = gdalWarpFloat(cmap, {
      epsg: 3857,
      bounds: tileBounds(WEB_MERCATOR_QUAD, tile),
      size: 280,
      method: 'near',
      bandCount: 1,
      // GDAL numbers overviews from 0: the ×4 overview is its overview 1.
      extraArgs: ['-ovr', '1'],
    });
    const result = compare(ours, gdal);
    expect(result.validCount).toBeGreaterThan(5000);
    expect(result.maskAgreement).toBeGreaterThanOrEqual(0.999);
    expect(result.identical).toBeGreaterThanOrEqual(0.99);
    await cmapReader.close();
  });

  it('children tiles line up with their parent rendered at twice the size (no seams, no shift)', async () => {
    const parent = tileAt(WEB_MERCATOR_QUAD, 14, ...lonLat);
    const big = await readTile(reader, WEB_MERCATOR_QUAD, parent, { size: 512 });
    let same = 0;
    for (const [dx, dy] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ]) {
      const child = await readTile(reader, WEB_MERCATOR_QUAD, {
        z: 15,
        x: parent.x * 2 + dx,
        y: parent.y * 2 + dy,
      });
      for (let row = 0; row < 256; row++) {
        for (let column = 0; column < 256; column++) {
          const inBig = (dy * 256 + row) * 512 + dx * 256 + column;
          if (big.bands[0][inBig] === child.bands[0][row * 256 + column]) same++;
        }
      }
    }
    expect(same / (512 * 512)).toBeGreaterThanOrEqual(0.995);
  });

  it('returns an empty tile without reading when the tile misses the raster', async () => {
    const tile = await readTile(reader, WEB_MERCATOR_QUAD, { z: 10, x: 0, y: 0 });
    expect(tile.level).toBe(-1);
    expect(tile.mask.every((value) => value === 0)).toBe(true);
  });
});

describe('tile matrix sets', () => {
  it('WebMercatorQuad zoom 0 is one tile covering ±20037508.34 m', () => {
    expect(tileBounds(WEB_MERCATOR_QUAD, { z: 0, x: 0, y: 0 })).toEqual([
      -20037508.342789244, -20037508.342789244, 20037508.342789244, 20037508.342789244,
    ]);
  });
  it('WorldCRS84Quad zoom 0 is two tiles, west and east', () => {
    expect(tileBounds(WORLD_CRS84_QUAD, { z: 0, x: 0, y: 0 })).toEqual([-180, -90, 0, 90]);
    expect(tileBounds(WORLD_CRS84_QUAD, { z: 0, x: 1, y: 0 })).toEqual([0, -90, 180, 90]);
  });
  it.each([
    [{ z: 25, x: 0, y: 0 }, /zoom 25 is out of range 0…24/],
    [{ z: 2, x: 4, y: 0 }, /column x=4 is out of range 0…3 at zoom 2/],
    [{ z: 2, x: 0, y: -1 }, /row y=-1 is out of range 0…3/],
  ])('rejects %o', (tile, message) => {
    expect(() => assertTileInRange(WEB_MERCATOR_QUAD, tile)).toThrow(message);
  });
});

describe('readTileNearest', () => {
  it('gives the samples of readTile with nearest resampling, at every zoom and for a tile off the raster', async () => {
    const reader = await CogReader.open(new FileByteSource(FILE));
    const { geoTransform, width, height, epsg } = reader.info;
    resolveCrs(epsg!);
    const centre = [
      geoTransform[0] + (geoTransform[1] * width) / 2,
      geoTransform[3] + (geoTransform[5] * height) / 2,
    ];
    const [lon, lat] = proj4(`EPSG:${epsg}`, 'EPSG:4326', centre);
    const tiles = [9, 11, 13, 15].map((z) => tileAt(WEB_MERCATOR_QUAD, z, lon, lat));
    for (const tile of [...tiles, { z: 10, x: 0, y: 0 }]) {
      const copied = await readTile(reader, WEB_MERCATOR_QUAD, tile, { resampling: 'nearest' });
      const samples = await readTileNearest(reader, WEB_MERCATOR_QUAD, tile);
      expect(samples.level).toBe(copied.level);
      const { bands, mask } = sampleNearest(samples.source, samples.indices, samples.width, samples.height);
      expect(mask).toEqual(copied.mask);
      expect(bands).toEqual(copied.bands);
    }
  });
});
