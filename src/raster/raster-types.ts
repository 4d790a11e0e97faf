/**
 * Plain data types shared by the raster engine: what a raster is (info) and what reading it returns (blocks).
 * Pixel data are always band-separate typed arrays in row-major order.
 */

/** Sample types the engine reads and writes (GDAL names in lower case). */
export type RasterDataType =
  'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'float64';

/** A typed array holding one band of pixels. */
export type RasterArray =
  Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/**
 * Affine pixel → CRS transform in GDAL order: `[originX, pixelWidth, rowRotation, originY, columnRotation,
 * pixelHeight]`; x = gt[0] + col·gt[1] + row·gt[2], y = gt[3] + col·gt[4] + row·gt[5], for the pixel corner.
 * See https://gdal.org/tutorials/geotransforms_tut.html
 */
export type GeoTransform = [number, number, number, number, number, number];

/** Per-band metadata. */
export interface BandInfo {
  description: string | null;
  /** Physical value = raw · scale + offset. */
  scale: number;
  offset: number;
}

/** One resolution level: 0 is the full-resolution image, then overviews from finest to coarsest. */
export interface RasterLevel {
  width: number;
  height: number;
  blockWidth: number;
  blockHeight: number;
  geoTransform: GeoTransform;
}

/** What a raster is, without reading pixels. */
export interface RasterInfo {
  width: number;
  height: number;
  bandCount: number;
  dataType: RasterDataType;
  nodata: number | null;
  geoTransform: GeoTransform;
  /** EPSG code of the CRS, or null when the file has none or a user-defined one. */
  epsg: number | null;
  levels: RasterLevel[];
  bands: BandInfo[];
  /** A 256-entry RGBA palette (1024 bytes) for paletted images, else null. */
  colormap: Uint8Array | null;
  isTiled: boolean;
}

/** A pixel rectangle of one level; it may reach outside the image (the outside is filled). */
export interface PixelWindow {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixels read from a raster: one typed array per requested band. */
export interface RasterBlock {
  width: number;
  height: number;
  dataType: RasterDataType;
  bands: RasterArray[];
}

/** Allocates a typed array of the given data type. */
export function createRasterArray(dataType: RasterDataType, length: number): RasterArray {
  switch (dataType) {
    case 'uint8':
      return new Uint8Array(length);
    case 'int8':
      return new Int8Array(length);
    case 'uint16':
      return new Uint16Array(length);
    case 'int16':
      return new Int16Array(length);
    case 'uint32':
      return new Uint32Array(length);
    case 'int32':
      return new Int32Array(length);
    case 'float32':
      return new Float32Array(length);
    case 'float64':
      return new Float64Array(length);
  }
}
