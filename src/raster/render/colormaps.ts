import { RasterError } from '../raster-errors.js';

/** A 256-entry RGBA lookup table (1024 bytes), indexed by a value already scaled to 0…255. */
export type ColormapTable = Uint8Array;

/** RGB stops at positions 0…1, linearly interpolated. */
type Stops = [number, [number, number, number]][];

/**
 * viridis (van der Walt & Smith, matplotlib): the 9 colours of viridisLite `viridis(9)`, linearly interpolated;
 * within a few units per channel of matplotlib's 256-entry table.
 */
const VIRIDIS: Stops = [
  [0, [0x44, 0x01, 0x54]],
  [0.125, [0x47, 0x2d, 0x7b]],
  [0.25, [0x3b, 0x52, 0x8b]],
  [0.375, [0x2c, 0x72, 0x8e]],
  [0.5, [0x21, 0x90, 0x8c]],
  [0.625, [0x27, 0xad, 0x81]],
  [0.75, [0x5d, 0xc8, 0x63]],
  [0.875, [0xaa, 0xdc, 0x32]],
  [1, [0xfd, 0xe7, 0x25]],
];

/** matplotlib `terrain`: its segment data (blue sea, green lowlands, yellow, brown, white peaks). */
const TERRAIN: Stops = [
  [0, [0.2 * 255, 0.2 * 255, 0.6 * 255]],
  [0.15, [0, 0.6 * 255, 255]],
  [0.25, [0, 0.8 * 255, 0.4 * 255]],
  [0.5, [255, 255, 0.6 * 255]],
  [0.75, [0.5 * 255, 0.36 * 255, 0.33 * 255]],
  [1, [255, 255, 255]],
];

const GREYS: Stops = [
  [0, [0, 0, 0]],
  [1, [255, 255, 255]],
];

/** RdYlGn-like diverging ramp (ColorBrewer RdYlGn end and middle colours) for indices such as NDVI. */
const RDYLGN: Stops = [
  [0, [0xa5, 0x00, 0x26]],
  [0.5, [0xff, 0xff, 0xbf]],
  [1, [0x00, 0x68, 0x37]],
];

const NAMED: Record<string, Stops> = { viridis: VIRIDIS, terrain: TERRAIN, greys: GREYS, rdylgn: RDYLGN };

/** Names accepted by {@link getColormap}. */
export const COLORMAP_NAMES = Object.keys(NAMED);

/**
 * A named continuous colormap as a 256-entry table.
 * @throws RasterError `RASTER_INVALID_PARAMETER` listing the known names.
 */
export function getColormap(name: string): ColormapTable {
  const stops = NAMED[name.toLowerCase()];
  if (!stops) {
    throw new RasterError(
      'RASTER_INVALID_PARAMETER',
      `unknown colormap "${name}" (known: ${COLORMAP_NAMES.join(', ')}, classification)`,
      'colormap_name',
    );
  }
  const table = new Uint8Array(1024);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    let k = 0;
    while (k < stops.length - 2 && t > stops[k + 1][0]) k++;
    const [t0, c0] = stops[k];
    const [t1, c1] = stops[k + 1];
    const f = (t - t0) / (t1 - t0);
    for (let c = 0; c < 3; c++) table[i * 4 + c] = Math.round(c0[c] + f * (c1[c] - c0[c]));
    table[i * 4 + 3] = 255;
  }
  return table;
}

/** One class of the STAC classification extension (`classification:classes`). */
export interface ClassificationClass {
  value: number;
  name?: string;
  description?: string;
  color_hint?: string;
  /** The spelling of the extension's v1.0.0 JSON schema (its README says `color_hint`); both are read. */
  'color-hint'?: string;
  nodata?: boolean;
}

/**
 * A discrete colormap from STAC classification classes: each class value gets its `color_hint` (RRGGBB);
 * classes without a hint get a distinct generated colour; `nodata` classes and unknown values are transparent.
 * See https://github.com/stac-extensions/classification
 */
export function classificationColormap(
  classes: ClassificationClass[],
): Map<number, [number, number, number, number]> {
  const table = new Map<number, [number, number, number, number]>();
  classes.forEach((entry, index) => {
    if (entry.nodata) {
      table.set(entry.value, [0, 0, 0, 0]);
      return;
    }
    const hint = /^#?([0-9a-fA-F]{6})$/.exec(entry.color_hint ?? entry['color-hint'] ?? '');
    if (hint) {
      const rgb = Number.parseInt(hint[1], 16);
      table.set(entry.value, [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, 255]);
      return;
    }
    // Golden-angle hues keep generated class colours apart.
    const [r, g, b] = hslToRgb(((index * 137.508) % 360) / 360, 0.65, 0.5);
    table.set(entry.value, [r, g, b, 255]);
  });
  return table;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const x = (t + 1) % 1;
    if (x < 1 / 6) return p + (q - p) * 6 * x;
    if (x < 1 / 2) return q;
    if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6;
    return p;
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)].map((v) => Math.round(v * 255)) as [
    number,
    number,
    number,
  ];
}
