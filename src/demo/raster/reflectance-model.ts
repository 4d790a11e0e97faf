/**
 * Surface reflectance of the synthetic island in the four 10 m Sentinel-2 bands (B2 blue, B3 green, B4 red,
 * B8 near infrared), from its land cover, the season and the terrain's illumination: typical spectra of each
 * class (dark water with almost no near-infrared, bright near-infrared vegetation, grey towns, black lava),
 * scaled by the cosine of the solar incidence angle. Pure functions; values are reflectances (0–1).
 */
import { LAND_COVER_LEVEL_3 } from '../catalog/land-cover-classes.js';

type Spectrum = readonly [number, number, number, number];

const WATER_DEEP: Spectrum = [0.045, 0.03, 0.012, 0.006];
const WATER_SHALLOW: Spectrum = [0.09, 0.1, 0.05, 0.02];

/** Clear-sky spectra [B2, B3, B4, B8] by level-2 land-cover class, mid-season. */
const LEVEL_2_SPECTRA: Record<number, Spectrum> = {
  1: [0.11, 0.12, 0.13, 0.2], // built-up
  2: [0.05, 0.08, 0.06, 0.3], // urban green
  3: [0.03, 0.065, 0.035, 0.42], // sugarcane
  4: [0.04, 0.08, 0.05, 0.34], // grassland
  5: [0.06, 0.09, 0.08, 0.3], // market gardening
  6: [0.03, 0.06, 0.04, 0.33], // orchards
  7: [0.02, 0.045, 0.022, 0.36], // forest
  8: [0.05, 0.08, 0.08, 0.26], // thickets and savannah
  9: [0.05, 0.075, 0.07, 0.24], // upland heath
  10: [0.1, 0.11, 0.12, 0.17], // bare rock
  11: [0.05, 0.05, 0.03, 0.02], // water
};

/** Level-3 overrides where the detailed class looks different from its parent. */
const LEVEL_3_SPECTRA: Record<number, Spectrum> = {
  9: [0.07, 0.1, 0.11, 0.24], // harvested sugarcane
  13: [0.2, 0.21, 0.22, 0.28], // greenhouses
  27: [0.045, 0.045, 0.046, 0.055], // recent lava, almost black
  29: [0.16, 0.18, 0.2, 0.25], // beaches
};

const SPECTRA: Spectrum[] = (() => {
  const table: Spectrum[] = new Array(256).fill(WATER_DEEP);
  for (const c of LAND_COVER_LEVEL_3) table[c.value] = LEVEL_3_SPECTRA[c.value] ?? LEVEL_2_SPECTRA[c.parent!];
  return table;
})();

/** Vegetated level-2 classes, whose near infrared follows the growing season. */
const VEGETATED = new Set([2, 3, 4, 5, 6, 7, 8, 9]);
const LEVEL_3_PARENT = new Uint8Array(256);
for (const c of LAND_COVER_LEVEL_3) LEVEL_3_PARENT[c.value] = c.parent!;

/**
 * Reflectance of a land pixel in band `band` (0–3). `month` 1–12 (the austral summer peak of vegetation is in
 * March), `illumination` the cosine of the solar incidence over the cosine of the solar zenith (1 on flat
 * ground), `noise` a small per-pixel variation in [-1, 1], `damage` (0–1) the share of leaves a cyclone stripped.
 */
export function landReflectance(
  landCover: number,
  band: number,
  month: number,
  illumination: number,
  noise: number,
  damage = 0,
): number {
  const vegetated = VEGETATED.has(LEVEL_3_PARENT[landCover]);
  // Defoliated vegetation: less near infrared, more red (bare branches, litter).
  const stripped = vegetated && damage > 0 ? [1, 1, 1 + 0.8 * damage, 1 - 0.5 * damage][band] : 1;
  const base = SPECTRA[landCover][band] * stripped;
  const seasonal =
    band === 3 && VEGETATED.has(LEVEL_3_PARENT[landCover])
      ? 1 + 0.12 * Math.cos(((month - 3) / 12) * 2 * Math.PI)
      : 1;
  const lit = 0.25 + 0.75 * Math.max(0, illumination);
  return Math.max(0.001, base * seasonal * lit * (1 + 0.02 * noise));
}

/** Reflectance of the sea in band `band`, brighter over the shallow lagoons near the coast. */
export function seaReflectance(band: number, distanceFromCoast: number, noise: number): number {
  const shallow = Math.exp(-distanceFromCoast / 600);
  const value = WATER_DEEP[band] + (WATER_SHALLOW[band] - WATER_DEEP[band]) * shallow;
  return Math.max(0.001, value * (1 + 0.01 * noise));
}

/**
 * The illumination factor of a slope (degrees) facing `aspect` (radians clockwise from north) for the sun at
 * `elevation` and `azimuth` (degrees): cos(incidence) / cos(zenith).
 */
export function illuminationFactor(
  slope: number,
  aspect: number,
  elevation: number,
  azimuth: number,
): number {
  const s = (slope * Math.PI) / 180;
  const zenith = ((90 - elevation) * Math.PI) / 180;
  const sunAzimuth = (azimuth * Math.PI) / 180;
  const incidence =
    Math.cos(zenith) * Math.cos(s) + Math.sin(zenith) * Math.sin(s) * Math.cos(sunAzimuth - aspect);
  return incidence / Math.cos(zenith);
}

/** Reflectance of a cloud in a band, for an opacity 0–1 over the ground reflectance. */
export function cloudyReflectance(ground: number, opacity: number, band: number): number {
  const cloud = [0.62, 0.6, 0.58, 0.6][band];
  return ground + (cloud - ground) * opacity;
}
