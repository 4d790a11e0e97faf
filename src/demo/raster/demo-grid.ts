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

/** A north-up grid covering `bbox` [minx, miny, maxx, maxy] with square pixels of `size` metres. */
export function gridOfBbox(epsg: number, bbox: readonly number[], size: number): DemoGrid {
  return {
    epsg,
    width: Math.round((bbox[2] - bbox[0]) / size),
    height: Math.round((bbox[3] - bbox[1]) / size),
    transform: [size, 0, bbox[0], 0, -size, bbox[3]],
  };
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

/** The STAC projection properties of a grid. */
export function gridProjection(grid: DemoGrid) {
  const [xRes, , x0, , yStep, y0] = grid.transform;
  return {
    'proj:code': `EPSG:${grid.epsg}`,
    'proj:bbox': [x0, y0 + grid.height * yStep, x0 + grid.width * xRes, y0],
    'proj:shape': [grid.height, grid.width],
    'proj:transform': grid.transform,
  };
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
