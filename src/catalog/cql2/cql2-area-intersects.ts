/**
 * Exact "does this geometry intersect this area" for a constant polygonal operand, without rebuilding
 * the area's topology graph for every row as JSTS's RelateOp does. Two closed sets intersect exactly
 * when a vertex of one lies in the other, or their boundaries meet; the three tests below check
 * precisely that, with JTS's robust (double-double) orientation predicate for segment contact.
 * See OGC 06-103r4 clause 6.1.15.3 (Intersects) and JTS CGAlgorithmsDD.
 */
import CGAlgorithmsDD from 'jsts/org/locationtech/jts/algorithm/CGAlgorithmsDD.js';
import type { Geometry, Position } from 'geojson';
import type { Envelope } from './cql2-spatial.js';

interface Point {
  x: number;
  y: number;
}

interface Segment {
  a: Point;
  b: Point;
  minx: number;
  maxx: number;
  miny: number;
  maxy: number;
}

/** The area's edges (bucketed by x so a row only meets the edges near it) and one vertex per polygon. */
export interface PreparedArea {
  buckets: Segment[][];
  bucketMinX: number;
  bucketWidth: number;
  polygonVertices: Point[];
}

const BUCKETS = 256;

const orientation = (p: Point, q: Point, r: Point): number =>
  (CGAlgorithmsDD as unknown as { orientationIndex(a: Point, b: Point, c: Point): number }).orientationIndex(
    p,
    q,
    r,
  );

function toPoint(p: Position): Point {
  return { x: p[0], y: p[1] };
}

function segmentsOf(lines: Position[][]): Segment[] {
  const segments: Segment[] = [];
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const a = toPoint(line[i]);
      const b = toPoint(line[i + 1]);
      segments.push({
        a,
        b,
        minx: Math.min(a.x, b.x),
        maxx: Math.max(a.x, b.x),
        miny: Math.min(a.y, b.y),
        maxy: Math.max(a.y, b.y),
      });
    }
  }
  return segments;
}

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonsOf);
  return [];
}

function linesOf(geometry: Geometry): Position[][] {
  switch (geometry.type) {
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    case 'GeometryCollection':
      return geometry.geometries.flatMap(linesOf);
    default:
      return [];
  }
}

/** Prepares a Polygon or MultiPolygon for {@link intersectsArea}. */
export function prepareArea(area: Geometry): PreparedArea {
  const polygons = polygonsOf(area);
  const segments = segmentsOf(polygons.flat());
  let minX = Infinity;
  let maxX = -Infinity;
  for (const segment of segments) {
    minX = Math.min(minX, segment.minx);
    maxX = Math.max(maxX, segment.maxx);
  }
  const count = segments.length > 64 && maxX > minX ? BUCKETS : 1;
  const width = count === 1 ? Infinity : (maxX - minX) / count;
  const buckets: Segment[][] = Array.from({ length: count }, () => []);
  for (const segment of segments) {
    const [first, last] = bucketRange(segment.minx, segment.maxx, minX, width, count);
    for (let b = first; b <= last; b++) buckets[b].push(segment);
  }
  return {
    buckets,
    bucketMinX: minX,
    bucketWidth: width,
    polygonVertices: polygons.filter((p) => p[0]?.length > 0).map((p) => toPoint(p[0][0])),
  };
}

function bucketRange(lo: number, hi: number, minX: number, width: number, count: number): [number, number] {
  if (count === 1) return [0, 0];
  const clamp = (i: number): number => Math.min(count - 1, Math.max(0, i));
  return [clamp(Math.floor((lo - minX) / width)), clamp(Math.floor((hi - minX) / width))];
}

function onSegment(s: Segment, p: Point): boolean {
  return p.x >= s.minx && p.x <= s.maxx && p.y >= s.miny && p.y <= s.maxy;
}

function segmentsTouch(s: Segment, t: Segment): boolean {
  const o1 = orientation(s.a, s.b, t.a);
  const o2 = orientation(s.a, s.b, t.b);
  const o3 = orientation(t.a, t.b, s.a);
  const o4 = orientation(t.a, t.b, s.b);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  return (
    (o1 === 0 && onSegment(s, t.a)) ||
    (o2 === 0 && onSegment(s, t.b)) ||
    (o3 === 0 && onSegment(t, s.a)) ||
    (o4 === 0 && onSegment(t, s.b))
  );
}

/** Even-odd point-in-polygon; boundary points may go either way (boundary contact is tested apart). */
function isInsidePolygon(point: Point, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > point.y !== yj > point.y && point.x < ((xj - xi) * (point.y - yi)) / (yj - yi) + xi)
        inside = !inside;
    }
  }
  return inside;
}

/**
 * True when `row` intersects the prepared area. Precondition: no vertex of `row` lies in the area
 * (the caller has checked that with a point locator), so only boundary contact and the area lying
 * inside the row remain to be tested.
 */
export function intersectsAreaWithoutSharedVertex(
  row: Geometry,
  rowEnvelope: Envelope,
  area: PreparedArea,
): boolean {
  const rowPolygons = polygonsOf(row);
  for (const vertex of area.polygonVertices) {
    if (rowPolygons.some((rings) => isInsidePolygon(vertex, rings))) return true;
  }
  const rowSegments = segmentsOf(linesOf(row));
  const [minx, miny, maxx, maxy] = rowEnvelope;
  const { buckets, bucketMinX, bucketWidth } = area;
  const [first, last] = bucketRange(minx, maxx, bucketMinX, bucketWidth, buckets.length);
  for (let b = first; b <= last; b++) {
    for (const t of buckets[b]) {
      if (t.maxx < minx || t.minx > maxx || t.maxy < miny || t.miny > maxy) continue;
      for (const s of rowSegments) {
        if (s.maxx < t.minx || s.minx > t.maxx || s.maxy < t.miny || s.miny > t.maxy) continue;
        if (segmentsTouch(s, t)) return true;
      }
    }
  }
  return false;
}
