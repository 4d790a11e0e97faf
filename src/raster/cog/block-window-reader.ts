import { getDecoder, type GeoTIFFImage } from 'geotiff';
import { blockParameters } from '../codecs/codec-registry.js';
import { RasterError } from '../raster-errors.js';
import type { PixelWindow, RasterArray } from '../raster-types.js';
import type { BlockCache } from '../source/block-cache.js';

type Decoder = Parameters<GeoTIFFImage['getTileOrStrip']>[3];

/**
 * Assembles a window of one TIFF image from its decoded blocks (tiles or strips), keeping decoded blocks in a
 * shared LRU cache: neighbouring map tiles reuse the same source blocks, so each block is inflated once
 * instead of once per map tile. Copies typed arrays directly, which is several times faster than geotiff.js'
 * per-sample `readRasters` loop.
 * Limits: little-endian files with whole-byte samples (the caller uses geotiff.js' `readRasters` otherwise).
 */
export class BlockWindowReader {
  private decoder: Promise<Decoder> | null = null;
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
    const samplesPerPixel = image.getSamplesPerPixel();
    const jobs: Promise<void>[] = [];
    for (let by = Math.floor(y0 / blockHeight); by * blockHeight < y1; by++) {
      for (let bx = Math.floor(x0 / blockWidth); bx * blockWidth < x1; bx++) {
        const blockSamples = isPlanar ? samples.map((sample, i) => [sample, i]) : [[-1, -1]];
        for (const [sample, outIndex] of blockSamples) {
          jobs.push(
            this.block(bx, by, Math.max(0, sample), signal).then((data) => {
              const values = image.getArrayForSample(Math.max(0, sample), data) as RasterArray;
              const left = Math.max(x0, bx * blockWidth);
              const right = Math.min(x1, (bx + 1) * blockWidth);
              const top = Math.max(y0, by * blockHeight);
              const bottom = Math.min(y1, (by + 1) * blockHeight);
              for (let row = top; row < bottom; row++) {
                const blockRow = (row - by * blockHeight) * blockWidth;
                const target = (row - window.y) * window.width - window.x;
                if (isPlanar || samplesPerPixel === 1) {
                  const start = blockRow + left - bx * blockWidth;
                  out[isPlanar ? outIndex : 0].set(
                    values.subarray(start, start + right - left) as never,
                    target + left,
                  );
                  continue;
                }
                for (let s = 0; s < samples.length; s++) {
                  const band = out[s];
                  const sampleOffset = samples[s];
                  for (let column = left; column < right; column++) {
                    band[target + column] =
                      values[(blockRow + column - bx * blockWidth) * samplesPerPixel + sampleOffset];
                  }
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
        const decoder = await this.getDecoder();
        const { data } = await image.getTileOrStrip(bx, by, sample, decoder, signal);
        const buffer = data as ArrayBuffer;
        const bytesPerPixel =
          image.planarConfiguration === 2 ? image.getSampleByteSize(sample) : image.getBytesPerPixel();
        const expected = image.getTileWidth() * image.getBlockHeight(by) * bytesPerPixel;
        if (buffer.byteLength < expected) {
          throw new RasterError(
            'RASTER_CORRUPT',
            `block ${index} decodes to ${buffer.byteLength} bytes instead of ${expected}: the file is truncated or damaged`,
          );
        }
        this.cache.set(key, buffer);
        return buffer;
      })();
      this.pending.set(index, pending);
      const settle = () => this.pending.delete(index);
      pending.then(settle, settle);
    }
    return pending;
  }

  private getDecoder(): Promise<Decoder> {
    this.decoder ??= (async () => {
      const directory = this.image.getFileDirectory();
      const compression = Number((await directory.loadValue('Compression')) ?? 1);
      const parameters: Record<string, unknown> = { ...(await blockParameters(directory)) };
      if (directory.hasTag('JPEGTables')) parameters.JPEGTables = await directory.loadValue('JPEGTables');
      if (directory.hasTag('LercParameters'))
        parameters.LercParameters = await directory.loadValue('LercParameters');
      return (await getDecoder(compression, parameters as never)) as Decoder;
    })();
    return this.decoder;
  }
}
