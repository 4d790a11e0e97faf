import { FournaiseError } from '../core/fournaise-error.js';

/**
 * Stable codes of the raster engine's domain errors. `src/api` maps each code to an HTTP status:
 * the `*_INVALID_*`, `*_OUT_OF_RANGE` and `*_CORRUPT` codes are client errors (4xx), `RASTER_SOURCE_UNAVAILABLE`
 * is a gateway error (502), `RASTER_ITEM_NOT_FOUND` and `RASTER_ASSET_NOT_FOUND` are 404, `RASTER_UNSUPPORTED` 422.
 */
export type RasterErrorCode =
  | 'RASTER_SOURCE_UNAVAILABLE'
  | 'RASTER_ASSET_NOT_FOUND'
  | 'RASTER_ITEM_NOT_FOUND'
  | 'RASTER_CORRUPT'
  | 'RASTER_UNSUPPORTED'
  | 'RASTER_BAND_OUT_OF_RANGE'
  | 'RASTER_INVALID_EXPRESSION'
  | 'RASTER_INVALID_PARAMETER'
  | 'RASTER_TILE_OUT_OF_RANGE'
  | 'RASTER_INVALID_WRITE';

/** Any failure of the raster engine, with a stable {@link RasterErrorCode}. */
export class RasterError extends FournaiseError {
  constructor(
    override readonly code: RasterErrorCode,
    message: string,
    location?: string,
  ) {
    super(code, message, location);
  }
}
