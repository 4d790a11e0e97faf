/**
 * HTTP statuses of the raster error codes. The plugin applies them in its own context so it can be
 * registered without editing src/api/errors.ts; these lines belong in ERROR_STATUS there (and docs/ERRORS.md).
 */
import type { FastifyInstance } from 'fastify';
import { FournaiseError } from '../../core/fournaise-error.js';
import type { RasterErrorCode } from '../../raster/raster-errors.js';
import { toErrorResponse } from '../errors.js';

export const RASTER_ERROR_STATUS: Readonly<Record<RasterErrorCode, number>> = {
  RASTER_ITEM_NOT_FOUND: 404,
  RASTER_ASSET_NOT_FOUND: 404,
  RASTER_BAND_OUT_OF_RANGE: 400,
  RASTER_INVALID_EXPRESSION: 400,
  RASTER_INVALID_PARAMETER: 400,
  RASTER_TILE_OUT_OF_RANGE: 400,
  RASTER_INVALID_WRITE: 400,
  RASTER_CORRUPT: 422,
  RASTER_UNSUPPORTED: 422,
  RASTER_SOURCE_UNAVAILABLE: 502,
};

/** Error handler of the plugin context: raster codes by the table above, everything else as usual. */
export function registerRasterErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof FournaiseError && error.code in RASTER_ERROR_STATUS) {
      const status = RASTER_ERROR_STATUS[error.code as RasterErrorCode];
      if (status >= 500) request.log.warn({ code: error.code }, error.message);
      else request.log.info({ code: error.code }, error.message);
      return reply
        .status(status)
        .type('application/json')
        .send({
          code: error.code,
          description: error.message,
          ...(error.location ? { location: error.location } : {}),
        });
    }
    const { status, body } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).type('application/json').send(body);
  });
}
