/** Signed distance to a coastline ring, for the synthetic islands of the demo. */

/** Signed distance in metres from a point to a closed ring (first vertex not repeated): positive inside. */
export function signedDistanceToRing(ring: readonly [number, number][], x: number, y: number): number {
  let inside = false;
  let nearest = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    const dx = xj - xi;
    const dy = yj - yi;
    const t = Math.max(0, Math.min(1, ((x - xi) * dx + (y - yi) * dy) / (dx * dx + dy * dy)));
    const ex = xi + t * dx - x;
    const ey = yi + t * dy - y;
    nearest = Math.min(nearest, ex * ex + ey * ey);
  }
  return inside ? Math.sqrt(nearest) : -Math.sqrt(nearest);
}

/** Ray-casting point-in-polygon test on a ring (closed or not). */
export function insideRing(ring: readonly (readonly number[])[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
