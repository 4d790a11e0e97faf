/**
 * Writes the benchmark raster: a Sentinel-2-like 4-band uint16 scene (default 10980×10980 px at 10 m, UTM 40S
 * over La Réunion) as a COG with the project's own writer. Values are smooth, terrain-like fields plus seeded
 * noise, so tiles compress and decode like real reflectance rather than like constant or random data.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { writeCog } from '../../src/raster/cog/cog-writer.js';
import type { GeoTransform } from '../../src/raster/raster-types.js';

export const SCENE_ORIGIN: [number, number] = [300000, 7700000];

/** Creates the COG unless it already exists; returns its geotransform. */
export function ensureSyntheticCog(path: string, size: number): GeoTransform {
  return ensureSyntheticPart(path, size, size, 0, 0);
}

/**
 * Creates (unless it exists) the part of the scene starting at pixel (`column`, `row`) of the full scene,
 * `width`×`height` px, with the scene's values there: parts tile the scene seamlessly (for mosaics).
 */
export function ensureSyntheticPart(
  path: string,
  width: number,
  height: number,
  column: number,
  row: number,
): GeoTransform {
  const geoTransform: GeoTransform = [
    SCENE_ORIGIN[0] + column * 10,
    10,
    0,
    SCENE_ORIGIN[1] - row * 10,
    0,
    -10,
  ];
  if (existsSync(path)) return geoTransform;
  const bands = Array.from({ length: 4 }, () => new Uint16Array(width * height));
  let seed = 12345 + column * 7 + row * 13;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed >> 16) % 64;
      const [sx, sy] = [x + column, y + row];
      const relief = Math.sin(sx / 731) * Math.cos(sy / 517) + 0.5 * Math.sin((sx + sy) / 211);
      const i = y * width + x;
      bands[0][i] = 600 + Math.round(300 * relief) + noise;
      bands[1][i] = 800 + Math.round(350 * relief) + noise;
      bands[2][i] = 700 + Math.round(420 * relief) + noise;
      bands[3][i] = 2500 + Math.round(900 * Math.cos(relief * 2)) + noise;
    }
  }
  writeFileSync(
    path,
    writeCog({ width, height, dataType: 'uint16', bands, geoTransform, epsg: 32740, nodata: 0 }),
  );
  return geoTransform;
}
