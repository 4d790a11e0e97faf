/**
 * HTTP statuses of the in-situ error codes. The plugin applies them in its own context so it can be
 * registered without editing src/api/errors.ts; these lines belong in ERROR_STATUS there.
 */
import type { FastifyInstance } from 'fastify';
import { FournaiseError } from '../../core/fournaise-error.js';
import { toErrorResponse } from '../errors.js';

export const INSITU_ERROR_STATUS: Readonly<Record<string, number>> = {
  INSITU_PARSE_ERROR: 400,
  INSITU_INVALID_QUERY: 400,
  INSITU_NOT_FOUND: 404,
  INSITU_ANALYSIS_ERROR: 422,
};

/** Error handler of the plugin context: in-situ codes by the table above, everything else as usual. */
export function registerInsituErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof FournaiseError && error.code in INSITU_ERROR_STATUS) {
      request.log.info({ code: error.code }, error.message);
      return reply.status(INSITU_ERROR_STATUS[error.code]).send({
        code: error.code,
        description: error.message,
        ...(error.location ? { location: error.location } : {}),
      });
    }
    const { status, body } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(status).send(body);
  });
}
