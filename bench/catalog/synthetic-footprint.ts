/**
 * Satellite-scene-like footprints for the benchmark: a rotated strip of a given width (across track) and
 * length (along track), densified along its edges, sometimes with a corner cut off (the no-data corner of
 * a tiled product). Footprints that cross the antimeridian are split into a MultiPolygon as RFC 7946 §3.1.9
 * asks, and their bbox has west > east (§5.2).
 * Limits: a flat-earth approximation around the centre (fine up to a few thousand km, which covers every
 * sensor used here); latitudes are clamped to ±85°.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { SeededRandom } from './seeded-random.js';

export interface FootprintSpec {
  lon: number;
  lat: number;
  /** Across-track size in km. */
  widthKm: number;
  /** Along-track size in km. */
  lengthKm: number;
  /** Track direction, degrees clockwise from north. */
  headingDeg: number;
}

export interface Footprint {
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
}

const KM_PER_DEGREE = 111.32;
const MAX_LAT = 85;

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Builds the footprint; `random` decides densification and corner cutting. */
export function buildFootprint(spec: FootprintSpec, random: SeededRandom): Footprint {
  const halfW = spec.widthKm / 2;
  const halfL = spec.lengthKm / 2;
  // Counter-clockwise in a local east/north frame, so the ring is CCW in lon/lat too (RFC 7946 §3.1.6).
  let corners: [number, number][] = [
    [-halfW, -halfL],
    [halfW, -halfL],
    [halfW, halfL],
    [-halfW, halfL],
  ];
  if (random.next() < 0.3) corners = cutCorner(corners, random.int(0, 3), random.uniform(0.2, 0.6));
  const segments = spec.widthKm > 150 ? 4 : spec.widthKm > 40 ? 2 : 1;
  const local = densify(corners, segments);
  const heading = (spec.headingDeg * Math.PI) / 180;
  const cos = Math.cos(heading);
  const sin = Math.sin(heading);
  const kmPerLonDegree = KM_PER_DEGREE * Math.max(Math.cos((spec.lat * Math.PI) / 180), 0.05);
  const ring: Position[] = local.map(([x, y]) => {
    // Rotate clockwise by the heading: along-track (y) points to the heading.
    const east = x * cos + y * sin;
    const north = -x * sin + y * cos;
    const lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, spec.lat + north / KM_PER_DEGREE));
    return [spec.lon + east / kmPerLonDegree, lat];
  });
  ring.push([...ring[0]]);
  return toGeoJson(ring);
}

function cutCorner(corners: [number, number][], index: number, fraction: number): [number, number][] {
  const prev = corners[(index + 3) % 4];
  const corner = corners[index];
  const next = corners[(index + 1) % 4];
  const a: [number, number] = [
    corner[0] + (prev[0] - corner[0]) * fraction,
    corner[1] + (prev[1] - corner[1]) * fraction,
  ];
  const b: [number, number] = [
    corner[0] + (next[0] - corner[0]) * fraction,
    corner[1] + (next[1] - corner[1]) * fraction,
  ];
  return [...corners.slice(0, index), a, b, ...corners.slice(index + 1)];
}

function densify(corners: [number, number][], segments: number): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i < corners.length; i++) {
    const [x0, y0] = corners[i];
    const [x1, y1] = corners[(i + 1) % corners.length];
    for (let s = 0; s < segments; s++) {
      const t = s / segments;
      points.push([x0 + (x1 - x0) * t, y0 + (y1 - y0) * t]);
    }
  }
  return points;
}

/** Normalises longitudes, splitting at ±180° when the unwrapped ring goes past it. */
function toGeoJson(ring: Position[]): Footprint {
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const south = round6(Math.min(...lats));
  const north = round6(Math.max(...lats));
  const minLon = Math.min(...lons);
  const maxLon = Math.max(...lons);
  if (minLon >= -180 && maxLon <= 180) {
    return {
      geometry: { type: 'Polygon', coordinates: [ring.map(roundPosition)] },
      bbox: [round6(minLon), south, round6(maxLon), north],
    };
  }
  if (minLon >= 180 || maxLon <= -180) {
    const shift = minLon >= 180 ? -360 : 360;
    return toGeoJson(ring.map(([lon, lat]) => [lon + shift, lat]));
  }
  // Work in a frame where the crossing is at +180, then clip into the two halves.
  const unwrapped = maxLon > 180 ? ring : ring.map(([lon, lat]) => [lon + 360, lat]);
  const westPart = clipRing(unwrapped, (lon) => lon <= 180);
  const eastPart = clipRing(unwrapped, (lon) => lon >= 180).map(([lon, lat]) => [lon - 360, lat]);
  const westLons = westPart.map((p) => p[0]);
  const eastLons = eastPart.map((p) => p[0]);
  return {
    geometry: {
      type: 'MultiPolygon',
      coordinates: [[westPart.map(roundPosition)], [eastPart.map(roundPosition)]],
    },
    bbox: [round6(Math.min(...westLons)), south, round6(Math.max(...eastLons)), north],
  };
}

/** Sutherland–Hodgman clipping of a closed ring against the half-plane `lon <= 180` or `lon >= 180`. */
function clipRing(ring: Position[], isInside: (lon: number) => boolean): Position[] {
  const output: Position[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const current = ring[i];
    const next = ring[i + 1];
    const currentIn = isInside(current[0]);
    const nextIn = isInside(next[0]);
    if (currentIn) output.push(current);
    if (currentIn !== nextIn && current[0] !== 180 && next[0] !== 180) {
      const t = (180 - current[0]) / (next[0] - current[0]);
      output.push([180, current[1] + (next[1] - current[1]) * t]);
    }
  }
  output.push([...output[0]]);
  return output;
}

function roundPosition(position: Position): Position {
  return [round6(position[0]), round6(position[1])];
}
