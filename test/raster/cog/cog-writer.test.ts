/**
 * COGs written by writeCog are checked with GDAL (live `gdalinfo -json` and `gdal_translate -of ENVI`):
 * GDAL must report LAYOUT=COG, the CRS (EPSG code), geotransform, nodata, band description/scale/offset and
 * overview sizes as written, and read back bit-identical pixels at full resolution and at every overview.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CogReader } from '../../../src/raster/cog/cog-reader.js';
import { writeCog, type CogRaster } from '../../../src/raster/cog/cog-writer.js';
import { halveBand } from '../../../src/raster/cog/overview-builder.js';
import {
  createRasterArray,
  type RasterArray,
  type RasterDataType,
} from '../../../src/raster/raster-types.js';
import { FileByteSource } from '../../../src/raster/source/file-byte-source.js';
import { describeWithGdal, gdalInfo, gdalReadRaw } from '../support/gdal-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fournaise-cog-writer-'));

/** A deterministic raster with structure (gradients plus a checker) and a few nodata pixels. */
function syntheticRaster(
  dataType: RasterDataType,
  bandCount: number,
  width: number,
  height: number,
  nodata: number | null,
): RasterArray[] {
  return Array.from({ length: bandCount }, (_, band) => {
    const array = createRasterArray(dataType, width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const base = (x * 3 + y * 2 + band * 17 + ((x >> 4) ^ (y >> 4)) * 5) % 200;
        array[y * width + x] = dataType.startsWith('float')
          ? base / 7 - 3.25
          : dataType.startsWith('int')
            ? base - 100
            : base;
      }
    }
    if (nodata !== null) for (let i = 0; i < array.length; i += 997) array[i] = nodata;
    return array;
  });
}

interface Case {
  name: string;
  dataType: RasterDataType;
  bands: number;
  epsg: number;
  nodata: number | null;
  geoTransform: CogRaster['geoTransform'];
  blockSize: 256 | 512;
}

const CASES: Case[] = [
  {
    name: 'uint8 RGB in EPSG:3857',
    dataType: 'uint8',
    bands: 3,
    epsg: 3857,
    nodata: null,
    geoTransform: [6143000, 2.5, 0, -2389000, 0, -2.5],
    blockSize: 256,
  },
  {
    name: 'int16 DEM in EPSG:2975 (RGR92 / UTM 40S)',
    dataType: 'int16',
    bands: 1,
    epsg: 2975,
    nodata: -9999,
    geoTransform: [340000, 5, 0, 7660000, 0, -5],
    blockSize: 256,
  },
  {
    name: 'uint16 4-band in EPSG:32740',
    dataType: 'uint16',
    bands: 4,
    epsg: 32740,
    nodata: 0,
    geoTransform: [300000, 10, 0, 7700000, 0, -10],
    blockSize: 512,
  },
  {
    name: 'float32 in EPSG:4326',
    dataType: 'float32',
    bands: 2,
    epsg: 4326,
    nodata: -9999,
    geoTransform: [55.2, 0.0005, 0, -20.85, 0, -0.0005],
    blockSize: 256,
  },
  {
    name: 'float64 NaN nodata in EPSG:2154',
    dataType: 'float64',
    bands: 1,
    epsg: 2154,
    nodata: NaN,
    geoTransform: [650000, 20, 0, 6860000, 0, -20],
    blockSize: 256,
  },
  {
    name: 'int32 in EPSG:4627 (RGR92 geographic)',
    dataType: 'int32',
    bands: 1,
    epsg: 4627,
    nodata: null,
    geoTransform: [55.2, 0.001, 0, -20.85, 0, -0.001],
    blockSize: 256,
  },
];

function bytesOf(array: RasterArray): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

describeWithGdal('writeCog output read by GDAL', () => {
  it.each(CASES)('$name', async (testCase) => {
    const width = 700;
    const height = 600;
    const bands = syntheticRaster(testCase.dataType, testCase.bands, width, height, testCase.nodata);
    const bandInfo = bands.map((_, i) => ({
      description: `band-${i + 1}`,
      scale: i === 0 ? 0.0001 : 1,
      offset: i === 0 ? -0.1 : 0,
    }));
    const raster: CogRaster = {
      width,
      height,
      dataType: testCase.dataType,
      bands,
      geoTransform: testCase.geoTransform,
      epsg: testCase.epsg,
      nodata: testCase.nodata,
      bandInfo,
    };
    const path = join(dir, `${testCase.dataType}-${testCase.epsg}.tif`);
    writeFileSync(path, writeCog(raster, { blockSize: testCase.blockSize }));

    const info = gdalInfo(path);
    expect(info.metadata?.IMAGE_STRUCTURE?.LAYOUT).toBe('COG');
    expect(info.metadata?.IMAGE_STRUCTURE?.COMPRESSION).toBe('DEFLATE');
    expect(info.metadata?.IMAGE_STRUCTURE?.PREDICTOR).toBe(testCase.dataType.startsWith('float') ? '3' : '2');
    expect(info.size).toEqual([width, height]);
    expect(info.geoTransform).toEqual(testCase.geoTransform);
    expect(info.coordinateSystem?.wkt).toMatch(new RegExp(`ID\\["EPSG",${testCase.epsg}\\]\\]$`));
    expect(info.bands).toHaveLength(testCase.bands);
    const noData = info.bands[0].noDataValue;
    if (testCase.nodata === null) expect(noData).toBeUndefined();
    else if (Number.isNaN(testCase.nodata)) expect(noData).toBe('NaN');
    else expect(noData).toBe(testCase.nodata);
    info.bands.forEach((band, i) => {
      expect(band.block).toEqual([testCase.blockSize, testCase.blockSize]);
      expect(band.description).toBe(`band-${i + 1}`);
      expect(band.scale ?? 1).toBe(bandInfo[i].scale);
      expect(band.offset ?? 0).toBe(bandInfo[i].offset);
    });

    // Overview sizes as GDAL would make them: halve (rounding up) until the image fits one tile.
    const expectedOverviews: [number, number][] = [];
    for (let w = width, h = height; w > testCase.blockSize || h > testCase.blockSize;) {
      w = Math.ceil(w / 2);
      h = Math.ceil(h / 2);
      expectedOverviews.push([w, h]);
    }
    expect(info.bands[0].overviews?.map((overview) => overview.size) ?? []).toEqual(expectedOverviews);

    const bytesPerSample = bands[0].BYTES_PER_ELEMENT;
    const full = gdalReadRaw(
      path,
      { x: 0, y: 0, width, height },
      { bandCount: testCase.bands, bytesPerSample },
    );
    bands.forEach((band, i) => expect(Buffer.compare(full[i], bytesOf(band)), `band ${i + 1}`).toBe(0));

    let level = bands;
    let [w, h] = [width, height];
    for (let overview = 0; overview < expectedOverviews.length; overview++) {
      level = level.map((band) => halveBand(band, w, h, testCase.dataType, testCase.nodata, 'average'));
      [w, h] = expectedOverviews[overview];
      const read = gdalReadRaw(
        path,
        { x: 0, y: 0, width: w, height: h },
        { overview, bandCount: testCase.bands, bytesPerSample },
      );
      level.forEach((band, i) =>
        expect(Buffer.compare(read[i], bytesOf(band)), `overview ${overview} band ${i + 1}`).toBe(0),
      );
    }

    const reader = await CogReader.open(new FileByteSource(path));
    expect(reader.info.epsg).toBe(testCase.epsg);
    expect(reader.info.bands.map((band) => band.description)).toEqual(
      bandInfo.map((band) => band.description),
    );
    const back = await reader.readWindow({ x: 0, y: 0, width, height });
    back.bands.forEach((band, i) => expect(Buffer.compare(bytesOf(band), bytesOf(bands[i]))).toBe(0));
    await reader.close();
  });

  it('writes RGB photometric and dataset metadata that GDAL reports', () => {
    const bands = syntheticRaster('uint8', 3, 300, 200, null);
    const path = join(dir, 'rgb.tif');
    writeFileSync(
      path,
      writeCog(
        {
          width: 300,
          height: 200,
          dataType: 'uint8',
          bands,
          geoTransform: [0, 1, 0, 0, 0, -1],
          epsg: 3857,
          photometric: 'rgb',
          metadata: { SYNTHETIC: 'yes', SAND_VOLUME_M3: '1250.5' },
        },
        { blockSize: 256 },
      ),
    );
    const info = gdalInfo(path);
    expect(info.bands.map((band) => band.colorInterpretation)).toEqual(['Red', 'Green', 'Blue']);
    expect(info.metadata?.['']).toMatchObject({ SYNTHETIC: 'yes', SAND_VOLUME_M3: '1250.5' });
    expect(info.metadata?.IMAGE_STRUCTURE?.LAYOUT).toBe('COG');
  });
});

describe('writeCog input checks', () => {
  const good: CogRaster = {
    width: 4,
    height: 2,
    dataType: 'uint8',
    bands: [new Uint8Array(8)],
    geoTransform: [0, 1, 0, 0, 0, -1],
    epsg: 4326,
  };
  it.each([
    ['a band of the wrong length', { bands: [new Uint8Array(7)] }, /band 1 has 7 samples, expected 8/],
    ['a rotated transform', { geoTransform: [0, 1, 0.1, 0, 0, -1] }, /north-up/],
    ['an empty size', { width: 0 }, /must be positive integers/],
    ['an unknown EPSG code', { epsg: 99999 }, /EPSG:99999 is not in the CRS registry/],
    ['RGB with one band', { photometric: 'rgb' }, /photometric rgb needs 3 or 4 uint8 bands/],
  ] as const)('rejects %s', (_, change, message) => {
    expect(() => writeCog({ ...good, ...change } as CogRaster)).toThrow(message);
  });
});

describe('halveBand', () => {
  it('averages 2×2 cells ignoring nodata, rounding integers, and repeats edge pixels of odd sizes', () => {
    // 3×2 image: cells [1,2,4,5] and the edge column [3,6]
    const band = Uint16Array.from([1, 2, 3, 4, 5, 6]);
    expect(Array.from(halveBand(band, 3, 2, 'uint16', null, 'average'))).toEqual([3, 5]);
    expect(Array.from(halveBand(Uint16Array.from([0, 0, 0, 8]), 2, 2, 'uint16', 0, 'average'))).toEqual([8]);
    expect(Array.from(halveBand(Uint16Array.from([0, 0, 0, 0]), 2, 2, 'uint16', 0, 'average'))).toEqual([0]);
    expect(Array.from(halveBand(Float32Array.from([1, 2, NaN, 4]), 2, 2, 'float32', NaN, 'average'))).toEqual(
      [Math.fround(7 / 3)],
    );
    expect(Array.from(halveBand(band, 3, 2, 'uint16', null, 'nearest'))).toEqual([5, 6]);
  });
});
