/**
 * Bounding-box helpers of the SQLite store: boxes computed from GeoJSON, split at the antimeridian, and
 * turned into GeoJSON polygons for the exact `st_*` tests.
 * See RFC 7946 §5.2 (antimeridian) and STAC API item search `bbox`.
 */
import type { Geometry, Position } from 'geojson';
import type { Bbox } from '../../model/stac-types.js';

/** A 2D box that never crosses the antimeridian: west ≤ east. */
export interface PlainBox {
  minx: number;
  miny: number;
  maxx: number;
  maxy: number;
}

/** The 2D [west, south, east, north] of a STAC bbox (2D or 3D form). */
export function toBbox2D(bbox: Bbox | number[]): [number, number, number, number] {
  return bbox.length === 6 ? [bbox[0], bbox[1], bbox[3], bbox[4]] : [bbox[0], bbox[1], bbox[2], bbox[3]];
}

/** The box of every position in a geometry, or undefined for an empty geometry. Never crosses the antimeridian. */
export function geometryBbox(geometry: Geometry): [number, number, number, number] | undefined {
  const box = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number];
  const visit = (position: Position): void => {
    box[0] = Math.min(box[0], position[0]);
    box[1] = Math.min(box[1], position[1]);
    box[2] = Math.max(box[2], position[0]);
    box[3] = Math.max(box[3], position[1]);
  };
  const walk = (g: Geometry): void => {
    switch (g.type) {
      case 'Point':
        return visit(g.coordinates);
      case 'MultiPoint':
      case 'LineString':
        return g.coordinates.forEach(visit);
      case 'MultiLineString':
      case 'Polygon':
        return g.coordinates.forEach((ring) => ring.forEach(visit));
      case 'MultiPolygon':
        return g.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
      case 'GeometryCollection':
        return g.geometries.forEach(walk);
    }
  };
  walk(geometry);
  return Number.isFinite(box[0]) ? box : undefined;
}

/** Splits a [west, south, east, north] box into one or two plain boxes (two when west > east). */
export function splitAtAntimeridian(bbox: [number, number, number, number]): PlainBox[] {
  const [west, south, east, north] = bbox;
  if (west <= east) return [{ minx: west, miny: south, maxx: east, maxy: north }];
  return [
    { minx: west, miny: south, maxx: 180, maxy: north },
    { minx: -180, miny: south, maxx: east, maxy: north },
  ];
}

/** A GeoJSON Polygon (or MultiPolygon when crossing the antimeridian) covering a [west, south, east, north] box. */
export function bboxToGeometry(bbox: [number, number, number, number]): Geometry {
  const rings = splitAtAntimeridian(bbox).map(({ minx, miny, maxx, maxy }) => [
    [
      [minx, miny],
      [maxx, miny],
      [maxx, maxy],
      [minx, maxy],
      [minx, miny],
    ],
  ]);
  return rings.length === 1
    ? { type: 'Polygon', coordinates: rings[0] }
    : { type: 'MultiPolygon', coordinates: rings };
}

/**
 * The centre of an item box; boxes crossing the antimeridian (minx > maxx) have their centre wrapped back
 * into [-180, 180]. Undefined when the item has no box.
 */
export function boxCentre(
  minx: number | null,
  miny: number | null,
  maxx: number | null,
  maxy: number | null,
): [number, number] | undefined {
  if (minx === null || miny === null || maxx === null || maxy === null) return undefined;
  let x = minx <= maxx ? (minx + maxx) / 2 : (minx + maxx + 360) / 2;
  if (x > 180) x -= 360;
  return [x, (miny + maxy) / 2];
}
