/** toRgba: stretching, band layouts (grey, grey + alpha, RGB, RGBA), colormaps and masked pixels. */
import { describe, expect, it } from 'vitest';
import { toRgba } from '../../../src/raster/render/tile-renderer.js';

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
