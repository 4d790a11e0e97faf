import { describe, expect, it } from 'vitest';
import { keysCubic, resample, type SourcePixels } from '../../../src/raster/warp/resample.js';
import { APPROXIMATION_TOLERANCE_PX, PixelLattice } from '../../../src/raster/warp/pixel-grid.js';
import {
  createTransformer,
  type CoordinateTransformer,
} from '../../../src/raster/warp/coordinate-transformer.js';
import type { GeoTransform } from '../../../src/raster/raster-types.js';

// 2×2 source: 10 20 / 30 40
const SOURCE: SourcePixels = {
  width: 2,
  height: 2,
  bands: [Uint16Array.from([10, 20, 30, 40])],
  nodata: null,
};

function at(source: SourcePixels, u: number, v: number, method: 'nearest' | 'bilinear' | 'cubic') {
  const result = resample(source, Float64Array.of(u), Float64Array.of(v), 1, 1, method);
  return result.mask[0] === 255 ? result.bands[0][0] : null;
}

describe('resample', () => {
  it.each([
    ['nearest in pixel (0,0)', 0.9, 0.2, 'nearest', 10],
    ['nearest in pixel (1,1)', 1.01, 1.99, 'nearest', 40],
    ['bilinear at a pixel centre', 0.5, 0.5, 'bilinear', 10],
    ['bilinear half-way between the four centres', 1, 1, 'bilinear', 25],
    ['bilinear a quarter across the top row', 0.75, 0.5, 'bilinear', 12.5],
    ['cubic at a pixel centre', 1.5, 0.5, 'cubic', 20],
    ['outside the source', 2, 0.5, 'nearest', null],
    ['left of the source', -0.01, 0.5, 'bilinear', null],
  ] as const)('%s', (_, u, v, method, expected) => {
    expect(at(SOURCE, u, v, method)).toBe(expected);
  });

  it('skips nodata neighbours and renormalises the weights', () => {
    const source: SourcePixels = { ...SOURCE, bands: [Uint16Array.from([10, 0, 30, 40])], nodata: 0 };
    expect(at(source, 1, 1, 'bilinear')).toBeCloseTo((10 + 30 + 40) / 3, 10);
    expect(at(source, 1.2, 0.2, 'nearest')).toBeNull();
  });

  it('keysCubic interpolates (1 at 0, 0 at other integers) and sums to 1', () => {
    expect([keysCubic(0), keysCubic(1), keysCubic(2), keysCubic(-1)]).toEqual([1, 0, 0, 0]);
    const t = 0.3;
    expect(keysCubic(t + 1) + keysCubic(t) + keysCubic(t - 1) + keysCubic(t - 2)).toBeCloseTo(1, 12);
  });
});

describe('PixelLattice (approximate transformer)', () => {
  const exactPixels = (
    target: GeoTransform,
    size: number,
    transform: CoordinateTransformer,
    level: GeoTransform,
  ) => PixelLattice.create(target, size, size, transform, 1).toPixels(level).interpolate();
  const worstError = (
    a: { xs: Float64Array; ys: Float64Array },
    b: { xs: Float64Array; ys: Float64Array },
  ) => {
    let worst = 0;
    for (let i = 0; i < a.xs.length; i++) {
      worst = Math.max(worst, Math.abs(a.xs[i] - b.xs[i]), Math.abs(a.ys[i] - b.ys[i]));
    }
    return worst;
  };

  it('with the 16-px lattice, stays within 0.01 px of the exact transform for a UTM → Web Mercator tile', () => {
    const target: GeoTransform = [6143000, 2.4, 0, -2389000, 0, -2.4];
    const level: GeoTransform = [330000, 5, 0, 7670000, 0, -5];
    const transform = createTransformer(3857, 2975);
    const lattice = PixelLattice.create(target, 256, 256, transform, 16).toPixels(level);
    expect(lattice.step).toBe(16);
    expect(worstError(lattice.interpolate(), exactPixels(target, 256, transform, level))).toBeLessThan(0.01);
  });

  it('refines the lattice until the error is within 0.125 px where the projection bends (a zoom-1 tile)', () => {
    // The north-west quarter of the world in Web Mercator, read from a 0.01° geographic raster.
    const target: GeoTransform = [-20037508.34, 20037508.34 / 256, 0, 20037508.34, 0, -20037508.34 / 256];
    const level: GeoTransform = [-180, 0.01, 0, 90, 0, -0.01];
    const transform = createTransformer(3857, 4326);
    const lattice = PixelLattice.create(target, 256, 256, transform, 16).toPixels(level);
    expect(lattice.step).toBeLessThan(16);
    expect(worstError(lattice.interpolate(), exactPixels(target, 256, transform, level))).toBeLessThanOrEqual(
      APPROXIMATION_TOLERANCE_PX,
    );
  });
});
