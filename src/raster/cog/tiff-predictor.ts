/**
 * TIFF predictors applied before DEFLATE, the inverse of what readers undo after inflating:
 * horizontal differencing (Predictor 2, TIFF 6.0 §14) for integers and the floating-point predictor
 * (Predictor 3, Adobe Photoshop TIFF Technical Note 3) for floats. Rows are `width · samplesPerPixel`
 * samples of a pixel-interleaved block, encoded in place as little-endian bytes.
 */

/** Predictor 2 on a block of `height` rows; `bytes` are little-endian samples of `bytesPerSample` bytes. */
export function encodeHorizontalDifferencing(
  bytes: Uint8Array,
  width: number,
  height: number,
  samplesPerPixel: number,
  bytesPerSample: number,
): void {
  const rowLength = width * samplesPerPixel;
  const view =
    bytesPerSample === 1
      ? bytes
      : bytesPerSample === 2
        ? new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2)
        : new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  for (let row = 0; row < height; row++) {
    const start = row * rowLength;
    // Backwards so that every difference uses the original left neighbour; typed arrays wrap modulo 2^n.
    for (let i = start + rowLength - 1; i >= start + samplesPerPixel; i--)
      view[i] -= view[i - samplesPerPixel];
  }
}

/** Predictor 3: per row, split samples into byte planes (most significant first), then difference bytes. */
export function encodeFloatingPointPredictor(
  bytes: Uint8Array,
  width: number,
  height: number,
  samplesPerPixel: number,
  bytesPerSample: number,
): void {
  const count = width * samplesPerPixel;
  const rowBytes = count * bytesPerSample;
  const shuffled = new Uint8Array(rowBytes);
  for (let row = 0; row < height; row++) {
    const line = bytes.subarray(row * rowBytes, (row + 1) * rowBytes);
    for (let i = 0; i < count; i++) {
      for (let b = 0; b < bytesPerSample; b++)
        shuffled[(bytesPerSample - b - 1) * count + i] = line[bytesPerSample * i + b];
    }
    for (let i = rowBytes - 1; i >= samplesPerPixel; i--) shuffled[i] -= shuffled[i - samplesPerPixel];
    line.set(shuffled);
  }
}
