/**
 * A synthetic Mayotte for the Pléiades scenes after cyclone Chido: hills rising to about 600 m inside the
 * coastline MAYOTTE_OUTLINE, towns (Mamoudzou, Petite-Terre, Koungou, Sada, Chirongui, Dembéni), forest on the
 * heights and food crops, banana and thickets below. Coordinates in metres of WGS 84 / UTM 38S (EPSG:32738).
 * Values are LAND_COVER_LEVEL_3 classes, so the same reflectance model applies.
 */
import { EPSG_WGS84_UTM38S, MAYOTTE_OUTLINE, projectLonLat } from '../catalog/demo-places.js';
import { LAND_COVER_LEVEL_3 } from '../catalog/land-cover-classes.js';
import { signedDistanceToRing } from './coast-distance.js';
import { columnX, type DemoGrid, rowY } from './demo-grid.js';
import { slopesOf } from './land-cover-model.js';
import { fractalNoise, latticeValue } from './value-noise.js';

const at = (lon: number, lat: number) => projectLonLat(EPSG_WGS84_UTM38S, lon, lat);
const COAST = MAYOTTE_OUTLINE.slice(0, -1).map(([lon, lat]) => at(lon, lat));
const CLASS = Object.fromEntries(LAND_COVER_LEVEL_3.map((c) => [c.name, c.value])) as Record<string, number>;

const TOWNS: readonly { centre: [number, number]; radius: number }[] = [
  { centre: at(45.227, -12.78), radius: 2500 }, // Mamoudzou
  { centre: at(45.28, -12.79), radius: 1500 }, // Dzaoudzi, Pamandzi
  { centre: at(45.2, -12.735), radius: 1200 }, // Koungou
  { centre: at(45.105, -12.85), radius: 900 }, // Sada
  { centre: at(45.145, -12.93), radius: 800 }, // Chirongui
  { centre: at(45.17, -12.84), radius: 900 }, // Dembéni
];

/** Terrain and land cover of Mayotte on a grid, in the shape the ground reflectance takes. */
export function sampleMayotte(grid: DemoGrid, seed: number, signal?: AbortSignal) {
  const count = grid.width * grid.height;
  const inland = new Float32Array(count);
  const elevation = new Float32Array(count);
  const patch = new Float32Array(count);
  const landCover = new Uint8Array(count);
  for (let row = 0; row < grid.height; row++) {
    if (row % 32 === 0) signal?.throwIfAborted();
    const y = rowY(grid, row);
    for (let col = 0; col < grid.width; col++) {
      const x = columnX(grid, col);
      const i = row * grid.width + col;
      inland[i] = signedDistanceToRing(COAST, x, y);
      if (inland[i] < 0) continue;
      const hills = 0.45 + 0.9 * fractalNoise(x, y, 5000, seed, 4);
      elevation[i] = 2 + 560 * (1 - Math.exp(-inland[i] / 2200)) * hills;
      patch[i] = fractalNoise(x, y, 1500, seed + 1, 3);
      landCover[i] = mayotteClass(x, y, elevation[i], patch[i], seed);
    }
  }
  return { grid, inland, patch, landCover, ...slopesOf(grid, elevation) };
}

function mayotteClass(x: number, y: number, z: number, patch: number, seed: number): number {
  for (const town of TOWNS) {
    const distance = Math.hypot(x - town.centre[0], y - town.centre[1]);
    if (distance < town.radius * (0.75 + 0.5 * patch)) {
      return distance < 0.35 * town.radius ? CLASS['dense-urban'] : CLASS['discontinuous-urban'];
    }
  }
  if (z > 300) return patch > 0.7 ? CLASS['invasive-thickets'] : CLASS['lowland-rainforest'];
  const fine = latticeValue(Math.floor(x / 250), Math.floor(y / 250), seed + 2);
  if (fine < 0.3) return CLASS['food-crops'];
  if (fine < 0.5) return CLASS.banana;
  if (fine < 0.6) return CLASS['grazed-grassland'];
  return CLASS['invasive-thickets'];
}
