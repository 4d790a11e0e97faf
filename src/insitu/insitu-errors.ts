/**
 * Errors of the in-situ capability. Each has a stable code; HTTP statuses are assigned in src/api/errors.ts
 * (INSITU_PARSE_ERROR and INSITU_INVALID_QUERY are client errors, INSITU_NOT_FOUND is a 404,
 * INSITU_ANALYSIS_ERROR means the data cannot support the requested analysis).
 */
import { FournaiseError } from '../core/fournaise-error.js';

/**
 * A file that does not follow its format. The message and `location` say where (`file:line:column`, both
 * 1-based) and what was expected there, so a data manager can fix the file without reading our code.
 */
export class InsituParseError extends FournaiseError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly expected: string,
    readonly found?: string,
  ) {
    super(
      'INSITU_PARSE_ERROR',
      `${file}:${line}:${column}: expected ${expected}` + (found === undefined ? '' : `, found '${found}'`),
      `${file}:${line}:${column}`,
    );
  }
}

/** A station, datastream or other in-situ entity that does not exist. */
export class InsituNotFoundError extends FournaiseError {
  constructor(
    readonly entity: string,
    readonly id: string | number,
  ) {
    super('INSITU_NOT_FOUND', `${entity} '${id}' does not exist`);
  }
}

/** A query parameter or request value that cannot be honoured (bad $filter, bad time range, ...). */
export class InsituInvalidQueryError extends FournaiseError {
  constructor(message: string, location?: string) {
    super('INSITU_INVALID_QUERY', message, location);
  }
}

/** Data that cannot support an analysis: too short for MIDAS, a rank-deficient trajectory model, ... */
export class InsituAnalysisError extends FournaiseError {
  constructor(message: string) {
    super('INSITU_ANALYSIS_ERROR', message);
  }
}
