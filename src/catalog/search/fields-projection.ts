/**
 * The STAC API fields extension: which members of each returned item are kept.
 * See https://github.com/stac-api-extensions/fields
 */
import { InvalidSearchError } from '../catalog-errors.js';

/** Dotted paths to include and to exclude, e.g. `properties.eo:cloud_cover`. */
export interface FieldsSelection {
  include: string[];
  exclude: string[];
}

/** Members returned when only `include` is given, per the extension's recommendation. */
const DEFAULT_INCLUDE = [
  'type',
  'stac_version',
  'stac_extensions',
  'id',
  'geometry',
  'bbox',
  'links',
  'assets',
  'collection',
  'properties.datetime',
];

/**
 * Parses `fields` from GET (`id,-properties.x,+assets`) or from POST (`{ include: [], exclude: [] }`).
 * @throws InvalidSearchError when the value has the wrong shape.
 */
export function parseFields(input: unknown, location = 'fields'): FieldsSelection {
  if (typeof input === 'string') {
    const selection: FieldsSelection = { include: [], exclude: [] };
    for (const raw of input.split(',')) {
      // An unencoded '+' in a query string decodes to a space.
      const entry = raw.replace(/^ +/, '+').trim();
      if (entry === '') continue;
      if (entry.startsWith('-')) selection.exclude.push(entry.slice(1));
      else selection.include.push(entry.startsWith('+') ? entry.slice(1) : entry);
    }
    return selection;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidSearchError('fields must be an object {include, exclude}', location);
  }
  const { include = [], exclude = [] } = input as { include?: unknown; exclude?: unknown };
  return {
    include: stringList(include, `${location}.include`),
    exclude: stringList(exclude, `${location}.exclude`),
  };
}

/**
 * Applies a selection to one object, returning a new object. With only `exclude`, everything but the
 * excluded paths is kept; with `include`, the default members plus the included ones are kept, minus the
 * excluded paths that are not explicitly included. An empty selection keeps everything.
 */
export function applyFields<T extends Record<string, unknown>>(object: T, selection: FieldsSelection): T {
  const { include, exclude } = selection;
  if (include.length === 0 && exclude.length === 0) return object;
  const explicitlyIncluded = new Set(include);
  const removals = exclude.filter((path) => !explicitlyIncluded.has(path));
  let result: Record<string, unknown>;
  if (include.length === 0) {
    result = structuredClone(object);
  } else {
    result = {};
    for (const path of [...DEFAULT_INCLUDE, ...include]) copyPath(object, result, path.split('.'));
  }
  for (const path of removals) deletePath(result, path.split('.'));
  return result as T;
}

function stringList(value: unknown, location: string): string[] {
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new InvalidSearchError('must be an array of strings', location);
  }
  return value as string[];
}

function copyPath(source: Record<string, unknown>, target: Record<string, unknown>, path: string[]): void {
  const [head, ...rest] = path;
  if (!Object.hasOwn(source, head)) return;
  const value = source[head];
  if (rest.length === 0) {
    target[head] = structuredClone(value);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const existing = target[head];
  const child =
    typeof existing === 'object' && existing !== null ? (existing as Record<string, unknown>) : {};
  target[head] = child;
  copyPath(value as Record<string, unknown>, child, rest);
}

function deletePath(target: Record<string, unknown>, path: string[]): void {
  const [head, ...rest] = path;
  if (!Object.hasOwn(target, head)) return;
  if (rest.length === 0) {
    delete target[head];
    return;
  }
  const child = target[head];
  if (typeof child === 'object' && child !== null && !Array.isArray(child)) {
    deletePath(child as Record<string, unknown>, rest);
  }
}
