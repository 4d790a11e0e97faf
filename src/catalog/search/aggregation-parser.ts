/**
 * The aggregations Fournaise offers (STAC API aggregation extension) and the parsing of an aggregate
 * request's `aggregations` list into the store's `AggregationRequest`s.
 * See https://github.com/stac-api-extensions/aggregation
 */
import { InvalidSearchError } from '../catalog-errors.js';
import type { AggregationRequest, AggregationResult } from '../store/catalog-store.js';

/** An aggregation as listed by `/aggregations`. */
export interface AggregationDescription {
  name: string;
  data_type: AggregationResult['data_type'];
}

const TERMS_AGGREGATIONS: Record<string, string> = {
  collection_frequency: 'collection',
  keywords_frequency: 'keywords',
  providers_frequency: 'providers',
  platform_frequency: 'platform',
  instruments_frequency: 'instruments',
  constellation_frequency: 'constellation',
};

const DATETIME_INTERVALS = ['day', 'month', 'year'] as const;

/** Default grid cell of `geometry_grid_frequency`, in degrees. */
export const DEFAULT_GRID_CELL_DEGREES = 1;

/** Parameters that tune aggregations, beside the list of names. */
export interface AggregationOptions {
  /** `day`, `month` (default) or `year`. */
  datetime_frequency_interval?: unknown;
  /** Cell size of `geometry_grid_frequency` in degrees, in (0, 90]; default 1. */
  geometry_grid_frequency_cell_size?: unknown;
  /** Most cells `geometry_grid_frequency` returns, 1 to 100,000 (the store's default otherwise). */
  geometry_grid_frequency_limit?: unknown;
}

/** Upper bound of `geometry_grid_frequency_limit`: about 5 MB of buckets. */
export const MAX_GRID_BUCKET_LIMIT = 100_000;

/**
 * Every aggregation available for a set of numeric queryables, which each add `<name>_min` and `<name>_max`.
 */
export function listAggregations(numericQueryables: string[]): AggregationDescription[] {
  return [
    { name: 'total_count', data_type: 'integer' },
    ...Object.keys(TERMS_AGGREGATIONS).map((name) => ({
      name,
      data_type: 'frequency_distribution' as const,
    })),
    { name: 'datetime_frequency', data_type: 'frequency_distribution' },
    { name: 'geometry_grid_frequency', data_type: 'frequency_distribution' },
    { name: 'datetime_min', data_type: 'datetime' },
    { name: 'datetime_max', data_type: 'datetime' },
    ...numericQueryables.flatMap((field) => [
      { name: `${field}_min`, data_type: 'numeric' as const },
      { name: `${field}_max`, data_type: 'numeric' as const },
    ]),
  ];
}

/**
 * Parses the requested aggregation names (comma-separated for GET, an array for POST).
 * Absent means every non-numeric aggregation plus total_count, as a portal's facet panel needs.
 *
 * @throws InvalidSearchError naming an unknown aggregation or a bad tuning parameter.
 */
export function parseAggregations(
  names: unknown,
  options: AggregationOptions,
  numericQueryables: string[],
): AggregationRequest[] {
  const list =
    names === undefined || names === null || names === ''
      ? ['total_count', ...Object.keys(TERMS_AGGREGATIONS), 'datetime_frequency']
      : toNameList(names);
  const numeric = new Set(numericQueryables);
  return list.map((name) => toRequest(name, options, numeric));
}

function toNameList(names: unknown): string[] {
  const list = typeof names === 'string' ? names.split(',').map((name) => name.trim()) : names;
  if (!Array.isArray(list) || !list.every((name) => typeof name === 'string' && name !== '')) {
    throw new InvalidSearchError(
      'aggregations must be a comma-separated string or an array of names',
      'aggregations',
    );
  }
  return [...new Set(list as string[])];
}

function toRequest(name: string, options: AggregationOptions, numeric: Set<string>): AggregationRequest {
  if (name === 'total_count') return { name, kind: 'total_count' };
  if (Object.hasOwn(TERMS_AGGREGATIONS, name))
    return { name, kind: 'terms', field: TERMS_AGGREGATIONS[name] };
  if (name === 'datetime_frequency')
    return { name, kind: 'datetime_histogram', interval: parseInterval(options) };
  if (name === 'geometry_grid_frequency')
    return { name, kind: 'geo_grid', cellDegrees: parseCellSize(options), ...parseGridLimit(options) };
  if (name === 'datetime_min') return { name, kind: 'min', field: 'datetime' };
  if (name === 'datetime_max') return { name, kind: 'max', field: 'datetime' };
  const bound = /^(.+)_(min|max)$/.exec(name);
  if (bound && numeric.has(bound[1])) return { name, kind: bound[2] as 'min' | 'max', field: bound[1] };
  throw new InvalidSearchError(
    `'${name.slice(0, 80)}' is not an available aggregation (see /aggregations)`,
    'aggregations',
  );
}

function parseInterval(options: AggregationOptions): 'day' | 'month' | 'year' {
  const value = options.datetime_frequency_interval ?? 'month';
  if (!DATETIME_INTERVALS.includes(value as 'day')) {
    throw new InvalidSearchError(
      `datetime_frequency_interval must be day, month or year, got ${JSON.stringify(value)?.slice(0, 30)}`,
      'datetime_frequency_interval',
    );
  }
  return value as 'day' | 'month' | 'year';
}

function parseGridLimit(options: AggregationOptions): { limit?: number } {
  const raw = options.geometry_grid_frequency_limit;
  if (raw === undefined || raw === '') return {};
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_GRID_BUCKET_LIMIT) {
    throw new InvalidSearchError(
      `geometry_grid_frequency_limit must be an integer from 1 to ${MAX_GRID_BUCKET_LIMIT}, got ${JSON.stringify(raw)?.slice(0, 30)}`,
      'geometry_grid_frequency_limit',
    );
  }
  return { limit: value };
}

function parseCellSize(options: AggregationOptions): number {
  const raw = options.geometry_grid_frequency_cell_size;
  if (raw === undefined || raw === '') return DEFAULT_GRID_CELL_DEGREES;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 90) {
    throw new InvalidSearchError(
      `geometry_grid_frequency_cell_size must be a number of degrees in (0, 90], got ${JSON.stringify(raw)?.slice(0, 30)}`,
      'geometry_grid_frequency_cell_size',
    );
  }
  return value;
}
