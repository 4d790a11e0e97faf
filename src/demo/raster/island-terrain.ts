/**
 * A synthetic terrain of La Réunion at its true coordinates, in metres of RGR92 / UTM 40S (EPSG:2975; WGS 84 /
 * UTM 40S coordinates are the same to the centimetre, so Sentinel-2 grids use it too). Built from the coastline
 * REUNION_OUTLINE: the Piton des Neiges shield (~3070 m) with the cirques of Mafate, Salazie and Cilaos cut into
 * it and their gorges running to the sea, the Piton de la Fournaise shield with the horseshoe of the Enclos
 * Fouqué open to the east and its summit cone (~2630 m) with the Dolomieu crater, fractal roughness and gullies,
 * and a sea floor deepening away from the coast. Pure functions of the position and a noise seed.
 */
import { FOURNAISE_SUMMIT, projectLonLat, REUNION_OUTLINE } from '../catalog/demo-places.js';
import { EPSG_RGR92_UTM40S } from '../catalog/demo-places.js';
import { signedDistanceToRing } from './coast-distance.js';
import { fractalNoise, smoothstep } from './value-noise.js';

const at = (lon: number, lat: number) => projectLonLat(EPSG_RGR92_UTM40S, lon, lat);

export const PITON_DES_NEIGES = { lonLat: [55.4887, -21.0989] as const, elevation: 3070 };
export const PITON_DE_LA_FOURNAISE = { lonLat: [55.7131, -21.2442] as const, elevation: 2632 };

const NEIGES = at(...PITON_DES_NEIGES.lonLat);
const FOURNAISE = at(...PITON_DE_LA_FOURNAISE.lonLat);
const DOLOMIEU = at(...FOURNAISE_SUMMIT);
/** Centre of the Enclos Fouqué horseshoe; it is open towards the sea, eastwards. */
const ENCLOS = { centre: at(55.757, -21.245), westRadius: 6600, halfWidth: 4600 };

interface Cirque {
  name: string;
  centre: [number, number];
  radius: number;
  floor: number;
  /** Where its river leaves it for the sea. */
  outlet: [number, number];
}

/** The three cirques of the Piton des Neiges, with the mouths of the rivers that drain them. */
export const CIRQUES: readonly Cirque[] = [
  { name: 'Mafate', centre: at(55.425, -21.055), radius: 5200, floor: 650, outlet: at(55.3, -20.95) },
  { name: 'Salazie', centre: at(55.53, -21.05), radius: 4700, floor: 750, outlet: at(55.63, -20.965) },
  { name: 'Cilaos', centre: at(55.468, -21.14), radius: 4200, floor: 1150, outlet: at(55.42, -21.285) },
];

/** The coastline ring, without its closing vertex (a zero-length edge). */
const COAST = REUNION_OUTLINE.slice(0, -1).map(([lon, lat]) => at(lon, lat));

/** Signed distance to the coastline in metres: positive inland, negative at sea. */
export function inlandDistance(x: number, y: number): number {
  return signedDistanceToRing(COAST, x, y);
}

/** 1 inside the Enclos Fouqué, 0 outside, with a steep 300 m transition at its ramparts. */
export function enclosMembership(x: number, y: number): number {
  const u = x - ENCLOS.centre[0];
  const v = y - ENCLOS.centre[1];
  const e = u < 0 ? Math.hypot(u / ENCLOS.westRadius, v / ENCLOS.halfWidth) : Math.abs(v / ENCLOS.halfWidth);
  return smoothstep(1, 0.95, e);
}

/** 1 on the floor of a cirque, 0 outside it, for the radius factor `wobble` at that point. */
function cirqueMembership(x: number, y: number, wobble: number): number {
  let membership = 0;
  for (const cirque of CIRQUES) {
    const r = Math.hypot(x - cirque.centre[0], y - cirque.centre[1]) / (cirque.radius * wobble);
    membership = Math.max(membership, smoothstep(1, 0.8, r));
  }
  return membership;
}

/** Elevation of a cirque and its gorge at a point (Infinity where neither lowers the ground). */
function cirqueCeiling(x: number, y: number, cirque: Cirque, wobble: number): number {
  const r = Math.hypot(x - cirque.centre[0], y - cirque.centre[1]) / (cirque.radius * wobble);
  // Ramparts: the floor, tilted towards the outlet, rises by 2300 m over the outer quarter of the radius.
  const bowl = cirque.floor + 250 * r + 2300 * smoothstep(0.72, 1.02, r);
  const [ox, oy] = cirque.outlet;
  const dx = ox - cirque.centre[0];
  const dy = oy - cirque.centre[1];
  const length = Math.hypot(dx, dy);
  const along = ((x - cirque.centre[0]) * dx + (y - cirque.centre[1]) * dy) / length;
  const across = Math.abs(((x - cirque.centre[0]) * dy - (y - cirque.centre[1]) * dx) / length);
  // The gorge: its bed descends linearly to sea level, its walls rise at 0.9 m per metre.
  const gorge =
    along < 0 ? Infinity : cirque.floor * (1 - Math.min(1, along / length)) + 0.9 * Math.max(0, across - 250);
  return Math.min(bowl, gorge);
}

/** Smooth maximum (log-sum-exp with a width of `k` metres), so that the two shields join without a crease. */
function smoothMax(a: number, b: number, k: number): number {
  const m = Math.max(a, b);
  return m + k * Math.log(Math.exp((a - m) / k) + Math.exp((b - m) / k));
}

/** The island's elevation model for a noise seed. */
export interface IslandTerrain {
  /** Elevation above sea level in metres (negative at sea); `inland` is the point's inlandDistance when known. */
  elevationAt(x: number, y: number, inland?: number): number;
  /** 1 on the floor of a cirque, 0 outside. */
  cirqueAt(x: number, y: number): number;
}

export function createIslandTerrain(seed: number): IslandTerrain {
  const wobbleAt = (x: number, y: number) => 0.85 + 0.3 * fractalNoise(x, y, 5000, seed + 303, 2);
  const elevationAt = (x: number, y: number, inland = inlandDistance(x, y)): number => {
    if (inland < 0) return Math.max(-4000, -20 + inland * 0.12);
    const neiges = 3030 * Math.max(0, 1 - Math.hypot(x - NEIGES[0], y - NEIGES[1]) / 32000) ** 1.6;
    const fournaiseDistance = Math.hypot(x - FOURNAISE[0], y - FOURNAISE[1]);
    const fournaise = 2420 * Math.max(0, 1 - fournaiseDistance / 23000) ** 1.35;
    let h = smoothMax(neiges, fournaise, 120);
    // Cirque outlines are circles whose radius varies by ±15 % with a noise field.
    const wobble = wobbleAt(x, y);
    for (const cirque of CIRQUES) h = Math.min(h, cirqueCeiling(x, y, cirque, wobble));
    // The Enclos: its floor lies 220 m below the surrounding shield; the summit cone rises from it.
    const enclos = enclosMembership(x, y);
    h -= 220 * enclos;
    h += 430 * Math.max(0, 1 - fournaiseDistance / 3600) ** 1.3 * enclos;
    h -= 160 * smoothstep(420, 180, Math.hypot(x - DOLOMIEU[0], y - DOLOMIEU[1]));
    // Roughness and the ravines radiating from the nearer summit grow with height, so the coastal plains stay
    // smooth; the ravines wander and deepen by noise fields, fade out near the summits, and the young lava of
    // the Enclos has none.
    const relief = Math.min(1, h / 400);
    const rough = fractalNoise(x, y, 4000, seed, 5) - 0.5;
    const [px, py] = neiges > fournaise ? NEIGES : FOURNAISE;
    const phase = 36 * Math.atan2(y - py, x - px) + 3 * fractalNoise(x, y, 6000, seed + 101, 2);
    const depth = (0.2 + 1.6 * fractalNoise(x, y, 2500, seed + 202, 2)) * (1 - enclos);
    const ravine =
      (1 - Math.abs(Math.sin(phase))) ** 3 * depth * smoothstep(1500, 6000, Math.hypot(x - px, y - py));
    h += relief * (140 * rough - 150 * ravine + 40);
    // Coastal taper: the land meets the sea at a few metres.
    return 2 + Math.max(0, h - 2) * smoothstep(0, 2200, inland) ** 0.7;
  };
  return {
    elevationAt,
    cirqueAt: (x, y) => cirqueMembership(x, y, wobbleAt(x, y)),
  };
}
