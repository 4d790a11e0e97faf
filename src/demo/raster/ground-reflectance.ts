/**
 * Clear-sky reflectance images of a sampled ground (land cover, slopes, distance to the coast): what an optical
 * sensor sees without clouds for a month and a sun position, as band-separate reflectances (0–1). Shared by
 * the Sentinel-2-like scenes and the Pléiades-like scenes.
 */
import type { LandSamples } from './land-cover-model.js';
import { illuminationFactor, landReflectance, seaReflectance } from './reflectance-model.js';

/** The ground under a scene grid: the sampled terrain, its land cover and the (constant) sea reflectance. */
export interface Ground extends Pick<LandSamples, 'grid' | 'slope' | 'aspect' | 'inland' | 'patch'> {
  landCover: Uint8Array;
  /** Reflectance of each band at sea (0 on land). */
  sea: Float32Array[];
}

export function groundOf(
  samples: Pick<LandSamples, 'grid' | 'slope' | 'aspect' | 'inland' | 'patch'>,
  landCover: Uint8Array,
): Ground {
  const sea = [0, 1, 2, 3].map((band) =>
    samples.inland.map((inland) => (inland < 0 ? seaReflectance(band, -inland, 0) : 0)),
  );
  return { ...samples, landCover, sea };
}

/**
 * Clear-sky reflectance of every pixel, bands B2, B3, B4, B8. The ground's texture is the terrain's smooth patch
 * pattern, the same in every scene (per-pixel noise would only make the files larger). `damage` (0–1) strips
 * vegetation of its leaves, as after a cyclone.
 */
export function clearSkyReflectance(
  ground: Ground,
  month: number,
  sun: { elevation: number; azimuth: number },
  damage = 0,
): Float32Array[] {
  const bands = ground.sea.map((sea) => Float32Array.from(sea));
  for (let i = 0; i < ground.landCover.length; i++) {
    if (ground.inland[i] < 0) continue;
    const noise = 2 * ground.patch[i] - 1;
    const light = illuminationFactor(ground.slope[i], ground.aspect[i], sun.elevation, sun.azimuth);
    for (let b = 0; b < 4; b++)
      bands[b][i] = landReflectance(ground.landCover[i], b, month, light, noise, damage);
  }
  return bands;
}
