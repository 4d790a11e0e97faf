import { createRasterArray, type RasterArray, type RasterDataType } from '../raster-types.js';

/** How an overview pixel is computed from the 2×2 pixels below it. */
export type OverviewResampling = 'nearest' | 'average';

/**
 * Halves a band (output size ⌈w/2⌉ × ⌈h/2⌉, as GDAL sizes overviews). `average` is the mean of the valid pixels
 * of each 2×2 cell (nodata pixels are ignored; a cell with none is nodata), rounded to the nearest integer for
 * integer types; `nearest` takes the cell's lower-right pixel (source index ⌊(i + 0.5)·2⌋, as GDAL).
 * Pure: returns a new array.
 */
export function halveBand(
  band: RasterArray,
  width: number,
  height: number,
  dataType: RasterDataType,
  nodata: number | null,
  resampling: OverviewResampling,
): RasterArray {
  const outWidth = Math.ceil(width / 2);
  const outHeight = Math.ceil(height / 2);
  const out = createRasterArray(dataType, outWidth * outHeight);
  const isInteger = !dataType.startsWith('float');
  const isNodataNaN = nodata !== null && Number.isNaN(nodata);
  for (let y = 0; y < outHeight; y++) {
    const y0 = 2 * y;
    const y1 = Math.min(2 * y + 1, height - 1);
    for (let x = 0; x < outWidth; x++) {
      const x0 = 2 * x;
      const x1 = Math.min(2 * x + 1, width - 1);
      if (resampling === 'nearest') {
        out[y * outWidth + x] = band[y1 * width + x1];
        continue;
      }
      let sum = 0;
      let count = 0;
      for (const index of [y0 * width + x0, y0 * width + x1, y1 * width + x0, y1 * width + x1]) {
        const value = band[index];
        if (isNodataNaN ? Number.isNaN(value) : value === nodata) continue;
        sum += value;
        count++;
      }
      // Edge cells repeat the last row/column; the duplicates weigh the same, so the mean is unchanged.
      out[y * outWidth + x] =
        count === 0 ? (nodata as number) : isInteger ? Math.round(sum / count) : sum / count;
    }
  }
  return out;
}
