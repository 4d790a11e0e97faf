/**
 * Turns an item or collection search request (GET query string or POST body) into the store's
 * `ItemSearch`/`CollectionSearch`, plus the response-side `fields` selection. Every error names the parameter.
 * See https://github.com/radiantearth/stac-api-spec/tree/v1.0.0/item-search and
 * https://github.com/stac-api-extensions/collection-search
 */
import { InvalidSearchError } from '../catalog-errors.js';
import { parseBbox } from './bbox-parser.js';
import { parseDatetime } from './datetime-parser.js';
import { parseFields, type FieldsSelection } from './fields-projection.js';
import { parseFilter, type FilterLang } from './filter-parser.js';
import { parseIntersects } from './intersects-parser.js';
import type { CollectionSearch, ItemSearch } from './item-search.js';
import { DEFAULT_LIMIT_POLICY, parseLimit, type LimitPolicy } from './limit-parser.js';
import { parseSortby } from './sortby-parser.js';

/** A parsed item search and how to shape its response. */
export interface ParsedItemSearch {
  search: ItemSearch;
  fields?: FieldsSelection;
}

/** A parsed collection search and how to shape its response. */
export interface ParsedCollectionSearch {
  search: CollectionSearch;
  fields?: FieldsSelection;
}

/** Search parameters as a GET query string carries them: every value a string. */
export type SearchQuery = Partial<Record<string, string>>;

/**
 * Parses a GET item search. `ids` and `collections` are comma-separated, `intersects` is a JSON string,
 * `filter` is CQL2-text unless `filter-lang=cql2-json`.
 * @throws InvalidSearchError / InvalidFilterError naming the parameter.
 */
export function parseItemSearchQuery(
  query: SearchQuery,
  policy: LimitPolicy = DEFAULT_LIMIT_POLICY,
): ParsedItemSearch {
  return parseItemSearch(query, 'cql2-text', policy);
}

/**
 * Parses a POST item search body (STAC API item search JSON); `filter` is CQL2-JSON unless
 * `filter-lang` is `cql2-text`; `q` may be a string or an array of terms.
 * @throws InvalidSearchError / InvalidFilterError naming the member.
 */
export function parseItemSearchBody(
  body: unknown,
  policy: LimitPolicy = DEFAULT_LIMIT_POLICY,
): ParsedItemSearch {
  return parseItemSearch(asObject(body), 'cql2-json', policy);
}

/** Parses a GET collection search (bbox, datetime, q, filter, sortby, fields, ids, limit, token). */
export function parseCollectionSearchQuery(
  query: SearchQuery,
  policy: LimitPolicy = DEFAULT_LIMIT_POLICY,
): ParsedCollectionSearch {
  return parseCollectionSearch(query, 'cql2-text', policy);
}

/** Parses a POST collection search body. */
export function parseCollectionSearchBody(
  body: unknown,
  policy: LimitPolicy = DEFAULT_LIMIT_POLICY,
): ParsedCollectionSearch {
  return parseCollectionSearch(asObject(body), 'cql2-json', policy);
}

function parseItemSearch(
  input: Record<string, unknown>,
  defaultLang: FilterLang,
  policy: LimitPolicy,
): ParsedItemSearch {
  const search: ItemSearch = { limit: parseLimit(input.limit, policy) };
  const ids = parseStringList(input.ids, 'ids');
  if (ids) search.ids = ids;
  const collections = parseStringList(input.collections, 'collections');
  if (collections) search.collections = collections;
  if (input.bbox !== undefined && input.intersects !== undefined) {
    throw new InvalidSearchError('bbox and intersects cannot be used together', 'intersects');
  }
  if (input.intersects !== undefined && input.intersects !== null)
    search.intersects = parseIntersects(input.intersects);
  Object.assign(search, parseCommon(input, defaultLang));
  return { search, fields: input.fields === undefined ? undefined : parseFields(input.fields) };
}

function parseCollectionSearch(
  input: Record<string, unknown>,
  defaultLang: FilterLang,
  policy: LimitPolicy,
): ParsedCollectionSearch {
  const search: CollectionSearch = { limit: parseLimit(input.limit, policy) };
  const ids = parseStringList(input.ids, 'ids');
  if (ids) search.ids = ids;
  Object.assign(search, parseCommon(input, defaultLang));
  return { search, fields: input.fields === undefined ? undefined : parseFields(input.fields) };
}

/** The members item and collection search share. */
function parseCommon(input: Record<string, unknown>, defaultLang: FilterLang): Partial<ItemSearch> {
  const common: Partial<ItemSearch> = {};
  if (input.bbox !== undefined && input.bbox !== null) common.bbox = parseBbox(input.bbox);
  if (input.datetime !== undefined && input.datetime !== null) {
    if (typeof input.datetime !== 'string')
      throw new InvalidSearchError('datetime must be a string', 'datetime');
    common.datetime = parseDatetime(input.datetime);
  }
  const filter = parseFilter(input, defaultLang);
  if (filter !== undefined) common.filter = filter;
  const q = parseFreeText(input.q);
  if (q !== undefined) common.q = q;
  if (input.sortby !== undefined && input.sortby !== null && input.sortby !== '') {
    common.sortby = parseSortby(input.sortby);
  }
  if (input.token !== undefined && input.token !== null && input.token !== '') {
    if (typeof input.token !== 'string') throw new InvalidSearchError('token must be a string', 'token');
    common.token = input.token;
  }
  return common;
}

function parseStringList(value: unknown, location: string): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const list = typeof value === 'string' ? value.split(',').map((entry) => entry.trim()) : value;
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) {
    throw new InvalidSearchError(
      `${location} must be a comma-separated string or an array of strings`,
      location,
    );
  }
  const nonEmpty = list.filter((entry) => entry !== '');
  return nonEmpty.length > 0 ? nonEmpty : undefined;
}

/** The free-text extension allows a string (GET, POST) or an array of terms (POST); terms are ORed. */
function parseFreeText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.every((term) => typeof term === 'string')) {
    const joined = value
      .map((term) => term.trim())
      .filter((term) => term !== '')
      .join(',');
    return joined === '' ? undefined : joined;
  }
  if (typeof value !== 'string')
    throw new InvalidSearchError('q must be a string or an array of strings', 'q');
  return value.trim() === '' ? undefined : value;
}

function asObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new InvalidSearchError('the search body must be a JSON object', 'body');
  }
  return body as Record<string, unknown>;
}
