/**
 * Evaluating parsed `$filter` and `$orderby` on SensorThings entities: in memory for metadata entities
 * (networks hold thousands of stations, not millions), and translated to a store predicate for
 * Observations (which the store evaluates next to the data).
 */
import { InsituInvalidQueryError } from '../insitu-errors.js';
import type { ObservationField, ObservationPredicate } from '../query/observation-query.js';
import type { ODataFilter, ODataLiteral } from './odata-filter.js';

type Json = Record<string, unknown>;

/** Value of a property path in an entity (`id` is `@iot.id`; `properties/x` goes inside). */
export function propertyValue(entity: Json, path: readonly string[]): unknown {
  let current: unknown = entity;
  for (const [i, segment] of path.entries()) {
    if (typeof current !== 'object' || current === null) return undefined;
    const key = i === 0 && segment === 'id' ? '@iot.id' : segment;
    current = (current as Json)[key];
  }
  return current;
}

/** Comparable form of a value: date-times and ISO strings become epoch ms; a time interval its start. */
function comparable(value: unknown): string | number | boolean | null | undefined {
  if (typeof value === 'object' && value !== null && 'dateTime' in value)
    return (value as { dateTime: number }).dateTime;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const parsed = Date.parse(value.split('/')[0]);
    return Number.isNaN(parsed) ? value : parsed;
  }
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return undefined;
}

/** Whether an entity matches a filter. Comparing values of different types is false (not an error). */
export function matchesFilter(entity: Json, filter: ODataFilter): boolean {
  switch (filter.kind) {
    case 'and':
      return matchesFilter(entity, filter.left) && matchesFilter(entity, filter.right);
    case 'or':
      return matchesFilter(entity, filter.left) || matchesFilter(entity, filter.right);
    case 'not':
      return !matchesFilter(entity, filter.operand);
    case 'compare': {
      const left = comparable(propertyValue(entity, filter.path));
      const right = comparable(filter.value);
      if (filter.op === 'eq') return left === right;
      if (filter.op === 'ne') return left !== right;
      if (left === undefined || left === null || right === null || typeof left !== typeof right) return false;
      const l = left as string | number;
      const r = right as string | number;
      return filter.op === 'gt' ? l > r : filter.op === 'ge' ? l >= r : filter.op === 'lt' ? l < r : l <= r;
    }
  }
}

/** Orders entities by `$orderby` clauses (missing values last). */
export function compareEntities(orderBy: readonly { path: readonly string[]; descending: boolean }[]) {
  return (a: Json, b: Json): number => {
    for (const { path, descending } of orderBy) {
      const x = comparable(propertyValue(a, path));
      const y = comparable(propertyValue(b, path));
      if (x === y) continue;
      if (x === undefined || x === null) return 1;
      if (y === undefined || y === null) return -1;
      const order = x < y ? -1 : 1;
      return descending ? -order : order;
    }
    return 0;
  };
}

/** Observation properties a filter or ordering may use, and the store field each maps to. */
export const OBSERVATION_FIELDS: Readonly<Record<string, ObservationField>> = {
  phenomenonTime: 'time',
  resultTime: 'time',
  result: 'value',
  'resultQuality/uncertainty': 'uncertainty',
  'resultQuality/qualityFlag': 'quality',
};

/**
 * Translates a filter on Observations into a store predicate.
 * @throws InsituInvalidQueryError for another property or a non-numeric / non-date-time literal.
 */
export function observationPredicate(filter: ODataFilter): ObservationPredicate {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return {
        kind: filter.kind,
        left: observationPredicate(filter.left),
        right: observationPredicate(filter.right),
      };
    case 'not':
      return { kind: 'not', operand: observationPredicate(filter.operand) };
    case 'compare': {
      const name = filter.path.join('/');
      const field = OBSERVATION_FIELDS[name];
      if (field === undefined) {
        throw new InsituInvalidQueryError(
          `$filter: Observations can be filtered on ${Object.keys(OBSERVATION_FIELDS).join(', ')}, not '${name}'`,
          '$filter',
        );
      }
      return { kind: 'compare', field, op: filter.op, value: numericLiteral(filter.value, field) };
    }
  }
}

function numericLiteral(value: ODataLiteral, field: ObservationField): number {
  if (typeof value === 'object' && value !== null) return value.dateTime;
  if (typeof value === 'number' && field !== 'time') return value;
  throw new InsituInvalidQueryError(
    `$filter: expected ${field === 'time' ? 'a date-time such as 2020-01-01T00:00:00Z' : 'a number'} for ${field}, found ${JSON.stringify(value)}`,
    '$filter',
  );
}
