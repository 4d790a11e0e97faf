/**
 * Hillshade of an elevation grid with Horn's (1981) slope estimator, as `gdaldem hillshade` computes it:
 * cang = sin(alt)·cos(slope) + cos(alt)·sin(slope)·cos(az − π/2 − aspect), value = 1 + 254·cang, or 1 where
 * cang ≤ 0 (GDAL keeps 0 for nodata). The grid has a one-pixel border around the
 * `width`×`height` output so that edge pixels have all 8 neighbours; a pixel whose 3×3 window has no data gets
 * mask 0. See https://gdal.org/programs/gdaldem.html#hillshade
 */
export function hillshade(
  elevation: Float64Array,
  valid: Uint8Array,
  width: number,
  height: number,
  cellWidth: number,
  cellHeight: number,
  options: { azimuth?: number; altitude?: number; zFactor?: number } = {},
): { values: Uint8Array; mask: Uint8Array } {
  const azimuth = ((options.azimuth ?? 315) * Math.PI) / 180;
  const altitude = ((options.altitude ?? 45) * Math.PI) / 180;
  const z = options.zFactor ?? 1;
  const stride = width + 2;
  const values = new Uint8Array(width * height);
  const mask = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      const centre = (row + 1) * stride + column + 1;
      let isComplete = true;
      for (const offset of [-stride - 1, -stride, -stride + 1, -1, 0, 1, stride - 1, stride, stride + 1]) {
        if (!valid[centre + offset]) isComplete = false;
      }
      if (!isComplete) continue;
      const e = (offset: number) => elevation[centre + offset] * z;
      const [a, b, c] = [e(-stride - 1), e(-stride), e(-stride + 1)];
      const [d, f] = [e(-1), e(1)];
      const [g, h, i] = [e(stride - 1), e(stride), e(stride + 1)];
      const dzdx = (c + 2 * f + i - (a + 2 * d + g)) / (8 * cellWidth);
      const dzdy = (g + 2 * h + i - (a + 2 * b + c)) / (8 * cellHeight);
      const slope = Math.atan(Math.hypot(dzdx, dzdy));
      // Rows run south: gdaldem divides by its negative north–south resolution, hence −dz/dy here.
      const aspect = Math.atan2(-dzdy, -dzdx);
      const shade =
        Math.sin(altitude) * Math.cos(slope) +
        Math.cos(altitude) * Math.sin(slope) * Math.cos(azimuth - Math.PI / 2 - aspect);
      values[row * width + column] = shade <= 0 ? 1 : Math.round(1 + 254 * shade);
      mask[row * width + column] = 255;
    }
  }
  return { values, mask };
}
