/**
 * Aggregations computed over the matching rows of `items` (the path for arbitrary searches, and for the
 * edges of datetime windows that do not cover whole months). Each function returns raw counts that the
 * aggregator merges with the month summaries.
 */
import { InvalidSearchError, UnknownQueryableError } from '../../catalog-errors.js';
import type { SqlProperty, SqlPropertyResolver } from './sql-property.js';
import type { StatementCache } from './statement-cache.js';
import { type WhereClause, whereSql } from './item-search-sql.js';
import { DAY_MS } from './aggregation-summary.js';

export type Counts = Map<string, number>;

/** Adds `from` into `into`. */
export function mergeCounts(into: Counts, from: Counts): Counts {
  for (const [key, n] of from) into.set(key, (into.get(key) ?? 0) + n);
  return into;
}

/** Resolves an aggregated field, refusing unknown names and geometries. */
export function resolveAggregatedField(resolve: SqlPropertyResolver, field: string): SqlProperty {
  const property = resolve(field);
  if (!property) throw new UnknownQueryableError(field, 'aggregations');
  if (property.type === 'geometry') {
    throw new InvalidSearchError(`cannot aggregate the geometry property '${field}'`, 'aggregations');
  }
  return property;
}

/** Row-level aggregations over `items i` filtered by a WHERE clause. */
export class RowAggregations {
  constructor(
    private readonly statements: StatementCache,
    private readonly resolve: SqlPropertyResolver,
  ) {}

  scalar(expression: string, where: WhereClause): number | null {
    const sql = `SELECT ${expression} FROM items i ${whereSql(where.conditions)}`;
    return this.statements
      .get(sql)
      .pluck()
      .get(...where.params) as number | null;
  }

  private grouped(sql: string, params: unknown[]): Counts {
    const rows = this.statements
      .get(sql)
      .raw()
      .all(...params) as [unknown, number][];
    return new Map(rows.filter(([value]) => value !== null).map(([value, n]) => [String(value), n]));
  }

  /** Term counts; keywords/providers fall back to the collection's values for items without their own. */
  terms(field: string, where: WhereClause): Counts {
    const clause = whereSql(where.conditions);
    if (field === 'collection') {
      return this.grouped(`SELECT i.collection, count(*) FROM items i ${clause} GROUP BY 1`, where.params);
    }
    if (field === 'keywords' || field === 'providers') {
      return this.grouped(
        `SELECT value, count(*) FROM (SELECT DISTINCT i.item_key, j.value FROM items i
           JOIN collections c ON c.collection_key = i.collection_key, json_each(coalesce(i.${field}, c.${field})) j
           ${clause}) GROUP BY value`,
        where.params,
      );
    }
    const property = resolveAggregatedField(this.resolve, field);
    if (property.type === 'array') {
      return this.grouped(
        `SELECT value, count(*) FROM (SELECT DISTINCT i.item_key, j.value FROM items i, json_each(${property.sql}) j
           ${clause}) GROUP BY value`,
        where.params,
      );
    }
    const counts = this.grouped(
      `SELECT ${property.sql}, count(*) FROM items i ${clause} GROUP BY 1`,
      where.params,
    );
    if (property.type !== 'timestamp') return counts;
    return new Map([...counts].map(([ms, n]) => [new Date(Number(ms)).toISOString(), n]));
  }

  /** Items per UTC day of their start instant, keyed by day number since the epoch. */
  days(where: WhereClause): Counts {
    return this.grouped(
      `SELECT (i.dt_start - (((i.dt_start % ${DAY_MS}) + ${DAY_MS}) % ${DAY_MS})) / ${DAY_MS}, count(*) FROM items i
       ${whereSql(where.conditions)} GROUP BY 1`,
      where.params,
    );
  }

  /** Items per grid cell of `cellDegrees`, by the centre of their box, keyed `ix,iy`. */
  cells(cellDegrees: number, where: WhereClause): Counts {
    // Centre longitude, with boxes crossing the antimeridian (minx > maxx) wrapped back into [-180, 180].
    const centreX =
      '(CASE WHEN i.minx <= i.maxx THEN (i.minx + i.maxx) / 2 WHEN (i.minx + i.maxx + 360) / 2 > 180' +
      ' THEN (i.minx + i.maxx) / 2 - 180 ELSE (i.minx + i.maxx + 360) / 2 END)';
    const rows = this.statements
      .get(
        `SELECT floor(${centreX} / ? + 1e-9), floor((i.miny + i.maxy) / 2 / ? + 1e-9), count(*) FROM items i
         ${whereSql([...where.conditions, 'i.minx IS NOT NULL'])} GROUP BY 1, 2`,
      )
      .raw()
      .all(cellDegrees, cellDegrees, ...where.params) as [number, number, number][];
    return new Map(rows.map(([ix, iy, n]) => [`${ix},${iy}`, n]));
  }
}
