/**
 * Exact spatial predicates of CQL2 on GeoJSON, computed with JSTS (a port of JTS, DE-9IM semantics).
 * The constant operand of a search is prepared once ({@link prepareSpatialOperand}) so that testing
 * many rows against it reuses its envelope and, for point rows against an area, an indexed
 * point-in-area locator (JSTS 2.12's PreparedGeometry classes cannot be constructed, so they are not used).
 * Coordinates are planar (longitude/latitude as x/y); BBOX literals whose west edge exceeds the east
 * edge are split at the antimeridian.
 * See OGC 21-065r2 clause 7.8 (Spatial functions) and OGC 06-103r4 clause 6.1.15 (DE-9IM).
 */
import 'jsts/org/locationtech/jts/monkey.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import IndexedPointInAreaLocator from 'jsts/org/locationtech/jts/algorithm/locate/IndexedPointInAreaLocator.js';
import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import Location from 'jsts/org/locationtech/jts/geom/Location.js';
import type { Geometry, Position } from 'geojson';
import { intersectsAreaWithoutSharedVertex, prepareArea } from './cql2-area-intersects.js';
import type { PreparedArea } from './cql2-area-intersects.js';

export type SpatialOperator =
  | 's_intersects'
  | 's_equals'
  | 's_disjoint'
  | 's_touches'
  | 's_within'
  | 's_overlaps'
  | 's_crosses'
  | 's_contains';

/** The subset of the (monkey-patched) JSTS Geometry API used here. */
interface JstsGeometry {
  intersects(other: JstsGeometry): boolean;
  contains(other: JstsGeometry): boolean;
  within(other: JstsGeometry): boolean;
  touches(other: JstsGeometry): boolean;
  overlaps(other: JstsGeometry): boolean;
  crosses(other: JstsGeometry): boolean;
  equalsTopo(other: JstsGeometry): boolean;
  getGeometryType(): string;
}

interface PointInAreaLocator {
  locate(point: Coordinate): number;
}

/** [minx, miny, maxx, maxy] */
export type Envelope = [number, number, number, number];

/** A geometry ready to be tested against many others. */
export interface PreparedSpatialOperand {
  geometry: JstsGeometry;
  envelope: Envelope;
  /** Present when the operand is polygonal: locates a point as interior, boundary or exterior. */
  locator?: PointInAreaLocator;
  /** True when the operand is an axis-aligned rectangle equal to its envelope (e.g. a BBOX). */
  isRectangle: boolean;
  /** Present when the operand is polygonal: edges for the exact intersects test. */
  area?: PreparedArea;
}

const reader = new GeoJSONReader(new GeometryFactory());

/** Reads a GeoJSON geometry (or the geometry of a Feature) into JSTS; throws on malformed input. */
function toJsts(geometry: Geometry): JstsGeometry {
  return reader.read(geometry) as unknown as JstsGeometry;
}

/** Converts a CQL2 BBOX (4 or 6 numbers) to a polygon, or to two polygons across the antimeridian. */
export function bboxToGeometry(bbox: number[]): Geometry {
  const is3d = bbox.length === 6;
  const [west, south, east, north] = is3d ? [bbox[0], bbox[1], bbox[3], bbox[4]] : bbox;
  const box = (w: number, e: number): Position[][] => [
    [
      [w, south],
      [e, south],
      [e, north],
      [w, north],
      [w, south],
    ],
  ];
  if (west <= east) return { type: 'Polygon', coordinates: box(west, east) };
  return { type: 'MultiPolygon', coordinates: [box(west, 180), box(-180, east)] };
}

/** Envelope of a GeoJSON geometry from its coordinates (no JSTS object needed). */
export function envelopeOf(geometry: Geometry): Envelope {
  const envelope: Envelope = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      const [x, y] = value as number[];
      if (x < envelope[0]) envelope[0] = x;
      if (y < envelope[1]) envelope[1] = y;
      if (x > envelope[2]) envelope[2] = x;
      if (y > envelope[3]) envelope[3] = y;
      return;
    }
    for (const item of value) visit(item);
  };
  if (geometry.type === 'GeometryCollection') {
    for (const part of geometry.geometries) {
      const e = envelopeOf(part);
      envelope[0] = Math.min(envelope[0], e[0]);
      envelope[1] = Math.min(envelope[1], e[1]);
      envelope[2] = Math.max(envelope[2], e[2]);
      envelope[3] = Math.max(envelope[3], e[3]);
    }
  } else {
    visit(geometry.coordinates);
  }
  return envelope;
}

/** Builds the reusable form of a constant geometry (JSTS geometry, envelope, point locator for areas). */
export function prepareSpatialOperand(geometry: Geometry): PreparedSpatialOperand {
  const jsts = toJsts(geometry);
  const isAreal = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
  const locator = isAreal ? (new IndexedPointInAreaLocator(jsts as never) as PointInAreaLocator) : undefined;
  const envelope = envelopeOf(geometry);
  const area = isAreal ? prepareArea(geometry) : undefined;
  return { geometry: jsts, envelope, locator, area, isRectangle: isAxisAlignedRectangle(geometry, envelope) };
}

function isAxisAlignedRectangle(geometry: Geometry, envelope: Envelope): boolean {
  if (geometry.type !== 'Polygon' || geometry.coordinates.length !== 1) return false;
  const ring = geometry.coordinates[0];
  if (ring.length !== 5) return false;
  const onCorner = (p: Position): boolean =>
    (p[0] === envelope[0] || p[0] === envelope[2]) && (p[1] === envelope[1] || p[1] === envelope[3]);
  const distinct = new Set(ring.slice(0, 4).map((p) => `${p[0]},${p[1]}`));
  return (
    ring.every(onCorner) && distinct.size === 4 && envelope[0] < envelope[2] && envelope[1] < envelope[3]
  );
}

/** Calls `visit` on every position of a geometry until it returns true; returns whether one did. */
function somePosition(geometry: Geometry, visit: (p: Position) => boolean): boolean {
  const walk = (value: unknown): boolean => {
    if (!Array.isArray(value)) return false;
    if (typeof value[0] === 'number') return visit(value as Position);
    return value.some(walk);
  };
  if (geometry.type === 'GeometryCollection') return geometry.geometries.some((g) => somePosition(g, visit));
  return walk(geometry.coordinates);
}

/**
 * Answers from envelopes and vertices alone where that is exact, so most rows of a bbox or polygon
 * search never build a JSTS geometry: a row whose box lies inside a rectangle intersects it (and is
 * within it when strictly inside); a row with a vertex inside an area intersects it; a row with a
 * vertex outside an area is not within it. Undefined when the full test is needed.
 */
function relateByVertices(
  op: SpatialOperator,
  a: Geometry,
  envelope: Envelope,
  b: PreparedSpatialOperand,
): boolean | undefined {
  if (op !== 's_intersects' && op !== 's_disjoint' && op !== 's_within') return undefined;
  const isDisjoint = op === 's_disjoint';
  if (b.isRectangle) {
    const [x0, y0, x1, y1] = b.envelope;
    if (op === 's_within') {
      if (envelope[0] > x0 && envelope[2] < x1 && envelope[1] > y0 && envelope[3] < y1) return true;
    } else {
      if (envelope[0] >= x0 && envelope[2] <= x1 && envelope[1] >= y0 && envelope[3] <= y1)
        return !isDisjoint;
      if (somePosition(a, (p) => p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1)) return !isDisjoint;
    }
  }
  if (b.locator === undefined) return undefined;
  const locator = b.locator;
  const locate = (p: Position): number => locator.locate(new Coordinate(p[0], p[1]));
  if (op === 's_within') return somePosition(a, (p) => locate(p) === Location.EXTERIOR) ? false : undefined;
  if (somePosition(a, (p) => locate(p) !== Location.EXTERIOR)) return !isDisjoint;
  if (b.area === undefined) return undefined;
  return intersectsAreaWithoutSharedVertex(a, envelope, b.area) !== isDisjoint;
}

function envelopesIntersect(a: Envelope, b: Envelope): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

function envelopeCovers(outer: Envelope, inner: Envelope): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

/**
 * Evaluates `op(a, b)` where `a` is a GeoJSON geometry (typically a row) and `b` a prepared operand.
 * Envelope tests answer most non-matching rows without building a JSTS geometry.
 */
export function relateToPrepared(op: SpatialOperator, a: Geometry, b: PreparedSpatialOperand): boolean {
  const envelope = envelopeOf(a);
  if (!envelopesIntersect(envelope, b.envelope)) return op === 's_disjoint';
  if (op === 's_within' && !envelopeCovers(b.envelope, envelope)) return false;
  if (op === 's_contains' && !envelopeCovers(envelope, b.envelope)) return false;
  if (a.type === 'Point' && b.locator !== undefined) {
    const fast = relatePointToArea(op, b.locator.locate(new Coordinate(a.coordinates[0], a.coordinates[1])));
    if (fast !== undefined) return fast;
  }
  const byVertices = relateByVertices(op, a, envelope, b);
  if (byVertices !== undefined) return byVertices;
  const geometry = toJsts(a);
  switch (op) {
    case 's_intersects':
      return geometry.intersects(b.geometry);
    case 's_disjoint':
      return !geometry.intersects(b.geometry);
    case 's_within':
      return geometry.within(b.geometry);
    case 's_contains':
      return geometry.contains(b.geometry);
    case 's_equals':
      return geometry.equalsTopo(b.geometry);
    case 's_touches':
      return geometry.touches(b.geometry);
    case 's_overlaps':
      return geometry.overlaps(b.geometry);
    case 's_crosses':
      return geometry.crosses(b.geometry);
  }
}

/** DE-9IM of a point against an area from the point's location alone; undefined when it is not enough. */
function relatePointToArea(op: SpatialOperator, location: number): boolean | undefined {
  switch (op) {
    case 's_intersects':
      return location !== Location.EXTERIOR;
    case 's_disjoint':
      return location === Location.EXTERIOR;
    case 's_within':
      return location === Location.INTERIOR;
    case 's_touches':
      return location === Location.BOUNDARY;
    case 's_contains':
    case 's_equals':
    case 's_overlaps':
    case 's_crosses':
      return false;
  }
}

/** The geometry of a GeoJSON Geometry or Feature value; undefined when `value` is neither. */
export function asGeoJsonGeometry(value: unknown): Geometry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const object = value as { type?: unknown; geometry?: unknown; coordinates?: unknown; geometries?: unknown };
  if (object.type === 'Feature') return asGeoJsonGeometry(object.geometry);
  if (object.type === 'GeometryCollection')
    return Array.isArray(object.geometries) ? (value as Geometry) : undefined;
  if (typeof object.type === 'string' && Array.isArray(object.coordinates)) return value as Geometry;
  return undefined;
}
