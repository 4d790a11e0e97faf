import type { CogReader } from '../cog/cog-reader.js';
import { RasterError } from '../raster-errors.js';
import type { GeoTransform, RasterLevel } from '../raster-types.js';
import { createTransformer } from '../warp/coordinate-transformer.js';
import { PixelLattice } from '../warp/pixel-grid.js';
import {
  resample,
  sampleNearest,
  type NearestSamples,
  type ResampledPixels,
  type ResamplingMethod,
} from '../warp/resample.js';
import {
  assertTileInRange,
  tileGeoTransform,
  type TileAddress,
  type TileMatrixSet,
} from './tile-matrix-set.js';

/** Options of {@link readTile}. */
export interface ReadTileOptions {
  /** 0-based bands; all by default. */
  bands?: number[];
  resampling?: ResamplingMethod;
  /** Output size in pixels (default: the set's tile size). */
  size?: number;
  /** Extra pixels read around the tile on each side (for neighbourhood filters such as hillshade). */
  buffer?: number;
  signal?: AbortSignal;
}

/** A tile's pixels in the tile matrix set's grid, plus which level of the source was read. */
export interface TileData extends ResampledPixels {
  /** Source level read (0 = full resolution), or -1 when the tile does not touch the raster. */
  level: number;
}

/** Source pixels one tile may read at most (4096²): beyond, the request needs a coarser overview. */
const MAX_WINDOW_PIXELS = 4096 * 4096;

/**
 * Renders the data of one tile of a tile matrix set from a raster: maps the centre of every tile pixel to
 * the raster's CRS, picks the coarsest level still at least as fine as the tile (like GDAL's `-ovr AUTO`),
 * reads only the window those pixels touch, and resamples. Tiles of a set line up because each tile pixel
 * is sampled at its own centre: no seams, no half-pixel shift.
 * Limits: rasters need an EPSG CRS; tiles crossing the antimeridian of a geographic raster are not split.
 * @throws RasterError `RASTER_TILE_OUT_OF_RANGE` (bad z/x/y, or a zoom too low for a raster without
 * overviews), `RASTER_UNSUPPORTED` (no EPSG CRS), `RASTER_BAND_OUT_OF_RANGE`.
 */
export async function readTile(
  reader: CogReader,
  set: TileMatrixSet,
  tile: TileAddress,
  options: ReadTileOptions = {},
): Promise<TileData> {
  const { grid, bands } = tileGrid(reader, set, tile, options);
  return readGrid(reader, grid, bands, options, `zoom ${tile.z}`);
}

/**
 * The nearest-neighbour samples of a tile, not yet copied out of the source window: what {@link readTile} reads
 * with `resampling: 'nearest'`, for renderers that colour straight from the source (no float copies).
 */
export async function readTileNearest(
  reader: CogReader,
  set: TileMatrixSet,
  tile: TileAddress,
  options: Omit<ReadTileOptions, 'resampling'> = {},
): Promise<NearestSamples & { level: number }> {
  const { grid, bands } = tileGrid(reader, set, tile, options);
  const located = await locateAndRead(reader, grid, bands, 'nearest', options.signal, `zoom ${tile.z}`);
  if (!located) return { ...emptyNearest(grid, bands.length, reader.info.nodata), level: -1 };
  const { lattice, block, levelIndex } = located;
  return {
    width: grid.width,
    height: grid.height,
    source: { ...block, nodata: reader.info.nodata },
    indices: lattice.nearestIndices(block.width, block.height),
    level: levelIndex,
  };
}

/** A tile's output grid (with its buffer) and the 0-based bands to read, checked against the raster. */
function tileGrid(
  reader: CogReader,
  set: TileMatrixSet,
  tile: TileAddress,
  options: Pick<ReadTileOptions, 'bands' | 'size' | 'buffer'>,
): { grid: OutputGrid; bands: number[] } {
  assertTileInRange(set, tile);
  const { info } = reader;
  if (info.epsg === null) {
    throw new RasterError(
      'RASTER_UNSUPPORTED',
      'the raster has no EPSG coordinate reference system: it cannot be tiled',
    );
  }
  const bands = options.bands ?? info.bands.map((_, index) => index);
  const badBand = bands.find((band) => !Number.isInteger(band) || band < 0 || band >= info.bandCount);
  if (badBand !== undefined) {
    throw new RasterError(
      'RASTER_BAND_OUT_OF_RANGE',
      `band ${badBand + 1} does not exist: the raster has ${info.bandCount} band(s)`,
      'bidx',
    );
  }
  const buffer = options.buffer ?? 0;
  const geoTransform = tileGeoTransform(set, tile, options.size ?? set.tileSize);
  const size = (options.size ?? set.tileSize) + 2 * buffer;
  geoTransform[0] -= buffer * geoTransform[1];
  geoTransform[3] -= buffer * geoTransform[5];
  return { grid: { geoTransform, width: size, height: size, epsg: set.epsg }, bands };
}

/** An output pixel grid in some CRS. */
export interface OutputGrid {
  geoTransform: GeoTransform;
  width: number;
  height: number;
  epsg: number;
}

/**
 * Resamples a raster onto any output grid (the general case of {@link readTile}, also used for previews):
 * same level choice, window reading and resampling.
 * @throws RasterError `RASTER_TILE_OUT_OF_RANGE` when the grid would read more than 4096² source pixels.
 */
export async function readGrid(
  reader: CogReader,
  grid: OutputGrid,
  bands: number[],
  options: Pick<ReadTileOptions, 'resampling' | 'signal'>,
  what = 'the requested grid',
): Promise<TileData> {
  const method = options.resampling ?? 'nearest';
  const located = await locateAndRead(reader, grid, bands, method, options.signal, what);
  const { width, height } = grid;
  if (!located) {
    return {
      width,
      height,
      level: -1,
      bands: bands.map(() => new Float64Array(width * height)),
      mask: new Uint8Array(width * height),
    };
  }
  const { lattice, block, levelIndex, scale } = located;
  const source = { ...block, nodata: reader.info.nodata };
  if (method === 'nearest') {
    const indices = lattice.nearestIndices(block.width, block.height);
    return { ...sampleNearest(source, indices, width, height), level: levelIndex };
  }
  const pixels = lattice.interpolate();
  const result = resample(source, pixels.xs, pixels.ys, width, height, method, scale);
  return { ...result, level: levelIndex };
}

/**
 * Maps the grid's pixel centres onto the raster, picks the level, and reads the window they touch (plus the
 * kernel's margin). Returns null when the grid misses the raster; the lattice is then in window pixels.
 */
async function locateAndRead(
  reader: CogReader,
  grid: OutputGrid,
  bands: number[],
  method: ResamplingMethod,
  signal: AbortSignal | undefined,
  what: string,
) {
  const { info } = reader;
  const { width, height } = grid;
  // Like GDAL's approximate transformer: exact nodes every 16 px, refined until interpolation stays within
  // 0.125 source pixel (APPROXIMATION_TOLERANCE_PX), the default error threshold of gdalwarp.
  let lattice = PixelLattice.create(
    grid.geoTransform,
    width,
    height,
    createTransformer(grid.epsg, info.epsg!),
  );
  const span = lattice.extent();
  if (!span) return null;
  const needed = Math.min(
    (span[2] - span[0]) / Math.max(1, width - 1),
    (span[3] - span[1]) / Math.max(1, height - 1),
  );
  const levelIndex = chooseLevel(info.levels, needed, method === 'nearest' ? NEAREST_OVERSAMPLING : 1);
  const level = info.levels[levelIndex];
  lattice = lattice.toPixels(level.geoTransform);
  const pixelSpan = lattice.extent()!;
  // Source pixels per output pixel, from the spread of the (unclipped) sample positions.
  const scale: [number, number] = [
    (pixelSpan[2] - pixelSpan[0]) / Math.max(1, width - 1),
    (pixelSpan[3] - pixelSpan[1]) / Math.max(1, height - 1),
  ];
  const reach = Math.ceil((method === 'cubic' ? 2 : 1) * Math.max(1, scale[0], scale[1]));
  const window = windowOf(pixelSpan, 1 + (method === 'nearest' ? 0 : reach), level);
  if (!window) return null;
  if (window.width * window.height > MAX_WINDOW_PIXELS) {
    throw new RasterError(
      'RASTER_TILE_OUT_OF_RANGE',
      `${what} is too coarse for this raster: it would read ${window.width}x${window.height} source pixels (the raster has no coarser overview)`,
      'z',
    );
  }
  const block = await reader.readWindow(window, { level: levelIndex, bands, signal });
  lattice.offset(window.x, window.y);
  return { lattice, block, levelIndex, scale };
}

/** Nearest samples of a grid that misses the raster: every pixel outside. */
function emptyNearest(grid: OutputGrid, bandCount: number, nodata: number | null): NearestSamples {
  return {
    width: grid.width,
    height: grid.height,
    source: {
      width: 0,
      height: 0,
      bands: Array.from({ length: bandCount }, () => new Float64Array(0)),
      nodata,
    },
    indices: new Int32Array(grid.width * grid.height).fill(-1),
  };
}

/**
 * How much coarser than the output a level may be for nearest-neighbour tiles: 1.2, the oversampling GDAL's
 * RasterIO accepts when it picks an overview for a nearest-neighbour read (GDALBandGetBestOverviewLevel2).
 * A tile 0.9× the overview's resolution then reads that overview instead of the level below, which is 4×
 * larger: without it a tile reads up to 3.6× its own pixel count and about twice as many blocks.
 * Bilinear and cubic keep 1 (no oversampling), as GDAL does for them.
 */
const NEAREST_OVERSAMPLING = 1.2;

/**
 * The coarsest level whose cell is not larger than `needed × oversampling` (1 % tolerance for rounding
 * when `oversampling` is 1).
 */
export function chooseLevel(levels: RasterLevel[], needed: number, oversampling = 1): number {
  let chosen = 0;
  levels.forEach((level, index) => {
    if (Math.abs(level.geoTransform[1]) <= needed * Math.max(1.01, oversampling)) chosen = index;
  });
  return chosen;
}

/** The pixel window of a level covering a span of sample positions plus a kernel margin, clipped to the level. */
function windowOf(span: [number, number, number, number], margin: number, level: RasterLevel) {
  const x0 = Math.max(0, Math.floor(span[0]) - margin);
  const y0 = Math.max(0, Math.floor(span[1]) - margin);
  const x1 = Math.min(level.width, Math.floor(span[2]) + margin + 1);
  const y1 = Math.min(level.height, Math.floor(span[3]) + margin + 1);
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
