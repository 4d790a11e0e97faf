/**
 * Decoded TIFF blocks as band planes: one pass over the decompressed bytes undoes horizontal differencing
 * (Predictor 2) and splits pixel-interleaved samples into one contiguous plane per sample, so that windows
 * are then assembled with row copies (`TypedArray.set`) instead of per-sample loops. Pure typed-array code.
 */

/** Geometry of one decompressed block. */
export interface BlockLayout {
  /** Block width in pixels (the tile width; the image width for strips). */
  width: number;
  /** Rows in this block (the last strip may be shorter). */
  height: number;
  /** Samples per pixel in the block (1 for band-separate, planar files). */
  samplesPerPixel: number;
  /** 1, 2, 4 or 8. */
  bytesPerSample: number;
  /** 2 to undo horizontal differencing here; anything else: the bytes are already final. */
  predictor: number;
}

/**
 * The block's samples as planes laid one after another in a new buffer: plane `s` starts at byte
 * `s · width · height · bytesPerSample`. `bytes` holds little-endian samples and is not modified.
 */
export function toBandPlanes(bytes: Uint8Array, layout: BlockLayout): ArrayBuffer {
  const { width, height, samplesPerPixel: spp, bytesPerSample } = layout;
  const planeLength = width * height;
  const out = new ArrayBuffer(planeLength * spp * bytesPerSample);
  const available = Math.floor(bytes.byteLength / bytesPerSample);
  const count = Math.min(available, planeLength * spp);
  const aligned =
    bytes.byteOffset % bytesPerSample === 0
      ? bytes
      : new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + count * bytesPerSample));
  const differenced = layout.predictor === 2;
  switch (bytesPerSample) {
    case 1:
      split(
        new Uint8Array(aligned.buffer, aligned.byteOffset, count),
        new Uint8Array(out),
        layout,
        differenced,
      );
      break;
    case 2:
      split(
        new Uint16Array(aligned.buffer, aligned.byteOffset, count),
        new Uint16Array(out),
        layout,
        differenced,
      );
      break;
    case 4:
      split(
        new Uint32Array(aligned.buffer, aligned.byteOffset, count),
        new Uint32Array(out),
        layout,
        differenced,
      );
      break;
    default:
      // 8-byte samples (float64, never differenced here): split as pairs of 32-bit words.
      splitWords(
        new Uint32Array(aligned.buffer, aligned.byteOffset, count * 2),
        new Uint32Array(out),
        layout,
      );
  }
  return out;
}

type Samples = Uint8Array | Uint16Array | Uint32Array;

/**
 * Splits (and integrates, when differenced) row by row. Typed arrays wrap modulo 2^n, which is what the
 * predictor's sums need. Specialised per sample count so that the common cases stay monomorphic, tight loops.
 */
function split(input: Samples, output: Samples, layout: BlockLayout, differenced: boolean): void {
  const { width, height, samplesPerPixel: spp } = layout;
  const planeLength = width * height;
  const rows = Math.min(height, Math.floor(input.length / (width * spp)));
  if (spp === 1) {
    if (!differenced) {
      output.set(input.subarray(0, rows * width));
      return;
    }
    for (let row = 0; row < rows; row++) {
      const start = row * width;
      let sum = 0;
      for (let x = 0; x < width; x++) {
        sum += input[start + x];
        output[start + x] = sum;
      }
    }
    return;
  }
  if (spp === 4 && differenced) {
    splitFourDifferenced(input, output, width, rows, planeLength);
    return;
  }
  for (let s = 0; s < spp; s++) {
    const plane = s * planeLength;
    for (let row = 0; row < rows; row++) {
      let from = row * width * spp + s;
      const to = plane + row * width;
      if (!differenced) {
        for (let x = 0; x < width; x++, from += spp) output[to + x] = input[from];
        continue;
      }
      let sum = 0;
      for (let x = 0; x < width; x++, from += spp) {
        sum += input[from];
        output[to + x] = sum;
      }
    }
  }
}

/** Four differenced samples per pixel (RGBA, 4-band multispectral): the input is read once, in order. */
function splitFourDifferenced(
  input: Samples,
  output: Samples,
  width: number,
  rows: number,
  planeLength: number,
): void {
  for (let row = 0; row < rows; row++) {
    let from = row * width * 4;
    let to = row * width;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let x = 0; x < width; x++, from += 4, to++) {
      s0 = (s0 + input[from]) | 0;
      s1 = (s1 + input[from + 1]) | 0;
      s2 = (s2 + input[from + 2]) | 0;
      s3 = (s3 + input[from + 3]) | 0;
      output[to] = s0;
      output[to + planeLength] = s1;
      output[to + 2 * planeLength] = s2;
      output[to + 3 * planeLength] = s3;
    }
  }
}

function splitWords(input: Uint32Array, output: Uint32Array, layout: BlockLayout): void {
  const { width, height, samplesPerPixel: spp } = layout;
  const planeWords = width * height * 2;
  const pixels = Math.min(width * height, Math.floor(input.length / (2 * spp)));
  for (let s = 0; s < spp; s++) {
    for (let p = 0; p < pixels; p++) {
      output[s * planeWords + 2 * p] = input[2 * (p * spp + s)];
      output[s * planeWords + 2 * p + 1] = input[2 * (p * spp + s) + 1];
    }
  }
}
