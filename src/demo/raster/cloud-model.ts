/**
 * Clouds of a synthetic Sentinel-2 scene: a fractal cloud field thresholded so that exactly the scene's
 * `eo:cloud_cover` percentage of the tile is cloudy, thin cirrus at the edges of the clouds, and cloud
 * shadows cast away from the sun. The mask uses MAJA-like bits (1 cloud, 2 cloud shadow, 4 thin cirrus);
 * 0 is clear. Pure functions over typed arrays.
 */
import { columnX, type DemoGrid, rowY } from './demo-grid.js';
import { cloudyReflectance } from './reflectance-model.js';
import { fractalNoise } from './value-noise.js';

export const CLOUD_BIT = 1;
export const SHADOW_BIT = 2;
export const CIRRUS_BIT = 4;

export interface SceneClouds {
  /** MAJA-like bits per pixel, 0 = clear. */
  mask: Uint8Array;
  /** Optical thickness proxy 0–1 per pixel (0 where clear). */
  opacity: Float32Array;
}

/**
 * Clouds over `grid` covering `coverPercent` % of its pixels (cloud bit), with shadows offset by `shadowShift`
 * metres [east, north] (away from the sun).
 */
export function sceneClouds(
  grid: DemoGrid,
  coverPercent: number,
  seed: number,
  shadowShift: [number, number],
): SceneClouds {
  const count = grid.width * grid.height;
  const field = cloudField(grid, seed);
  const sorted = Float32Array.from(field).sort();
  const cloudy = Math.round((count * coverPercent) / 100);
  const threshold = cloudy >= count ? -Infinity : cloudy === 0 ? Infinity : sorted[count - cloudy];
  const cirrusThreshold = threshold - 0.03;
  const mask = new Uint8Array(count);
  const opacity = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    if (field[i] >= threshold) {
      mask[i] = CLOUD_BIT;
      opacity[i] = Math.min(1, 0.55 + (field[i] - threshold) * 6);
    } else if (field[i] >= cirrusThreshold) {
      mask[i] = CIRRUS_BIT;
      opacity[i] = 0.15;
    }
  }
  const [xRes, , , , yStep] = grid.transform;
  const shiftCols = Math.round(shadowShift[0] / xRes);
  const shiftRows = Math.round(shadowShift[1] / yStep);
  for (let row = 0; row < grid.height; row++) {
    const fromRow = row - shiftRows;
    if (fromRow < 0 || fromRow >= grid.height) continue;
    for (let col = 0; col < grid.width; col++) {
      const fromCol = col - shiftCols;
      if (fromCol < 0 || fromCol >= grid.width) continue;
      const i = row * grid.width + col;
      if (mask[fromRow * grid.width + fromCol] & CLOUD_BIT && !(mask[i] & CLOUD_BIT)) mask[i] |= SHADOW_BIT;
    }
  }
  return { mask, opacity };
}

/**
 * The fractal cloud field over a grid. The noise is evaluated every other pixel and interpolated bilinearly in
 * between: its finest octave spans several pixels, and this halves the cost of every scene.
 */
function cloudField(grid: DemoGrid, seed: number): Float32Array {
  const { width, height } = grid;
  const coarseWidth = Math.ceil(width / 2) + 1;
  const coarse = new Float32Array(coarseWidth * (Math.ceil(height / 2) + 1));
  for (let row = 0; row * 2 <= height; row++) {
    for (let col = 0; col * 2 <= width; col++) {
      coarse[row * coarseWidth + col] = fractalNoise(
        columnX(grid, col * 2),
        rowY(grid, row * 2),
        12000,
        seed,
        4,
      );
    }
  }
  const field = new Float32Array(width * height);
  for (let row = 0; row < height; row++) {
    const r0 = row >> 1;
    const fy = (row & 1) / 2;
    for (let col = 0; col < width; col++) {
      const c0 = col >> 1;
      const fx = (col & 1) / 2;
      const i = r0 * coarseWidth + c0;
      const top = coarse[i] + (coarse[i + 1] - coarse[i]) * fx;
      const bottom = coarse[i + coarseWidth] + (coarse[i + coarseWidth + 1] - coarse[i + coarseWidth]) * fx;
      field[row * width + col] = top + (bottom - top) * fy;
    }
  }
  return field;
}

/** Darkens shadows and brightens clouds and cirrus in band-separate reflectances (B2, B3, B4, B8), in place. */
export function addClouds(bands: Float32Array[], clouds: SceneClouds): void {
  for (let i = 0; i < clouds.mask.length; i++) {
    const mask = clouds.mask[i];
    if (mask === 0) continue;
    for (let b = 0; b < bands.length; b++) {
      let value = bands[b][i];
      if (mask & SHADOW_BIT) value *= 0.35;
      if (mask & (CLOUD_BIT | CIRRUS_BIT)) value = cloudyReflectance(value, clouds.opacity[i], b);
      bands[b][i] = value;
    }
  }
}

/** How far [east, north] in metres shadows fall from clouds 1.5 km up, away from the sun. */
export function shadowShift(sun: { elevation: number; azimuth: number }): [number, number] {
  const away = ((sun.azimuth + 180) * Math.PI) / 180;
  const distance = 1500 / Math.tan((sun.elevation * Math.PI) / 180);
  return [distance * Math.sin(away), distance * Math.cos(away)];
}
