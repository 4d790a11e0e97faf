/**
 * Fast test that a closed linear ring is simple (does not touch or cross itself), the check behind most polygon
 * validity in STAC footprints. A sweep over segments sorted by x keeps it near O(n log n) for large rings.
 *
 * Limits: plain double-precision orientation tests (no robust predicates), so a ring whose vertices are within
 * ~1e-15 of another segment may be judged either way. Rings with holes and multi-polygons are left to JTS
 * (see geometry-checks.ts). See OGC Simple Features 1.2.1 §6.1.7.1 (simple LinearRing).
 */

type Position = readonly number[];

/** Where a ring first touches itself, or `undefined` for a simple ring. */
export interface RingDefect {
  /** Index (in the ring after removing repeated consecutive positions) of the first segment involved. */
  segment: number;
  at: [number, number];
}

/** Positions without repeated consecutive duplicates (which OGC and JTS allow and ignore). */
export function withoutRepeatedPositions(ring: readonly Position[]): Position[] {
  const result: Position[] = [];
  for (const position of ring) {
    const last = result[result.length - 1];
    if (!last || last[0] !== position[0] || last[1] !== position[1]) result.push(position);
  }
  return result;
}

/**
 * Finds a self-intersection of a closed ring given without repeated consecutive positions (first position equal
 * to the last, at least 4 positions). Adjacent segments may only share their common vertex; a spike that turns
 * back on itself is a self-intersection.
 */
export function findRingSelfIntersection(ring: readonly Position[]): RingDefect | undefined {
  const segmentCount = ring.length - 1;
  for (let i = 0; i < segmentCount; i++) {
    const previous = ring[i === 0 ? segmentCount - 1 : i - 1];
    if (isBacktrack(previous, ring[i], ring[i + 1])) return { segment: i, at: [ring[i][0], ring[i][1]] };
  }
  const minX = new Float64Array(segmentCount);
  const maxX = new Float64Array(segmentCount);
  for (let i = 0; i < segmentCount; i++) {
    minX[i] = Math.min(ring[i][0], ring[i + 1][0]);
    maxX[i] = Math.max(ring[i][0], ring[i + 1][0]);
  }
  return segmentCount <= SMALL_RING ? findByPairs(ring, minX, maxX) : findBySweep(ring, minX, maxX);
}

/** Below this many segments, testing every pair is faster than sorting for a sweep. */
const SMALL_RING = 64;

function findByPairs(
  ring: readonly Position[],
  minX: Float64Array,
  maxX: Float64Array,
): RingDefect | undefined {
  const segmentCount = minX.length;
  for (let i = 0; i < segmentCount; i++) {
    for (let j = i + 2; j < segmentCount; j++) {
      if (minX[j] > maxX[i] || maxX[j] < minX[i] || areAdjacent(i, j, segmentCount)) continue;
      const point = segmentIntersection(ring[i], ring[i + 1], ring[j], ring[j + 1]);
      if (point) return { segment: i, at: point };
    }
  }
  return undefined;
}

function findBySweep(
  ring: readonly Position[],
  minX: Float64Array,
  maxX: Float64Array,
): RingDefect | undefined {
  const segmentCount = minX.length;
  const order = Uint32Array.from({ length: segmentCount }, (_, index) => index).sort(
    (a, b) => minX[a] - minX[b],
  );
  for (let oi = 0; oi < segmentCount; oi++) {
    const i = order[oi];
    for (let oj = oi + 1; oj < segmentCount; oj++) {
      const j = order[oj];
      if (minX[j] > maxX[i]) break;
      if (areAdjacent(i, j, segmentCount)) continue;
      const point = segmentIntersection(ring[i], ring[i + 1], ring[j], ring[j + 1]);
      if (point) return { segment: Math.min(i, j), at: point };
    }
  }
  return undefined;
}

function areAdjacent(i: number, j: number, segmentCount: number): boolean {
  const gap = Math.abs(i - j);
  return gap === 1 || gap === segmentCount - 1;
}

/** True when the path a → b → c turns back over itself (collinear, c on the a side of b). */
function isBacktrack(a: Position, b: Position, c: Position): boolean {
  if (orientation(a, b, c) !== 0) return false;
  return (a[0] - b[0]) * (c[0] - b[0]) + (a[1] - b[1]) * (c[1] - b[1]) > 0;
}

function orientation(a: Position, b: Position, c: Position): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

function isOnSegment(a: Position, b: Position, p: Position): boolean {
  return (
    p[0] >= Math.min(a[0], b[0]) &&
    p[0] <= Math.max(a[0], b[0]) &&
    p[1] >= Math.min(a[1], b[1]) &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** A point shared by segments ab and cd (touching counts), or `undefined`. */
function segmentIntersection(
  a: Position,
  b: Position,
  c: Position,
  d: Position,
): [number, number] | undefined {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) {
    const t =
      ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) /
      ((b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]));
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  }
  if (o1 === 0 && isOnSegment(a, b, c)) return [c[0], c[1]];
  if (o2 === 0 && isOnSegment(a, b, d)) return [d[0], d[1]];
  if (o3 === 0 && isOnSegment(c, d, a)) return [a[0], a[1]];
  if (o4 === 0 && isOnSegment(c, d, b)) return [b[0], b[1]];
  return undefined;
}
