/**
 * Every GeoTIFF fixture (test/fixtures/cog, copied from shared/testdata/cog) is read by CogReader and compared
 * with what GDAL reads from the same file, run live with `gdal_translate -of ENVI` (no stored references):
 * size, bands, data type, nodata, geotransform, EPSG code, overview count, and pixels of a full-resolution
 * window straddling block edges plus the whole coarsest overview. Pixels must be bit-identical (tolerance 0),
 * the YCbCr JPEG and WEBP files included (both are decoded by the same libjpeg-turbo / libwebp as GDAL's).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CogReader } from '../../../src/raster/cog/cog-reader.js';
import type { PixelWindow, RasterArray } from '../../../src/raster/raster-types.js';
import { FileByteSource } from '../../../src/raster/source/file-byte-source.js';
import { describeWithGdal, gdalInfo, gdalReadRaw, type GdalInfo } from '../support/gdal-cli.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/cog');
const FILES = readdirSync(FIXTURES).filter((name) => /\.tiff?$/.test(name));

function bytesOf(array: RasterArray): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function expectSamePixels(file: string, ours: RasterArray[], gdal: Uint8Array[]): void {
  expect(ours.length).toBe(gdal.length);
  ours.forEach((band, index) => {
    expect(Buffer.compare(bytesOf(band), gdal[index]), `${file} band ${index + 1}`).toBe(0);
  });
}

describeWithGdal('CogReader reads every fixture as GDAL does', () => {
  const readers = new Map<string, CogReader>();
  const infos = new Map<string, GdalInfo>();

  beforeAll(async () => {
    for (const file of FILES) {
      readers.set(file, await CogReader.open(new FileByteSource(join(FIXTURES, file))));
      infos.set(file, gdalInfo(join(FIXTURES, file)));
    }
  });
  afterAll(async () => {
    for (const reader of readers.values()) await reader.close();
  });

  it.each(FILES)('%s: metadata', (file) => {
    const { info } = readers.get(file)!;
    const gdal = infos.get(file)!;
    expect([info.width, info.height]).toEqual(gdal.size);
    expect(info.bandCount).toBe(gdal.bands.length);
    const gdalType = gdal.bands[0].type.toLowerCase().replace('byte', 'uint8');
    expect(info.dataType).toBe(gdalType);
    const noData = gdal.bands[0].noDataValue;
    if (noData === undefined) expect(info.nodata).toBeNull();
    else expect(info.nodata).toEqual(Number(noData));
    const transform = gdal.geoTransform ?? [0, 1, 0, 0, 0, 1];
    info.geoTransform.forEach((value, i) => expect(value).toBeCloseTo(transform[i], 6));
    const epsg = /ID\["EPSG",(\d+)\]\]\s*$/.exec(gdal.coordinateSystem?.wkt ?? '');
    if (epsg) expect(info.epsg).toBe(Number(epsg[1]));
    expect(info.levels.length - 1).toBe(gdal.bands[0].overviews?.length ?? 0);
    info.levels.slice(1).forEach((level, i) => {
      expect([level.width, level.height]).toEqual(gdal.bands[0].overviews![i].size);
    });
    info.bands.forEach((band, i) => {
      expect(band.scale).toBe(gdal.bands[i].scale ?? 1);
      expect(band.offset).toBe(gdal.bands[i].offset ?? 0);
    });
  });

  it.each(FILES)('%s: full-resolution window across block edges', async (file) => {
    const reader = readers.get(file)!;
    const { info } = reader;
    const width = Math.min(info.width, 300);
    const height = Math.min(info.height, 300);
    const window: PixelWindow = {
      x: Math.floor((info.width - width) / 2),
      y: Math.floor((info.height - height) / 2),
      width,
      height,
    };
    const block = await reader.readWindow(window);
    const bytesPerSample = block.bands[0].BYTES_PER_ELEMENT;
    const gdal = gdalReadRaw(join(FIXTURES, file), window, { bandCount: info.bandCount, bytesPerSample });
    expectSamePixels(file, block.bands, gdal);
  });

  it.each(FILES.filter((file) => !['cogeotiff-big.endian.tiff'].includes(file)))(
    '%s: coarsest level, whole',
    async (file) => {
      const reader = readers.get(file)!;
      const level = reader.info.levels.length - 1;
      const { width, height } = reader.info.levels[level];
      const window = { x: 0, y: 0, width, height };
      const block = await reader.readWindow(window, { level });
      const gdal = gdalReadRaw(join(FIXTURES, file), window, {
        overview: level > 0 ? level - 1 : undefined,
        bandCount: reader.info.bandCount,
        bytesPerSample: block.bands[0].BYTES_PER_ELEMENT,
      });
      expectSamePixels(file, block.bands, gdal);
    },
  );

  it('reads a window reaching outside the image, filling the outside with nodata', async () => {
    const reader = readers.get('openlayers-elevation-i16.tif')!;
    const block = await reader.readWindow({ x: -2, y: -1, width: 4, height: 3 });
    const gdal = gdalReadRaw(
      join(FIXTURES, 'openlayers-elevation-i16.tif'),
      { x: 0, y: 0, width: 2, height: 2 },
      {
        bandCount: 1,
        bytesPerSample: 2,
      },
    );
    const inside = new Int16Array(gdal[0].buffer, gdal[0].byteOffset, 4);
    expect(Array.from(block.bands[0])).toEqual([
      -9999,
      -9999,
      -9999,
      -9999,
      -9999,
      -9999,
      inside[0],
      inside[1],
      -9999,
      -9999,
      inside[2],
      inside[3],
    ]);
  });
});
