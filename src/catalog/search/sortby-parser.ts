/**
 * Parsing of the `sortby` parameter of the STAC API sort extension.
 * See https://github.com/stac-api-extensions/sort
 */
import { InvalidSearchError } from '../catalog-errors.js';
import type { SortField } from './item-search.js';

/** Property names a client may sort on: letters, digits and `_ : . -`, as in STAC extension fields. */
const FIELD_NAME = /^[A-Za-z_][\w:.-]*$/;

/**
 * Parses `sortby` from GET (`+datetime,-properties.eo:cloud_cover`; no sign means ascending, and a leading
 * space is read as `+`, since an unencoded `+` in a query string decodes to a space) or from POST
 * (`[{ field, direction }]`). The `properties.` prefix is removed, so stores see queryable names.
 * Whether the field is sortable is decided by the store (UnknownQueryableError).
 *
 * @throws InvalidSearchError for a malformed entry, naming it.
 */
export function parseSortby(input: unknown, location = 'sortby'): SortField[] {
  if (typeof input === 'string') {
    return input.split(',').map((entry) => {
      const text = entry.replace(/^ +/, '+').trim();
      if (text.startsWith('-')) return toSortField(text.slice(1), 'desc', location);
      return toSortField(text.startsWith('+') ? text.slice(1) : text, 'asc', location);
    });
  }
  if (!Array.isArray(input)) {
    throw new InvalidSearchError('sortby must be a string (GET) or an array of {field, direction}', location);
  }
  return input.map((entry: unknown, index) => {
    const where = `${location}[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      throw new InvalidSearchError('sortby entry must be an object {field, direction}', where);
    }
    const { field, direction = 'asc' } = entry as { field?: unknown; direction?: unknown };
    if (direction !== 'asc' && direction !== 'desc') {
      throw new InvalidSearchError(
        `sortby direction must be 'asc' or 'desc', got ${JSON.stringify(direction)?.slice(0, 30)}`,
        where,
      );
    }
    return toSortField(field, direction, where);
  });
}

/** Removes the `properties.` prefix that clients may put in front of item property names. */
export function toQueryableName(field: string): string {
  return field.startsWith('properties.') ? field.slice('properties.'.length) : field;
}

function toSortField(field: unknown, direction: 'asc' | 'desc', location: string): SortField {
  if (typeof field !== 'string' || !FIELD_NAME.test(field)) {
    throw new InvalidSearchError(
      `sortby field ${JSON.stringify(field)?.slice(0, 60)} is not a property name`,
      location,
    );
  }
  return { field: toQueryableName(field), direction };
}
