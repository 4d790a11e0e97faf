/**
 * Public surface of the raster engine: byte sources, the COG reader and writer, tile maths, rendering.
 * Everything not exported here is internal.
 */
export type { ByteSlice, ByteSource } from './source/byte-source.js';
export { FileByteSource } from './source/file-byte-source.js';
export { HttpByteSource, type HttpByteSourceOptions } from './source/http-byte-source.js';
export { CountingByteSource } from './source/counting-byte-source.js';
export { BlockCache } from './source/block-cache.js';
export { BlockCacheByteSource, type BlockCacheOptions } from './source/block-cache-byte-source.js';
export { CogReader, type ReadWindowOptions } from './cog/cog-reader.js';
export { RasterError, type RasterErrorCode } from './raster-errors.js';
export * from './raster-types.js';
export { writeCog, type CogRaster, type CogWriteOptions } from './cog/cog-writer.js';
export type { OverviewResampling } from './cog/overview-builder.js';
export { registerCrs, resolveCrs, isKnownCrs, type CrsDefinition } from './warp/crs-registry.js';
export {
  WEB_MERCATOR_QUAD,
  WORLD_CRS84_QUAD,
  getTileMatrixSet,
  listTileMatrixSets,
  tileBounds,
  tileGeoTransform,
  assertTileInRange,
  type TileMatrixSet,
  type TileAddress,
} from './tiles/tile-matrix-set.js';
export { readTile, chooseLevel, type ReadTileOptions, type TileData } from './tiles/tile-reader.js';
export { resample, type ResamplingMethod, type ResampledPixels, type SourcePixels } from './warp/resample.js';
export { createTransformer, type CoordinateTransformer } from './warp/coordinate-transformer.js';
export { ReaderCache, type ReaderCacheOptions } from './cog/reader-cache.js';
export { ItemTileRenderer, selectAssets, isGeoTiff, type TileStyle } from './render/item-tile-renderer.js';
export {
  parseBandExpression,
  evaluateBandExpression,
  bandNamesOf,
  type ExpressionNode,
} from './render/band-expression.js';
export {
  getColormap,
  classificationColormap,
  COLORMAP_NAMES,
  type ClassificationClass,
} from './render/colormaps.js';
export { hillshade } from './render/hillshade.js';
export { toRgba, type ColourOptions } from './render/tile-renderer.js';
export { encodeImage, IMAGE_MEDIA_TYPES, type ImageFormat } from './render/image-encoder.js';
export { zoomRange } from './tiles/zoom-range.js';
export {
  zonalStatistics,
  pointValues,
  toPixelRings,
  MAX_ZONE_VERTICES,
  type ZoneOptions,
} from './stats/zone-reader.js';
export {
  summarizeBand,
  percentileOfSorted,
  type BandStatistics,
  type SummaryOptions,
} from './stats/zonal-statistics.js';
export { rasterizeRings } from './stats/polygon-mask.js';
export {
  resolveAssetFile,
  parseRange,
  type AssetFile,
  type ByteRange,
} from './source/asset-file-resolver.js';
export { buildWmtsCapabilities, type WmtsLayer } from './tiles/wmts-capabilities.js';
export { rasterWebMapLinks, WEB_MAP_LINKS_EXTENSION } from './tiles/web-map-links.js';
export { readGrid, type OutputGrid } from './tiles/tile-reader.js';
export { MosaicRegistry, type MosaicDefinition } from './render/mosaic-registry.js';
