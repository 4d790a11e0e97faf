/**
 * Land cover of the synthetic island, derived from its terrain so that maps and reflectances agree: towns and
 * airports on the coast, sugarcane on the gentle windward and southern lowlands, dry savannah on the leeward
 * west coast, orchards, market gardens and geranium on the western mid-slopes, pastures of the Plaine des
 * Cafres, rain and cloud forests on the windward slopes, tamarind forests and upland heath higher up, bare
 * rock on the summits and ramparts, recent lava in the Enclos Fouqué. Values are the 30 classes of
 * LAND_COVER_LEVEL_3; coarser levels follow their `parent` links. Pure functions of position, year and seed.
 */
import { EPSG_RGR92_UTM40S, projectLonLat } from '../catalog/demo-places.js';
import {
  LAND_COVER_LEVEL_2,
  LAND_COVER_LEVEL_3,
  type LandCoverClass,
} from '../catalog/land-cover-classes.js';
import { columnX, type DemoGrid, rowY } from './demo-grid.js';
import { enclosMembership, inlandDistance, type IslandTerrain } from './island-terrain.js';
import { fractalNoise, latticeValue } from './value-noise.js';

/** Level-3 class values, by name, for readable rules. */
const CLASS = Object.fromEntries(LAND_COVER_LEVEL_3.map((c) => [c.name, c.value])) as Record<string, number>;

interface Town {
  centre: [number, number];
  /** Radius in 2016, in metres; it grows by 1 % a year. */
  radius: number;
  /** An airport or harbour next to it. */
  port?: [number, number];
}

const at = (lon: number, lat: number) => projectLonLat(EPSG_RGR92_UTM40S, lon, lat);

const TOWNS: readonly Town[] = [
  { centre: at(55.452, -20.888), radius: 3500, port: at(55.512, -20.889) }, // Saint-Denis, Roland-Garros
  { centre: at(55.3, -20.94), radius: 2600, port: at(55.29, -20.93) }, // Le Port
  { centre: at(55.272, -21.005), radius: 2000 }, // Saint-Paul
  { centre: at(55.232, -21.06), radius: 1300 }, // L'Hermitage, Saint-Gilles
  { centre: at(55.29, -21.165), radius: 1600 }, // Saint-Leu
  { centre: at(55.41, -21.275), radius: 1800, port: at(55.424, -21.32) }, // Saint-Louis, Pierrefonds
  { centre: at(55.478, -21.333), radius: 3000 }, // Saint-Pierre
  { centre: at(55.515, -21.275), radius: 2600 }, // Le Tampon
  { centre: at(55.622, -21.372), radius: 1600 }, // Saint-Joseph
  { centre: at(55.712, -21.035), radius: 1800 }, // Saint-Benoît
  { centre: at(55.65, -20.96), radius: 2000 }, // Saint-André
  { centre: at(55.55, -20.905), radius: 1800 }, // Sainte-Marie
  { centre: at(55.47, -21.135), radius: 700 }, // Cilaos
  { centre: at(55.521, -21.064), radius: 500 }, // Hell-Bourg
];

const PONDS: readonly { centre: [number, number]; radius: number }[] = [
  { centre: at(55.283, -21.003), radius: 450 }, // Étang de Saint-Paul
  { centre: at(55.645, -21.09), radius: 300 }, // Grand Étang
  { centre: at(55.548, -21.367), radius: 200 }, // Étang du Gol (approximate)
];

const ISLAND_CENTRE = at(55.53, -21.13);
/** West and east limits of the pastures of the Plaine des Cafres and Plaine des Palmistes. */
const PLAINES = [at(55.53, -21.2)[0], at(55.66, -21.2)[0]];

/** Windward exposure: +1 on the north-east (trade-wind) coast, -1 on the leeward west coast. */
function windward(x: number, y: number): number {
  const [cx, cy] = ISLAND_CENTRE;
  return Math.max(-1, Math.min(1, ((x - cx) * 0.8 + (y - cy) * 0.6) / 25000));
}

/** What the land cover depends on, sampled once per pixel of a grid (the same for every year). */
export interface LandSamples {
  grid: DemoGrid;
  elevation: Float32Array;
  /** Degrees, from the grid's own elevations. */
  slope: Float32Array;
  /** Downslope azimuth, radians clockwise from north. */
  aspect: Float32Array;
  /** Signed distance to the coast, metres (negative at sea). */
  inland: Float32Array;
  cirque: Float32Array;
  enclos: Float32Array;
  /** A patch pattern (fields, forest stands) in [0, 1). */
  patch: Float32Array;
}

/** Samples the terrain on a grid; slopes by central differences between neighbouring pixels. */
export function sampleLand(
  grid: DemoGrid,
  terrain: IslandTerrain,
  seed: number,
  signal?: AbortSignal,
): LandSamples {
  const { width, height } = grid;
  const count = width * height;
  const samples: LandSamples = {
    grid,
    elevation: new Float32Array(count),
    slope: new Float32Array(count),
    aspect: new Float32Array(count),
    inland: new Float32Array(count),
    cirque: new Float32Array(count),
    enclos: new Float32Array(count),
    patch: new Float32Array(count),
  };
  for (let row = 0; row < height; row++) {
    if (row % 32 === 0) signal?.throwIfAborted();
    const y = rowY(grid, row);
    for (let col = 0; col < width; col++) {
      const x = columnX(grid, col);
      const i = row * width + col;
      samples.inland[i] = inlandDistance(x, y);
      samples.elevation[i] = terrain.elevationAt(x, y, samples.inland[i]);
      if (samples.inland[i] < 0) continue;
      samples.cirque[i] = terrain.cirqueAt(x, y);
      samples.enclos[i] = enclosMembership(x, y);
      samples.patch[i] = fractalNoise(x, y, 1500, seed, 3);
    }
  }
  Object.assign(samples, slopesOf(grid, samples.elevation));
  return samples;
}

/** Slope (degrees) and downslope azimuth (radians) of every pixel, by central differences on the grid. */
export function slopesOf(grid: DemoGrid, z: Float32Array): { slope: Float32Array; aspect: Float32Array } {
  const { width, height } = grid;
  const [xRes, , , , yStep] = grid.transform;
  const slope = new Float32Array(width * height);
  const aspect = new Float32Array(width * height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const left = Math.max(0, col - 1);
      const right = Math.min(width - 1, col + 1);
      const up = Math.max(0, row - 1);
      const down = Math.min(height - 1, row + 1);
      const dzdx = (z[row * width + right] - z[row * width + left]) / ((right - left) * xRes);
      const dzdy = (z[up * width + col] - z[down * width + col]) / ((down - up) * -yStep);
      slope[row * width + col] = (Math.atan(Math.hypot(dzdx, dzdy)) * 180) / Math.PI;
      aspect[row * width + col] = Math.atan2(-dzdx, -dzdy);
    }
  }
  return { slope, aspect };
}

/** The level-3 class of pixel `i` (centre x, y) in a year (0 at sea). */
export function landCoverClassAt(
  samples: LandSamples,
  i: number,
  x: number,
  y: number,
  year: number,
  seed: number,
): number {
  const inland = samples.inland[i];
  if (inland < 0) return 0;
  const z = samples.elevation[i];
  const slope = samples.slope[i];
  const wind = windward(x, y);
  const patch = samples.patch[i];
  const fine = latticeValue(Math.floor(x / 250), Math.floor(y / 250), seed + year);
  for (const pond of PONDS) {
    if (Math.hypot(x - pond.centre[0], y - pond.centre[1]) < pond.radius) return CLASS.water;
  }
  if (samples.enclos[i] > 0.5) {
    if (z < 500 && patch > 0.55) return CLASS['lowland-rainforest'];
    return CLASS['recent-lava'];
  }
  if (z > 2650 || slope > 48) return CLASS['cliffs-scree'];
  if (inland < 120 && wind < -0.2 && z < 10) return CLASS['beaches-bare-soil'];
  for (const town of TOWNS) {
    if (town.port && Math.hypot(x - town.port[0], y - town.port[1]) < 900) return CLASS['airports-harbours'];
    const radius = town.radius * (1 + 0.01 * (year - 2016)) * (0.75 + 0.5 * patch);
    const distance = Math.hypot(x - town.centre[0], y - town.centre[1]);
    if (distance < radius) {
      if (distance < 0.35 * radius) return CLASS['dense-urban'];
      if (fine < 0.08) return CLASS['industrial-commercial'];
      if (fine < 0.13) return CLASS['gardens-parks'];
      if (fine < 0.16) return CLASS['sports-grounds'];
      if (fine < 0.2) return CLASS.roads;
      return CLASS['discontinuous-urban'];
    }
  }
  if (z > 2100) return patch > 0.5 ? CLASS['upland-heath'] : CLASS['upland-grassland'];
  if (slope > 38) return patch > 0.6 ? CLASS['invasive-thickets'] : CLASS['cliffs-scree'];
  const cirque = samples.cirque[i] > 0.5;
  if (cirque) {
    if (fine < 0.1) return CLASS['food-crops'];
    if (fine < 0.18) return CLASS['grazed-grassland'];
    return patch > 0.55 ? CLASS['invasive-thickets'] : CLASS['montane-cloud-forest'];
  }
  if (z > 1500) return wind < 0 ? CLASS['tamarind-forest'] : CLASS['montane-cloud-forest'];
  // The Plaine des Cafres and Plaine des Palmistes: pastures between the two volcanoes.
  if (z > 1000 && z <= 1500 && slope < 12 && x > PLAINES[0] && x < PLAINES[1]) {
    return fine < 0.6 ? CLASS['grazed-grassland'] : CLASS['mown-meadows'];
  }
  if (z > 900) {
    if (patch > 0.68) return CLASS['forest-plantations'];
    if (wind < -0.1 && z < 1300 && fine < 0.35) return CLASS['geranium-vetiver'];
    return wind < 0 ? CLASS['tamarind-forest'] : CLASS['montane-cloud-forest'];
  }
  if (slope > 22) return wind > 0 ? CLASS['lowland-rainforest'] : CLASS['invasive-thickets'];
  if (wind < -0.35 && z < 350) return patch > 0.7 ? CLASS['invasive-thickets'] : CLASS['dry-savannah'];
  if (wind < -0.1 && z >= 350) {
    if (fine < 0.25) return CLASS['open-field-vegetables'];
    if (fine < 0.32) return CLASS.greenhouses;
    if (fine < 0.45) return CLASS.orchards;
    if (fine < 0.52) return CLASS.pineapple;
    return CLASS['grazed-grassland'];
  }
  if (fine < 0.06) return CLASS.banana;
  if (fine < 0.1) return CLASS.orchards;
  if (fine < 0.14) return CLASS['food-crops'];
  // Sugarcane, a quarter of the fields harvested in the map's season; fields change from year to year.
  return fine > 0.75 ? CLASS['sugarcane-harvested'] : CLASS.sugarcane;
}

function parentTable(classes: readonly LandCoverClass[]): Uint8Array {
  const table = new Uint8Array(256);
  for (const c of classes) table[c.value] = c.parent ?? 0;
  return table;
}

/** Level-3 value → level-2 value (0 stays 0). */
export const LEVEL_3_TO_2 = parentTable(LAND_COVER_LEVEL_3);
/** Level-2 value → level-1 value (0 stays 0). */
export const LEVEL_2_TO_1 = parentTable(LAND_COVER_LEVEL_2);

/** The level-3 map of a year over the sampled grid. */
export function landCoverMap(samples: LandSamples, year: number, seed: number): Uint8Array {
  const { grid } = samples;
  const map = new Uint8Array(grid.width * grid.height);
  for (let row = 0; row < grid.height; row++) {
    const y = rowY(grid, row);
    for (let col = 0; col < grid.width; col++) {
      const i = row * grid.width + col;
      map[i] = landCoverClassAt(samples, i, columnX(grid, col), y, year, seed);
    }
  }
  return map;
}

/** The coarser map of a class map through a parent table. */
export function generaliseClasses(classes: Uint8Array, parents: Uint8Array): Uint8Array {
  return classes.map((value) => parents[value]);
}
