/**
 * Builds the WHERE clause of an item search over `items i`: ids, collections, bbox, intersects, datetime,
 * filter and q. Values are always bound parameters.
 */
import type { Geometry } from 'geojson';
import type { Bbox2D, ItemSearch } from '../../search/item-search.js';
import { compileCql2ToSqlite } from './cql2-sqlite-compiler.js';
import type { SqlPropertyResolver } from './sql-property.js';
import { bboxToGeometry, geometryBbox, type PlainBox, splitAtAntimeridian } from './bbox-geometry.js';
import { toFtsMatch, toFtsTerms } from './fts-query.js';
import { ITEM_GEOMETRY_SQL } from './sqlite-queryables.js';

/** Conditions ANDed together, with their parameters in order. */
export interface WhereClause {
  conditions: string[];
  params: unknown[];
  /**
   * Where the exact geometry test of bbox/intersects sits among the conditions (it is also in them), so a
   * search can run it only on the rows it is about to return instead of on every candidate.
   */
  exactGeometry?: { conditionIndex: number; paramOffset: number; paramCount: number };
  /** When the R*Tree drives the query: how many entries it yields, the rows a count of it reads. */
  rtreeCandidates?: number;
  /** For a free-text search, roughly how many items its text matches (see estimateFreeTextMatches). */
  freeTextMatches?: number;
}

/** Appends the exact geometry condition and records where it is. */
function pushExactGeometry(where: WhereClause, sql: string, params: unknown[]): void {
  where.exactGeometry = {
    conditionIndex: where.conditions.length,
    paramOffset: where.params.length,
    paramCount: params.length,
  };
  where.conditions.push(sql);
  where.params.push(...params);
}

/** What the builder needs from the store. */
export interface ItemSearchContext {
  resolve: SqlPropertyResolver;
  /** Above this many R*Tree candidates, the spatial test runs on the bbox columns along the chosen index. */
  rtreeDriveLimit(): number;
  /** Above this many estimated free-text matches, matches are probed row by row along the sort index. */
  freeTextProbeThreshold: number;
  /** Counts R*Tree entries overlapping a box, stopping at `limit`. */
  countRtreeCandidates(box: PlainBox, limit: number): number;
  /** Counts items starting within [from, to] (open when undefined), stopping at `limit`. */
  countItemsStarting(from: number | undefined, to: number | undefined, limit: number): number;
  /** An upper bound of dt_end - dt_start over all items, so datetime searches can bound their index scan. */
  maxItemDurationMs(): number;
  /** A rough number of items a free-text search matches (from term document counts). */
  estimateFreeTextMatches(q: string): number;
  /** Prepares the bitmaps of FTS5 terms for `item_matches_text`; returns its match argument. */
  prepareFreeTextBitmaps(terms: string[]): string;
}

/** SQL true when the item box (columns minx..maxy, minx > maxx when crossing the antimeridian) overlaps `box`. */
function boxOverlapSql(box: PlainBox): { sql: string; params: unknown[] } {
  return {
    sql:
      '(i.maxy >= ? AND i.miny <= ? AND ((i.minx <= i.maxx AND i.maxx >= ? AND i.minx <= ?)' +
      ' OR (i.minx > i.maxx AND (i.minx <= ? OR i.maxx >= ?))))',
    params: [box.miny, box.maxy, box.minx, box.maxx, box.maxx, box.minx],
  };
}

/**
 * Counts, up to a limit, the entries a search ordered by datetime reads from the datetime index for its
 * datetime window; undefined when the search has no window or another order.
 */
type WindowCounter = ((limit: number) => number) | undefined;

function windowCounter(query: ItemSearch, context: ItemSearchContext): WindowCounter {
  const start = query.datetime?.start;
  const end = query.datetime?.end;
  const order = query.sortby?.[0]?.field;
  if ((start === undefined && end === undefined) || (order !== undefined && order !== 'datetime')) return;
  const from = start === undefined ? undefined : start - context.maxItemDurationMs();
  return (limit) => context.countItemsStarting(from, end, limit);
}

function spatialPrefilter(
  boxes: PlainBox[],
  context: ItemSearchContext,
  where: WhereClause,
  countWindow: WindowCounter,
): void {
  const limit = context.rtreeDriveLimit();
  const candidates = boxes.reduce((n, box) => n + context.countRtreeCandidates(box, limit), 0);
  // The datetime index covers the bbox columns: when the window holds fewer items than the R*Tree has
  // candidates, walking it reads fewer rows, in the order of the results.
  if (candidates < limit && !(countWindow && countWindow(candidates) < candidates)) {
    // Few candidates: let the R*Tree drive the query.
    where.rtreeCandidates = candidates;
    const select = 'SELECT id FROM item_rtree_key WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?';
    where.conditions.push(`i.item_key IN (${boxes.map(() => select).join(' UNION ALL ')})`);
    for (const box of boxes) where.params.push(box.minx, box.maxx, box.miny, box.maxy);
  } else {
    // Most items overlap, or the datetime window is smaller: test the columns while walking the sort index.
    const overlaps = boxes.map(boxOverlapSql);
    where.conditions.push(`(${overlaps.map((o) => o.sql).join(' OR ')})`);
    for (const o of overlaps) where.params.push(...o.params);
  }
}

function addBbox(bbox: Bbox2D, context: ItemSearchContext, where: WhereClause, window: WindowCounter): void {
  const boxes = splitAtAntimeridian(bbox);
  spatialPrefilter(boxes, context, where, window);
  // An item box inside the search box certainly intersects it: the exact geometry test runs only at the edges.
  const contained = boxes.map(
    () => '(i.minx <= i.maxx AND i.minx >= ? AND i.maxx <= ? AND i.miny >= ? AND i.maxy <= ?)',
  );
  pushExactGeometry(where, `(${contained.join(' OR ')} OR st_intersects(${ITEM_GEOMETRY_SQL}, ?))`, [
    ...boxes.flatMap((box) => [box.minx, box.maxx, box.miny, box.maxy]),
    JSON.stringify(bboxToGeometry(bbox)),
  ]);
}

function addIntersects(
  geometry: Geometry,
  context: ItemSearchContext,
  where: WhereClause,
  window: WindowCounter,
): void {
  const box = geometryBbox(geometry);
  if (!box) {
    where.conditions.push('0');
    return;
  }
  spatialPrefilter(splitAtAntimeridian(box), context, where, window);
  pushExactGeometry(where, `st_intersects(${ITEM_GEOMETRY_SQL}, ?)`, [JSON.stringify(geometry)]);
}

/**
 * The free-text condition: the item's collection's title and keywords, or the item's own text. Rare terms
 * collect their matches first (IN); common ones are tested per row against bitmaps while walking the sort
 * order, which finds a page after a few rows instead of sorting every match.
 */
function freeTextCondition(
  q: string,
  context: ItemSearchContext,
): { sql: string; params: unknown[]; estimate: number } {
  const match = toFtsMatch(q);
  const estimate = context.estimateFreeTextMatches(q);
  const isCommon = estimate > context.freeTextProbeThreshold;
  const own = isCommon
    ? 'item_matches_text(i.item_key, ?)'
    : 'i.item_key IN (SELECT rowid FROM item_fts WHERE item_fts MATCH ?)';
  return {
    sql: `(i.collection IN (SELECT id FROM collections WHERE collection_key IN
      (SELECT rowid FROM collection_fts WHERE collection_fts MATCH ?)) OR ${own})`,
    params: [
      `{title keywords} : (${match})`,
      isCommon ? context.prepareFreeTextBitmaps(toFtsTerms(q)) : match,
    ],
    estimate,
  };
}

/** The conditions of every search parameter except paging and sorting. */
export function buildItemWhere(query: ItemSearch, context: ItemSearchContext): WhereClause {
  const where: WhereClause = { conditions: [], params: [] };
  if (query.ids) {
    where.conditions.push('i.id IN (SELECT value FROM json_each(?))');
    where.params.push(JSON.stringify(query.ids));
  }
  if (query.collections?.length === 1) {
    // '=' rather than IN lets the planner walk an index on (collection, sort key) in order.
    where.conditions.push('i.collection = ?');
    where.params.push(query.collections[0]);
  } else if (query.collections) {
    where.conditions.push('i.collection IN (SELECT value FROM json_each(?))');
    where.params.push(JSON.stringify(query.collections));
  }
  if (query.datetime?.start !== undefined) {
    // The second bound is implied by the first (dt_end - dt_start ≤ max duration) but lets the datetime
    // index stop its scan instead of running to the oldest item.
    where.conditions.push('i.dt_end >= ? AND i.dt_start >= ?');
    where.params.push(query.datetime.start, query.datetime.start - context.maxItemDurationMs());
  }
  if (query.datetime?.end !== undefined) {
    where.conditions.push('i.dt_start <= ?');
    where.params.push(query.datetime.end);
  }
  if (query.bbox) addBbox(query.bbox, context, where, windowCounter(query, context));
  if (query.intersects) addIntersects(query.intersects, context, where, windowCounter(query, context));
  if (query.q !== undefined && query.q.trim() !== '') {
    const text = freeTextCondition(query.q, context);
    where.freeTextMatches = text.estimate;
    where.conditions.push(text.sql);
    where.params.push(...text.params);
  }
  if (query.filter !== undefined) {
    const compiled = compileCql2ToSqlite(query.filter, context.resolve);
    where.conditions.push(`(${compiled.sql})`);
    where.params.push(...compiled.params);
  }
  return where;
}

/** `WHERE …` text (empty when there is no condition). */
export function whereSql(conditions: string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}
