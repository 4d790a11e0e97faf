/**
 * Spatial operators (S_*) in SQLite: the exact test is a registered `st_*` function on GeoJSON text with
 * the literal geometry as a parameter (second argument, where the function caches its parsed form).
 * When the queryable has an R*Tree, a bounding-box prefilter on the index runs first; for S_DISJOINT the
 * index is used the other way round (rows outside every box are disjoint without the exact test). BBOX literals crossing the antimeridian
 * give two boxes. See OGC 21-065r2 clause 7.8.
 */
import type { Geometry } from 'geojson';
import type { Cql2Expression } from '../../cql2/cql2-expression.js';
import { InvalidFilterError } from '../../catalog-errors.js';
import { bboxToGeometry, envelopeOf } from '../../cql2/cql2-spatial.js';
import type { Envelope, SpatialOperator } from '../../cql2/cql2-spatial.js';
import type { SqlFragment, SqlProperty, SqlPropertyResolver } from './sql-property.js';
import { describe, resolveProperty } from './cql2-sqlite-values.js';

type GeometryOperand =
  | { kind: 'literal'; geometry: Geometry; envelopes: Envelope[] }
  | { kind: 'property'; property: SqlProperty; name: string };

const CONVERSE: Partial<Record<SpatialOperator, SpatialOperator>> = {
  s_within: 's_contains',
  s_contains: 's_within',
};

function toOperand(expr: Cql2Expression, resolve: SqlPropertyResolver): GeometryOperand {
  if (typeof expr === 'object' && expr !== null && !Array.isArray(expr)) {
    if ('property' in expr) {
      const property = resolveProperty(expr.property, resolve);
      if (property.type !== 'geometry' && property.type !== 'json') {
        throw new InvalidFilterError(`the property '${expr.property}' is a ${property.type}, not a geometry`);
      }
      return { kind: 'property', property, name: expr.property };
    }
    if ('bbox' in expr && !('type' in expr)) {
      const geometry = bboxToGeometry(expr.bbox);
      const envelopes =
        geometry.type === 'MultiPolygon'
          ? geometry.coordinates.map((p) => envelopeOf({ type: 'Polygon', coordinates: p }))
          : [envelopeOf(geometry)];
      return { kind: 'literal', geometry, envelopes };
    }
    if ('type' in expr)
      return { kind: 'literal', geometry: expr as Geometry, envelopes: [envelopeOf(expr as Geometry)] };
  }
  throw new InvalidFilterError(
    `${describe(expr)} is not a geometry (expected a property, a WKT/GeoJSON geometry or BBOX)`,
  );
}

function rtreePrefilter(property: SqlProperty, envelopes: Envelope[]): SqlFragment | undefined {
  if (property.rtree === undefined) return undefined;
  const boxes = envelopes.map(() => '(maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?)').join(' OR ');
  return {
    sql: `${property.rtree.key} IN (SELECT id FROM ${property.rtree.table} WHERE ${boxes})`,
    params: envelopes.flatMap(([minx, miny, maxx, maxy]) => [minx, maxx, miny, maxy]),
  };
}

/** Compiles `op(a, b)` for a spatial operator where at least one side is a property. */
export function compileSpatial(
  op: SpatialOperator,
  args: Cql2Expression[],
  resolve: SqlPropertyResolver,
): SqlFragment {
  let [a, b] = args.map((arg) => toOperand(arg, resolve));
  let effective = op;
  if (a.kind === 'literal' && b.kind === 'property') {
    [a, b] = [b, a];
    effective = CONVERSE[op] ?? op;
  }
  if (a.kind !== 'property') throw new InvalidFilterError(`${op} needs at least one geometry property`);
  const fn = `st_${effective.slice(2)}`;
  if (b.kind === 'property') {
    return { sql: `${fn}(${a.property.sql}, ${b.property.sql})`, params: [] };
  }
  const exact: SqlFragment = { sql: `${fn}(${a.property.sql}, ?)`, params: [JSON.stringify(b.geometry)] };
  const prefilter = rtreePrefilter(a.property, b.envelopes);
  if (prefilter === undefined) return exact;
  if (effective === 's_disjoint') {
    // Rows whose boxes miss every literal box are disjoint without the exact test; CASE keeps NULL
    // geometries unknown (a plain NOT IN would call them disjoint).
    return {
      sql: `(CASE WHEN ${a.property.sql} IS NULL THEN NULL WHEN ${prefilter.sql.replace(' IN (', ' NOT IN (')} THEN 1 ELSE ${exact.sql} END)`,
      params: [...prefilter.params, ...exact.params],
    };
  }
  return { sql: `(${prefilter.sql} AND ${exact.sql})`, params: [...prefilter.params, ...exact.params] };
}
