/**
 * Collections in the SQLite store: writes (with their extent boxes and FTS row), cascade deletion of their
 * items, and collection search (bbox, datetime, q, filter, sort, keyset paging). Collections are few, so
 * numberMatched is always exact.
 * See https://github.com/stac-api-extensions/collection-search
 */
import type Database from 'better-sqlite3';
import type { StacCollection } from '../../model/stac-types.js';
import type { CollectionSearch } from '../../search/item-search.js';
import type { CollectionPage, WriteMode, WriteResult } from '../catalog-store.js';
import {
  CollectionExistsError,
  CollectionNotFoundError,
  InvalidSearchError,
  UnknownQueryableError,
} from '../../catalog-errors.js';
import { compileCql2ToSqlite } from './cql2-sqlite-compiler.js';
import { splitAtAntimeridian } from './bbox-geometry.js';
import { toCollectionRow } from './collection-row.js';
import { toFtsMatch } from './fts-query.js';
import {
  decodePageToken,
  encodePageToken,
  keysetCondition,
  type OrderTerm,
  orderBySql,
} from './keyset-paging.js';
import { resolveCollectionProperty } from './sqlite-queryables.js';
import { freeTextRelevanceOf, RELEVANCE_FIELD, relevanceOrderTerm } from './free-text-relevance.js';
import type { StatementCache } from './statement-cache.js';

/** Writes and reads collections; all methods are synchronous and run in the caller's transaction. */
export class SqliteCollections {
  constructor(
    private readonly db: Database.Database,
    private readonly statements: StatementCache,
  ) {}

  /** The key of a collection, or undefined. */
  keyOf(id: string): number | undefined {
    return this.statements.get('SELECT collection_key FROM collections WHERE id = ?').pluck().get(id) as
      number | undefined;
  }

  get(id: string): StacCollection | undefined {
    const doc = this.statements.get('SELECT doc FROM collections WHERE id = ?').pluck().get(id) as
      string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as StacCollection);
  }

  put(collection: StacCollection, mode: WriteMode): WriteResult {
    const row = toCollectionRow(collection);
    const existing = this.keyOf(row.id);
    if (existing !== undefined) {
      if (mode === 'insert') throw new CollectionExistsError(row.id);
      if (mode === 'skip-existing') return { inserted: 0, updated: 0, skipped: 1 };
    }
    const values = [row.doc, row.keywords, row.providers, row.start_ms, row.end_ms, row.extent_geometry];
    let key: number;
    if (existing === undefined) {
      key = Number(
        this.statements
          .get(
            `INSERT INTO collections (id, doc, keywords, providers, start_ms, end_ms, extent_geometry)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(row.id, ...values).lastInsertRowid,
      );
    } else {
      key = existing;
      this.statements
        .get(
          `UPDATE collections SET doc = ?, keywords = ?, providers = ?, start_ms = ?, end_ms = ?, extent_geometry = ?
           WHERE collection_key = ?`,
        )
        .run(...values, key);
      this.statements.get('DELETE FROM collection_bboxes WHERE collection_key = ?').run(key);
      this.statements.get('DELETE FROM collection_fts WHERE rowid = ?').run(key);
    }
    const insertBox = this.statements.get(
      'INSERT INTO collection_bboxes (collection_key, minx, miny, maxx, maxy) VALUES (?, ?, ?, ?, ?)',
    );
    for (const box of row.boxes) insertBox.run(key, box.minx, box.miny, box.maxx, box.maxy);
    const keywords = row.keywords && (JSON.parse(row.keywords) as string[]).join(' ');
    const providers = row.providers && (JSON.parse(row.providers) as string[]).join(' ');
    this.statements
      .get(
        'INSERT INTO collection_fts (rowid, id, title, description, keywords, providers) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(key, row.id, row.title, row.description, keywords, providers);
    return existing === undefined
      ? { inserted: 1, updated: 0, skipped: 0 }
      : { inserted: 0, updated: 1, skipped: 0 };
  }

  /** Deletes a collection, its items and everything derived from them. Returns the deleted key. */
  delete(id: string): number {
    const key = this.keyOf(id);
    if (key === undefined) throw new CollectionNotFoundError(id);
    const itemKeys = 'SELECT item_key FROM items WHERE collection = ?';
    this.db.prepare(`DELETE FROM item_fts WHERE rowid IN (${itemKeys})`).run(id);
    this.db
      .prepare(
        `DELETE FROM item_rtree WHERE entry IN (SELECT item_key * 2 FROM items WHERE collection = ?
                UNION ALL SELECT item_key * 2 + 1 FROM items WHERE collection = ?)`,
      )
      .run(id, id);
    this.db.prepare(`DELETE FROM item_docs WHERE item_key IN (${itemKeys})`).run(id);
    this.db.prepare('DELETE FROM items WHERE collection = ?').run(id);
    this.db.prepare('DELETE FROM item_properties WHERE collection_key = ?').run(key);
    this.db.prepare('DELETE FROM collection_fts WHERE rowid = ?').run(key);
    this.db.prepare('DELETE FROM collections WHERE collection_key = ?').run(key);
    return key;
  }

  search(query: CollectionSearch): CollectionPage {
    if (!Number.isInteger(query.limit) || query.limit < 1) {
      throw new InvalidSearchError(`limit must be a positive integer, got ${query.limit}`, 'limit');
    }
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.ids) {
      conditions.push('c.id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(query.ids));
    }
    if (query.bbox) {
      const boxes = splitAtAntimeridian(query.bbox);
      const overlap = boxes
        .map(() => '(b.maxx >= ? AND b.minx <= ? AND b.maxy >= ? AND b.miny <= ?)')
        .join(' OR ');
      conditions.push(
        `EXISTS (SELECT 1 FROM collection_bboxes b WHERE b.collection_key = c.collection_key AND (${overlap}))`,
      );
      for (const box of boxes) params.push(box.minx, box.maxx, box.miny, box.maxy);
    }
    if (query.datetime?.start !== undefined) {
      conditions.push('c.end_ms >= ?');
      params.push(query.datetime.start);
    }
    if (query.datetime?.end !== undefined) {
      conditions.push('c.start_ms <= ?');
      params.push(query.datetime.end);
    }
    if (query.q !== undefined && query.q.trim() !== '') {
      conditions.push('c.collection_key IN (SELECT rowid FROM collection_fts WHERE collection_fts MATCH ?)');
      params.push(toFtsMatch(query.q));
    }
    if (query.filter !== undefined) {
      const compiled = compileCql2ToSqlite(query.filter, resolveCollectionProperty);
      conditions.push(`(${compiled.sql})`);
      params.push(...compiled.params);
    }
    const terms = collectionOrderTerms(query, (location) =>
      freeTextRelevanceOf(this.db).collectionScoreSql(query.q, location),
    );
    const signature = terms.map((t) => `${t.sql} ${t.direction}`).join(',');
    const token = query.token ? decodePageToken(query.token, signature, terms.length) : undefined;
    const reverse = token?.direction === 'prev';
    const where = (extra: string[]) => (extra.length ? `WHERE ${extra.join(' AND ')}` : '');
    const matched = this.statements
      .get(`SELECT count(*) FROM collections c ${where(conditions)}`)
      .pluck()
      .get(...params) as number;
    const pageConditions = [...conditions];
    const pageParams = [...params];
    if (token) {
      const seek = keysetCondition(terms, token.key, reverse);
      pageConditions.push(seek.sql);
      pageParams.push(...seek.params);
    }
    const keys = terms.map((t, index) => `${t.sql} AS k${index}`).join(', ');
    const rows = this.statements
      .get(
        `SELECT c.doc, ${keys} FROM collections c ${where(pageConditions)} ORDER BY ${orderBySql(terms, reverse)} LIMIT ?`,
      )
      .raw()
      .all(...pageParams, query.limit + 1) as unknown[][];
    const hasMore = rows.length > query.limit;
    const pageRows = rows.slice(0, query.limit);
    if (reverse) pageRows.reverse();
    const page: CollectionPage = {
      collections: pageRows.map((row) => JSON.parse(row[0] as string) as StacCollection),
      numberMatched: matched,
    };
    if (pageRows.length > 0) {
      const keyOf = (row: unknown[]) => row.slice(1);
      if (reverse || hasMore)
        page.next = encodePageToken(
          { direction: 'next', key: keyOf(pageRows[pageRows.length - 1]) },
          signature,
        );
      if (reverse ? hasMore : token !== undefined) {
        page.prev = encodePageToken({ direction: 'prev', key: keyOf(pageRows[0]) }, signature);
      }
    }
    return page;
  }
}

/** The order terms of a collection search; a sort by relevance ranks ties by id, `relevanceSql` gives its score. */
function collectionOrderTerms(
  query: CollectionSearch,
  relevanceSql: (location: string) => string,
): OrderTerm[] {
  const fields =
    query.sortby && query.sortby.length > 0 ? query.sortby : [{ field: 'id', direction: 'asc' as const }];
  const terms = fields.map((field, index): OrderTerm => {
    if (field.field === RELEVANCE_FIELD) return relevanceOrderTerm(field, relevanceSql(`sortby[${index}]`));
    const property = resolveCollectionProperty(field.field);
    if (!property) throw new UnknownQueryableError(field.field, `sortby[${index}]`);
    if (property.type === 'geometry') {
      throw new InvalidSearchError(
        `cannot sort by the geometry property '${field.field}'`,
        `sortby[${index}]`,
      );
    }
    return {
      sql: property.sql,
      direction: field.direction,
      notNull: ['c.id', 'c.start_ms', 'c.end_ms'].includes(property.sql),
    };
  });
  terms.push({ sql: 'c.collection_key', direction: 'asc', notNull: true });
  return terms;
}
