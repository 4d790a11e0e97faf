import type { RasterArray } from '../raster-types.js';

/** Resampling kernels, as GDAL's `-r near|bilinear|cubic`. */
export type ResamplingMethod = 'nearest' | 'bilinear' | 'cubic';

/** Source pixels: band-separate arrays of one window, with the nodata value. */
export interface SourcePixels {
  width: number;
  height: number;
  bands: RasterArray[];
  nodata: number | null;
}

/** Resampled pixels: float values per band and a validity mask (255 valid, 0 no data). */
export interface ResampledPixels {
  width: number;
  height: number;
  bands: Float64Array[];
  mask: Uint8Array;
}

/**
 * Samples `source` at continuous pixel positions (`us`, `vs`: pixel (i, j) covers [i, i+1) × [j, j+1), so the
 * centre of pixel i is i + 0.5). A position whose containing pixel is outside the source or nodata gives no
 * data. Bilinear (triangle) and cubic (Keys, a = −0.5, as GDAL) kernels skip nodata and outside neighbours and
 * renormalise the remaining weights, as GDAL's warper does. When downsampling, `scale` (source pixels per
 * output pixel, ≥ 1 per axis) widens the kernels as GDAL ≥ 2.0 does, so coarse tiles are smoothed, not aliased.
 * A source pixel is nodata when any band equals the nodata value. Pure: allocates its output.
 */
export function resample(
  source: SourcePixels,
  us: Float64Array,
  vs: Float64Array,
  width: number,
  height: number,
  method: ResamplingMethod,
  scale: [number, number] = [1, 1],
): ResampledPixels {
  if (method === 'nearest') return resampleNearest(source, us, vs, width, height);
  const valid = validityOf(source);
  const count = width * height;
  const bands = source.bands.map(() => new Float64Array(count));
  const mask = new Uint8Array(count);
  const sw = source.width;
  const sh = source.height;
  const kernel = method === 'cubic' ? keysCubic : triangle;
  const scaleX = Math.max(1, scale[0]);
  const scaleY = Math.max(1, scale[1]);
  const reachX = (method === 'cubic' ? 2 : 1) * scaleX;
  const reachY = (method === 'cubic' ? 2 : 1) * scaleY;
  const weightsX = new Float64Array(Math.ceil(2 * reachX) + 2);
  for (let p = 0; p < count; p++) {
    const u = us[p];
    const v = vs[p];
    if (!(u >= 0 && v >= 0 && u < sw && v < sh)) continue;
    const left = Math.max(0, Math.floor(u - reachX));
    const right = Math.min(sw - 1, Math.floor(u + reachX));
    const top = Math.max(0, Math.floor(v - reachY));
    const bottom = Math.min(sh - 1, Math.floor(v + reachY));
    for (let x = left; x <= right; x++) weightsX[x - left] = kernel((x + 0.5 - u) / scaleX);
    let total = 0;
    for (let b = 0; b < bands.length; b++) bands[b][p] = 0;
    for (let y = top; y <= bottom; y++) {
      const weightY = kernel((y + 0.5 - v) / scaleY);
      if (weightY === 0) continue;
      for (let x = left; x <= right; x++) {
        const index = y * sw + x;
        const weight = weightsX[x - left] * weightY;
        if (weight === 0 || !valid[index]) continue;
        total += weight;
        for (let b = 0; b < bands.length; b++) bands[b][p] += weight * source.bands[b][index];
      }
    }
    if (total <= 1e-9) continue;
    for (let b = 0; b < bands.length; b++) bands[b][p] /= total;
    mask[p] = 255;
  }
  return { width, height, bands, mask };
}

/** Nearest neighbour: the source index of every output pixel is found once, then each band is copied. */
function resampleNearest(
  source: SourcePixels,
  us: Float64Array,
  vs: Float64Array,
  width: number,
  height: number,
): ResampledPixels {
  const indices = new Int32Array(width * height);
  const sw = source.width;
  const sh = source.height;
  for (let p = 0; p < indices.length; p++) {
    const u = us[p];
    const v = vs[p];
    indices[p] = u >= 0 && v >= 0 && u < sw && v < sh ? Math.floor(v) * sw + Math.floor(u) : -1;
  }
  return sampleNearest(source, indices, width, height);
}

/**
 * Nearest-neighbour samples before they are copied: a source window and, for every output pixel, the index of
 * its source pixel in the window (-1: outside). Renderers colour them straight from the source (see
 * toRgbaSampled), without the float copies of {@link sampleNearest}.
 */
export interface NearestSamples {
  width: number;
  height: number;
  source: SourcePixels;
  indices: Int32Array;
}

/**
 * Nearest-neighbour sampling at precomputed source indices (-1: outside): each band is copied by index.
 * Pixels without data read 0, as the other kernels give them.
 */
export function sampleNearest(
  source: SourcePixels,
  indices: Int32Array,
  width: number,
  height: number,
): ResampledPixels {
  const mask = nearestMask({ width, height, source, indices });
  const bands = source.bands.map((band) => copyByIndex(band, indices));
  if (source.nodata !== null) {
    for (const band of bands) for (let p = 0; p < mask.length; p++) if (mask[p] === 0) band[p] = 0;
  }
  return { width, height, bands, mask };
}

/**
 * The validity mask of nearest samples (255 valid, 0 no data): the sampled source pixel exists and no band
 * holds the nodata value there. Nodata is looked up at the sampled pixels only, one band at a time.
 */
export function nearestMask({ source, indices }: NearestSamples): Uint8Array {
  const mask = new Uint8Array(indices.length);
  for (let p = 0; p < indices.length; p++) if (indices[p] >= 0) mask[p] = 255;
  const { nodata } = source;
  if (nodata === null) return mask;
  for (const band of source.bands) {
    if (Number.isNaN(nodata)) {
      for (let p = 0; p < indices.length; p++) {
        const index = indices[p];
        if (index >= 0 && Number.isNaN(band[index])) mask[p] = 0;
      }
    } else {
      for (let p = 0; p < indices.length; p++) {
        const index = indices[p];
        if (index >= 0 && band[index] === nodata) mask[p] = 0;
      }
    }
  }
  return mask;
}

function copyByIndex(band: RasterArray, indices: Int32Array): Float64Array {
  const out = new Float64Array(indices.length);
  for (let p = 0; p < indices.length; p++) {
    const index = indices[p];
    if (index >= 0) out[p] = band[index];
  }
  return out;
}

/** 1 where every band holds data. */
function validityOf(source: SourcePixels): Uint8Array {
  const length = source.width * source.height;
  const valid = new Uint8Array(length).fill(1);
  const { nodata } = source;
  if (nodata === null) return valid;
  const isNaNNodata = Number.isNaN(nodata);
  for (const band of source.bands) {
    for (let i = 0; i < length; i++) {
      if (isNaNNodata ? Number.isNaN(band[i]) : band[i] === nodata) valid[i] = 0;
    }
  }
  return valid;
}

/** The bilinear kernel: a triangle of half-width 1. */
export function triangle(x: number): number {
  const d = Math.abs(x);
  return d < 1 ? 1 - d : 0;
}

/** Keys' cubic convolution kernel with a = −0.5 (Keys 1981, eq. 15). */
export function keysCubic(x: number): number {
  const a = -0.5;
  const d = Math.abs(x);
  if (d <= 1) return (a + 2) * d ** 3 - (a + 3) * d ** 2 + 1;
  if (d < 2) return a * d ** 3 - 5 * a * d ** 2 + 8 * a * d - 4 * a;
  return 0;
}
