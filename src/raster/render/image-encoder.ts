import sharp from 'sharp';

/** Output image formats of tiles and previews. */
export type ImageFormat = 'png' | 'webp';

/** Media types of the image formats. */
export const IMAGE_MEDIA_TYPES: Record<ImageFormat, string> = { png: 'image/png', webp: 'image/webp' };

/**
 * Encodes RGBA pixels as PNG (lossless, zlib level 6 without adaptive filtering: fast for map tiles) or WebP
 * (lossless and exact, so that classes, values and transparent pixels are not altered), through libvips/sharp.
 */
export async function encodeImage(
  rgba: Uint8Array,
  width: number,
  height: number,
  format: ImageFormat,
): Promise<Buffer> {
  const image = sharp(rgba, { raw: { width, height, channels: 4 } });
  if (format === 'webp') return image.webp({ lossless: true, exact: true, effort: 2 }).toBuffer();
  return image.png({ compressionLevel: 6, adaptiveFiltering: false }).toBuffer();
}
