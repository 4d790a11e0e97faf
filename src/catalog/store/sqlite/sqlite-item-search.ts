/**
 * Runs an item search: one keyset-paged query for the page's keys, one lookup of the page's documents,
 * and a bounded count for numberMatched.
 *
 * numberMatched is exact or absent: when the search only restricts `collections` (or nothing), it is the sum
 * of the per-collection item counters (O(collections)); otherwise matching rows are counted for at most
 * `countBudgetMs` milliseconds, and numberMatched is omitted when the count does not finish in time, because
 * an exact count over a million rows would cost far more than the page itself. STAC API makes numberMatched
 * optional for this reason. Whether a large count finishes therefore depends on the machine and its load.
 */
import type { StacItem } from '../../model/stac-types.js';
import type { ItemSearch, SortField } from '../../search/item-search.js';
import type { ItemPage } from '../catalog-store.js';
import { InvalidSearchError, UnknownQueryableError } from '../../catalog-errors.js';
import type { SqlPropertyResolver } from './sql-property.js';
import type { StatementCache } from './statement-cache.js';
import { buildItemWhere, type ItemSearchContext, whereSql } from './item-search-sql.js';
import {
  decodePageToken,
  encodePageToken,
  keysetCondition,
  type OrderTerm,
  orderBySql,
} from './keyset-paging.js';

/** Default order: newest first, then collection and id (STAC API item search has no mandated order). */
export const DEFAULT_ITEM_SORT: SortField[] = [
  { field: 'datetime', direction: 'desc' },
  { field: 'collection', direction: 'asc' },
  { field: 'id', direction: 'asc' },
];

const NOT_NULL_SQL = new Set(['i.id', 'i.collection', 'i.dt_start', 'i.dt_end', 'i.item_key']);

/**
 * The order terms of a sort, resolved to SQL, ending with a unique tie-breaker: (collection, id) when the
 * sort already holds both (so the default order is served by its index as is), the item key otherwise.
 */
export function itemOrderTerms(sortby: SortField[] | undefined, resolve: SqlPropertyResolver): OrderTerm[] {
  const fields = sortby && sortby.length > 0 ? sortby : DEFAULT_ITEM_SORT;
  const terms = fields.map((field, index): OrderTerm => {
    const property = resolve(field.field);
    if (!property) throw new UnknownQueryableError(field.field, `sortby[${index}]`);
    if (property.type === 'geometry') {
      throw new InvalidSearchError(
        `cannot sort by the geometry property '${field.field}'`,
        `sortby[${index}]`,
      );
    }
    return { sql: property.sql, direction: field.direction, notNull: NOT_NULL_SQL.has(property.sql) };
  });
  const sqls = new Set(terms.map((t) => t.sql));
  if (!(sqls.has('i.collection') && sqls.has('i.id')))
    terms.push({ sql: 'i.item_key', direction: 'asc', notNull: true });
  return terms;
}

/** What the search needs from the store. */
export interface ItemSearchRunner extends ItemSearchContext {
  statements: StatementCache;
  countBudgetMs: number;
  /** Item count of the given collections (all when undefined), from the per-collection counters. */
  countItems(collections: string[] | undefined): number;
  /** Documents of the given item keys, in no particular order. */
  loadItems(keys: number[]): Map<number, StacItem>;
}

/** Runs the search. Throws InvalidSearchError, UnknownQueryableError or InvalidFilterError for bad input. */
export function searchItems(query: ItemSearch, runner: ItemSearchRunner): ItemPage {
  if (!Number.isInteger(query.limit) || query.limit < 1) {
    throw new InvalidSearchError(`limit must be a positive integer, got ${query.limit}`, 'limit');
  }
  const where = buildItemWhere(query, runner);
  const terms = itemOrderTerms(query.sortby, runner.resolve);
  const signature = terms.map((t) => `${t.sql} ${t.direction}`).join(',');
  const token = query.token ? decodePageToken(query.token, signature, terms.length) : undefined;
  const reverse = token?.direction === 'prev';
  const conditions = [...where.conditions];
  const params = [...where.params];
  if (token) {
    const seek = keysetCondition(terms, token.key, reverse);
    conditions.push(seek.sql);
    params.push(...seek.params);
  }
  const keyColumns = [...terms.map((t, index) => `${t.sql} AS k${index}`), 'i.item_key'].join(', ');
  const sql = `SELECT ${keyColumns} FROM items i ${whereSql(conditions)} ORDER BY ${orderBySql(terms, reverse)} LIMIT ?`;
  const rows = runner.statements
    .get(sql)
    .raw()
    .all(...params, query.limit + 1) as unknown[][];
  const hasMore = rows.length > query.limit;
  const pageRows = rows
    .slice(0, query.limit)
    .map((row) => ({ key: row.slice(0, -1), itemKey: row[row.length - 1] as number }));
  if (reverse) pageRows.reverse();

  const keys = pageRows.map((row) => row.itemKey);
  const documents = runner.loadItems(keys);
  const page: ItemPage = {
    items: keys.map((key) => documents.get(key)).filter((item) => item !== undefined),
  };
  if (pageRows.length > 0) {
    const last = pageRows[pageRows.length - 1].key;
    const first = pageRows[0].key;
    const hasNext = reverse ? true : hasMore;
    const hasPrev = reverse ? hasMore : token !== undefined;
    if (hasNext) page.next = encodePageToken({ direction: 'next', key: last }, signature);
    if (hasPrev) page.prev = encodePageToken({ direction: 'prev', key: first }, signature);
  }
  const matched = countMatches(query, where.conditions, where.params, runner);
  if (matched !== undefined) page.numberMatched = matched;
  return page;
}

function countMatches(
  query: ItemSearch,
  conditions: string[],
  params: unknown[],
  runner: ItemSearchRunner,
): number | undefined {
  const onlyCollections =
    conditions.length === (query.collections ? 1 : 0) && !query.ids && !query.bbox && !query.intersects;
  if (onlyCollections) return runner.countItems(query.collections);
  // Iterate rather than count(*) so the clock can be checked; iteration stops (and the statement resets)
  // as soon as the budget is spent.
  const statement = runner.statements.get(`SELECT 1 FROM items i ${whereSql(conditions)}`).raw();
  const deadline = performance.now() + runner.countBudgetMs;
  let count = 0;
  for (const _row of statement.iterate(...params)) {
    count++;
    if ((count & 63) === 0 && performance.now() > deadline) return undefined;
  }
  return count;
}
