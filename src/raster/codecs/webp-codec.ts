import { BaseDecoder } from 'geotiff';
import sharp from 'sharp';

/**
 * Decodes WEBP-compressed TIFF blocks (compression 50001, as written by GDAL) with libwebp through sharp.
 * geotiff.js' own WebP decoder needs a browser canvas (`createImageBitmap`), absent in Node.
 * Limits: 8-bit RGB/RGBA only, as the WEBP TIFF compression itself (https://gdal.org/drivers/raster/gtiff.html).
 */
export default class WebpCodec extends BaseDecoder {
  override async decodeBlock(buffer: ArrayBufferLike): Promise<ArrayBuffer> {
    const samples = (this.parameters as { samplesPerPixel?: number }).samplesPerPixel ?? 4;
    let image = sharp(new Uint8Array(buffer as ArrayBuffer));
    image = samples === 4 ? image.ensureAlpha() : image.removeAlpha();
    const decoded = await image.raw().toBuffer();
    return decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength) as ArrayBuffer;
  }
}
