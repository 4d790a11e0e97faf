import type { GeoTIFFImage, ImageFileDirectory } from 'geotiff';
import { RasterError } from '../raster-errors.js';
import type { GeoTransform, RasterDataType } from '../raster-types.js';

/** TIFF NewSubfileType bits (TIFF 6.0 §8): reduced-resolution image, transparency mask. */
export const SUBFILE_REDUCED = 1;
export const SUBFILE_MASK = 4;

/** A TIFF tag name known to geotiff.js, or a numeric tag id. */
export type TiffTag = Parameters<ImageFileDirectory['loadValue']>[0];

/** Loads a tag as a number array (empty when absent). */
export async function loadNumbers(image: GeoTIFFImage, tag: TiffTag): Promise<number[]> {
  const value = (await image.getFileDirectory().loadValue(tag)) as unknown;
  if (value === undefined || value === null) return [];
  if (typeof value === 'number' || typeof value === 'bigint') return [Number(value)];
  return Array.from(value as ArrayLike<number>, Number);
}

/** Loads an ASCII tag, or null when absent. */
export async function loadText(image: GeoTIFFImage, tag: TiffTag): Promise<string | null> {
  const value = (await image.getFileDirectory().loadValue(tag)) as unknown;
  if (typeof value !== 'string') return null;
  return value.replace(/\0+$/, '');
}

/** Maps TIFF SampleFormat (1 unsigned, 2 signed, 3 float) and BitsPerSample to a data type. */
export function toDataType(sampleFormat: number, bits: number): RasterDataType {
  const key = `${sampleFormat}:${bits}`;
  const types: Record<string, RasterDataType> = {
    '1:8': 'uint8',
    '2:8': 'int8',
    '1:16': 'uint16',
    '2:16': 'int16',
    '1:32': 'uint32',
    '2:32': 'int32',
    '3:32': 'float32',
    '3:64': 'float64',
  };
  const type = types[key];
  if (!type) {
    throw new RasterError(
      'RASTER_UNSUPPORTED',
      `unsupported sample type: SampleFormat ${sampleFormat}, ${bits} bits`,
    );
  }
  return type;
}

/**
 * The geotransform of the full-resolution image from ModelTransformation, or ModelTiepoint + ModelPixelScale
 * (GeoTIFF 1.1 §B.6). A PixelIsPoint raster is shifted by half a pixel, as GDAL does, so that the transform
 * always describes pixel corners. Files without georeferencing get GDAL's default identity transform.
 */
export async function readGeoTransform(image: GeoTIFFImage, isPixelIsPoint: boolean): Promise<GeoTransform> {
  const matrix = await loadNumbers(image, 'ModelTransformation');
  let transform: GeoTransform;
  if (matrix.length >= 16) {
    transform = [matrix[3], matrix[0], matrix[1], matrix[7], matrix[4], matrix[5]];
  } else {
    const tiepoint = await loadNumbers(image, 'ModelTiepoint');
    const scale = await loadNumbers(image, 'ModelPixelScale');
    if (tiepoint.length < 6 || scale.length < 2) return [0, 1, 0, 0, 0, 1];
    const [i, j, , x, y] = tiepoint;
    transform = [x - i * scale[0], scale[0], 0, y + j * scale[1], 0, -scale[1]];
  }
  if (isPixelIsPoint) {
    transform[0] -= 0.5 * (transform[1] + transform[2]);
    transform[3] -= 0.5 * (transform[4] + transform[5]);
  }
  return transform;
}

/** Converts a TIFF ColorMap (3·2^bits uint16 entries, R then G then B) to an RGBA palette of 256 entries. */
export function toRgbaPalette(colorMap: number[]): Uint8Array {
  const count = colorMap.length / 3;
  const palette = new Uint8Array(256 * 4);
  for (let i = 0; i < Math.min(count, 256); i++) {
    palette[i * 4] = colorMap[i] >> 8;
    palette[i * 4 + 1] = colorMap[count + i] >> 8;
    palette[i * 4 + 2] = colorMap[2 * count + i] >> 8;
    palette[i * 4 + 3] = 255;
  }
  return palette;
}
