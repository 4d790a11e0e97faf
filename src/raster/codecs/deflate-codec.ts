import { inflateSync } from 'node:zlib';
import { BaseDecoder } from 'geotiff';

/**
 * Decodes DEFLATE-compressed TIFF blocks (compression 8 and the old Adobe 32946) with Node's native zlib,
 * several times faster than geotiff.js' pure-JS pako on the large uint16 tiles of multispectral COGs.
 * The horizontal/floating-point predictor is then undone by geotiff.js' BaseDecoder.
 */
export default class DeflateCodec extends BaseDecoder {
  override decodeBlock(buffer: ArrayBufferLike): ArrayBuffer {
    const inflated = inflateSync(new Uint8Array(buffer as ArrayBuffer));
    return inflated.buffer.slice(
      inflated.byteOffset,
      inflated.byteOffset + inflated.byteLength,
    ) as ArrayBuffer;
  }
}
