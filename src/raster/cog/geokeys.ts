import { TiffType, type TiffEntry } from './tiff-ifd-encoder.js';

/**
 * The GeoKeyDirectory (tag 34735) of a CRS identified by EPSG code, as GDAL writes it for EPSG CRSs
 * (GeoTIFF 1.1, OGC 19-008r4 §7): model type, raster type PixelIsArea, and the projected or geographic
 * CRS code with its unit. User-defined CRSs are out of scope.
 */
export function geoKeyDirectory(epsg: number, isGeographic: boolean): TiffEntry {
  const GT_MODEL_TYPE = 1024;
  const GT_RASTER_TYPE = 1025;
  const GEOGRAPHIC_TYPE = 2048;
  const GEOG_ANGULAR_UNITS = 2054;
  const PROJECTED_CS_TYPE = 3072;
  const PROJ_LINEAR_UNITS = 3076;
  const keys: [number, number][] = isGeographic
    ? [
        [GT_MODEL_TYPE, 2],
        [GT_RASTER_TYPE, 1],
        [GEOGRAPHIC_TYPE, epsg],
        [GEOG_ANGULAR_UNITS, 9102],
      ]
    : [
        [GT_MODEL_TYPE, 1],
        [GT_RASTER_TYPE, 1],
        [PROJECTED_CS_TYPE, epsg],
        [PROJ_LINEAR_UNITS, 9001],
      ];
  // Header: KeyDirectoryVersion 1, KeyRevision 1.1, number of keys; then (key, location 0 = inline, count 1, value).
  const values = [1, 1, 1, keys.length, ...keys.flatMap(([key, value]) => [key, 0, 1, value])];
  return { tag: 34735, type: TiffType.SHORT, values };
}
