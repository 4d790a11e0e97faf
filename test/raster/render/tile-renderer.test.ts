/**
 * toRgba: stretching, band layouts (grey, grey + alpha, RGB, RGBA), colormaps and masked pixels; and
 * toRgbaSampled, which colours nearest-neighbour samples straight from the source, against toRgba.
 */
import { describe, expect, it } from 'vitest';
import { getColormap } from '../../../src/raster/render/colormaps.js';
import { toRgba, toRgbaSampled, type ColourOptions } from '../../../src/raster/render/tile-renderer.js';
import type { RasterArray } from '../../../src/raster/raster-types.js';
import { sampleNearest, type SourcePixels } from '../../../src/raster/warp/resample.js';
import { mulberry32 } from '../../support/mulberry32.js';

const MASK = Uint8Array.from([255, 255, 0]);
const values = (...list: number[]) => Float64Array.from(list);
const pixels = (rgba: Uint8Array) => [0, 1, 2].map((p) => Array.from(rgba.subarray(p * 4, p * 4 + 4)));

describe('toRgba', () => {
  it('stretches one band to opaque grey, rounding and clamping, masked pixels transparent', () => {
    const rgba = toRgba([values(127.5, 63.6, 7)], MASK, { rescale: [[0, 255]] });
    expect(pixels(rgba)).toEqual([
      [128, 128, 128, 255],
      [64, 64, 64, 255],
      [0, 0, 0, 0],
    ]);
    expect(pixels(toRgba([values(-5, 999, 1)], MASK, { rescale: [[0, 200]] }))[0]).toEqual([0, 0, 0, 255]);
    expect(pixels(toRgba([values(-5, 999, 1)], MASK, { rescale: [[0, 200]] }))[1]).toEqual([
      255, 255, 255, 255,
    ]);
  });

  it('uses the second band as alpha, three as RGB and four as RGBA, each with its own range', () => {
    const two = toRgba([values(0, 255, 9), values(255, 0, 9)], MASK, { rescale: [[0, 255]] });
    expect(pixels(two).slice(0, 2)).toEqual([
      [0, 0, 0, 255],
      [255, 255, 255, 0],
    ]);
    const rgb = toRgba([values(10, 0, 0), values(20, 0, 0), values(30, 0, 0)], MASK, {
      rescale: [
        [0, 10],
        [0, 20],
        [0, 60],
      ],
    });
    expect(pixels(rgb)[0]).toEqual([255, 255, 128, 255]);
    const rgbaBands = [values(255, 0, 0), values(0, 0, 0), values(0, 0, 0), values(51, 0, 0)];
    expect(pixels(toRgba(rgbaBands, MASK, { rescale: [[0, 255]] }))[0]).toEqual([255, 0, 0, 51]);
  });

  it('applies a continuous colormap after the stretch and a class table to raw values', () => {
    const table = new Uint8Array(256 * 4);
    table.set([1, 2, 3, 4], 255 * 4);
    expect(pixels(toRgba([values(10, 0, 0)], MASK, { rescale: [[0, 10]], colormap: table }))[0]).toEqual([
      1, 2, 3, 4,
    ]);
    const classes = new Map<number, [number, number, number, number]>([[3, [9, 8, 7, 255]]]);
    const classified = pixels(toRgba([values(3, 4, 3)], MASK, { rescale: [[0, 255]], colormap: classes }));
    expect(classified).toEqual([
      [9, 8, 7, 255],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });
});

describe('toRgbaSampled', () => {
  const random = mulberry32(11);
  /** A 20×15 source window of `bandCount` bands of class-like values 0…9, and 16×16 sample indices. */
  function samplesOf(bandCount: number, nodata: number | null, makeBand: (length: number) => RasterArray) {
    const source: SourcePixels = {
      width: 20,
      height: 15,
      bands: Array.from({ length: bandCount }, () => {
        const band = makeBand(300);
        for (let i = 0; i < band.length; i++) band[i] = Math.floor(random() * 10);
        if (nodata !== null) for (let i = 0; i < 30; i++) band[Math.floor(random() * 300)] = nodata;
        return band;
      }),
      nodata,
    };
    const indices = Int32Array.from({ length: 256 }, () =>
      random() < 0.1 ? -1 : Math.floor(random() * 300),
    );
    return { width: 16, height: 16, source, indices };
  }
  const table = getColormap('viridis');
  const classes = new Map<number, [number, number, number, number]>([
    [2, [200, 0, 0, 255]],
    [5, [0, 200, 0, 128]],
  ]);
  const cases: [string, number, number | null, (length: number) => RasterArray, ColourOptions][] = [
    ['grey, uint16, nodata 0', 1, 0, (n) => new Uint16Array(n), { rescale: [[0, 9]] }],
    ['grey + alpha, int16, no nodata', 2, null, (n) => new Int16Array(n), { rescale: [[1, 8]] }],
    ['RGB, uint8, nodata 9', 3, 9, (n) => new Uint8Array(n), { rescale: [[0, 4]] }],
    ['RGBA, float32, NaN nodata', 4, NaN, (n) => new Float32Array(n), { rescale: [[0, 9]] }],
    ['viridis, float32', 1, 3, (n) => new Float32Array(n), { rescale: [[0, 9]], colormap: table }],
    ['class table, uint8', 1, 0, (n) => new Uint8Array(n), { rescale: [[0, 255]], colormap: classes }],
  ];
  it.each(cases)('gives the pixels of toRgba over sampleNearest: %s', (_, bands, nodata, make, options) => {
    const samples = samplesOf(bands, nodata, make);
    const copied = sampleNearest(samples.source, samples.indices, 16, 16);
    const expected = toRgba(copied.bands, copied.mask, options);
    const sampled = toRgbaSampled(samples, options);
    expect(Array.from(sampled.rgba)).toEqual(Array.from(expected));
    expect(sampled.mask).toEqual(copied.mask);
    // The cases do exercise transparent and opaque pixels.
    expect(copied.mask).toContain(0);
    expect(copied.mask).toContain(255);
  });
});
