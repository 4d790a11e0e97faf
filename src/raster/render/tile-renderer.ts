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
  // Each band stretched once to bytes (0 where masked), then composed: tight loops over typed arrays.
  const bytes = bands.map((band, b) => {
    const [min, max] = ranges[b];
    const factor = max === min ? 0 : 255 / (max - min);
    const out = new Uint8Array(length);
    for (let p = 0; p < length; p++) {
      if (mask[p] === 0) continue;
      const v = (band[p] - min) * factor;
      out[p] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
    }
    return out;
  });
  const classes = options.colormap instanceof Map ? options.colormap : null;
  const table = options.colormap instanceof Uint8Array ? options.colormap : null;
  for (let p = 0; p < length; p++) {
    if (mask[p] === 0) continue;
    const o = p * 4;
    if (bands.length === 1 && classes) {
      const colour = classes.get(bands[0][p]);
      if (colour) rgba.set(colour, o);
      continue;
    }
    if (bands.length === 1 && table) {
      const index = bytes[0][p] * 4;
      rgba[o] = table[index];
      rgba[o + 1] = table[index + 1];
      rgba[o + 2] = table[index + 2];
      rgba[o + 3] = table[index + 3];
      continue;
    }
    if (bands.length <= 2) {
      const grey = bytes[0][p];
      rgba[o] = grey;
      rgba[o + 1] = grey;
      rgba[o + 2] = grey;
      rgba[o + 3] = bands.length === 2 ? bytes[1][p] : 255;
      continue;
    }
    rgba[o] = bytes[0][p];
    rgba[o + 1] = bytes[1][p];
    rgba[o + 2] = bytes[2][p];
    rgba[o + 3] = bands.length >= 4 ? bytes[3][p] : 255;
  }
  return rgba;
}
