import { BaseDecoder } from 'geotiff';
import sharp from 'sharp';

/**
 * Decodes JPEG-compressed TIFF blocks (compression 7, TIFF Technical Note 2) with libjpeg-turbo through sharp,
 * so pixels match GDAL's (which uses libjpeg with "fancy" chroma upsampling); geotiff.js' pure-JS decoder
 * upsamples subsampled chroma differently and drifts by up to ~40 levels on YCbCr images.
 * The shared `JPEGTables` stream (quantisation and Huffman tables) is spliced in front of each block.
 * Limits: 8-bit samples; YCbCr is converted to RGB, as GDAL does by default (JPEGCOLORMODE=RGB).
 */
export default class JpegCodec extends BaseDecoder {
  override async decodeBlock(buffer: ArrayBufferLike): Promise<ArrayBuffer> {
    const parameters = this.parameters as { JPEGTables?: ArrayLike<number>; samplesPerPixel?: number };
    const block = new Uint8Array(buffer as ArrayBuffer);
    const stream = parameters.JPEGTables
      ? spliceTables(Uint8Array.from(parameters.JPEGTables), block)
      : block;
    const samples = parameters.samplesPerPixel ?? 3;
    let image = sharp(stream);
    if (samples === 1) image = image.toColourspace('b-w');
    const decoded = await image.raw().toBuffer();
    return decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength) as ArrayBuffer;
  }
}

/** Tables stream minus its EOI, then the block minus its SOI: one complete JPEG interchange stream. */
function spliceTables(tables: Uint8Array, block: Uint8Array): Uint8Array {
  const head = tables.subarray(0, tables.length - 2);
  const body = block.subarray(2);
  const stream = new Uint8Array(head.length + body.length);
  stream.set(head);
  stream.set(body, head.length);
  return stream;
}
