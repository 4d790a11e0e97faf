/**
 * Structural check of GeoJSON geometry literals in CQL2-JSON: known type, coordinate nesting, finite
 * numbers, closed rings of at least 4 positions. Topological validity (self-intersection) is not checked.
 * See RFC 7946 section 3.1.
 */
import type { Geometry } from 'geojson';

type Fail = (message: string, pointer: string) => never;

const POSITION_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** Returns the geometry when valid, otherwise calls `fail` with the JSON pointer of the problem. */
export function validateGeoJsonGeometry(
  object: Record<string, unknown>,
  pointer: string,
  fail: Fail,
): Geometry {
  const type = object.type;
  if (type === 'GeometryCollection') {
    if (!Array.isArray(object.geometries)) fail('"geometries" must be an array', `${pointer}/geometries`);
    (object.geometries as unknown[]).forEach((g, i) => {
      const at = `${pointer}/geometries/${i}`;
      if (typeof g !== 'object' || g === null || Array.isArray(g)) fail('a geometry must be an object', at);
      validateGeoJsonGeometry(g as Record<string, unknown>, at, fail);
    });
    return object as unknown as Geometry;
  }
  if (typeof type !== 'string' || !(type in POSITION_DEPTH)) {
    fail(`unknown geometry type ${JSON.stringify(type)}`, `${pointer}/type`);
  }
  checkCoordinates(
    object.coordinates,
    POSITION_DEPTH[type as string],
    type as string,
    `${pointer}/coordinates`,
    fail,
  );
  return object as unknown as Geometry;
}

function checkCoordinates(value: unknown, depth: number, type: string, pointer: string, fail: Fail): void {
  if (!Array.isArray(value)) fail('coordinates must be arrays', pointer);
  const array = value as unknown[];
  if (depth === 0) {
    if (
      array.length < 2 ||
      array.length > 4 ||
      !array.every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      fail('a position must be 2 to 4 finite numbers', pointer);
    }
    return;
  }
  array.forEach((item, i) => checkCoordinates(item, depth - 1, type, `${pointer}/${i}`, fail));
  const isRing = (type === 'Polygon' && depth === 1) || (type === 'MultiPolygon' && depth === 1);
  if (isRing) {
    const ring = array as number[][];
    const [first, last] = [ring[0], ring[ring.length - 1]];
    if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1]) {
      fail('a polygon ring must be closed and have at least 4 positions', pointer);
    }
  }
  if (type === 'LineString' && depth === 1 && array.length < 2)
    fail('a LineString needs at least 2 positions', pointer);
}
