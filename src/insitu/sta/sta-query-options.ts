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
  /** Navigation properties to expand, each with its own nested options (`Observations($top=1;$orderby=...)`). */
  readonly expand: readonly { readonly name: string; readonly options: StaQueryOptions }[];
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
  const list = (name: '$select', text: string | undefined): string[] | undefined => {
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
    expand: raw.$expand === undefined ? [] : parseExpand(raw.$expand, limits),
    orderBy,
    filter:
      raw.$filter === undefined || raw.$filter.trim() === '' ? undefined : parseODataFilter(raw.$filter),
  };
}

const NESTED_OPTIONS = new Set(['$top', '$skip', '$count', '$select', '$expand', '$orderby', '$filter']);

/**
 * Parses `$expand`: comma-separated navigation names, each optionally followed by nested options in
 * parentheses, separated by `;` (OGC 18-088 §9.3.2.1), e.g. `Datastreams($top=2;$expand=Observations($top=1))`.
 */
function parseExpand(text: string, limits: StaLimits): { name: string; options: StaQueryOptions }[] {
  const fail = (message: string): never => {
    throw new InsituInvalidQueryError(`$expand: ${message}`, '$expand');
  };
  return splitTopLevel(text, ',', fail).map((item) => {
    const m = /^\s*([A-Za-z]+)\s*(?:\((.*)\))?\s*$/s.exec(item);
    if (m === null) return fail(`expected Name or Name($option=value;...), found '${item.trim()}'`);
    const nested: Record<string, string> = {};
    for (const part of m[2] === undefined ? [] : splitTopLevel(m[2], ';', fail)) {
      const eq = part.indexOf('=');
      const key = part.slice(0, eq).trim();
      if (eq < 0 || !NESTED_OPTIONS.has(key))
        return fail(`expected $option=value inside ${m[1]}(...), found '${part.trim()}'`);
      nested[key] = part.slice(eq + 1).trim();
    }
    return { name: m[1], options: parseStaQuery(nested, limits) };
  });
}

/** Splits on `separator` outside parentheses and quoted strings. */
function splitTopLevel(text: string, separator: string, fail: (message: string) => never): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) fail(`unbalanced ')' at character ${i + 1}`);
  }
  if (depth !== 0 || quoted) fail('unbalanced parentheses or quotes');
  parts.push(text.slice(start));
  return parts;
}
