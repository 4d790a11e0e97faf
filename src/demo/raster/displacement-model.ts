/**
 * The Hell-Bourg landslide: a smooth ground-displacement field (a Gaussian lobe moving along one azimuth) and
 * an aerial-photo texture of the ground (vegetation, fields, the roofs and streets of the village) defined at
 * every real position, so that the second orthophoto is exactly the first one displaced:
 * `after(p) = before(p − D(p))` (D evaluated on the second date's grid). Pure functions of position.
 */
import { fractalNoise, latticeValue, smoothstep, valueNoise } from './value-noise.js';

export interface DisplacementLobe {
  /** Projected centre of the lobe. */
  centre: [number, number];
  /** Direction of motion, degrees clockwise from north. */
  azimuth: number;
  /** Largest displacement, at the centre, metres. */
  maxDisplacement: number;
  /** Gaussian semi-axes (1/e distances) along and across the motion, metres. */
  alongRadius: number;
  acrossRadius: number;
}

/** Displacement [east, north] in metres at a point. */
export function displacementAt(lobe: DisplacementLobe, x: number, y: number): [number, number] {
  const a = (lobe.azimuth * Math.PI) / 180;
  const dx = x - lobe.centre[0];
  const dy = y - lobe.centre[1];
  const along = dx * Math.sin(a) + dy * Math.cos(a);
  const across = dx * Math.cos(a) - dy * Math.sin(a);
  const size =
    lobe.maxDisplacement * Math.exp(-((along / lobe.alongRadius) ** 2) - (across / lobe.acrossRadius) ** 2);
  return [size * Math.sin(a), size * Math.cos(a)];
}

/** Ground colour [r, g, b] at a point: textured vegetation, fields and village roofs. */
export function groundColour(
  x: number,
  y: number,
  village: [number, number],
  seed: number,
): [number, number, number] {
  // Band-limited to about two pixels (2 m), so that moving the texture does not alias.
  const canopy = fractalNoise(x, y, 48, seed, 4);
  const grain = 1.8 * (valueNoise(x / 4, y / 4, seed + 1) - 0.5);
  if (Math.hypot(x - village[0], y - village[1]) < 450) {
    const cellX = Math.floor(x / 16);
    const cellY = Math.floor(y / 16);
    const fx = x / 16 - cellX;
    const fy = y / 16 - cellY;
    if (fx < 0.12 || fy < 0.12) return [120 + 20 * grain, 118 + 20 * grain, 112 + 20 * grain]; // streets
    if (fx > 0.25 && fx < 0.85 && fy > 0.3 && fy < 0.8 && latticeValue(cellX, cellY, seed + 2) < 0.6) {
      const tone = latticeValue(cellX, cellY, seed + 3);
      return tone < 0.4 ? [180, 70, 50] : tone < 0.7 ? [200, 200, 195] : [90, 130, 150]; // roofs
    }
  }
  // Pastures and forest blend over a few metres: sharp edges sampled at pixel centres would move by whole pixels.
  const pasture = smoothstep(0.62, 0.66, fractalNoise(x, y, 220, seed + 4, 2));
  const forest = [
    25 + 70 * canopy + 25 * grain,
    60 + 90 * canopy + 25 * grain,
    30 + 40 * canopy + 20 * grain,
  ];
  const field = [150 + 60 * canopy + 30 * grain, 160 + 40 * canopy + 30 * grain, 90 + 30 * grain];
  return [0, 1, 2].map((band) => forest[band] + (field[band] - forest[band]) * pasture) as [
    number,
    number,
    number,
  ];
}
