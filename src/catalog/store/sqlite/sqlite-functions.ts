/**
 * SQL functions the CQL2 compiler and the SQLite store rely on, registered on a better-sqlite3
 * connection. All are deterministic and NULL-safe (NULL in → NULL out):
 * - `st_intersects|st_contains|st_within|st_equals|st_disjoint|st_touches|st_overlaps|st_crosses(a, b)`:
 *   exact DE-9IM predicates on GeoJSON text (geometries or Features), 1/0. The parsed form of the
 *   second argument is cached (LRU keyed by its text), so put the constant geometry second.
 * - `cql2_casei(text)`, `cql2_accenti(text)`: the case and accent folding of CASEI/ACCENTI.
 * - `cql2_like(value, pattern)`: case-sensitive CQL2 LIKE for non-literal patterns.
 * - `cql2_timestamp(value)`: epoch milliseconds of a date/timestamp string (numbers pass through).
 * - `cql2_number(value)`: numbers unchanged, numeric strings as numbers, anything else NULL.
 * Malformed geometry text raises a SQL error naming the function, rather than a wrong answer.
 * See OGC 21-065r2 clause 7 and https://www.sqlite.org/appfunc.html.
 */
import type { Database } from 'better-sqlite3';
import type { Geometry } from 'geojson';
import { asGeoJsonGeometry, prepareSpatialOperand, relateToPrepared } from '../../cql2/cql2-spatial.js';
import type { PreparedSpatialOperand, SpatialOperator } from '../../cql2/cql2-spatial.js';
import { foldAccents, foldCase } from '../../cql2/cql2-text-folding.js';
import { matchesLikePattern } from '../../cql2/cql2-like-pattern.js';
import { cql2InstantToMillis } from '../../cql2/cql2-temporal.js';
import { parseNumericString } from '../../cql2/cql2-values.js';
import { GeometryOperandCache } from './geometry-operand-cache.js';

const SPATIAL_FUNCTIONS: Record<string, SpatialOperator> = {
  st_intersects: 's_intersects',
  st_contains: 's_contains',
  st_within: 's_within',
  st_equals: 's_equals',
  st_disjoint: 's_disjoint',
  st_touches: 's_touches',
  st_overlaps: 's_overlaps',
  st_crosses: 's_crosses',
};

function parseGeometryText(text: unknown, fn: string): Geometry {
  const value = typeof text === 'string' ? JSON.parse(text) : text;
  const geometry = asGeoJsonGeometry(value);
  if (geometry === undefined) throw new TypeError(`${fn}: argument is not a GeoJSON geometry or Feature`);
  return geometry;
}

/**
 * Registers the functions above on `db`. Call once per connection, before running compiled filters.
 * @example registerSqliteFunctions(db); db.prepare('SELECT st_intersects(?, ?) AS hit').get(a, b)
 */
export function registerSqliteFunctions(db: Database): void {
  const operands = new GeometryOperandCache<PreparedSpatialOperand>(32);
  for (const [name, op] of Object.entries(SPATIAL_FUNCTIONS)) {
    db.function(name, { deterministic: true }, (a: unknown, b: unknown) => {
      if (a === null || b === null) return null;
      const key = typeof b === 'string' ? b : JSON.stringify(b);
      const operand = operands.getOrCreate(key, () => prepareSpatialOperand(parseGeometryText(key, name)));
      return relateToPrepared(op, parseGeometryText(a, name), operand) ? 1 : 0;
    });
  }
  db.function('cql2_casei', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldCase(text) : text,
  );
  db.function('cql2_accenti', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldAccents(text) : text,
  );
  db.function('cql2_like', { deterministic: true }, (value: unknown, pattern: unknown) => {
    if (value === null || pattern === null) return null;
    return matchesLikePattern(String(value), String(pattern)) ? 1 : 0;
  });
  db.function('cql2_number', { deterministic: true }, (value: unknown) => {
    if (typeof value === 'number' || typeof value === 'bigint') return value;
    return typeof value === 'string' ? parseNumericString(value) : null;
  });
  db.function('cql2_timestamp', { deterministic: true }, (value: unknown) => {
    if (typeof value === 'number' || typeof value === 'bigint') return value;
    if (typeof value !== 'string') return null;
    return cql2InstantToMillis(value) ?? null;
  });
}
