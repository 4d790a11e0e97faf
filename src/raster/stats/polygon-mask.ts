/**
 * Rasterises polygons with the pixel-centre rule, as `gdal_rasterize` does by default: a pixel belongs to the
 * polygon when its centre is inside (even–odd rule over all rings, so holes are excluded). Scanlines run
 * through pixel centres; each crossing x is rounded half up and a span covers columns
 * [round(x_in), round(x_out) − 1], the arithmetic of GDAL's llrasterize.cpp, so that even centres lying
 * exactly on an edge are decided as GDAL decides them. Pure: coordinates are in pixel units of the output
 * grid (x right, y down).
 */
export function rasterizeRings(rings: number[][][], width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  const crossings: number[] = [];
  for (let row = 0; row < height; row++) {
    const y = row + 0.5;
    crossings.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x1, y1] = ring[j];
        const [x2, y2] = ring[i];
        // Half-open in y so a vertex on the scanline is counted once; edges ordered by y as GDAL orders them.
        if (y1 <= y === y2 <= y) continue;
        const [xa, ya, xb, yb] = y1 < y2 ? [x1, y1, x2, y2] : [x2, y2, x1, y1];
        crossings.push(Math.floor(((y - ya) * (xb - xa)) / (yb - ya) + xa + 0.5));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const first = Math.max(0, crossings[k]);
      const last = Math.min(width - 1, crossings[k + 1] - 1);
      for (let column = first; column <= last; column++) mask[row * width + column] = 1;
    }
  }
  return mask;
}
