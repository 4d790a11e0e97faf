/**
 * The beach of l'Hermitage as drone surveys see it: a straight shoreline (NNE–SSW) with the lagoon and its
 * reef to the west, a beach face rising to a berm, casuarina (filao) trees and houses behind. Each survey adds
 * a sand layer of thickness `amplitude · g(c) · h(s)` to the beach face (negative: erosion), where `c` is the
 * cross-shore and `s` the alongshore coordinate; the volume of sand in a stated zone therefore changes by
 * known amounts between surveys. Pure functions of position (EPSG:2975 metres).
 */
import { EPSG_RGR92_UTM40S, projectLonLat } from '../catalog/demo-places.js';
import { latticeValue, valueNoise } from './value-noise.js';

const at = (lon: number, lat: number) => projectLonLat(EPSG_RGR92_UTM40S, lon, lat);

/** Two points of the modelled shoreline (elevation 0 m), north then south. */
export const HERMITAGE_SHORELINE: readonly [[number, number], [number, number]] = [
  at(55.2236, -21.0695),
  at(55.22, -21.0855),
];

const [NORTH, SOUTH] = HERMITAGE_SHORELINE;
const LENGTH = Math.hypot(NORTH[0] - SOUTH[0], NORTH[1] - SOUTH[1]);
/** Unit vector along the shore (towards the north) and inland (towards the east). */
const ALONG = [(NORTH[0] - SOUTH[0]) / LENGTH, (NORTH[1] - SOUTH[1]) / LENGTH];
const INLAND = [ALONG[1], -ALONG[0]];

/** Cross-shore (inland positive) and alongshore (from the southern point) coordinates in metres. */
export function shoreCoordinates(x: number, y: number): { c: number; s: number } {
  const dx = x - SOUTH[0];
  const dy = y - SOUTH[1];
  return { c: dx * INLAND[0] + dy * INLAND[1], s: dx * ALONG[0] + dy * ALONG[1] };
}

/** Projected position of shore coordinates. */
export function shorePoint(c: number, s: number): [number, number] {
  return [SOUTH[0] + c * INLAND[0] + s * ALONG[0], SOUTH[1] + c * INLAND[1] + s * ALONG[1]];
}

/** The zone of the sand volumes: the beach strip from 15 m seaward of the shoreline to 65 m inland. */
export const SAND_ZONE = { cMin: -15, cMax: 65, sMin: 150, sMax: LENGTH - 150 };

/** The zone as a closed ring of EPSG:2975 positions, counter-clockwise. */
export function sandZoneRing(): [number, number][] {
  const { cMin, cMax, sMin, sMax } = SAND_ZONE;
  const corners = [
    shorePoint(cMin, sMin),
    shorePoint(cMax, sMin),
    shorePoint(cMax, sMax),
    shorePoint(cMin, sMax),
  ];
  const ring = corners.map(
    ([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100] as [number, number],
  );
  return [...ring, ring[0]];
}

/** Elevation of the beach without the survey's sand layer (metres above the NGR datum). */
export function baseBeachElevation(c: number, s: number): number {
  if (c < 0) return Math.max(-2.2, c * 0.02) + (c < -420 && c > -470 ? 1.6 : 0); // lagoon and reef crest
  if (c < 35) return 3 * (c / 35) ** 0.8;
  if (c < 70) return 3 + 1.4 * Math.sin(((c - 35) / 35) * (Math.PI / 2));
  return 4.4 + 0.012 * (c - 70) + 0.3 * Math.sin(s / 90);
}

/** Shape of the survey sand layer: cross-shore bump over the beach face times an alongshore modulation. */
export function sandLayerShape(c: number, s: number): number {
  if (c <= -10 || c >= 60) return 0;
  return Math.sin((Math.PI * (c + 10)) / 70) ** 2 * (0.65 + 0.35 * Math.sin((2 * Math.PI * s) / 700));
}

/** Below this elevation the surveyed surface is water, which photogrammetry does not measure (nodata). */
export const WATER_LEVEL = -0.3;

/** Orthophoto colour [r, g, b] of a point, for the survey's elevation there (NaN over water). */
export function beachColour(x: number, y: number, elevation: number, seed: number): [number, number, number] {
  const { c, s } = shoreCoordinates(x, y);
  const grain = 0.5 * (valueNoise(x / 3, y / 3, seed) - 0.5);
  if (c < 0 && !(elevation > 0)) {
    if (c < -470) return [25 + 10 * grain, 70 + 10 * grain, 125 + 10 * grain]; // ocean beyond the reef
    if (c < -420) return [215 + 20 * grain, 230 + 15 * grain, 230 + 15 * grain]; // surf on the reef crest
    const depth = Math.min(1, -c / 400);
    const coral = valueNoise(x / 12, y / 12, seed + 1) > 0.62 ? -40 : 0;
    return [70 - 40 * depth + coral / 2, 190 - 50 * depth + coral, 195 - 20 * depth + coral / 2];
  }
  if (c < 70) {
    const wet = c < 6 ? 0.75 : 1;
    return [wet * (232 + 14 * grain), wet * (220 + 14 * grain), wet * (190 + 14 * grain)];
  }
  const crown = valueNoise(x / 6, y / 6, seed + 2);
  if (c < 150) return [30 + 40 * crown, 70 + 50 * crown, 35 + 30 * crown]; // filao trees
  if (c < 160) return [95 + 10 * grain, 95 + 10 * grain, 100 + 10 * grain]; // road
  const cellX = Math.floor(c / 18);
  const cellY = Math.floor(s / 18);
  const inHouse = (c / 18 - cellX) % 1 < 0.7 && (s / 18 - cellY) % 1 < 0.6;
  if (inHouse && latticeValue(cellX, cellY, seed + 3) < 0.55) {
    return latticeValue(cellX, cellY, seed + 4) < 0.5 ? [170, 60, 45] : [225, 225, 220]; // roofs
  }
  return [60 + 40 * crown, 110 + 40 * crown, 55 + 25 * crown]; // gardens
}
