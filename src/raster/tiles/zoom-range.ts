import type { RasterInfo } from '../raster-types.js';
import { createTransformer } from '../warp/coordinate-transformer.js';
import { resolutionAt, type TileMatrixSet } from './tile-matrix-set.js';

/**
 * The zoom levels worth serving for a raster in a tile matrix set, as rio-tiler derives them: `maxZoom` is the
 * first zoom whose cells are at least as fine as the raster's own pixels, `minZoom` the lowest zoom whose tiles read at
 * most 4096 pixels across from the coarsest overview (the limit of `readTile`: 16 overview pixels per tile pixel). Both are clamped to the set's range.
 * Resolutions are measured in the set's CRS at the raster's centre.
 */
export function zoomRange(info: RasterInfo, set: TileMatrixSet): { minZoom: number; maxZoom: number } {
  const resolutionOf = (levelIndex: number): number => {
    const level = info.levels[levelIndex];
    const [x0, a, , y0, , e] = level.geoTransform;
    const cx = level.width / 2;
    const cy = level.height / 2;
    const xs = Float64Array.of(x0 + cx * a, x0 + (cx + 1) * a, x0 + cx * a);
    const ys = Float64Array.of(y0 + cy * e, y0 + cy * e, y0 + (cy + 1) * e);
    createTransformer(info.epsg ?? set.epsg, set.epsg)(xs, ys);
    const dx = Math.hypot(xs[1] - xs[0], ys[1] - ys[0]);
    const dy = Math.hypot(xs[2] - xs[0], ys[2] - ys[0]);
    return Math.min(dx, dy);
  };
  const clamp = (z: number) => Math.max(0, Math.min(set.maxZoom, z));
  const zoomFor = (resolution: number) => Math.log2(resolutionAt(set, 0) / resolution);
  const maxZoom = clamp(Math.ceil(zoomFor(resolutionOf(0)) - 1e-9));
  const coarsest = info.levels.length - 1;
  const minZoom = clamp(Math.ceil(zoomFor(resolutionOf(coarsest) * 16) - 1e-9));
  return { minZoom: Math.min(minZoom, maxZoom), maxZoom };
}
