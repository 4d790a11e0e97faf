import type { StacAsset, StacItem } from '../../catalog/model/stac-types.js';
import type { CogReader } from '../cog/cog-reader.js';
import type { GeoTransform } from '../raster-types.js';
import { RasterError } from '../raster-errors.js';
import { readGrid, readTile, readTileNearest, type TileData } from '../tiles/tile-reader.js';
import { resolutionAt, tileBounds, type TileAddress, type TileMatrixSet } from '../tiles/tile-matrix-set.js';
import { createTransformer } from '../warp/coordinate-transformer.js';
import { sampleNearest, type NearestSamples, type ResamplingMethod } from '../warp/resample.js';
import { bandNamesOf, evaluateBandExpression, parseBandExpression } from './band-expression.js';
import { classificationColormap, getColormap, type ClassificationClass } from './colormaps.js';
import { hillshade } from './hillshade.js';
import { encodeImage, type ImageFormat } from './image-encoder.js';
import { autoRescale } from './rescale-defaults.js';
import { toRgba, toRgbaSampled, type ColourOptions } from './tile-renderer.js';

/** What to draw from an item: which assets and bands, and how to colour them. */
export interface TileStyle {
  /** Asset keys; default: the first GeoTIFF data asset. */
  assets?: string[];
  /** 1-based band indexes read from every asset (default all). */
  bidx?: number[];
  /** Band math over `b1…bN` (bands of the selected assets, in order), `<asset>` or `<asset>_b<N>`. */
  expression?: string;
  /** [min, max] per output band. */
  rescale?: [number, number][];
  /** viridis, terrain, greys, rdylgn, or `classification` (the asset's classification:classes). */
  colormapName?: string;
  resampling?: ResamplingMethod;
  algorithm?: 'hillshade';
  azimuth?: number;
  altitude?: number;
  zFactor?: number;
  tileSize?: number;
}

/** The raster data behind a tile, before colouring. */
interface TileValues {
  bands: Float64Array[];
  mask: Uint8Array;
  /** True when values are already 0…255 (hillshade) and need no stretch. */
  isByte: boolean;
}

/**
 * Renders XYZ tiles of STAC item assets: selects assets and bands, evaluates an expression or a hillshade,
 * stretches, colours (named or classification colormaps, or the file's own palette) and encodes PNG/WebP.
 * No HTTP here: `src/api/raster` maps requests to calls.
 */
export class ItemTileRenderer {
  constructor(private readonly openAsset: (asset: StacAsset, signal?: AbortSignal) => Promise<CogReader>) {}

  /** Renders one tile as an encoded image. */
  async renderTile(
    item: StacItem,
    set: TileMatrixSet,
    tile: TileAddress,
    style: TileStyle,
    format: ImageFormat,
    signal?: AbortSignal,
  ): Promise<Buffer> {
    const size = style.tileSize ?? set.tileSize;
    const keys = selectAssets(item, style.assets);
    const readers = await Promise.all(keys.map((key) => this.openAsset(item.assets[key], signal)));
    const bands = (style.bidx ?? []).map((index) => index - 1);
    if (keys.length === 1 && isPlainNearest(style)) {
      // The common case (bands of one asset, nearest neighbour, stretched or colour-mapped): coloured
      // straight from the source window, the same pixels as the general path below.
      const samples = await readTileNearest(readers[0], set, tile, {
        bands: bands.length > 0 ? bands : undefined,
        size,
        signal,
      });
      const bandCount = samples.source.bands.length;
      const colour = await this.colourOptions(item, keys, readers, bandCount, false, style);
      return encodeImage(toRgbaSampled(samples, colour).rgba, size, size, format);
    }
    const tiles = await Promise.all(
      readers.map((reader) =>
        readTile(reader, set, tile, {
          bands: bands.length > 0 ? bands : undefined,
          resampling: style.resampling ?? (style.algorithm === 'hillshade' ? 'bilinear' : 'nearest'),
          size,
          buffer: style.algorithm === 'hillshade' ? 1 : 0,
          signal,
        }),
      ),
    );
    const cell = style.algorithm === 'hillshade' ? groundCellSize(set, tile, size) : null;
    const values = this.values(keys, tiles, style, size, size, cell);
    return this.colourAndEncode(item, keys, readers, values, style, [size, size], format);
  }

  /**
   * Renders a mosaic tile: items are drawn in the given order (first on top), each filling only the pixels
   * still empty, and reading stops as soon as every pixel of the tile has data. Items whose bbox misses the
   * tile are skipped without opening their assets. Style, rescale and colours come from the first item drawn.
   * @returns the image and how many items were read.
   */
  async renderMosaicTile(
    items: StacItem[],
    set: TileMatrixSet,
    tile: TileAddress,
    style: TileStyle,
    format: ImageFormat,
    signal?: AbortSignal,
  ): Promise<{ image: Buffer; itemsRead: number }> {
    const size = style.tileSize ?? set.tileSize;
    const bounds = tileBoundsWgs84(set, tile);
    const drawn = items.filter((item) => !item.bbox || overlaps(item.bbox, bounds));
    if ((style.assets ?? []).length <= 1 && isPlainNearest(style)) {
      return this.renderMosaicTileSampled(drawn, set, tile, style, format, size, signal);
    }
    const cell = style.algorithm === 'hillshade' ? groundCellSize(set, tile, size) : null;
    const buffer = cell ? 1 : 0;
    const bands = (style.bidx ?? []).map((index) => index - 1);
    let composite: TileValues | null = null;
    let first: { item: StacItem; keys: string[]; readers: CogReader[] } | null = null;
    let itemsRead = 0;
    for (const item of drawn) {
      const keys = selectAssets(item, style.assets);
      const readers = await Promise.all(keys.map((key) => this.openAsset(item.assets[key], signal)));
      itemsRead += 1;
      const tiles = await Promise.all(
        readers.map((reader) =>
          readTile(reader, set, tile, {
            bands: bands.length > 0 ? bands : undefined,
            resampling: style.resampling ?? (cell ? 'bilinear' : 'nearest'),
            size,
            buffer,
            signal,
          }),
        ),
      );
      const values = this.values(keys, tiles, style, size, size, cell);
      if (!composite) {
        composite = values;
        first = { item, keys, readers };
      } else {
        const target = composite;
        for (let p = 0; p < target.mask.length; p++) {
          if (target.mask[p] !== 0 || values.mask[p] === 0) continue;
          target.mask[p] = values.mask[p];
          for (let b = 0; b < target.bands.length; b++) target.bands[b][p] = values.bands[b]?.[p] ?? 0;
        }
      }
      if (composite.mask.every((value) => value !== 0)) break;
    }
    if (!composite || !first) {
      const empty = new Uint8Array(size * size * 4);
      return { image: await encodeImage(empty, size, size, format), itemsRead };
    }
    const image = await this.colourAndEncode(
      first.item,
      first.keys,
      first.readers,
      composite,
      style,
      [size, size],
      format,
    );
    return { image, itemsRead };
  }

  /**
   * {@link renderMosaicTile} for one asset per item drawn with nearest neighbour and no expression: each item
   * is coloured straight from its source window (with the first item's colours) and fills the pixels still
   * empty. Colouring is a function of each pixel's values, so compositing colours gives the pixels of
   * compositing values; an item with another band count than the first is coloured from its values padded
   * with zeros (or cut), as the general path composites it.
   */
  private async renderMosaicTileSampled(
    items: StacItem[],
    set: TileMatrixSet,
    tile: TileAddress,
    style: TileStyle,
    format: ImageFormat,
    size: number,
    signal?: AbortSignal,
  ): Promise<{ image: Buffer; itemsRead: number }> {
    const bands = (style.bidx ?? []).map((index) => index - 1);
    const rgba = new Uint8Array(size * size * 4);
    const filled = new Uint8Array(size * size);
    let empty = size * size;
    let colour: { options: ColourOptions; bandCount: number } | null = null;
    let itemsRead = 0;
    for (const item of items) {
      const keys = selectAssets(item, style.assets);
      const reader = await this.openAsset(item.assets[keys[0]], signal);
      itemsRead += 1;
      const samples = await readTileNearest(reader, set, tile, {
        bands: bands.length > 0 ? bands : undefined,
        size,
        signal,
      });
      const bandCount = samples.source.bands.length;
      colour ??= {
        options: await this.colourOptions(item, keys, [reader], bandCount, false, style),
        bandCount,
      };
      const coloured =
        bandCount === colour.bandCount
          ? toRgbaSampled(samples, colour.options)
          : colourPadded(samples, colour.bandCount, colour.options);
      for (let p = 0, o = 0; p < filled.length; p++, o += 4) {
        if (filled[p] !== 0 || coloured.mask[p] === 0) continue;
        filled[p] = 1;
        empty -= 1;
        rgba[o] = coloured.rgba[o];
        rgba[o + 1] = coloured.rgba[o + 1];
        rgba[o + 2] = coloured.rgba[o + 2];
        rgba[o + 3] = coloured.rgba[o + 3];
      }
      if (empty === 0) break;
    }
    return { image: await encodeImage(rgba, size, size, format), itemsRead };
  }

  /**
   * Renders a preview (thumbnail) of the whole first asset in its own CRS, at most `maxSize` pixels on its
   * longer side, from the coarsest overview that is fine enough. Other assets are resampled onto that grid.
   * Limits: no hillshade (its slopes need a metric grid, which tiles have).
   */
  async renderPreview(
    item: StacItem,
    style: TileStyle,
    format: ImageFormat,
    maxSize: number,
    signal?: AbortSignal,
  ): Promise<Buffer> {
    if (style.algorithm === 'hillshade') {
      throw new RasterError(
        'RASTER_INVALID_PARAMETER',
        'hillshade is available for tiles, not for previews',
        'algorithm',
      );
    }
    const keys = selectAssets(item, style.assets);
    const readers = await Promise.all(keys.map((key) => this.openAsset(item.assets[key], signal)));
    const { info } = readers[0];
    if (info.epsg === null)
      throw new RasterError('RASTER_UNSUPPORTED', 'the raster has no EPSG coordinate reference system');
    const factor = Math.min(1, maxSize / Math.max(info.width, info.height));
    const width = Math.max(1, Math.round(info.width * factor));
    const height = Math.max(1, Math.round(info.height * factor));
    const [x0, a, b, y0, d, e] = info.geoTransform;
    const grid = {
      geoTransform: [x0, (a * info.width) / width, b, y0, d, (e * info.height) / height] as GeoTransform,
      width,
      height,
      epsg: info.epsg,
    };
    const bands = (style.bidx ?? []).map((index) => index - 1);
    const grids = await Promise.all(
      readers.map((reader) =>
        readGrid(
          reader,
          grid,
          bands.length > 0 ? bands : reader.info.bands.map((_, index) => index),
          { resampling: style.resampling, signal },
          'the preview',
        ),
      ),
    );
    const values = this.values(keys, grids, style, width, height, null);
    return this.colourAndEncode(item, keys, readers, values, style, [width, height], format);
  }

  private async colourAndEncode(
    item: StacItem,
    keys: string[],
    readers: CogReader[],
    values: TileValues,
    style: TileStyle,
    [width, height]: [number, number],
    format: ImageFormat,
  ): Promise<Buffer> {
    const colour = await this.colourOptions(item, keys, readers, values.bands.length, values.isByte, style);
    return encodeImage(toRgba(values.bands, values.mask, colour), width, height, format);
  }

  /** How `bandCount` bands of values are coloured: the style's rescale and colormap, else defaults. */
  private async colourOptions(
    item: StacItem,
    keys: string[],
    readers: CogReader[],
    bandCount: number,
    isByte: boolean,
    style: TileStyle,
  ): Promise<ColourOptions> {
    const colour: ColourOptions = { rescale: style.rescale ?? [] };
    if (!style.rescale) {
      colour.rescale = isByte
        ? [[0, 255]]
        : style.expression
          ? [[-1, 1]]
          : await autoRescale(readers[0], item.assets[keys[0]]);
    }
    const singleBand = bandCount === 1 && !style.expression;
    if (style.colormapName === 'classification')
      colour.colormap = classificationColormap(classesOf(item.assets[keys[0]]));
    else if (style.colormapName) colour.colormap = getColormap(style.colormapName);
    // A class map drawn as grey levels is unreadable (classes 1…30 are all near black): without a colormap,
    // a classified band gets its classes' colours.
    else if (singleBand && !isByte && hasClasses(item.assets[keys[0]]))
      colour.colormap = classificationColormap(classesOf(item.assets[keys[0]]));
    else if (singleBand && readers[0].info.colormap && !isByte) {
      colour.colormap = paletteColormap(readers[0].info.colormap);
    }
    if (bandCount > 4) {
      throw new RasterError(
        'RASTER_INVALID_PARAMETER',
        `${bandCount} bands selected: an image shows 1 to 4 (use bidx)`,
        'bidx',
      );
    }
    return colour;
  }

  /** Band values to colour: the bands, an expression's results, or a hillshade (when `groundCell` is given). */
  private values(
    keys: string[],
    tiles: TileData[],
    style: TileStyle,
    width: number,
    height: number,
    groundCell: [number, number] | null,
  ): TileValues {
    const bands = (style.bidx ?? []).map((index) => index - 1);
    const mask = intersectMasks(tiles.map((data) => data.mask));
    if (groundCell) {
      const shaded = hillshade(tiles[0].bands[0], mask, width, height, groundCell[0], groundCell[1], style);
      return { bands: [Float64Array.from(shaded.values)], mask: shaded.mask, isByte: true };
    }
    if (!style.expression) return { bands: tiles.flatMap((data) => data.bands), mask, isByte: false };
    const named = new Map<string, Float64Array>();
    let global = 0;
    tiles.forEach((data, a) => {
      data.bands.forEach((band, b) => {
        const bandNumber = bands.length > 0 ? bands[b] + 1 : b + 1;
        named.set(`b${++global}`, band);
        named.set(`${keys[a]}_b${bandNumber}`, band);
        if (b === 0) named.set(keys[a], band);
      });
    });
    const outputs = style.expression.split(';').map((text) => {
      const tree = parseBandExpression(text);
      const unknown = bandNamesOf(tree).filter((name) => !named.has(name));
      if (unknown.length > 0) {
        throw new RasterError(
          'RASTER_INVALID_EXPRESSION',
          `unknown band ${unknown.map((name) => `"${name}"`).join(', ')} in "${text}": use b1…b${global}, an asset key or <asset>_b<N>`,
          'expression',
        );
      }
      return evaluateBandExpression(tree, named, mask);
    });
    const combined = intersectMasks([mask, ...outputs.map((output) => output.mask)]);
    return { bands: outputs.map((output) => output.values), mask: combined, isByte: false };
  }
}

/** The assets to draw: the requested keys (checked), else the first GeoTIFF asset with role data, else any GeoTIFF. */
export function selectAssets(item: StacItem, requested?: string[]): string[] {
  if (requested && requested.length > 0) {
    for (const key of requested) {
      if (!item.assets[key]) {
        const known = Object.keys(item.assets).join(', ');
        throw new RasterError(
          'RASTER_ASSET_NOT_FOUND',
          `item "${item.id}" has no asset "${key}" (assets: ${known})`,
          'assets',
        );
      }
    }
    return requested;
  }
  const entries = Object.entries(item.assets).filter(([, asset]) => isGeoTiff(asset));
  const data = entries.find(([, asset]) => asset.roles?.includes('data')) ?? entries[0];
  if (!data)
    throw new RasterError('RASTER_ASSET_NOT_FOUND', `item "${item.id}" has no GeoTIFF asset`, 'assets');
  return [data[0]];
}

/** Whether an asset is a GeoTIFF/COG (by media type, else by file extension). */
export function isGeoTiff(asset: StacAsset): boolean {
  if (asset.type) return /image\/tiff/i.test(asset.type);
  return /\.tiff?$/i.test(asset.href.split('?')[0]);
}

/** Whether a style draws bands as they are, with nearest-neighbour resampling (no expression, no hillshade). */
function isPlainNearest(style: TileStyle): boolean {
  return !style.expression && !style.algorithm && (style.resampling ?? 'nearest') === 'nearest';
}

/** Samples coloured as `bandCount` bands: the first ones, then bands of zeros. */
function colourPadded(samples: NearestSamples, bandCount: number, options: ColourOptions) {
  const { bands, mask } = sampleNearest(samples.source, samples.indices, samples.width, samples.height);
  const padded = Array.from({ length: bandCount }, (_, b) => bands[b] ?? new Float64Array(mask.length));
  return { rgba: toRgba(padded, mask, options), mask };
}

/** Pixels valid in every mask. */
function intersectMasks(masks: Uint8Array[]): Uint8Array {
  if (masks.length === 1) return masks[0];
  const out = Uint8Array.from(masks[0]);
  for (const mask of masks.slice(1)) {
    for (let p = 0; p < out.length; p++) if (mask[p] === 0) out[p] = 0;
  }
  return out;
}

function declaredClasses(asset: StacAsset): ClassificationClass[] | undefined {
  const bands = (asset['raster:bands'] ?? asset.bands) as Record<string, unknown>[] | undefined;
  const classes = (asset['classification:classes'] ?? bands?.[0]?.['classification:classes']) as
    ClassificationClass[] | undefined;
  return Array.isArray(classes) && classes.length > 0 ? classes : undefined;
}

function hasClasses(asset: StacAsset): boolean {
  return declaredClasses(asset) !== undefined;
}

function classesOf(asset: StacAsset): ClassificationClass[] {
  const classes = declaredClasses(asset);
  if (!classes) {
    throw new RasterError(
      'RASTER_INVALID_PARAMETER',
      'colormap "classification" needs classification:classes on the asset',
      'colormap_name',
    );
  }
  return classes;
}

function paletteColormap(palette: Uint8Array): Map<number, [number, number, number, number]> {
  const table = new Map<number, [number, number, number, number]>();
  for (let i = 0; i < 256; i++)
    table.set(i, [palette[i * 4], palette[i * 4 + 1], palette[i * 4 + 2], palette[i * 4 + 3]]);
  return table;
}

/** Whether two [west, south, east, north] boxes intersect (3D bboxes use their horizontal part). */
function overlaps(bbox: number[], other: [number, number, number, number]): boolean {
  const [west, south, east, north] = bbox.length === 6 ? [bbox[0], bbox[1], bbox[3], bbox[4]] : bbox;
  return west <= other[2] && east >= other[0] && south <= other[3] && north >= other[1];
}

/** A tile's bounds in WGS 84 longitude/latitude. */
function tileBoundsWgs84(set: TileMatrixSet, tile: TileAddress): [number, number, number, number] {
  const [minX, minY, maxX, maxY] = tileBounds(set, tile);
  const xs = Float64Array.of(minX, maxX);
  const ys = Float64Array.of(minY, maxY);
  createTransformer(set.epsg, 4326)(xs, ys);
  return [xs[0], ys[0], xs[1], ys[1]];
}

/** Ground size in metres of a tile pixel at the tile's centre latitude (for slopes). */
function groundCellSize(set: TileMatrixSet, tile: TileAddress, size: number): [number, number] {
  const cell = (resolutionAt(set, tile.z) * set.tileSize) / size;
  if (set.epsg === 3857) {
    const y = set.origin[1] - (tile.y + 0.5) * resolutionAt(set, tile.z) * set.tileSize;
    const latitude = 2 * Math.atan(Math.exp(y / 6378137)) - Math.PI / 2;
    return [cell * Math.cos(latitude), cell * Math.cos(latitude)];
  }
  const latitude =
    ((set.origin[1] - (tile.y + 0.5) * resolutionAt(set, tile.z) * set.tileSize) * Math.PI) / 180;
  return [cell * 111320 * Math.cos(latitude), cell * 110574];
}
