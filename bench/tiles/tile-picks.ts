/**
 * Which tiles the benchmark asks for: zooms 8–14 in turn, at each a tile drawn (seeded, so every run asks for
 * the same ones) among all the tiles of that zoom that intersect the scene.
 */
import { WEB_MERCATOR_QUAD, type TileAddress } from '../../src/raster/tiles/tile-matrix-set.js';
import type { GeoTransform } from '../../src/raster/raster-types.js';
import { createTransformer } from '../../src/raster/warp/coordinate-transformer.js';

export const ZOOMS = [8, 9, 10, 11, 12, 13, 14];

/** Seeded generator (LCG). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** Every tile of each zoom that intersects a square EPSG:32740 scene of `size` pixels. */
function tilesOfScene(geoTransform: GeoTransform, size: number): Map<number, TileAddress[]> {
  const xs = Float64Array.of(geoTransform[0], geoTransform[0] + size * geoTransform[1]);
  const ys = Float64Array.of(geoTransform[3] + size * geoTransform[5], geoTransform[3]);
  createTransformer(32740, 3857)(xs, ys);
  const result = new Map<number, TileAddress[]>();
  for (const z of ZOOMS) {
    const span = (WEB_MERCATOR_QUAD.resolution0 * 256) / 2 ** z;
    const [ox, oy] = WEB_MERCATOR_QUAD.origin;
    const tiles: TileAddress[] = [];
    for (let x = Math.floor((xs[0] - ox) / span); x <= Math.floor((xs[1] - ox) / span); x++) {
      for (let y = Math.floor((oy - ys[1]) / span); y <= Math.floor((oy - ys[0]) / span); y++)
        tiles.push({ z, x, y });
    }
    result.set(z, tiles);
  }
  return result;
}

/** The `n`-th tile to request; call it with n = 0, 1, 2… in order (the draws are a sequence). */
export function benchTilePicker(geoTransform: GeoTransform, size: number): (n: number) => TileAddress {
  const tilesByZoom = tilesOfScene(geoTransform, size);
  const random = seeded(42);
  return (n) => {
    const list = tilesByZoom.get(ZOOMS[n % ZOOMS.length])!;
    return list[Math.floor(random() * list.length)];
  };
}
