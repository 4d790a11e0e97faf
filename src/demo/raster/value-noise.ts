/**
 * Deterministic 2-D value noise for the synthetic rasters: a hashed lattice of random values, smoothly
 * interpolated, summed over octaves (fractal Brownian motion). Pure integer hashing, so the same seed gives the
 * same field on every machine; no generator state.
 */

/** A uniform value in [0, 1) for a lattice node and a seed (a 32-bit integer mix in the manner of murmur3's finaliser). */
export function latticeValue(ix: number, iy: number, seed: number): number {
  let h = Math.imul(ix | 0, 0x27d4eb2d) ^ Math.imul(iy | 0, 0x165667b1) ^ Math.imul(seed | 0, 0x3c6ef372);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Value noise in [0, 1) at a point given in lattice units (one lattice cell per unit). */
export function valueNoise(x: number, y: number, seed: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const a = latticeValue(ix, iy, seed);
  const b = latticeValue(ix + 1, iy, seed);
  const c = latticeValue(ix, iy + 1, seed);
  const d = latticeValue(ix + 1, iy + 1, seed);
  return a + (b - a) * sx + (c - a) * sy + (a - b - c + d) * sx * sy;
}

/**
 * Fractal noise in [0, 1): `octaves` layers of value noise, each at twice the frequency and half the weight of
 * the previous; `scale` is the size in metres (or pixels) of the coarsest lattice cell.
 */
export function fractalNoise(x: number, y: number, scale: number, seed: number, octaves = 4): number {
  let sum = 0;
  let weight = 1;
  let total = 0;
  let frequency = 1 / scale;
  for (let octave = 0; octave < octaves; octave++) {
    sum += weight * valueNoise(x * frequency, y * frequency, seed + octave * 7919);
    total += weight;
    weight /= 2;
    frequency *= 2;
  }
  return sum / total;
}

/** A seed for the noise functions, drawn from a seeded generator's [0, 1) values. */
export function noiseSeed(next: () => number): number {
  return Math.floor(next() * 0x7fffffff);
}

/** Hermite step from 0 at `edge0` to 1 at `edge1` (either order). */
export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}
