/**
 * A quick proof that a small polygon without holes is valid, so that a search polygon need not go through
 * JTS IsValidOp (about 0.2 ms for a hexagon, a tenth of a search's CPU budget): a ring whose edges meet only
 * their neighbours, at their shared vertex, is simple, and a polygon of one simple closed ring is valid.
 * Only clear cases are proven: any near-touching, collinear or repeated vertices leave the decision to JTS.
 */
import type { Position } from 'geojson';

/** Rings longer than this go to JTS: the pairwise test grows with the square of the edge count. */
const MAX_EDGES = 64;
/** Orientations closer to zero than this are too close to call in double precision (degrees²). */
const EPSILON = 1e-9;

function orientation(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** True when segments ab and cd clearly do not meet; false when they meet or it is too close to tell. */
function clearlyApart(a: Position, b: Position, c: Position, d: Position): boolean {
  if (
    Math.max(a[0], b[0]) < Math.min(c[0], d[0]) ||
    Math.max(c[0], d[0]) < Math.min(a[0], b[0]) ||
    Math.max(a[1], b[1]) < Math.min(c[1], d[1]) ||
    Math.max(c[1], d[1]) < Math.min(a[1], b[1])
  )
    return true;
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if ([o1, o2, o3, o4].some((o) => Math.abs(o) <= EPSILON)) return false;
  return o1 > 0 === o2 > 0 || o3 > 0 === o4 > 0;
}

/** Whether a closed ring (first position repeated last) is certainly simple; false means "ask JTS". */
export function isClearlySimpleRing(ring: Position[]): boolean {
  const edges = ring.length - 1;
  if (edges < 3 || edges > MAX_EDGES) return false;
  for (let i = 0; i < edges; i++) {
    // Neighbouring edges must turn: a zero turn is a repeated vertex, a spike or a straight run.
    const next = (i + 1) % edges;
    if (Math.abs(orientation(ring[i], ring[i + 1], ring[next + 1])) <= EPSILON) return false;
    for (let j = i + 2; j < edges; j++) {
      if (i === 0 && j === edges - 1) continue;
      if (!clearlyApart(ring[i], ring[i + 1], ring[j], ring[j + 1])) return false;
    }
  }
  return true;
}
