import { totalmem } from 'node:os';
import { GeoTIFF, type GeoTIFFImage } from 'geotiff';
import { registerCodecs } from '../codecs/codec-registry.js';
import { RasterError } from '../raster-errors.js';
import {
  createRasterArray,
  type BandInfo,
  type PixelWindow,
  type RasterBlock,
  type RasterInfo,
  type RasterLevel,
} from '../raster-types.js';
import { BlockCache } from '../source/block-cache.js';
import type { ByteSource } from '../source/byte-source.js';
import { BlockWindowReader } from './block-window-reader.js';
import { parseGdalMetadata } from './gdal-metadata.js';
import {
  loadNumbers,
  loadText,
  readGeoTransform,
  SUBFILE_MASK,
  SUBFILE_REDUCED,
  toDataType,
  toRgbaPalette,
} from './geotiff-tags.js';

/** Options of {@link CogReader.open}. */
export interface CogReaderOptions {
  /** Cache of decoded blocks; by default one cache shared by every reader of the process (see below). */
  decodedBlocks?: BlockCache;
}

/**
 * The process-wide cache of decoded blocks: 5 % of the machine's memory, as GDAL's default block cache
 * (GDAL_CACHEMAX), kept between 256 MiB and 512 MiB so that a server process stays under about 1 GiB.
 * Neighbouring tiles and zoom levels share source blocks, and a cold 512² block costs milliseconds to
 * inflate and split, so hits matter more than anything else.
 */
const SHARED_DECODED_BLOCKS = new BlockCache(
  Math.min(512 * 1024 * 1024, Math.max(256 * 1024 * 1024, Math.round(totalmem() * 0.05))),
);
/** Distinguishes readers of the same location (a file may change between opens) in the shared cache. */
let openCount = 0;

/** Options of {@link CogReader.readWindow}. */
export interface ReadWindowOptions {
  /** Resolution level: 0 full resolution, 1… overviews (see `info.levels`). Default 0. */
  level?: number;
  /** 0-based band indices to read; all bands by default. */
  bands?: number[];
  /** Value for pixels outside the image; defaults to nodata, else 0. */
  fillValue?: number;
  signal?: AbortSignal;
}

/**
 * Reads Cloud-Optimized and plain GeoTIFFs (tiled or striped, any compression geotiff.js decodes plus WEBP,
 * 8–64-bit integer and float samples, BigTIFF, both byte orders) through a {@link ByteSource}, fetching only
 * the IFDs and the blocks a window touches; decoded blocks are kept in a bounded LRU cache shared by readers.
 * Overviews are the reduced-resolution IFDs of the same file.
 * Limits: no external (.ovr) overviews or masks; internal transparency masks are ignored; 1-bit and
 * 12-bit samples are rejected as unsupported.
 *
 * @example
 * const reader = await CogReader.open(new BlockCacheByteSource(new FileByteSource('dem.tif')));
 * const block = await reader.readWindow({ x: 0, y: 0, width: 256, height: 256 }, { bands: [0] });
 */
export class CogReader {
  private readonly blockReaders: (BlockWindowReader | null)[];

  private constructor(
    readonly source: ByteSource,
    readonly info: RasterInfo,
    private readonly images: GeoTIFFImage[],
    decodedBlocks: BlockCache,
  ) {
    const identity = `${source.id}@${++openCount}`;
    this.blockReaders = images.map((image, level) =>
      BlockWindowReader.supports(image)
        ? new BlockWindowReader(image, decodedBlocks, `${identity}#${level}`)
        : null,
    );
  }

  /**
   * Parses the header and every IFD of a GeoTIFF.
   * @throws RasterError `RASTER_CORRUPT` when the bytes are not a readable TIFF, `RASTER_UNSUPPORTED` for
   * sample layouts the engine does not handle.
   */
  static async open(
    source: ByteSource,
    signal?: AbortSignal,
    options: CogReaderOptions = {},
  ): Promise<CogReader> {
    registerCodecs();
    let tiff: GeoTIFF;
    try {
      // geotiff.js only calls `fetch(slices, signal)` (and `close`) on its sources: ByteSource is that contract.
      tiff = await GeoTIFF.fromSource(
        source as unknown as Parameters<typeof GeoTIFF.fromSource>[0],
        {},
        signal,
      );
    } catch (error) {
      throw asRasterError(error, source, signal);
    }
    try {
      const images = await loadLevels(tiff);
      return new CogReader(
        source,
        await describe(images),
        images,
        options.decodedBlocks ?? SHARED_DECODED_BLOCKS,
      );
    } catch (error) {
      throw asRasterError(error, source, signal);
    }
  }

  /**
   * Reads a pixel window of one level into band-separate typed arrays of the file's data type.
   * @throws RasterError `RASTER_BAND_OUT_OF_RANGE`, `RASTER_INVALID_PARAMETER` (level or window), `RASTER_CORRUPT`.
   */
  async readWindow(window: PixelWindow, options: ReadWindowOptions = {}): Promise<RasterBlock> {
    const { info } = this;
    const levelIndex = options.level ?? 0;
    const level = info.levels[levelIndex];
    if (!level) {
      throw new RasterError(
        'RASTER_INVALID_PARAMETER',
        `level ${levelIndex} does not exist (0…${info.levels.length - 1})`,
        'level',
      );
    }
    const bands = options.bands ?? info.bands.map((_, index) => index);
    for (const band of bands) {
      if (!Number.isInteger(band) || band < 0 || band >= info.bandCount) {
        throw new RasterError(
          'RASTER_BAND_OUT_OF_RANGE',
          `band ${band + 1} does not exist: the raster has ${info.bandCount} band(s)`,
          'bidx',
        );
      }
    }
    if (!(window.width > 0 && window.height > 0 && window.width * window.height <= 64 * 1024 * 1024)) {
      throw new RasterError(
        'RASTER_INVALID_PARAMETER',
        `window ${window.width}x${window.height} is empty or too large`,
        'window',
      );
    }
    const fill = options.fillValue ?? (info.nodata !== null && !Number.isNaN(info.nodata) ? info.nodata : 0);
    const out = bands.map(() => createRasterArray(info.dataType, window.width * window.height).fill(fill));
    const x0 = Math.max(0, window.x);
    const y0 = Math.max(0, window.y);
    const x1 = Math.min(level.width, window.x + window.width);
    const y1 = Math.min(level.height, window.y + window.height);
    const blockReader = this.blockReaders[levelIndex];
    if (x1 > x0 && y1 > y0 && blockReader) {
      try {
        await blockReader.read(window, bands, out, options.signal);
      } catch (error) {
        throw asRasterError(error, this.source, options.signal);
      }
    } else if (x1 > x0 && y1 > y0) {
      let rasters;
      try {
        rasters = await this.images[levelIndex].readRasters({
          window: [x0, y0, x1, y1],
          samples: bands,
          interleave: false,
          signal: options.signal,
        });
      } catch (error) {
        throw asRasterError(error, this.source, options.signal);
      }
      const innerWidth = x1 - x0;
      for (let b = 0; b < bands.length; b++) {
        const source = rasters[b];
        for (let row = y0; row < y1; row++) {
          const from = (row - y0) * innerWidth;
          out[b].set(
            source.subarray(from, from + innerWidth) as never,
            (row - window.y) * window.width + (x0 - window.x),
          );
        }
      }
    }
    return { width: window.width, height: window.height, dataType: info.dataType, bands: out };
  }

  /** Closes the byte source. */
  close(): Promise<void> {
    return this.source.close();
  }
}

/** The full-resolution image then its overviews, finest first; masks are skipped. */
async function loadLevels(tiff: GeoTIFF): Promise<GeoTIFFImage[]> {
  const count = await tiff.getImageCount();
  const images: GeoTIFFImage[] = [];
  for (let index = 0; index < count; index++) {
    const image = await tiff.getImage(index);
    const [subfileType = 0] = await loadNumbers(image, 'NewSubfileType');
    if (subfileType & SUBFILE_MASK) continue;
    if (images.length > 0 && !(subfileType & SUBFILE_REDUCED)) continue;
    images.push(image);
  }
  if (images.length === 0) throw new RasterError('RASTER_CORRUPT', 'the TIFF has no image');
  const [main, ...overviews] = images;
  const samples = main.getSamplesPerPixel();
  const usable = overviews.filter(
    (image) => image.getSamplesPerPixel() === samples && image.getWidth() < main.getWidth(),
  );
  return [main, ...usable.sort((a, b) => b.getWidth() - a.getWidth())];
}

async function describe(images: GeoTIFFImage[]): Promise<RasterInfo> {
  const main = images[0];
  const bandCount = main.getSamplesPerPixel();
  const dataType = toDataType(main.getSampleFormat(0) ?? 1, main.getBitsPerSample(0));
  for (let band = 1; band < bandCount; band++) {
    if (toDataType(main.getSampleFormat(band) ?? 1, main.getBitsPerSample(band)) !== dataType) {
      throw new RasterError('RASTER_UNSUPPORTED', 'bands of different sample types are not supported');
    }
  }
  const geoKeys = main.getGeoKeys() ?? {};
  const geoTransform = await readGeoTransform(main, geoKeys.GTRasterTypeGeoKey === 2);
  const levels: RasterLevel[] = images.map((image) => {
    const factorX = main.getWidth() / image.getWidth();
    const factorY = main.getHeight() / image.getHeight();
    const [ox, a, b, oy, d, e] = geoTransform;
    return {
      width: image.getWidth(),
      height: image.getHeight(),
      blockWidth: image.getTileWidth(),
      blockHeight: image.getTileHeight(),
      geoTransform: [ox, a * factorX, b * factorY, oy, d * factorX, e * factorY],
    };
  });
  const epsgKey = Number(geoKeys.ProjectedCSTypeGeoKey ?? geoKeys.GeographicTypeGeoKey ?? 0);
  const noDataText = await loadText(main, 'GDAL_NODATA');
  const metadata = parseGdalMetadata((await loadText(main, 'GDAL_METADATA')) ?? '');
  const bands: BandInfo[] = Array.from({ length: bandCount }, (_, sample) => {
    const find = (role: string) =>
      metadata.find((item) => item.sample === sample && item.role === role)?.value;
    const scale = Number(find('scale') ?? 1);
    const offset = Number(find('offset') ?? 0);
    return {
      description: find('description') ?? null,
      scale: Number.isFinite(scale) ? scale : 1,
      offset: Number.isFinite(offset) ? offset : 0,
    };
  });
  const colorMap = await loadNumbers(main, 'ColorMap');
  return {
    width: main.getWidth(),
    height: main.getHeight(),
    bandCount,
    dataType,
    nodata: noDataText === null || noDataText.trim() === '' ? null : Number(noDataText.trim()),
    geoTransform,
    epsg: epsgKey > 0 && epsgKey < 32767 ? epsgKey : null,
    levels,
    bands,
    colormap: colorMap.length > 0 ? toRgbaPalette(colorMap) : null,
    isTiled: main.isTiled,
  };
}

/** Keeps aborts and domain errors, and turns geotiff.js parse failures into `RASTER_CORRUPT`. */
function asRasterError(error: unknown, source: ByteSource, signal?: AbortSignal): unknown {
  if (error instanceof RasterError || signal?.aborted) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RasterError('RASTER_CORRUPT', `cannot read ${source.id} as GeoTIFF: ${message}`);
}
