/**
 * The pixel grid of a demo raster, as the STAC projection extension states it (`proj:shape`,
 * `proj:transform`), and the conversions the raster generators need: pixel centres in the CRS, and the
 * GDAL-order geotransform the COG writer takes.
 */
import type { GeoTransform } from '../../raster/raster-types.js';

/** A north-up grid: `transform` is STAC's `[xRes, 0, originX, 0, -yRes, originY]` (corner of the first pixel). */
export interface DemoGrid {
  epsg: number;
  width: number;
  height: number;
  transform: [number, number, number, number, number, number];
}

/** The grid an item declares in its `proj:code`, `proj:shape` and `proj:transform` properties. */
export function gridOfItem(properties: Record<string, unknown>): DemoGrid {
  const code = String(properties['proj:code']);
  const shape = properties['proj:shape'] as [number, number] | undefined;
  const transform = properties['proj:transform'] as DemoGrid['transform'] | undefined;
  if (!code.startsWith('EPSG:') || !shape || !transform) {
    throw new RangeError(`the item has no complete projection (proj:code ${code})`);
  }
  return { epsg: Number(code.slice(5)), width: shape[1], height: shape[0], transform };
}

/** GDAL order, as the COG writer takes it. */
export function gridGeoTransform(grid: DemoGrid): GeoTransform {
  const [xRes, , x0, , yStep, y0] = grid.transform;
  return [x0, xRes, 0, y0, 0, yStep];
}

/** Easting of the centre of column `col`. */
export function columnX(grid: DemoGrid, col: number): number {
  return grid.transform[2] + (col + 0.5) * grid.transform[0];
}

/** Northing of the centre of row `row`. */
export function rowY(grid: DemoGrid, row: number): number {
  return grid.transform[5] + (row + 0.5) * grid.transform[4];
}

/** Area of one pixel in square metres. */
export function pixelArea(grid: DemoGrid): number {
  return Math.abs(grid.transform[0] * grid.transform[4]);
}

/** Fills one value per pixel from a function of the pixel centre; checks `signal` between rows. */
export function fillGrid<T extends Float32Array | Uint8Array | Int16Array | Uint16Array>(
  grid: DemoGrid,
  out: T,
  valueAt: (x: number, y: number, index: number) => number,
  signal?: AbortSignal,
): T {
  for (let row = 0; row < grid.height; row++) {
    if (row % 64 === 0) signal?.throwIfAborted();
    const y = rowY(grid, row);
    for (let col = 0; col < grid.width; col++) {
      const index = row * grid.width + col;
      out[index] = valueAt(columnX(grid, col), y, index);
    }
  }
  return out;
}
