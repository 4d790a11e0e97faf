/**
 * Runtime values of the in-memory CQL2 evaluator and their coercions: temporal values are closed
 * intervals in epoch milliseconds (instants have start = end), geometries wrap GeoJSON, `null` is the
 * unknown value of SQL three-valued logic.
 */
import type { Geometry } from 'geojson';
import { asGeoJsonGeometry } from './cql2-spatial.js';
import { cql2InstantToMillis } from './cql2-temporal.js';

/** A closed time interval in epoch milliseconds (±Infinity for open ends); an instant has start = end. */
export class TemporalValue {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}

  get isInstant(): boolean {
    return this.start === this.end;
  }
}

/** A GeoJSON geometry operand. */
export class GeometryValue {
  constructor(readonly geometry: Geometry) {}
}

/** Any runtime value; `null` is SQL's unknown. */
export type Cql2Value =
  null | string | number | boolean | TemporalValue | GeometryValue | Cql2Value[] | object;

/** A raw property value (JSON) as a runtime value: undefined becomes null, GeoJSON becomes a geometry. */
export function fromJson(value: unknown): Cql2Value {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === 'object') {
    const geometry = asGeoJsonGeometry(value);
    return geometry ? new GeometryValue(geometry) : value;
  }
  return value as string | number | boolean;
}

/**
 * Temporal view of a value: temporal values as is, date/timestamp strings and epoch-ms numbers as
 * instants, `start/end` strings as intervals.
 */
export function toTemporal(value: Cql2Value): TemporalValue | undefined {
  if (value instanceof TemporalValue) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return new TemporalValue(value, value);
  if (typeof value === 'string') {
    // "start/end" (ISO 8601 interval, '..' or empty for an open end): how a resolver exposes an item
    // whose datetime is a range (start_datetime/end_datetime).
    const slash = value.indexOf('/');
    if (slash >= 0) {
      const bound = (text: string, open: number): number | undefined =>
        text === '' || text === '..' ? open : cql2InstantToMillis(text);
      const start = bound(value.slice(0, slash), -Infinity);
      const end = bound(value.slice(slash + 1), Infinity);
      return start === undefined || end === undefined ? undefined : new TemporalValue(start, end);
    }
    const ms = cql2InstantToMillis(value);
    return ms === undefined ? undefined : new TemporalValue(ms, ms);
  }
  return undefined;
}

/** Geometry view of a value (GeoJSON geometries and Features). */
export function toGeometry(value: Cql2Value): Geometry | undefined {
  if (value instanceof GeometryValue) return value.geometry;
  return asGeoJsonGeometry(value);
}

/**
 * Three-way comparison of two scalar values of compatible types; undefined when they are not comparable
 * (different types, intervals, objects), which the caller turns into the unknown value.
 */
export function compareValues(a: Cql2Value, b: Cql2Value): number | undefined {
  if (a instanceof TemporalValue || b instanceof TemporalValue) {
    const ta = toTemporal(a);
    const tb = toTemporal(b);
    if (ta === undefined || tb === undefined || !ta.isInstant || !tb.isInstant) return undefined;
    return Math.sign(ta.start - tb.start);
  }
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  // A numeric string compares with a number as the number it spells, as in a store whose column for
  // that queryable is numeric (pgstac and SQLite column affinity behave the same way).
  if (typeof a === 'string' && typeof b === 'number') return compareValues(parseNumericString(a), b);
  if (typeof a === 'number' && typeof b === 'string') return compareValues(a, parseNumericString(b));
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

const NUMERIC_STRING = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** The number a numeric string spells, or null (unknown) when it is not one. */
export function parseNumericString(text: string): number | null {
  return NUMERIC_STRING.test(text) ? Number(text) : null;
}

/** Key under which array elements are compared by the A_* operators. */
export function arrayElementKey(value: Cql2Value): string {
  if (value instanceof TemporalValue) return `t:${value.start}:${value.end}`;
  if (value instanceof GeometryValue) return `g:${JSON.stringify(value.geometry)}`;
  return JSON.stringify(value);
}
