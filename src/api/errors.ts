/**
 * Domain errors in, HTTP out: the one table from error code to HTTP status, and the handlers that write
 * every error as the STAC API error body `{ code, description }`.
 * See https://github.com/radiantearth/stac-api-spec/blob/v1.0.0/core/commons.yaml (`exception`).
 * Every code here is documented in docs/ERRORS.md; test/api/errors.test.ts checks it.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidStacObjectError } from '../catalog/catalog-errors.js';
import { FournaiseError } from '../core/fournaise-error.js';

/** HTTP status of each error code. A capability adding error codes adds its lines here and in docs/ERRORS.md. */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  CATALOG_COLLECTION_NOT_FOUND: 404,
  CATALOG_ITEM_NOT_FOUND: 404,
  CATALOG_COLLECTION_EXISTS: 409,
  CATALOG_ITEM_EXISTS: 409,
  CATALOG_INVALID_SEARCH: 400,
  CATALOG_INVALID_FILTER: 400,
  CATALOG_UNKNOWN_QUERYABLE: 400,
  CATALOG_INVALID_STAC: 400,
  API_INVALID_REQUEST: 400,
  API_INVALID_JSON: 400,
  API_NOT_FOUND: 404,
  API_NOT_SUPPORTED: 501,
  API_PAYLOAD_TOO_LARGE: 413,
  API_URI_TOO_LONG: 414,
  API_UNSUPPORTED_MEDIA_TYPE: 415,
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
  INSITU_NOT_FOUND: 404,
  INSITU_INVALID_QUERY: 400,
  INSITU_PARSE_ERROR: 400,
  INSITU_ANALYSIS_ERROR: 422,
  INTERNAL_ERROR: 500,
};

/** The STAC API error body; `location` and `details` are Fournaise additions. */
export interface ErrorBody {
  code: string;
  description: string;
  location?: string;
  details?: { path: string; message: string }[];
}

/** A request the API layer itself rejects (mismatched ids, wrong shape), with code API_INVALID_REQUEST. */
export class InvalidRequestError extends FournaiseError {
  constructor(message: string, location?: string) {
    super('API_INVALID_REQUEST', message, location);
  }
}

/** A request for something this server or its store does not offer, with code API_NOT_SUPPORTED. */
export class NotSupportedError extends FournaiseError {
  constructor(message: string, location?: string) {
    super('API_NOT_SUPPORTED', message, location);
  }
}

/** Converts any thrown value into a status and error body; unknown failures become INTERNAL_ERROR. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof FournaiseError) {
    const status = ERROR_STATUS[error.code] ?? 500;
    const body: ErrorBody = { code: error.code, description: describe(error.message, error.location) };
    if (error.location) body.location = error.location;
    if (error instanceof InvalidStacObjectError && error.details.length > 0) body.details = error.details;
    return { status, body };
  }
  const fastifyError = error as Partial<FastifyError> & { validationContext?: string };
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status,
      body: { code: codeOfClientError(fastifyError, status), description: fastifyError.message ?? '' },
    };
  }
  return { status: 500, body: { code: 'INTERNAL_ERROR', description: 'internal server error' } };
}

/**
 * Writes any error as the STAC API error body. Client errors are logged at info level, server errors at
 * error level with the stack. Also given to Fastify as `frameworkErrors`, for URLs the router rejects
 * (malformed percent-encoding, a path segment longer than `maxParamLength`).
 */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body } = toErrorResponse(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.code }, body.description);
  return reply.status(status).type('application/json').send(body);
}

/** Installs the error and not-found handlers on the root instance; encapsulated plugins inherit them. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const body: ErrorBody = {
      code: 'API_NOT_FOUND',
      description: `no route ${request.method} ${request.url.split('?')[0].slice(0, 200)}`,
    };
    return reply.status(404).type('application/json').send(body);
  });
}

function codeOfClientError(
  error: Partial<FastifyError> & { validationContext?: string },
  status: number,
): string {
  if (status === 413) return 'API_PAYLOAD_TOO_LARGE';
  if (status === 414) return 'API_URI_TOO_LONG';
  if (status === 415) return 'API_UNSUPPORTED_MEDIA_TYPE';
  if (status === 404) return 'API_NOT_FOUND';
  if (
    error instanceof SyntaxError ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
  ) {
    return 'API_INVALID_JSON';
  }
  return 'API_INVALID_REQUEST';
}

function describe(message: string, location: string | undefined): string {
  return location && !message.includes(location) ? `${message} (at ${location})` : message;
}
