/**
 * Zonal statistics and point values against GDAL, on a real Sentinel-2 band (openlayers-sentinel-b04.tif,
 * EPSG:32636, 10 m, nodata 0) and a DEM with nodata (openlayers-elevation-i16.tif):
 * - the zone mask equals `gdal_rasterize`'s (pixel-centre rule, hole excluded), pixel for pixel;
 * - count, min, max are exact and mean, std, percentiles equal (1e-9 relative) those computed directly from
 *   GDAL's mask and GDAL's pixel values (numpy definitions: population std, linear percentiles);
 * - point values equal `gdallocationinfo -wgs84`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { CogReader } from '../../../src/raster/cog/cog-reader.js';
import { FileByteSource } from '../../../src/raster/source/file-byte-source.js';
import { rasterizeRings } from '../../../src/raster/stats/polygon-mask.js';
import { pointValues, toPixelRings, zonalStatistics } from '../../../src/raster/stats/zone-reader.js';
import { percentileOfSorted, summarizeBand } from '../../../src/raster/stats/zonal-statistics.js';
import { resolveCrs } from '../../../src/raster/warp/crs-registry.js';
import { describeWithGdal, gdalReadRaw, runGdal } from '../support/gdal-cli.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/cog');
const SENTINEL = join(FIXTURES, 'openlayers-sentinel-b04.tif');
const DEM = join(FIXTURES, 'openlayers-elevation-i16.tif');

describeWithGdal('zonal statistics and point values match GDAL', () => {
  let reader: CogReader;
  let zone: Polygon;
  beforeAll(async () => {
    reader = await CogReader.open(new FileByteSource(SENTINEL));
    resolveCrs(32636);
    // An irregular outer ring and a hole, given in UTM then converted to lon/lat (what clients send).
    const outer = [
      [539900, 1838700],
      [542700, 1838500],
      [543300, 1836200],
      [541200, 1835300],
      [540100, 1836900],
      [539900, 1838700],
    ];
    const hole = [
      [541000, 1837600],
      [542000, 1837600],
      [541500, 1836800],
      [541000, 1837600],
    ];
    zone = {
      type: 'Polygon',
      coordinates: [outer, hole].map((ring) => ring.map((point) => proj4('EPSG:32636', 'EPSG:4326', point))),
    };
  });

  it('uses the same pixels as gdal_rasterize and gives the same statistics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fournaise-zonal-'));
    const { width, height, geoTransform } = reader.info;
    // GDAL gets the polygon in the raster CRS, reprojected vertex by vertex as our code does.
    const utmRings = zone.coordinates.map((ring) =>
      ring.map((point) => proj4('EPSG:4326', 'EPSG:32636', point)),
    );
    const zonePath = join(dir, 'zone.geojson');
    writeFileSync(
      zonePath,
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'EPSG:32636' } },
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: utmRings } }],
      }),
    );
    const maskPath = join(dir, 'mask.img');
    const extent = [
      geoTransform[0],
      geoTransform[3] + height * geoTransform[5],
      geoTransform[0] + width * geoTransform[1],
      geoTransform[3],
    ];
    runGdal('gdal_rasterize', [
      '-q',
      '-burn',
      '1',
      '-init',
      '0',
      '-ot',
      'Byte',
      '-of',
      'ENVI',
      '-te',
      ...extent.map(String),
      '-ts',
      `${width}`,
      `${height}`,
      zonePath,
      maskPath,
    ]);
    const gdalMask = new Uint8Array(readFileSync(maskPath));

    const ourMask = rasterizeRings(toPixelRings(zone.coordinates, 32636, geoTransform), width, height);
    expect(ourMask.reduce((sum, v) => sum + v, 0)).toBeGreaterThan(30_000);
    expect(Buffer.compare(Buffer.from(ourMask), Buffer.from(gdalMask))).toBe(0);

    const [raw] = gdalReadRaw(SENTINEL, { x: 0, y: 0, width, height }, { bandCount: 1, bytesPerSample: 2 });
    const gdalValues = new Uint16Array(raw.buffer, raw.byteOffset, width * height);
    const inside = Array.from(gdalValues)
      .filter((value, i) => gdalMask[i] === 1 && value !== 0)
      .sort((a, b) => a - b);
    const mean = inside.reduce((sum, v) => sum + v, 0) / inside.length;
    const std = Math.sqrt(inside.reduce((sum, v) => sum + (v - mean) ** 2, 0) / inside.length);

    const [stats] = await zonalStatistics(reader, zone, { percentiles: [5, 50, 95] });
    expect(stats.count).toBe(inside.length);
    expect(stats.min).toBe(inside[0]);
    expect(stats.max).toBe(inside.at(-1));
    expect(stats.mean).toBeCloseTo(mean, 9);
    expect(stats.std).toBeCloseTo(std, 9);
    expect(stats.percentiles['50']).toBe(percentileOfSorted(inside, 50));
    expect(stats.histogram.counts.reduce((sum, v) => sum + v, 0)).toBe(inside.length);
  });

  it('reads point values as gdallocationinfo does, with null for nodata', async () => {
    const dem = await CogReader.open(new FileByteSource(DEM));
    for (const [lon, lat] of [
      [31.3, 16.1],
      [45.77, 8.21],
      [40.02, 12.5],
      [51.5, 6.0],
    ]) {
      const ours = await pointValues(dem, lon, lat);
      const gdal = runGdal('gdallocationinfo', ['-valonly', '-wgs84', DEM, `${lon}`, `${lat}`]).trim();
      const expected = Number(gdal) === -9999 ? null : Number(gdal);
      expect(ours.values[0], `${lon},${lat}`).toBe(expected);
    }
    expect((await pointValues(dem, 0, 0)).isInside).toBe(false);
  });
});

describe('zone checks and categorical summaries', () => {
  it('counts classes and their areas', () => {
    const stats = summarizeBand(Uint8Array.from([1, 1, 2, 3, 0]), Uint8Array.from([1, 1, 1, 0, 1]), {
      nodata: 0,
      categorical: true,
      pixelArea: 100,
    });
    expect(stats.classes).toEqual({ '1': { count: 2, area: 200 }, '2': { count: 1, area: 100 } });
    expect(stats.count).toBe(3);
  });

  it('rejects a zone with too many vertices', async () => {
    const reader = await CogReader.open(new FileByteSource(SENTINEL));
    const ring = Array.from({ length: 100_001 }, (_, i) => [
      33 + Math.cos(i) * 0.01,
      16.6 + Math.sin(i) * 0.01,
    ]);
    await expect(zonalStatistics(reader, { type: 'Polygon', coordinates: [ring] })).rejects.toThrow(
      /100001 vertices \(at most 100000\)/,
    );
    await expect(zonalStatistics(reader, { type: 'Point', coordinates: [33, 16] })).rejects.toThrow(
      /Polygon or MultiPolygon, not Point/,
    );
  });
});
