/**
 * Geometry checks that JSON Schema cannot express: closed rings, enough distinct points, no self-intersection,
 * coordinates within WGS 84 longitude/latitude ranges, and an Item bbox that contains its geometry.
 *
 * Ring winding is only a warning: RFC 7946 §3.1.6 says parsers SHOULD NOT reject polygons that do not follow the
 * right-hand rule. Repeated consecutive positions are accepted (OGC Simple Features allows them).
 * Single-ring polygons use the fast sweep of ring-simplicity.ts; polygons with holes and multi-polygons are
 * checked with JTS `IsValidOp` (holes inside the shell, polygons not overlapping).
 * See https://www.rfc-editor.org/rfc/rfc7946 and https://github.com/radiantearth/stac-spec/blob/v1.1.0/item-spec/item-spec.md#bbox
 */
import type { Geometry, Polygon, Position } from 'geojson';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { findRingSelfIntersection, withoutRepeatedPositions } from './ring-simplicity.js';
import { geometryPositions } from '../../core/geometry-positions.js';

/** A problem found in a geometry or bbox; `path` is a JSON pointer into the STAC object. */
export interface GeometryIssue {
  path: string;
  message: string;
}

/** Where checks report: errors make the object invalid, warnings do not. */
export interface Findings {
  errors: GeometryIssue[];
  warnings: GeometryIssue[];
}

const jtsReader = new GeoJSONReader(new GeometryFactory());

/**
 * Checks an RFC 7946 geometry already known to match the GeoJSON schema (types and nesting are not re-checked).
 * A ring wound against the right-hand rule is a warning.
 *
 * @param path JSON pointer of the geometry, e.g. `/geometry`.
 */
export function checkGeometry(geometry: Geometry, path: string, findings: Findings): void {
  const issues = findings.errors;
  const errorCount = issues.length;
  checkRanges(geometry, path, issues);
  switch (geometry.type) {
    case 'LineString':
      checkLineString(geometry.coordinates, `${path}/coordinates`, issues);
      break;
    case 'MultiLineString':
      geometry.coordinates.forEach((line, index) =>
        checkLineString(line, `${path}/coordinates/${index}`, issues),
      );
      break;
    case 'Polygon':
      checkPolygonRings(geometry.coordinates, `${path}/coordinates`, findings);
      if (issues.length === errorCount && geometry.coordinates.length > 1)
        checkWithJts(geometry, path, issues);
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((polygon, index) =>
        checkPolygonRings(polygon, `${path}/coordinates/${index}`, findings),
      );
      if (
        issues.length === errorCount &&
        geometry.coordinates.some((polygon, index) => index > 0 || polygon.length > 1)
      ) {
        checkWithJts(geometry, path, issues);
      }
      break;
    case 'GeometryCollection':
      geometry.geometries.forEach((member, index) =>
        checkGeometry(member, `${path}/geometries/${index}`, findings),
      );
      break;
    default:
      break;
  }
}

/**
 * Checks a bbox: south ≤ north and latitudes within ±90 (errors). When a geometry is given, a bbox that does not
 * even overlap the geometry is an error, and one that leaves part of it outside (beyond ~10 m plus 0.1 % of its
 * size) is a warning: footprints and bboxes are often computed separately, and some official STAC examples carry
 * such a bbox. A west edge greater than the east edge is read as a box crossing the antimeridian (STAC item-spec).
 * The vertical extent of a 3D bbox is not compared.
 */
export function checkBbox(
  bbox: readonly number[],
  geometry: Geometry | null,
  path: string,
  findings: Findings,
): void {
  const is3d = bbox.length === 6;
  const [west, south, east, north] = is3d ? [bbox[0], bbox[1], bbox[3], bbox[4]] : bbox;
  if (south > north) {
    findings.errors.push({ path, message: `south edge ${south} is greater than north edge ${north}` });
    return;
  }
  if (south < -90 || north > 90) {
    findings.errors.push({ path, message: `latitudes must be within [-90, 90], got ${south}..${north}` });
    return;
  }
  const positions = geometry ? geometryPositions(geometry) : [];
  if (positions.length === 0) return;
  const tolerance = 1e-4 + 1e-3 * Math.max(north - south, west <= east ? east - west : 360 - west + east);
  const crossesAntimeridian = west > east;
  const isInside = ([x, y]: Position) =>
    (crossesAntimeridian
      ? x >= west - tolerance || x <= east + tolerance
      : x >= west - tolerance && x <= east + tolerance) &&
    y >= south - tolerance &&
    y <= north + tolerance;
  const outside = positions.find((position) => !isInside(position));
  if (!outside) return;
  const [minX, minY, maxX, maxY] = envelopeOf(positions);
  const isOverlappingY = minY <= north + tolerance && maxY >= south - tolerance;
  const isOverlappingX = crossesAntimeridian
    ? maxX >= west - tolerance || minX <= east + tolerance
    : minX <= east + tolerance && maxX >= west - tolerance;
  const extent = `[${bbox.join(', ')}]`;
  if (isOverlappingX && isOverlappingY) {
    findings.warnings.push({
      path,
      message: `does not contain the whole geometry: position [${outside[0]}, ${outside[1]}] is outside ${extent}`,
    });
  } else {
    findings.errors.push({
      path,
      message: `does not overlap the geometry: its extent [${minX}, ${minY}, ${maxX}, ${maxY}] is outside ${extent}`,
    });
  }
}

function envelopeOf(positions: Position[]): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positions) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

function checkRanges(geometry: Geometry, path: string, issues: GeometryIssue[]): void {
  const outside = geometryPositions(geometry).find(
    ([x, y]) => !(x >= -180 && x <= 180 && y >= -90 && y <= 90),
  );
  if (outside) {
    issues.push({
      path: `${path}/coordinates`,
      message: `position [${outside[0]}, ${outside[1]}] is outside longitude [-180, 180] / latitude [-90, 90]`,
    });
  }
}

function checkLineString(line: Position[], path: string, issues: GeometryIssue[]): void {
  if (withoutRepeatedPositions(line).length < 2)
    issues.push({ path, message: 'a LineString needs at least 2 distinct positions' });
}

function checkPolygonRings(rings: Position[][], path: string, findings: Findings): void {
  const issues = findings.errors;
  rings.forEach((ring, index) => {
    const ringPath = `${path}/${index}`;
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length < 4) {
      issues.push({
        path: ringPath,
        message: `a linear ring needs at least 4 positions, got ${ring.length}`,
      });
      return;
    }
    if (first[0] !== last[0] || first[1] !== last[1]) {
      issues.push({
        path: ringPath,
        message: `ring is not closed: first position [${first[0]}, ${first[1]}] differs from last [${last[0]}, ${last[1]}]`,
      });
      return;
    }
    const distinct = withoutRepeatedPositions(ring);
    if (distinct.length < 4) {
      issues.push({
        path: ringPath,
        message: `a linear ring needs at least 3 distinct positions, got ${distinct.length - 1}`,
      });
      return;
    }
    const defect = findRingSelfIntersection(distinct);
    if (defect) {
      issues.push({
        path: ringPath,
        message: `ring intersects itself at or near [${defect.at[0]}, ${defect.at[1]}]`,
      });
      return;
    }
    const isExterior = index === 0;
    if (signedArea(distinct) > 0 !== isExterior) {
      const expected = isExterior ? 'counterclockwise (exterior ring)' : 'clockwise (hole)';
      findings.warnings.push({
        path: ringPath,
        message: `ring does not follow the right-hand rule: expected ${expected}, see RFC 7946 §3.1.6`,
      });
    }
  });
}

/** Shoelace formula: positive for a counterclockwise ring in lon/lat axes. */
function signedArea(ring: readonly (readonly number[])[]): number {
  let twiceArea = 0;
  for (let i = 0; i < ring.length - 1; i++)
    twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return twiceArea / 2;
}

function checkWithJts(geometry: Polygon | Geometry, path: string, issues: GeometryIssue[]): void {
  const error = new IsValidOp(jtsReader.read(geometry)).getValidationError();
  if (!error) return;
  const at = error.getCoordinate();
  const where = at ? ` at or near [${at.x}, ${at.y}]` : '';
  issues.push({ path: `${path}/coordinates`, message: `invalid geometry: ${error.getMessage()}${where}` });
}
