/**
 * Parsing of the `intersects` search parameter: a GeoJSON geometry, checked for structure (RFC 7946) and
 * for topological validity with JTS rules (no self-intersection, closed rings, holes inside shells).
 * See https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/item-search#query-parameter-table
 */
import type { Geometry, Position } from 'geojson';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { InvalidSearchError } from '../catalog-errors.js';
import { isClearlySimpleRing } from './simple-ring.js';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/**
 * Parses `intersects` from a JSON string (GET) or an object (POST) and returns the geometry unchanged.
 * Coordinates must be finite numbers within longitude [-180, 180] and latitude [-90, 90].
 *
 * @throws InvalidSearchError with the JTS reason and the offending coordinate, e.g.
 *   "intersects polygon is invalid: Self-intersection at (0.5, 0.5)".
 */
export function parseIntersects(input: unknown, location = 'intersects'): Geometry {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new InvalidSearchError('intersects is not valid JSON', location);
    }
  }
  checkStructure(value, location);
  const geometry = value as Geometry;
  // The usual search polygon, a small ring without holes, is proven valid without JTS.
  if (
    geometry.type === 'Polygon' &&
    geometry.coordinates.length === 1 &&
    isClearlySimpleRing(geometry.coordinates[0])
  )
    return geometry;
  let jtsGeometry: unknown;
  try {
    jtsGeometry = new GeoJSONReader(new GeometryFactory()).read(geometry);
  } catch (error) {
    throw new InvalidSearchError(`intersects geometry is malformed: ${(error as Error).message}`, location);
  }
  const validity = new IsValidOp(jtsGeometry);
  if (!validity.isValid()) {
    const problem = validity.getValidationError();
    const at = problem.getCoordinate();
    const where = at ? ` at (${at.x}, ${at.y})` : '';
    throw new InvalidSearchError(
      `intersects ${geometry.type} is invalid: ${problem.getMessage()}${where}`,
      location,
    );
  }
  return geometry;
}

function checkStructure(value: unknown, location: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidSearchError('intersects must be a GeoJSON geometry object', location);
  }
  const object = value as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (typeof object.type !== 'string' || !GEOMETRY_TYPES.has(object.type)) {
    throw new InvalidSearchError(
      `intersects type ${JSON.stringify(object.type)?.slice(0, 50)} is not a GeoJSON geometry type`,
      location,
    );
  }
  if (object.type === 'GeometryCollection') {
    if (!Array.isArray(object.geometries)) {
      throw new InvalidSearchError('intersects GeometryCollection has no geometries array', location);
    }
    object.geometries.forEach((member, index) => checkStructure(member, `${location}.geometries[${index}]`));
    return;
  }
  const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[
    object.type as Exclude<Geometry['type'], 'GeometryCollection'>
  ];
  checkCoordinates(object.coordinates, depth, `${location}.coordinates`);
  if (object.type === 'Polygon') checkRings(object.coordinates as Position[][], location);
  if (object.type === 'MultiPolygon') {
    (object.coordinates as Position[][][]).forEach((rings) => checkRings(rings, location));
  }
}

function checkCoordinates(value: unknown, depth: number, location: string): void {
  if (!Array.isArray(value)) throw new InvalidSearchError('coordinates must be an array', location);
  if (depth === 0) {
    if (
      value.length < 2 ||
      value.length > 3 ||
      !value.every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      throw new InvalidSearchError('a position must be 2 or 3 finite numbers', location);
    }
    const [lon, lat] = value as number[];
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      throw new InvalidSearchError(`position (${lon}, ${lat}) is outside longitude/latitude range`, location);
    }
    return;
  }
  if (value.length === 0) throw new InvalidSearchError('coordinates array is empty', location);
  value.forEach((member, index) => checkCoordinates(member, depth - 1, `${location}[${index}]`));
}

function checkRings(rings: Position[][], location: string): void {
  rings.forEach((ring, index) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1]) {
      throw new InvalidSearchError(
        `intersects polygon ring ${index} must be closed and have at least 4 positions`,
        location,
      );
    }
  });
}
