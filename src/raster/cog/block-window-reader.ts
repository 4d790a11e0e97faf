import { getDecoder, type GeoTIFFImage } from 'geotiff';
import { blockParameters } from '../codecs/codec-registry.js';
import { RasterError } from '../raster-errors.js';
import type { PixelWindow, RasterArray } from '../raster-types.js';
import type { BlockCache } from '../source/block-cache.js';
import { toBandPlanes, type BlockLayout } from './block-planes.js';
import { InflatePool } from './inflate-pool.js';

type Decoder = Parameters<GeoTIFFImage['getTileOrStrip']>[3];

/** What BlockWindowReader uses of a geotiff.js decoder: decompression alone, or with the predictor undone. */
interface BlockDecoder {
  decodeBlock(raw: ArrayBuffer): Promise<ArrayBuffer | ArrayBufferView> | ArrayBuffer | ArrayBufferView;
  decode(raw: ArrayBuffer): Promise<ArrayBuffer | ArrayBufferView>;
}

/** TIFF compression codes of DEFLATE, decoded by the {@link InflatePool}. */
const DEFLATE_CODES = new Set([8, 32946]);

/**
 * Assembles a window of one TIFF image from its decoded blocks (tiles or strips), keeping decoded blocks in a
 * shared LRU cache: neighbouring map tiles reuse the same source blocks, so each block is inflated once
 * instead of once per map tile. Copies typed arrays directly, which is several times faster than geotiff.js'
 * per-sample `readRasters` loop.
 * Limits: little-endian files with whole-byte samples (the caller uses geotiff.js' `readRasters` otherwise).
 */
export class BlockWindowReader {
  private decoder: Promise<{ decoder: BlockDecoder; compression: number; predictor: number }> | null = null;
  private readonly pending = new Map<number, Promise<ArrayBuffer>>();

  constructor(
    private readonly image: GeoTIFFImage,
    private readonly cache: BlockCache,
    private readonly cacheKey: string,
  ) {}

  /** Whether this image can be read by block assembly. */
  static supports(image: GeoTIFFImage): boolean {
    return image.littleEndian && image.getBitsPerSample() % 8 === 0;
  }

  /**
   * Copies the part of `window` inside the image into `out` (one array per sample, `window.width` wide), whose
   * other pixels are left as they are.
   */
  async read(
    window: PixelWindow,
    samples: number[],
    out: RasterArray[],
    signal?: AbortSignal,
  ): Promise<void> {
    const image = this.image;
    const blockWidth = image.getTileWidth();
    const blockHeight = image.getTileHeight();
    const x0 = Math.max(0, window.x);
    const y0 = Math.max(0, window.y);
    const x1 = Math.min(image.getWidth(), window.x + window.width);
    const y1 = Math.min(image.getHeight(), window.y + window.height);
    const isPlanar = image.planarConfiguration === 2;
    const jobs: Promise<void>[] = [];
    for (let by = Math.floor(y0 / blockHeight); by * blockHeight < y1; by++) {
      for (let bx = Math.floor(x0 / blockWidth); bx * blockWidth < x1; bx++) {
        const blockSamples = isPlanar ? samples.map((sample, i) => [sample, i]) : [[-1, -1]];
        for (const [sample, outIndex] of blockSamples) {
          jobs.push(
            this.block(bx, by, Math.max(0, sample), signal).then((planes) => {
              const left = Math.max(x0, bx * blockWidth);
              const right = Math.min(x1, (bx + 1) * blockWidth);
              const top = Math.max(y0, by * blockHeight);
              const bottom = Math.min(y1, (by + 1) * blockHeight);
              const planeLength = blockWidth * image.getBlockHeight(by);
              const values = image.getArrayForSample(Math.max(0, sample), planes) as RasterArray;
              const copies = isPlanar ? [[0, outIndex]] : samples.map((plane, i) => [plane, i]);
              for (const [plane, target] of copies) {
                const band = out[target];
                for (let row = top; row < bottom; row++) {
                  const start =
                    plane * planeLength + (row - by * blockHeight) * blockWidth + left - bx * blockWidth;
                  band.set(
                    values.subarray(start, start + right - left) as never,
                    (row - window.y) * window.width + left - window.x,
                  );
                }
              }
            }),
          );
        }
      }
    }
    await Promise.all(jobs);
  }

  /** One decoded block, from the cache, an in-flight decode, or decoded now. */
  private block(bx: number, by: number, sample: number, signal?: AbortSignal): Promise<ArrayBuffer> {
    const image = this.image;
    const across = Math.ceil(image.getWidth() / image.getTileWidth());
    const down = Math.ceil(image.getHeight() / image.getTileHeight());
    const index = (image.planarConfiguration === 2 ? sample * across * down : 0) + by * across + bx;
    const key = `${this.cacheKey}#${index}`;
    const cached = this.cache.get(key);
    if (cached) return Promise.resolve(cached);
    let pending = this.pending.get(index);
    if (!pending) {
      pending = (async () => {
        const layout = await this.layoutOf(by, sample);
        const decode = (raw: ArrayBuffer) => this.decodeToPlanes(raw, layout, index);
        const { data } = await image.getTileOrStrip(bx, by, sample, { decode } as unknown as Decoder, signal);
        // An empty block (byte count 0) comes back filled with nodata: the same bytes as planes.
        const planes = data as ArrayBuffer;
        this.cache.set(key, planes);
        return planes;
      })();
      this.pending.set(index, pending);
      const settle = () => this.pending.delete(index);
      pending.then(settle, settle);
    }
    return pending;
  }

  /** The geometry of block row `by` as decoded (band-separate files: one sample per block). */
  private async layoutOf(by: number, sample: number): Promise<BlockLayout & { predictorUndone: boolean }> {
    const image = this.image;
    const { predictor } = await this.getDecoder();
    const isPlanar = image.planarConfiguration === 2;
    return {
      width: image.getTileWidth(),
      height: image.getBlockHeight(by),
      samplesPerPixel: isPlanar ? 1 : image.getSamplesPerPixel(),
      bytesPerSample: image.getSampleByteSize(sample),
      predictor,
      predictorUndone: predictor !== 2,
    };
  }

  /**
   * Decompresses a block and returns its band planes. DEFLATE blocks go to the inflate worker pool; others
   * are decoded here by geotiff.js' decoders. Horizontal differencing is undone while splitting samples (one
   * pass); the floating-point predictor by geotiff.js' decoder first.
   */
  private async decodeToPlanes(
    raw: ArrayBuffer,
    layout: BlockLayout & { predictorUndone: boolean },
    index: number,
  ): Promise<ArrayBuffer> {
    const { decoder, compression, predictor } = await this.getDecoder();
    if (DEFLATE_CODES.has(compression) && predictor <= 2) {
      return InflatePool.shared().decode(raw, layout);
    }
    const decoded = layout.predictorUndone ? await decoder.decode(raw) : await decoder.decodeBlock(raw);
    const bytes = ArrayBuffer.isView(decoded)
      ? new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength)
      : new Uint8Array(decoded as ArrayBuffer);
    const expected = layout.width * layout.height * layout.samplesPerPixel * layout.bytesPerSample;
    if (bytes.byteLength < expected) {
      throw new RasterError(
        'RASTER_CORRUPT',
        `block ${index} decodes to ${bytes.byteLength} bytes instead of ${expected}: the file is truncated or damaged`,
      );
    }
    return toBandPlanes(bytes, { ...layout, predictor: layout.predictorUndone ? 1 : 2 });
  }

  private getDecoder(): Promise<{ decoder: BlockDecoder; compression: number; predictor: number }> {
    this.decoder ??= (async () => {
      const directory = this.image.getFileDirectory();
      const compression = Number((await directory.loadValue('Compression')) ?? 1);
      const parameters: Record<string, unknown> = { ...(await blockParameters(directory)) };
      if (directory.hasTag('JPEGTables')) parameters.JPEGTables = await directory.loadValue('JPEGTables');
      if (directory.hasTag('LercParameters'))
        parameters.LercParameters = await directory.loadValue('LercParameters');
      const decoder = (await getDecoder(compression, parameters as never)) as unknown as BlockDecoder;
      return { decoder, compression, predictor: Number(parameters.predictor ?? 1) };
    })();
    return this.decoder;
  }
}
