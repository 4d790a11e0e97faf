/**
 * Parsing of `filter`, `filter-lang` and `filter-crs` (STAC API filter extension, OGC API – Features part 3).
 * See https://github.com/stac-api-extensions/filter
 */
import { parseCql2Json, parseCql2Text } from '../cql2/index.js';
import type { Cql2Expression } from '../cql2/cql2-expression.js';
import { InvalidFilterError } from '../catalog-errors.js';

/** The only CRS accepted in `filter-crs`: longitude/latitude WGS 84, as in GeoJSON. */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/** The filter encodings of the filter extension. */
export type FilterLang = 'cql2-text' | 'cql2-json';

/** The three filter parameters as they arrive, before parsing. */
export interface FilterParameters {
  filter?: unknown;
  'filter-lang'?: unknown;
  'filter-crs'?: unknown;
}

/**
 * Parses a filter in the declared (or default) language. A GET query carries CQL2-JSON as a JSON string;
 * a POST body may carry CQL2-text as a string.
 *
 * @param defaultLang `cql2-text` for GET, `cql2-json` for POST, as the extension specifies.
 * @throws InvalidFilterError for an unknown language or CRS, or a filter that does not parse.
 */
export function parseFilter(
  parameters: FilterParameters,
  defaultLang: FilterLang,
): Cql2Expression | undefined {
  const { filter } = parameters;
  const lang = parameters['filter-lang'] ?? defaultLang;
  const crs = parameters['filter-crs'];
  if (lang !== 'cql2-text' && lang !== 'cql2-json') {
    throw new InvalidFilterError(
      `filter-lang must be 'cql2-text' or 'cql2-json', got ${JSON.stringify(lang)?.slice(0, 50)}`,
      'filter-lang',
    );
  }
  if (crs !== undefined && crs !== CRS84) {
    throw new InvalidFilterError(`filter-crs must be ${CRS84}`, 'filter-crs');
  }
  if (filter === undefined || filter === null || filter === '') return undefined;
  if (lang === 'cql2-text') {
    if (typeof filter !== 'string') {
      throw new InvalidFilterError('a cql2-text filter must be a string', 'filter');
    }
    return parseCql2Text(filter);
  }
  let value = filter;
  if (typeof filter === 'string') {
    try {
      value = JSON.parse(filter);
    } catch (error) {
      throw new InvalidFilterError(
        `cql2-json filter is not valid JSON: ${(error as Error).message}`,
        'filter',
      );
    }
  }
  return parseCql2Json(value);
}
