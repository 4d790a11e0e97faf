/**
 * Aggregations of the SQLite store (STAC API aggregation extension).
 * See https://github.com/stac-api-extensions/aggregation
 *
 * Two paths: when the search restricts nothing but `collections`, every aggregation except min/max and
 * terms on non-precounted fields is answered from the per-collection pre-aggregations (no item scanned,
 * milliseconds at a million items); otherwise it is computed over the matching rows of the narrow `items`
 * table. Semantics:
 * - keywords / providers: an item counts under its own `properties.keywords` / `properties.providers`
 *   names, or, when it has none, under those of its collection; a value listed twice counts once;
 * - datetime_histogram buckets items by their start instant (datetime, or start_datetime), in UTC;
 * - geo_grid buckets items by the centre of their bbox; key `ix,iy` is the cell index, bbox the cell;
 * - terms return the `limit` (default 100) most frequent values, the rest summed in `overflow`.
 */
import type { ItemSearch } from '../../search/item-search.js';
import type { AggregationBucket, AggregationRequest, AggregationResult } from '../catalog-store.js';
import { InvalidSearchError, UnknownQueryableError } from '../../catalog-errors.js';
import type { StatementCache } from './statement-cache.js';
import { buildItemWhere, type ItemSearchContext, type WhereClause, whereSql } from './item-search-sql.js';
import { INHERITED, PRECOUNTED_TERM_FIELDS } from './item-stats.js';
import { PRECOUNTED_CELL_DEGREES } from './sqlite-schema.js';

const DAY_MS = 86_400_000;
const DEFAULT_TERMS_LIMIT = 100;

type Counts = Map<string, number>;

/** Runs aggregations for one search. */
export class SqliteAggregator {
  constructor(
    private readonly statements: StatementCache,
    private readonly context: ItemSearchContext,
  ) {}

  aggregate(query: ItemSearch, requests: AggregationRequest[]): AggregationResult[] {
    const where = buildItemWhere(query, this.context);
    const isPrecounted = where.conditions.length === (query.collections ? 1 : 0);
    const keys = isPrecounted ? this.collectionKeys(query.collections) : undefined;
    return requests.map((request) => this.run(request, where, keys));
  }

  private run(
    request: AggregationRequest,
    where: WhereClause,
    keys: number[] | undefined,
  ): AggregationResult {
    const { name } = request;
    switch (request.kind) {
      case 'total_count': {
        const value = keys ? this.sumItemCounts(keys) : (this.scalar('count(*)', where) as number);
        return { name, data_type: 'integer', value };
      }
      case 'terms':
        return {
          name,
          data_type: 'frequency_distribution',
          ...termBuckets(this.terms(request.field, where, keys), request.limit),
        };
      case 'datetime_histogram':
        return {
          name,
          data_type: 'frequency_distribution',
          buckets: histogramBuckets(this.dayCounts(where, keys), request.interval),
        };
      case 'geo_grid':
        return {
          name,
          data_type: 'frequency_distribution',
          buckets: this.geoGrid(request.cellDegrees, where, keys),
        };
      case 'min':
      case 'max': {
        const property = this.resolveField(request.field, 'field');
        if (property.type !== 'number' && property.type !== 'timestamp') {
          throw new InvalidSearchError(
            `${request.kind} needs a numeric or datetime field, '${request.field}' is not`,
            'aggregations',
          );
        }
        const value = this.scalar(`${request.kind}(${property.sql})`, where) as number | null;
        if (property.type === 'timestamp') {
          return {
            name,
            data_type: 'datetime',
            value: value === null ? null : new Date(value).toISOString(),
          };
        }
        return { name, data_type: 'numeric', value };
      }
    }
  }

  private resolveField(field: string, location: string) {
    const property = this.context.resolve(field);
    if (!property) throw new UnknownQueryableError(field, `aggregations.${location}`);
    if (property.type === 'geometry')
      throw new InvalidSearchError(`cannot aggregate the geometry '${field}'`, 'aggregations');
    return property;
  }

  private collectionKeys(collections: string[] | undefined): number[] {
    const sql = collections
      ? 'SELECT collection_key FROM collections WHERE id IN (SELECT value FROM json_each(?))'
      : 'SELECT collection_key FROM collections';
    const statement = this.statements.get(sql).pluck();
    return (collections ? statement.all(JSON.stringify(collections)) : statement.all()) as number[];
  }

  private sumItemCounts(keys: number[]): number {
    return this.statements
      .get(
        'SELECT coalesce(sum(item_count), 0) FROM collections WHERE collection_key IN (SELECT value FROM json_each(?))',
      )
      .pluck()
      .get(JSON.stringify(keys)) as number;
  }

  private scalar(expression: string, where: WhereClause): unknown {
    return this.statements
      .get(`SELECT ${expression} FROM items i ${whereSql(where.conditions)}`)
      .pluck()
      .get(...where.params);
  }

  private grouped(sql: string, params: unknown[]): Counts {
    const rows = this.statements
      .get(sql)
      .raw()
      .all(...params) as [unknown, number][];
    return new Map(rows.filter(([value]) => value !== null).map(([value, n]) => [String(value), n]));
  }

  private terms(field: string, where: WhereClause, keys: number[] | undefined): Counts {
    const clause = whereSql(where.conditions);
    if (field === 'collection') {
      if (keys) {
        return this.grouped(
          'SELECT id, item_count FROM collections WHERE item_count > 0 AND collection_key IN (SELECT value FROM json_each(?))',
          [JSON.stringify(keys)],
        );
      }
      return this.grouped(`SELECT i.collection, count(*) FROM items i ${clause} GROUP BY 1`, where.params);
    }
    const inherits = field === 'keywords' || field === 'providers';
    if (keys && (PRECOUNTED_TERM_FIELDS as readonly string[]).includes(field)) {
      const counts = this.grouped(
        `SELECT value, sum(n) FROM item_term_counts WHERE field = ? AND value <> ?
           AND collection_key IN (SELECT value FROM json_each(?)) GROUP BY value`,
        [field, INHERITED, JSON.stringify(keys)],
      );
      if (inherits) {
        const inherited = this.statements
          .get(
            `SELECT j.value, sum(t.n) FROM item_term_counts t JOIN collections c ON c.collection_key = t.collection_key,
               json_each(c.${field}) j
             WHERE t.field = ? AND t.value = ? AND t.collection_key IN (SELECT value FROM json_each(?)) GROUP BY j.value`,
          )
          .raw()
          .all(field, INHERITED, JSON.stringify(keys)) as [string, number][];
        for (const [value, n] of inherited) counts.set(value, (counts.get(value) ?? 0) + n);
      }
      return counts;
    }
    if (inherits) {
      return this.grouped(
        `SELECT value, count(*) FROM (SELECT DISTINCT i.item_key, j.value FROM items i
           JOIN collections c ON c.collection_key = i.collection_key, json_each(coalesce(i.${field}, c.${field})) j
           ${clause}) GROUP BY value`,
        where.params,
      );
    }
    const property = this.resolveField(field, 'field');
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

  private dayCounts(where: WhereClause, keys: number[] | undefined): [number, number][] {
    if (keys) {
      return this.statements
        .get(
          'SELECT day, sum(n) FROM item_day_counts WHERE collection_key IN (SELECT value FROM json_each(?)) GROUP BY day',
        )
        .raw()
        .all(JSON.stringify(keys)) as [number, number][];
    }
    return this.statements
      .get(
        `SELECT i.dt_start / ${DAY_MS} - (i.dt_start < 0 AND i.dt_start % ${DAY_MS} <> 0), count(*) FROM items i ${whereSql(where.conditions)} GROUP BY 1`,
      )
      .raw()
      .all(...where.params) as [number, number][];
  }

  private geoGrid(cellDegrees: number, where: WhereClause, keys: number[] | undefined): AggregationBucket[] {
    if (!(cellDegrees > 0) || cellDegrees > 360) {
      throw new InvalidSearchError(
        `geo_grid cell size must be in (0, 360] degrees, got ${cellDegrees}`,
        'aggregations',
      );
    }
    let cells: [number, number, number][] | undefined;
    const level = keys ? precountedLevel(cellDegrees) : undefined;
    if (keys && level) {
      cells = this.statements
        .get(
          `SELECT floor(cx / ?), floor(cy / ?), sum(n) FROM item_cell_counts
           WHERE level = ? AND collection_key IN (SELECT value FROM json_each(?)) GROUP BY 1, 2`,
        )
        .raw()
        .all(level.ratio, level.ratio, level.index, JSON.stringify(keys)) as [number, number, number][];
    } else {
      // Centre longitude, with boxes crossing the antimeridian (minx > maxx) wrapped back into [-180, 180].
      const centreX =
        '(CASE WHEN i.minx <= i.maxx THEN (i.minx + i.maxx) / 2 WHEN (i.minx + i.maxx + 360) / 2 > 180' +
        ' THEN (i.minx + i.maxx) / 2 - 180 ELSE (i.minx + i.maxx + 360) / 2 END)';
      const conditions = [...where.conditions, 'i.minx IS NOT NULL'];
      cells = this.statements
        .get(
          `SELECT floor(${centreX} / ? + 1e-9), floor((i.miny + i.maxy) / 2 / ? + 1e-9), count(*) FROM items i
           ${whereSql(conditions)} GROUP BY 1, 2`,
        )
        .raw()
        .all(cellDegrees, cellDegrees, ...where.params) as [number, number, number][];
    }
    return cells
      .map(([ix, iy, n]) => ({
        key: `${ix},${iy}`,
        frequency: n,
        bbox: [ix * cellDegrees, iy * cellDegrees, (ix + 1) * cellDegrees, (iy + 1) * cellDegrees] as [
          number,
          number,
          number,
          number,
        ],
      }))
      .sort((a, b) => b.frequency - a.frequency || a.key.localeCompare(b.key));
  }
}

/** The pre-counted grid level whose cells nest exactly in cells of `cellDegrees`, if any. */
function precountedLevel(cellDegrees: number): { index: number; ratio: number } | undefined {
  for (let index = 0; index < PRECOUNTED_CELL_DEGREES.length; index++) {
    const ratio = cellDegrees / PRECOUNTED_CELL_DEGREES[index];
    if (ratio >= 1 && Math.abs(ratio - Math.round(ratio)) < 1e-9) return { index, ratio: Math.round(ratio) };
  }
  return undefined;
}

function termBuckets(
  counts: Counts,
  limit = DEFAULT_TERMS_LIMIT,
): { buckets: AggregationBucket[]; overflow: number } {
  const sorted = [...counts]
    .filter(([, n]) => n > 0)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const kept = sorted.slice(0, limit);
  const overflow = sorted.slice(limit).reduce((sum, [, n]) => sum + n, 0);
  return { buckets: kept.map(([key, frequency]) => ({ key, frequency })), overflow };
}

function bucketStart(ms: number, interval: 'day' | 'month' | 'year'): Date {
  const date = new Date(ms);
  if (interval === 'day')
    return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  if (interval === 'month') return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  return new Date(Date.UTC(date.getUTCFullYear(), 0, 1));
}

function bucketEnd(start: Date, interval: 'day' | 'month' | 'year'): Date {
  if (interval === 'day') return new Date(start.getTime() + DAY_MS);
  if (interval === 'month') return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1));
}

function histogramBuckets(days: [number, number][], interval: 'day' | 'month' | 'year'): AggregationBucket[] {
  const counts = new Map<number, number>();
  for (const [day, n] of days) {
    const start = bucketStart(day * DAY_MS, interval).getTime();
    counts.set(start, (counts.get(start) ?? 0) + n);
  }
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([start, frequency]) => {
      const from = new Date(start);
      return {
        key: from.toISOString(),
        frequency,
        from: from.toISOString(),
        to: bucketEnd(from, interval).toISOString(),
      };
    });
}
