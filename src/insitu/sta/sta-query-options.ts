/**
 * The SensorThings query options (OGC 18-088 §9.3): `$top`, `$skip`, `$count`, `$select`, `$expand`,
 * `$orderby`, `$filter`, parsed and checked.
 */
import { InsituInvalidQueryError } from '../insitu-errors.js';
import { parseODataFilter, type ODataFilter } from './odata-filter.js';

/** Raw query string values as received. */
export interface RawStaQuery {
  readonly $top?: string;
  readonly $skip?: string;
  readonly $count?: string;
  readonly $select?: string;
  readonly $expand?: string;
  readonly $orderby?: string;
  readonly $filter?: string;
}

export interface StaQueryOptions {
  readonly top: number;
  readonly skip: number;
  readonly count: boolean;
  /** Selected properties (`id` stands for `@iot.id`), undefined for all. */
  readonly select?: readonly string[];
  /** Navigation properties to expand (one level). */
  readonly expand: readonly string[];
  readonly orderBy: readonly { readonly path: readonly string[]; readonly descending: boolean }[];
  readonly filter?: ODataFilter;
}

/** Paging limits of a service. */
export interface StaLimits {
  readonly defaultTop: number;
  readonly maxTop: number;
}

/**
 * Parses the query options.
 * @throws InsituInvalidQueryError naming the option and what was expected.
 */
export function parseStaQuery(raw: RawStaQuery, limits: StaLimits): StaQueryOptions {
  const integer = (name: '$top' | '$skip', fallback: number): number => {
    const text = raw[name];
    if (text === undefined) return fallback;
    if (!/^\d{1,9}$/.test(text))
      throw new InsituInvalidQueryError(`${name}: expected a non-negative integer, found '${text}'`, name);
    return Number(text);
  };
  const top = Math.min(integer('$top', limits.defaultTop), limits.maxTop);
  if (raw.$count !== undefined && raw.$count !== 'true' && raw.$count !== 'false') {
    throw new InsituInvalidQueryError(`$count: expected true or false, found '${raw.$count}'`, '$count');
  }
  const list = (name: '$select' | '$expand', text: string | undefined): string[] | undefined => {
    if (text === undefined) return undefined;
    const items = text.split(',').map((s) => s.trim());
    for (const item of items) {
      if (!/^[A-Za-z@][A-Za-z0-9_@./]*$/.test(item)) {
        throw new InsituInvalidQueryError(
          `${name}: expected comma-separated property names, found '${item}'`,
          name,
        );
      }
    }
    return items;
  };
  const orderBy = (raw.$orderby ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((clause) => {
      const m = /^([A-Za-z@][A-Za-z0-9_@./]*)(?:\s+(asc|desc))?$/.exec(clause);
      if (m === null)
        throw new InsituInvalidQueryError(
          `$orderby: expected 'property [asc|desc]', found '${clause}'`,
          '$orderby',
        );
      return { path: m[1].split('/'), descending: m[2] === 'desc' };
    });
  return {
    top,
    skip: integer('$skip', 0),
    count: raw.$count === 'true',
    select: list('$select', raw.$select),
    expand: list('$expand', raw.$expand) ?? [],
    orderBy,
    filter:
      raw.$filter === undefined || raw.$filter.trim() === '' ? undefined : parseODataFilter(raw.$filter),
  };
}
