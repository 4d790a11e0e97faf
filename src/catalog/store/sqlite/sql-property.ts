/**
 * The contract between the CQL2 → SQLite compiler and the SQLite store: how a queryable name becomes SQL.
 * The store knows its schema (typed columns, JSON document, R*Tree); the compiler knows CQL2. Neither
 * knows the other's internals.
 */

/** How values of a property are represented in SQL, so the compiler can cast literals to match. */
export type SqlValueType =
  /** REAL/INTEGER column or json_extract of a number */
  | 'number'
  | 'string'
  | 'boolean'
  /** INTEGER epoch milliseconds UTC */
  | 'timestamp'
  /** JSON text of an array (json_each can iterate it) */
  | 'array'
  /** GeoJSON text; exact predicates via the registered st_* functions */
  | 'geometry'
  /** Unknown JSON value: json_extract result, compared by its runtime type */
  | 'json';

export interface SqlProperty {
  /** A SQL expression valid in the store's item query (e.g. `i.cloud_cover`, `json_extract(i.doc,'$.properties."x"')`). */
  sql: string;
  type: SqlValueType;
  /**
   * For geometry properties backed by an R*Tree: lets the compiler add a bounding-box prefilter
   * `<key> IN (SELECT id FROM <table> WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?)`
   * before the exact test.
   */
  rtree?: { table: string; key: string };
  /**
   * For the `datetime` queryable of items that may be ranges: the end instant column, so that temporal
   * operators can treat the item as the interval [sql, endSql].
   */
  endSql?: string;
}

/** Returns undefined when the name is not a queryable (the compiler then throws UnknownQueryableError). */
export type SqlPropertyResolver = (name: string) => SqlProperty | undefined;

/** Compiled SQL fragment with positional `?` parameters. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}
