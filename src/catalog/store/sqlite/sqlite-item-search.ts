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
import type { Statement } from 'better-sqlite3';
import type { StacItem } from '../../model/stac-types.js';
import type { ItemSearch, SortField } from '../../search/item-search.js';
import type { ItemPage } from '../catalog-store.js';
import { InvalidSearchError, UnknownQueryableError } from '../../catalog-errors.js';
import type { SqlPropertyResolver } from './sql-property.js';
import type { StatementCache } from './statement-cache.js';
import type { MatchCountCache } from './match-count-cache.js';
import type { CountSpeed } from './count-speed.js';
import { buildItemWhere, type ItemSearchContext, type WhereClause, whereSql } from './item-search-sql.js';
import {
  decodePageToken,
  encodePageToken,
  keysetCondition,
  type OrderTerm,
  orderBySql,
} from './keyset-paging.js';
import { type FreeTextRelevance, RELEVANCE_FIELD, relevanceOrderTerm } from './free-text-relevance.js';

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
 * A sort by relevance alone ranks ties newest first (the default order); `relevanceSql` gives its score.
 */
export function itemOrderTerms(
  sortby: SortField[] | undefined,
  resolve: SqlPropertyResolver,
  relevanceSql: (location: string) => string,
): OrderTerm[] {
  const fields = !sortby?.length
    ? DEFAULT_ITEM_SORT
    : sortby.length === 1 && sortby[0].field === RELEVANCE_FIELD
      ? [...sortby, ...DEFAULT_ITEM_SORT]
      : sortby;
  const terms = fields.map((field, index): OrderTerm => {
    if (field.field === RELEVANCE_FIELD) return relevanceOrderTerm(field, relevanceSql(`sortby[${index}]`));
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
  /** Scores of free-text matches, for sorts by relevance. */
  relevance: FreeTextRelevance;
  countBudgetMs: number;
  /** Counts already made since the last write. */
  matchCounts: MatchCountCache;
  /** How fast R*Tree-driven counts have read their candidates. */
  countSpeed: CountSpeed;
  /** Item count of the given collections (all when undefined), from the per-collection counters. */
  countItems(collections: string[] | undefined): number;
  /** JSON text of the items of the given keys, in no particular order. */
  loadItemTexts(keys: number[]): Map<number, string>;
}

/** Runs the search. Throws InvalidSearchError, UnknownQueryableError or InvalidFilterError for bad input. */
export function searchItems(query: ItemSearch, runner: ItemSearchRunner): ItemPage {
  if (!Number.isInteger(query.limit) || query.limit < 1) {
    throw new InvalidSearchError(`limit must be a positive integer, got ${query.limit}`, 'limit');
  }
  const where = buildItemWhere(query, runner);
  const terms = itemOrderTerms(query.sortby, runner.resolve, (location) =>
    runner.relevance.itemScoreSql(query.q, location),
  );
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
  const pageSql = (seekConditions: string[], isReversed: boolean): string =>
    `SELECT ${keyColumns} FROM items i ${whereSql(seekConditions)} ORDER BY ${orderBySql(terms, isReversed)} LIMIT ?`;
  const sql = pageSql(conditions, reverse);
  const rows =
    where.exactGeometry && sortsInMemory(runner.statements, sql, [...params, query.limit + 1])
      ? pageRowsTestingGeometryLast(where, conditions, params, pageSql, reverse, query.limit + 1, runner)
      : (runner.statements
          .get(sql)
          .raw()
          .all(...params, query.limit + 1) as unknown[][]);
  const hasMore = rows.length > query.limit;
  const pageRows = rows
    .slice(0, query.limit)
    .map((row) => ({ key: row.slice(0, -1), itemKey: row[row.length - 1] as number }));
  if (reverse) pageRows.reverse();

  const keys = pageRows.map((row) => row.itemKey);
  const texts = runner.loadItemTexts(keys);
  const page = lazyItemPage(keys.map((key) => texts.get(key)).filter((text) => text !== undefined));
  if (pageRows.length > 0) {
    const last = pageRows[pageRows.length - 1].key;
    const first = pageRows[0].key;
    const hasNext = reverse ? true : hasMore;
    const hasPrev = reverse ? hasMore : token !== undefined;
    if (hasNext) page.next = encodePageToken({ direction: 'next', key: last }, signature);
    if (hasPrev) page.prev = encodePageToken({ direction: 'prev', key: first }, signature);
  }
  // A first page that holds every match is its own exact count.
  const matched =
    !token && !hasMore
      ? pageRows.length
      : countMatches(query, where, pageSql(where.conditions, false), runner);
  if (matched !== undefined) page.numberMatched = matched;
  return page;
}

/**
 * A page holding its items as JSON text, parsed only when `items` is first read: the API serves the texts
 * with its links spliced in, so most searches never build the item objects.
 */
function lazyItemPage(itemTexts: string[]): ItemPage {
  let items: StacItem[] | undefined;
  const page = { itemTexts } as ItemPage;
  Object.defineProperty(page, 'items', {
    enumerable: true,
    get: () => (items ??= itemTexts.map((text) => JSON.parse(text) as StacItem)),
  });
  return page;
}

/**
 * The page rows of a spatial search whose candidates are sorted in memory (R*Tree-driven plans): the
 * candidates are sorted on their key columns first and the exact geometry test, which reads and parses each
 * footprint, runs in that order only until the page is full, instead of on every candidate before sorting.
 */
function pageRowsTestingGeometryLast(
  where: WhereClause,
  conditions: string[],
  params: unknown[],
  pageSql: (conditions: string[], isReversed: boolean) => string,
  reverse: boolean,
  wanted: number,
  runner: ItemSearchRunner,
): unknown[][] {
  const exact = where.exactGeometry as NonNullable<WhereClause['exactGeometry']>;
  const exactSql = conditions[exact.conditionIndex];
  const exactParams = params.slice(exact.paramOffset, exact.paramOffset + exact.paramCount);
  const candidateConditions = conditions.filter((_, index) => index !== exact.conditionIndex);
  const candidateParams = [
    ...params.slice(0, exact.paramOffset),
    ...params.slice(exact.paramOffset + exact.paramCount),
    Number.MAX_SAFE_INTEGER,
  ];
  const test = runner.statements.get(`SELECT 1 FROM items i WHERE i.item_key = ? AND ${exactSql}`).pluck();
  const rows: unknown[][] = [];
  for (const row of runner.statements
    .get(pageSql(candidateConditions, reverse))
    .raw()
    .iterate(...candidateParams) as IterableIterator<unknown[]>) {
    if (test.get(row[row.length - 1], ...exactParams) === undefined) continue;
    rows.push(row);
    if (rows.length === wanted) break;
  }
  return rows;
}

function countMatches(
  query: ItemSearch,
  where: WhereClause,
  firstPageSql: string,
  runner: ItemSearchRunner,
): number | undefined {
  const { conditions, params } = where;
  const onlyCollections =
    conditions.length === (query.collections ? 1 : 0) && !query.ids && !query.bbox && !query.intersects;
  if (onlyCollections) return runner.countItems(query.collections);
  // Iterate rather than count(*) so the clock can be checked; iteration stops (and the statement resets)
  // as soon as the budget is spent. A check can only happen between matches, so the rows must come in an
  // order where matches are spread out: when the page query reads an index in sort order, the count walks
  // the same index (its own plan could pick an index where the first match lies 400,000 rows in, which
  // took seconds at 1M items); when the page query sorts in memory it has read every match anyway, and
  // the count's own plan is used.
  // An R*Tree-driven count reads every candidate and tests its geometry: it is skipped when the candidates
  // are clearly too many for the budget at the speed such counts have run so far.
  const orderedParams = [...params, Number.MAX_SAFE_INTEGER];
  const isMemorySorted = sortsInMemory(runner.statements, firstPageSql, orderedParams);
  const { sql, args } = isMemorySorted
    ? { sql: `SELECT 1 FROM items i ${whereSql(conditions)}`, args: params }
    : { sql: firstPageSql, args: orderedParams };
  const key = `${sql}\n${JSON.stringify(args)}`;
  const known = runner.matchCounts.lookup(key);
  if (known) return known.count;
  if (
    isHopelessFreeTextCount(where, runner.countBudgetMs) ||
    isHopelessScan(planShape(runner.statements, sql, args), runner)
  ) {
    runner.matchCounts.remember(key, undefined);
    return undefined;
  }
  const candidates = isMemorySorted ? where.rtreeCandidates : undefined;
  const count =
    candidates === undefined || !where.exactGeometry
      ? countWithinBudget(runner.statements.get(sql).raw(), args, runner.countBudgetMs)
      : runner.countSpeed.isHopeless(candidates, runner.countBudgetMs)
        ? undefined
        : countCandidatesWithinBudget(where, runner);
  runner.matchCounts.remember(key, count);
  return count;
}

/**
 * The most matches a count reads per millisecond through its row loop (each costs a step of the statement
 * and a crossing into JavaScript, about half a microsecond at the very best).
 */
const MAX_COUNTED_PER_MS = 4000;

/**
 * Whether a search restricted by free text alone matches far too many items to count within the budget: a
 * common word ("Sentinel", "Réunion") matches thousands of items, and such counts always ran out of budget.
 */
function isHopelessFreeTextCount(where: WhereClause, budgetMs: number): boolean {
  return (
    where.conditions.length === 1 &&
    where.freeTextMatches !== undefined &&
    where.freeTextMatches > MAX_COUNTED_PER_MS * budgetMs
  );
}

/**
 * The most rows SQLite reads per millisecond when a count scans the items from end to end, testing each
 * (index entries at about 20 million a second, generously).
 */
const MAX_SCANNED_PER_MS = 20_000;

/** Whether the count scans every item of a catalogue far too large to scan within the budget. */
function isHopelessScan(plan: PlanShape, runner: ItemSearchRunner): boolean {
  return plan.scansEveryItem && runner.countItems(undefined) > MAX_SCANNED_PER_MS * runner.countBudgetMs;
}

/** Counts the candidates of an R*Tree-driven search that pass its geometry test, noting the speed. */
function countCandidatesWithinBudget(where: WhereClause, runner: ItemSearchRunner): number | undefined {
  const exact = where.exactGeometry as NonNullable<WhereClause['exactGeometry']>;
  const others = where.conditions.filter((_, index) => index !== exact.conditionIndex);
  const statement = runner.statements
    .get(
      `SELECT CASE WHEN ${where.conditions[exact.conditionIndex]} THEN 1 ELSE 0 END FROM items i ${whereSql(others)}`,
    )
    .pluck();
  const exactParams = where.params.slice(exact.paramOffset, exact.paramOffset + exact.paramCount);
  const otherParams = [
    ...where.params.slice(0, exact.paramOffset),
    ...where.params.slice(exact.paramOffset + exact.paramCount),
  ];
  const started = performance.now();
  const deadline = started + runner.countBudgetMs;
  let rows = 0;
  let count = 0;
  let isComplete = true;
  for (const passes of statement.iterate(...exactParams, ...otherParams)) {
    rows++;
    count += passes as number;
    if (performance.now() > deadline) {
      isComplete = false;
      break;
    }
  }
  runner.countSpeed.record(rows, performance.now() - started);
  return isComplete ? count : undefined;
}

function countWithinBudget(statement: Statement, args: unknown[], budgetMs: number): number | undefined {
  const deadline = performance.now() + budgetMs;
  let count = 0;
  for (const _row of statement.iterate(...args)) {
    count++;
    if (performance.now() > deadline) return undefined;
  }
  return count;
}

/** What the query plan of a statement says about its cost. */
interface PlanShape {
  /** Rows are sorted in a temporary B-tree (USE TEMP B-TREE) rather than read in index order. */
  sortsInMemory: boolean;
  /** The items table (or one of its indexes) is scanned from end to end, without a range. */
  scansEveryItem: boolean;
}

/** Plans seen so far, per store. */
const plansByStore = new WeakMap<StatementCache, Map<string, PlanShape>>();
const MAX_REMEMBERED_PLANS = 500;

function planShape(statements: StatementCache, sql: string, params: unknown[]): PlanShape {
  let plans = plansByStore.get(statements);
  if (!plans) plansByStore.set(statements, (plans = new Map()));
  let shape = plans.get(sql);
  if (shape === undefined) {
    const steps = statements.get(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
    shape = {
      sortsInMemory: steps.some((step) => step.detail.startsWith('USE TEMP B-TREE FOR')),
      scansEveryItem: steps.some((step) => /^SCAN i( |$)/.test(step.detail)),
    };
    if (plans.size >= MAX_REMEMBERED_PLANS) plans.clear();
    plans.set(sql, shape);
  }
  return shape;
}

/** Whether SQLite answers `sql` by sorting in memory (USE TEMP B-TREE) rather than in index order. */
function sortsInMemory(statements: StatementCache, sql: string, params: unknown[]): boolean {
  return planShape(statements, sql, params).sortsInMemory;
}
