/**
 * Aggregations of the SQLite store (STAC API aggregation extension).
 * See https://github.com/stac-api-extensions/aggregation
 *
 * When a search restricts nothing but `collections` and `datetime`, the whole months of the window are
 * added up from the per-collection month summaries (aggregation-summary.ts) and only the items of the
 * partial months at its edges (and ranges that started before it) are read; any other search is aggregated
 * over its matching rows. Semantics:
 * - keywords / providers: an item counts under its own `properties.keywords` / `properties.providers`
 *   names, or, when it has none, under those of its collection; a value listed twice counts once;
 * - datetime_histogram buckets items by their start instant (datetime, or start_datetime), in UTC;
 * - geo_grid buckets items by the centre of their bbox; key `ix,iy` is the cell index, bbox the cell; the
 *   `limit` (default 10,000) cells with most items are returned, the rest summed in `overflow`;
 * - terms return the `limit` (default 100) most frequent values, the rest summed in `overflow`.
 */
import type { ItemSearch } from '../../search/item-search.js';
import type { AggregationBucket, AggregationRequest, AggregationResult } from '../catalog-store.js';
import { InvalidSearchError } from '../../catalog-errors.js';
import type { StatementCache } from './statement-cache.js';
import { buildItemWhere, type ItemSearchContext, type WhereClause } from './item-search-sql.js';
import {
  DAY_MS,
  INHERITED,
  type MonthSummary,
  monthIndex,
  monthStart,
  SUMMARY_RANGE_COLUMNS,
  SUMMARY_TERM_FIELDS,
  type SummaryCache,
  cellOfKey,
  CELL_KEY_SPACE,
} from './aggregation-summary.js';
import { type Counts, mergeCounts, resolveAggregatedField, RowAggregations } from './aggregation-rows.js';

const DEFAULT_TERMS_LIMIT = 100;
const DEFAULT_GRID_BUCKET_LIMIT = 10_000;

interface CollectionInfo {
  id: string;
  keywords: string[];
  providers: string[];
}

/** Whole months answered from summaries, plus the WHERE clauses of the rows around them. */
interface SummaryPlan {
  months: { collection: CollectionInfo; summary: MonthSummary }[];
  edges: WhereClause[];
}

/** Runs aggregations for one search. */
export class SqliteAggregator {
  private readonly rows: RowAggregations;

  constructor(
    private readonly statements: StatementCache,
    private readonly context: ItemSearchContext,
    private readonly summaries: SummaryCache,
  ) {
    this.rows = new RowAggregations(statements, context.resolve);
  }

  aggregate(query: ItemSearch, requests: AggregationRequest[]): AggregationResult[] {
    const where = buildItemWhere(query, this.context);
    const plan = this.planSummaries(query, where);
    return requests.map((request) => this.run(request, where, plan));
  }

  private run(
    request: AggregationRequest,
    where: WhereClause,
    plan: SummaryPlan | undefined,
  ): AggregationResult {
    const { name } = request;
    switch (request.kind) {
      case 'total_count': {
        if (!plan) return { name, data_type: 'integer', value: this.rows.scalar('count(*)', where) ?? 0 };
        const fromMonths = plan.months.reduce((sum, m) => sum + m.summary.count, 0);
        const fromEdges = plan.edges.reduce(
          (sum, edge) => sum + (this.rows.scalar('count(*)', edge) ?? 0),
          0,
        );
        return { name, data_type: 'integer', value: fromMonths + fromEdges };
      }
      case 'terms': {
        const usesSummary =
          plan &&
          (request.field === 'collection' ||
            (SUMMARY_TERM_FIELDS as readonly string[]).includes(request.field));
        const counts = usesSummary
          ? plan.edges.reduce(
              (all, edge) => mergeCounts(all, this.rows.terms(request.field, edge)),
              summaryTerms(plan, request.field),
            )
          : this.rows.terms(request.field, where);
        return { name, data_type: 'frequency_distribution', ...termBuckets(counts, request.limit) };
      }
      case 'datetime_histogram': {
        const days = plan
          ? plan.edges.reduce((all, edge) => mergeCounts(all, this.rows.days(edge)), summaryDays(plan))
          : this.rows.days(where);
        return {
          name,
          data_type: 'frequency_distribution',
          buckets: histogramBuckets(days, request.interval),
        };
      }
      case 'geo_grid': {
        const size = request.cellDegrees;
        if (!(size > 0) || size > 360) {
          throw new InvalidSearchError(
            `geo_grid cell size must be in (0, 360] degrees, got ${size}`,
            'aggregations',
          );
        }
        const isWholeDegrees = Number.isInteger(size);
        const cells =
          plan && isWholeDegrees
            ? plan.edges.reduce(
                (all, edge) => mergeCounts(all, this.rows.cells(size, edge)),
                summaryCells(plan, size),
              )
            : this.rows.cells(size, where);
        return { name, data_type: 'frequency_distribution', ...gridBuckets(cells, size, request.limit) };
      }
      case 'min':
      case 'max': {
        const property = resolveAggregatedField(this.context.resolve, request.field);
        if (property.type !== 'number' && property.type !== 'timestamp') {
          throw new InvalidSearchError(
            `${request.kind} needs a numeric or datetime field, '${request.field}' is not`,
            'aggregations',
          );
        }
        const column = property.sql as (typeof SUMMARY_RANGE_COLUMNS)[number];
        const pick = request.kind === 'min' ? Math.min : Math.max;
        let value: number | null;
        if (plan && SUMMARY_RANGE_COLUMNS.includes(column)) {
          const values = [
            ...plan.months.map((m) => m.summary[request.kind].get(column)),
            ...plan.edges.map((edge) => this.rows.scalar(`${request.kind}(${column})`, edge)),
          ].filter((v): v is number => typeof v === 'number');
          value = values.length ? pick(...values) : null;
        } else {
          value = this.rows.scalar(`${request.kind}(${property.sql})`, where);
        }
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

  /** The summary plan, or undefined when the search restricts more than collections and datetime. */
  private planSummaries(query: ItemSearch, where: WhereClause): SummaryPlan | undefined {
    const start = query.datetime?.start;
    const end = query.datetime?.end;
    const restrictions =
      (query.collections ? 1 : 0) + (start !== undefined ? 1 : 0) + (end !== undefined ? 1 : 0);
    if (where.conditions.length !== restrictions || query.ids) return undefined;
    const firstFull =
      start === undefined
        ? -Infinity
        : monthStart(monthIndex(start)) === start
          ? monthIndex(start)
          : monthIndex(start) + 1;
    const lastFull =
      end === undefined
        ? Infinity
        : monthStart(monthIndex(end) + 1) - 1 <= end
          ? monthIndex(end)
          : monthIndex(end) - 1;
    if (firstFull > lastFull) return undefined;

    const base: WhereClause = query.collections
      ? {
          conditions: ['i.collection IN (SELECT value FROM json_each(?))'],
          params: [JSON.stringify(query.collections)],
        }
      : { conditions: [], params: [] };
    const edge = (condition: string, ...params: unknown[]): WhereClause => ({
      conditions: [...base.conditions, condition],
      params: [...base.params, ...params],
    });
    const edges: WhereClause[] = [];
    if (start !== undefined) {
      if (monthStart(firstFull) > start)
        edges.push(edge('i.dt_start >= ? AND i.dt_start < ?', start, monthStart(firstFull)));
      // Ranges that started before the window and reach into it (the partial index on ranges serves this).
      edges.push(edge('i.dt_end > i.dt_start AND i.dt_end >= ? AND i.dt_start < ?', start, start));
    }
    if (end !== undefined && monthStart(lastFull + 1) <= end) {
      edges.push(edge('i.dt_start >= ? AND i.dt_start <= ?', monthStart(lastFull + 1), end));
    }
    const months: SummaryPlan['months'] = [];
    for (const [key, collection] of this.collections(query.collections)) {
      for (const [month, summary] of this.summaries.months(key)) {
        if (month >= firstFull && month <= lastFull) months.push({ collection, summary });
      }
    }
    return { months, edges };
  }

  private collections(ids: string[] | undefined): Map<number, CollectionInfo> {
    const sql = `SELECT collection_key, id, keywords, providers FROM collections
      ${ids ? 'WHERE id IN (SELECT value FROM json_each(?))' : ''}`;
    const statement = this.statements.get(sql).raw();
    const rows = (ids ? statement.all(JSON.stringify(ids)) : statement.all()) as [
      number,
      string,
      string | null,
      string | null,
    ][];
    return new Map(
      rows.map(([key, id, keywords, providers]) => [
        key,
        {
          id,
          keywords: keywords ? (JSON.parse(keywords) as string[]) : [],
          providers: providers ? (JSON.parse(providers) as string[]) : [],
        },
      ]),
    );
  }
}

function summaryTerms(plan: SummaryPlan, field: string): Counts {
  const counts: Counts = new Map();
  for (const { collection, summary } of plan.months) {
    if (field === 'collection') {
      counts.set(collection.id, (counts.get(collection.id) ?? 0) + summary.count);
      continue;
    }
    for (const [value, n] of summary.terms.get(field) ?? []) {
      if (value !== INHERITED) counts.set(value, (counts.get(value) ?? 0) + n);
      else
        for (const inherited of new Set(collection[field as 'keywords' | 'providers']))
          counts.set(inherited, (counts.get(inherited) ?? 0) + n);
    }
  }
  return counts;
}

function summaryDays(plan: SummaryPlan): Counts {
  const counts: Counts = new Map();
  for (const { summary } of plan.months) {
    for (const [day, n] of summary.days) counts.set(String(day), (counts.get(String(day)) ?? 0) + n);
  }
  return counts;
}

/** Rolls the 1° cells of the summaries up into cells of `size` whole degrees. */
function summaryCells(plan: SummaryPlan, size: number): Counts {
  const byKey = new Float64Array(CELL_KEY_SPACE);
  for (const { summary } of plan.months) {
    const { cellKeys, cellCounts } = summary;
    for (let i = 0; i < cellKeys.length; i++) byKey[cellKeys[i]] += cellCounts[i];
  }
  const counts: Counts = new Map();
  for (let key = 0; key < byKey.length; key++) {
    const n = byKey[key];
    if (n === 0) continue;
    const [x, y] = cellOfKey(key);
    const cell = size === 1 ? `${x},${y}` : `${Math.floor(x / size)},${Math.floor(y / size)}`;
    counts.set(cell, size === 1 ? n : (counts.get(cell) ?? 0) + n);
  }
  return counts;
}

function termBuckets(
  counts: Counts,
  limit = DEFAULT_TERMS_LIMIT,
): { buckets: AggregationBucket[]; overflow: number } {
  const sorted = [...counts]
    .filter(([, n]) => n > 0)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const overflow = sorted.slice(limit).reduce((sum, [, n]) => sum + n, 0);
  return { buckets: sorted.slice(0, limit).map(([key, frequency]) => ({ key, frequency })), overflow };
}

/**
 * The `limit` cells with most items, most first; the items of the other cells are summed in `overflow`.
 * Without a limit a 1° grid over a million worldwide items has 57,000 cells (3 MB of JSON, most of the
 * request's time); a client wanting every cell of an area narrows the search or coarsens the cells.
 */
function gridBuckets(
  cells: Counts,
  size: number,
  limit = DEFAULT_GRID_BUCKET_LIMIT,
): { buckets: AggregationBucket[]; overflow: number } {
  let kept = [...cells];
  if (kept.length > limit) {
    // Only the kept cells need sorting: find the frequency of the last one with a numeric sort first.
    const frequencies = Float64Array.from(cells.values()).sort();
    const threshold = frequencies[frequencies.length - limit];
    kept = kept.filter(([, n]) => n >= threshold);
  }
  const sorted = kept.sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1)).slice(0, limit);
  let overflow = 0;
  for (const n of cells.values()) overflow += n;
  for (const [, n] of sorted) overflow -= n;
  const buckets = sorted.map(([key, frequency]): AggregationBucket => {
    const comma = key.indexOf(',');
    const ix = Number(key.slice(0, comma));
    const iy = Number(key.slice(comma + 1));
    return { key, frequency, bbox: [ix * size, iy * size, (ix + 1) * size, (iy + 1) * size] };
  });
  return { buckets, overflow };
}

function bucketStart(ms: number, interval: 'day' | 'month' | 'year'): number {
  const date = new Date(ms);
  if (interval === 'day') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (interval === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  return Date.UTC(date.getUTCFullYear(), 0, 1);
}

function bucketEnd(start: number, interval: 'day' | 'month' | 'year'): number {
  const date = new Date(start);
  if (interval === 'day') return start + DAY_MS;
  if (interval === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return Date.UTC(date.getUTCFullYear() + 1, 0, 1);
}

function histogramBuckets(days: Counts, interval: 'day' | 'month' | 'year'): AggregationBucket[] {
  const counts = new Map<number, number>();
  for (const [day, n] of days) {
    const start = bucketStart(Number(day) * DAY_MS, interval);
    counts.set(start, (counts.get(start) ?? 0) + n);
  }
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([start, frequency]) => {
      const from = new Date(start).toISOString();
      return { key: from, frequency, from, to: new Date(bucketEnd(start, interval)).toISOString() };
    });
}
